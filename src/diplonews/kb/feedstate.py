"""The state of followed feeds in the store: each source's health, each listed page's.

`diplonews watch` (`diplonews.feeds`) writes it; `api.sources` and the web's sources
page read it. A source row holds the validators of its last listing (ETag,
Last-Modified), the times of its last poll, success and error, its failures in a row
and its next poll. A page row goes `seen` (listed, recorded with the listing's
validators in one transaction) → `fetched` (its text kept, committed as soon as it
is read) → `stored` (in the transaction that stores its article), or `failed` with
the reason. So a run killed at any point loses no listed page and fetches no
recorded page again: `fetched` pages are ingested from their kept text.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from diplonews.kb.store import Store

STATES = ("seen", "fetched", "stored", "failed")


def now_iso(at: float | None = None) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if at is None else at))


@dataclass
class SourceHealth:
    """One followed source as the store knows it."""

    name: str
    url: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    failures: int = 0
    next_poll: str | None = None
    articles_added: int = 0
    copies_added: int = 0
    pages: dict[str, int] = field(default_factory=dict)  # pages by state

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": self.url,
            "kind": self.kind,
            "last_poll": self.last_poll,
            "last_success": self.last_success,
            "last_error": self.last_error,
            "last_error_at": self.last_error_at,
            "failures": self.failures,
            "next_poll": self.next_poll,
            "articles_added": self.articles_added,
            "copies_added": self.copies_added,
            "pages": dict(self.pages),
        }


@dataclass
class Page:
    """One page a source listed, where it is on its way into the store."""

    url: str
    source: str
    state: str
    reason: str | None = None
    attempts: int = 0
    retry_at: str | None = None
    listed_title: str | None = None
    listed_date: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    seen_at: str | None = None
    fetched_at: str | None = None
    stored_at: str | None = None
    article_id: int | None = None
    text: str | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "source": self.source,
            "state": self.state,
            "reason": self.reason,
            "attempts": self.attempts,
            "canonical_url": self.canonical_url,
            "outlet": self.outlet,
            "title": self.title or self.listed_title,
            "published": self.published or self.listed_date,
            "seen_at": self.seen_at,
            "fetched_at": self.fetched_at,
            "stored_at": self.stored_at,
            "article_id": self.article_id,
        }


@dataclass(frozen=True)
class Listed:
    """A page as a feed or sitemap lists it."""

    url: str
    title: str | None = None
    date: str | None = None


# --- sources -------------------------------------------------------------------------

_SOURCE_COLUMNS = (
    "name, url, kind, etag, last_modified, last_poll, last_success, last_error, "
    "last_error_at, failures, next_poll, articles_added, copies_added"
)


def register(store: Store, sources: Iterable[tuple[str, str, str]]) -> None:
    """Make a row for each (name, url, kind) of the config; a source whose URL or kind
    changed starts again without validators."""
    with store.transaction():
        for name, url, kind in sources:
            rows = store.query("SELECT url, kind FROM feed_sources WHERE name = ?", (name,))
            if not rows:
                store.execute(
                    "INSERT INTO feed_sources (name, url, kind) VALUES (?, ?, ?)", (name, url, kind)
                )
            elif tuple(rows[0]) != (url, kind):
                store.execute(
                    "UPDATE feed_sources SET url = ?, kind = ?, etag = NULL, "
                    "last_modified = NULL, next_poll = NULL WHERE name = ?",
                    (url, kind, name),
                )


def sources(store: Store) -> list[SourceHealth]:
    """Every source the store has followed, by name, with its pages counted by state."""
    found = [
        SourceHealth(*row)
        for row in store.query(f"SELECT {_SOURCE_COLUMNS} FROM feed_sources ORDER BY name")
    ]
    counts: dict[str, dict[str, int]] = {}
    for name, state, count in store.query(
        "SELECT source, state, COUNT(*) FROM feed_pages GROUP BY source, state"
    ):
        counts.setdefault(name, {})[state] = int(count)
    for item in found:
        item.failures = int(item.failures)
        item.articles_added = int(item.articles_added)
        item.copies_added = int(item.copies_added)
        item.pages = {state: counts.get(item.name, {}).get(state, 0) for state in STATES}
    return found


def last_updated(store: Store) -> str | None:
    """When a source last gave something new to the store (its latest stored page)."""
    rows = store.query("SELECT MAX(stored_at) FROM feed_pages")
    return str(rows[0][0]) if rows and rows[0][0] else None


def record_poll(
    store: Store,
    name: str,
    listed: Sequence[Listed],
    *,
    etag: str | None,
    last_modified: str | None,
    next_poll: str,
) -> int:
    """A successful poll: the pages it listed that the store did not know, and the
    validators they came with, in one transaction (a crash between the two would lose
    pages behind a 304). The number of new pages."""
    at = now_iso()
    new = 0
    with store.transaction():
        for item in listed:
            known = store.query(
                "SELECT 1 FROM feed_pages WHERE url = ? OR canonical_url = ? LIMIT 1",
                (item.url, item.url),
            )
            if known:
                continue
            store.execute(
                "INSERT INTO feed_pages (url, source, state, listed_title, listed_date, seen_at) "
                "VALUES (?, ?, 'seen', ?, ?, ?)",
                (item.url, name, item.title, item.date, at),
            )
            new += 1
        store.execute(
            "UPDATE feed_sources SET etag = ?, last_modified = ?, last_poll = ?, "
            "last_success = ?, failures = 0, next_poll = ? WHERE name = ?",
            (etag, last_modified, at, at, next_poll, name),
        )
    return new


def record_poll_failure(store: Store, name: str, reason: str, next_poll: str) -> None:
    at = now_iso()
    with store.transaction():
        store.execute(
            "UPDATE feed_sources SET last_poll = ?, last_error = ?, last_error_at = ?, "
            "failures = failures + 1, next_poll = ? WHERE name = ?",
            (at, reason, at, next_poll, name),
        )


# --- pages ---------------------------------------------------------------------------

_PAGE_COLUMNS = (
    "p.url, p.source, p.state, p.reason, p.attempts, p.retry_at, p.listed_title, "
    "p.listed_date, p.canonical_url, p.outlet, p.title, p.published, p.seen_at, "
    "p.fetched_at, p.stored_at"
)


def _page(row: Sequence[Any], text: str | None = None) -> Page:
    page = Page(*row[:15])
    page.attempts = int(page.attempts)
    if len(row) > 15 and row[15] is not None:
        page.article_id = int(row[15])
    page.text = text
    return page


def pending(store: Store, at: str | None = None) -> list[Page]:
    """Pages to fetch (`seen`, not held back until later) or to store (`fetched`, with
    their text), oldest first."""
    at = at or now_iso()
    rows = store.query(
        f"SELECT {_PAGE_COLUMNS}, NULL, p.text FROM feed_pages p "
        "WHERE p.state IN ('seen', 'fetched') AND (p.retry_at IS NULL OR p.retry_at <= ?) "
        "ORDER BY p.seen_at, p.url",
        (at,),
    )
    return [_page(row[:16], row[16]) for row in rows]


def pages(store: Store, source: str | None = None, limit: int = 50) -> list[Page]:
    """The latest pages listed (by one source), newest first, with the article each
    became (through the copy it was stored as)."""
    where, params = ("WHERE p.source = ?", (source,)) if source else ("", ())
    rows = store.query(
        f"SELECT {_PAGE_COLUMNS}, c.article_id FROM feed_pages p "
        "LEFT JOIN copies c ON c.source = COALESCE(p.canonical_url, p.url) "
        f"{where} ORDER BY p.seen_at DESC, p.url LIMIT ?",
        (*params, limit),
    )
    return [_page(row) for row in rows]


@dataclass(frozen=True)
class Fetched:
    """What was read of a page, kept until its article is stored."""

    url: str
    final_url: str
    canonical_url: str
    outlet: str | None
    title: str | None
    published: str | None
    text: str


def page_fetched(store: Store, page: Fetched) -> None:
    """Keep a page's text, committed at once: it is not fetched again."""
    with store.transaction():
        store.execute(
            "UPDATE feed_pages SET state = 'fetched', reason = NULL, attempts = attempts + 1, "
            "final_url = ?, canonical_url = ?, outlet = ?, title = ?, published = ?, "
            "text = ?, fetched_at = ? WHERE url = ?",
            (
                page.final_url,
                page.canonical_url,
                page.outlet,
                page.title,
                page.published,
                page.text,
                now_iso(),
                page.url,
            ),
        )


