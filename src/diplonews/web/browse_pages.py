"""The browse lists: /events, /people, /articles and /series as tables one can sort,
filter by facets, page through, and download as the same view in `.csv` or `.json`
(datasette's convention: /events.csv?kind=visit), plus /api/articles.

Every view is its query string (`kb.browse.read_view`): the page's links are built
from it, so a view can be bookmarked, shared and downloaded as it is seen. Each route
parses, calls `api.browse`, renders; no SQL here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.kb import sources
from diplonews.kb.browse import Facet, Listing, View
from diplonews.kb.models import StoredArticle, StoredEvent
from diplonews.kb.store import Store
from diplonews.web import api_routes
from diplonews.web.deps import LexiconsDep, store_of
from diplonews.web.rendering import page, templates, wording
from diplonews.web.wording import Wording

router = APIRouter(include_in_schema=False)  # the pages; /api/articles joins the API's router
StoreDep = Annotated[Store, Depends(store_of)]
TABLES = ("events", "people", "articles", "series")


@dataclass(frozen=True)
class Column:
    """A column of a list's table: its row key, its label, the sort key its header
    sets (None: not sortable) and whether a first click sorts it descending."""

    key: str
    label: str
    sort: str | None = None
    descending_first: bool = False


COLUMNS = {
    "events": (
        Column("date", "field_date", "date", True),
        Column("title", "browse_col_event"),
        Column("kind", "field_kind", "kind"),
        Column("status", "field_status", "status"),
        Column("parties", "field_parties"),
        Column("series", "field_series", "series"),
        Column("sources", "sources", "sources", True),
    ),
    "people": (
        Column("name", "browse_col_name", "name"),
        Column("country", "person_country", "country"),
        Column("title", "browse_col_title"),
        Column("events", "browse_col_events", "events", True),
        Column("last_seen", "browse_col_last_seen", "last_seen", True),
    ),
    "articles": (
        Column("published", "source_published", "published", True),
        Column("title", "browse_col_article", "title"),
        Column("outlet", "browse_col_outlet", "outlet"),
        Column("events", "browse_col_events", "events", True),
        Column("url", "browse_col_original"),
    ),
    "series": (
        Column("series", "field_series", "series"),
        Column("events", "browse_col_editions", "editions", True),
        Column("first", "browse_col_first", "first", True),
        Column("last", "browse_col_last", "last", True),
        Column("latest_edition", "browse_col_latest_edition"),
        Column("parties", "field_parties"),
    ),
}
# Text filters the page offers as a form (facets set the others).
FORM_FIELDS = {
    "events": ("from", "to"),
    "people": ("name",),
    "articles": (),
    "series": (),
}


def list_url(table: str, view: View, suffix: str = "", /, **changes: Any) -> str:
    """The URL of a view of `table` (with `changes`: see `View.params`)."""
    query = urlencode(view.params(**changes))
    return f"/{table}{suffix}" + (f"?{query}" if query else "")


@dataclass
class Link:
    label: str
    url: str
    count: int | None = None
    selected: bool = False


def facet_label(name: str, value: str, shown: str | None, w: Wording) -> str:
    """How a page shows a facet value in its language."""
    if name in ("kind", "status"):
        return w.labels.get(f"{name}_{value}", value)
    if name in ("party", "country"):
        return w.party(value)
    if name == "series":
        return w.series(value)
    if name == "title":
        return w.official(value)
    return shown or value


def facet_links(table: str, view: View, facet: Facet, w: Wording) -> list[Link]:
    """Each value of a facet as a link that adds it to the view's filters, or, when it
    is one of them, takes it away."""
    chosen = view.filters.get(facet.name, [])
    links = []
    for value in facet.values:
        if value.selected:
            rest = [v for v in chosen if v != value.value]
            url = list_url(table, view, **{facet.name: rest or None})
        elif facet.name == "party":  # parties add up: events with every one of them
            url = list_url(table, view, party=[*chosen, value.value])
        else:
            url = list_url(table, view, **{facet.name: value.value})
        label = facet_label(facet.name, value.value, value.label, w)
        links.append(Link(label, url, value.count, value.selected))
    return links


def active_filters(table: str, listing: Listing, w: Wording) -> list[Link]:
    """The view's filters, each a link that removes it."""
    view = listing.view
    shown = {(f.name, v.value): v.label for f in listing.facets for v in f.values if v.label}
    links = []
    for name, values in view.filters.items():
        for value in values:
            rest = [v for v in values if v != value]
            label = facet_label(name, value, shown.get((name, value)), w)
            heading = w.labels.get(f"browse_facet_{name}", name)
            links.append(Link(f"{heading}: {label}", list_url(table, view, **{name: rest or None})))
    return links


