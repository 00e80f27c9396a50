"""Tests of diplonews.extract.time_scan: temporal expressions as written, no year supplied."""

from __future__ import annotations

from diplonews.extract.time_scan import scan


def kinds(text: str) -> list[tuple[str, int | None]]:
    return [(raw.kind, raw.year) for raw in scan(text)]


def test_time_scan_a_decade_is_no_year() -> None:
    assert kinds("Hai nước từng đàm phán về biên giới trong những năm 1970 và 80.") == []
    assert kinds("Ông sang Pháp học từ đầu những năm 1990.") == []


def test_time_scan_years_listed_or_told_alone_stay_years() -> None:
    assert kinds("Ba vòng đàm phán đã diễn ra vào các năm 2003 và 2004.")[0] == ("year", 2003)
    assert kinds("Năm 1980, hai nước ký hiệp định.") == [("year", 1980)]


def test_time_scan_a_month_range_shares_the_year_written_after_it() -> None:
    found = scan("Đoàn đã thăm Lào từ tháng 3 đến tháng 5/2005.")
    assert [(raw.month, raw.year) for raw in found] == [(3, 2005), (5, 2005)]


def test_time_scan_a_month_range_over_the_new_year_starts_the_year_before() -> None:
    found = scan("Các vòng tham vấn diễn ra từ tháng 11 đến tháng 2/2005.")
    assert [(raw.month, raw.year) for raw in found] == [(11, 2004), (2, 2005)]


def test_time_scan_a_month_of_last_year_is_one_date_shifted_from_now() -> None:
    [raw] = scan("Hai bên đã gặp nhau tại Vientiane hồi tháng 11 năm ngoái.")
    assert (raw.kind, raw.month, raw.year, raw.year_shift) == ("month", 11, None, -1)


def test_time_scan_a_month_of_next_year_is_no_duration() -> None:
    [raw] = scan("Thủ tướng sẽ thăm Nhật Bản vào tháng 2 năm tới.")
    assert (raw.month, raw.year_shift) == (2, 1)


def test_time_scan_a_range_of_days_written_out_before_its_month_starts_on_the_first() -> None:
    [raw] = scan("Thủ tướng thăm Ấn Độ từ ngày 13 đến ngày 16 tháng 9 theo lời mời.")
    assert (raw.day, raw.end_day, raw.month) == (13, 16, 9)
    [raw] = scan("Đoàn sẽ ở Lào từ ngày 2 tới ngày 5 tháng 3.")
    assert (raw.day, raw.end_day, raw.month) == (2, 5, 3)


def test_time_scan_hoi_before_this_year_is_past_in_any_case() -> None:
    for text in ("Hồi năm 2004 này", "hồi  năm 2004 này", "hồi năm 2004 này"):
        [year] = [t for t in scan(text) if t.kind == "year"]
        assert not year.deictic, text
