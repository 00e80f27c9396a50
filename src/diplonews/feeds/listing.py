"""What a feed or a sitemap lists: page URLs, with a title and a date when it gives them.

RSS and Atom are read by feedparser (which copes with the malformed feeds news sites
serve); sitemaps (urlset, sitemapindex, Google News sitemaps, gzipped or not) by the
standard XML parser through defusedxml, which refuses DTDs and entities. URLs are
normalised (no fragment, no utm_* parameters, scheme and host lower-case) so one page
listed twice is one page.
"""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

from diplonews.errors import FeedError
from diplonews.extract.reading import iso_date
from diplonews.feeds.config import SourceConfig
from diplonews.kb.feedstate import Listed

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|zarsrc|gidzl)$", re.IGNORECASE)


def normalise(url: str, base: str | None = None) -> str | None:
    """The URL a page is known by; None for anything but http(s)."""
    url = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, True) if not _TRACKING.match(k)])
    netloc = parts.netloc.lower()
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


@dataclass
class Listing:
    pages: list[Listed]
    sitemaps: list[tuple[str, str | None]]  # a sitemap index's sitemaps (url, lastmod)


def read_feed(body: bytes, url: str) -> Listing:
    """The entries of an RSS or Atom feed."""
    import feedparser  # lazily: only watch needs it

    parsed = feedparser.parse(body, response_headers={"content-location": url})
    entries = parsed.get("entries") or []
    if not entries and parsed.get("bozo"):
        raise FeedError(f"not an RSS or Atom feed ({parsed.get('bozo_exception')})")
    pages = []
    for entry in entries:
        link = entry.get("link") or entry.get("id")
        found = normalise(link, url) if isinstance(link, str) else None
        if found is None:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None
        title = entry.get("title")
        pages.append(Listed(found, title.strip() if isinstance(title, str) else None, date))
    return Listing(pages, [])


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(element: Element, *names: str) -> str | None:
    """The text of the first descendant along the path of local `names`."""
    current: Element | None = element
    for name in names:
        if current is None:
            return None
        current = next((c for c in current if _local(c.tag) == name), None)
    if current is None or current.text is None:
        return None
    return current.text.strip() or None


def read_sitemap(body: bytes, url: str) -> Listing:
    """The pages of a sitemap (with Google News titles and dates), or the sitemaps of
    a sitemap index."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise FeedError(f"not a sitemap ({exc})") from None
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = []
        for item in root:
            loc = _child_text(item, "loc")
            found = normalise(loc, url) if loc else None
            if found:
                children.append((found, _child_text(item, "lastmod")))
        return Listing([], children)
    if kind != "urlset":
        raise FeedError(f"not a sitemap (root element {kind!r})")
    pages = []
    for item in root:
        loc = _child_text(item, "loc")
        found = normalise(loc, url) if loc else None
        if not found:
            continue
        date = _child_text(item, "news", "publication_date") or _child_text(item, "lastmod")
        title = _child_text(item, "news", "title")
        pages.append(Listed(found, title, date))
    return Listing(pages, [])


def _timestamp(date: str | None) -> float | None:
    day = iso_date(date)
    if not day or len(day) < 10:
        return None
    return float(calendar.timegm(time.strptime(day[:10], "%Y-%m-%d")))


def keep(source: SourceConfig, pages: Iterable[Listed], now: float | None = None) -> list[Listed]:
    """The pages a source wants: matching its `include` patterns, not older than its
    `max_age` (by the listed date, when there is one), each once, at most `max_items`."""
    now = time.time() if now is None else now
    kept: dict[str, Listed] = {}
    for page in pages:
        if source.include and not any(p.search(page.url) for p in source.include):
            continue
        if source.max_age is not None:
            stamp = _timestamp(page.date)
            if stamp is not None and stamp + 86400 < now - source.max_age:
                continue
        kept.setdefault(page.url, page)
    return list(kept.values())[: source.max_items]


def newest_sitemaps(source: SourceConfig, children: list[tuple[str, str | None]]) -> list[str]:
    """The sitemaps of an index worth reading: the `sitemaps` newest by lastmod (the
    index's order when it gives none)."""
    ordered = sorted(
        enumerate(children), key=lambda item: (item[1][1] or "", -item[0]), reverse=True
    )
    return [url for _, (url, _) in ordered[: source.sitemaps]]
