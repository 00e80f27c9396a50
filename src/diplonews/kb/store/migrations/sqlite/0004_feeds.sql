-- Followed news feeds and sitemaps (`diplonews watch`): each source's health and
-- validators, and each page it listed, from seen to stored, so a run that is killed
-- resumes without losing a page or fetching a recorded one again.
CREATE TABLE feed_sources (
  name TEXT PRIMARY KEY,          -- as in the config file
  url TEXT NOT NULL,
  kind TEXT NOT NULL,             -- rss | sitemap
  etag TEXT,                      -- validators of the last listing, for conditional GET
  last_modified TEXT,
  last_poll TEXT,                 -- ISO times (UTC)
  last_success TEXT,
  last_error TEXT,
  last_error_at TEXT,
  failures INTEGER NOT NULL DEFAULT 0,  -- failed polls in a row
  next_poll TEXT,
  articles_added INTEGER NOT NULL DEFAULT 0,
  copies_added INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feed_pages (
  url TEXT PRIMARY KEY,           -- as listed, normalised
  source TEXT NOT NULL,           -- the feed_sources.name that listed it first
  state TEXT NOT NULL,            -- seen | fetched | stored | failed
  reason TEXT,                    -- why it failed, or is waiting
  attempts INTEGER NOT NULL DEFAULT 0,
  retry_at TEXT,                  -- not fetched again before this time
  listed_title TEXT,
  listed_date TEXT,
  final_url TEXT,                 -- after redirects
  canonical_url TEXT,             -- the page's own (the copy's key in `copies`)
  outlet TEXT,
  title TEXT,
  published TEXT,
  text TEXT,                      -- the page's text between fetched and stored
  seen_at TEXT NOT NULL,
  fetched_at TEXT,
  stored_at TEXT
);
CREATE INDEX feed_pages_state ON feed_pages(state, seen_at);
CREATE INDEX feed_pages_source ON feed_pages(source, seen_at);
CREATE INDEX feed_pages_canonical ON feed_pages(canonical_url)
