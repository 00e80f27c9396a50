"""Dates and periods a user asks for (`--from 2021-06 --to 2024`, `?from=2021`), checked
before any query: a date that does not exist ("2021-13-45") or a period that ends
before it starts ("--from 2024 --to 2020") is an error, not an empty result.

Also what "ahead" means: a planned event is upcoming when its date, at its own
precision, is today or later; a planned event whose date lacks the year (or any date)
cannot be placed in time and is listed apart, as announced on its publication date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from diplonews.errors import InvalidInput

DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date(value: str | int | None, what: str) -> str | None:
    """The date as given (a year, a month or a day in ISO 8601), or None when none is
    given; raises `InvalidInput` naming `what` when it is not a real date."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    found = DATE.fullmatch(text)
    if found is None:
        raise InvalidInput(
            f"{what} must be a year or an ISO date (2021, 2021-06, 2021-06-07), not {text!r}",
            "bad_date",
            what=what,
            value=text,
        )
    year, month, day = (int(g) if g else None for g in found.groups())
    if month is not None and not 1 <= month <= 12:
        raise InvalidInput(
            f"{what} {text!r}: there is no month {month}", "bad_month", what=what, value=text
        )
    if day is not None and month is not None:
        last = calendar.monthrange(year or 1, month)[1]
        if not 1 <= day <= last:
            raise InvalidInput(
                f"{what} {text!r}: day {day} is not in that month (1–{last})",
                "bad_day",
                what=what,
                value=text,
            )
    return text


def check_period(
    start: str | int | None, end: str | int | None, names: tuple[str, str] = ("--from", "--to")
) -> tuple[str | None, str | None]:
    """Both ends checked (`check_date`), and the start not after the end, compared at the
    coarser precision of the two ("--from 2024-05 --to 2024" is May to December 2024)."""
    first, last = check_date(start, names[0]), check_date(end, names[1])
    if first and last:
        n = min(len(first), len(last))
        if first[:n] > last[:n]:
            raise InvalidInput(
                f"{names[0]} {first} is after {names[1]} {last}: the period is empty",
                "empty_period",
                start=first,
                end=last,
            )
    return first, last


def is_ahead(when: str | None, today: str | None = None) -> bool:
    """Whether a date (at any precision) is today or later: "2026" counts in all of 2026,
    "2026-12" in all of December. No date is not ahead."""
    if not when or not DATE.fullmatch(when):
        return False
    today = today or date.today().isoformat()
    return when >= today[: len(when)]
