"""The feeds config file (TOML): how to fetch, and which sources to follow.

    [fetch]
    contact = "https://example.org/crawler"   # in the User-Agent, for site owners
    allow_private_addresses = false           # true only for tests and intranets
    [[source]]
    name = "Example outlet"
    url = "https://example.org/rss/the-gioi.rss"
    kind = "rss"                              # rss (RSS or Atom) | sitemap
    every = "15m"

Every key and its default is in docs/feeds.md. A mistake is one `FeedError` naming
the key, before anything is fetched.
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from diplonews import __version__
from diplonews.errors import FeedError

KINDS = ("rss", "sitemap")
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?")
_UNIT = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


@dataclass(frozen=True)
class FetchSettings:
    """How every request is made; the defaults are polite to news sites."""

    contact: str | None = None
    allow_private_addresses: bool = False
    allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    rate: float = 1.0  # requests per second to one host
    per_host: int = 2  # requests in flight to one host
    concurrency: int = 16  # requests in flight in all
    timeout: float = 30.0  # seconds for one whole response
    retries: int = 3  # after the first attempt, on 429, 5xx, timeouts and resets
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_retry_wait: float = 120.0  # a longer Retry-After postpones to a later round
    page_bytes: int = 5_000_000  # most bytes of a page, after decompression
    feed_bytes: int = 20_000_000  # of a feed or sitemap
    max_redirects: int = 5
    robots: bool = True  # obey robots.txt (false only for tests of other things)
    http2: bool = True

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"diplonews/{__version__} (news-feed reader{contact})"


@dataclass(frozen=True)
class SourceConfig:
    name: str
    url: str
    kind: str = "rss"
    every: float = 900.0  # seconds between polls
    outlet: str | None = None  # shown with its articles; else the page's site name
    include: tuple[re.Pattern[str], ...] = ()  # keep only page URLs matching one
    max_items: int = 500  # most new pages taken from one poll
    max_age: float | None = None  # seconds: older listed pages are left out
    sitemaps: int = 5  # a sitemap index: how many of its newest sitemaps are read


@dataclass(frozen=True)
class Config:
    fetch: FetchSettings
    sources: tuple[SourceConfig, ...] = field(default_factory=tuple)


def duration(value: Any, key: str) -> float:
    """Seconds from 30, 2.5, "30s", "15m", "1h", "1d" or "500ms"."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    if isinstance(value, str):
        match = _DURATION.fullmatch(value.strip())
        if match:
            return float(match.group(1)) * _UNIT[match.group(2)]
    raise FeedError(f"{key}: {value!r} is not a duration (e.g. 30s, 15m, 1h, 1d)")


def _take(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = table.pop(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise FeedError(f"{where}.{key}: {value!r} has the wrong type")
    return value


def _positive(table: dict[str, Any], key: str, where: str, kind: type = int) -> Any:
    value = _take(table, key, (int, float) if kind is float else int, where)
    if value <= 0:
        raise FeedError(f"{where}.{key}: must be more than 0")
    return kind(value)


def _fetch(table: dict[str, Any]) -> FetchSettings:
    table = dict(table)
    where = "fetch"
    options: dict[str, Any] = {}
    if "contact" in table:
        options["contact"] = _take(table, "contact", str, where)
    for key in ("allow_private_addresses", "robots", "http2"):
        if key in table:
            options[key] = _take(table, key, bool, where)
    if "allow_networks" in table:
        try:
            options["allow_networks"] = tuple(
                ipaddress.ip_network(n, strict=False)
                for n in _take(table, "allow_networks", list, where)
            )
        except (TypeError, ValueError) as exc:
            raise FeedError(f"fetch.allow_networks: {exc}") from None
    for key in ("rate",):
        if key in table:
            options[key] = _positive(table, key, where, float)
    for key in ("per_host", "concurrency", "page_bytes", "feed_bytes"):
        if key in table:
            options[key] = _positive(table, key, where)
    for key in ("retries", "max_redirects"):
        if key in table:
            value = _take(table, key, int, where)
            if value < 0:
                raise FeedError(f"fetch.{key}: must be 0 or more")
            options[key] = value
    for key in ("timeout", "backoff", "max_retry_wait"):
        if key in table:
            options[key] = duration(table.pop(key), f"fetch.{key}")
    if table:
        raise FeedError(f"fetch: unknown key {min(table)!r}")
    return FetchSettings(**options)


def _source(table: Any, number: int) -> SourceConfig:
    if not isinstance(table, dict):
        raise FeedError(f"source {number}: not a table")
    table = dict(table)
    where = f"source {number}"
    for key in ("name", "url"):
        if key not in table:
            raise FeedError(f"{where}: no {key}")
    name = _take(table, "name", str, where).strip()
    where = f"source {name!r}"
    url = _take(table, "url", str, where).strip()
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FeedError(f"{where}.url: only http:// and https:// URLs ({url!r})")
    options: dict[str, Any] = {}
    if "kind" in table:
        options["kind"] = _take(table, "kind", str, where)
        if options["kind"] not in KINDS:
            raise FeedError(f"{where}.kind: {options['kind']!r}; choose rss or sitemap")
    if "every" in table:
        options["every"] = max(1.0, duration(table.pop("every"), f"{where}.every"))
    if "max_age" in table:
        options["max_age"] = duration(table.pop("max_age"), f"{where}.max_age")
    if "outlet" in table:
        options["outlet"] = _take(table, "outlet", str, where)
    for key in ("max_items", "sitemaps"):
        if key in table:
            options[key] = _positive(table, key, where)
    if "include" in table:
        patterns = _take(table, "include", list, where)
        try:
            options["include"] = tuple(re.compile(str(p)) for p in patterns)
        except re.error as exc:
            raise FeedError(f"{where}.include: {exc}") from None
    if table:
        raise FeedError(f"{where}: unknown key {min(table)!r}")
    return SourceConfig(name=name, url=url, **options)


def parse(text: str, where: str = "config") -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FeedError(f"{where}: {exc}") from None
    fetch = data.pop("fetch", {})
    if not isinstance(fetch, dict):
        raise FeedError(f"{where}: [fetch] must be a table")
    listed = data.pop("source", [])
    if data:
        raise FeedError(f"{where}: unknown key {min(data)!r}")
    if not isinstance(listed, list) or not listed:
        raise FeedError(f"{where}: no [[source]]")
    found = tuple(_source(table, number) for number, table in enumerate(listed, 1))
    names = [s.name for s in found]
    if len(set(names)) != len(names):
        raise FeedError(
            f"{where}: two sources named {min(n for n in names if names.count(n) > 1)!r}"
        )
    return Config(fetch=_fetch(fetch), sources=found)


def load(path: str | Path) -> Config:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return parse(text, str(path))
    except FeedError as exc:
        message = str(exc)
        raise FeedError(
            message if message.startswith(str(path)) else f"{path}: {message}"
        ) from None
