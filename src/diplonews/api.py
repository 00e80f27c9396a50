"""The library API of the knowledge base: what the CLI and the web application call.

Each function takes an open `Store` and plain values, and returns the models of
`diplonews.kb.models` (or small query records with `to_dict`). Names of parties and
series are understood the way articles write them: "KOR", "Korea", "Hàn Quốc",
"han quoc" are one party; "Đối thoại ASEAN-Hàn Quốc" is the ASEAN-Korea Dialogue.

The names come from one set of lexicons, which an entry point loads once
(`load_lexicons`, with the user's `--lexicon` rows) and passes to every function that
reads names (`lexicons=`); None stands for the shipped set.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from diplonews.errors import DiplonewsError
from diplonews.extract import extract_doc
from diplonews.extract.lexicons import Lexicons, load
from diplonews.extract.record import Milestone
from diplonews.kb import accounts, corrections, feedstate, formats
from diplonews.kb.browse import date_bound, events, party_codes, series_name
from diplonews.kb.ingest import IngestReport
from diplonews.kb.ingest import ingest as _ingest
from diplonews.kb.models import EventSummary, StoredArticle, StoredEvent, StoredPerson
from diplonews.kb.store import Store, open_store, queries, store_location
from diplonews.kb.store.queries import (
    GraphEdge,
    GraphNode,
    Hit,
    SeriesRecord,
    TimelineItem,
)

__all__ = [
    "Hit",
    "IngestReport",
    "Lexicons",
    "SeriesRecord",
    "Store",
    "TimelineItem",
    "accounts",  # users, sessions, tokens (diplonews.kb.accounts)
    "article",
    "ask",
    "corrections",  # the editors' log and its application (diplonews.kb.corrections)
    "counts",
    "event",
    "events",
    "events_by_id",
    "evidence_spans",
    "export",
    "graph",
    "ingest",
    "last_updated",
    "load_lexicons",
    "met_with",
    "milestones",
    "open_store",
    "party_codes",
    "party_names",
    "people",
    "person",
    "preview",
    "search",
    "series",
    "series_name",
    "source_pages",
    "sources",
    "store_location",
    "timeline",
]

if TYPE_CHECKING:
    from diplonews.qa.answers import Answer


def load_lexicons(paths: Iterable[str | Path] = ()) -> Lexicons:
    """The shipped lexicons plus the user's rows under `paths` (folders or TSV files),
    compiled once per set of paths; a bad path or a malformed row raises here, before
    any work."""
    return load(paths)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    lexicon_paths: Iterable[str | Path] = (),
    workers: int | None = None,
    on_error: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[IngestReport], None] = lambda report: None,
) -> IngestReport:
    """Extract and store the articles under `paths`; see `diplonews.kb.ingest`."""
    return _ingest(
        store,
        paths,
        lexicon_paths=lexicon_paths,
        workers=workers,
        on_error=on_error,
        on_progress=on_progress,
    )


def generation(store: Store) -> int:
    """A number that changes whenever the store does: what was computed from it under
    another number is stale."""
    return queries.generation(store)


def counts(store: Store) -> dict[str, int]:
    return queries.counts(store)


def event(store: Store, event_id: int) -> StoredEvent | None:
    return queries.event(store, event_id)


def events_by_id(store: Store, ids: Sequence[int]) -> list[StoredEvent]:
    """Events by id, in the order given (unknown ids left out)."""
    return queries.events_by_id(store, ids)


def event_summaries(store: Store, ids: Sequence[int]) -> list[EventSummary]:
    """Events by id with only what a list shows (no participants, no sources)."""
    return queries.event_summaries(store, ids)


def people(store: Store, name: str | None = None, limit: int = 50) -> list[StoredPerson]:
    """People a name means (however spelled), or the most reported ones."""
    return queries.people(store, name, limit)


def person(store: Store, person_id: int) -> StoredPerson | None:
    return queries.person(store, person_id)


def met_with(store: Store, person_id: int, limit: int = 10) -> list[tuple[int, str, int]]:
    return queries.met_with(store, person_id, limit)


def timeline(
    store: Store, a: str, b: str, *, lexicons: Lexicons | None = None
) -> list[TimelineItem]:
    """The relationship of two parties: its events and the milestones articles state."""
    return queries.timeline(store, party_codes([a, b], lexicons))


def milestones(
    store: Store,
    a: str | None = None,
    b: str | None = None,
    *,
    lexicons: Lexicons | None = None,
) -> list[Milestone]:
    return queries.milestones(store, party_codes([x for x in (a, b) if x], lexicons))


def series(
    store: Store, name: str | None = None, *, lexicons: Lexicons | None = None
) -> list[SeriesRecord]:
    """Recurring mechanisms with their editions over time."""
    return queries.series(store, series_name(name, lexicons) if name else None)


def search(store: Store, query: str, limit: int = 20, offset: int = 0) -> list[Hit]:
    return queries.search(store, query, limit, offset=offset)


def article(store: Store, article_id: int) -> StoredArticle | None:
    return queries.article(store, article_id)


def graph(
    store: Store,
    level: str = "parties",
    year_from: str | int | None = None,
    year_to: str | int | None = None,
    limit: int = 300,
    *,
    lexicons: Lexicons | None = None,
) -> tuple[list[GraphNode], list[GraphEdge]]:
    """Who met whom: states and blocs (`level="parties"`, labelled with the English
    names of `lexicons`) or officials (`"people"`), in held events of a period."""
    if level not in ("parties", "people"):
        raise DiplonewsError(f"unknown graph level {level!r}; choose parties or people")
    nodes, edges = queries.graph(
        store, level, date_bound(year_from, "from"), date_bound(year_to, "to"), limit
    )
    if level == "parties":
        lex = lexicons or load()
        for node in nodes:
            party = lex.parties.get(node.id)
            node.label = party.short_en if party else node.id
    return nodes, edges


@dataclass
class Preview:
    """An article extracted without storing it (Try it): its record, and the body with
    the offsets of each event's evidence sentence."""

    record: dict[str, Any]
    body: str
    evidence: list[tuple[int, int, int]]  # (start, end, index of the event in the record)

    def to_dict(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "body": self.body,
            "evidence": [{"start": a, "end": b, "event": i} for a, b, i in self.evidence],
        }


