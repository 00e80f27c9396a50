"""The knowledge base written out in standard formats: JSON Lines, CSV, GraphML, iCalendar
and PLOVER event records.

This module owns the mapping from the stored model (`StoredEvent`, `StoredPerson`, …) to
each format, and nothing else: it does not know the database. Every writer takes iterables
of model objects and a text stream. JSONL, CSV, ICS and PLOVER stream one record at a time
in the order the iterables give (the store yields them by id), so memory stays flat;
GraphML aggregates a graph first. Open files with `newline=""`: CSV and ICS write their
own CRLF line ends. The PLOVER mapping is documented in docs/plover.md. Party names
and the countries of places come from the lexicons a writer is given (None: the shipped
set), so a user's own rows name their parties in every format.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from diplonews.errors import DiplonewsError
from diplonews.extract.lexicons import Lexicons, load
from diplonews.extract.record import Milestone
from diplonews.kb.models import StoredArticle, StoredEvent, StoredPerson
from diplonews.kb.titles import event_title, event_titles

if TYPE_CHECKING:  # the libraries load with the format that needs them: start-up stays quick
    import icalendar

FORMATS = ("jsonl", "csv", "graphml", "ics", "plover")
GRAPH_LEVELS = ("parties", "people")

CSV_COLUMNS = (
    "event_id", "title", "title_vi", "kind", "status", "date", "name", "series", "edition",
    "format", "location", "parties", "outcomes", "sources", "evidence", "article_url",
    "person_id", "participant", "country", "title_held", "role", "verified", "corrected",
)  # fmt: skip
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# Our event kinds as PLOVER CONSULT modes (docs/plover.md).
CONSULT_MODES = {"meeting": "meet", "visit": "visit", "call": "phone"}
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class _Record(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


# --- JSON Lines ---


def _evidence(event: StoredEvent, urls: Mapping[int, str]) -> tuple[str | None, str | None]:
    """The event's evidence sentence and the URL of the article it is from: the first
    source with a sentence (sources come in the order they were reported)."""
    for source in event.sources:
        if source.evidence:
            return source.evidence, urls.get(source.article_id)
    first = event.sources[0] if event.sources else None
    return None, urls.get(first.article_id) if first else None


def _event_record(
    event: StoredEvent, urls: Mapping[int, str], lex: Lexicons | None
) -> dict[str, Any]:
    record = event.to_dict()
    titles = event_titles(event, lex)
    evidence, url = _evidence(event, urls)
    for source in record["sources"]:
        source["url"] = urls.get(source["article_id"])
    return {
        "id": record.pop("id"),
        "title": titles["en"],
        "title_vi": titles["vi"],
        **record,
        "evidence": evidence,
        "article_url": url,
    }


def write_jsonl(
    out: TextIO,
    events: Iterable[StoredEvent],
    people: Iterable[StoredPerson],
    articles: Iterable[StoredArticle],
    milestones: Iterable[Milestone],
    urls: Mapping[int, str] | None = None,
    lexicons: Lexicons | None = None,
) -> int:
    """Everything, one typed JSON object a line: the lossless dump, ids kept so a reader
    can join participants to people and sources to articles. An event also carries its
    titles (English, Vietnamese), its evidence sentence and the URL of that sentence's
    article (`urls`: article id → URL), and each source its article's URL."""
    urls = urls or {}
    lines = 0
    for event in events:
        record = {"type": "event", **_event_record(event, urls, lexicons)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        lines += 1
    groups: tuple[tuple[str, Iterable[_Record]], ...] = (
        ("person", people),
        ("article", articles),
        ("milestone", milestones),
    )
    for kind, items in groups:
        for item in items:
            out.write(json.dumps({"type": kind, **item.to_dict()}, ensure_ascii=False) + "\n")
            lines += 1
    return lines


# --- CSV ---


def _cell(value: Any) -> Any:
    """A cell a spreadsheet will show, never run: web text may start with "=" or "@"."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(
    out: TextIO,
    events: Iterable[StoredEvent],
    urls: Mapping[int, str] | None = None,
    lexicons: Lexicons | None = None,
) -> int:
    """One row per event participant (long format, for spreadsheets and pandas); an event
    without participants still gets one row. Each row has the event's titles, its
    evidence sentence and the URL of the article that states it (`urls`: article id →
    URL); `name` is the article's own wording."""
    urls = urls or {}
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for event in events:
        titles = event_titles(event, lexicons)
        evidence, url = _evidence(event, urls)
        head: list[Any] = [
            event.id, titles["en"], titles["vi"], event.kind, event.status, event.date,
            event.name, event.series, event.edition, event.format, event.location,
            ";".join(event.parties), ";".join(event.outcomes),
            ";".join(str(s.article_id) for s in event.sources), evidence, url,
        ]  # fmt: skip
        tails: list[list[Any]] = [
            [p.person_id, p.name, p.country, p.title, p.role] for p in event.participants
        ]
        curated = [event.verified, ";".join(event.corrected)]
        for tail in tails or [[None] * 5]:
            writer.writerow([_cell(value) for value in head + tail + curated])
            rows += 1
    return rows


# --- GraphML ---


@dataclass
class _Tie:
    """What an edge of the graph aggregates: the events two nodes met at."""

    events: set[int] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    verified: set[int] = field(default_factory=set)  # of those, checked by an editor
    corrected: set[int] = field(default_factory=set)


def _node_order(node: str) -> tuple[int, str]:
    """People nodes "p2" before "p10"; party codes alphabetically."""
    return (int(node[1:]), "") if node[:1] == "p" and node[1:].isdigit() else (-1, node)


def _check_level(level: str) -> None:
    if level not in GRAPH_LEVELS:
        choices = ", ".join(GRAPH_LEVELS)
        raise DiplonewsError(f"unknown graph level {level!r}; choose one of {choices}")


def write_graphml(
    out: TextIO,
    events: Iterable[StoredEvent],
    people: Iterable[StoredPerson],
    level: str = "parties",
    lexicons: Lexicons | None = None,
) -> int:
    """Who meets whom, for Gephi: parties (states, blocs) or people as nodes, one weighted
    edge per pair that met at a held event. Planned events are not meetings yet, and a
    participant that resolved to no person cannot be a node."""
    _check_level(level)
    lex = lexicons or load()
    nodes: dict[str, dict[str, str]] = {}
    if level == "people":
        for person in people:
            nodes[f"p{person.id}"] = {"label": person.name, "country": person.country or ""}
    ties: dict[tuple[str, str], _Tie] = {}
    for event in events:
        if event.status != "held":
            continue
        members: set[str] = set()
        if level == "parties":
            for code in event.parties:
                party = lex.party(code)
                label, kind = (party.name_en, party.kind) if party else (code, "")
                nodes.setdefault(code, {"label": label, "kind": kind})
                members.add(code)
        else:
            for p in event.participants:
                if p.person_id is not None:
                    node = f"p{p.person_id}"
                    nodes.setdefault(node, {"label": p.name, "country": p.country or ""})
                    members.add(node)
        ordered = sorted(members, key=_node_order)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                tie = ties.setdefault((first, second), _Tie())
                tie.events.add(event.id)
                if event.verified:
                    tie.verified.add(event.id)
                if event.corrected:
                    tie.corrected.add(event.id)
                if event.date:
                    tie.dates.append(event.date)
    import networkx as nx

    graph = nx.Graph(level=level)
    for node in sorted(nodes, key=_node_order):
        graph.add_node(node, **nodes[node])
    for (first, second), tie in sorted(ties.items(), key=lambda item: item[0]):
        graph.add_edge(
            first,
            second,
            weight=len(tie.events),
            first=min(tie.dates, default=""),
            last=max(tie.dates, default=""),
            events=";".join(str(i) for i in sorted(tie.events)),
            verified=len(tie.verified),
            corrected=len(tie.corrected),
        )
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    out.write(buffer.getvalue().decode("utf-8"))
    return len(ties)


# --- iCalendar ---


def _interval(iso: str | None) -> tuple[date, date, str] | None:
    """The days an ISO date of any precision covers: (first, day after the last, precision)."""
    try:
        if iso is None:
            return None
        if len(iso) == 10:
            start = date.fromisoformat(iso)
            return start, start + timedelta(days=1), "day"
        if len(iso) == 7:
            start = date(int(iso[:4]), int(iso[5:7]), 1)
            end = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, end, "month"
        if len(iso) == 4:
            start = date(int(iso), 1, 1)
            return start, date(start.year + 1, 1, 1), "year"
    except ValueError:
        return None
    return None


def _stated_date(start: date, precision: str) -> str:
    if precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    return str(start.year) if precision == "year" else start.isoformat()


def _party_names(codes: Iterable[str], lex: Lexicons) -> str:
    names = []
    for code in codes:
        party = lex.party(code)
        names.append(f"{party.name_en} ({code})" if party and party.name_en != code else code)
    return ", ".join(names)


def _vevent(
    event: StoredEvent, start: date, end: date, precision: str, lex: Lexicons
) -> icalendar.Event:
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", f"event-{event.id}@diplonews")
    # DTSTAMP from the data, never the clock, so an export is reproducible: the latest
    # report of the event, else the date the event is planned for.
    reported = [span[0] for s in event.sources if (span := _interval((s.published or "")[:10]))]
    stamp = max(reported, default=start)
    vevent.add("dtstamp", datetime(stamp.year, stamp.month, stamp.day, tzinfo=UTC))
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    # The title composed from the record: a calendar of "cuộc họp"s says nothing.
    vevent.add("summary", event_title(event, "en", lex))
    if event.location:
        vevent.add("location", event.location)
    lines = []
    if precision != "day":
        lines.append(f"(date: {_stated_date(start, precision)})")
    if event.name:
        lines.append(f"As reported: {event.name}")
    if event.series:
        lines.append(f"Series: {event.series}")
    if event.parties:
        lines.append(f"Parties: {_party_names(event.parties, lex)}")
    for p in event.participants:
        about = ", ".join(x for x in (p.title, p.country) if x)
        lines.append(f"Participant: {p.name}" + (f" ({about})" if about else ""))
    if event.sources:
        lines.append("Sources: " + ", ".join(s.doc_id for s in event.sources))
    if event.verified:
        lines.append("Verified by an editor")
    if event.corrected:
        lines.append("Corrected by an editor: " + ", ".join(event.corrected))
    if lines:
        vevent.add("description", "\n".join(lines))
    vevent.add("categories", [event.kind])
    vevent.add("x-diplonews-verified", "TRUE" if event.verified else "FALSE")
    vevent.add("x-diplonews-corrected", ",".join(event.corrected))
    return vevent


def write_ics(
    out: TextIO,
    events: Iterable[StoredEvent],
    lexicons: Lexicons | None = None,
    *,
    include_past: bool = False,
    today: date | None = None,
) -> int:
    """Planned events on a known day, from today on, as all-day events a calendar can
    subscribe to (DTSTART;VALUE=DATE, DTEND the day after).

    A date known only to the month or the year is not a day: a calendar would show a
    month-long or year-long event, so such plans are left out (the timeline and the
    CSV list them). A plan whose day has passed is stale: it either happened (and then
    is reported as held) or did not. `include_past` keeps the rest of the days on
    record: plans whose day has passed, and held events. The calendar is written one
    VEVENT at a time."""
    import icalendar

    lex = lexicons or load()
    today = today or date.today()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//diplonews//export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    head, end_line, _ = calendar.to_ical().decode("utf-8").rpartition("END:VCALENDAR")
    out.write(head)
    count = 0
    for event in events:
        span = _interval(event.date)
        if span is None or span[2] != "day":
            continue
        upcoming = event.status == "planned" and span[0] >= today
        if upcoming or include_past:
            out.write(_vevent(event, *span, lex).to_ical().decode("utf-8"))
            count += 1
    out.write(end_line + "\r\n")
    return count


# --- PLOVER ---


def _location_country(location: str | None, lex: Lexicons) -> str | None:
    """The country of a place name, when the lexicons know it without ambiguity."""
    if not location:
        return None
    for _, _, cities in lex.places.find(location):
        countries = {city.country for city in cities}
        if len(countries) == 1:
            return countries.pop()
    for _, _, codes in lex.party_names.find(location):
        party = lex.party(codes[0])
        if len(codes) == 1 and party is not None and party.kind in ("state", "region"):
            return party.code
    return None


def _actor_and_recipient(event: StoredEvent, lex: Lexicons) -> tuple[str | None, str | None]:
    """PLOVER is dyadic: a visit runs visitor → host, anything else first → second party."""
    parties = sorted(set(event.parties))
    if event.kind == "visit" and len(parties) == 2:
        host = _location_country(event.location, lex)
        if host not in parties:
            # The side whose officials the visit names, when only one side is named:
            # reports of a visit name the visitor ("X thăm Việt Nam").
            sides = {p.country for p in event.participants if p.country in parties}
            visitor = sides.pop() if len(sides) == 1 else None
            host = next((c for c in parties if c != visitor), None) if visitor else None
        if host in parties:
            return next(c for c in parties if c != host), host
    return (parties[0] if parties else None), (parties[1] if len(parties) > 1 else None)


def _actor_fields(role: str, code: str | None, lex: Lexicons) -> dict[str, str | None]:
    party = lex.party(code) if code else None
    iso = code if party and party.kind in ("state", "region") else None
    return {
        role: party.name_en if party else code,
        f"{role}_code": code,
        f"{role}_country": iso,
    }


def plover_record(event: StoredEvent, lexicons: Lexicons | None = None) -> dict[str, Any]:
    """One event as a PLOVER event record (docs/plover.md has the mapping)."""
    lex = lexicons or load()
    agreed = event.status == "held" and bool(event.outcomes)
    actor, recipient = _actor_and_recipient(event, lex)
    evidence: list[str] = []
    for source in event.sources:
        if source.evidence and source.evidence not in evidence:
            evidence.append(source.evidence)
    return {
        "id": f"event-{event.id}",
        "event_id": event.id,
        "date": event.date,
        "event_type": "AGREE" if agreed else "CONSULT",
        "mode": None if agreed else CONSULT_MODES.get(event.kind),
        "context": ["diplomatic"],
        "kind": event.kind,
        **_actor_fields("actor", actor, lex),
        **_actor_fields("recipient", recipient, lex),
        "location": {"name": event.location, "country": _location_country(event.location, lex)},
        "parties": sorted(set(event.parties)),
        "participants": [p.to_dict() for p in event.participants],
        "name": event.name,
        "series": event.series,
        "edition": event.edition,
        "format": event.format,
        "status": event.status,
        "outcomes": list(event.outcomes),
        "source_articles": [
            {"article_id": s.article_id, "doc_id": s.doc_id, "published": s.published}
            for s in event.sources
        ],
        "evidence": evidence,
        "verified": event.verified,
        "corrected": list(event.corrected),
    }


def write_plover(
    out: TextIO, events: Iterable[StoredEvent], lexicons: Lexicons | None = None
) -> int:
    """Events as PLOVER records, one JSON object a line, for tools built on POLECAT."""
    lex = lexicons or load()
    count = 0
    for event in events:
        out.write(json.dumps(plover_record(event, lex), ensure_ascii=False) + "\n")
        count += 1
    return count


# --- Dispatch ---


def write(
    fmt: str,
    out: TextIO,
    *,
    events: Callable[[], Iterable[StoredEvent]],
    people: Callable[[], Iterable[StoredPerson]],
    articles: Callable[[], Iterable[StoredArticle]],
    milestones: Callable[[], Iterable[Milestone]],
    level: str = "parties",
    lexicons: Lexicons | None = None,
    urls: Callable[[], Mapping[int, str]] = dict,
    include_past: bool = False,
) -> int:
    """Write `fmt`, asking the store only for what that format needs (factories, not
    lists, so nothing is read that is not written), naming parties with `lexicons`
    (None: the shipped set, loaded only by a format that names parties). `urls`: the
    articles' URLs by id (JSONL, CSV); `include_past`: see `write_ics`."""
    if fmt == "jsonl":
        return write_jsonl(out, events(), people(), articles(), milestones(), urls(), lexicons)
    if fmt == "csv":
        return write_csv(out, events(), urls(), lexicons)
    if fmt == "graphml":
        _check_level(level)  # before any factory runs
        return write_graphml(out, events(), people() if level == "people" else (), level, lexicons)
    if fmt == "ics":
        return write_ics(out, events(), lexicons, include_past=include_past)
    if fmt == "plover":
        return write_plover(out, events(), lexicons)
    raise DiplonewsError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
