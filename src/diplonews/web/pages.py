"""The HTML pages: each route calls `diplonews.api` and renders a template."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from diplonews.web.app import page

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request) -> Response:
    return page(request, "error.html", {"message": "home: to do"})
