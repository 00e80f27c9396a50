"""Input files → articles to extract: plain text, saved web pages and JSONL.

`iter_sources` streams one `Source` per article, or an `InputError` for input that
cannot be read as an article; it never raises on bad input and never holds more
than one file (or one JSONL line) in memory. Text is decoded as UTF-8 (with or
without a BOM), UTF-16 (with a BOM) or else Windows-1258, the legacy Vietnamese
code page, and then NFC-normalised, since NFD text is common in saved pages.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from diplonews.errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # one file, or one JSONL line
# A JSONL "id" becomes part of the store's key for its source, which PostgreSQL indexes
# in a B-tree (at most 2,704 bytes a key); no feed needs ids longer than this.
MAX_ID = 256  # characters
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# C0 and C1 control characters other than the whitespace ones (\t \n \v \f \r).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SAMPLE = 8192  # characters looked at
_CONTROL_SHARE = 0.05  # above this share of control characters, a file is binary
# Every byte but those that encode a C0 control character in UTF-8 (C1 ones are
# \xc2\x80-\xc2\x9f): deleting them leaves nothing from text without controls.
_NOT_C0_BYTES = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F or b == 0x7F))
_DAMAGE_SHARE = 0.002  # at most this share of bad bytes, UTF-8 text is read as UTF-8
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])")


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read: its text (NFC) and what the input said about it."""

    doc_id: str
    text: str
    published: str | None = None  # ISO 8601 at the precision given
    url: str | None = None
    path: str = ""  # where it came from, for messages: a file, or `file.jsonl:LINE`


class _Reject(Exception):
    """Internal: the reason an input is not an article (becomes an InputError)."""


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Source | InputError]:
    """Every article in `paths` (files or folders, walked recursively in sorted order)."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every supported file in `paths`, unread: the store checks a file's size and time
    against what it already holds before reading it."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            suffix = path.suffix.lower()
            if not path.is_file():  # a FIFO or a device: reading it may never end
                yield InputError(str(path), "not a regular file")
            elif suffix in SUPPORTED:
                yield path
            else:
                kind = suffix or "(no extension)"
                yield InputError(str(path), f"unsupported file type {kind}")
        else:
            yield InputError(str(path), "no such file or directory")


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Supported files under `folder`, sorted by name at every level; hidden entries skipped."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)  # no symlink loops
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk(path)
        elif is_file and path.suffix.lower() in SUPPORTED:
            yield path


def read_file(path: Path) -> Iterator[Source | InputError]:
    """The articles of one file: one for text and HTML, one per line for JSONL."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
            return
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _Reject(f"file larger than {MAX_BYTES // (1024 * 1024)} MB")
        yield _from_bytes(path.read_bytes(), str(path))
    except _Reject as exc:
        yield InputError(str(path), str(exc))
    except OSError as exc:
        yield InputError(str(path), exc.strerror or str(exc))


# --- the same rules over bytes read elsewhere (the Spark job reads through Hadoop) ---


def source_from_bytes(data: bytes, name: str) -> Source:
    """The article of one .txt or .html file's bytes (by `name`'s suffix), as `read_file`
    reads it; `InputError` if they are none."""
    try:
        if len(data) > MAX_BYTES:
            raise _Reject(f"file larger than {MAX_BYTES // (1024 * 1024)} MB")
        return _from_bytes(data, name)
    except _Reject as exc:
        raise InputError(name, str(exc)) from None


def source_from_json_line(line: bytes, name: str, number: int) -> Source:
    """The article of line `number` of the JSONL file `name`, as `read_file` reads it."""
    where = f"{name}:{number}"
    try:
        return _from_json_line(line, default_id=f"{_stem(name)}:{number}", where=where)
    except _Reject as exc:
        raise InputError(where, str(exc)) from None


@lru_cache(maxsize=64)
def _stem(name: str) -> str:
    """A file's name without its folder and suffix, once per file, not once per line."""
    return PurePosixPath(name).stem


