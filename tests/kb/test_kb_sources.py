"""Articles cited like sources: the original URL (sources.tsv, JSONL url, a page's
canonical link), the outlet named from its host, a title from the lead when there is
none (never a dateline), the cite line, and no server path in what readers see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplonews import api
from diplonews.errors import InputError
from diplonews.extract.reading import Source
from diplonews.kb import sources
from diplonews.kb.store import Store

LEAD = "Sáng 5/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Hun Sen tại Hà Nội."
BODY = f"{LEAD}\nHai bên nhất trí tăng cường hợp tác. Các bên cam kết phối hợp."


# --- hosts and outlets ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "host", "outlet"),
    [
        ("https://vnexpress.net/a-123.html", "vnexpress.net", "VnExpress"),
        ("https://WWW.VietnamPlus.vn:443/x?y=1", "vietnamplus.vn", "VietnamPlus"),
        ("http://dansinh.dantri.com.vn/x", "dansinh.dantri.com.vn", "Dân trí"),
        ("https://world.kbs.co.kr/service/news_view.htm?lang=v", "world.kbs.co.kr", "KBS World"),
        ("https://m.unknown-paper.vn/a", "m.unknown-paper.vn", "unknown-paper.vn"),
        ("https://www.example.org/", "example.org", "example.org"),
    ],
)
def test_sources_outlet_is_named_from_the_host(url: str, host: str, outlet: str) -> None:
    assert sources.host(url) == host
    assert sources.outlet(url) == outlet


@pytest.mark.parametrize(
    "value", [None, "", "vntc/Test_Full/The gioi/TG_VNE_T_ (7413)", "ftp://x.vn/a", "https://"]
)
def test_sources_only_web_addresses_are_urls(value: str | None) -> None:
    assert sources.web_url(value) is None
    assert sources.outlet(value) is None


def test_sources_store_computes_the_same_host(store: Store) -> None:
    """articles.host (computed by the database, migration 0007) agrees with `host`."""
    urls = [
        "https://WWW.VietnamPlus.vn:443/x?y=1",
        "http://dansinh.dantri.com.vn/x#top",
        "https://vnexpress.net",
        "vntc/a/b",
        None,
    ]
    with store.transaction():
        for number, url in enumerate(urls):
            store.execute(
                "INSERT INTO articles (doc_id, content_hash, url, credits, body, record, "
                "minhash, extractor, added_at) VALUES (?, ?, ?, '[]', 'x', '{}', ?, 'test', 'now')",
                (f"d{number}", f"h{number}", url, b"\0"),
            )
    rows = store.query("SELECT url, host FROM articles ORDER BY id")
    assert [host for _, host in rows] == [sources.host(url) for url in urls]
    assert [host for _, host in rows][:3] == [
        "vietnamplus.vn",
        "dansinh.dantri.com.vn",
        "vnexpress.net",
    ]


# --- sources.tsv -----------------------------------------------------------------------


def test_sources_file_reads_ids_and_urls_with_or_without_a_header(tmp_path: Path) -> None:
    plain = tmp_path / "plain.tsv"
    plain.write_text("a01\thttps://vnexpress.net/a\nc01\tvntc/Test/x\n\n# note\n", encoding="utf-8")
    headed = tmp_path / "headed.tsv"
    headed.write_text("id\turl\nb01\thttps://tuoitre.vn/b\n", encoding="utf-8")
    assert sources.read_sources_file(plain) == {"a01": "https://vnexpress.net/a"}
    assert sources.read_sources_file(headed) == {"b01": "https://tuoitre.vn/b"}


def test_sources_file_with_a_bad_row_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "sources.tsv"
    bad.write_text("a01\thttps://vnexpress.net/a\nonly-one-column\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sources\.tsv:2: expected two tab-separated columns"):
        sources.read_sources_file(bad)


def test_sources_urls_come_from_the_folder_or_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (tmp_path / "sources.tsv").write_text("a\thttps://vov.vn/a\nb\thttps://vov.vn/b\n")
    (folder / "sources.tsv").write_text("b\thttps://nhandan.vn/b\n")
    urls = sources.SourceUrls()
    a = urls.complete(Source("a", "text"), folder / "a.txt")
    b = urls.complete(Source("b", "text"), folder / "b.txt")
    own = urls.complete(Source("c", "text", url="https://qdnd.vn/c"), folder / "c.txt")
    assert (a.url, b.url, own.url) == (
        "https://vov.vn/a",
        "https://nhandan.vn/b",
        "https://qdnd.vn/c",
    )


def test_sources_urls_of_one_file_then_another_folder(tmp_path: Path) -> None:
    """The listing of the file asked about last is kept for its next line, and left for
    a file of another folder."""
    first, second = tmp_path / "one" / "feed", tmp_path / "two" / "feed"
    for folder, outlet in ((first, "vov.vn"), (second, "nhandan.vn")):
        folder.mkdir(parents=True)
        (folder / "sources.tsv").write_text(f"a\thttps://{outlet}/a\n")
    urls = sources.SourceUrls()
    path = first / "feed.jsonl"
    found = [urls.complete(Source("a", "text"), path).url for _ in range(2)]
    found.append(urls.complete(Source("a", "text"), second / "feed.jsonl").url)
    found.append(urls.complete(Source("a", "text"), first / "feed.jsonl").url)
    assert found == [
        "https://vov.vn/a",
        "https://vov.vn/a",
        "https://nhandan.vn/a",
        "https://vov.vn/a",
    ]


def test_sources_ingest_gives_each_article_its_url_and_outlet(store: Store, dev_dir: Path) -> None:
    report = api.ingest(store, sorted(dev_dir.glob("v0[1-4].txt")), workers=1)
    assert report.added == 4 and report.failed == 0
    listed = sources.read_sources_file(dev_dir / "sources.tsv")
    for article_id in range(1, 5):
        article = api.article(store, article_id)
        assert article is not None
        assert article.url == listed[article.doc_id]
        assert article.outlet == sources.outlet(article.url)
    kbs = api.article(store, 1)
    assert kbs is not None and kbs.outlet == "KBS World"


def test_sources_ingest_reports_a_malformed_sources_file_once(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("Hun Sen", "Lý Hiển Long"), encoding="utf-8")
    (tmp_path / "sources.tsv").write_text("a\n", encoding="utf-8")
    errors: list[str] = []
    report = api.ingest(store, [tmp_path], workers=1, on_error=errors.append)
    assert report.added + report.duplicates == 2
    assert [e for e in errors if "sources.tsv" in e] == [
        f"{tmp_path / 'sources.tsv'}:1: expected two tab-separated columns: id, url"
    ]


def test_sources_jsonl_url_and_html_canonical_link_are_kept(store: Store, tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "url": "https://tuoitre.vn/j1.htm", "text": BODY}) + "\n",
        encoding="utf-8",
    )
    page = (
        "<html><head><title>Hội đàm Việt Nam – Campuchia</title>"
        '<link rel="canonical" href="https://nhandan.vn/hoi-dam-123.html"></head><body>'
        f"<article><h1>Hội đàm Việt Nam – Campuchia</h1><p>{LEAD}</p>"
        "<p>Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại và đầu tư trong thời gian tới, "
        "đồng thời phối hợp chặt chẽ tại các diễn đàn khu vực và quốc tế.</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    api.ingest(store, [tmp_path], workers=1)
    found = {a.doc_id: a for a in (api.article(store, i) for i in (1, 2)) if a}
    assert (found["j1"].url, found["j1"].outlet) == ("https://tuoitre.vn/j1.htm", "Tuổi Trẻ")
    assert (found["page"].url, found["page"].outlet) == (
        "https://nhandan.vn/hoi-dam-123.html",
        "Nhân Dân",
    )


# --- titles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (None, BODY, LEAD.rstrip(".")),
        ("(Báo Quốc tế) -", BODY, LEAD.rstrip(".")),
        ("Hà Nội (TTXVN) - ", BODY, LEAD.rstrip(".")),
        (None, f"Hà Nội (TTXVN) - {LEAD}", LEAD.rstrip(".")),
        (None, f"TPO - {LEAD}", LEAD.rstrip(".")),
        (None, f"TGVN. {LEAD}", LEAD.rstrip(".")),
        (None, f"Your browser does not support the audio element.\n{LEAD}", LEAD.rstrip(".")),
        ("ASEAN - Hàn Quốc: đối tác chiến lược", BODY, "ASEAN - Hàn Quốc: đối tác chiến lược"),
        ("* Hội đàm giữa hai Chủ tịch nước", BODY, "Hội đàm giữa hai Chủ tịch nước"),
        (None, "", "doc"),
    ],
)
def test_sources_article_title_never_a_dateline(
    title: str | None, body: str, expected: str
) -> None:
    assert sources.article_title(title, body, "doc") == expected


def test_sources_lead_title_is_cut_at_a_word() -> None:
    long = "Thủ tướng " + " ".join(["nhấn mạnh hợp tác"] * 30) + "."
    title = sources.lead_title(long)
    assert title is not None and title.endswith("…")
    assert len(title) <= sources.TITLE_CHARS + 1 and " " not in title[-2:]


def test_sources_stored_article_shows_no_server_path(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a01.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.tsv").write_text("a01\thttps://vnexpress.net/a01.html\n")
    api.ingest(store, [tmp_path], workers=1)
    article = api.article(store, 1)
    assert article is not None
    assert str(tmp_path) in article.copies[0]  # kept for the store's own use
    shown = json.dumps(article.to_dict(), ensure_ascii=False)
    assert str(tmp_path) not in shown
    assert article.to_dict()["copies"] == []
    assert article.title == LEAD.rstrip(".") and article.title_from_lead


def test_sources_cite_line_has_outlet_title_date_url_and_permalink() -> None:
    line = sources.cite_line(
        outlet_name="VnExpress",
        title="Hội đàm",
        date="2024-06-05",
        url="https://vnexpress.net/a",
        permalink="http://site/articles/3",
    )
    assert line == (
        "VnExpress. “Hội đàm”. 2024-06-05. https://vnexpress.net/a. diplonews: http://site/articles/3"
    )
    bare = sources.cite_line(
        outlet_name=None, title="T", date=None, url=None, permalink="/a/1", undated="n.d."
    )
    assert bare == "“T”. n.d. diplonews: /a/1"
