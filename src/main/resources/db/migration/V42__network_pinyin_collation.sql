-- Lists of Chinese names are paged in SQL in pinyin order, the order Java's Collator for Locale.CHINA gives.
create collation if not exists pinyin (provider = icu, locale = 'zh');
