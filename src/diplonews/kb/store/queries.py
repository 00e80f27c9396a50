"""Reading the knowledge base: events, people, timelines, search, and streams for export.

Every statement takes its values as parameters; the only text put into SQL is a
run of `?` marks sized to a list of values. Results come back as the models of
`diplonews.kb.models`, filled in with a fixed small number of statements per call
(never one per row), which keeps a query on a 10,000-article store within a few
milliseconds.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from diplonews.extract.record import Milestone
from diplonews.kb import resolve, sources
from diplonews.kb.models import (
    EventSummary,
    Source,
    StoredArticle,
    StoredEvent,
    StoredFigure,
    StoredParticipant,
    StoredPerson,
    TitleHeld,
)
from diplonews.kb.search import Snippet, snippet, terms
from diplonews.kb.store.base import KINDS, Store

STREAM_CHUNK = 500  # rows fetched at a time when streaming a whole table
_EVENT_COLUMNS = "id, kind, status, name, series, edition, date, format, location, outcomes"


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    """`ids` a STREAM_CHUNK at a time: one IN (…) list per query, of a bounded size."""
    for start in range(0, len(ids), STREAM_CHUNK):
        yield list(ids[start : start + STREAM_CHUNK])


def generation(store: Store) -> int:
    """The store's generation: it changes whenever an ingest batch commits."""
    return int(store.query("SELECT value FROM generation WHERE id = 1")[0][0])


def counts(store: Store) -> dict[str, int]:
    result = {}
    for table in ("articles", "copies", "events", "people", "mentions", "figures", "milestones"):
        result[table] = int(store.query(f"SELECT COUNT(*) FROM {table}")[0][0])
    return result


# --- events --------------------------------------------------------------------------


@dataclass
class EventFilter:
    parties: Sequence[str] = ()  # codes; an event must have them all
    series: str | None = None
    date_from: str | None = None  # ISO prefix: "2020", "2021-06"
    date_to: str | None = None
    person_ids: Sequence[int] | None = None  # None: no filter; []: matches nothing
    status: str | None = None
    kind: str | None = None
    newest_first: bool = True
    limit: int = 100
    offset: int = 0


def events(store: Store, where: EventFilter) -> list[StoredEvent]:
    clauses: list[str] = []
    params: list[Any] = []
    if where.parties:
        codes = sorted(set(where.parties))
        clauses.append(
            f"e.id IN (SELECT event_id FROM event_parties WHERE party IN ({_marks(codes)}) "
            "GROUP BY event_id HAVING COUNT(*) = ?)"
        )
        params += [*codes, len(codes)]
    if where.person_ids is not None:
        if not where.person_ids:
            return []
        clauses.append(
            "e.id IN (SELECT event_id FROM event_participants "
            f"WHERE person_id IN ({_marks(where.person_ids)}))"
        )
        params += list(where.person_ids)
    if where.series:
        clauses.append("lower(e.series) = lower(?)")
        params.append(where.series)
    for column, value in (("status", where.status), ("kind", where.kind)):
        if value:
            clauses.append(f"e.{column} = ?")
            params.append(value)
    if where.status != "rejected":  # editors said it is not a diplomatic event
        clauses.append("e.status <> 'rejected'")
    if where.date_from:
        clauses.append("e.date >= ?")
        params.append(where.date_from)
    if where.date_to:
        clauses.append("substr(e.date, 1, ?) <= ?")
        params += [len(where.date_to), where.date_to]
    order = "DESC" if where.newest_first else "ASC"
    sql = (
        f"SELECT {_EVENT_COLUMNS} FROM events e "
        + (f"WHERE {' AND '.join(clauses)} " if clauses else "")
        + f"ORDER BY e.date IS NULL, e.date {order}, e.id {order} LIMIT ? OFFSET ?"
    )
    return _hydrate_events(store, store.query(sql, (*params, where.limit, where.offset)))


def event(store: Store, event_id: int) -> StoredEvent | None:
    found = events_by_id(store, [event_id])
    return found[0] if found else None


def events_by_id(store: Store, ids: Sequence[int]) -> list[StoredEvent]:
    found: dict[int, StoredEvent] = {}
    for chunk in _chunks(ids):
        rows = store.query(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE id IN ({_marks(chunk)})", chunk
        )
        found.update((e.id, e) for e in _hydrate_events(store, rows))
    return [found[i] for i in ids if i in found]


