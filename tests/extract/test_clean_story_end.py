"""Where the story ends: a list or a quote a line ending in ':'
announces, the story going on after a "Xem thêm" box, a lone sentence after a caption."""

from __future__ import annotations

import unicodedata

import pytest

from diplonews.extract import clean

TITLE = "Hai Thủ tướng hội đàm"
LEAD = (
    "Chiều 10/3/2025, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản "
    "Ishiba Shigeru."
)
SECOND = "Hai bên nhất trí tăng cường hợp tác trong nhiều lĩnh vực, trong đó có đầu tư."


def body_end(*lines: str) -> str | None:
    return clean.clean_text(unicodedata.normalize("NFC", "\n".join(lines))).body_end


@pytest.mark.parametrize(
    "items",
    [
        ("1. Bản ghi nhớ về hợp tác lao động", "2. Hiệp định về hợp tác kỹ thuật"),
        ("- Bản ghi nhớ về hợp tác lao động", "- Hiệp định về hợp tác kỹ thuật"),
        ("1) Bản ghi nhớ về hợp tác lao động", "2) Hiệp định về hợp tác kỹ thuật"),
        ("a) Bản ghi nhớ về hợp tác lao động", "b) Hiệp định về hợp tác kỹ thuật"),
        ("Bản ghi nhớ về hợp tác lao động", "Hiệp định về hợp tác kỹ thuật"),
    ],
)
def test_a_list_announced_by_a_colon_ends_the_story(items: tuple[str, str]) -> None:
    last = {"1": "3. ", "-": "- ", "a": "c) "}.get(items[0][0], "")
    if items[0].startswith("1)"):
        last = "3) "
    last += "Kế hoạch hợp tác năm 2025"
    intro = "Sau hội đàm, hai Thủ tướng chứng kiến lễ ký các văn kiện sau:"
    assert body_end(TITLE, LEAD, SECOND, intro, *items, last) == last


def test_a_quote_announced_by_a_colon_ends_the_story() -> None:
    quote = "“Nhật Bản luôn coi trọng quan hệ với Việt Nam”"
    assert body_end(TITLE, LEAD, SECOND, "Đại sứ Ito Naoki nói:", quote) == quote


def test_the_story_going_on_after_a_read_more_box_is_kept() -> None:
    last = "Thủ tướng Lào mời Thủ tướng Phạm Minh Chính thăm Lào vào thời gian thích hợp."
    assert (
        body_end(
            TITLE,
            LEAD,
            "Xem thêm:",
            "Lào và Việt Nam thúc đẩy kết nối hạ tầng",
            "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực năng lượng và giáo dục.",
            last,
        )
        == last
    )


def test_a_lone_sentence_after_a_caption_ends_the_story() -> None:
    last = "Đại sứ Ito Naoki khẳng định Nhật Bản luôn coi trọng quan hệ với Việt Nam"
    assert body_end(TITLE, LEAD, SECOND, "Quang cảnh buổi tiếp", last) == last
