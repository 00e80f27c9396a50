"""Bounded extraction: values range-checked (limits), long lines split (clean), long
bodies read in pieces (windows), range lookups by bisection (spans). No timing here:
`bench/bench_long.py` measures the time per MB."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from diplonews.extract import clean, limits, windows
from diplonews.extract import extract_doc as extract_doc_
from diplonews.extract.doc import Doc
from diplonews.extract.record import Event, Figure, Participant, Person
from diplonews.extract.spans import Spans, covering, within

# "On 10/5/2023 the 99999999999999999999th ASEAN Summit opened in Jakarta."
HUGE_EDITION = (
    "Hội nghị Cấp cao ASEAN khai mạc\n\nNgày 10/5/2023, Hội nghị Cấp cao ASEAN lần thứ "
    "99999999999999999999 đã khai mạc tại Jakarta, Indonesia.\n"
)
# "In 2023 Vietnam-Korea trade reached 1,000,000,000,000,000,000 billion USD."
HUGE_FIGURE = (
    "Thương mại tăng mạnh\n\nNăm 2023, kim ngạch thương mại song phương Việt Nam - Hàn Quốc "
    "đạt 1.000.000.000.000.000.000 tỷ USD.\n"
)
SENTENCE = (
    "Ngày 7/6/2021, Thứ trưởng Ngoại giao Hàn Quốc Kim Gunn đã hội đàm với Thứ trưởng "
    "Ngoại giao Indonesia Mahendra Siregar tại Jakarta. "
)


def extract_doc(text: str) -> Doc:
    return extract_doc_(text, "t")


def test_limits_drop_an_impossible_edition_with_a_warning() -> None:
    doc = extract_doc(HUGE_EDITION)
    (event,) = doc.record.events
    assert event.series == "ASEAN Summit" and event.edition is None
    assert doc.warnings == [
        "event 1: edition 99999999999999999999 dropped: not between 1 and 32,767"
    ]


def test_limits_drop_an_impossible_figure_with_a_warning() -> None:
    doc = extract_doc(HUGE_FIGURE)
    assert doc.record.figures == []
    (warning,) = doc.warnings
    assert warning.startswith("figure 1") and "dropped" in warning


def test_limits_keep_plausible_values_and_say_nothing() -> None:
    doc = Doc("d", "")
    doc.record.published = "2021-07"
    doc.record.events = [Event("meeting", edition=46, date="2025-05-26")]
    doc.record.figures = [Figure("trade", 86.4e9, "USD", 2022)]
    limits.run(doc)
    assert doc.warnings == []
    assert doc.record.events[0].edition == 46 and len(doc.record.figures) == 1


def test_limits_drop_each_kind_of_bad_value() -> None:
    doc = Doc("d", "")
    doc.record.published = "20211-07"
    doc.record.events = [
        Event("meeting", edition=0, date="2021-13-01", participants=[Participant("X" * 300)]),
        Event("meeting", edition=10**30),
    ]
    doc.record.figures = [
        Figure("a", math.inf, "USD"),
        Figure("b", math.nan, "USD"),
        Figure("c", -1e16, "USD"),
        Figure("e", 10**300, "USD"),  # too big for a float
        Figure("d", 5.0, "%", year=10**12),
    ]
    doc.record.people = [Person("Y" * 300)]
    limits.run(doc)
    record = doc.record
    assert record.published is None
    assert [e.edition for e in record.events] == [None, None]
    assert record.events[0].date is None and record.events[0].participants == []
    assert [(f.what, f.year) for f in record.figures] == [("d", None)]
    assert record.people == []
    assert len(doc.warnings) == 11
    assert all(len(w) < 120 for w in doc.warnings)  # a hundred-digit number is shortened


def test_clean_splits_a_line_longer_than_a_paragraph_at_sentence_ends() -> None:
    line = SENTENCE * (clean.MAX_LINE // len(SENTENCE) * 3)
    split = clean.split_long_lines("Tiêu đề\n\n" + line)
    lines = split.split("\n")
    assert len(lines) > 3
    assert all(len(x) <= clean.MAX_LINE for x in lines)
    assert all(x.rstrip().endswith(".") for x in lines[2:])  # cut at sentence ends
    assert " ".join(lines[2:]) == line


def test_clean_splits_a_line_without_sentence_ends_at_spaces_else_anywhere() -> None:
    words = "hợp tác " * clean.MAX_LINE
    assert all(len(x) <= clean.MAX_LINE for x in clean.split_long_lines(words).split("\n"))
    junk = "x" * (clean.MAX_LINE * 2 + 5)
    assert clean.split_long_lines(junk).split("\n") == [
        "x" * clean.MAX_LINE,
        "x" * clean.MAX_LINE,
        "x" * 5,
    ]


def test_clean_leaves_ordinary_text_alone() -> None:
    text = "Tiêu đề\n\n" + SENTENCE * 10
    assert clean.split_long_lines(text) is text


def test_windows_cut_a_body_at_line_breaks() -> None:
    body = "\n".join(f"Dòng {n} " + "chữ " * 500 for n in range(400))
    pieces = windows.pieces(body)
    assert len(pieces) > 1
    assert all(len(text) <= windows.WINDOW for _, text in pieces)
    assert "\n".join(text for _, text in pieces) == body
    assert all(body[start : start + len(text)] == text for start, text in pieces)


def test_windows_a_long_body_gives_the_events_of_its_pieces_at_their_offsets() -> None:
    paragraph = SENTENCE * 20
    count = windows.WINDOW // len(paragraph) * 2 + 5
    text = "Tiêu đề bài\n\n" + "\n".join(
        f"Phần {n}. " + paragraph.replace("7/6/2021", f"{1 + n % 28}/6/2021") for n in range(count)
    )
    doc = extract_doc(text)
    assert len(doc.body) > windows.WINDOW
    assert any("pieces" in w for w in doc.warnings)
    assert len(doc.record.events) >= 3
    for event in doc.record.events:
        assert event.evidence_span is not None
        start, end = event.evidence_span
        assert doc.body[start:end] == event.evidence
    assert [p.name for p in doc.record.people].count("Kim Gunn") == 1


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 5)), max_size=30),
    st.integers(-5, 60),
    st.integers(-5, 60),
)
def test_spans_find_what_a_scan_finds(items: list[tuple[int, int]], start: int, end: int) -> None:
    spans = [(s, s + length, "x") for s, length in items]
    indexed = Spans(spans)
    assert within(indexed, start, end) == [sp for sp in spans if start <= sp[0] < end]
    assert list(indexed) == spans
    at = start
    assert covering(indexed, at) == [sp for sp in spans if sp[0] <= at < sp[1]]
