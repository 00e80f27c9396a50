"""reading: files → Sources, bad input → InputErrors (never an exception)."""

import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplonews.errors import InputError
from diplonews.extract import reading
from diplonews.extract.reading import Source, iter_sources

# "Prime Minister Phạm Minh Chính received the ambassador in Hà Nội."
SENTENCE = "Thủ tướng Phạm Minh Chính tiếp Đại sứ tại Hà Nội."


def read_one(path: Path) -> Source | InputError:
    items = list(iter_sources([path]))
    assert len(items) == 1
    return items[0]


def read_text(path: Path) -> str:
    item = read_one(path)
    assert isinstance(item, Source), item
    return item.text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_reading_txt_utf8_nfc(tmp_path):
    item = read_one(write(tmp_path, "bai-1.txt", SENTENCE.encode("utf-8")))
    assert item == Source(doc_id="bai-1", text=SENTENCE, path=str(tmp_path / "bai-1.txt"))


def test_reading_nfd_is_normalised_to_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", SENTENCE)
    assert nfd != SENTENCE
    assert read_text(write(tmp_path, "a.txt", nfd.encode("utf-8"))) == SENTENCE


def test_reading_utf8_bom_is_dropped(tmp_path):
    assert (
        read_text(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"))) == SENTENCE
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_reading_utf16_with_bom(tmp_path, encoding):
    data = SENTENCE.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes its own BOM
        data = ("\ufeff" + SENTENCE).encode(encoding)
    assert read_text(write(tmp_path, "a.txt", data)) == SENTENCE


def test_reading_cp1258_when_not_utf8(tmp_path):
    # Windows-1258 writes tone marks as separate combining bytes: "Thủ tướng Phạm Minh Chính".
    data = b"Thu\xd2 t\xfd\xf5\xecng Pha\xf2m Minh Ch\xednh"
    assert read_text(write(tmp_path, "a.txt", data)) == "Thủ tướng Phạm Minh Chính"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_reading_empty_file(tmp_path, data):
    item = read_one(write(tmp_path, "a.txt", data))
    assert isinstance(item, InputError)
    assert item.reason == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",  # a zip header: NUL bytes
        bytes(range(1, 9)) * 20 + b"some text",  # mostly control characters
    ],
)
def test_reading_binary_file(tmp_path, data):
    item = read_one(write(tmp_path, "a.txt", data))
    assert isinstance(item, InputError)
    assert item.reason == "binary file"


def test_reading_undecodable_file(tmp_path):
    # 0x81 and 0x8d are neither valid UTF-8 here nor defined in Windows-1258.
    item = read_one(write(tmp_path, "a.txt", b"Ha\x81 No\x8di"))
    assert isinstance(item, InputError)
    assert item.reason.startswith("undecodable")


def test_reading_oversized_file(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 10)
    item = read_one(write(tmp_path, "a.txt", SENTENCE.encode("utf-8")))
    assert isinstance(item, InputError)
    assert "larger than" in item.reason
    assert item.path == str(tmp_path / "a.txt")


def test_reading_unsupported_type_when_given_explicitly(tmp_path):
    item = read_one(write(tmp_path, "notes.xyz", b"text"))
    assert isinstance(item, InputError)
    assert item.reason == "unsupported file type .xyz"


def test_reading_missing_path(tmp_path):
    item = read_one(tmp_path / "nothing.txt")
    assert isinstance(item, InputError)
    assert str(tmp_path / "nothing.txt") in str(item)


def test_reading_folder_recursive_sorted_and_skipping(tmp_path):
    for name in (
        "b.txt",
        "a/z.txt",
        "a/deep/y.txt",
        "c.TXT",
        "notes.md",
        "image.png",
        ".hidden.txt",
        ".git/x.txt",
    ):
        write(tmp_path, name, SENTENCE.encode("utf-8"))
    items = list(iter_sources([tmp_path]))
    assert all(isinstance(item, Source) for item in items)
    assert [Path(item.path).relative_to(tmp_path).as_posix() for item in items] == [
        "a/deep/y.txt",
        "a/z.txt",
        "b.txt",
        "c.TXT",
    ]


def test_reading_is_streamed(tmp_path):
    write(tmp_path, "a.txt", SENTENCE.encode("utf-8"))
    write(tmp_path, "b.txt", SENTENCE.encode("utf-8"))
    sources = iter_sources([tmp_path])
    first = next(sources)
    write(tmp_path, "b.txt", b"changed after the first article was read")
    second = next(sources)
    assert isinstance(first, Source) and first.text == SENTENCE
    assert isinstance(second, Source) and second.text == "changed after the first article was read"