def source_from_object(item: Any, name: str, number: int) -> Source:
    """The article of a JSON-like object (a Parquet row), read as a JSONL line's object."""
    where = f"{name}:{number}"
    try:
        return _from_object(item, default_id=f"{PurePosixPath(name).stem}:{number}", where=where)
    except _Reject as exc:
        raise InputError(where, str(exc)) from None


def _from_bytes(data: bytes, name: str) -> Source:
    text = _decode(data)
    doc_id = PurePosixPath(name).stem
    if PurePosixPath(name).suffix.lower() in HTML_SUFFIXES:
        return _from_html(text, doc_id=doc_id, where=name)
    return Source(doc_id=doc_id, text=text, path=name)


def decode_upload(data: bytes, suffix: str, name: str) -> str:
    """The article text of an uploaded .txt or .html file; `InputError` if it is none."""
    try:
        text = _decode(data)
        if suffix in HTML_SUFFIXES:
            return _from_html(text, doc_id=Path(name).stem, where=name).text
        return text
    except _Reject as exc:
        raise InputError(name, str(exc)) from None


def _decode(data: bytes) -> str:
    """Bytes of one article → NFC text; raises `_Reject` for empty, binary or undecodable input."""
    plain = False  # known to hold no control character at all
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Reject("undecodable: bad UTF-16") from None
    else:
        if b"\0" in data:
            raise _Reject("binary file")
        try:
            text = data.decode("utf-8-sig")
            # Two byte scans in C instead of the regex over the sample (19 us an article)
            plain = not data.translate(None, _NOT_C0_BYTES) and b"\xc2" not in data
        except UnicodeDecodeError as exc:
            damaged = _damaged_utf8(data, exc)
            if damaged is not None:
                text = damaged
            else:
                try:
                    text = data.decode("cp1258")
                except UnicodeDecodeError:
                    raise _Reject("undecodable: neither UTF-8, UTF-16 nor Windows-1258") from None
    sample = text[:_CONTROL_SAMPLE]
    if not plain and (
        "\0" in sample or len(_CONTROL.findall(sample)) > len(sample) * _CONTROL_SHARE
    ):
        raise _Reject("binary file")
    if not text.strip():
        raise _Reject("empty file")
    return unicodedata.normalize("NFC", text)


def _damaged_utf8(data: bytes, error: UnicodeDecodeError) -> str | None:
    """UTF-8 text with a little damage, else None: a file cut inside its last character
    (its head is kept), or a few bad bytes (each becomes U+FFFD) among thousands of good
    ones. Windows-1258 text is not valid UTF-8 almost anywhere, so it is not taken for it."""
    if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
        try:
            return data[: error.start].decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    text = data.decode("utf-8-sig", "replace")
    damaged = text.count("\ufffd") - data.decode("utf-8-sig", "ignore").count("\ufffd")
    return text if damaged <= len(text) * _DAMAGE_SHARE else None


def iso_date(value: Any) -> str | None:
    """The ISO date at the start of `value` ("2024-11-24T08:00+07:00" → "2024-11-24"), if any."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    _, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return None
    return match.group(0)


@dataclass(frozen=True)
class WebPage:
    """What trafilatura reads of a web page: its main text (headline first), its own
    metadata (title, date, canonical link, site name)."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    sitename: str | None


def read_html(html: str | bytes, url: str | None = None) -> WebPage | str:
    """The main text and metadata of a web page, or why it has none. Used for saved
    pages (`read_file`) and fetched ones (`diplonews watch`) alike."""
    import trafilatura  # lazily: ~0.3 s of start-up that plain-text runs do not need

    try:
        page = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            # Only the page's own metadata: dates found in the body may be other stories'.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 -- a third-party parser on arbitrary input
        return f"cannot parse HTML: {exc}"
    body = unicodedata.normalize("NFC", getattr(page, "text", None) or "").strip()
    if not body:
        return "no article text found in the HTML"
    title = unicodedata.normalize("NFC", getattr(page, "title", None) or "").strip()
    if title:
        first, _, rest = body.partition("\n")
        if first.strip() == title:
            body = rest.lstrip("\n")
        body = f"{title}\n\n{body}"
    canonical, sitename = getattr(page, "url", None), getattr(page, "sitename", None)
    return WebPage(
        text=body,
        title=title or None,
        published=iso_date(getattr(page, "date", None)),
        url=canonical if isinstance(canonical, str) else None,
        sitename=sitename.strip() or None if isinstance(sitename, str) else None,
    )


