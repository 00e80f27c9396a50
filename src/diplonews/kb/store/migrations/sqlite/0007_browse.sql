-- Browsing the record (issue 15): the outlet of each article, and indexes for the lists'
-- filters and facets (web/browse_pages.py, kb/store/listing.py).
--
-- articles.host: the host of the article's URL, lower-case, without "www." (NULL when
-- the URL is none or not http(s)); kb/sources.py names the outlet from it. Computed by
-- the database from `url`, so every store, old or new, has it without a rewrite; an
-- index on it serves the outlet filter and facet.
ALTER TABLE articles ADD COLUMN host TEXT GENERATED ALWAYS AS (
  NULLIF(CASE WHEN lower(substr(url, 1, 7)) = 'http://' OR lower(substr(url, 1, 8)) = 'https://'
    THEN CASE WHEN lower(substr(substr(url, instr(url, '://') + 3), 1, length(substr(url, instr(url, '://') + 3)) - length(ltrim(substr(url, instr(url, '://') + 3), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-')))) LIKE 'www.%'
      THEN substr(lower(substr(substr(url, instr(url, '://') + 3), 1, length(substr(url, instr(url, '://') + 3)) - length(ltrim(substr(url, instr(url, '://') + 3), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-')))), 5)
      ELSE lower(substr(substr(url, instr(url, '://') + 3), 1, length(substr(url, instr(url, '://') + 3)) - length(ltrim(substr(url, instr(url, '://') + 3), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-')))) END END, '')
) VIRTUAL;
CREATE INDEX articles_host ON articles(host, published);
CREATE INDEX events_status_date ON events(status, date);
CREATE INDEX events_year ON events(year);
CREATE INDEX people_country ON people(country)