def preview(text: str, doc_id: str = "pasted", *, lexicons: Lexicons | None = None) -> Preview:
    """Extract one article's text, for a reader to check against the text itself."""
    if not text.strip():
        raise DiplonewsError("no text to extract")
    doc = extract_doc(unicodedata.normalize("NFC", text), doc_id, lexicons=lexicons)
    spans = [
        (span[0], span[1], index)
        for index, event in enumerate(doc.record.events)
        if (span := event.evidence_span) is not None
    ]
    return Preview(doc.record.to_dict(), doc.body, sorted(spans))


def ask(store: Store, question: str, *, lexicons: Lexicons | None = None) -> Answer:
    """Answer a question in Vietnamese (with or without diacritics) or English from the
    record: a sentence, the facts behind it and their evidence; see `diplonews.qa.answers`."""
    from diplonews.qa import answers as asking

    return asking.ask(store, question, lexicons)


def evidence_spans(store: Store, article_id: int) -> list[tuple[int, int, int]]:
    """(start, end, event id) of every evidence sentence in an article's body."""
    return queries.evidence_spans(store, article_id)


def export(
    store: Store,
    fmt: str,
    out: TextIO,
    *,
    level: str = "parties",
    lexicons: Lexicons | None = None,
    verified_only: bool = False,
) -> int:
    """Write the whole store in `fmt` (see `diplonews.kb.formats.FORMATS`), parties named
    by `lexicons`; records written. `verified_only`: only the events and people an
    editor verified (no articles or milestones, which no one verifies)."""
    if verified_only:
        return formats.write(
            fmt,
            out,
            events=lambda: (e for e in queries.iter_events(store) if e.verified),
            people=lambda: (p for p in queries.iter_people(store) if p.verified),
            articles=lambda: iter(()),
            milestones=lambda: iter(()),
            level=level,
            lexicons=lexicons,
        )
    return formats.write(
        fmt,
        out,
        events=lambda: queries.iter_events(store),
        people=lambda: queries.iter_people(store),
        articles=lambda: queries.iter_articles(store),
        milestones=lambda: queries.milestones(store),
        level=level,
        lexicons=lexicons,
    )


def sources(store: Store) -> list[feedstate.SourceHealth]:
    """The feeds and sitemaps `diplonews watch` follows, with their health."""
    return feedstate.sources(store)


def source_pages(store: Store, name: str | None = None, limit: int = 50) -> list[feedstate.Page]:
    """The latest pages listed (by one source): URL, outlet, state, article."""
    return feedstate.pages(store, name, limit)


def last_updated(store: Store) -> str | None:
    """When a followed source last brought a page into the store (ISO time), if ever."""
    return feedstate.last_updated(store)


def party_names(language: str = "en", *, lexicons: Lexicons | None = None) -> dict[str, str]:
    """Each party code's short name for a reader: English ("Korea") or, for "vi", the
    first Vietnamese name of the lexicon ("Hàn Quốc"). Built once per set of lexicons
    and language: every page shows them. Do not change the dictionary returned."""
    key = "vi" if language == "vi" else "en"
    lex = lexicons or load()
    return lex.derive(f"api.party_names.{key}", lambda lex: _party_names(lex, key == "vi"))


def _party_names(lex: Lexicons, vietnamese: bool) -> dict[str, str]:
    names = {}
    for code, party in lex.parties.items():
        forms = lex.party_forms.get(code) if vietnamese else None
        name = forms[0] if forms else party.short_en or party.name_en or code
        names[code] = name[:1].upper() + name[1:]
    return names
