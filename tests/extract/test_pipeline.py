"""The pipeline as a whole: never raises, stays deterministic, keeps offsets honest."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplonews.errors import InputError
from diplonews.extract import extract, extract_doc, extract_docs
from diplonews.extract.reading import iter_sources

VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ"
            "ìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
            'AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYHNTĐ0123456789 .,;:-–/()\n"“”'
        )
    ),
    max_size=400,
)
PHRASES = st.lists(
    st.sampled_from(
        [
            "Thủ tướng Phạm Minh Chính",
            "tiếp",
            "Đại sứ Hàn Quốc",
            "ngày 7/6",
            "hội đàm với",
            "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25",
            "tại Hà Nội",
            "sẽ thăm",
            "Seoul",
            ",",
            ".",
            "\n",
            "Tin liên quan",
            "(Ảnh: TTXVN)",
            "196,64 tỉ USD",
            "tháng 8 tới",
            "ông",
            "Kim",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), VIETNAMESE, PHRASES))
def test_pipeline_never_raises_on_arbitrary_text(text: str) -> None:
    record = extract(text, "x").to_dict()
    assert record["doc_id"] == "x"


@settings(max_examples=100, deadline=None)
@given(PHRASES)
def test_pipeline_evidence_spans_point_into_the_body(text: str) -> None:
    doc = extract_doc(text, "x")
    for event in doc.record.events:
        assert event.evidence_span is not None
        start, end = event.evidence_span
        assert doc.body[start:end] == event.evidence


def test_pipeline_is_deterministic(seed_articles) -> None:
    for path in seed_articles:
        text = path.read_text(encoding="utf-8")
        assert extract(text, "a").to_dict() == extract(text, "a").to_dict()


def test_pipeline_reads_nfd_like_nfc(seed_articles) -> None:
    import unicodedata

    text = seed_articles[0].read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    assert extract(nfd, "a").to_dict() == extract(text, "a").to_dict()


DATA = Path(__file__).parents[1] / "data"
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
NUMERIC_DAY = re.compile(
    r"\b(ngày|Ngày|sáng|Sáng|chiều|Chiều|tối|Tối|trưa|Trưa) (\d{1,2})/(\d{1,2})\b(?!/)"
)


def _written_out(text: str) -> str:
    """The same article with its dates written out, as some outlets write them:
    20/3/2024 → "20 tháng 3 năm 2024", "chiều 23/7" → "chiều 23 tháng 7"."""
    text = NUMERIC_DATE.sub(lambda m: f"{m[1]} tháng {m[2]} năm {m[3]}", text)
    return NUMERIC_DAY.sub(lambda m: f"{m[1]} {m[2]} tháng {m[3]}", text)


def _when_and_where(record: dict) -> tuple:
    events = [
        (e["kind"], e["status"], e["date"], e["series"], e["location"], sorted(e["parties"]))
        + tuple(sorted((p["name"], p["role"]) for p in e["participants"]))
        for e in record["events"]
    ]
    return record["published"], events


def _dashed(text: str) -> str:
    """The same article with day and month joined by a dash, as some outlets write
    them: "ngày 28/7" → "ngày 28-7"."""
    return DAY_MONTH.sub(lambda m: f"{m[1]}-{m[2]}", text)


DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b(?!/)")
ARTICLES = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "dev").glob("*.txt"))


def _no_break_spaces(text: str) -> str:
    """Every third space a no-break one, as text copied from web pages often has."""
    return re.sub(r"(\S+ \S+) ", lambda m: m[1] + "\xa0", text)


def _spaced_out(text: str) -> str:
    """Runs of spaces, tabs and a stray zero-width space, as HTML leaves them."""
    return text.replace(" ", "  ").replace(",", ",\t").replace("\n", "\u200b\r\n")


def _en_dashes(text: str) -> str:
    """Names joined by an en dash, as many outlets print them: "ASEAN–Hàn Quốc"."""
    return re.sub(r"(?<=[A-Za-zÀ-ỹ])-(?=[A-ZĐÀ-Ỹ])", "\u2013", text)


def _roman_editions(text: str) -> str:
    """Editions in Roman numerals: "lần thứ 25" → "lần thứ XXV"."""

    def roman(number: int) -> str:
        out = ""
        for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while number >= value:
                out, number = out + letters, number - value
        return out

    return re.sub(r"lần thứ (\d{1,2})\b", lambda m: "lần thứ " + roman(int(m[1])), text)


def _lower_case_names(text: str) -> str:
    """Meeting names with their common words in lower case, as some outlets write them:
    "Hội nghị Bộ trưởng Ngoại giao ASEAN" → "Hội nghị bộ trưởng ngoại giao ASEAN"."""
    for name in ("Cấp cao", "Bộ trưởng Ngoại giao", "Quan chức cao cấp", "Quan chức Cao cấp"):
        text = text.replace("Hội nghị " + name, "Hội nghị " + name.lower())
    return text


REWRITES = {
    "written out": _written_out,
    "dashed": _dashed,
    "no-break spaces": _no_break_spaces,
    "spaced out": _spaced_out,
    "en dashes": _en_dashes,
    "roman editions": _roman_editions,
    "lower-case names": _lower_case_names,
}


@pytest.mark.parametrize("rewrite", REWRITES.values(), ids=REWRITES.keys())
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_pipeline_reads_an_article_however_an_outlet_writes_it(path: Path, rewrite) -> None:
    """The events of an article (when, where, who) do not depend on how it writes dates
    or spaces."""
    text = path.read_text(encoding="utf-8")
    rewritten = _when_and_where(extract(rewrite(text), "a").to_dict())
    assert rewritten == _when_and_where(extract(text, "a").to_dict())


def test_extract_docs_gives_extract_docs_documents_in_order(seed_articles, dev_dir):
    # the CLI's batched pipeline (pages, then the bodies' lookups, then the body stages)
    # must make the very records, milestones and warnings of one article at a time
    paths = [*seed_articles, *sorted(dev_dir.glob("*.txt"))]
    items = [*iter_sources(paths), InputError("x.txt", "unreadable")]
    done = list(extract_docs(items, batch=3))
    assert [item for item, _ in done] == items
    assert done[-1][1] is None
    for source, doc in done[:-1]:
        single = extract_doc(source.text, source.doc_id, published=source.published)
        assert isinstance(doc, type(single))
        assert doc.record.to_dict() == single.record.to_dict()
        assert [m.to_dict() for m in doc.milestones] == [m.to_dict() for m in single.milestones]
        assert doc.warnings == single.warnings


def test_extract_docs_extracts_what_a_failing_stream_gave_before_failing(seed_articles):
    def stream():
        yield from iter_sources(seed_articles[:2])
        raise OSError("disk gone")

    done = []
    with pytest.raises(OSError, match="disk gone"):
        for item, doc in extract_docs(stream()):
            done.append((item, doc))
    assert [item.doc_id for item, _ in done] == [p.stem for p in seed_articles[:2]]
