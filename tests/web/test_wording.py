"""One language per page (web/wording.py): plurals, and a walk over every page of a store
built from tests/data in both languages that fails on a word of the other language's
labels (party names included) anywhere but in what articles wrote.

What articles wrote is quoted, not translated: evidence sentences and excerpts, headlines,
the wording an event was reported with, snippets, marked `lang` of their own or kept in
<mark>, <q>, <blockquote> and <code>; the walk leaves those out.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.kb import sources
from diplonews.kb.store import listing
from diplonews.web import create_app
from diplonews.web.rendering import labels
from diplonews.web.wording import Wording, plural

DATA = Path(__file__).parent.parent / "data"
# <title> repeats each page's <h1>, which is checked (or, a headline, quoted) in the body.
QUOTING_TAGS = {"mark", "q", "blockquote", "code", "script", "style", "title"}
# A citation line copies the source's own title, outlet and addresses, as written.
QUOTING_CLASSES = {
    "excerpt", "article-body", "snippet", "ti-evidence", "evidence", "quoted", "citation",
}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
# Words both languages' pages use as they are: names, acronyms, the site's own name.
# Written alike in both languages: Vietnamese official usage writes "Australia" (series
# names such as "Hội nghị Cấp cao đặc biệt ASEAN-Australia") beside the older "Úc".
SHARED = {"api", "json", "asean", "diplonews", "csv", "url", "id", "ics", "vi", "en", "australia"}
MAX_PAGES = 900  # a language: every event, person and article of the test store fits


def test_wording_english_plurals() -> None:
    assert [plural(n) for n in ("meeting", "party", "person", "series", "match")] == [
        "meetings", "parties", "people", "series", "matches",
    ]  # fmt: skip
    english = Wording("en", labels()["en"], None)
    assert english.count(1, "event") == "1 event"
    assert english.count(2, "event") == "2 events"
    assert english.count(0, "person") == "0 people"
    assert english.count(1, "meeting") == "1 meeting"
    assert english.count(3, "event_together") == "3 events together"
    vietnamese = Wording("vi", labels()["vi"], None)
    assert vietnamese.count(2, "event") == "2 sự kiện"
    assert vietnamese.count(1, "meeting") == "1 cuộc gặp"


def test_wording_readable_values_and_names() -> None:
    english = Wording("en", labels()["en"], None)
    vietnamese = Wording("vi", labels()["vi"], None)
    assert english.value("format", "in_person") == "In person"
    assert vietnamese.value("format", "in_person") == "Trực tiếp"
    assert english.value("format", "hologram_call") == "hologram call"
    assert (english.party("KOR"), vietnamese.party("KOR")) == ("Korea", "Hàn Quốc")
    assert (english.place("Hanoi"), vietnamese.place("Hanoi")) == ("Hanoi", "Hà Nội")
    assert vietnamese.milestone("Strategic Partnership") == "Đối tác chiến lược"
    assert vietnamese.official("President", "VNM") == "Chủ tịch nước"


class _Text(HTMLParser):
    """The text a reader sees (and the labels in attributes: placeholders, tooltips),
    leaving out what articles wrote."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[bool] = []  # per open element: whether it quotes
        self.parts: list[str] = []
        self.links: list[str] = []

    def quoting(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        quotes = (
            tag in QUOTING_TAGS
            or bool(classes & QUOTING_CLASSES)
            or ("lang" in found and tag != "html")  # marked as written, in its language
            or found.get("translate") == "no"  # an address or a name, in no language
        )
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if not self.quoting() and not quotes:
            for name in ("placeholder", "aria-label", "title", "data-label-shown"):
                if found.get(name):
                    self.parts.append(str(found[name]))
        if tag not in VOID:
            self.stack.append(quotes)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.quoting():
            self.parts.append(data)


def _foreign_words(lang: str) -> set[str]:
    """Words of the other language's labels (and its party names) that this language's
    labels and party names never use ("Singapore" is both languages' name)."""
    other = "vi" if lang == "en" else "en"
    own_values = list(labels()[lang].values()) + list(api.party_names(lang).values())
    own_text = " ".join(own_values).casefold()
    own = set(re.findall(r"\w+", own_text))
    words: set[str] = set()
    values = list(labels()[other].values())
    values += list(api.party_names(other).values())
    for value in values:
        for word in re.findall(r"\w+", value):
            if word.isupper():  # an acronym: "AIPA", "APEC" are written alike
                continue
            word = word.casefold()
            if len(word) < 4 or word.isdigit() or word in own or word in SHARED:
                continue
            if other == "en" and not word.isascii():
                continue
            if other == "vi" and word.isascii():  # "Campuchia", "Lào": written alike
                continue
            words.add(word)
    return words


def _own_names_and_people(client: TestClient) -> set[str]:
    """Words of officials' names: "Văn", "Minh", "Long" are names, not labels; so are
    outlets' names and hosts ("KBS World", "thoibao.online")."""
    found: set[str] = set()
    for host, outlet in sources.outlets().items():
        found.update(re.findall(r"\w+", f"{host} {outlet}".casefold()))
    store = api.open_store(client.store_path, create=False)  # type: ignore[attr-defined]
    try:
        for host in listing.hosts(store):
            found.update(re.findall(r"\w+", host.casefold()))
        for person in api.people(store, limit=100_000):
            for name in [person.name, *person.aliases]:
                found.update(re.findall(r"\w+", name.casefold()))
    finally:
        store.close()
    return found


@pytest.fixture(scope="module")
def walked() -> Iterator[TestClient]:
    """An application over every article of tests/data (seeds, dev, archive, recent)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all.db"
        store = api.open_store(str(path))
        try:
            api.ingest(store, sorted(DATA.glob("*/*.txt")), workers=1)
        finally:
            store.close()
        with TestClient(create_app(str(path))) as client:
            client.store_path = str(path)  # type: ignore[attr-defined]
            yield client


START = (
    "/",
    "/timeline?between=ASEAN,KOR",
    "/timeline?between=KOR,VNM",
    "/graph",
    "/graph?level=people",
    "/search?q=han+quoc",
    "/search?q=Phạm+Minh+Chính",
    "/try",
    "/sources",
    "/ask?q=Ai+đồng+chủ+trì+Đối+thoại+ASEAN-Hàn+Quốc+năm+2021",
    "/ask?q=Who+co-chaired+the+ASEAN-Korea+Dialogue+in+2021%3F",
    "/events/999999",
    "/no-such-page",
    "/timeline?between=ASEAN,KOR&from=2021-13-45",
    "/timeline?between=ASEAN,XYZ",
    "/events",
    "/people",
    "/articles",
    "/series",
)
SKIP = ("/api", "/static", "/docs", "/openapi", "/swagger", "/redoc")


def _pages(client: TestClient, lang: str) -> Iterator[tuple[str, str]]:
    """Every page reachable from START through the site's links (query strings of
    lists and filters cut to their first value set), as (url, html)."""
    seen: set[str] = set()
    queue = deque(START)
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        parts = urlsplit(url)
        if parts.netloc or url in seen or parts.path.startswith(SKIP):
            continue
        if parts.path.endswith((".csv", ".json", ".ics", ".jsonl")):
            continue
        seen.add(url)
        joined = "&" if "?" in url else "?"
        response = client.get(f"{url}{joined}lang={lang}")
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        yield url, response.text
        parser = _Text(lang)
        parser.feed(response.text)
        for link in parser.links:
            target = urljoin(url, link).split("#")[0]
            split = urlsplit(target)
            # Lists and filters: one view of each page, not every combination.
            if (
                split.query
                and split.path in {p.split("?")[0] for p in seen}
                and (
                    split.path in ("/timeline", "/graph", "/search", "/events", "/people")
                    or split.path.startswith(("/articles", "/series"))
                    and split.query
                )
            ):
                continue
            if "lang=" in split.query:
                continue
            queue.append(split.path + (f"?{split.query}" if split.query else ""))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_wording_every_page_speaks_one_language(walked: TestClient, lang: str) -> None:
    foreign = _foreign_words(lang)
    names = _own_names_and_people(walked)
    walked_pages = 0
    mixed: dict[str, set[str]] = {}
    for url, html in _pages(walked, lang):
        walked_pages += 1
        parser = _Text(lang)
        parser.feed(html)
        words = set(re.findall(r"\w+", " ".join(parser.parts).casefold()))
        wrong = (words & foreign) - names
        if wrong:
            mixed[url] = wrong
    walked.cookies.delete("lang")
    assert walked_pages > 300  # events, people and articles, not just the home page
    assert not mixed, "\n".join(f"{url}: {sorted(w)}" for url, w in sorted(mixed.items())[:40])
