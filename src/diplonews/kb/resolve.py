"""Cross-document resolution: when two articles speak of the same person or event.

Pure decisions, no storage: the store asks these functions about the candidates it
found through its indexes and writes down the answer.

People. Vietnamese names are compared exactly (with diacritics): "Nguyễn Văn An" and
"Nguyễn Văn Anh" are two people. Romanised names (Korean, Chinese, Western…) vary in
spelling from one outlet to the next ("Kim Gunn" / "Kim Gun", "Yoon Suk-yeol" /
"Yoon Suk Yeol" / "Yun Suk-yeol"): they are compared on a loose key (folded, letters
only, doubled letters collapsed) and, within the same country and surname, allowing
a letter or two more in one spelling (rapidfuzz's longest common subsequence).

Events. Two reports are the same event when nothing they say disagrees (kind, series,
edition, a date at the same precision) and enough agrees: the same series and edition,
or compatible dates plus the same parties or a shared participant.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import LCSseq

from diplonews.text import fold

MAX_EXTRA_LETTERS = 2  # letters one romanisation may add to another ("yong" / "young")
_NOT_LETTER = re.compile(r"[^a-z]+")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]+")
_VIETNAMESE_MARKS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323]|[ạ-ỹẠ-Ỹ]")
# Names recur (a head of state in a thousand articles): each key and each comparison is
# computed once per name, not once per report (an ingest batch resolves hundreds).
_NAMES_KEPT = 1 << 14


# --- people --------------------------------------------------------------------------


@lru_cache(maxsize=_NAMES_KEPT)
def strict_key(name: str) -> str:
    """Lower case, diacritics kept, spaces and hyphens dropped: "Yeo Seung-bae" → "yeoseungbae"."""
    return re.sub(r"[\s\-‐‑–.'’]+", "", name.lower())


@lru_cache(maxsize=_NAMES_KEPT)
def loose_key(name: str) -> str:
    """Folded letters only, doubled letters collapsed: "Kim Gunn" → "kimgun"."""
    return _DOUBLED.sub(r"\1", _NOT_LETTER.sub("", fold(name)))


@lru_cache(maxsize=_NAMES_KEPT)
def skeleton_key(name: str) -> str:
    """The loose key's first letter and consonants: spellings that differ by vowels
    only ("Eui-yong" / "Eui-young") share it, so the store finds them by index."""
    loose = loose_key(name)
    return loose[:1] + _VOWELS.sub("", loose[1:])


@lru_cache(maxsize=_NAMES_KEPT)
def first_key(name: str) -> str:
    """The folded first word: the surname of East Asian and Vietnamese names, the block
    within which spelling variants are looked for."""
    words = fold(name).split()
    return _NOT_LETTER.sub("", words[0]) if words else ""


def is_vietnamese(name: str, country: str | None) -> bool:
    return country == "VNM" or bool(_VIETNAMESE_MARKS.search(name))


def countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@lru_cache(maxsize=_NAMES_KEPT)
def same_person(name_a: str, country_a: str | None, name_b: str, country_b: str | None) -> bool:
    """Whether two reported names are one official."""
    if not countries_agree(country_a, country_b):
        return False
    if strict_key(name_a) == strict_key(name_b):
        return True
    if is_vietnamese(name_a, country_a) or is_vietnamese(name_b, country_b):
        return False
    key_a, key_b = loose_key(name_a), loose_key(name_b)
    if key_a == key_b:
        return True
    if country_a is None or country_b is None or first_key(name_a) != first_key(name_b):
        return False
    shorter = min(len(key_a), len(key_b))
    if abs(len(key_a) - len(key_b)) > MAX_EXTRA_LETTERS or shorter < 6:
        return False
    # One spelling is the other with letters added, never changed: "Eui-yong" and
    # "Eui-young" are one name, "Eui-yong" and "Eui-yang" are two.
    return bool(LCSseq.similarity(key_a, key_b) == shorter)


# --- events --------------------------------------------------------------------------


@dataclass
class EventView:
    """What resolution needs to know of a stored event (or of a new report of one)."""

    kind: str
    date: str | None = None
    series: str | None = None
    edition: int | None = None
    parties: frozenset[str] = frozenset()
    people: frozenset[int] = frozenset()  # resolved participants
    articles: frozenset[int] = frozenset()  # articles that report it


def dates_agree(a: str | None, b: str | None) -> bool:
    """One date is the other at a coarser precision ("2021-06" and "2021-06-07")."""
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def match_score(stored: EventView, report: EventView) -> int:
    """0 when `report` is not `stored`; else how strongly it is (higher is surer)."""
    if stored.kind != report.kind or stored.articles & report.articles:
        return 0  # one article never reports one event twice: extraction merged those
    if stored.series and report.series and stored.series != report.series:
        return 0
    if stored.edition and report.edition and stored.edition != report.edition:
        return 0
    if not dates_agree(stored.date, report.date):
        return 0
    shared_people = len(stored.people & report.people)
    same_parties = bool(stored.parties) and stored.parties == report.parties
    if report.parties and stored.parties and not stored.parties & report.parties:
        return 0
    same_series = stored.series is not None and stored.series == report.series
    if (
        same_series
        and stored.edition == report.edition
        and (stored.edition is not None or _same_day_or_month(stored.date, report.date))
    ):
        return 10 + shared_people
    if stored.date is None or report.date is None:
        return 0
    precise = min(len(stored.date), len(report.date))
    if precise >= 10:  # both give the day
        # Two meetings of the same parties on one day (leaders' talks and ministers'
        # talks during a visit) are told apart by their officials when both name some.
        strangers = bool(stored.people) and bool(report.people) and not shared_people
        if shared_people or (same_parties and not strangers):
            return 5 + shared_people + (stored.series is not None)
        if same_parties and same_series:
            return 5
        return 0
    if precise >= 7:  # a month: a planned meeting and its report, or a vaguer outlet
        if shared_people:
            return 4 + shared_people
        if same_parties and stored.series and stored.series == report.series:
            return 4
        return 0
    if shared_people >= 2 and same_parties:  # a year only
        return 3
    return 0


def _same_day_or_month(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and min(len(a), len(b)) >= 7


def best_match(candidates: Iterable[tuple[int, EventView]], report: EventView) -> int | None:
    """The id of the candidate `report` belongs to, if any."""
    best_id, best = None, 0
    for event_id, view in candidates:
        score = match_score(view, report)
        if score > best:
            best_id, best = event_id, score
    return best_id


@dataclass
class Reconciled:
    """An event's fields reconciled from all its reports."""

    kind: str
    status: str
    name: str | None
    series: str | None
    edition: int | None
    date: str | None
    format: str | None
    location: str | None
    parties: list[str] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)