def _from_html(
    html: str, *, doc_id: str, where: str, url: str | None = None, published: str | None = None
) -> Source:
    """The main text of a saved page, its title as the first line, its date as `published`."""
    page = read_html(html, url)
    if isinstance(page, str):
        raise _Reject(page)
    return Source(
        doc_id=doc_id,
        text=page.text,
        path=where,
        published=published or page.published,
        url=url or page.url,
    )


def _read_jsonl(path: Path) -> Iterator[Source | InputError]:
    with path.open("rb") as lines:
        for item in jsonl_lines(lines, str(path)):
            if isinstance(item, InputError):
                yield item
                continue
            number, line = item
            try:
                yield source_from_json_line(line, str(path), number)
            except InputError as exc:
                yield exc


UTF16_JSONL = "UTF-16 JSONL is not supported (JSON Lines is UTF-8)"
LINE_TOO_LARGE = f"line larger than {MAX_BYTES // (1024 * 1024)} MB"


def starts_utf16(data: bytes) -> bool:
    """Whether bytes begin with a UTF-16 byte order mark (a JSONL file's first line)."""
    return data.startswith(_UTF16_BOMS)


def jsonl_lines(lines: BinaryIO, name: str) -> Iterator[tuple[int, bytes] | InputError]:
    """The non-blank lines of the JSONL stream `name`, numbered from 1, unparsed; an
    `InputError` for a line too long, or for the whole stream if it is UTF-16."""
    head = lines.read(2)
    if starts_utf16(head):
        yield InputError(name, UTF16_JSONL)
        return
    lines.seek(0)
    number = 0
    while line := lines.readline(MAX_BYTES + 1):
        number += 1
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the line
                line = lines.readline(1 << 20)
            yield InputError(f"{name}:{number}", LINE_TOO_LARGE)
            continue
        if line.strip():
            yield number, line


def _from_json_line(line: bytes, *, default_id: str, where: str) -> Source:
    try:
        item = json.loads(_decode(line))
    except ValueError as exc:
        raise _Reject(f"invalid JSON: {exc}") from None
    return _from_object(item, default_id=default_id, where=where)


def _clean_json_text(value: str) -> str:
    """Text from a JSON string, which may spell out what no file can hold: NUL
    (`\\u0000`, which PostgreSQL refuses) and lone surrogates (`\\ud800`, which no
    encoder accepts) are dropped."""
    if "\0" in value:
        value = value.replace("\0", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "ignore").decode("utf-8")
    return value


def _from_object(item: Any, *, default_id: str, where: str) -> Source:
    if not isinstance(item, dict):
        raise _Reject("not a JSON object")
    given_id = item.get("id")
    if given_id is None:
        doc_id = default_id
    elif isinstance(given_id, str | int) and not isinstance(given_id, bool) and str(given_id):
        doc_id = str(given_id)
    else:
        raise _Reject('"id" must be a non-empty string or a number')
    if len(doc_id) > MAX_ID:
        raise _Reject(f'"id" longer than {MAX_ID} characters')
    url = item.get("url") if isinstance(item.get("url"), str) else None
    url = _clean_json_text(url) if url else None
    published = iso_date(item.get("published"))
    text, html = item.get("text"), item.get("html")
    text = _clean_json_text(text) if isinstance(text, str) else text
    html = _clean_json_text(html) if isinstance(html, str) else html
    doc_id = _clean_json_text(doc_id)
    if isinstance(text, str) and text.strip():
        return Source(
            doc_id=doc_id,
            text=unicodedata.normalize("NFC", text),
            path=where,
            published=published,
            url=url,
        )
    if isinstance(html, str) and html.strip():
        return _from_html(html, doc_id=doc_id, where=where, url=url, published=published)
    raise _Reject('no "text" or "html" field with content')
