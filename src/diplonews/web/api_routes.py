"""The JSON API under `/api`: read-only views of the store, plus `/api/extract`.

Each route parses its parameters, calls one `diplonews.api` function and returns
its models as JSON; FastAPI derives the OpenAPI description (`/openapi.json`,
browsable at `/docs`) from the signatures and the dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    HTTPException,
    Path,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.extract.reading import SUPPORTED
from diplonews.kb.models import StoredArticle, StoredEvent, StoredPerson
from diplonews.kb.store import Store
from diplonews.web.deps import MAX_TEXT, MAX_URLENCODED_BODY, LexiconsDep, store_of
from diplonews.web.extraction import EXTRACT_SECONDS, Extractions, Submitted


@dataclass
class Problem:
    """Why a request was refused."""

    detail: str


@dataclass
class Unusable:
    """Why a value was refused: one sentence for a date that does not exist or a period
    that ends before it starts (InvalidInput), or FastAPI's list of parameter errors."""

    detail: str | list[dict[str, Any]]


# Any route may refuse a name it cannot read (DiplonewsError → 400), or a value it reads
# but cannot use (InvalidInput or a parameter of the wrong type → 422).
router = APIRouter(
    prefix="/api",
    tags=["api"],
    responses={
        400: {"model": Problem, "description": "A value the API cannot understand"},
        422: {"model": Unusable, "description": "A value the API cannot use"},
    },
)
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such id"}}
StoreDep = Annotated[Store, Depends(store_of)]
Id = Annotated[int, Path(ge=0, le=2**63 - 1)]  # a 64-bit SQL integer
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
YEAR_OR_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_SEARCH_OFFSET = 10_000  # ranking deeper than this reads more than anyone will page


@dataclass
class Stats:
    articles: int
    copies: int
    events: int
    people: int
    mentions: int
    figures: int
    milestones: int
    relationships: int  # pairs of parties that met


@router.get("/stats")
def stats(store: StoreDep, lexicons: LexiconsDep) -> Stats:
    """What the store holds."""
    _, edges = api.graph(store, limit=10_000, lexicons=lexicons)
    return Stats(**api.counts(store), relationships=len(edges))


@router.get("/events")
def events(
    store: StoreDep,
    lexicons: LexiconsDep,
    party: Annotated[
        list[str] | None, Query(description="Codes or names; all must take part.")
    ] = None,
    series: str | None = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=YEAR_OR_DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=YEAR_OR_DATE)] = None,
    person: str | None = None,
    status: Annotated[str | None, Query(pattern="^(held|planned)$")] = None,
    kind: Annotated[str | None, Query(pattern="^(meeting|visit|call)$")] = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$", description="The event's year.")] = None,
    outlet: Annotated[
        str | None, Query(description="An outlet (name or host) that reported it.")
    ] = None,
    sort: Annotated[
        str | None,
        Query(
            description="date, kind, status, series, location, sources, id; '-' first: "
            "descending [default: -date, or date with oldest_first]"
        ),
    ] = None,
    oldest_first: bool = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[StoredEvent]:
    """Events with every given party, of a series, in a period or year, attended by a
    person, reported by an outlet: the view of /events (same filters and order),
    `limit` rows after `offset`."""
    if any(not p.strip() for p in party or ()):
        raise DiplonewsError("party must be a code (KOR) or a name (Korea), not empty")
    params = [("party", p) for p in party or ()] + [
        (name, value)
        for name, value in (
            ("series", series),
            ("from", date_from),
            ("to", date_to),
            ("person", person),
            ("status", status),
            ("kind", kind),
            ("year", year),
            ("outlet", outlet),
            ("sort", sort or ("date" if oldest_first else "-date")),
        )
        if value
    ]
    found = api.browse(
        store, "events", params, facets=False, window=(limit, offset), lexicons=lexicons
    )
    return list(found.items)


@router.get("/events/{event_id}", responses=NOT_FOUND)
def event(store: StoreDep, event_id: Id) -> StoredEvent:
    """One event with every source article and evidence sentence."""
    found = api.event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/people")
