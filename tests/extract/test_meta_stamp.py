"""The publication stamp under the standfirst: not a dated line of
a programme the lead announces, nor a line that holds more than the date and time."""

import pytest

from diplonews.extract import extract

TITLE = "Thủ tướng Nhật Bản thăm Việt Nam"
SECOND = "Thủ tướng Nhật Bản sẽ hội đàm với Thủ tướng Phạm Minh Chính tại Hà Nội."


def published(*lines: str) -> str | None:
    return extract("\n".join(lines), "t").published


@pytest.mark.parametrize(
    "line", ["Thứ Hai, 10/3/2025", "08:30 ngày 10/3/2025", "14h30 ngày 10/3/2025"]
)
def test_a_dated_line_of_an_announced_schedule_is_no_stamp(line: str) -> None:
    lead = "Bộ Ngoại giao thông báo lịch trình chuyến thăm Việt Nam của Thủ tướng Nhật Bản."
    assert published(TITLE, lead, line, SECOND) is None


def test_a_dated_line_that_goes_on_is_no_stamp() -> None:
    lead = "Thủ tướng Nhật Bản sẽ thăm Việt Nam theo lời mời của Thủ tướng Phạm Minh Chính."
    line = "14h30 ngày 5/3/2025, tại Trụ sở Chính phủ"
    assert published(TITLE, lead, line, SECOND) is None


def test_a_stamp_alone_under_the_standfirst_still_dates_the_page() -> None:
    lead = "Thủ tướng Nhật Bản sẽ thăm Việt Nam theo lời mời của Thủ tướng Phạm Minh Chính."
    assert published(TITLE, lead, "Thứ Hai, 10/3/2025 - 08:30 (GMT+7)", SECOND) == "2025-03-10"


@pytest.mark.parametrize(
    "stamp",
    ["Thứ Sáu, 14/3/2025 - 06:30 (GMT+7) | VTV.vn", "14/03/2025 06:30 - Theo TTXVN"],
)
def test_a_stamp_with_its_sources_name_still_dates_the_page(stamp: str) -> None:
    lead = "Hai nước đã thúc đẩy chương trình hợp tác trong lĩnh vực lao động."
    assert published(TITLE, lead, stamp, SECOND) == "2025-03-14"
