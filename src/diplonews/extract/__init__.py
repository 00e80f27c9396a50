"""The extraction pipeline: clean → meta → dates → people → events → figures → milestones.

Each stage is a function `run(doc, lexicons)` that reads what earlier stages put on
the `Doc` and adds its own part (its docstring says which). `extract()` is the library
entry point for the record; `extract_doc()` gives the whole `Doc`, milestones included,
which is what the CLI, the store and the Spark job call.
"""

from __future__ import annotations

from diplonews.extract import clean, dates, figures, limits, meta, milestones, people, windows
from diplonews.extract.doc import Doc
from diplonews.extract.events import reader as events
from diplonews.extract.lexicons import Lexicons, load
from diplonews.extract.record import Article
from diplonews.text import nfc, normalize_typography

STAGES = (clean.run, meta.run, dates.run, people.run, events.run, figures.run, milestones.run)


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
