"""Fetching as a well-behaved crawler: one `Fetcher` for a whole watch run.

Every request names diplonews and the operator's contact in its User-Agent, asks
robots.txt first (cached per site), waits its turn at its host (a rate and a cap on
requests in flight, both per host, raised by a robots Crawl-delay), and stops at a
time limit for the whole response. 429 and 5xx answers, timeouts and resets are
retried with exponential backoff, Retry-After honoured (a host that asks for a pause
gets it for all its requests); a pause longer than `max_retry_wait` is handed back
to the caller to try in a later round. Redirects are followed by hand, only to
http(s), each hop checked again. Bodies are read raw and decompressed here, within
the size limit (a gzip bomb stops at the limit, not in memory); only gzip and
deflate are accepted. No connection is made to a private, loopback, link-local or
otherwise non-public address unless the config allows it: the check is made on the
addresses a name resolves to, at connection time, so neither a redirect nor DNS
rebinding gets round it.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import random
import socket
import time
import zlib
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore2
import httpx2

from diplonews.errors import FeedError
from diplonews.feeds.config import FetchSettings

ROBOTS_BYTES = 512_000
ROBOTS_TTL = 24 * 3600.0  # seconds a site's robots.txt is kept
ROBOTS_RETRY = 300.0  # seconds before an unreadable robots.txt is asked for again
ROBOTS_AGENT = "diplonews"
_DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


class FetchError(FeedError):
    """A URL that gave nothing usable. `retry_at` (a time.time()) when a later attempt
    may succeed; None when it will not (404, robots.txt, too big, refused address)."""

    def __init__(self, url: str, reason: str, *, retry_at: float | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retry_at = retry_at


class RefusedAddress(OSError):
    """A connection to an address the config does not allow."""


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 200 or 304
    headers: Mapping[str, str]
    body: bytes
    seconds: float  # from the call to the answer: turns, retries and waits included
    network_seconds: float  # of which requests were on the wire

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


# --- addresses -----------------------------------------------------------------------


class AddressPolicy:
    def __init__(self, settings: FetchSettings) -> None:
        self.allow_all = settings.allow_private_addresses
        self.networks = settings.allow_networks

    def allowed(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if self.allow_all or any(ip in net for net in self.networks):
            return True
        return ip.is_global and not ip.is_multicast

    async def resolve(self, host: str, port: int) -> list[str]:
        """The addresses of `host`, all of them allowed; RefusedAddress otherwise."""
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise OSError(f"cannot resolve {host}: {exc.strerror}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        refused = [a for a in addresses if not self.allowed(a)]
        if refused or not addresses:
            raise RefusedAddress(f"{host} is a non-public address ({refused[0]}): refused")
        return addresses


class _GuardedBackend(httpcore2.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to allowed addresses (TLS still
    checks the certificate against the host name)."""

    def __init__(self, inner: httpcore2.AsyncNetworkBackend, policy: AddressPolicy) -> None:
        self.inner = inner
        self.policy = policy

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        addresses = await self.policy.resolve(host, port)
        error: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (OSError, httpcore2.ConnectError, httpcore2.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore2.AsyncNetworkStream:
        raise RefusedAddress("unix sockets: refused")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


# --- per-host turns ------------------------------------------------------------------


class _Host:
    def __init__(self, settings: FetchSettings) -> None:
        self.slots = asyncio.Semaphore(settings.per_host)
        self.interval = 1.0 / settings.rate
        self.next_at = 0.0  # time.monotonic() of the next request's turn

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        async with self.slots:
            now = time.monotonic()
            at = max(now, self.next_at)
            self.next_at = at + self.interval
            if at > now:
                await asyncio.sleep(at - now)
            yield

    def pause(self, seconds: float) -> None:
        self.next_at = max(self.next_at, time.monotonic() + seconds)


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


# --- the fetcher ---------------------------------------------------------------------


class _TooBig(Exception):
    pass


class Fetcher:
    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings
        self.policy = AddressPolicy(settings)
        transport = httpx2.AsyncHTTPTransport(http2=settings.http2, retries=0)
        # httpx takes no network backend; the httpcore connection pool under it does.
        pool = transport._pool
        assert isinstance(pool, httpcore2.AsyncConnectionPool)
        pool._network_backend = _GuardedBackend(pool._network_backend, self.policy)
        self.client = httpx2.AsyncClient(
            transport=transport,
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the address check is ours
            timeout=httpx2.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self.hosts: dict[str, _Host] = {}
        self.robots: dict[str, tuple[float, RobotFileParser | None]] = {}
        self.robots_locks: dict[str, asyncio.Lock] = {}
        self.total = asyncio.Semaphore(settings.concurrency)
        self.requests = 0

    async def aclose(self) -> None:
        await self.client.aclose()

    def host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        if key not in self.hosts:
            self.hosts[key] = _Host(self.settings)
        return self.hosts[key]

    async def get(
        self, url: str, *, limit: int, headers: Mapping[str, str] | None = None
    ) -> Response:
        """The response to GET `url` (200, or 304 to a conditional request), after
        redirects; FetchError otherwise."""
        started = time.monotonic()
        network = 0.0
        for _ in range(self.settings.max_redirects + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(url, "only http and https URLs are fetched")
            try:
                port = parts.port or (443 if parts.scheme == "https" else 80)
                await self.policy.resolve(parts.hostname, port)
            except RefusedAddress as exc:
                raise FetchError(url, str(exc)) from None
            except OSError as exc:
                raise FetchError(url, str(exc), retry_at=time.time() + 300) from None
            if self.settings.robots and not await self._robots_allow(url):
                raise FetchError(url, "disallowed by robots.txt")
            status, response_headers, body, sent = await self._request(url, limit, headers or {})
            network += sent
            if status in (301, 302, 303, 307, 308) and "location" in response_headers:
                url = urljoin(url, response_headers["location"].strip())
                continue
            if status in (200, 304):
                seconds = time.monotonic() - started
                return Response(url, status, response_headers, body, seconds, network)
            if status in (404, 410):
                raise FetchError(url, f"HTTP {status}")
            raise FetchError(url, f"HTTP {status}", retry_at=time.time() + 3600)
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    async def _request(
        self, url: str, limit: int, headers: Mapping[str, str]
    ) -> tuple[int, Mapping[str, str], bytes, float]:
        """One URL, retried on 429, 5xx and transient failures; with the seconds its
        requests took (not their waits)."""
        settings = self.settings
        host = self.host(url)
        reason = ""
        sent = 0.0
        for attempt in range(settings.retries + 1):
            wait = settings.backoff * 2**attempt * (0.75 + random.random() / 2)
            try:
                async with self.total, host.turn():
                    self.requests += 1
                    began = time.monotonic()
                    try:
                        async with asyncio.timeout(settings.timeout):
                            status, response_headers, body = await self._send(url, limit, headers)
                    finally:
                        sent += time.monotonic() - began
            except TimeoutError:
                reason = f"timed out after {settings.timeout:g} s"
            except RefusedAddress as exc:
                raise FetchError(url, str(exc)) from None
            except _TooBig as exc:
                raise FetchError(url, str(exc)) from None
            except (httpx2.TransportError, OSError) as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            else:
                if status != 429 and status < 500:
                    return status, response_headers, body, sent
                reason = f"HTTP {status}"
                asked = retry_after(response_headers.get("retry-after"))
                if asked is not None:
                    wait = asked
                    host.pause(asked)  # the whole host waits, not just this URL
                if asked is not None and asked > settings.max_retry_wait:
                    raise FetchError(
                        url, f"{reason}, Retry-After {asked:g} s", retry_at=time.time() + asked
                    )
            if attempt < settings.retries:
                await asyncio.sleep(wait)
        raise FetchError(
            url,
            f"{reason} ({settings.retries + 1} attempts)",
            retry_at=time.time() + max(60.0, settings.backoff * 2 ** (settings.retries + 1)),
        )

    async def _send(
        self, url: str, limit: int, headers: Mapping[str, str]
    ) -> tuple[int, Mapping[str, str], bytes]:
        async with self.client.stream("GET", url, headers=dict(headers)) as response:
            found = {k.lower(): v for k, v in response.headers.items()}
            if response.status_code != 200:
                return response.status_code, found, b""
            declared = found.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _TooBig(f"larger than {limit:,} bytes ({int(declared):,} declared)")
            body = await _read(response, found.get("content-encoding", ""), limit)
            return response.status_code, found, body

    async def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        lock = self.robots_locks.setdefault(site, asyncio.Lock())
        async with lock:
            cached = self.robots.get(site)
            if cached is None or cached[0] < time.monotonic():
                parser, ttl = await self._read_robots(site)
                self.robots[site] = (time.monotonic() + ttl, parser)
                if parser is not None:
                    delay = parser.crawl_delay(ROBOTS_AGENT)
                    if delay:
                        host = self.host(url)
                        host.interval = max(host.interval, float(delay))
            parser = self.robots[site][1]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    async def _read_robots(self, site: str) -> tuple[RobotFileParser | None, float]:
        """The site's rules; None when it has none (every URL allowed). A site whose
        robots.txt cannot be read now (5xx, timeout) is treated as disallowing all,
        until a later round (RFC 9309)."""
        parser = RobotFileParser()
        try:
            url = f"{site}/robots.txt"
            for _ in range(self.settings.max_redirects + 1):
                status, headers, body, _ = await self._request(url, ROBOTS_BYTES, {})
                if status in (301, 302, 303, 307, 308) and "location" in headers:
                    url = urljoin(url, headers["location"])
                    if urlsplit(url).scheme not in ("http", "https"):
                        return None, ROBOTS_TTL
                    continue
                break
        except FetchError:
            parser.parse(_DISALLOW_ALL)
            return parser, ROBOTS_RETRY
        if status in (401, 403):
            parser.parse(_DISALLOW_ALL)
        elif status == 200:
            parser.parse(body.decode("utf-8", "replace").splitlines())
        else:
            return None, ROBOTS_TTL
        return parser, ROBOTS_TTL


async def _read(response: httpx2.Response, encoding: str, limit: int) -> bytes:
    """The body, decompressed, at most `limit` bytes (_TooBig past it)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        decoder = None
    elif encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    else:
        raise _TooBig(f"content encoding {encoding!r} not accepted")
    chunks: list[bytes] = []
    size = raw = 0
    async for chunk in response.aiter_raw():
        raw += len(chunk)
        if raw > limit:
            raise _TooBig(f"larger than {limit:,} bytes")
        if decoder is None:
            out = chunk
        else:
            try:
                out = decoder.decompress(chunk, limit + 1 - size)
            except zlib.error as exc:
                raise _TooBig(f"bad {encoding} data: {exc}") from None
            if decoder.unconsumed_tail:
                raise _TooBig(f"larger than {limit:,} bytes once decompressed")
        size += len(out)
        if size > limit:
            raise _TooBig(f"larger than {limit:,} bytes once decompressed")
        chunks.append(out)
    return b"".join(chunks)


def gunzip(data: bytes, limit: int) -> bytes:
    """A gzip file's content (a sitemap.xml.gz), at most `limit` bytes."""
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decoder.decompress(data, limit + 1)
    except zlib.error as exc:
        raise FeedError(f"bad gzip data: {exc}") from None
    if len(out) > limit or decoder.unconsumed_tail:
        raise FeedError(f"larger than {limit:,} bytes once decompressed")
    return out
