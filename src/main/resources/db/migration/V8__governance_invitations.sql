-- Invitations sent and the participants' replies.
alter table participant add column reply text check (reply in ('ATTEND', 'DECLINE'));
alter table participant add column invited_at timestamptz;