def event_summaries(store: Store, ids: Sequence[int]) -> list[EventSummary]:
    """Events by id, in the order given, with what a list shows of them: two queries,
    where a whole event takes four (participants and sources left out)."""
    found: dict[int, EventSummary] = {}
    for chunk in _chunks(ids):
        marks = _marks(chunk)
        for row in store.query(
            f"SELECT id, kind, status, name, series, date FROM events WHERE id IN ({marks})",
            chunk,
        ):
            found[int(row[0])] = EventSummary(int(row[0]), *row[1:])
        for event_id, party in store.query(
            f"SELECT event_id, party FROM event_parties WHERE event_id IN ({marks}) ORDER BY party",
            chunk,
        ):
            found[int(event_id)].parties.append(party)
    return [found[i] for i in ids if i in found]


def _hydrate_events(store: Store, rows: list[tuple[Any, ...]]) -> list[StoredEvent]:
    if not rows:
        return []
    ids = [int(r[0]) for r in rows]
    marks = _marks(ids)
    parties: dict[int, list[str]] = defaultdict(list)
    for event_id, party in store.query(
        f"SELECT event_id, party FROM event_parties WHERE event_id IN ({marks}) ORDER BY party",
        ids,
    ):
        parties[event_id].append(party)
    participants: dict[int, list[StoredParticipant]] = defaultdict(list)
    for event_id, person_id, name, country, title, role in store.query(
        "SELECT event_id, person_id, name, country, title, role FROM event_participants "
        f"WHERE event_id IN ({marks}) ORDER BY event_id, position",
        ids,
    ):
        participants[event_id].append(
            StoredParticipant(name, country, title, role, int(person_id) if person_id else None)
        )
    sources: dict[int, list[Source]] = defaultdict(list)
    for event_id, article_id, doc_id, published, evidence in store.query(
        "SELECT m.event_id, m.article_id, a.doc_id, a.published, m.evidence FROM mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.event_id IN ({marks}) "
        "ORDER BY m.event_id, a.published IS NOT NULL, a.published, m.id",
        ids,
    ):
        sources[event_id].append(Source(int(article_id), doc_id, published, evidence))
    curated = _curation(store, "event", ids)
    return [
        StoredEvent(
            id=int(r[0]),
            kind=r[1],
            status=r[2],
            name=r[3],
            series=r[4],
            edition=r[5],
            date=r[6],
            format=r[7],
            location=r[8],
            outcomes=json.loads(r[9]),
            parties=parties[int(r[0])],
            participants=participants[int(r[0])],
            sources=sources[int(r[0])],
            verified="verified" in curated.get(int(r[0]), {}),
            corrected=sorted(set(curated.get(int(r[0]), {})) - {"verified"}),
        )
        for r in rows
    ]