def test_reading_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "vna-1",
                "text": unicodedata.normalize("NFD", SENTENCE),
                "url": "https://example.vn/1",
                "published": "2024-11-24T08:00:00+07:00",
            },
            ensure_ascii=False,
        ),
        json.dumps({"text": SENTENCE, "published": "2021-07"}),
        "{not json",
        "",
        "[1, 2]",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": 7, "text": SENTENCE, "published": "24/11/2024"}),
    ]
    path = write(tmp_path, "corpus.jsonl", "\n".join(lines).encode("utf-8") + b"\n")
    items = list(iter_sources([path]))
    sources = [item for item in items if isinstance(item, Source)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [(s.doc_id, s.published, s.url) for s in sources] == [
        ("vna-1", "2024-11-24", "https://example.vn/1"),
        ("corpus:2", "2021-07", None),
        ("7", None, None),
    ]
    assert all(s.text == SENTENCE for s in sources)
    assert sources[0].path == f"{path}:1"
    assert [e.path for e in errors] == [f"{path}:3", f"{path}:5", f"{path}:6"]
    assert "invalid JSON" in errors[0].reason
    assert "text" in errors[2].reason


def test_reading_jsonl_oversized_line_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    lines = [json.dumps({"text": "x" * 300}), json.dumps({"text": "short"})]
    path = write(tmp_path, "c.jsonl", "\n".join(lines).encode("utf-8"))
    first, second = iter_sources([path])
    assert isinstance(first, InputError) and first.path == f"{path}:1"
    assert "larger than" in first.reason
    assert isinstance(second, Source) and second.doc_id == "c:2"


PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Thủ tướng tiếp Đại sứ Hàn Quốc | Báo Mẫu</title>
<meta property="og:title" content="Thủ tướng tiếp Đại sứ Hàn Quốc">
<meta property="article:published_time" content="2024-11-24T08:30:00+07:00">
</head><body>
<nav><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a></nav>
<article>
<h1>Thủ tướng tiếp Đại sứ Hàn Quốc</h1>
<p>Chiều 23/11, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Hàn Quốc
tại Việt Nam, ông Choi Young-sam, nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.</p>
<p>Thủ tướng đánh giá cao những đóng góp của Đại sứ cho quan hệ Đối tác chiến lược toàn
diện Việt Nam - Hàn Quốc trong thời gian qua.</p>
</article>
<footer>Bản quyền thuộc về Báo Mẫu</footer>
</body></html>"""


def test_reading_html_title_first_and_date(tmp_path):
    item = read_one(
        write(tmp_path, "trang.html", unicodedata.normalize("NFD", PAGE).encode("utf-8"))
    )
    assert isinstance(item, Source), item
    assert item.doc_id == "trang"
    assert item.published == "2024-11-24"
    title, blank, body = item.text.split("\n", 2)
    assert (title, blank) == ("Thủ tướng tiếp Đại sứ Hàn Quốc", "")
    assert body.startswith("Chiều 23/11, tại trụ sở Chính phủ")
    assert "Thủ tướng tiếp Đại sứ Hàn Quốc" not in body  # the <h1> is not repeated
    assert "Trang chủ" not in item.text and "Bản quyền" not in item.text


def test_reading_jsonl_html_field(tmp_path):
    line = json.dumps({"id": "p1", "html": PAGE, "published": "2024-11-25"}, ensure_ascii=False)
    item = read_one(write(tmp_path, "pages.jsonl", line.encode("utf-8")))
    assert isinstance(item, Source), item
    assert item.published == "2024-11-25"  # the line's own field wins over the page's
    assert item.text.startswith("Thủ tướng tiếp Đại sứ Hàn Quốc\n\nChiều 23/11")


def test_reading_html_without_text(tmp_path):
    item = read_one(
        write(tmp_path, "blank.htm", b"<html><head><title>x</title></head><body> </body></html>")
    )
    assert isinstance(item, InputError)
    assert "no article text" in item.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-24", "2024-11-24"),
        ("2021-07", "2021-07"),
        ("2020", "2020"),
        ("2024-11-24T08:30:00+07:00", "2024-11-24"),
        ("2024-13-01", None),
        ("24/11/2024", None),
        ("20241124", None),
        (None, None),
        (2024, None),
    ],
)
def test_reading_iso_date(value, expected):
    assert reading.iso_date(value) == expected


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300) | st.text(max_size=100).map(str.encode))
def test_reading_never_raises_on_any_bytes(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "fuzz.txt"
    path.write_bytes(data)
    item = read_one(path)
    if isinstance(item, Source):
        assert item.text.strip()
        assert unicodedata.is_normalized("NFC", item.text)
    else:
        assert isinstance(item, InputError) and item.reason


def test_jsonl_text_drops_nul_and_lone_surrogates(tmp_path):
    # JSON can spell out characters no store or encoder accepts; they are dropped
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a\\ud800", "text": "Hà\\u0000 Nội \\ud800 hôm nay"}\n', "utf-8")
    (source,) = list(iter_sources([path]))
    assert source.text == "Hà Nội  hôm nay"
    assert source.doc_id == "a"
    source.text.encode("utf-8")


def test_reading_utf8_cut_inside_its_last_character_keeps_the_head(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("Hội nghị Cấp cao ASEAN".encode()[:-1])  # "N" whole, the "ASEA" … cut
    (source,) = list(iter_sources([path]))
    assert source.text == "Hội nghị Cấp cao ASEA"


def test_reading_utf8_with_a_few_bad_bytes_is_read_as_utf8(tmp_path):
    data = bytearray(("Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc. " * 40).encode())
    data[100] = 0xFF  # one flipped byte in 2 kB
    path = tmp_path / "flipped.txt"
    path.write_bytes(bytes(data))
    (source,) = list(iter_sources([path]))
    assert "Phạm Minh Chính" in source.text and source.text.count("\ufffd") == 1


def test_reading_a_fifo_named_explicitly_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (error,) = list(iter_sources([fifo]))
    assert isinstance(error, InputError) and error.reason == "not a regular file"


def test_reading_jsonl_id_longer_than_the_limit_is_refused(tmp_path):
    rows = [{"id": "x" * (reading.MAX_ID + 1), "text": SENTENCE}, {"id": 10**30, "text": SENTENCE}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    error, source = list(iter_sources([path]))
    assert (
        isinstance(error, InputError)
        and error.reason == f'"id" longer than {reading.MAX_ID} characters'
    )
    assert isinstance(source, Source) and source.doc_id == str(10**30)
