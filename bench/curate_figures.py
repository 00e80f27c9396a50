"""Figures of the curated record (issue 16): corrections re-applied after a full
re-extraction, login and edit round-trip times, and the page cache's hit rate while
editors edit.

    python bench/curate_figures.py [--requests 3000] [--edit-every 25] [--rounds 20]

1. Re-application. The sample articles (examples/articles) and the dev set
   (tests/data/dev) are ingested into a fresh SQLite store; an editor then corrects
   them: every event verified, every third one's location set, every fifth one given
   a participant, every fourth person verified and every seventh renamed. Then
   (a) a full re-extraction, as a newer extractor does (the version stamp changed,
   every file read and extracted again, every event and person rebuilt), and
   (b) every article changed (a paragraph put before it: new text, every offset
   moved). After each: corrections applied, and left for review.
2. Round trips, in process (FastAPI's TestClient, no network): log in (GET /login,
   POST /login with argon2 verification) and an edit through the form (POST, then the
   page it redirects to), median and p95 of `--rounds`; then the same over HTTP, with
   uvicorn on a loopback port (a new client, so a new connection, each round).
3. The page cache while editing: `--requests` anonymous GETs over the store's pages
   (event, person and article pages and their JSON, the home page and the lists;
   skewed: a few pages are asked for far more often), with an edit of a random event
   through the API every `--edit-every` requests. Hit rate with exact invalidation (an
   edit drops only the pages it touched), and, for comparison, with every edit
   dropping every page (what raising the store generation would do).

Timing figures are noisy on a shared machine: run it on a quiet one for the record.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from fastapi.testclient import TestClient

from diplonews import api
from diplonews.kb import accounts, corrections
from diplonews.kb.store import Store
from diplonews.web import create_app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "articles"
DEV = ROOT / "tests" / "data" / "dev"
PASSWORD = "bench password 1"


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for source in (SAMPLES, DEV):
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, folder / f"{source.name}-{path.name}")
    return folder


def ingest(store: Store, folder: Path) -> None:
    report = api.ingest(store, [folder], workers=1)
    if report.failed:
        sys.exit(f"ingest failed: {report.errors[:3]}")


def correct_everything(store: Store) -> int:
    made = 0
    record = corrections.record
    for n, event in enumerate(api.events(store, limit=10_000)):
        record(store, author="bench", kind="event", ref=event.id, action="verify", value=True,
               reason="checked")  # fmt: skip
        made += 1
        if n % 3 == 0:
            record(store, author="bench", kind="event", ref=event.id, action="set",
                   field="location", value="Hà Nội", reason="place")  # fmt: skip
            made += 1
        if n % 5 == 0:
            record(store, author="bench", kind="event", ref=event.id, action="participant",
                   value={"op": "add", "name": f"Nguyễn Văn Bench {n}", "role": "participant"},
                   reason="missing")  # fmt: skip
            made += 1
    for n, person in enumerate(api.people(store, limit=10_000)):
        if n % 4 == 0:
            record(store, author="bench", kind="person", ref=person.id, action="verify",
                   value=True, reason="checked")  # fmt: skip
            made += 1
        if n % 7 == 0:
            record(store, author="bench", kind="person", ref=person.id, action="set",
                   field="name", value=person.name, reason="canonical spelling")  # fmt: skip
            made += 1
    return made


def states(store: Store) -> tuple[int, int]:
    rows = dict(store.query("SELECT state, COUNT(*) FROM correction_state GROUP BY state"))
    return int(rows.get("applied", 0)), int(rows.get("vanished", 0))


def reapplication(work: Path) -> None:
    folder = corpus(work / "articles")
    store = api.open_store(str(work / "kb.db"))
    try:
        ingest(store, folder)
        counts = api.counts(store)
        made = correct_everything(store)
        print(f"store: {counts['articles']} articles, {counts['events']} events, "
              f"{counts['people']} people; {made} corrections made")  # fmt: skip
        with mock.patch("diplonews.kb.store.writes.__version__", "0.0.0-older"):
            for path in folder.iterdir():
                path.touch()
            started = time.perf_counter()
            ingest(store, folder)
            seconds = time.perf_counter() - started
        applied, vanished = states(store)
        print(f"(a) full re-extraction: {applied} re-applied, {vanished} for review "
              f"(ingest with re-application {seconds:.2f} s)")  # fmt: skip
        for path in folder.iterdir():
            path.write_text("Hà Nội - Tin vắn.\n\n" + path.read_text("utf-8"), "utf-8")
        ingest(store, folder)
        applied, vanished = states(store)
        print(f"(b) every article changed: {applied} re-applied, {vanished} for review")
        started = time.perf_counter()
        with store.transaction():
            corrections.apply_all(store)
        print(f"applying the whole log once (`correct apply`, an import): "
              f"{(time.perf_counter() - started) * 1000:.0f} ms for {made} corrections")  # fmt: skip
    finally:
        store.close()


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]*)"', html)
    assert found
    return found.group(1)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def round_trips(db: str, rounds: int) -> None:
    store = api.open_store(db)
    try:
        event_id = api.events(store, limit=1)[0].id
    finally:
        store.close()
    with TestClient(create_app(db, cache_mb=16)) as client:
        logins, edits = [], []
        for n in range(rounds):
            client.cookies.clear()
            started = time.perf_counter()
            token = _csrf(client.get("/login").text)
            response = client.post("/login", data={"username": "ed", "password": PASSWORD,
                                                   "csrf": token})  # fmt: skip
            logins.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
            csrf = _csrf(client.get(f"/events/{event_id}").text)
            started = time.perf_counter()
            response = client.post(f"/events/{event_id}/correct", data={
                "csrf": csrf, "action": "set", "field": "location", "value": f"Huế {n}",
                "reason": "bench"})  # fmt: skip
            edits.append(time.perf_counter() - started)
            assert response.status_code == 200 and f"Huế {n}" in response.text
    print(f"login round trip (form + argon2 check + redirect): {_ms(logins)}")
    print(f"edit round trip (form post + re-rendered page): {_ms(edits)}")


def live_round_trips(db: str, rounds: int) -> None:
    """The same over HTTP: uvicorn on a loopback port, in a thread of this process."""
    import socket
    import threading

    import httpx2 as httpx
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, cache_mb=16), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    store = api.open_store(db)
    try:
        event_id = api.events(store, limit=1)[0].id
    finally:
        store.close()
    logins, edits = [], []
    try:
        for n in range(rounds):
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
                started = time.perf_counter()
                token = _csrf(client.get("/login").text)
                response = client.post("/login", data={"username": "ed", "password": PASSWORD,
                                                       "csrf": token}, follow_redirects=True)  # fmt: skip
                logins.append(time.perf_counter() - started)
                assert response.status_code == 200
                csrf = _csrf(client.get(f"/events/{event_id}").text)
                started = time.perf_counter()
                response = client.post(f"/events/{event_id}/correct", follow_redirects=True,
                                       data={"csrf": csrf, "action": "set", "field": "location",
                                             "value": f"Huế {n}", "reason": "bench"})  # fmt: skip
                edits.append(time.perf_counter() - started)
                assert f"Huế {n}" in response.text
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
    print(f"over HTTP (uvicorn, loopback): login {_ms(logins)}; edit {_ms(edits)}")


def cache_rate(db: str, requests: int, edit_every: int, exact: bool) -> float:
    store = api.open_store(db)
    try:
        events = [e.id for e in api.events(store, limit=10_000)]
        people = [p.id for p in api.people(store, limit=10_000)]
        articles = [int(r[0]) for r in store.query("SELECT id FROM articles")]
        token = accounts.new_token(store, "ed")
    finally:
        store.close()
    urls = [f"/events/{i}" for i in events] + [f"/api/events/{i}" for i in events]
    urls += [f"/people/{i}" for i in people] + [f"/articles/{i}" for i in articles]
    urls += ["/", "/api/events", "/timeline?between=ASEAN,KOR", "/search?q=han+quoc"]
    weights = [1.0 / (rank + 1) for rank in range(len(urls))]  # Zipf: a few pages are popular
    rng = random.Random(16)
    rng.shuffle(urls)
    hits = 0
    with TestClient(create_app(db, cache_mb=64)) as client:
        for n in range(1, requests + 1):
            url = rng.choices(urls, weights)[0]
            response = client.get(url)
            hits += response.headers.get("x-cache") == "hit"
            if n % edit_every == 0:
                event_id = rng.choice(events)
                client.patch(f"/api/events/{event_id}", headers={"authorization": f"Bearer {token}"},
                             json={"location": f"Đà Nẵng {n}", "reason": "bench"})  # fmt: skip
                if not exact:
                    client.app.state.pages.clear()  # type: ignore[attr-defined]
    return hits / requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--edit-every", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplonews-curate-") as where:
        work = Path(where)
        reapplication(work)
        db = str(work / "web.db")
        store = api.open_store(db)
        try:
            ingest(store, corpus(work / "web-articles"))
            accounts.add_user(store, "ed", "editor", PASSWORD)
        finally:
            store.close()
        round_trips(db, args.rounds)
        live_round_trips(db, args.rounds)
        exact = cache_rate(db, args.requests, args.edit_every, exact=True)
        whole = cache_rate(db, args.requests, args.edit_every, exact=False)
        print(f"page cache, {args.requests} requests, an edit every {args.edit_every}: "
              f"hit rate {exact:.1%} with exact invalidation; {whole:.1%} if every edit "
              f"dropped every page")  # fmt: skip


if __name__ == "__main__":
    main()
