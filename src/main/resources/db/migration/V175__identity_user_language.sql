-- The language a user reads the platform and its e-mail in (zh-CN, zh-TW or en): set when the signed-in user
-- chooses one in the language switch or on the notification settings page; Simplified Chinese until then.
alter table app_user add column language text not null default 'zh-CN' check (language in ('zh-CN', 'zh-TW', 'en'));
