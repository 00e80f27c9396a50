"""Security headers on every answer and the cap on request bodies, as plain ASGI.

Article text is untrusted web content. The Content-Security-Policy allows scripts and
styles from this site only (no inline script, no third-party origin), so even a missed
escape could not run a script.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplonews.web.deps import MAX_BODY
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
