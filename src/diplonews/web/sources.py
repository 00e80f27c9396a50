"""The sources page: the feeds and sitemaps `diplonews watch` follows, their health,
the latest pages they brought (URL, outlet, article), and when the store was last
updated from them; `/api/sources` is its JSON twin. Both call `api` only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from diplonews import api
from diplonews.kb.store import Store
from diplonews.web import api_routes
from diplonews.web.deps import store_of
from diplonews.web.rendering import page

router = APIRouter(include_in_schema=False)  # the page; its JSON twin joins the API's router
StoreDep = Annotated[Store, Depends(store_of)]
PAGES_SHOWN = 30


@dataclass
class SourcesReport:
    last_updated: str | None  # when a followed source last brought a page (ISO time)
    sources: list[dict[str, Any]]  # each source's health (`diplonews sources --format json`)
    pages: list[dict[str, Any]]  # the latest pages listed, newest first


def _report(store: Store, limit: int) -> SourcesReport:
    return SourcesReport(
        last_updated=api.last_updated(store),
        sources=[s.to_dict() for s in api.sources(store)],
        pages=[p.to_dict() for p in api.source_pages(store, None, limit)],
    )


@api_routes.router.get("/sources")
def sources_json(
    store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = PAGES_SHOWN
) -> SourcesReport:
    """The followed feeds and sitemaps, their health, and their latest pages."""
    return _report(store, limit)


@router.get("/sources")
def sources_page(request: Request, store: StoreDep) -> Response:
    return page(request, "sources.html", {"report": _report(store, PAGES_SHOWN)})
