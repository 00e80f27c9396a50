-- Cheaper writes, a smaller store, the same contents (issue 14), PostgreSQL only.
--
-- Search: pglz does not compress a tsvector (it saves less than the quarter pglz asks
-- for), so every large entry written was tried in vain: 7% of the server's time in an
-- ingest. Kept out of line uncompressed, as it was stored already.
ALTER TABLE search ALTER COLUMN document SET STORAGE EXTERNAL;

-- Copies are looked up by their text's hash for equality only: a hash index keeps a
-- 4-byte hash code an entry instead of the 64-character key (126 bytes an article in
-- the b-tree).
DROP INDEX copies_hash;
CREATE INDEX copies_hash ON copies USING hash (content_hash);

-- Near-duplicate bands: 32 rows an article, so each byte of a row counts 32 times. Both
-- values fit 4 bytes (keys have 31 bits since 0005; article ids stay below 2^31), which
-- makes a row 8 bytes narrower in the table and in the b-tree: about 500 bytes an
-- article. The lookups compare them with 8-byte values as before.
ALTER TABLE minhash_bands ALTER COLUMN band_key TYPE INTEGER, ALTER COLUMN article_id TYPE INTEGER
