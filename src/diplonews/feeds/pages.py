"""A fetched page → its article text and metadata (trafilatura) → an extracted article.

Runs in worker processes (or a thread): `read_and_prepare` takes the page's bytes,
`prepare_text` a text kept in the store by a run that stopped before storing it.
trafilatura gives the main text, the title (made the first line, as for saved
pages), the page's own date, its canonical URL and the outlet's name; the article
then goes through the same `prepare_source` as `diplonews ingest`.
"""

from __future__ import annotations

import signal
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from diplonews.extract.lexicons import Lexicons, load
from diplonews.extract.reading import Source, read_html
from diplonews.feeds.listing import normalise
from diplonews.kb import dedupe
from diplonews.kb.feedstate import Fetched
from diplonews.kb.ingest import die_with_parent, prepare_source
from diplonews.kb.store.writes import Prepared

_lexicons: Lexicons | None = None


def init_worker(lexicon_paths: tuple[str, ...], parent: int | None = None) -> None:
    """Load what every page needs once, before the first page: the lexicons, and the
    libraries imported lazily elsewhere (trafilatura, the MinHash signatures). A worker
    process (`parent` given) dies with `watch`, however that ends, and leaves Ctrl-C
    to it, as ingest's workers do."""
    global _lexicons
    if parent is not None:
        die_with_parent(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _lexicons = load(lexicon_paths)
    import trafilatura  # noqa: F401

    dedupe.signature("khởi động")


@dataclass(frozen=True)
class Outcome:
    fetched: Fetched | None  # None: the page holds no article
    prepared: Prepared | str  # the article, or why there is none
    seconds: float  # spent reading and extracting


def doc_id(url: str) -> str:
    """A readable id for an article read from a URL: host and path."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path.rstrip("/"))[:200] or url[:200]


def _same_site(a: str, b: str) -> bool:
    host_a, host_b = (urlsplit(url).hostname or "" for url in (a, b))
    return host_a.removeprefix("www.") == host_b.removeprefix("www.")


def read_page(url: str, final_url: str, body: bytes, outlet: str | None) -> Fetched | str:
    """The article text and metadata of a page; why not, when it has none."""
    page = read_html(body, final_url)
    if isinstance(page, str):
        return page
    canonical = normalise(page.url, final_url) if page.url else None
    if canonical is None or not _same_site(canonical, final_url):
        canonical = normalise(final_url) or final_url  # another site's claim is not taken
    return Fetched(
        url=url,
        final_url=final_url,
        canonical_url=canonical,
        outlet=outlet or page.sitename,
        title=page.title,
        published=page.published,
        text=page.text,
    )


def prepare_text(page: Fetched, lexicons: Lexicons | None = None) -> Prepared | str:
    """The page's article, ready to store under its canonical URL."""
    source = Source(
        doc_id=doc_id(page.canonical_url),
        text=page.text,
        published=page.published,
        url=page.canonical_url,
        path=page.url,
    )
    return prepare_source(
        source, page.canonical_url, dedupe.content_hash(page.text), lexicons or _lexicons
    )


def read_and_prepare(url: str, final_url: str, body: bytes, outlet: str | None) -> Outcome:
    started = time.perf_counter()
    page = read_page(url, final_url, body, outlet)
    if isinstance(page, str):
        return Outcome(None, page, time.perf_counter() - started)
    return Outcome(page, prepare_text(page), time.perf_counter() - started)


def prepare_kept(page: Fetched) -> Outcome:
    started = time.perf_counter()
    return Outcome(page, prepare_text(page), time.perf_counter() - started)
