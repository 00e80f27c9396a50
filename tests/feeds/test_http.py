"""`diplonews.feeds.http`: addresses, Retry-After and size limits, without a network."""

from __future__ import annotations

import asyncio
import gzip
import ipaddress

import httpcore2
import pytest

from diplonews.errors import FeedError
from diplonews.feeds.config import FetchSettings
from diplonews.feeds.http import AddressPolicy, RefusedAddress, _GuardedBackend, gunzip, retry_after


def test_gunzip_stops_at_its_limit() -> None:
    assert gunzip(gzip.compress(b"<urlset/>"), 100) == b"<urlset/>"
    with pytest.raises(FeedError, match="once decompressed"):
        gunzip(gzip.compress(b"0" * 10_000), 1000)


def test_address_policy_refuses_non_public_addresses() -> None:
    policy = AddressPolicy(FetchSettings())
    for address in (
        "127.0.0.1",
        "10.0.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "100.64.0.1",
        "0.0.0.0",
    ):
        assert not policy.allowed(address), address
    assert policy.allowed("93.184.215.14") and policy.allowed("2606:4700::1111")


def test_address_policy_allows_what_the_config_allows() -> None:
    loopback = AddressPolicy(FetchSettings(allow_networks=(ipaddress.ip_network("127.0.0.0/8"),)))
    assert loopback.allowed("127.0.0.5") and not loopback.allowed("10.0.0.1")
    assert AddressPolicy(FetchSettings(allow_private_addresses=True)).allowed("10.0.0.1")


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("120") == 120
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 60) == 60
    assert retry_after("soon") is None and retry_after(None) is None


def test_address_check_is_made_when_connecting() -> None:
    """A name that resolves to a refused address is refused by the connection itself,
    whatever was checked before (a redirect, DNS rebinding)."""

    class Unreachable(httpcore2.AsyncNetworkBackend):
        async def connect_tcp(
            self, *args: object, **kwargs: object
        ) -> httpcore2.AsyncNetworkStream:
            raise AssertionError("connected to a refused address")

    backend = _GuardedBackend(Unreachable(), AddressPolicy(FetchSettings()))
    with pytest.raises(RefusedAddress, match="non-public address"):
        asyncio.run(backend.connect_tcp("localhost", 80))
