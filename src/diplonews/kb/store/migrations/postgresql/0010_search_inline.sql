-- Search entries kept in their row, compressed by lz4, rather than out of line (0008):
-- a search ranks every entry it matches, and reading each from TOAST (an index lookup
-- and two chunks for an article's 2.8 kB) was most of the time of a search for common
-- words. In the row, lz4 packs a tsvector a little (pglz, which does not, is not tried:
-- it took 7% of an ingest, 0008), and TOAST is left nearly empty: the table and its
-- indexes are 2% smaller at 20,000 articles. Entries written before stay where they
-- are until rewritten.
-- Where lz4 is missing (PostgreSQL before 14, or built without it) nothing changes.
DO $$
BEGIN
  -- Run as strings: PostgreSQL before 14 would refuse the block itself (its syntax).
  EXECUTE 'ALTER TABLE search ALTER COLUMN document SET COMPRESSION lz4';
  EXECUTE 'ALTER TABLE search ALTER COLUMN document SET STORAGE MAIN';
EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
  NULL;
END
$$
