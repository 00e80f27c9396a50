-- Followed news feeds and sitemaps (`diplonews watch`): each source's health and
-- validators, and each page it listed, from seen to stored, so a run that is killed
-- resumes without losing a page or fetching a recorded one again.
-- Text collates by code point, as in SQLite (see 0001).
CREATE TABLE feed_sources (
  name TEXT COLLATE "C" PRIMARY KEY,          -- as in the config file
  url TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,             -- rss | sitemap
  etag TEXT COLLATE "C",                      -- validators of the last listing, for conditional GET
  last_modified TEXT COLLATE "C",
  last_poll TEXT COLLATE "C",                 -- ISO times (UTC)
  last_success TEXT COLLATE "C",
  last_error TEXT COLLATE "C",
  last_error_at TEXT COLLATE "C",
  failures INTEGER NOT NULL DEFAULT 0,  -- failed polls in a row
  next_poll TEXT COLLATE "C",
  articles_added INTEGER NOT NULL DEFAULT 0,
  copies_added INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feed_pages (
  url TEXT COLLATE "C" PRIMARY KEY,           -- as listed, normalised
  source TEXT COLLATE "C" NOT NULL,           -- the feed_sources.name that listed it first
  state TEXT COLLATE "C" NOT NULL,            -- seen | fetched | stored | failed
  reason TEXT COLLATE "C",                    -- why it failed, or is waiting
  attempts INTEGER NOT NULL DEFAULT 0,
  retry_at TEXT COLLATE "C",                  -- not fetched again before this time
  listed_title TEXT COLLATE "C",
  listed_date TEXT COLLATE "C",
  final_url TEXT COLLATE "C",                 -- after redirects
  canonical_url TEXT COLLATE "C",             -- the page's own (the copy's key in `copies`)
  outlet TEXT COLLATE "C",
  title TEXT COLLATE "C",
  published TEXT COLLATE "C",
  text TEXT COLLATE "C",                      -- the page's text between fetched and stored
  seen_at TEXT COLLATE "C" NOT NULL,
  fetched_at TEXT COLLATE "C",
  stored_at TEXT COLLATE "C"
);
CREATE INDEX feed_pages_state ON feed_pages(state, seen_at);
CREATE INDEX feed_pages_source ON feed_pages(source, seen_at);
CREATE INDEX feed_pages_canonical ON feed_pages(canonical_url)
