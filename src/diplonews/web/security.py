"""Security headers on every answer and the cap on request bodies, as plain ASGI.

Article text is untrusted web content. The Content-Security-Policy allows scripts and
styles from this site only (no inline script, no third-party origin), so even a missed
escape could not run a script.
"""

from __future__ import annotations

import re

from fastapi import Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplonews.web.deps import MAX_BODY, MAX_URLENCODED_BODY
from diplonews.web.rendering import page

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
LENGTH = re.compile(r"[0-9]{1,18}")  # a Content-Length we read (ASCII digits, 64 bits)


class Guard:
    """ASGI middleware: refuses bodies over MAX_BODY (MAX_URLENCODED_BODY URL-encoded),
    by their Content-Length or, sent without one, as they arrive; sets the security
    headers on every answer; answers an unexpected exception with a 500 that carries
    them too (Starlette's own 500 comes from outside every middleware). Plain ASGI
    rather than `@app.middleware`, which costs a task and a stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        security = DOCS_HEADERS if scope["path"] == "/docs" else HEADERS
        started = False
        too_large = False  # the body grew past its limit: whatever the app answers is dropped
        received = 0
        headers = Headers(scope=scope)
        urlencoded = headers.get("content-type", "").startswith("application/x-www-form-urlencoded")
        limit = MAX_URLENCODED_BODY if urlencoded else MAX_BODY

        async def send_secured(message: Message) -> None:
            nonlocal started
            if too_large:
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [
                    *(h for h in message.get("headers", []) if h[0].lower() not in SECURITY),
                    *security,
                ]
            await send(message)

        async def receive_counted() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit and not started:
                    too_large = True
                    raise BodyTooLarge(limit)
            return message

        length = headers.get("content-length")
        if length is not None and (not LENGTH.fullmatch(length) or int(length) > limit):
            await refusal(scope, receive, 413, too_large_message(limit))(
                scope, receive, send_secured
            )
            return
        try:
            await self.app(scope, receive_counted, send_secured)
        except Exception:
            if not too_large:  # else BodyTooLarge, or what the app made of it: 413 below
                if not started:
                    # Sent here, with the headers; raised again for the server to log
                    # (and a test client to show), after the answer: nothing else is sent.
                    answer = refusal(scope, receive, 500, "internal error: the server failed")
                    await answer(scope, receive, send_secured)
                raise
        if too_large and not started:
            too_large = False  # the refusal is sent
            await refusal(scope, receive, 413, too_large_message(limit))(
                scope, receive, send_secured
            )


class BodyTooLarge(Exception):
    """Raised into the application by `Guard` when a body grows past its limit (not a
    DiplonewsError: no route may answer it; `Guard` does)."""


def too_large_message(limit: int = MAX_BODY) -> str:
    return f"request body larger than {limit:,} bytes: an article of 2 MB at most, with its form"


def refusal(scope: Scope, receive: Receive, status: int, message: str) -> Response:
    """An error answer from outside the application: JSON under /api, else a page."""
    if scope["path"].startswith("/api/"):
        return JSONResponse({"detail": message}, status)
    try:
        return page(Request(scope, receive), "error.html", {"message": message}, status)
    except Exception:  # noqa: BLE001 -- the templates failing: a plain page still says it
        return PlainTextResponse(message, status)