def page_failed(store: Store, url: str, reason: str, *, retry_at: str | None = None) -> None:
    """A page that gave no article: for good (`retry_at` None), or to try again later
    (it stays `seen`)."""
    with store.transaction():
        if retry_at is None:
            store.execute(
                "UPDATE feed_pages SET state = 'failed', reason = ?, attempts = attempts + 1, "
                "text = NULL, retry_at = NULL WHERE url = ?",
                (reason, url),
            )
        else:
            store.execute(
                "UPDATE feed_pages SET reason = ?, attempts = attempts + 1, retry_at = ? "
                "WHERE url = ?",
                (reason, retry_at, url),
            )


def pages_stored(store: Store, urls: Iterable[str]) -> None:
    """Pages whose article (or copy) is stored: called inside the transaction that
    stores them. Their kept text goes: the article holds it."""
    at = now_iso()
    store.executemany(
        "UPDATE feed_pages SET state = 'stored', reason = NULL, text = NULL, stored_at = ? "
        "WHERE url = ?",
        [(at, url) for url in urls],
    )


def count_added(store: Store, name: str, articles: int, copies: int) -> None:
    store.execute(
        "UPDATE feed_sources SET articles_added = articles_added + ?, "
        "copies_added = copies_added + ? WHERE name = ?",
        (articles, copies, name),
    )
