-- Which MinHash signatures the store holds (kb/dedupe.py: SCHEME). A store that holds
-- articles already was signed by crc32 of each shingle's text: writes.Writer signs its
-- articles again, from their stored bodies, before it first writes into it. A new (or
-- empty) store holds today's signatures from the start.
CREATE TABLE minhash_scheme (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL
);
INSERT INTO minhash_scheme (id, name)
  SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 'crc32-affine32'
    ELSE 'words5-affine32' END
