"""Articles as sources a reader can cite: where each came from (the original URL, and
the outlet named from its host), a title when the article gives none, and the line
that cites it.

The URL of an article comes from its input: the JSONL `url` field, a saved page's
canonical link (both read by `extract.reading`), or a `sources.tsv` in or beside the
folder of its file, one `id<TAB>url` row per article (a header row `id url` is
optional), read here. The outlet is the name the `outlets.tsv` data file gives the URL's host (or a
parent domain of it: "dansinh.dantri.com.vn" is Dân trí), else the host itself.

The server's own file paths are never part of what a reader sees: `public_copies`
keeps only the copies that are web addresses.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from diplonews.errors import InputError
from diplonews.extract.reading import Source

SOURCES_FILE = "sources.tsv"
TITLE_CHARS = 110  # a fallback title longer than this is cut at a word, with "…"
_WEB = ("http://", "https://")

# A dateline before the story: "Hà Nội (TTXVN) -", "(Báo Quốc tế) -", "TTH - ",
# "TPO - ", "TGVN. ", "Seoul, 5/6 (Yonhap) –". Never a title, never part of one.
_DATELINE = re.compile(  # place (Outlet) -
    r"^\s*[^()\n]{0,40}\((?:[Bb]áo\s+)?[A-ZĐÀ-Ỹ][^()\n]{0,50}\)\s*[-–—:]+\s*"
)
_ABBREVIATION = re.compile(r"^\s*[A-ZĐ][A-ZĐ&.]{1,9}\s*(?:[-–—]+|\.(?=\s))\s*")  # TTH - / TGVN.
_BULLET = re.compile(r"^[\s*•·\-–—>#]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZÀ-ỸĐ0-9])")
# Lines of a page's furniture that extraction may leave before the lead.
_FURNITURE = re.compile(
    r"your browser does not support|trình duyệt của bạn không hỗ trợ|^\s*(?:ảnh|photo)\s*:",
    re.IGNORECASE,
)


# --- URLs and outlets ----------------------------------------------------------------


def web_url(value: str | None) -> str | None:
    """`value` if it is an http(s) address with a host, else None."""
    if not value:
        return None
    text = value.strip()
    if not text.lower().startswith(_WEB):
        return None
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    return text if host else None


def host(url: str | None) -> str | None:
    """The host of a web address, lower-case, without "www." (as the store's
    `articles.host` column computes it)."""
    address = web_url(url)
    if address is None:
        return None
    name = (urlsplit(address).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name or None


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """Host → outlet name, from the shipped `outlets.tsv` (host, name)."""
    table: dict[str, str] = {}
    with (resources.files("diplonews.kb") / "outlets.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(
            (line for line in handle if line.strip() and not line.startswith("#")),
            delimiter="\t",
        )
        for row in rows:
            table[row["host"].strip().lower()] = row["name"].strip()
    return table


def outlet_of_host(name: str | None) -> str | None:
    """The outlet a host belongs to: its own entry, a parent domain's, else the host
    without a mobile or AMP prefix ("m.", "amp.")."""
    if not name:
        return None
    known = outlets()
    parts = name.split(".")
    for start in range(len(parts) - 1):
        found = known.get(".".join(parts[start:]))
        if found:
            return found
    for prefix in ("m.", "amp.", "mobile."):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def outlet(url: str | None) -> str | None:
    """The outlet that published a web address ("https://vnexpress.net/…" → VnExpress)."""
    return outlet_of_host(host(url))


# --- sources.tsv beside the articles ---------------------------------------------------


def read_sources_file(path: Path) -> dict[str, str]:
    """Article id → URL, from a `sources.tsv` (id, url; header row optional). Values that
    are not web addresses (a corpus reference) are left out; a row without two columns
    is an `InputError` naming the file and line."""
    found: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < 2 or not cells[0]:
            raise InputError(f"{path}:{number}", "expected two tab-separated columns: id, url")
        if number == 1 and cells[0].lower() == "id" and cells[1].lower() == "url":
            continue
        address = web_url(cells[1])
        if address:
            found[cells[0]] = address
    return found


class SourceUrls:
    """The `sources.tsv` of each folder articles are read from, each read once a run; a
    malformed one is reported once (`on_error`) and its articles go without URLs."""

    def __init__(self, on_error: Callable[[str], None] = lambda message: None) -> None:
        self.folders: dict[Path, dict[str, str]] = {}
        self.on_error = on_error
        # The file last asked about and its folder's listing: every line of a JSONL file
        # asks, and `path.parent` and a Path's hash took 10 µs a line.
        self.last: tuple[Path, dict[str, str]] | None = None

    def for_file(self, path: Path) -> dict[str, str]:
        if self.last is not None and self.last[0] is path:
            return self.last[1]
        folder = path.parent
        if folder not in self.folders:
            found: dict[str, str] = {}
            # The folder's own listing first, then one beside the folder (dev/sources.tsv
            # for the articles in dev/articles/).
            for listing in (folder.parent / SOURCES_FILE, folder / SOURCES_FILE):
                try:
                    found.update(read_sources_file(listing) if listing.is_file() else {})
                except InputError as exc:
                    self.on_error(str(exc))
            self.folders[folder] = found
        self.last = (path, self.folders[folder])
        return self.last[1]

    def complete(self, item: Source, path: Path) -> Source:
        """`item` with the URL its folder's `sources.tsv` gives, when it has none of its
        own (a JSONL url or a page's canonical link comes first)."""
        if item.url:
            return item
        address = self.for_file(path).get(item.doc_id)
        return dataclasses.replace(item, url=address) if address else item


# --- titles --------------------------------------------------------------------------


def strip_dateline(text: str, *, lead: bool = False) -> str:
    """`text` without a leading bullet and dateline ("Hà Nội (TTXVN) - Sáng 5/6, …"); in
    a lead (`lead=True`) also an outlet's initials ("TPO - ", "TGVN. "), which a title
    may well start with ("ASEAN - Hàn Quốc: …")."""
    text = _BULLET.sub("", text)
    match = _DATELINE.match(text) or (_ABBREVIATION.match(text) if lead else None)
    return text[match.end() :] if match else text


def is_title(text: str | None) -> bool:
    """Whether a title as extracted says something: not empty, not a dateline alone."""
    return bool(text and strip_dateline(text).strip(" -–—:.,") and len(text.strip()) > 3)


def lead_title(body: str) -> str | None:
    """A title from the first sentence of the lead: its first paragraph that is not page
    furniture, without the dateline, cut at a word near `TITLE_CHARS`."""
    for line in body.split("\n")[:8]:
        text = line.strip()
        if not text or _FURNITURE.search(text):
            continue
        text = strip_dateline(text, lead=True).strip()
        if len(text) < 4:
            continue
        sentence = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
        sentence = sentence.rstrip(".").strip()
        if len(sentence) <= TITLE_CHARS:
            return sentence
        cut = sentence[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ")
        return cut + "…"
    return None


def article_title(title: str | None, body: str, doc_id: str = "") -> str:
    """What an article is called: its own title (without a dateline), else the first
    sentence of its lead, else its id."""
    if title and is_title(title):
        return strip_dateline(title).strip()
    return lead_title(body) or doc_id


# --- citing --------------------------------------------------------------------------


def cite_line(
    *,
    outlet_name: str | None,
    title: str,
    date: str | None,
    url: str | None,
    permalink: str,
    undated: str = "n.d.",
) -> str:
    """One line to cite an article (or an event through its source): outlet, "title",
    date, URL, and the diplonews permalink."""
    parts = [outlet_name] if outlet_name else []
    parts.append(f"“{title}”")
    parts.append(date or undated)
    if url:
        parts.append(url)
    parts = [part.removesuffix(".") for part in parts]  # "n.d." ends one
    return ". ".join(parts) + f". diplonews: {permalink}"
