-- Briefings by e-mail: subscribers with double opt-in, mailings of a briefing and their durable outbox.

-- One row per alliance and address: a visitor's subscription (confirmed after the click on the link mailed to
-- them) or the record that an address (a subscriber or a members' representative) unsubscribed.
create table mailing_subscriber (
    id bigserial primary key,
    alliance_id bigint not null references alliance (id) on delete cascade,
    email text not null,
    confirm_token text unique,
    requested_at timestamptz not null default now(),
    confirmed_at timestamptz,
    unsubscribed_at timestamptz
);
create unique index mailing_subscriber_address on mailing_subscriber (alliance_id, lower(email));

-- The key that signs unsubscribe links, made once and kept, so links in sent mails stay valid after a restart.
create table mailing_key (
    id int primary key check (id = 1),
    secret bytea not null
);

-- A briefing is mailed once: a second mailing of the same issue would send it to everyone again.
create table mailing (
    id bigserial primary key,
    alliance_id bigint not null references alliance (id) on delete cascade,
    briefing_id bigint not null unique references briefing (id) on delete cascade,
    issue_number int not null,
    title text not null,
    created_by bigint,
    created_at timestamptz not null default now()
);

-- The outbox: the recipients of a mailing, snapshotted when it is created; a sender claims PENDING rows
-- (for update skip locked), sends and marks each SENT in the same transaction.
create table mailing_outbox (
    id bigserial primary key,
    mailing_id bigint not null references mailing (id) on delete cascade,
    email text not null,
    status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts int not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at timestamptz,
    last_error text
);
create unique index mailing_outbox_recipient on mailing_outbox (mailing_id, lower(email));
create index mailing_outbox_due on mailing_outbox (next_attempt_at, id) where status = 'PENDING';