def people(
    store: StoreDep,
    lexicons: LexiconsDep,
    name: str | None = None,
    country: Annotated[str | None, Query(description="A country (code or name).")] = None,
    title: Annotated[str | None, Query(description="A title ever reported.")] = None,
    party: Annotated[
        str | None, Query(description="A party of an event they took part in.")
    ] = None,
    sort: Annotated[
        str | None, Query(description="events, name, country, last_seen, id; '-': descending")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
) -> list[StoredPerson]:
    """People a name means (spelt any way), or the most reported; with a country, a
    title, a party or a sort: the view of /people, `limit` rows after `offset`."""
    if not (country or title or party or sort or offset):
        return api.people(store, name, limit)
    params = [
        (key, value)
        for key, value in (
            ("name", name),
            ("country", country),
            ("title", title),
            ("party", party),
            ("sort", sort),
        )
        if value
    ]
    found = api.browse(
        store, "people", params, facets=False, window=(limit, offset), lexicons=lexicons
    )
    return api.people_by_id(store, [row["id"] for row in found.rows])


@dataclass
class Met:
    person_id: int
    name: str
    events: int


@dataclass
class PersonDetail:
    person: StoredPerson
    events: list[StoredEvent]
    met_most: list[Met] = field(default_factory=list)


@router.get("/people/{person_id}", responses=NOT_FOUND)
def person(store: StoreDep, person_id: Id) -> PersonDetail:
    """A person: titles over time, events attended, whom they met most."""
    found = api.person(store, person_id)
    if found is None:
        raise HTTPException(404, f"no person {person_id}")
    met = [Met(*row) for row in api.met_with(store, person_id)]
    return PersonDetail(found, api.events_by_id(store, found.event_ids), met)


@dataclass
class Evidence:
    start: int
    end: int
    event_id: int


@dataclass
class ArticleDetail:
    article: StoredArticle
    body: str
    evidence: list[Evidence]


@router.get("/articles/{article_id}", responses=NOT_FOUND)
def article(store: StoreDep, article_id: Id) -> ArticleDetail:
    """An article's text with the offsets of every evidence sentence in it."""
    found = api.article(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    spans = [Evidence(*span) for span in api.evidence_spans(store, article_id)]
    # The copies a reader may see: web addresses, never the server's file paths.
    return ArticleDetail(replace(found, copies=found.public_copies), found.body, spans)


@dataclass
class TimelineEntry:
    date: str | None
    what: str
    event: StoredEvent | None = None
    milestone: dict[str, Any] | None = None


@router.get("/timeline")
def timeline(
    store: StoreDep,
    lexicons: LexiconsDep,
    between: Annotated[str, Query(description="Two parties: ASEAN,KOR", min_length=3)],
) -> list[TimelineEntry]:
    """A relationship over time: events and the milestones articles state."""
    sides = [s.strip() for s in between.split(",") if s.strip()]
    if len(sides) != 2:
        raise DiplonewsError("between needs two parties separated by a comma: ASEAN,KOR")
    return [
        TimelineEntry(
            item.date, item.what, item.event, item.milestone.to_dict() if item.milestone else None
        )
        for item in api.timeline(store, *sides, lexicons=lexicons)
    ]


@dataclass
class SeriesEntry:
    series: str
    events: list[StoredEvent]


@router.get("/series")
def series(
    store: StoreDep,
    lexicons: LexiconsDep,
    name: str | None = None,
    party: Annotated[str | None, Query(description="A party of its events.")] = None,
    kind: Annotated[str | None, Query(pattern="^(meeting|visit|call)$")] = None,
) -> list[SeriesEntry]:
    """Recurring mechanisms and their editions; with a party or a kind, those whose
    events have it (the view of /series)."""
    if not (party or kind):
        return [SeriesEntry(r.series, r.events) for r in api.series(store, name, lexicons=lexicons)]
    params = [(k, v) for k, v in (("party", party), ("kind", kind)) if v]
    found = api.browse(store, "series", params, facets=False, window=(1000, 0), lexicons=lexicons)
    wanted = {row["series"] for row in found.rows}
    if name:
        wanted &= {api.series_name(name, lexicons)}
    return [
        SeriesEntry(r.series, r.events)
        for r in api.series(store, lexicons=lexicons)
        if r.series in wanted
    ]


@dataclass
class SearchHit:
    kind: str
    id: int
    score: float
    label: str
    snippet: str
    marks: list[list[int]]


@router.get("/search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_SEARCH_OFFSET)] = 0,
) -> list[SearchHit]:
    """Ranked full-text search, with or without diacritics: `limit` hits after the
    first `offset`; `marks` are the offsets of the matching words in `snippet`."""
    return [
        SearchHit(
            h.kind, h.id, h.score, h.label, h.snippet.text, [list(m) for m in h.snippet.marks]
        )
        for h in api.search(store, q, limit, offset)
    ]


@dataclass
class Graph:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


@router.get("/graph")
def graph(
    store: StoreDep,
    lexicons: LexiconsDep,
    level: Annotated[str, Query(pattern="^(parties|people)$")] = "parties",
    date_from: Annotated[str | None, Query(alias="from", pattern=YEAR_OR_DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=YEAR_OR_DATE)] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> Graph:
    """Who met whom in held events: states and blocs, or officials."""
    nodes, edges = api.graph(store, level, date_from, date_to, limit, lexicons=lexicons)
    return Graph([n.to_dict() for n in nodes], [e.to_dict() for e in edges])


@dataclass
class Extracted:
    record: dict[str, Any]
    body: str
    evidence: list[dict[str, int]]


@router.post(
    "/extract",
    responses={
        413: {"model": Problem, "description": f"An article over {MAX_TEXT:,} bytes"},
        503: {
            "model": Problem,
            "description": f"Not extracted within {EXTRACT_SECONDS:g} s (the time limit "
            "of one request), or every extraction worker busy",
        },
    },
    # A field's limit is the body's (Guard): URL-encoded text counts up to three bytes a
    # byte; the route checks the decoded text against MAX_TEXT, and answers 413.
    form_limits={"max_part_size": MAX_URLENCODED_BODY, "max_files": 1, "max_fields": 4},
    response_model=Extracted,
)
async def extract(
    request: Request,
    text: Annotated[
        str | None, Form(description=f"The article, {MAX_TEXT:,} bytes (UTF-8) at most")
    ] = None,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Extract one pasted article (or an uploaded .txt/.html file) without storing it,
    in a worker process, within the time limit of one request."""
    if file is not None and file.filename:
        submitted = await _uploaded(file)
    elif text and text.strip():
        if len(text.encode("utf-8")) > MAX_TEXT:
            raise HTTPException(413, f"article larger than {MAX_TEXT:,} bytes")
        submitted = Submitted(text=text)
    else:
        raise DiplonewsError("give the article's text, or a .txt or .html file")
    extractions: Extractions = request.app.state.extractions
    result = await extractions.preview(submitted)
    # The JSON of a 2 MB article (thousands of events) is made in a thread, not on the loop.
    return await run_in_threadpool(JSONResponse, result.to_dict())


async def _uploaded(file: UploadFile) -> Submitted:
    suffix = PurePath(file.filename or "").suffix.lower()
    if suffix not in SUPPORTED - {".jsonl"}:
        raise DiplonewsError(f"unsupported file type {suffix or '(none)'}: give .txt or .html")
    data = await file.read(MAX_TEXT + 1)
    if len(data) > MAX_TEXT:
        raise HTTPException(413, f"file larger than {MAX_TEXT:,} bytes")
    return Submitted(data=data, suffix=suffix, name=file.filename or "upload")


@dataclass
class AnswerOut:
    answer: str
    found: bool
    facts: list[dict[str, Any]]
    evidence: list[dict[str, Any]]


@router.get("/ask")
def ask(
    store: StoreDep,
    lexicons: LexiconsDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
) -> AnswerOut:
    """A question in Vietnamese (with or without diacritics) or English, answered from
    the record: the answer, the facts behind it and the evidence sentences; `found` is
    false when the record cannot answer (the facts are then the closest it holds)."""
    answer = api.ask(store, q, lexicons=lexicons)
    return AnswerOut(answer.answer, answer.found, answer.facts, answer.evidence)
