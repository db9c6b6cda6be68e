-- The weekly e-mail of new matches (匹配周报) to the representatives of the organisations that posted demands or
-- achievements. Matches are computed when the digest is written, never stored; these tables hold only who switched
-- it off, which span of postings each organisation's digest of a week covers, and which digest was sent to whom.

-- A representative who switched the digest off (in the back office, or by the link in the mail).
create table transfer_digest_optout (
    user_id bigint primary key,
    created_at timestamptz not null default now()
);

-- The postings an organisation's digest of a week covers: after the previous week's `until`, up to its own.
-- Recorded once (a rerun of the same week covers the same span and finds the same matches).
create table transfer_digest_round (
    organization_id bigint not null,
    week date not null,
    since timestamptz not null,
    until timestamptz not null,
    primary key (organization_id, week)
);

-- One digest per representative and week, claimed (inserted and committed) before the mail is sent: a rerun, a
-- second node or a restart after a crash finds the row and sends nothing. A failed send releases the claim.
create table transfer_digest_mail (
    user_id bigint not null,
    week date not null,
    status varchar(10) not null default 'CLAIMED' check (status in ('CLAIMED', 'SENT')),
    matches int not null default 0,
    claimed_at timestamptz not null default now(),
    sent_at timestamptz,
    primary key (user_id, week)
);

-- The key that signs the unsubscribe links, made once by the first digest.
create table transfer_digest_key (
    id int primary key check (id = 1),
    secret bytea not null
);