def sort_links(table: str, view: View) -> dict[str, tuple[str, str]]:
    """Column key → (the URL its header links to, the arrow showing the current order)."""
    links = {}
    for column in COLUMNS[table]:
        if column.sort is None:
            continue
        if view.sort == column.sort:
            target = column.sort if view.descending else f"-{column.sort}"
            arrow = "↓" if view.descending else "↑"
        else:
            target = f"-{column.sort}" if column.descending_first else column.sort
            arrow = ""
        links[column.key] = (list_url(table, view, sort=target), arrow)
    return links


def render_list(request: Request, table: str, listing: Listing) -> Response:
    w = wording(request)
    view = listing.view
    last = listing.pages
    context = {
        "table": table,
        "listing": listing,
        "columns": COLUMNS[table],
        "sorts": sort_links(table, view),
        "facets": [
            (facet, facet_links(table, view, facet, w)) for facet in listing.facets if facet.values
        ],
        "active": active_filters(table, listing, w),
        "form": [(name, (view.filters.get(name) or [""])[-1]) for name in FORM_FIELDS[table]],
        "hidden": [(k, v) for k, v in view.params() if k not in FORM_FIELDS[table] and k != "page"],
        "first_row": view.offset + 1 if listing.rows else 0,
        "last_row": view.offset + len(listing.rows),
        "previous": list_url(table, view, page=view.page - 1) if view.page > 1 else None,
        "next": list_url(table, view, page=view.page + 1) if listing.has_next else None,
        "last_page": last,
        "csv": list_url(table, view, ".csv", page=1),
        "json": list_url(table, view, ".json"),
        "clear": f"/{table}",
        "series_links": {
            row["series"]: list_url(table, view, series=row["series"])
            for row in listing.rows
            if table == "events" and row.get("series")
        },
    }
    return page(request, "browse.html", context)


