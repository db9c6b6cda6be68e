-- Raised whenever a user's password changes or the account is disabled: a session signed in under an
-- older value ends on its next request.
alter table app_user add column credentials_version bigint not null default 0;
