"""The extraction pipeline: clean → meta → dates → people → events → figures → milestones.

Each stage is a function `run(doc, lexicons)` that reads what earlier stages put on
the `Doc` and adds its own part (its docstring says which). `extract()` is the library
entry point for the record; `extract_doc()` gives the whole `Doc`, milestones included,
which is what the store and the Spark job call; `extract_docs()` does the same for a
stream of articles, a few at a time (the CLI).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from diplonews.extract import clean, dates, figures, limits, meta, milestones, people, windows
from diplonews.extract.doc import Doc
from diplonews.extract.events import reader as events
from diplonews.extract.lexicons import Lexicons, load
from diplonews.extract.reading import Source
from diplonews.extract.record import Article
from diplonews.text import nfc, normalize_typography

PAGE_STAGES = (clean.run, meta.run)  # = windows.WHOLE_TEXT: the page read whole, line by line
BODY_STAGES = (dates.run, people.run, events.run, figures.run, milestones.run)
STAGES = PAGE_STAGES + BODY_STAGES
# Articles read together by `extract_docs`: enough that the lexicons' automaton stays in
# the processor's cache from one body to the next, few enough that a record waits for at
# most a few milliseconds; and a batch ends once its texts reach BATCH_CHARS, so that
# memory stays flat whatever the articles' size (inputs of up to 20 MB each).
BATCH = 32
BATCH_CHARS = 1_000_000

Item = TypeVar("Item")


def make_doc(
    text: str, doc_id: str, *, published: str | None = None, url: str | None = None
) -> Doc:
    raw = normalize_typography(nfc(text))
    return Doc(doc_id=doc_id, raw=raw, published_hint=published, url=url)


def extract_doc(
    text: str,
    doc_id: str,
    *,
    published: str | None = None,
    url: str | None = None,
    lexicons: Lexicons | None = None,
) -> Doc:
    """Run every stage over one article and return the finished `Doc`: a very long
    body in pieces (`windows`), and every value range-checked at the end (`limits`)."""
    lex = lexicons or load()
    doc = make_doc(text, doc_id, published=published, url=url)
    windows.run(doc, lex, STAGES)
    limits.run(doc, lex)
    return doc


def extract_docs(
    items: Iterable[Item], *, lexicons: Lexicons | None = None, batch: int = BATCH
) -> Iterator[tuple[Item, Doc | Exception | None]]:
    """`extract_doc` over a stream of articles, in order: each item with its `Doc`, or
    the exception its extraction raised (the others go on), or None when the item is no
    `Source` (an input error, passed through in its place).

    The same documents as `extract_doc`'s, made a batch at a time: every page of the
    batch is read (clean, meta), then every body is looked up in the lexicons' one
    automaton (`Lexicons.find_in`, kept on the `Doc`), then the later stages run article
    by article. The automaton's states are megabytes that the stages in between push out
    of the processor's cache, and one article at a time its lookups took 15% of the
    extraction of a corpus article, together 11%; with the pages read together too, a
    corpus article took 5-10% less time (in process, 3,000 articles)."""
    lex = lexicons or load()
    stream = iter(items)
    while True:
        chunk: list[Item] = []
        size = 0
        try:
            for item in stream:
                chunk.append(item)
                size += len(item.text) if isinstance(item, Source) else 0
                if len(chunk) >= batch or size >= BATCH_CHARS:
                    break
        except Exception:
            # the stream itself failed: what it gave before is still extracted, then
            # the failure goes on up, as one article at a time would have had it
            yield from extract_docs(chunk, lexicons=lex, batch=batch)
            raise
        if not chunk:
            return
        read: list[Doc | Exception | None] = []
        for item in chunk:
            read.append(_read_page(item, lex) if isinstance(item, Source) else None)
        for doc in read:
            if isinstance(doc, Doc) and len(doc.body) <= windows.WINDOW:
                lex.find_in(doc.matches, "titles", doc.body)  # pure: the stages' own lookup
        for item, doc in zip(chunk, read):
            if isinstance(doc, Doc):
                try:
                    windows.run(doc, lex, BODY_STAGES)
                    limits.run(doc, lex)
                except Exception as exc:  # noqa: BLE001 -- one article's failure is its own
                    yield item, exc
                    continue
            yield item, doc


def _read_page(source: Source, lex: Lexicons) -> Doc | Exception:
    """The page stages of one source, as `windows.run` runs them (whole, before the
    body's); or what they raised."""
    try:
        doc = make_doc(source.text, source.doc_id, published=source.published, url=source.url)
        for stage in PAGE_STAGES:
            stage(doc, lex)
    except Exception as exc:  # noqa: BLE001 -- one article's failure is its own
        return exc
    return doc


def extract(
    text: str,
    doc_id: str,
    *,
    published: str | None = None,
    url: str | None = None,
    lexicons: Lexicons | None = None,
) -> Article:
    """The schema record of one article's text (page furniture and all)."""
    return extract_doc(text, doc_id, published=published, url=url, lexicons=lexicons).record
