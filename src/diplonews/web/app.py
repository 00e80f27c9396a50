"""The FastAPI application: stores per thread, security headers, size limits, labels.

Article text is untrusted web content. Templates autoescape everything; the
Content-Security-Policy allows scripts and styles from this site only (no inline
script, no third-party origin), so even a missed escape could not run a script;
request bodies are capped; the API writes nothing (the one POST, `/api/extract`,
extracts without storing).
"""

from __future__ import annotations

import csv
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from swagger_ui_bundle import swagger_ui_path

from diplonews import __version__
from diplonews.errors import DiplonewsError
from diplonews.store import Store, open_store, resolve_url

MAX_BODY = 2 * 1024 * 1024  # bytes: an article pasted or uploaded in Try it
LANGUAGES = ("vi", "en")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HERE = Path(__file__).parent


class Stores:
    """One open store per server thread: SQLite connections may not cross threads,
    and WAL lets every reader read while an ingest writes."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.local = threading.local()
        self.opened: list[Store] = []
        self.lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = open_store(self.url, create=False)
            self.local.store = store
            with self.lock:
                self.opened.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                store.close()
            self.opened.clear()
            # Threads outlive a lifespan (a server's pool, a test client's portal): each
            # opens a store again if the application starts again.
            self.local = threading.local()


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    """UI labels by language, from the `labels*.tsv` files (key, vi, en)."""
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    folder = resources.files("diplonews.web")
    for source in sorted(folder.iterdir(), key=lambda f: f.name):
        if not (source.name.startswith("labels") and source.name.endswith(".tsv")):
            continue
        with source.open(encoding="utf-8") as handle:
            rows = csv.DictReader(
                (line for line in handle if line.strip() and not line.startswith("#")),
                delimiter="\t",
            )
            for row in rows:
                for lang in LANGUAGES:
                    table[lang][row["key"]] = row[lang]
    return table


def language(request: Request) -> str:
    """?lang= first (and it sticks, as a cookie), then the cookie, then Vietnamese."""
    wanted = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return wanted if wanted in LANGUAGES else "vi"


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every value, whatever the template's name
        auto_reload=False,  # templates are package data: no stat() per page
        undefined=jinja2.StrictUndefined,  # a misspelt variable fails the test, not the page
    )
)
templates.env.globals["version"] = __version__


def page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """Render a template with the request's language and its labels."""
    lang = language(request)
    text = labels()[lang]
    response = templates.TemplateResponse(
        request,
        name,
        {"lang": lang, "t": text, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def create_app(store_url: str | None = None) -> FastAPI:
    """The application over the store at `store_url` (default as for the CLI:
    $DIPLONEWS_DB, else ./diplonews.db — which is how `serve --workers` passes it)."""
    from diplonews.web import api_routes, pages, viz

    stores = Stores(resolve_url(store_url))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="diplonews",
        version=__version__,
        description="The record of diplomacy extracted from Vietnamese news: events, "
        "people, relationships, each fact with its evidence sentence.",
        docs_url=None,  # served below from swagger-ui-bundle: no CDN, works offline
        redoc_url=None,
    )
    app.state.stores = stores

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            # The refusal gets the security headers below too; a page for a browser.
            message = f"request body larger than {MAX_BODY // (1024 * 1024)} MB"
            response: Response = (
                JSONResponse({"detail": message}, 413)
                if request.url.path.startswith("/api/")
                else page(request, "error.html", {"message": message}, 413)
            )
        else:
            response = await call_next(request)
        if request.url.path == "/docs":  # Swagger UI starts from one inline script
            response.headers["Content-Security-Policy"] = CSP.replace(
                "script-src 'self'", "script-src 'self' 'unsafe-inline'"
            )
        else:
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(DiplonewsError)
    async def bad_request(request: Request, exc: DiplonewsError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, 400)
        return page(request, "error.html", {"message": str(exc)}, 400)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="diplonews API",
            swagger_js_url="/swagger/swagger-ui-bundle.js",
            swagger_css_url="/swagger/swagger-ui.css",
            swagger_favicon_url="/swagger/favicon-32x32.png",
        )

    app.include_router(api_routes.router)
    app.include_router(pages.router)
    app.include_router(viz.router)
    return app


def store_of(request: Request) -> Store:
    """The request thread's store (a FastAPI dependency)."""
    stores: Stores = request.app.state.stores
    return stores.get()
