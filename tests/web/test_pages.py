"""The HTML pages through the application: home, event, person, article, search, Try it.

One store for the module: the five seed articles, plus a hostile one whose title, body,
document id, URL and (written into the store afterwards, since extraction would not
take it as a name) official's name carry markup, which every page must show as text.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from diplonews import api
from diplonews.web.app import create_app
from diplonews.web.deps import MAX_BODY
from diplonews.web.pages import Piece, paragraphs, pieces, snippet_html, snippet_pieces
from diplonews.web.rendering import labels, plain_macros

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
EVIL = f"{SCRIPT} {ATTRIBUTE}"
SUMMIT_TEXT = (
    "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25 nhất trí thông qua Tuyên bố chung "
    "thiết lập quan hệ Đối tác Chiến lược toàn diện ASEAN-Hàn Quốc."
)


@dataclass
class Site:
    client: TestClient
    summit: int  # the 25th ASEAN-Korea Summit
    chinh: int  # Phạm Minh Chính
    evil_article: int
    evil_event: int
    evil_person: int


def hostile_article(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    text = (
        f"Hội đàm Việt Nam-Hàn Quốc {EVIL}\n\n"
        "Ngày 5/6/2023, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với "
        f"Bộ trưởng Ngoại giao Hàn Quốc Park Jin {EVIL}.\n"
        f"Hai bên nhất trí thúc đẩy hợp tác {EVIL}."
    )
    record = {"id": f"hostile{SCRIPT}", "url": "javascript:alert(1)", "text": text}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("web")
    url = str(folder / "web.db")
    store = api.open_store(url)
    try:
        api.ingest(store, [*sorted(SEEDS.glob("*.txt")), hostile_article(folder)], workers=1)
        (summit,) = api.events(store, series="ASEAN-Korea Summit", year_from=2024)
        (chinh,) = api.people(store, "Phạm Minh Chính", limit=1)
        (park,) = api.people(store, "Park Jin", limit=1)
        (hostile,) = api.events_by_id(store, park.event_ids)
        evil_name = f"Park Jin {EVIL}"
        with store.transaction():  # what no extractor gives today, but a store could hold
            store.execute("UPDATE people SET name = ? WHERE id = ?", [evil_name, park.id])
            store.execute(
                "UPDATE person_mentions SET name = ?, titles = ? WHERE person_id = ?",
                [evil_name, json.dumps([f"Minister {EVIL}"]), park.id],
            )
            store.execute(
                "UPDATE event_participants SET name = ?, title = ? WHERE person_id = ?",
                [evil_name, f"Minister {EVIL}", park.id],
            )
            store.execute(
                "UPDATE events SET name = ?, location = ?, outcomes = ? WHERE id = ?",
                [f"Talks {EVIL}", f"Hanoi {EVIL}", json.dumps([f"Plan {EVIL}"]), hostile.id],
            )
        ids = (summit.id, chinh.id, hostile.sources[0].article_id, hostile.id, park.id)
    finally:
        store.close()
    with TestClient(create_app(url, extract_seconds=300)) as client:  # workers start slowly
        yield Site(client, *ids)


class Elements(HTMLParser):
    """The text of every element matching a tag, a class and optionally an id."""

    def __init__(self, tag: str, cls: str | None = None, ident: str | None = None) -> None:
        super().__init__()
        self.tag, self.cls, self.ident = tag, cls, ident
        self.open: list[list[str]] = []  # text of the matching elements still open
        self.depths: list[int] = []
        self.depth = 0
        self.found: list[str] = []
        self.attrs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "input", "img", "meta", "link"):
            return
        self.depth += 1
        given = dict(attrs)
        classes = (given.get("class") or "").split()
        if (
            tag == self.tag
            and (self.cls is None or self.cls in classes)
            and (self.ident is None or given.get("id") == self.ident)
        ):
            self.open.append([])
            self.depths.append(self.depth)
            self.attrs.append(given)

    def handle_endtag(self, tag: str) -> None:
        if self.depths and self.depths[-1] == self.depth:
            self.depths.pop()
            text = "".join(self.open.pop())
            self.found.append(text)
            for outer in self.open:
                outer.append(text)
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1].append(data)


def elements(html: str, tag: str, cls: str | None = None, ident: str | None = None) -> list[str]:
    parser = Elements(tag, cls, ident)
    parser.feed(html)
    return parser.found


# --- highlighting ---------------------------------------------------------------------


def test_pages_pieces_cut_text_at_spans() -> None:
    cut = pieces("abcdefgh", [(2, 5, 7)])
    assert cut == [Piece("ab"), Piece("cde", (7,), (7,), (7,)), Piece("fgh")]


def test_pages_pieces_share_a_sentence_between_events() -> None:
    cut = pieces("one two", [(0, 3, 1), (0, 3, 2), (2, 7, 3)])
    assert [p.text for p in cut] == ["on", "e", " two"]
    assert cut[0].opens == (1, 2) and cut[1].closes == (1, 2)
    assert cut[1].events == (1, 2, 3) and cut[2].closes == (3,)


@given(st.text(max_size=30), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30))))
def test_pages_snippet_pieces_are_the_pieces_of_their_marks(
    text: str, marks: list[tuple[int, int]]
) -> None:
    """In order and apart (as search finds them) or not, a snippet is cut as `pieces`
    cuts it."""
    marks = [(min(a, len(text)), min(b, len(text))) for a, b in marks]
    assert snippet_pieces(text, marks) == pieces(text, [(a, b, 0) for a, b in marks])
    apart = sorted({(a, b) for a, b in marks if a < b})
    apart = [m for i, m in enumerate(apart) if all(m[0] >= o[1] for o in apart[:i])]
    assert snippet_pieces(text, apart) == pieces(text, [(a, b, 0) for a, b in apart])


# What the templates did before the Python functions took it over: the same bytes.
_JINJA = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
_SNIPPET = _JINJA.from_string(
    "{% for p in snippet %}{% if p.events %}<mark>{{ p.text }}</mark>"
    "{% else %}{{ p.text }}{% endif %}{% endfor %}"
)
_MACROS = _JINJA.from_string(
    """{% macro kind(value) %}{{ t.get('kind_' ~ value, value) }}{% endmacro %}"""
    """{% macro parties(codes, sep=", ") %}{% for code in codes %}{{ names.get(code, code) }}"""
    """{% if not loop.last %}{{ sep }}{% endif %}{% endfor %}{% endmacro %}"""
    """{% macro when(value) %}{% if value %}<time datetime="{{ value }}">{{ value }}</time>"""
    """{% else %}<span class="muted">{{ t.undated }}</span>{% endif %}{% endmacro %}"""
)


@given(
    st.text(alphabet="ab<&\"' ", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30))),
)
def test_pages_snippet_html_is_what_the_template_made(
    text: str, marks: list[tuple[int, int]]
) -> None:
    marks = [(min(a, len(text)), min(b, len(text))) for a, b in marks]
    apart = sorted({(a, b) for a, b in marks if a < b})
    apart = [m for i, m in enumerate(apart) if all(m[0] >= o[1] for o in apart[:i])]
    for cut in (marks, apart):
        expected = _SNIPPET.render(snippet=snippet_pieces(text, cut))
        assert str(snippet_html(text, cut)) == expected


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_plain_macros_are_what_the_macros_made(lang: str) -> None:
    text = labels()[lang]
    names = {"VNM": "Việt Nam", "USA": "Hoa Kỳ", "X<Y": "a & b"}
    macros = _MACROS.make_module({"t": text, "names": names})
    plain = plain_macros(text, names)
    values: list[object] = [None, "", "2021-06-09", "2021", "<b>", 'a"b', 7]
    kinds: list[object] = [None, "", "visit", "meeting", "no_such_kind", "<x>", 3]
    for value in values:
        assert str(plain["when"](value)) == str(macros.when(value))
    for kind in kinds:
        assert str(plain["kind"](kind)) == str(macros.kind(kind))
    for codes in ([], ["VNM"], ["VNM", "USA"], ["X<Y", "ZZZ", "USA"]):
        assert str(plain["parties"](codes)) == str(macros.parties(codes))
        for sep in ("–", " & ", "<br>"):
            assert str(plain["parties"](codes, sep)) == str(macros.parties(codes, sep))
            assert str(plain["parties"](codes, sep=sep)) == str(macros.parties(codes, sep=sep))


def test_pages_paragraphs_keep_offsets_into_the_body() -> None:
    body = "First one.\n\nSecond, with evidence."
    (first,), second = paragraphs(body, [(20, 33, 4)])
    assert first.text == "First one."
    assert [p.text for p in second] == ["Second, ", "with evidence", "."]


# --- pages ----------------------------------------------------------------------------


def test_pages_home_shows_counts_events_and_links(site: Site) -> None:
    response = site.client.get("/")
    assert response.status_code == 200
    html = response.text
    counts = elements(html, "ul", "counts")[0]
    assert "6" in counts  # articles
    assert 'form class="search"' in html and 'name="q"' in html
    assert 'class="search-box big"' in html  # a search box in the page too
    for link in ('href="/timeline?between=ASEAN,KOR"', 'href="/graph"', 'href="/try"'):
        assert link in html
    assert f'href="/events/{site.summit}"' in html
    assert "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25" in html


def test_pages_event_shows_fields_and_every_source_with_evidence(site: Site) -> None:
    response = site.client.get(f"/events/{site.summit}")
    assert response.status_code == 200
    html = response.text
    sources = elements(html, "section", "source")
    assert sources
    evidence = elements(html, "mark", "evidence")
    assert any("lần thứ 25" in text for text in evidence)
    assert "<h1>Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25</h1>" in html
    assert "Hàn Quốc" in html and "Korea" not in html  # one language a page
    english = site.client.get(f"/events/{site.summit}?lang=en").text
    site.client.cookies.delete("lang")  # the language sticks: back to the default
    assert "<h1>25th ASEAN-Korea Summit</h1>" in english
    # the article's own wording, marked as Vietnamese, is the only Vietnamese left
    assert '<q lang="vi">Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25</q>' in english
    parties = english.split("<dt>Parties</dt>")[1].split("</dd>")[0]
    assert "Korea" in parties and "Hàn Quốc" not in parties
    assert f'href="/people/{site.chinh}">Phạm Minh Chính</a>' in html
    assert 'href="/articles/' in html and f"#ev-{site.summit}" in html


def test_pages_person_shows_titles_events_and_whom_they_met(site: Site) -> None:
    response = site.client.get(f"/people/{site.chinh}")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Phạm Minh Chính</h1>" in html
    assert "Thủ tướng" in elements(html, "table", "titles")[0]
    assert f'href="/events/{site.summit}"' in html
    assert f'href="/timeline?person={site.chinh}"' in html
    assert "Yoon Suk-yeol" in elements(html, "ol", "met")[0]


def test_pages_article_marks_each_event_evidence_with_its_id(site: Site) -> None:
    events = site.client.get(f"/api/events/{site.summit}").json()
    article_id = events["sources"][0]["article_id"]
    response = site.client.get(f"/articles/{article_id}")
    assert response.status_code == 200
    spans = site.client.get(f"/api/articles/{article_id}").json()["evidence"]
    for span in spans:
        (marked,) = elements(response.text, "mark", "evidence", f"ev-{span['event_id']}")
        assert marked.strip()
        assert f'href="/events/{span["event_id"]}"' in response.text
    (summit,) = elements(response.text, "mark", "evidence", f"ev-{site.summit}")
    assert "lần thứ 25" in summit


def test_pages_shared_evidence_sentence_marks_every_event(site: Site) -> None:
    for article in range(1, 7):
        spans = site.client.get(f"/api/articles/{article}").json()["evidence"]
        starts = [s["start"] for s in spans]
        if len(starts) != len(set(starts)):
            break
    else:
        pytest.skip("no article of the seeds has one sentence for two events")
    html = site.client.get(f"/articles/{article}").text
    for span in spans:
        assert elements(html, "mark", "evidence", f"ev-{span['event_id']}")


def test_pages_search_without_diacritics_finds_the_person(site: Site) -> None:
    response = site.client.get("/search", params={"q": "pham minh chinh"})
    assert response.status_code == 200
    html = response.text
    hits = elements(html, "li", "hit")
    assert any("Phạm Minh Chính" in hit for hit in hits)
    assert f'href="/people/{site.chinh}">Phạm Minh Chính</a>' in html
    assert any("Chính" in mark for mark in elements(html, "mark"))
    assert 'value="pham minh chinh"' in html  # the query stays in the boxes


def test_pages_search_pages_through_the_hits(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplonews.web import pages

    monkeypatch.setattr(pages, "SEARCH_HITS", 4)
    # "ASEAN" in capitals: URLs no other test asks for, so none is in the page cache.
    everything = site.client.get("/api/search", params={"q": "ASEAN", "limit": 100}).json()
    assert len(everything) > 12  # three full pages of four, and more
    seen: list[str] = []
    url = "/search?q=ASEAN"
    for number in (1, 2, 3):
        html = site.client.get(url).text
        assert len(elements(html, "li", "hit")) == 4 and f'start="{4 * number - 3}"' in html
        assert ('rel="prev"' in html) == (number > 1)
        seen += re.findall(
            r'<li class="hit[^"]*">\s*<span class="tag">[^<]*</span>\s*<a href="([^"]+)"', html
        )
        url = re.search(r'rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    expected = [
        f"/{'people' if h['kind'] == 'person' else h['kind'] + 's'}/{h['id']}"
        for h in everything[:12]
    ]
    assert seen == expected  # the ranking, cut into pages, no hit twice
    last = site.client.get("/search?q=ASEAN&page=500").text
    assert not elements(last, "li", "hit") and 'rel="prev"' in last
    assert site.client.get("/search?q=ASEAN&page=zero").status_code == 200  # read as 1


def test_pages_search_without_a_query_shows_the_form(site: Site) -> None:
    response = site.client.get("/search")
    assert response.status_code == 200
    assert 'class="search-box big"' in response.text
    assert not elements(response.text, "li", "hit")


def test_pages_language_switch_gives_english_labels(site: Site) -> None:
    response = site.client.get(f"/events/{site.summit}", params={"lang": "en"})
    assert "Participants" in response.text and "Sources" in response.text
    assert response.cookies.get("lang") == "en"
    home = site.client.get("/", params={"lang": "en"}).text
    assert "Latest events" in home
    vietnamese = site.client.get("/", params={"lang": "vi"}).text
    assert "Sự kiện mới nhất" in vietnamese


@pytest.mark.parametrize(
    "path", ["/events/999999", "/people/0", "/articles/99999999999999999999999", "/events/abc"]
)
def test_pages_unknown_ids_are_not_found(site: Site, path: str) -> None:
    response = site.client.get(path, params={"lang": "en"})
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Not found" in response.text


# --- Try it ---------------------------------------------------------------------------


def test_pages_try_shows_the_form(site: Site) -> None:
    html = site.client.get("/try").text
    assert '<textarea id="try-text" name="text"' in html
    assert 'type="file" name="file" accept=".txt,.html,.htm' in html
    assert '<button type="submit">' in html and 'enctype="multipart/form-data"' in html
    assert "try-result" not in html


def test_pages_try_extracts_pasted_text(site: Site) -> None:
    text = (SEEDS / "004_955376071938104d.txt").read_text(encoding="utf-8")
    browser_form = {"file": ("", b"", "application/octet-stream")}  # no file chosen
    response = site.client.post("/try", data={"text": text}, files=browser_form)
    assert response.status_code == 200
    result = elements(response.text, "section", "try-result")
    assert result and "ASEAN-Korea Summit" in result[0]
    assert any("lần thứ 25" in m for m in elements(response.text, "mark", "evidence"))
    assert 'id="try-ev-0"' in response.text and 'href="#try-event-0"' in response.text


def test_pages_try_extracts_an_uploaded_text_file(site: Site) -> None:
    data = (SEEDS / "004_955376071938104d.txt").read_bytes()
    response = site.client.post("/try", files={"file": ("summit.txt", data, "text/plain")})
    assert response.status_code == 200
    assert any("lần thứ 25" in m for m in elements(response.text, "mark", "evidence"))


def test_pages_try_extracts_an_uploaded_web_page(site: Site) -> None:
    page = (
        "<html><head><title>Cấp cao ASEAN-Hàn Quốc</title></head><body>"
        f"<nav>Trang chủ</nav><article><h1>Cấp cao ASEAN-Hàn Quốc</h1><p>{SUMMIT_TEXT}</p>"
        "<p>Thủ tướng Phạm Minh Chính phát biểu tại hội nghị.</p></article></body></html>"
    )
    response = site.client.post(
        "/try", files={"file": ("summit.html", page.encode("utf-8"), "text/html")}
    )
    assert response.status_code == 200
    marks = elements(response.text, "mark", "evidence")
    assert any("lần thứ 25" in m for m in marks)
    assert "Trang chủ</p>" not in response.text  # page furniture left out


def test_pages_try_refuses_other_file_types(site: Site) -> None:
    response = site.client.post(
        "/try", files={"file": ("slides.pdf", b"%PDF-1.4", "application/pdf")}
    )
    assert response.status_code == 400
    assert ".txt, .html" in elements(response.text, "p", "error")[0]


def test_pages_try_refuses_a_binary_file(site: Site) -> None:
    response = site.client.post(
        "/try", files={"file": ("a.txt", bytes(range(256)) * 8, "text/plain")}
    )
    assert response.status_code == 400
    assert elements(response.text, "p", "error")


def test_pages_try_refuses_an_empty_form(site: Site) -> None:
    response = site.client.post("/try", data={"text": "  "}, params={"lang": "en"})
    assert response.status_code == 400
    assert "Paste the article" in response.text


def test_pages_try_refuses_an_oversize_upload(site: Site) -> None:
    big = b"a" * (MAX_BODY + 1)
    response = site.client.post("/try", files={"file": ("big.txt", big, "text/plain")})
    assert response.status_code == 413


def test_pages_try_refuses_oversize_text_sent_without_a_length(site: Site) -> None:
    boundary = "diplonews"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
        f"{'a' * (MAX_BODY + 1)}\r\n--{boundary}--\r\n"
    ).encode()
    response = site.client.post(
        "/try",
        content=iter([body[:1000], body[1000:]]),  # chunked: no Content-Length to check
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 413
    assert elements(response.text, "p", "error")


# --- untrusted text -------------------------------------------------------------------


def assert_escaped(response_text: str) -> None:
    assert "<script>alert" not in response_text
    assert "<img src=x" not in response_text
    assert 'href="javascript:' not in response_text


def test_pages_show_hostile_text_as_text(site: Site) -> None:
    paths = [
        "/",
        f"/articles/{site.evil_article}",
        f"/events/{site.evil_event}",
        f"/people/{site.evil_person}",
        "/search?q=park+jin",
        "/search?q=" + SCRIPT,
    ]
    for path in paths:
        response = site.client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        assert_escaped(response.text)
    article = site.client.get(f"/articles/{site.evil_article}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in article
    person = site.client.get(f"/people/{site.evil_person}").text
    assert "Park Jin &lt;script&gt;" in person


def test_pages_try_shows_hostile_text_as_text(site: Site) -> None:
    text = (
        f"Hội đàm {EVIL}\n\nNgày 5/6/2023, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn "
        f"đã hội đàm với Bộ trưởng Ngoại giao Hàn Quốc Park Jin {EVIL}."
    )
    response = site.client.post("/try", data={"text": text})
    assert response.status_code == 200
    assert_escaped(response.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert response.headers["content-security-policy"]
    assert re.search(r"<mark class=\"evidence\"[^>]*>Ngày 5/6/2023", response.text)


def test_ask_page_answers_with_evidence(client) -> None:
    response = client.get("/ask", params={"q": "ai dong chu tri doi thoai asean han quoc 2021"})
    assert response.status_code == 200
    assert "Yeo Seung-bae" in response.text
    assert 'class="evidence"' in response.text and "/articles/" in response.text
    refused = client.get("/ask", params={"q": "Who is Donald Trump?", "lang": "en"})
    assert "Not in the record." in refused.text and "not-found" in refused.text
    assert 'name="q"' in client.get("/").text.split("ask-box", 1)[1][:400]


def test_pages_read_and_name_with_the_applications_lexicons(
    user_lexicon_client: TestClient,
) -> None:
    get = user_lexicon_client.get
    [tea] = get("/api/events", params={"party": "XWL"}).json()
    event = get(f"/events/{tea['id']}")
    assert event.status_code == 200
    assert '<span class="party">Xứ Sở Thần Tiên <span class="code">XWL</span>' in event.text
    english = get(f"/events/{tea['id']}?lang=en")
    user_lexicon_client.cookies.delete("lang")
    assert '<span class="party">Wonderland <span class="code">XWL</span>' in english.text
    answer = get("/ask", params={"q": "ai dong chu tri tiec tra than tien lan thu 3"})
    assert "Alice Liddell" in answer.text and 'class="evidence"' in answer.text
    text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Bộ trưởng Ngoại giao Xứ Sở Thần Tiên."
    tried = user_lexicon_client.post("/try?lang=en", data={"text": text})
    user_lexicon_client.cookies.delete("lang")
    assert tried.status_code == 200 and "Wonderland" in tried.text
