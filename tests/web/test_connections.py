"""Kept-alive connections asked to reopen now and then, so that they spread over the
server's processes; an answer's head and body sent in one write."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplonews.web.connections import PER_CONNECTION, OneWrite, OneWriteHttpTools, Recycle


async def _hello(scope: Scope, receive: Receive, send: Send) -> None:
    headers = [(b"content-type", b"text/plain"), (b"connection", b"keep-alive")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"hello"})


def _ask(app: Recycle, client: tuple[str, int], version: str = "1.1") -> list[Message]:
    scope = {"type": "http", "http_version": version, "client": client, "headers": []}
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def _closes(sent: list[Message]) -> bool:
    return (b"connection", b"close") in sent[0]["headers"]


def test_connections_every_nth_answer_of_a_connection_closes_it() -> None:
    app = Recycle(_hello)
    answers = [_ask(app, ("127.0.0.1", 5000)) for _ in range(2 * PER_CONNECTION)]
    closing = [n for n, sent in enumerate(answers, 1) if _closes(sent)]
    assert closing == [PER_CONNECTION, 2 * PER_CONNECTION]
    last = answers[PER_CONNECTION - 1]
    assert [h for h in last[0]["headers"] if h[0] == b"connection"] == [(b"connection", b"close")]
    assert last[1]["body"] == b"hello"


def test_connections_are_counted_apart_and_http_1_0_is_left_alone() -> None:
    app = Recycle(_hello)
    for _ in range(PER_CONNECTION - 1):
        assert not _closes(_ask(app, ("127.0.0.1", 5000)))
    assert not _closes(_ask(app, ("127.0.0.1", 5001)))  # another connection
    assert not any(_closes(_ask(app, ("127.0.0.1", 6000), "1.0")) for _ in range(60))
    assert _closes(_ask(app, ("127.0.0.1", 5000)))


class _Recorded:
    """A transport that records what is written to it."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str) -> str:
        return f"info:{name}"


HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n"


def test_one_write_sends_an_answers_head_with_its_body() -> None:
    async def run() -> _Recorded:
        recorded = _Recorded()
        transport = OneWrite(recorded)  # type: ignore[arg-type]
        transport.write(HEAD)
        assert recorded.writes == []  # held for the body
        transport.write(b"hello")
        transport.write(b"more")  # not a head: as it comes
        await asyncio.sleep(0)  # the loop's turn: nothing held is left
        assert transport.get_extra_info("peername") == "info:peername"  # the rest passes
        return recorded

    assert asyncio.run(run()).writes == [HEAD + b"hello", b"more"]


def test_one_write_takes_a_body_given_as_a_memoryview() -> None:
    async def run() -> _Recorded:
        recorded = _Recorded()
        transport = OneWrite(recorded)  # type: ignore[arg-type]
        transport.write(HEAD)
        transport.write(memoryview(b"hello"))
        return recorded

    assert asyncio.run(run()).writes == [HEAD + b"hello"]


def test_one_write_sends_a_head_alone_within_the_loops_turn_or_on_closing() -> None:
    async def run() -> tuple[_Recorded, _Recorded]:
        alone, closing = _Recorded(), _Recorded()
        OneWrite(alone).write(HEAD)  # type: ignore[arg-type]  # a HEAD answer: no body
        await asyncio.sleep(0)
        transport = OneWrite(closing)  # type: ignore[arg-type]
        transport.write(HEAD)
        transport.close()
        return alone, closing

    alone, closing = asyncio.run(run())
    assert alone.writes == [HEAD]
    assert closing.writes == [HEAD] and closing.closed


def _served(app: ASGIApp, requests: bytes, answers: int) -> bytes:
    """`requests` sent over one connection to `app` served by uvicorn with `serve`'s
    protocol; what came back once `answers` answers (or the connection's end) came."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    config = uvicorn.Config(app, http=OneWriteHttpTools, log_level="warning", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        with socket.create_connection(sock.getsockname(), timeout=10) as client:
            client.sendall(requests)
            got = b""
            while got.count(b"HTTP/1.1 ") < answers or not got.endswith((b"hello", b"\r\n\r\n")):
                chunk = client.recv(65536)
                if not chunk:
                    break
                got += chunk
            return got
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()


async def _sized(scope: Scope, receive: Receive, send: Send) -> None:
    headers = [(b"content-type", b"text/plain"), (b"content-length", b"5")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"hello"})


async def _streamed(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"hel", "more_body": True})
    await asyncio.sleep(0.01)
    await send({"type": "http.response.body", "body": b"lo"})


def test_one_write_answers_over_uvicorn_kept_alive_streamed_and_head() -> None:
    get = b"GET / HTTP/1.1\r\nhost: x\r\n\r\n"
    got = _served(_sized, get + get, 2)
    assert got.count(b"HTTP/1.1 200 OK\r\n") == 2 and got.count(b"\r\n\r\nhello") == 2
    streamed = _served(_streamed, get, 1)
    assert b"transfer-encoding: chunked" in streamed and streamed.endswith(
        b"\r\n\r\n3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n"
    )
    head = _served(_sized, b"HEAD / HTTP/1.1\r\nhost: x\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200 OK\r\n") and head.endswith(b"\r\n\r\n")
