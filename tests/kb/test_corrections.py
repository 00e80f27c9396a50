"""Corrections survive what rebuilds the record: a re-ingest of the same article, of a
changed one, a re-extraction by a newer extractor, and a new store rebuilt from the
articles plus the exported log. A correction whose target is gone is listed for review.
Both backends."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from diplonews import api
from diplonews.kb import corrections
from diplonews.kb.corrections import CorrectionError
from diplonews.kb.store import Store, open_store

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
FIRST = "000_0b6b7282ace4c71e.txt"  # 7 June: Yeo Seung-bae co-chairs the Korea-ASEAN Dialogue
# "Hanoi, 1 December - news in brief." A paragraph put before the article: every offset moves.
PREFACE = "Hà Nội, ngày 1/12 - Tin vắn tổng hợp.\n\n"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def _ingest(store: Store, folder: Path) -> None:
    report = api.ingest(store, [folder], workers=1)
    assert report.failed == 0, report.errors


def _dialogue(store: Store) -> int:
    found = [
        e for e in api.events(store, person="Yeo Seung-bae", limit=50) if e.date == "2021-06-07"
    ]
    assert len(found) == 1
    return found[0].id


def _fix(store: Store, event_id: int) -> None:
    """An editor's fixes: a date, a participant added, another's role, verified."""
    record = corrections.record
    record(store, author="ann", kind="event", ref=event_id, action="set", field="date",
           value="2021-06-08", reason="the ministry's release says 8 June")  # fmt: skip
    record(store, author="ann", kind="event", ref=event_id, action="participant",
           value={"op": "add", "name": "Nguyễn Quốc Dũng", "country": "VNM",
                  "title": "Deputy Foreign Minister", "role": "participant"},
           reason="named in the second paragraph")  # fmt: skip
    record(store, author="ann", kind="event", ref=event_id, action="verify", value=True,
           reason="checked against the release")  # fmt: skip


def _applied(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    states = store.query(
        "SELECT correction_id, state, ref FROM correction_state ORDER BY correction_id"
    )
    marks = store.query(
        "SELECT kind, ref, field, correction_id, value FROM curation_marks "
        "ORDER BY kind, ref, field"
    )
    return states, marks


def _same_as_a_full_apply(store: Store) -> None:
    """What the ingest applied (only what its batches rebuilt) is what applying the
    whole log gives."""
    after_ingest = _applied(store)
    with store.transaction():
        corrections.apply_all(store)
    assert _applied(store) == after_ingest


def _check_fixed(store: Store) -> int:
    event = next(
        e for e in api.events(store, person="Yeo Seung-bae", limit=50)
        if e.date == "2021-06-08"
    )  # fmt: skip
    assert "Nguyễn Quốc Dũng" in [p.name for p in event.participants]
    marks = corrections.marks(store, "event", [event.id])[event.id]
    assert marks.verified
    assert marks.corrected == {"date", "participants"}
    return event.id


def test_corrections_apply_and_log_old_and_new(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    event_id = _dialogue(store)
    _fix(store, event_id)
    _check_fixed(store)
    log = corrections.changes(store)
    assert [c.action for c in log] == ["verify", "participant", "set"]
    assert log[2].old == "2021-06-07" and log[2].new == "2021-06-08"
    assert log[2].author == "ann" and log[2].state == "applied"
    assert [c.field for c in corrections.history(store, "event", event_id, "date")] == ["date"]


def test_corrections_survive_reingest_of_the_same_article(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    _fix(store, _dialogue(store))
    with mock.patch("diplonews.kb.store.writes.__version__", "0.0.0-older"):
        for path in articles.iterdir():  # mtime moves: every file is read again
            path.touch()
        _ingest(store, articles)  # re-extracted by "another" diplonews: records rebuilt
    _same_as_a_full_apply(store)
    _check_fixed(store)
    assert corrections.review(store) == []


def test_corrections_survive_a_changed_article(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    _fix(store, _dialogue(store))
    path = articles / FIRST
    path.write_text(PREFACE + path.read_text(encoding="utf-8"), encoding="utf-8")
    _ingest(store, articles)  # its text changed: the article is stored anew, offsets moved
    _same_as_a_full_apply(store)
    _check_fixed(store)
    assert corrections.review(store) == []


def test_corrections_whose_target_vanished_are_listed_for_review(
    store: Store, articles: Path
) -> None:
    _ingest(store, articles)
    _fix(store, _dialogue(store))
    path = articles / FIRST
    path.write_text("Thời tiết Hà Nội hôm nay nắng đẹp.\n", encoding="utf-8")  # weather only
    _ingest(store, articles)
    _same_as_a_full_apply(store)
    review = corrections.review(store)
    assert len(review) == 3
    assert {c.state for c in review} == {"vanished"}
    assert {c.reason for c in review} >= {"checked against the release"}


def test_corrections_round_trip_through_a_new_store(
    store: Store, articles: Path, tmp_path: Path
) -> None:
    _ingest(store, articles)
    _fix(store, _dialogue(store))
    person = api.people(store, "Yeo Seung-bae")[0].id
    corrections.record(store, author="bob", kind="person", ref=person, action="set",
                       field="title", value="Vice Foreign Minister", reason="official title")  # fmt: skip
    log = list(corrections.export_log(store))
    before = io.StringIO()
    api.export(store, "jsonl", before)
    rebuilt = open_store(str(tmp_path / "rebuilt.db"))
    try:
        _ingest(rebuilt, articles)
        added, skipped = corrections.import_log(rebuilt, json.loads(json.dumps(log)))
        assert (added, skipped) == (4, 0)
        assert corrections.import_log(rebuilt, log) == (0, 4)  # importing twice adds nothing
        after = io.StringIO()
        api.export(rebuilt, "jsonl", after)
        _check_fixed(rebuilt)
    finally:
        rebuilt.close()
    assert _verified_lines(after.getvalue()) == _verified_lines(before.getvalue())
    assert _verified_lines(before.getvalue())


def _verified_lines(text: str) -> list[dict[str, Any]]:
    return [item for line in text.splitlines() if (item := json.loads(line)).get("verified")]


def test_corrections_merge_and_split_people(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    yeo = api.people(store, "Yeo Seung-bae")[0].id
    teo = api.people(store, "Emaleen Abdul Rahman Teo")[0].id
    corrections.record(store, author="ann", kind="person", ref=yeo, action="merge", value=teo,
                       reason="test merge")  # fmt: skip
    assert api.person(store, teo) is None
    merged = api.person(store, yeo)
    assert merged is not None and "Emaleen Abdul Rahman Teo" in [merged.name, *merged.aliases]
    corrections.record(store, author="ann", kind="person", ref=yeo, action="split",
                       value=["Emaleen Abdul Rahman Teo"], reason="two people")  # fmt: skip
    assert len(api.people(store, "Emaleen Abdul Rahman Teo")) == 1
    assert api.people(store, "Emaleen Abdul Rahman Teo")[0].id != yeo
    for path in articles.iterdir():
        path.touch()
    with mock.patch("diplonews.kb.store.writes.__version__", "0.0.0-older"):
        _ingest(store, articles)
    _same_as_a_full_apply(store)
    assert (
        api.people(store, "Emaleen Abdul Rahman Teo")[0].id
        != api.people(store, "Yeo Seung-bae")[0].id
    )
    assert corrections.review(store) == []


def test_corrections_reject_hides_an_event_from_lists(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    event_id = _dialogue(store)
    corrections.record(store, author="ann", kind="event", ref=event_id, action="reject",
                       reason="a press note, not a meeting")  # fmt: skip
    assert event_id not in [e.id for e in api.events(store, limit=500)]
    assert event_id in [e.id for e in api.events(store, status="rejected", limit=500)]
    stored = api.event(store, event_id)
    assert stored is not None and stored.status == "rejected"


def test_corrections_merge_events(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    keep = _dialogue(store)
    other = next(e.id for e in api.events(store, limit=50) if e.id != keep)
    corrections.record(store, author="ann", kind="event", ref=keep, action="merge", value=other,
                       reason="one meeting reported twice")  # fmt: skip
    assert api.event(store, other) is None
    kept = api.event(store, keep)
    assert kept is not None and len(kept.sources) >= 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"action": "set", "field": "date", "value": "2021-02-30"}, "no such day"),
        ({"action": "set", "field": "kind", "value": "party"}, "kind: one of"),
        ({"action": "set", "field": "evidence", "value": "x"}, "field 'evidence'"),
        ({"action": "set", "field": "parties", "value": "KOR, <b>"}, "not a party code"),
        ({"action": "set", "field": "date", "value": "2021", "reason": "  "}, "reason"),
        ({"action": "participant", "value": {"op": "role", "name": "Nobody", "role": "chair"}},
         "not a participant"),
        ({"action": "erase"}, "event action 'erase'"),
    ],
)  # fmt: skip
def test_corrections_refuse_bad_changes(
    store: Store, articles: Path, change: dict[str, Any], message: str
) -> None:
    _ingest(store, articles)
    event_id = _dialogue(store)
    with pytest.raises(CorrectionError, match=message):
        corrections.record(
            store, author="ann", kind="event", ref=event_id, **{"reason": "why", **change}
        )
    assert corrections.changes(store) == []


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "graphml", "ics", "plover"])
def test_corrections_flags_in_every_export(store: Store, articles: Path, fmt: str) -> None:
    _ingest(store, articles)
    event_id = _dialogue(store)
    _fix(store, event_id)
    # The dialogue (2021) is past: the calendar keeps past days only when asked to.
    out = io.StringIO()
    api.export(store, fmt, out, include_past=True)
    text = out.getvalue()
    expected = {
        "jsonl": '"verified": true',
        "csv": "verified,corrected",
        "graphml": 'attr.name="verified"',
        "ics": "X-DIPLONEWS-VERIFIED:TRUE",
        "plover": '"verified": true',
    }
    assert expected[fmt] in text


def test_corrections_export_verified_only(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    event_id = _dialogue(store)
    _fix(store, event_id)
    out = io.StringIO()
    api.export(store, "jsonl", out, verified_only=True)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(item["type"], item["id"]) for item in lines] == [("event", event_id)]


def test_corrections_answers_say_they_rest_on_a_corrected_fact(
    store: Store, articles: Path
) -> None:
    _ingest(store, articles)
    question = "When was the ASEAN-Korea Dialogue in 2021?"
    assert "corrected" not in api.ask(store, question).answer
    event_id = _dialogue(store)
    corrections.record(store, author="ann", kind="event", ref=event_id, action="set",
                       field="location", value="Seoul", reason="the release")  # fmt: skip
    answer = api.ask(store, question)
    assert "in Seoul" in answer.answer
    assert f"an editor corrected: #{event_id} location" in answer.answer
    assert answer.facts[0]["corrected"] == ["location"]
    corrections.record(store, author="ann", kind="event", ref=event_id, action="reject",
                       reason="not a meeting")  # fmt: skip
    assert "7 June 2021" not in api.ask(store, question).answer


def test_corrections_survive_ingest_from_prepared_records(store: Store, articles: Path) -> None:
    """`ingest --from-parquet` stores records extracted elsewhere (`ingest_prepared`):
    the log is applied on top of them too."""
    from diplonews.extract.reading import read_file
    from diplonews.kb import dedupe
    from diplonews.kb.ingest import ingest_prepared, prepare_source

    _ingest(store, articles)
    _fix(store, _dialogue(store))
    with mock.patch("diplonews.kb.store.writes.__version__", "0.0.0-spark"):
        items = [
            prepare_source(item, str(path.resolve()), dedupe.content_hash(item.text))
            for path in sorted(articles.glob("*.txt"))
            for item in read_file(path)
        ]
        report = ingest_prepared(store, [i for i in items if not isinstance(i, str)])
    assert report.updated == 5
    _same_as_a_full_apply(store)
    _check_fixed(store)
    assert corrections.review(store) == []


def test_corrections_event_merge_survives_reingest(store: Store, articles: Path) -> None:
    _ingest(store, articles)
    keep = _dialogue(store)
    other = next(e.id for e in api.events(store, limit=50) if e.id != keep)
    corrections.record(store, author="ann", kind="event", ref=keep, action="set", field="date",
                       value="2021-06-08", reason="release")  # fmt: skip
    corrections.record(store, author="ann", kind="event", ref=keep, action="merge", value=other,
                       reason="one meeting reported twice")  # fmt: skip
    with mock.patch("diplonews.kb.store.writes.__version__", "0.0.0-older"):
        for path in articles.iterdir():
            path.touch()
        _ingest(store, articles)
    _same_as_a_full_apply(store)
    merged = next(e for e in api.events(store, person="Yeo Seung-bae", limit=50)
                  if e.date == "2021-06-08")  # fmt: skip
    assert len({s.article_id for s in merged.sources}) >= 2
    assert corrections.review(store) == []
