-- The language each recipient reads a mailed briefing in (zh-CN, zh-TW or en). A subscriber's is the language the
-- subscription was asked in; a members' representative's is the one their account reads, taken when the mailing is
-- created. Rows made before this default to Simplified Chinese, the language every briefing mail was written in.
alter table mailing_subscriber add column language text not null default 'zh-CN'
    check (language in ('zh-CN', 'zh-TW', 'en'));
alter table mailing_outbox add column language text not null default 'zh-CN'
    check (language in ('zh-CN', 'zh-TW', 'en'));
