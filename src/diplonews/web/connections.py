"""Kept-alive connections spread over the server's processes.

`serve --workers N` runs N processes accepting connections on one socket, and a
connection stays with the process that accepted it. Clients that open their
connections at once and keep them (a crawler, a proxy, a load test) leave them
unevenly spread: 41 and 9 of 50 on two processes was seen, one process queueing
four fifths of the requests while the other idled. `Recycle` asks a client to open
a new connection after `PER_CONNECTION` requests (`Connection: close` on the last
answer, as nginx's `keepalive_requests` does); the process that is idle, waiting for
work, accepts the new connection first, so connections drift to where the CPU is.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Any, cast

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

PER_CONNECTION = 25  # requests a connection serves before the client is asked to reopen
REMEMBERED = 4096  # connections counted at a time (the oldest forgotten first)


class Recycle:
    """ASGI middleware: `Connection: close` on every PER_CONNECTION-th answer of a
    connection (HTTP/1.1; a connection is known by the client's address and port)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.served: OrderedDict[tuple[str, int], int] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] != "http" or scope.get("http_version") != "1.1" or not client:
            await self.app(scope, receive, send)
            return
        key = (str(client[0]), int(client[1]))
        count = self.served.pop(key, 0) + 1
        if count < PER_CONNECTION:
            self.served[key] = count
            if len(self.served) > REMEMBERED:
                self.served.popitem(last=False)
            await self.app(scope, receive, send)
            return

        async def send_last(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"connection"]
                message = {**message, "headers": [*headers, (b"connection", b"close")]}
            await send(message)

        await self.app(scope, receive, send_last)


class OneWrite:
    """A connection's transport that sends an answer's head and body in one write.

    uvicorn writes the status line and headers as soon as the application starts its
    answer, then the body: two writes, two TCP segments, and a reader that waits for
    the answer wakes for each (1.95 reads an answer, a page at a time over loopback).
    Here a head (bytes from "HTTP/1.1 " to a blank line) is held until the next write,
    which carries it; anything else, or nothing following within the event loop's
    turn (a HEAD answer, "100 Continue"), sends it as it was."""

    def __init__(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.held: bytes | None = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        held, self.held = self.held, None
        if held is not None:
            self.transport.write(held + bytes(data))  # bytes + memoryview would raise
        elif (
            isinstance(data, bytes) and data.startswith(b"HTTP/1.1 ") and data.endswith(b"\r\n\r\n")
        ):
            self.held = data
            asyncio.get_running_loop().call_soon(self.flush)
        else:
            self.transport.write(data)

    def flush(self) -> None:
        held, self.held = self.held, None
        if held is not None and not self.transport.is_closing():
            self.transport.write(held)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def __getattr__(self, name: str) -> Any:  # the rest of the transport's interface
        return getattr(self.transport, name)


class OneWriteHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol over a `OneWrite` transport (`serve`'s `http`)."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(
            cast(asyncio.Transport, OneWrite(cast(asyncio.Transport, transport)))
        )
