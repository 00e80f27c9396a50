"""The FastAPI application: stores per thread, security headers, size limits, labels.

Article text is untrusted web content. Templates autoescape everything; the
Content-Security-Policy allows scripts and styles from this site only (no inline
script, no third-party origin), so even a missed escape could not run a script;
request bodies are capped; the API writes nothing (the one POST, `/api/extract`,
extracts without storing).
"""

from __future__ import annotations

import csv
import gc
import os
import threading
import weakref
from collections.abc import AsyncIterator
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
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from swagger_ui_bundle import swagger_ui_path

from diplonews import __version__
from diplonews.errors import DiplonewsError
from diplonews.lexicons import load
from diplonews.store import Store, open_store, resolve_url
from diplonews.web import cache
from diplonews.web.cache import PageCache, open_pages

MAX_BODY = 2 * 1024 * 1024  # bytes: an article pasted or uploaded in Try it
LANGUAGES = ("vi", "en")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    *((k.encode(), v.encode()) for k, v in _SECURITY_HEADERS.items()),
]
# Swagger UI starts from one inline script.
DOCS_HEADERS = [
    (
        b"content-security-policy",
        CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").encode(),
    ),
    *HEADERS[1:],
]
SECURITY = {name for name, _ in HEADERS}
CACHE_ENV = "DIPLONEWS_CACHE_MB"
DEFAULT_CACHE_MB = 64  # rendered pages a server keeps
HERE = Path(__file__).parent


class Stores:
    """One open store per server thread: SQLite connections may not cross threads,
    and WAL lets every reader read while an ingest writes."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.local = threading.local()
        # Weakly: the store of a thread that ends goes with it (its connection closed),
        # rather than staying open for the application's life.
        self.opened: weakref.WeakSet[Store] = weakref.WeakSet()
        self.lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = open_store(self.url, create=False)
            self.local.store = store
            with self.lock:
                self.opened.add(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in list(self.opened):
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


class Guard:
    """ASGI middleware: refuses bodies over MAX_BODY and sets the security headers on
    every answer. Plain ASGI rather than `@app.middleware`, which costs a task and a
    stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        security = DOCS_HEADERS if scope["path"] == "/docs" else HEADERS

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *(h for h in message.get("headers", []) if h[0].lower() not in SECURITY),
                    *security,
                ]
            await send(message)

        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            # The refusal gets the security headers too; a page for a browser.
            request = Request(scope, receive)
            message = f"request body larger than {MAX_BODY // (1024 * 1024)} MB"
            response: Response = (
                JSONResponse({"detail": message}, 413)
                if scope["path"].startswith("/api/")
                else page(request, "error.html", {"message": message}, 413)
            )
            await response(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)


def settle() -> None:
    """Load what a server process keeps for its whole life (lexicons, the folded ones
    questions read, answer sentences, labels, templates), then put it out of the
    garbage collector's reach. A full collection walks every tracked object: over the
    150,000 of the lexicons it takes about 50 ms, a stall every request waiting in the
    process would feel. Frozen, they are never walked again (`gc.freeze`)."""
    from diplonews import ask, questions
    from diplonews.web import pages

    lexicons = load()
    questions.folded_lexicons(lexicons)
    questions.intents()
    questions.ambiguous_words()
    ask.sentences()
    labels()
    pages.party_names()
    for name in templates.env.list_templates():
        templates.env.get_template(name)
    gc.collect()
    gc.freeze()


def cache_size(cache_mb: int | None) -> int:
    """MB of rendered pages a server keeps: the argument, else $DIPLONEWS_CACHE_MB, else 64."""
    if cache_mb is None:
        text = os.environ.get(CACHE_ENV, "").strip()
        if not text:
            return DEFAULT_CACHE_MB
        if not text.isdigit():
            raise DiplonewsError(f"{CACHE_ENV}={text!r}: a number of MB is expected")
        cache_mb = int(text)
    if cache_mb < 0:
        raise DiplonewsError(f"page cache of {cache_mb} MB: a number >= 0 is expected")
    return cache_mb


def create_app(
    store_url: str | None = None, cache_mb: int | None = None, *, settled: bool = False
) -> FastAPI:
    """The application over the store at `store_url` (default as for the CLI:
    $DIPLONEWS_DB, else ./diplonews.db — which is how `serve --workers` passes it),
    keeping up to `cache_mb` MB of rendered pages (default $DIPLONEWS_CACHE_MB, else
    64; 0: none) in the directory $DIPLONEWS_PAGE_CACHE (`serve` shares one among its
    worker processes), else in a temporary one of its own. `settled`: `settle()` at
    start-up, for a server process (not for a test, whose objects it would freeze)."""
    from diplonews.web import api_routes, pages, viz

    stores = Stores(resolve_url(store_url))
    cache_bytes = cache_size(cache_mb) * 1024 * 1024
    kept_pages = open_pages(os.environ.get(cache.ENV), cache_bytes) if cache_bytes else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settled:
            settle()
        yield
        stores.close()
        if kept_pages is not None:
            kept_pages.close()  # reopens by itself if the application starts again

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

    if kept_pages is not None:
        app.add_middleware(PageCache, stores=stores, pages=kept_pages, languages=LANGUAGES)
    app.add_middleware(Guard)  # outermost: refusals and kept pages get the headers too

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


def server_app() -> FastAPI:
    """The application as `diplonews serve` runs it in each worker process."""
    return create_app(settled=True)


def store_of(request: Request) -> Store:
    """The request thread's store (a FastAPI dependency)."""
    stores: Stores = request.app.state.stores
    return stores.get()


async def loop_store_of(request: Request) -> Store:
    """The event loop thread's store (a FastAPI dependency of `async def` routes).

    Pages whose work is bounded (one event, one person's latest events, 30 search hits:
    a few ms) run on the loop itself; a hop to the thread pool and back would cost
    about as much again. Pages that can take long stay plain `def` routes."""
    stores: Stores = request.app.state.stores
    return stores.get()
