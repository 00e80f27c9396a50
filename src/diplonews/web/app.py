"""The FastAPI application: `create_app` wires the stores, the page cache, the security
guard and the routers of `api_routes`, `pages` and `viz`.

Article text is untrusted web content. Templates autoescape everything; the
Content-Security-Policy allows scripts and styles from this site only (no inline
script, no third-party origin), so even a missed escape could not run a script;
request bodies are capped; the API writes nothing (the one POST, `/api/extract`,
extracts without storing, in worker processes: `extraction`).
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path

from diplonews import __version__, api
from diplonews.errors import DiplonewsError
from diplonews.kb import search
from diplonews.qa import answers, questions
from diplonews.web import (  # sources adds /api/sources
    api_routes,
    auth,
    browse_pages,
    cache,
    editing,
    pages,
    sources,
    timing,
    viz,
)
from diplonews.web.cache import Keeper, PageCache
from diplonews.web.connections import Recycle
from diplonews.web.deps import LANGUAGES, Stores, language
from diplonews.web.extraction import EXTRACT_SECONDS, Extractions
from diplonews.web.rendering import HERE, labels, page, templates
from diplonews.web.security import Guard
from diplonews.web.timing import ServerTiming
from diplonews.web.wording import error_message

CACHE_ENV = "DIPLONEWS_CACHE_MB"
DEFAULT_CACHE_MB = 64  # rendered pages a server keeps
# The user's lexicon paths, joined with os.pathsep, as `serve --lexicon` passes them to
# its worker processes (which build the application through `server_app`).
LEXICON_ENV = "DIPLONEWS_LEXICON"
PRIVATE_ENV = "DIPLONEWS_PRIVATE"  # "1": `serve --private`, reading needs a login too
TIMING_ENV = timing.ENV  # "1": each answer says the server's time (`web.timing`)
# Threads a server process runs `def` routes in (anyio's default: 40). Each keeps a store
# open, with its own page cache of up to 64 MB (SQLite), for the thread's life: on a
# few cores more threads add memory, not speed.
SERVER_THREADS = 8


def settle(lexicons: api.Lexicons) -> None:
    """Load what a server process keeps for its whole life (the application's lexicons,
    what questions and pages derive from them, answer sentences, labels, templates, the
    search snippets' folding table),
    then put it out of the garbage collector's reach. A full collection walks every
    tracked object: over the 150,000 of the lexicons it takes about 50 ms, a stall every
    request waiting in the process would feel. Frozen, they are never walked again
    (`gc.freeze`)."""
    questions.folded_lexicons(lexicons)
    questions.intents()
    questions.ambiguous_words()
    answers.sentences()
    labels()
    for lang in LANGUAGES:
        api.party_names(lang, lexicons=lexicons)
    for name in templates.env.list_templates():
        templates.env.get_template(name)
    search.fold_fast("a")  # its folding table (7 ms), before a reader's first search waits
    gc.collect()
    gc.freeze()


def cache_size(cache_mb: int | None) -> int:
    """MB of rendered pages a server keeps: the argument, else $DIPLONEWS_CACHE_MB, else 64."""
    if cache_mb is None:
        text = os.environ.get(CACHE_ENV, "").strip()
        if not text:
            return DEFAULT_CACHE_MB
        if not (text.isascii() and text.isdigit()):
            raise DiplonewsError(f"{CACHE_ENV}={text!r}: a number of MB is expected")
        cache_mb = int(text)
    if cache_mb < 0:
        raise DiplonewsError(f"page cache of {cache_mb} MB: a number >= 0 is expected")
    return cache_mb


def lexicon_paths_from_env() -> list[str]:
    """The lexicon paths `serve` passed in $DIPLONEWS_LEXICON (none: the shipped set)."""
    return [path for path in os.environ.get(LEXICON_ENV, "").split(os.pathsep) if path]


def error_page(request: Request, error: Exception, status: int) -> Response:
    """The error page in the reader's language."""
    lang = language(request)
    text = labels()[lang]
    if isinstance(error, StarletteHTTPException):
        key = {404: "error_page_not_found", 405: "error_method"}.get(error.status_code)
        message = text[key] if key else text["error_generic"]
    else:
        message = error_message(error, text, lang == "en")
    return page(request, "error.html", {"message": message}, status)


def create_app(
    store_url: str | None = None,
    cache_mb: int | None = None,
    *,
    settled: bool = False,
    lexicon_paths: Iterable[str | Path] = (),
    extract_seconds: float = EXTRACT_SECONDS,
    private: bool = False,
) -> FastAPI:
    """The application over the store at `store_url` (default as for the CLI:
    $DIPLONEWS_DB, else ./diplonews.db — which is how `serve --workers` passes it),
    keeping up to `cache_mb` MB of rendered pages (default $DIPLONEWS_CACHE_MB, else
    64; 0: none) in the directory $DIPLONEWS_PAGE_CACHE (`serve` shares one among its
    worker processes), else in a temporary one of its own. Names are read with the
    shipped lexicons plus the user's rows under `lexicon_paths`, loaded once here into
    `app.state.lexicons` (a bad path raises here). `settled`: `settle()` at start-up,
    for a server process (not for a test, whose objects it would freeze).
    `extract_seconds`: the time limit of one extraction request (`extraction`).
    `private`: reading needs a login too (`web.auth`)."""
    paths = tuple(str(path) for path in lexicon_paths)
    lexicons = api.load_lexicons(paths)
    extractions = Extractions(paths, seconds=extract_seconds)
    stores = Stores(api.store_location(store_url))
    cache_bytes = cache_size(cache_mb) * 1024 * 1024
    kept_pages = Keeper(os.environ.get(cache.ENV), cache_bytes) if cache_bytes else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settled:
            settle(lexicons)
            anyio.to_thread.current_default_thread_limiter().total_tokens = SERVER_THREADS
        try:
            yield
        finally:
            extractions.close()
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
    app.state.lexicons = lexicons
    app.state.extractions = extractions
    app.state.pages = kept_pages  # editors' changes drop the pages they touch

    if kept_pages is not None:
        app.add_middleware(PageCache, stores=stores, pages=kept_pages, languages=LANGUAGES)
    app.add_middleware(auth.Viewer, stores=stores, private=private)  # before the cache
    app.add_middleware(Guard)  # refusals and kept pages get the headers too
    if settled:  # a server process among others: kept-alive connections spread over them
        app.add_middleware(Recycle)
    if os.environ.get(TIMING_ENV) == "1":  # outermost: the whole application's time
        app.add_middleware(ServerTiming)

    @app.exception_handler(auth.Refused)
    async def not_allowed(request: Request, exc: auth.Refused) -> Response:
        return auth.refused(request, exc)

    @app.exception_handler(DiplonewsError)
    async def bad_request(request: Request, exc: DiplonewsError) -> Response:
        status = getattr(exc, "status", 400)  # Overloaded: 503, InvalidInput: 422
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status)
        return error_page(request, exc, status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """An unknown page or method: JSON under /api/, a page in the reader's language
        elsewhere (not `{"detail": "Not Found"}`)."""
        if request.url.path.startswith(("/api/", "/openapi", "/swagger", "/static")):
            return await http_exception_handler(request, exc)
        return error_page(request, exc, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        return error_page(request, exc, 422)

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

    # The routers' paths do not overlap, so their order only decides how many routes a
    # request is matched against before its own: the pages readers ask for most first
    # (each route passed costs some µs, twice: FastAPI matches an included router's
    # routes once to choose it and once more inside it), the API after them.
    app.include_router(pages.router)
    app.include_router(browse_pages.router)
    app.include_router(viz.router)
    app.include_router(sources.router)
    app.include_router(auth.router)
    app.include_router(editing.router)
    app.include_router(api_routes.router)
    app.include_router(editing.api_router)
    return app


def server_app() -> FastAPI:
    """The application as `diplonews serve` runs it in each worker process (the store
    and the lexicons from the environment `serve` set)."""
    return create_app(
        settled=True,
        lexicon_paths=lexicon_paths_from_env(),
        private=os.environ.get(PRIVATE_ENV) == "1",
    )