def _commonest(values: Iterable[Any]) -> Any:
    """The most frequent non-empty value; ties go to the first reported."""
    counts = Counter(v for v in values if v not in (None, ""))
    return counts.most_common(1)[0][0] if counts else None


def best_date(dates: Sequence[str | None]) -> str | None:
    """The most precise date; among equally precise ones, the most reported, then the first."""
    known = [d for d in dates if d]
    if not known:
        return None
    precision = max(len(d) for d in known)
    return str(_commonest(d for d in known if len(d) == precision))


def reconcile(reports: Sequence[dict[str, Any]]) -> Reconciled:
    """Reports (event dicts of the schema, first reported first, participants carrying
    `person_id`) → one event: the more precise date wins, parties and participants are
    united, a held report outranks a planned one."""
    participants: dict[Any, dict[str, Any]] = {}
    titles: dict[Any, Counter[str]] = {}
    for report in reports:
        for person in report.get("participants") or []:
            key = person.get("person_id") or strict_key(person["name"])
            known = participants.setdefault(key, dict(person))
            if person.get("role") == "chair":
                known["role"] = "chair"
            known["country"] = known.get("country") or person.get("country")
            if person.get("title"):
                titles.setdefault(key, Counter())[person["title"]] += 1
    for key, counter in titles.items():
        participants[key]["title"] = counter.most_common(1)[0][0]
    outcomes: dict[str, str] = {}
    for report in reports:
        for outcome in report.get("outcomes") or []:
            outcomes.setdefault(fold(outcome), outcome)
    names = Counter(str(r["name"]) for r in reports if r.get("name"))
    name = max(names, key=lambda n: (names[n], len(n))) if names else None
    return Reconciled(
        kind=reports[0]["kind"],
        status="held" if any(r.get("status") == "held" for r in reports) else "planned",
        name=name,
        series=_commonest(r.get("series") for r in reports),
        edition=_commonest(r.get("edition") for r in reports),
        date=best_date([r.get("date") for r in reports]),
        format=_commonest(r.get("format") for r in reports),
        location=_commonest(r.get("location") for r in reports),
        parties=sorted({p for r in reports for p in r.get("parties") or []}),
        participants=list(participants.values()),
        outcomes=list(outcomes.values()),
    )
