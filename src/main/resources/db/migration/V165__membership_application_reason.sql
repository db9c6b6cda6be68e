-- The reason a secretariat gives when it rejects (or approves) an application in the back office.
alter table membership_application add column decision_reason text;