def _curation(store: Store, kind: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """What editors did to these events or people (`kb.corrections`): id → field (or
    "verified") → the value an editor set, where the record keeps one (a title)."""
    found: dict[int, dict[str, Any]] = defaultdict(dict)
    for chunk in _chunks(ids):
        for ref, name, value in store.query(
            f"SELECT ref, field, value FROM curation_marks WHERE kind = ? "
            f"AND ref IN ({_marks(chunk)})",
            (kind, *chunk),
        ):
            found[int(ref)][name] = json.loads(value) if value else None
    return found


def evidence_spans(store: Store, article_id: int) -> list[tuple[int, int, int]]:
    """(start, end, event id) of every evidence sentence in an article's body."""
    rows = store.query(
        "SELECT evidence_start, evidence_end, event_id FROM mentions "
        "WHERE article_id = ? AND evidence_start IS NOT NULL ORDER BY evidence_start",
        (article_id,),
    )
    return [(int(a), int(b), int(e)) for a, b, e in rows]


# --- people --------------------------------------------------------------------------


def find_people(store: Store, name: str, limit: int = 50) -> list[int]:
    """Ids of the people a name means: the same name (however spelled), else every
    person whose names contain the query's words."""
    exact = store.query(
        "SELECT id FROM people WHERE strict_key = ? OR loose_key = ? ORDER BY id LIMIT ?",
        (resolve.strict_key(name), resolve.loose_key(name), limit),
    )
    if exact:
        return [int(r[0]) for r in exact]
    hits = store.search_text(terms(name), ("person",), limit, every=True)
    return [ref for _, ref, _ in hits]


def people(store: Store, name: str | None = None, limit: int = 50) -> list[StoredPerson]:
    if name:
        ids = find_people(store, name, limit)
    else:
        ids = [
            int(r[0])
            for r in store.query(
                "SELECT person_id FROM person_mentions GROUP BY person_id "
                "ORDER BY COUNT(*) DESC, person_id LIMIT ?",
                (limit,),
            )
        ]
    return _hydrate_people(store, ids)


def people_by_id(store: Store, ids: Sequence[int]) -> list[StoredPerson]:
    found: dict[int, StoredPerson] = {}
    for chunk in _chunks(ids):
        found.update((p.id, p) for p in _hydrate_people(store, chunk))
    return [found[i] for i in ids if i in found]


def person(store: Store, person_id: int) -> StoredPerson | None:
    found = _hydrate_people(store, [person_id])
    return found[0] if found else None


def _hydrate_people(
    store: Store, ids: list[int], *, with_events: bool = True
) -> list[StoredPerson]:
    """People by id; `with_events=False` leaves `event_ids` empty (a query saved where
    only names and titles are shown)."""
    if not ids:
        return []
    marks = _marks(ids)
    base = {
        int(r[0]): r
        for r in store.query(
            f"SELECT id, name, country FROM people WHERE id IN ({marks})",
            ids,
        )
    }
    names: dict[int, Counter[str]] = defaultdict(Counter)
    titles: dict[int, dict[str, TitleHeld]] = defaultdict(dict)
    for person_id, name, reported, seen in store.query(
        f"SELECT person_id, name, titles, seen FROM person_mentions WHERE person_id IN ({marks}) "
        "ORDER BY seen IS NULL, seen, id",
        ids,
    ):
        names[person_id][name] += 1
        for title in json.loads(reported):
            held = titles[person_id].get(title)
            if held is None:
                titles[person_id][title] = TitleHeld(title, seen, seen, 1)
            else:
                held.reports += 1
                held.first_seen = held.first_seen or seen
                held.last_seen = seen or held.last_seen
    attended: dict[int, list[int]] = defaultdict(list)
    if with_events:
        for person_id, event_id, _ in store.query(
            "SELECT p.person_id, e.id, e.date FROM event_participants p "
            f"JOIN events e ON e.id = p.event_id WHERE p.person_id IN ({marks}) "
            "GROUP BY p.person_id, e.id, e.date ORDER BY e.date IS NULL, e.date, e.id",
            ids,
        ):
            attended[person_id].append(int(event_id))
    curated = _curation(store, "person", ids)
    result = []
    for person_id in ids:
        if person_id not in base:
            continue
        spellings = names[person_id].most_common()
        main = spellings[0][0] if spellings else base[person_id][1]
        edits = curated.get(person_id, {})
        if "name" in edits:  # the spelling an editor chose
            main = base[person_id][1]
        titles_held = list(titles[person_id].values())
        if edits.get("title"):
            titles_held.insert(0, TitleHeld(edits["title"], reports=0))
        result.append(
            StoredPerson(
                id=person_id,
                name=main,
                country=base[person_id][2],
                aliases=[n for n, _ in spellings if n != main],
                titles=titles_held,
                event_ids=attended[person_id],
                verified="verified" in edits,
                corrected=sorted(set(edits) - {"verified"}),
            )
        )
    return result


def met_with(store: Store, person_id: int, limit: int = 10) -> list[tuple[int, str, int]]:
    """(person id, name, events together) of whom a person met most."""
    rows = store.query(
        "SELECT o.person_id, COUNT(DISTINCT o.event_id) AS n FROM event_participants p "
        "JOIN event_participants o ON o.event_id = p.event_id AND o.person_id <> p.person_id "
        "WHERE p.person_id = ? GROUP BY o.person_id ORDER BY n DESC, o.person_id LIMIT ?",
        (person_id, limit),
    )
    ids = [int(r[0]) for r in rows]
    named = (
        {
            int(i): name
            for i, name in store.query(
                f"SELECT id, name FROM people WHERE id IN ({_marks(ids)})", ids
            )
        }
        if ids
        else {}
    )
    return [(int(pid), named.get(int(pid), "?"), int(n)) for pid, n in rows]


# --- relationships -------------------------------------------------------------------


def milestones(store: Store, parties: Sequence[str] = ()) -> list[Milestone]:
    """Milestones stated by the articles, once each however many state them."""
    key = "|".join(sorted(set(parties)))
    rows = store.query(
        "SELECT kind, parties, label, start_date, end_date, holder, evidence, article_id "
        "FROM milestones "
        + ("WHERE parties = ? " if key else "")
        + "ORDER BY start_date IS NOT NULL, start_date, id",
        (key,) if key else (),
    )
    seen: dict[tuple[Any, ...], Milestone] = {}
    for kind, joined, label, start, end, holder, evidence, article_id in rows:
        identity = (kind, joined, label, start, end, holder)
        if identity not in seen:
            seen[identity] = Milestone(
                kind, joined.split("|"), label, start, end, holder, evidence, int(article_id)
            )
    return list(seen.values())


@dataclass
class TimelineItem:
    date: str | None
    what: str  # "event" or "milestone"
    event: StoredEvent | None = None
    milestone: Milestone | None = None

    def to_dict(self) -> dict[str, Any]:
        body = (
            self.event.to_dict()
            if self.event
            else (self.milestone or Milestone("", [], "")).to_dict()
        )
        return {"date": self.date, "what": self.what, **body}


def timeline(store: Store, parties: Sequence[str], limit: int = 2000) -> list[TimelineItem]:
    """A relationship's events and milestones, in date order (undated ones last)."""
    found = events(store, EventFilter(parties=parties, newest_first=False, limit=limit))
    items = [TimelineItem(e.date, "event", event=e) for e in found]
    items += [TimelineItem(m.start, "milestone", milestone=m) for m in milestones(store, parties)]
    items.sort(key=lambda i: (i.date is None, i.date or "", i.what != "milestone"))
    return items


@dataclass
class SeriesRecord:
    series: str
    events: list[StoredEvent] = field(default_factory=list)  # its editions, in date order


def series(store: Store, name: str | None = None, limit: int = 500) -> list[SeriesRecord]:
    if name:
        names = [name]
    else:
        names = [
            r[0]
            for r in store.query(
                "SELECT series FROM events WHERE series IS NOT NULL GROUP BY series "
                "ORDER BY COUNT(*) DESC, series"
            )
        ]
    return [
        SeriesRecord(n, events(store, EventFilter(series=n, newest_first=False, limit=limit)))
        for n in names
    ]


# --- articles ------------------------------------------------------------------------

_ARTICLE_COLUMNS = "id, doc_id, title, published, credits, url, body, extractor"


def article(store: Store, article_id: int) -> StoredArticle | None:
    found = articles_by_id(store, [article_id])
    return found[0] if found else None


def articles_by_id(store: Store, ids: Sequence[int]) -> list[StoredArticle]:
    """Articles by id, in the order given (unknown ids left out)."""
    found: dict[int, StoredArticle] = {}
    for chunk in _chunks(ids):
        rows = store.query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({_marks(chunk)})", chunk
        )
        found.update((a.id, a) for a in _hydrate_articles(store, rows))
    return [found[i] for i in ids if i in found]


