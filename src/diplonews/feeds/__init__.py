"""Following news feeds and sitemaps (`diplonews watch`), as a polite crawler.

`config` reads the TOML file; `http` fetches (robots.txt, per-host rate and
concurrency, retries, size limits, no private addresses); `listing` reads RSS/Atom
feeds and sitemaps; `pages` turns a fetched page into an article text (trafilatura)
and extracts it; `watch` runs the poll rounds and keeps their state in the store
(`diplonews.kb.feedstate`). See docs/feeds.md.
"""
