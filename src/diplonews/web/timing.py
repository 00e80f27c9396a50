"""How long the server process itself took over a request, for load tests.

A load generator's latency is the server's time plus the waits around it: in the
kernel's socket queues, in the event loop behind the requests ahead, and in the
client's own process when it shares the cores. `ServerTiming` (on when `serve` runs
with $DIPLONEWS_SERVER_TIMING=1, as `bench/load_web.py` starts it) sends the server's
share as a standard `Server-Timing: app;dur=MS` header: from the moment the request
reaches the application (its task running) to the start of the answer. Off by default:
a public server need not tell its timings.
"""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ENV = "DIPLONEWS_SERVER_TIMING"


class ServerTiming:
    """ASGI middleware: `Server-Timing: app;dur=<ms>` on every HTTP answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def send_timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - started) * 1000
                header = (b"server-timing", f"app;dur={took:.3f}".encode())
                message = {**message, "headers": [*message.get("headers", []), header]}
            await send(message)

        await self.app(scope, receive, send_timed)
