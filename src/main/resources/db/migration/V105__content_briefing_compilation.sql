-- A briefing issue compiled from chosen articles of its alliance: their order, a note of the editor per issue
-- and per article. The compiled page is kept in briefing.body (what the site, the PDF and the mail show).
alter table briefing add column editor_note text;

create table briefing_article (
    briefing_id bigint not null references briefing (id) on delete cascade,
    article_id  bigint not null references article (id) on delete cascade,
    position    int    not null,
    note        text,
    primary key (briefing_id, article_id)
);
create index briefing_article_article on briefing_article (article_id);
