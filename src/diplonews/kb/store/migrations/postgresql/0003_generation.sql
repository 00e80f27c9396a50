-- A number every write batch raises: readers that keep what they computed from the
-- store (the web server's page cache) compare it to know when that is stale.
CREATE TABLE generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO generation (id, value) VALUES (1, 0)
