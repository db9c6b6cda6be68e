-- The mail server's acceptance of a mail, apart from the decision to send it. A sender commits a row SENT
-- before it ends the mail's DATA with the final dot (a server discards a mail whose DATA is not ended), and
-- records the server's 250 reply to the dot afterwards: a SENT row without accepted_at is a mail whose fate is
-- unknown (the sender died, or lost the connection, between its commit and the reply). Such a row is not sent
-- again (that could be a duplicate); at most one per sender worker and crash.
alter table mailing_outbox add column accepted_at timestamptz;
update mailing_outbox set accepted_at = sent_at where status = 'SENT';
