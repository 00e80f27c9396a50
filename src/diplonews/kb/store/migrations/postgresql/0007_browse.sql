-- Browsing the record (issue 15): the outlet of each article, and indexes for the lists'
-- filters and facets (web/browse_pages.py, kb/store/listing.py).
--
-- articles.host: the host of the article's URL, lower-case, without "www." (NULL when
-- the URL is none or not http(s)); kb/sources.py names the outlet from it. Computed by
-- the database from `url` (as the SQLite migration computes it), so every store, old or
-- new, has it; an index on it serves the outlet filter and facet.
ALTER TABLE articles ADD COLUMN host TEXT COLLATE "C" GENERATED ALWAYS AS (
  NULLIF(regexp_replace(lower(substring(url from '^[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9.-]+)')), '^www[.]', ''), '')
) STORED;
CREATE INDEX articles_host ON articles(host, published);
CREATE INDEX events_status_date ON events(status, date);
CREATE INDEX events_year ON events(year);
CREATE INDEX people_country ON people(country)
