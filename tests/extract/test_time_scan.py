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
