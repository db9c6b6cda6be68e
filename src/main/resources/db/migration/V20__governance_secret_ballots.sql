-- Secret ballots keep who voted apart from what was chosen.
--
-- For a SECRET motion, `vote` (organisation beside choice, receipt and time) is no longer written:
--   secret_voter  who voted (and through which proxy holder): no choice, no receipt, no time;
--   ballot_box    one row per motion holding the ballots ("<receipt hash> <choice>") sorted by receipt hash,
--                 rewritten whole under the motion's lock at each vote, so that neither its content nor any
--                 row order tells in which order the ballots came;
--   ballot_log    is written only when the motion closes, over the ballots in receipt-hash order.
-- OPEN motions keep `vote` and their log in cast order, as before.

create table secret_voter (
    motion_id       bigint not null references motion (id) on delete cascade,
    organization_id bigint not null references organization (id),
    proxy_holder_id bigint references organization (id),
    primary key (motion_id, organization_id)
);

create table ballot_box (
    motion_id bigint primary key references motion (id) on delete cascade,
    entries   text[] not null default '{}'
);

-- A result the secretariat chose to publish, to whom (the minutes' audiences: PUBLIC or MEMBERS), and when.
alter table motion add column result_visibility text check (result_visibility in ('PUBLIC', 'MEMBERS'));
alter table motion add column result_published_at timestamptz;

-- Existing secret votes are split: voters (in organisation order) ...
insert into secret_voter (motion_id, organization_id, proxy_holder_id)
select v.motion_id, v.organization_id, v.proxy_holder_id
from vote v join motion m on m.id = v.motion_id
where m.ballot = 'SECRET'
order by v.motion_id, v.organization_id;

-- ... and ballots, sorted by receipt hash.
insert into ballot_box (motion_id, entries)
select v.motion_id, array_agg(v.receipt_hash || ' ' || v.choice order by v.receipt_hash)
from vote v join motion m on m.id = v.motion_id
where m.ballot = 'SECRET'
group by v.motion_id;

-- Logs of secret motions were written in cast order: an open vote's log is dropped (it is written at
-- close), a closed vote's log is written again over its ballots in receipt-hash order.
delete from ballot_log l using motion m where m.id = l.motion_id and m.ballot = 'SECRET';

insert into ballot_log (motion_id, seq, payload, prev_hash, entry_hash)
with recursive ordered as (
    select v.motion_id, (row_number() over (partition by v.motion_id order by v.receipt_hash))::int as seq,
           v.choice || ' ' || v.receipt_hash as payload
    from vote v join motion m on m.id = v.motion_id
    where m.ballot = 'SECRET' and m.status = 'CLOSED'
), chain as (
    select o.motion_id, o.seq, o.payload, repeat('0', 64) as prev_hash,
           encode(sha256(convert_to(repeat('0', 64) || E'\n' || o.payload, 'UTF8')), 'hex') as entry_hash
    from ordered o where o.seq = 1
    union all
    select o.motion_id, o.seq, o.payload, c.entry_hash,
           encode(sha256(convert_to(c.entry_hash || E'\n' || o.payload, 'UTF8')), 'hex')
    from chain c join ordered o on o.motion_id = c.motion_id and o.seq = c.seq + 1
)
select motion_id, seq, payload, prev_hash, entry_hash from chain;

delete from vote v using motion m where m.id = v.motion_id and m.ballot = 'SECRET';
-- The deleted rows stay readable in the table's files until PostgreSQL reuses their space; an operator
-- upgrading a database with secret votes runs `VACUUM FULL vote, ballot_log;` once afterwards.
