"""Stable identities: an event is found again by its reports when store ids, offsets,
article texts and sentence boundaries change; a person by name key or spellings."""

from __future__ import annotations

from pathlib import Path

from diplonews import api
from diplonews.kb import anchors
from diplonews.kb.store import Store

SEEDS = Path(__file__).parents[1] / "data" / "seeds"


def _stored(store: Store) -> int:
    report = api.ingest(store, sorted(SEEDS.glob("*.txt")), workers=1)
    assert report.failed == 0
    return api.events(store, person="Yeo Seung-bae", limit=1)[0].id


def test_anchors_event_found_by_offsets(store: Store) -> None:
    event_id = _stored(store)
    target = anchors.event_target(store, event_id)
    assert target is not None and target["mentions"][0]["sources"]
    assert anchors.find_event(store, target) == event_id


def test_anchors_event_found_when_the_sentence_is_cut_differently(store: Store) -> None:
    event_id = _stored(store)
    target = anchors.event_target(store, event_id)
    assert target is not None
    store.execute(  # a newer extractor: the sentence runs on, the offsets moved
        "UPDATE mentions SET evidence = evidence || ?, evidence_start = evidence_start + 3 "
        "WHERE event_id = ?",
        (" Hai bên nhất trí thúc đẩy hợp tác" * 12, event_id),  # far from 90% alike
    )
    assert anchors.find_event(store, target) == event_id


def test_anchors_event_vanishes_when_no_report_is_left(store: Store) -> None:
    event_id = _stored(store)
    target = anchors.event_target(store, event_id)
    assert target is not None
    store.execute(
        "UPDATE mentions SET evidence = 'Thời tiết hôm nay đẹp.', evidence_start = NULL "
        "WHERE event_id = ?",
        (event_id,),
    )
    assert anchors.find_event(store, target) is None


def test_anchors_person_found_by_key_then_spellings(store: Store) -> None:
    _stored(store)
    person_id = api.people(store, "Yeo Seung-bae")[0].id
    target = anchors.person_target(store, person_id)
    assert target is not None and "Yeo Seung-bae" in target["names"]
    assert anchors.find_person(store, target) == person_id
    assert anchors.find_person(store, {**target, "key": "no such key"}) == person_id
    assert anchors.find_person(store, {"key": "none", "names": ["Nobody"]}) is None
