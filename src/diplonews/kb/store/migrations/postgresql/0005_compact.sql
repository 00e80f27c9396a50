-- A smaller store, the same contents (issue 14).
--
-- Near-duplicate bands: one b-tree of (band_key, article_id) instead of a table and two
-- indexes, with keys of 31 bits (the top ones of the 63 stored before: dedupe.band_keys
-- gives the same). An article's bands are found from its signature when it goes.
CREATE TABLE minhash_bands_0005 (
  band_key BIGINT NOT NULL,
  article_id BIGINT NOT NULL,
  PRIMARY KEY (band_key, article_id)
);
INSERT INTO minhash_bands_0005 (band_key, article_id)
  SELECT DISTINCT band_key >> 32, article_id FROM minhash_bands;
DROP TABLE minhash_bands;
ALTER TABLE minhash_bands_0005 RENAME TO minhash_bands;
ALTER INDEX minhash_bands_0005_pkey RENAME TO minhash_bands_pkey;

-- Search: the tsvector alone, computed when an entry is written (postgres.py), not
-- generated from a second copy of the folded text.
ALTER TABLE search ALTER COLUMN document DROP EXPRESSION;
ALTER TABLE search DROP COLUMN title;
ALTER TABLE search DROP COLUMN body
