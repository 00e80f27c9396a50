"""Kept-alive connections asked to reopen now and then, so that they spread over the
server's processes."""

from __future__ import annotations

import asyncio

from starlette.types import Message, Receive, Scope, Send

from diplonews.web.connections import PER_CONNECTION, Recycle


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
