-- Curation: accounts of the people who correct the record, their sessions and API
-- tokens, the append-only log of corrections, and what applying it last gave.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
  password_hash TEXT NOT NULL,   -- argon2 (pwdlib), never the password
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

CREATE TABLE api_tokens (        -- bearer tokens for scripts: dn_<prefix>_<secret>
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  prefix TEXT NOT NULL UNIQUE,   -- the token's public part, to find its row
  token_hash TEXT NOT NULL,      -- SHA-256 of the whole token
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE sessions (          -- web logins: the cookie holds the id, the store its hash
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at REAL NOT NULL,      -- seconds since the epoch
  expires_at REAL NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (    -- failed logins, per account and per address
  key TEXT NOT NULL,             -- "user:NAME" or "addr:ADDRESS"
  at REAL NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

CREATE TABLE corrections (       -- append-only: rows are added, never changed or removed
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,              -- ISO time (UTC)
  author TEXT NOT NULL,          -- the account's name (kept when the account goes)
  kind TEXT NOT NULL,            -- event | person
  target TEXT NOT NULL,          -- JSON: the stable identity (sources and evidence, name key)
  label TEXT NOT NULL,           -- what the target was called, for people reading the log
  action TEXT NOT NULL,          -- set | participant | verify | reject | merge | split | rename
  field TEXT,
  old_value TEXT,                -- JSON
  new_value TEXT,                -- JSON
  reason TEXT NOT NULL
);
CREATE INDEX corrections_kind ON corrections(kind, at);

CREATE TABLE correction_state (  -- what applying each correction gave last time
  correction_id INTEGER PRIMARY KEY REFERENCES corrections(id),
  state TEXT NOT NULL,           -- applied | vanished
  ref INTEGER,                   -- the event or person it applied to
  checked_at TEXT NOT NULL
);
CREATE INDEX correction_state_ref ON correction_state(ref);

CREATE TABLE curation_marks (    -- verified and corrected facts, rebuilt with every apply
  kind TEXT NOT NULL,
  ref INTEGER NOT NULL,
  field TEXT NOT NULL,           -- a field name, or "verified"
  correction_id INTEGER NOT NULL,
  value TEXT,                    -- JSON: a person's title set by an editor
  PRIMARY KEY (kind, ref, field)
);
