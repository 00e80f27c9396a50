"""Dates and periods users ask for, and what "ahead" means (kb/periods.py)."""

from __future__ import annotations

import pytest

from diplonews.errors import InvalidInput
from diplonews.kb.periods import check_date, check_period, is_ahead


@pytest.mark.parametrize("value", ["2021", "2021-06", "2021-06-07", "2024-02-29", 2021])
def test_periods_real_dates_pass_as_given(value: str | int) -> None:
    assert check_date(value, "--from") == str(value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2021-13-45", "no month 13"),
        ("2021-13", "no month 13"),
        ("2021-00", "no month 0"),
        ("2021-02-29", "day 29 is not in that month (1–28)"),
        ("2021-04-31", "day 31"),
        ("2021-06-00", "day 0"),
        ("21", "a year or an ISO date"),
        ("2021/06", "a year or an ISO date"),
        ("yesterday", "a year or an ISO date"),
    ],
)
def test_periods_impossible_dates_name_the_option_and_the_reason(value: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_date(value, "--from")
    message = str(raised.value)
    assert message.startswith("--from") and reason in message and "\n" not in message
    assert raised.value.status == 422 and raised.value.key.startswith("bad_")


def test_periods_nothing_given_is_no_bound() -> None:
    assert check_date(None, "--to") is None and check_date("", "--to") is None


def test_periods_an_inverted_period_is_an_error() -> None:
    with pytest.raises(InvalidInput, match="--from 2024 is after --to 2020"):
        check_period("2024", "2020")
    with pytest.raises(InvalidInput) as raised:
        check_period("2021-06-08", "2021-06-07", ("from", "to"))
    assert raised.value.key == "empty_period" and str(raised.value).startswith("from ")


@pytest.mark.parametrize(
    ("start", "end"),
    [("2024-05", "2024"), ("2024", "2024-05"), ("2020", "2024"), ("2021-06-07", "2021-06-07")],
)
def test_periods_bounds_compare_at_the_coarser_precision(start: str, end: str) -> None:
    assert check_period(start, end) == (start, end)


def test_periods_one_bound_is_enough() -> None:
    assert check_period("2020", None) == ("2020", None)
    assert check_period(None, "2020") == (None, "2020")


@pytest.mark.parametrize(
    ("when", "ahead"),
    [
        ("2026-12-06", True),  # today
        ("2026-12-07", True),
        ("2026-12-05", False),
        ("2026-12", True),  # this month
        ("2026-11", False),
        ("2026", True),  # this year
        ("2025", False),
        ("2027-01", True),
        (None, False),  # no date: not upcoming, listed apart
        ("", False),
        ("12-25", False),  # no year
    ],
)
def test_periods_ahead_means_today_or_later(when: str | None, ahead: bool) -> None:
    assert is_ahead(when, "2026-12-06") is ahead