def _hydrate_articles(store: Store, rows: list[tuple[Any, ...]]) -> list[StoredArticle]:
    if not rows:
        return []
    ids = [int(r[0]) for r in rows]
    copies: dict[int, list[str]] = defaultdict(list)
    for article_id, source in store.query(
        f"SELECT article_id, source FROM copies WHERE article_id IN ({_marks(ids)}) "
        "ORDER BY article_id, added_at, source",
        ids,
    ):
        copies[article_id].append(source)
    return [
        StoredArticle(
            id=int(r[0]),
            doc_id=r[1],
            title=sources.article_title(r[2], r[6], r[1]),
            published=r[3],
            credits=json.loads(r[4]),
            url=sources.web_url(r[5]),
            body=r[6],
            copies=copies[int(r[0])],
            extractor=r[7],
            outlet=sources.outlet(r[5]),
            title_from_lead=not sources.is_title(r[2]),
        )
        for r in rows
    ]


# --- search --------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str  # "article", "event" or "person"
    id: int
    score: float
    label: str
    snippet: Snippet
    # An event hit's whole event (the search page names it by it), read with the label
    # and the evidence its snippet is cut from; not in `to_dict`.
    event: StoredEvent | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "score": round(self.score, 4),
            "label": self.label,
            "snippet": self.snippet.to_dict(),
        }


