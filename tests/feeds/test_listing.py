"""`diplonews.feeds.listing`: what feeds and sitemaps list."""

from __future__ import annotations

import time

import pytest

from diplonews.errors import FeedError
from diplonews.feeds.config import SourceConfig
from diplonews.feeds.listing import keep, newest_sitemaps, normalise, read_feed, read_sitemap
from diplonews.kb.feedstate import Listed

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ngoai giao</title>
<entry><title>Hoi dam Viet Nam - Han Quoc</title><link href="/tin/1.html"/>
<id>tag:a,1</id><updated>2024-06-01T08:00:00+07:00</updated></entry>
<entry><title>Khong co link</title><id>urn:x</id></entry>
</feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://bao.example/the-gioi/a.html?utm_source=rss#top</loc>
<news:news><news:publication_date>2024-06-01T08:00:00+07:00</news:publication_date>
<news:title>Bai A</news:title></news:news></url>
<url><loc>https://bao.example/the-thao/b.html</loc><lastmod>2020-01-01</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://bao.example/sm-1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
<sitemap><loc>https://bao.example/sm-3.xml</loc><lastmod>2024-03-01</lastmod></sitemap>
<sitemap><loc>https://bao.example/sm-2.xml</loc><lastmod>2024-02-01</lastmod></sitemap>
</sitemapindex>"""


def test_listing_reads_atom_with_relative_links() -> None:
    listing = read_feed(ATOM, "https://bao.example/rss/ngoai-giao.atom")
    (page,) = listing.pages
    assert page.url == "https://bao.example/tin/1.html"
    assert page.title == "Hoi dam Viet Nam - Han Quoc" and page.date == "2024-06-01T01:00:00Z"


def test_listing_refuses_what_is_not_a_feed() -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        read_feed(b"<html><body>503</body>", "https://bao.example/rss")


def test_listing_reads_a_news_sitemap() -> None:
    listing = read_sitemap(NEWS_SITEMAP, "https://bao.example/sitemap.xml")
    assert [p.url for p in listing.pages] == [
        "https://bao.example/the-gioi/a.html",
        "https://bao.example/the-thao/b.html",
    ]
    assert listing.pages[0].title == "Bai A" and listing.pages[1].date == "2020-01-01"


def test_listing_reads_a_sitemap_index_newest_first() -> None:
    listing = read_sitemap(INDEX, "https://bao.example/sitemap.xml")
    source = SourceConfig("s", "https://bao.example/sitemap.xml", "sitemap", sitemaps=2)
    assert newest_sitemaps(source, listing.sitemaps) == [
        "https://bao.example/sm-3.xml",
        "https://bao.example/sm-2.xml",
    ]


def test_listing_refuses_entities_in_sitemaps() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><urlset><url><loc>&a;</loc></url></urlset>'
    with pytest.raises(FeedError, match="not a sitemap"):
        read_sitemap(bomb, "https://bao.example/sitemap.xml")


def test_listing_keeps_what_a_source_wants() -> None:
    import re

    source = SourceConfig(
        "s", "https://bao.example/", include=(re.compile("/the-gioi/"),), max_age=7 * 86400
    )
    now = time.mktime((2024, 6, 3, 0, 0, 0, 0, 0, 0))
    pages = [
        Listed("https://bao.example/the-gioi/a.html", date="2024-06-01"),
        Listed("https://bao.example/the-gioi/a.html", date="2024-06-01"),
        Listed("https://bao.example/the-gioi/old.html", date="2023-01-01"),
        Listed("https://bao.example/the-thao/b.html", date="2024-06-01"),
        Listed("https://bao.example/the-gioi/undated.html"),
    ]
    assert [p.url for p in keep(source, pages, now)] == [
        "https://bao.example/the-gioi/a.html",
        "https://bao.example/the-gioi/undated.html",
    ]


def test_listing_normalises_urls() -> None:
    assert normalise("HTTPS://Bao.Example/a?utm_medium=x&id=3#c") == "https://bao.example/a?id=3"
    assert normalise("javascript:alert(1)") is None
    assert normalise("ftp://bao.example/a") is None
