"""Writing records into the store and reading them back: nothing is lost or changed on
the way (golden records of the seeds and dev articles, and generated records)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplonews import api
from diplonews.extract.lexicons import load
from diplonews.kb import dedupe
from diplonews.kb.store import Store, open_store
from diplonews.kb.store.writes import Prepared, Writer

DATA = Path(__file__).parents[2] / "data"
EVENT_FIELDS = ("kind", "status", "name", "series", "edition", "date", "format", "location")


def gold_records() -> list[dict[str, Any]]:
    records = []
    for folder in ("seeds", "dev"):
        with (DATA / folder / "gold.jsonl").open(encoding="utf-8") as lines:
            records += [json.loads(line) for line in lines if line.strip()]
    return records


def prepared(record: dict[str, Any], source: str) -> Prepared:
    body = "\n".join(e.get("evidence") or "" for e in record["events"]) or record["doc_id"]
    return Prepared(
        source=source,
        doc_id=record["doc_id"],
        url=None,
        content_hash=dedupe.content_hash(json.dumps(record, sort_keys=True)),
        record=record,
        body=body,
        spans=[None] * len(record["events"]),
        signature=dedupe.signature(body + record["doc_id"] * 50),
    )


def comparable(event: dict[str, Any]) -> dict[str, Any]:
    return {
        **{f: event[f] for f in EVENT_FIELDS},
        "parties": sorted(event["parties"]),
        "outcomes": list(event["outcomes"]),
        "participants": [
            (p["name"], p["country"], p["title"], p["role"]) for p in event["participants"]
        ],
    }


def test_golden_records_round_trip_one_by_one(store: Store) -> None:
    """Each gold record alone in a store: its events come back exactly."""
    lexicons = load()
    for number, record in enumerate(gold_records()):
        with store.transaction():
            writer = Writer(store, lexicons)
            article_id = writer.add_article(prepared(record, f"gold/{number}"))
            writer.finish()
        events = [
            e
            for e in api.events(store, limit=10_000)
            if any(s.article_id == article_id for s in e.sources)
        ]
        got = sorted((comparable(e.to_dict()) for e in events), key=json.dumps)
        want = sorted((comparable(e) for e in record["events"]), key=json.dumps)
        if len(got) == len(want):  # not merged with an event of an earlier record
            assert got == want, record["doc_id"]
        else:
            assert len(got) < len(want)
        with store.transaction():
            Writer(store, lexicons).forget_source(f"gold/{number}")
        assert api.counts(store)["events"] == 0, "forgetting the only source forgets all"
        assert api.counts(store)["people"] == 0


NAMES = st.sampled_from(["Kim Gunn", "Yeo Seung-bae", "Phạm Minh Chính", "Lee Jae-myung", "Ana"])
PARTIES = st.lists(st.sampled_from(["ASEAN", "KOR", "VNM", "USA", "BRN"]), min_size=1, max_size=3)
DATES = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
EVENTS = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["meeting", "visit", "call"]),
        "status": st.sampled_from(["held", "planned"]),
        "name": st.one_of(st.none(), TEXT.filter(str.strip)),  # "" is stored as no name
        "series": st.one_of(st.none(), st.sampled_from(["ASEAN-Korea Dialogue", "G20 Summit"])),
        "edition": st.one_of(st.none(), st.integers(1, 99)),
        "date": DATES,
        "format": st.sampled_from([None, "online", "in_person"]),
        "location": st.sampled_from([None, "Hanoi", "Seoul"]),
        "parties": PARTIES.map(lambda p: sorted(set(p))),
        "participants": st.lists(
            st.fixed_dictionaries(
                {
                    "name": NAMES,
                    "country": st.sampled_from([None, "KOR", "VNM"]),
                    "title": st.sampled_from([None, "President", "Vice Foreign Minister"]),
                    "role": st.sampled_from(["chair", "participant"]),
                }
            ),
            max_size=2,
            unique_by=lambda p: p["name"],
        ),
        "outcomes": st.lists(TEXT.filter(str.strip), max_size=2, unique=True),
        "evidence": TEXT,
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EVENTS, min_size=1, max_size=1), TEXT)
def test_any_single_event_round_trips(events: list[dict[str, Any]], title: str) -> None:
    record = {
        "doc_id": "x",
        "title": title or None,
        "published": None,
        "credits": [],
        "body_end": None,
        "events": events,
        "people": [],
        "figures": [],
    }
    store = open_store(":memory:")
    try:
        with store.transaction():
            writer = Writer(store, load())
            writer.add_article(prepared(record, "x"))
            writer.finish()
        (stored,) = api.events(store)
        want = comparable(events[0])
        got = comparable(stored.to_dict())
        # one person per name: a second spelling of the same person keeps the first country
        assert {k: v for k, v in got.items() if k != "outcomes"} == {
            k: v for k, v in want.items() if k != "outcomes"
        }
        assert len(got["outcomes"]) <= len(want["outcomes"])  # case variants are one outcome
        assert stored.sources[0].evidence == events[0]["evidence"]
    finally:
        store.close()
