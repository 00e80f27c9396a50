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
from pathlib import Path
from typing import Any

from diplonews.errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # one file, or one JSONL line
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# C0 and C1 control characters other than the whitespace ones (\t \n \v \f \r).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SAMPLE = 8192  # characters looked at
_CONTROL_SHARE = 0.05  # above this share of control characters, a file is binary
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
            if suffix in SUPPORTED:
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
        text = _decode(path.read_bytes())
        if suffix in HTML_SUFFIXES:
            yield _from_html(text, doc_id=path.stem, where=str(path))
        else:
            yield Source(doc_id=path.stem, text=text, path=str(path))
    except _Reject as exc:
        yield InputError(str(path), str(exc))
    except OSError as exc:
        yield InputError(str(path), exc.strerror or str(exc))


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
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1258")
            except UnicodeDecodeError:
                raise _Reject("undecodable: neither UTF-8, UTF-16 nor Windows-1258") from None
    sample = text[:_CONTROL_SAMPLE]
    if "\0" in sample or len(_CONTROL.findall(sample)) > len(sample) * _CONTROL_SHARE:
        raise _Reject("binary file")
    if not text.strip():
        raise _Reject("empty file")
    return unicodedata.normalize("NFC", text)


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


def _from_html(
    html: str, *, doc_id: str, where: str, url: str | None = None, published: str | None = None
) -> Source:
    """The main text of a saved page, its title as the first line, its date as `published`."""
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
        raise _Reject(f"cannot parse HTML: {exc}") from None
    body = unicodedata.normalize("NFC", getattr(page, "text", None) or "").strip()
    if not body:
        raise _Reject("no article text found in the HTML")
    title = unicodedata.normalize("NFC", getattr(page, "title", None) or "").strip()
    if title:
        first, _, rest = body.partition("\n")
        if first.strip() == title:
            body = rest.lstrip("\n")
        body = f"{title}\n\n{body}"
    return Source(
        doc_id=doc_id,
        text=body,
        path=where,
        published=published or iso_date(getattr(page, "date", None)),
        url=url or getattr(page, "url", None),
    )


def _read_jsonl(path: Path) -> Iterator[Source | InputError]:
    with path.open("rb") as lines:
        head = lines.read(2)
        if head.startswith(_UTF16_BOMS):
            yield InputError(str(path), "UTF-16 JSONL is not supported (JSON Lines is UTF-8)")
            return
        lines.seek(0)
        number = 0
        while line := lines.readline(MAX_BYTES + 1):
            number += 1
            where = f"{path}:{number}"
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the line
                    line = lines.readline(1 << 20)
                yield InputError(where, f"line larger than {MAX_BYTES // (1024 * 1024)} MB")
                continue
            if not line.strip():
                continue
            try:
                yield _from_json_line(line, default_id=f"{path.stem}:{number}", where=where)
            except _Reject as exc:
                yield InputError(where, str(exc))


def _from_json_line(line: bytes, *, default_id: str, where: str) -> Source:
    try:
        item = json.loads(_decode(line))
    except ValueError as exc:
        raise _Reject(f"invalid JSON: {exc}") from None
    if not isinstance(item, dict):
        raise _Reject("not a JSON object")
    given_id = item.get("id")
    if given_id is None:
        doc_id = default_id
    elif isinstance(given_id, str | int) and not isinstance(given_id, bool) and str(given_id):
        doc_id = str(given_id)
    else:
        raise _Reject('"id" must be a non-empty string or a number')
    url = item.get("url") if isinstance(item.get("url"), str) else None
    published = iso_date(item.get("published"))
    text, html = item.get("text"), item.get("html")
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