def _absolute(request: Request, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    base = str(request.base_url).rstrip("/")
    return [{**row, "permalink": base + row["permalink"]} for row in rows]


def _params(request: Request) -> list[tuple[str, str]]:
    return request.query_params.multi_items()


def _html_route(table: str) -> Callable[..., Response]:
    def route(request: Request, store: StoreDep, lexicons: LexiconsDep) -> Response:
        listing = api.browse(store, table, _params(request), lexicons=lexicons)
        return render_list(request, table, listing)

    route.__name__ = f"browse_{table}"
    return route


def _json_route(table: str) -> Callable[..., Response]:
    def route(request: Request, store: StoreDep, lexicons: LexiconsDep) -> Response:
        try:
            listing = api.browse(store, table, _params(request), lexicons=lexicons)
        except DiplonewsError as exc:  # as the API answers: JSON, not the error page
            return JSONResponse({"detail": str(exc)}, 400)
        body = listing.to_dict()
        body["rows"] = _absolute(request, listing.rows)
        view = listing.view
        body["next"] = (
            list_url(table, view, ".json", page=view.page + 1) if listing.has_next else None
        )
        body["previous"] = (
            list_url(table, view, ".json", page=view.page - 1) if view.page > 1 else None
        )
        body["html"] = list_url(table, view)
        body["csv"] = list_url(table, view, ".csv", page=1)
        return JSONResponse(body)

    route.__name__ = f"browse_{table}_json"
    return route


def _csv_route(table: str) -> Callable[..., Response]:
    def route(request: Request, store: StoreDep, lexicons: LexiconsDep) -> Response:
        params = _params(request)
        out = io.StringIO()
        base = str(request.base_url).rstrip("/")
        try:
            api.browse_csv(store, table, params, out, lexicons=lexicons, permalink_base=base)
        except DiplonewsError as exc:  # one line a script can print
            return PlainTextResponse(f"{exc}\n", 400)
        data = out.getvalue()

        def chunks() -> Iterator[bytes]:
            yield "\ufeff".encode()  # a BOM: spreadsheets read the file as UTF-8
            for start in range(0, len(data), 64 * 1024):
                yield data[start : start + 64 * 1024].encode("utf-8")

        return StreamingResponse(
            chunks(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{table}.csv"'},
        )

    route.__name__ = f"browse_{table}_csv"
    return route


for _table in TABLES:
    router.add_api_route(f"/{_table}.csv", _csv_route(_table), methods=["GET"])
    router.add_api_route(f"/{_table}.json", _json_route(_table), methods=["GET"])
    router.add_api_route(f"/{_table}", _html_route(_table), methods=["GET"])


# --- the JSON twin of /articles (the other lists' are in api_routes) -------------------


@dataclass
class ArticleEntry:
    """An article as a list gives it: cited like a source."""

    id: int
    title: str
    published: str | None
    outlet: str | None
    url: str | None
    events: int
    permalink: str


@api_routes.router.get("/articles")
def articles(
    request: Request,
    store: StoreDep,
    lexicons: LexiconsDep,
    outlet: Annotated[str | None, Query(description="An outlet's name or host.")] = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$", description="Year published.")] = None,
    sort: Annotated[
        str, Query(description="published, title, outlet, events, id; '-' first: descending")
    ] = "-published",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[ArticleEntry]:
    """Articles with their outlet, original URL and events reported; the view of
    /articles (same filters and order), `limit` rows after `offset`."""
    params = [("sort", sort)] + [(k, v) for k, v in (("outlet", outlet), ("year", year)) if v]
    listing = api.browse(
        store, "articles", params, facets=False, window=(limit, offset), lexicons=lexicons
    )
    return [ArticleEntry(**row) for row in _absolute(request, listing.rows)]


# --- "cite this" lines, for the article and event pages' templates --------------------


def _site(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def cite_article(article: StoredArticle, request: Request, text: dict[str, str]) -> str:
    """Outlet, "title", date, URL and the diplonews permalink of an article."""
    return sources.cite_line(
        outlet_name=article.outlet,
        title=article.title or article.doc_id,
        date=article.published,
        url=article.url,
        permalink=f"{_site(request)}/articles/{article.id}",
        undated=text["cite_undated"],
    )


def cite_event(
    event: StoredEvent,
    article: StoredArticle | None,
    request: Request,
    text: dict[str, str],
    title: str | None = None,
) -> str:
    """An event cited through its first source: the event and its date, then the
    article as `cite_article` cites it, then the event's permalink. `title`: the
    event's, when the page has it already (composing one takes a tenth of the page)."""
    title = wording(request).event(event) if title is None else title
    head = f"{title} ({event.date or text['cite_undated']})"
    permalink = f"{_site(request)}/events/{event.id}"
    if article is None:
        return f"{head}. diplonews: {permalink}"
    source = sources.cite_line(
        outlet_name=article.outlet,
        title=article.title or article.doc_id,
        date=article.published,
        url=article.url,
        permalink=permalink,
        undated=text["cite_undated"],
    )
    return f"{head}. {source}"


templates.env.globals["cite_article"] = cite_article
templates.env.globals["cite_event"] = cite_event
