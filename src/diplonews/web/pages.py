"""The HTML pages: home, an event with every source, a person, an article, search and
Try it. Each route parses its parameters, calls `diplonews.api` and renders a template.

Article text is untrusted. Evidence sentences and search matches are highlighted by
cutting the text into pieces here (`Piece`: plain or marked), which the templates
escape one by one; no markup is ever built from article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, NamedTuple
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.extract.events import outcomes as adoption
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.reading import HTML_SUFFIXES, TEXT_SUFFIXES
from diplonews.kb import periods
from diplonews.kb.models import Source, StoredArticle, StoredEvent
from diplonews.kb.store import Store
from diplonews.web.deps import (
    MAX_TEXT,
    MAX_URLENCODED_BODY,
    LexiconsDep,
    app_lexicons,
    language,
    loop_store,
    parse_id,
    store_of,
)
from diplonews.web.extraction import Extractions, Overloaded, Submitted
from diplonews.web.rendering import labels, page, wording
from diplonews.web.wording import Wording

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(store_of)]
# The event, person, article and search pages, the ones a reader asks for most, take
# the request alone and read their parameters from it (as FastAPI would, the last of a
# repeated one): FastAPI's dependencies and parameter validation cost 0.025 ms a
# request more, 1-2% of a first render (`bench/load_web.py --once`).

WHOLE_BODY = 700  # characters: a source this short shows whole on the event page
UPLOADS = TEXT_SUFFIXES | HTML_SUFFIXES
Span = tuple[int, int, int]  # (start, end, event id or index) in a text


# --- highlighting: text cut into plain and marked pieces ----------------------------


class Piece(NamedTuple):
    """A run of text, marked when evidence spans (by event) cover it. A tuple: a page
    makes hundreds of them, and a frozen dataclass costs several times more to build."""

    text: str
    events: tuple[int, ...] = ()  # the spans covering this text; marked when any
    opens: tuple[int, ...] = ()  # spans that start here: the ids of the marks
    closes: tuple[int, ...] = ()  # spans that end here: where links to them go


def pieces(text: str, spans: Sequence[Span], start: int = 0, end: int | None = None) -> list[Piece]:
    """`text[start:end]` cut at every boundary of the spans that fall in it."""
    end = len(text) if end is None else end
    inside = [(max(s, start), min(e, end), i) for s, e, i in spans if s < end and e > start]
    cuts = sorted({start, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    result = []
    for a, b in pairwise(cuts):
        covering = tuple(i for s, e, i in inside if s <= a and b <= e)
        result.append(
            Piece(
                text[a:b],
                covering,
                tuple(i for s, _, i in spans if s == a and i in covering),
                tuple(i for _, e, i in spans if e == b and i in covering),
            )
        )
    return result


_MARKED = (0,)


def snippet_pieces(text: str, marks: Sequence[tuple[int, int]]) -> list[Piece]:
    """`pieces(text, [(a, b, 0) for a, b in marks])` for a search snippet, whose marks
    come in order and do not overlap: cut in one pass, where `pieces` looks at every
    span for every cut (a tenth of a search page's time)."""
    result = []
    last = 0
    for a, b in marks:
        if a < last or b <= a:  # out of order, overlapping or empty: the general way
            return pieces(text, [(a, b, 0) for a, b in marks])
        if a > last:
            result.append(Piece(text[last:a]))
        result.append(Piece(text[a:b], _MARKED, _MARKED, _MARKED))
        last = b
    if last < len(text):
        result.append(Piece(text[last:]))
    return result


def snippet_html(text: str, marks: Sequence[tuple[int, int]]) -> Markup:
    """A search snippet as the page shows it: each piece of `snippet_pieces` escaped,
    the marked ones in `<mark>`. The template did the same piece by piece (a loop, an
    attribute test and an escape per piece: a fifth of a search page's rendering);
    this is its output, byte for byte, and still builds no markup from article text."""
    parts: list[str] = []
    last = 0
    for a, b in marks:
        if a < last or b <= a:  # out of order, overlapping or empty: by the pieces
            return Markup(
                "".join(
                    f"<mark>{escape(piece.text)}</mark>" if piece.events else escape(piece.text)
                    for piece in snippet_pieces(text, marks)
                )
            )
        if a > last:
            parts.append(escape(text[last:a]))
        parts.append(f"<mark>{escape(text[a:b])}</mark>")
        last = b
    if last < len(text):
        parts.append(escape(text[last:]))
    return Markup("".join(parts))


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; bodies join paragraphs with newlines."""
    bounds, start = [], 0
    for line in body.split("\n"):
        if line.strip():
            bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def paragraphs(body: str, spans: Sequence[Span]) -> list[list[Piece]]:
    return [pieces(body, spans, a, b) for a, b in paragraph_bounds(body)]


@dataclass
class Excerpt:
    """What the event page shows of one source: the paragraphs holding the evidence."""

    source: Source
    article: StoredArticle | None
    paragraphs: list[list[Piece]] = field(default_factory=list)  # empty: no offsets known
    cut_before: bool = False  # paragraphs left out before the excerpt
    cut_after: bool = False


def excerpt(store: Store, event_id: int, source: Source) -> Excerpt:
    found = api.article(store, source.article_id)
    if found is None:
        return Excerpt(source, None)
    spans = [s for s in api.evidence_spans(store, found.id) if s[2] == event_id]
    bounds = paragraph_bounds(found.body)
    if not spans:
        return Excerpt(source, found)
    keep = [
        n
        for n, (a, b) in enumerate(bounds)
        if len(found.body) <= WHOLE_BODY or any(s < b and e > a for s, e, _ in spans)
    ]
    if not keep:
        return Excerpt(source, found)
    return Excerpt(
        source,
        found,
        [pieces(found.body, spans, *bounds[n]) for n in range(keep[0], keep[-1] + 1)],
        keep[0] > 0,
        keep[-1] < len(bounds) - 1,
    )


# --- helpers for the routes ----------------------------------------------------------


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page in the reader's language (`rendering.page`: its labels, party names and
    event titles)."""
    return page(request, name, context, status)


def not_found(request: Request, what: str, ident: str) -> Response:
    text = labels()[language(request)]
    message = f"{text['not_found']}: {text[what]} {ident}"
    return render(request, "error.html", {"message": message}, 404)


def announced(event: StoredEvent) -> str | None:
    """When a plan without a date was announced: its earliest source's publication date."""
    return min((s.published for s in event.sources if s.published), default=None)


def event_links(events: Sequence[StoredEvent], wording: Wording) -> dict[int, tuple[str, str]]:
    """Event id → (its page, its title) for the links after evidence sentences."""
    return {e.id: (f"/events/{e.id}", wording.event(e)) for e in events}


class Refused(DiplonewsError):
    """Input Try it will not extract, with the label key of the reason."""

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


async def submitted_text(request: Request) -> tuple[Submitted, str]:
    """What a Try it form gives to extract, and the text box's content to show again."""
    try:
        async with request.form(
            max_files=1, max_fields=4, max_part_size=MAX_URLENCODED_BODY
        ) as form:
            pasted = form.get("text")
            pasted = pasted if isinstance(pasted, str) else ""
            upload = form.get("file")
            if isinstance(upload, UploadFile) and upload.filename:
                return await uploaded(upload), pasted
    except (HTTPException, MultiPartException) as exc:  # the form cannot be read
        reason = str(getattr(exc, "detail", None) or getattr(exc, "message", ""))
        if "maximum size" in reason:
            raise Refused("error_too_large", 413) from None
        raise DiplonewsError(reason) from None
    if len(pasted.encode("utf-8")) > MAX_TEXT:
        raise Refused("error_too_large", 413)
    if not pasted.strip():
        raise Refused("error_no_text")
    return Submitted(text=pasted), pasted


async def uploaded(upload: UploadFile) -> Submitted:
    """An uploaded file to extract: its bytes, decoded by the extraction worker."""
    name = Path(upload.filename or "upload").name
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOADS:
        raise Refused("error_file_type")
    data = await upload.read(MAX_TEXT + 1)
    if len(data) > MAX_TEXT:
        raise Refused("error_too_large", 413)
    return Submitted(data=data, suffix=suffix, name=name)


# --- pages ---------------------------------------------------------------------------


@router.get("/")
def home(request: Request, store: StoreDep, lexicons: LexiconsDep) -> Response:
    today = date.today().isoformat()
    planned = api.events(store, status="planned", newest_first=False, limit=1000, lexicons=lexicons)
    # Ahead: a date on or after today. A plan without a date cannot be placed in time:
    # listed apart, by when it was announced, newest first; a plan whose date has
    # passed is in neither list.
    undated = sorted(
        (e for e in planned if not e.date), key=lambda e: announced(e) or "", reverse=True
    )
    _, edges = api.graph(store, limit=10_000, lexicons=lexicons)
    return render(
        request,
        "home.html",
        {
            "counts": api.counts(store),
            "relationships": len(edges),
            "latest": api.events(store, status="held", limit=10, lexicons=lexicons),
            "ahead": [e for e in planned if periods.is_ahead(e.date, today)][:10],
            "undated": [(e, announced(e)) for e in undated[:10]],
        },
    )


@router.get("/events/{ident}")
async def event(request: Request) -> Response:
    ident: str = request.path_params["ident"]
    store, lexicons = loop_store(request), app_lexicons(request)
    event_id = parse_id(ident)
    found = api.event(store, event_id) if event_id is not None else None
    if found is None:
        return not_found(request, "event", ident)
    sources = [excerpt(store, found.id, source) for source in found.sources]
    said = outcomes_as_written(found, sources, lexicons) if language(request) == "vi" else {}
    return render(request, "event.html", {"event": found, "sources": sources, "said": said})


def outcomes_as_written(
    event: StoredEvent, sources: list[Excerpt], lexicons: Lexicons
) -> dict[str, str]:
    """The event's documents as its articles name them ("Joint Statement on …" →
    "Tuyên bố chung về …"): a Vietnamese page keeps to Vietnamese, and the record holds
    the English name."""
    if not event.outcomes:
        return {}
    found: dict[str, str] = {}
    for source in sources:
        if source.article is not None:
            for english, written in adoption.adopted_in(source.article.body, lexicons):
                found.setdefault(english, written[:1].upper() + written[1:])
    return found


PERSON_EVENTS = 30  # the latest shown on a person's page; the timeline has them all


@router.get("/people/{ident}")
async def person(request: Request) -> Response:
    ident: str = request.path_params["ident"]
    store = loop_store(request)
    person_id = parse_id(ident)
    found = api.person(store, person_id) if person_id is not None else None
    if found is None:
        return not_found(request, "person", ident)
    return render(
        request,
        "person.html",
        {
            "person": found,
            # whole events: their titles name the other participants
            "events": api.events_by_id(store, found.event_ids[::-1][:PERSON_EVENTS]),
            "met": api.met_with(store, found.id),
        },
    )


@router.get("/articles/{ident}")
async def article(request: Request) -> Response:
    ident: str = request.path_params["ident"]
    store = loop_store(request)
    article_id = parse_id(ident)
    found = api.article(store, article_id) if article_id is not None else None
    if found is None:
        return not_found(request, "article", ident)
    spans = api.evidence_spans(store, found.id)
    events = api.events_by_id(store, list(dict.fromkeys(i for _, _, i in spans)))
    return render(
        request,
        "article.html",
        {
            "article": found,
            "events": events,
            "links": event_links(events, wording(request)),
            "paragraphs": paragraphs(found.body, spans),
        },
    )


SEARCH_HITS = 20  # a page of results
SEARCH_PAGES = 500  # the deepest page: SEARCH_HITS × this is the API's deepest offset


@router.get("/search")
async def search(request: Request) -> Response:
    q, page = request.query_params.get("q", ""), request.query_params.get("page", "1")
    store = loop_store(request)
    query = q.strip()[:500]
    number = min(max(parse_id(page) or 1, 1), SEARCH_PAGES)
    first = (number - 1) * SEARCH_HITS
    # One hit more than shown tells whether there is a next page.
    hits = api.search(store, query, SEARCH_HITS + 1, first) if query else []
    more = len(hits) > SEARCH_HITS
    hits = hits[:SEARCH_HITS]
    found = [(h, snippet_html(h.snippet.text, h.snippet.marks), h.event) for h in hits]
    return render(
        request,
        "search.html",
        {
            "query": query,
            "hits": found,
            "first": first + 1,
            "previous": _search_url(query, number - 1) if number > 1 else None,
            "next": _search_url(query, number + 1) if more else None,
        },
    )


def _search_url(query: str, number: int) -> str:
    return "/search?" + urlencode({"q": query, **({"page": number} if number > 1 else {})})


@router.get("/ask")
def ask(request: Request, store: StoreDep, lexicons: LexiconsDep, q: str = "") -> Response:
    question = q.strip()[:500]
    answer = api.ask(store, question, lexicons=lexicons) if question else None
    # An answer speaks the question's language, whatever the page's: marked as such.
    answer_lang = api.question_language(store, question, lexicons=lexicons) if question else ""
    context = {"question": question, "answer": answer, "answer_lang": answer_lang}
    return render(request, "ask.html", context)


@router.get("/try")
def try_form(request: Request) -> Response:
    return render(request, "try.html", {"text": "", "error": None, "result": None})


@router.post("/try")
async def try_extract(request: Request) -> Response:
    """Extraction runs in a worker process (`extraction`), the page is drawn in a thread:
    a 2 MB article holds neither the event loop."""
    shown = ""
    try:
        submitted, shown = await submitted_text(request)
        extractions: Extractions = request.app.state.extractions
        result = await extractions.preview(submitted)
    except Refused as exc:
        message = labels()[language(request)][exc.reason]
        return render(
            request, "try.html", {"text": shown, "error": message, "result": None}, exc.status
        )
    except Overloaded as exc:  # not extracted in time, or no worker free: 503
        message = labels()[language(request)][exc.reason].format(seconds=f"{exc.seconds:g}")
        context = {"text": shown, "error": message, "result": None}
        return await run_in_threadpool(render, request, "try.html", context, exc.status)
    except DiplonewsError as exc:  # not an article
        context = {"text": shown, "error": str(exc), "result": None}
        return await run_in_threadpool(render, request, "try.html", context, 400)
    return await run_in_threadpool(_tried, request, shown, result)


def _tried(request: Request, shown: str, result: api.Preview) -> Response:
    links = {i: (f"#try-event-{i}", f"#{i + 1}") for i in range(len(result.record["events"]))}
    view = {
        "record": result.record,
        "paragraphs": paragraphs(result.body, result.evidence),
        "links": links,
    }
    return render(request, "try.html", {"text": shown, "error": None, "result": view})
