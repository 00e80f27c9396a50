"""The last step of extraction: every value bound for storage is within its range.

Extraction reads numbers off arbitrary text, so an article can state an edition of
"lần thứ 99999999999999999999" or a figure of "1.000.000.000.000.000.000 tỷ USD". Such a
value is not a fact about diplomacy, and the stores cannot hold it (SQLite binds a
Python int as a 64-bit INTEGER, PostgreSQL's `events.edition` is a 32-bit INTEGER).
`run` drops every value outside the bounds below from the finished record, with a note
in `Doc.warnings`, so what reaches a store always fits it. The bounds are checked here
once, after all the stages, rather than in each stage that reads a number.
"""

from __future__ import annotations

import math
import re

from diplonews.extract.doc import Doc
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.record import Event, Figure

# An edition fits a SMALLINT: the longest-running series count in the hundreds (the UN
# General Assembly's 80th session), the UN Security Council's meetings near 10,000.
MIN_EDITION = 1
MAX_EDITION = 32_767
# A figure's value: a quadrillion is a thousand times the world's yearly output in US
# dollars, and below 2**53, so it is exact in the REAL / DOUBLE PRECISION column of
# `figures.value` and fits the 64-bit integer SQLite binds a whole number as.
MAX_FIGURE = 10**15
# Years are the four digits of ISO 8601 dates; `events.year` and `figures.year` are INTEGER.
MIN_YEAR = 1
MAX_YEAR = 9999
# People's names are indexed (`people.strict_key`): PostgreSQL's B-tree refuses keys over
# 2,704 bytes. A name is a few words; a longer one is debris the name reader took for one.
MAX_NAME = 200  # characters
ISO_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def valid_edition(value: object) -> bool:
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (MIN_EDITION <= value <= MAX_EDITION)
    )


def valid_year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR


def valid_figure(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return abs(value) <= MAX_FIGURE  # an int of 300 digits is compared, not made a float


def valid_date(value: object) -> bool:
    return isinstance(value, str) and ISO_DATE.fullmatch(value) is not None


def run(doc: Doc, lex: Lexicons | None = None) -> None:
    """Drop the record's out-of-range values, each with a note in `doc.warnings`."""
    record = doc.record
    if record.published is not None and not valid_date(record.published):
        doc.warnings.append(f"publication date {_shown(record.published)} dropped: not an ISO date")
        record.published = None
    for number, event in enumerate(record.events, 1):
        _check_event(doc, number, event)
    kept: list[Figure] = []
    for figure in record.figures:
        if not valid_figure(figure.value):
            doc.warnings.append(
                f"figure {_shown(figure.value)} {figure.unit} dropped: beyond ±{MAX_FIGURE:.0e}"
            )
            continue
        if figure.year is not None and not valid_year(figure.year):
            doc.warnings.append(f"year {_shown(figure.year)} of a figure dropped: out of range")
            figure.year = None
        kept.append(figure)
    record.figures = kept
    people = [p for p in record.people if len(p.name) <= MAX_NAME]
    if len(people) < len(record.people):
        doc.warnings.append(
            f"{len(record.people) - len(people)} names longer than {MAX_NAME} characters dropped"
        )
        record.people = people


def _check_event(doc: Doc, number: int, event: Event) -> None:
    if event.edition is not None and not valid_edition(event.edition):
        doc.warnings.append(
            f"event {number}: edition {_shown(event.edition)} dropped: "
            f"not between {MIN_EDITION} and {MAX_EDITION:,}"
        )
        event.edition = None
    if event.date is not None and not valid_date(event.date):
        doc.warnings.append(f"event {number}: date {_shown(event.date)} dropped: not an ISO date")
        event.date = None
    participants = [p for p in event.participants if len(p.name) <= MAX_NAME]
    if len(participants) < len(event.participants):
        doc.warnings.append(
            f"event {number}: participant names longer than {MAX_NAME} characters dropped"
        )
        event.participants = participants


def _shown(value: object) -> str:
    """A value for a message, shortened: an impossible number may have a hundred digits."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}…({len(text)} characters)"