def search(
    store: Store,
    query: str,
    limit: int = 20,
    kinds: Sequence[str] = KINDS,
    offset: int = 0,
) -> list[Hit]:
    """Ranked entries holding the query's words in a row, then anywhere (else any of
    them), diacritics or not: `limit` of them after the first `offset`."""
    words = terms(query)
    if not words:
        return []
    wanted = offset + limit
    found = store.search_text(words, kinds, wanted, every=True, phrase=True)
    if len(found) < wanted and len(words) > 1:  # the words in a row first, then anywhere
        seen = {(kind, ref) for kind, ref, _ in found}
        found += [
            hit
            for hit in store.search_text(words, kinds, wanted, every=True)
            if (hit[0], hit[1]) not in seen
        ][: wanted - len(found)]
    if not found and len(words) > 1:
        found = store.search_text(words, kinds, wanted, every=False)
    found = found[offset:]
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, ref, _ in found:
        by_kind[kind].append(ref)
    labels: dict[tuple[str, int], tuple[str, str]] = {}
    if by_kind["article"]:
        for article_id, title, doc_id, body in store.query(
            "SELECT id, title, doc_id, body FROM articles "
            f"WHERE id IN ({_marks(by_kind['article'])})",
            by_kind["article"],
        ):
            labels["article", int(article_id)] = (sources.article_title(title, body, doc_id), body)
    events = {e.id: e for e in events_by_id(store, by_kind["event"])}
    for e in events.values():
        label = " · ".join(filter(None, [e.date, e.name or e.series or e.kind]))
        labels["event", e.id] = (label, " ".join(s.evidence or "" for s in e.sources))
    for p in _hydrate_people(store, by_kind["person"], with_events=False):
        labels["person", p.id] = (p.name, "; ".join(t.title for t in p.titles))
    hits = []
    for kind, ref, score in found:
        if (kind, ref) in labels:
            label, text = labels[kind, ref]
            found_event = events.get(ref) if kind == "event" else None
            hits.append(Hit(kind, ref, score, label, snippet(text, words), found_event))
    return hits


# --- streams for export --------------------------------------------------------------


def _ids(store: Store, table: str) -> Iterator[list[int]]:
    last = 0
    while True:
        rows = store.query(
            f"SELECT id FROM {table} WHERE id > ? ORDER BY id LIMIT ?",
            (last, STREAM_CHUNK),
        )
        if not rows:
            return
        yield [int(r[0]) for r in rows]
        last = int(rows[-1][0])


def iter_events(store: Store) -> Iterator[StoredEvent]:
    for chunk in _ids(store, "events"):
        yield from events_by_id(store, chunk)


def iter_people(store: Store) -> Iterator[StoredPerson]:
    for chunk in _ids(store, "people"):
        yield from _hydrate_people(store, chunk)


def iter_articles(store: Store) -> Iterator[StoredArticle]:
    for chunk in _ids(store, "articles"):
        yield from articles_by_id(store, chunk)


def article_urls(store: Store) -> dict[int, str]:
    """Every article's original URL by id (articles without one left out): what an
    export cites without reading the bodies."""
    rows = store.query("SELECT id, url FROM articles WHERE url IS NOT NULL AND url <> ''")
    return {int(article_id): str(url) for article_id, url in rows}


# --- who meets whom ------------------------------------------------------------------


@dataclass
class GraphNode:
    id: str  # a party code, or "p<person id>"
    label: str
    kind: str  # "party" or "person"
    events: int  # held events it took part in, in the period
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "events": self.events,
            "country": self.country,
        }


@dataclass
class GraphEdge:
    source: str
    target: str
    weight: int  # held events together
    first: str | None
    last: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "weight": self.weight,
            "first": self.first,
            "last": self.last,
        }


