-- The knowledge base. Every article read is kept (articles, copies); what articles
-- report is kept as mentions, and resolved into events and people.

CREATE TABLE files (            -- input files as last read: unchanged ones are skipped
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  extractor TEXT NOT NULL
);

CREATE TABLE articles (         -- one row per distinct article
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT,
  published TEXT,
  url TEXT,
  credits TEXT NOT NULL,        -- JSON list
  body TEXT NOT NULL,           -- the cleaned body, which evidence spans are offsets into
  record TEXT NOT NULL,         -- the extraction record (SCHEMA.md) as JSON
  minhash BLOB NOT NULL,
  extractor TEXT NOT NULL,      -- diplonews version that extracted it
  added_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE copies (           -- every source read: a file, or file#doc_id for JSONL
  source TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  doc_id TEXT NOT NULL,
  url TEXT,
  content_hash TEXT NOT NULL,
  similarity REAL NOT NULL,     -- 1.0 for the article's own text
  added_at TEXT NOT NULL
);
CREATE INDEX copies_article ON copies(article_id);
CREATE INDEX copies_hash ON copies(content_hash);

CREATE TABLE minhash_bands (    -- locality-sensitive index of article signatures
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL
);
CREATE INDEX minhash_bands_key ON minhash_bands(band_key);
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,
  strict_key TEXT NOT NULL,
  loose_key TEXT NOT NULL,
  skeleton_key TEXT NOT NULL
);
CREATE INDEX people_strict ON people(strict_key);
CREATE INDEX people_loose ON people(loose_key);
CREATE INDEX people_skeleton ON people(skeleton_key, country);

CREATE TABLE person_mentions (  -- a person as one article reports them
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  article_id INTEGER NOT NULL REFERENCES articles(id),
  name TEXT NOT NULL,
  country TEXT,
  titles TEXT NOT NULL,         -- JSON list, as the article gives them
  seen TEXT                     -- ISO date the article speaks of the person
);
CREATE INDEX person_mentions_person ON person_mentions(person_id);
CREATE INDEX person_mentions_article ON person_mentions(article_id);

CREATE TABLE events (           -- reconciled from the event's mentions
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  name TEXT,
  series TEXT,
  edition INTEGER,
  date TEXT,
  year INTEGER,
  format TEXT,
  location TEXT,
  parties TEXT NOT NULL,        -- JSON list
  outcomes TEXT NOT NULL        -- JSON list
);
CREATE INDEX events_kind_year ON events(kind, year);
CREATE INDEX events_series ON events(series, edition);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_parties (
  event_id INTEGER NOT NULL REFERENCES events(id),
  party TEXT NOT NULL,
  PRIMARY KEY (event_id, party)
);
CREATE INDEX event_parties_party ON event_parties(party, event_id);

CREATE TABLE event_participants (
  event_id INTEGER NOT NULL REFERENCES events(id),
  position INTEGER NOT NULL,
  person_id INTEGER REFERENCES people(id),
  name TEXT NOT NULL,
  country TEXT,
  title TEXT,
  role TEXT NOT NULL,
  PRIMARY KEY (event_id, position)
);
CREATE INDEX event_participants_person ON event_participants(person_id);

CREATE TABLE mentions (         -- an event as one article reports it
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  article_id INTEGER NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,    -- its place among the article's events
  record TEXT NOT NULL,         -- the event as extracted (JSON), participants with person_id
  evidence TEXT,
  evidence_start INTEGER,       -- offsets of the evidence sentence in articles.body
  evidence_end INTEGER
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE figures (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  what TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  year INTEGER,
  evidence TEXT
);
CREATE INDEX figures_article ON figures(article_id);

CREATE TABLE milestones (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  kind TEXT NOT NULL,
  parties TEXT NOT NULL,        -- sorted codes joined by "|": one indexable key
  label TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  holder TEXT,
  evidence TEXT
);
CREATE INDEX milestones_parties ON milestones(parties);
CREATE INDEX milestones_article ON milestones(article_id);

-- Folded text (searching.fold) of articles, events and people, ranked by bm25.
-- rowid = ref * 4 + kind number, so one entry is replaced without a scan.
CREATE VIRTUAL TABLE search USING fts5(
  kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0'
);
