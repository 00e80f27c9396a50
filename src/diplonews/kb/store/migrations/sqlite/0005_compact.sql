-- A smaller store, the same contents (issue 14: 4.2x the articles' text before).
--
-- Near-duplicate bands: one b-tree of (band_key, article_id) instead of a table and two
-- indexes, with keys of 31 bits (the top ones of the 63 stored before: dedupe.band_keys
-- gives the same). An article's bands are found from its signature when it goes.
CREATE TABLE minhash_bands_0005 (
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO minhash_bands_0005 (band_key, article_id)
  SELECT band_key >> 32, article_id FROM minhash_bands;
DROP TABLE minhash_bands;
ALTER TABLE minhash_bands_0005 RENAME TO minhash_bands;

-- Search: a contentless FTS5 index, so the folded text of every article is no longer
-- kept a second time beside articles.body. rowid = ref * 4 + kind number as before.
-- An entry is taken out with the text it was indexed with: search_entries keeps it for
-- events and people, and NULL for an article indexed with its own title and body,
-- which are folded again (store/sqlite.py).
CREATE VIRTUAL TABLE search_0005 USING fts5(
  title, body, content = '', tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO search_0005 (search_0005, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE TABLE search_entries (
  id INTEGER PRIMARY KEY,       -- the rowid in search
  title TEXT,                   -- NULL: the article's title and body, folded
  body TEXT
);
INSERT INTO search_0005 (rowid, title, body) SELECT rowid, title, body FROM search;
-- Kept as indexed: the migration cannot fold, so an article's text is kept here too
-- until the article is next written.
INSERT INTO search_entries (id, title, body) SELECT rowid, title, body FROM search;
DROP TABLE search;
ALTER TABLE search_0005 RENAME TO search