def graph(
    store: Store,
    level: str = "parties",
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 300,
) -> tuple[list[GraphNode], list[GraphEdge]]:
    """Who met whom in held events of a period: states and blocs, or officials. The
    `limit` busiest nodes are kept, with the edges between them."""
    clauses: list[str] = ["e.status = 'held'"]
    params: list[Any] = []
    if date_from:
        clauses.append("e.date >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("substr(e.date, 1, ?) <= ?")
        params += [len(date_to), date_to]
    where = " AND ".join(clauses)
    if level == "people":
        members = (
            "SELECT p.event_id, 'p' || p.person_id AS node, e.date FROM event_participants p "
            f"JOIN events e ON e.id = p.event_id WHERE p.person_id IS NOT NULL AND {where}"
        )
    else:
        members = (
            "SELECT p.event_id, p.party AS node, e.date FROM event_parties p "
            f"JOIN events e ON e.id = p.event_id WHERE {where}"
        )
    rows = store.query(
        f"SELECT a.node, b.node, COUNT(DISTINCT a.event_id), MIN(a.date), MAX(a.date) "
        f"FROM ({members}) a JOIN ({members}) b ON a.event_id = b.event_id AND a.node < b.node "
        "GROUP BY a.node, b.node",
        params * 2,
    )
    counts = store.query(
        f"SELECT m.node, COUNT(DISTINCT m.event_id) FROM ({members}) m GROUP BY m.node",
        params,
    )
    busiest = sorted(counts, key=lambda r: (-int(r[1]), str(r[0])))[:limit]
    keep = {str(node): int(n) for node, n in busiest}
    edges = [
        GraphEdge(str(a), str(b), int(n), first, last)
        for a, b, n, first, last in rows
        if a in keep and b in keep
    ]
    nodes: list[GraphNode] = []
    if level == "people":
        ids = [int(node[1:]) for node in keep]
        named = {p.id: p for p in _hydrate_people(store, ids)}
        for node, n in keep.items():
            known = named.get(int(node[1:]))
            if known:
                nodes.append(GraphNode(node, known.name, "person", n, known.country))
    else:
        nodes = [GraphNode(node, node, "party", n, node) for node, n in keep.items()]
    edges.sort(key=lambda e: (-e.weight, e.source, e.target))
    return nodes, edges


# --- figures -------------------------------------------------------------------------


def figures(store: Store, every: Sequence[Sequence[str]], limit: int = 200) -> list[StoredFigure]:
    """Figures whose description holds, for each group of `every`, one of its words
    (case-insensitive): [["korea", "hàn"], ["trade"]]. Latest year first."""
    clauses, params = [], []
    for group in every:
        clauses.append("(" + " OR ".join("lower(f.what) LIKE ?" for _ in group) + ")")
        params += [f"%{word.lower()}%" for word in group]
    rows = store.query(
        "SELECT f.what, f.value, f.unit, f.year, f.evidence, f.article_id, a.doc_id, a.published "
        "FROM figures f JOIN articles a ON a.id = f.article_id "
        + (f"WHERE {' AND '.join(clauses)} " if clauses else "")
        + "ORDER BY f.year IS NULL, f.year DESC, a.published DESC, f.id LIMIT ?",
        (*params, limit),
    )
    return [StoredFigure(w, float(v), u, y, e, int(a), d, p) for w, v, u, y, e, a, d, p in rows]


# --- names and parties for questions -------------------------------------------------


def person_names(store: Store) -> list[tuple[int, str, int]]:
    """(person id, a name, events attended) for every person and every spelling an
    article gave them: what a question's names are matched against."""
    rows = store.query(
        "SELECT p.id, p.name, COUNT(ep.event_id) FROM people p "
        "LEFT JOIN event_participants ep ON ep.person_id = p.id GROUP BY p.id, p.name"
    )
    found = [(int(i), str(n), int(c)) for i, n, c in rows]
    events = {i: c for i, _, c in found}
    spellings = store.query("SELECT DISTINCT person_id, name FROM person_mentions")
    found += [(int(i), str(n), events.get(int(i), 0)) for i, n in spellings]
    return found


def article_parties(store: Store, article_ids: Sequence[int]) -> dict[int, set[str]]:
    """The parties of the events each article reports."""
    found: dict[int, set[str]] = defaultdict(set)
    for chunk in _chunks(list(article_ids)):
        rows = store.query(
            "SELECT DISTINCT m.article_id, ep.party FROM mentions m "
            "JOIN event_parties ep ON ep.event_id = m.event_id "
            f"WHERE m.article_id IN ({_marks(chunk)})",
            tuple(chunk),
        )
        for article_id, party in rows:
            found[int(article_id)].add(str(party))
    return found


def events_of_people(store: Store, person_ids: Sequence[int]) -> set[int]:
    """Ids of the events any of these people took part in."""
    found: set[int] = set()
    for chunk in _chunks(list(person_ids)):
        rows = store.query(
            "SELECT DISTINCT event_id FROM event_participants "
            f"WHERE person_id IN ({_marks(chunk)})",
            tuple(chunk),
        )
        found |= {int(r[0]) for r in rows}
    return found
