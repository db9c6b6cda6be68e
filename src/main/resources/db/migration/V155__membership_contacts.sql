-- The person an alliance deals with at a member organisation (its representative's name and e-mail), as the
-- secretariat's member sheet lists it. An invited organisation's contact waits on the invitation and goes to
-- the membership when the organisation accepts.
alter table membership add column contact_name varchar(100);
alter table membership add column contact_email varchar(200);
alter table membership_invitation add column contact_name varchar(100);
alter table membership_invitation add column contact_email varchar(200);
