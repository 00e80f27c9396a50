"""Grammar probes: short texts in the style of Vietnamese news, with the events the schema
expects (issue 12).

Each row of data/probes.tsv is one construction of diplomatic news writing (a predicate,
a subject, a status, a way of giving the date, a way of naming the counterpart), written
from ../shared/gold/SCHEMA.md and its conventions, independent of the gold articles.
A row passes when the extractor finds exactly the expected events, each with the same kind,
status, date, parties, participants (name and role) and location. A row with a reason in
its `xfail` column is a known limit: it is reported, and fails the suite once it passes,
so the reason is removed when the limit goes.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from diplonews.extract import extract
from diplonews.extract.record import Event
from diplonews.text import fold

PROBES = Path(__file__).parent / "data" / "probes.tsv"
GROUPS = {"pred", "subj", "status", "date", "cp", "world", "neg"}


@dataclass(frozen=True)
class Probe:
    id: str
    group: str
    published: str | None
    text: str
    events: tuple[str, ...]
    xfail: str


def _load() -> list[Probe]:
    with PROBES.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    probes = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        events = tuple(e.strip() for e in row["events"].split(";;") if e.strip())
        probes.append(
            Probe(
                row["id"],
                row["group"],
                row["published"] or None,
                row["text"],
                events,
                row["xfail"],
            )
        )
    return probes


def _name(name: str) -> str:
    """Names compare as the scorer does: case-, hyphen- and diacritic-insensitive."""
    return " ".join(fold(name).replace("-", " ").split())


def _expected(spec: str) -> str:
    kind, status, date, parties, people, location = spec.split("|")
    names = [] if people == "-" else [p.split("=") for p in people.split(",")]
    return _canonical(
        kind,
        status,
        None if date == "-" else date,
        [] if parties == "-" else parties.split(","),
        [(name, role) for name, role in names],
        None if location == "-" else location,
    )


def _found(event: Event) -> str:
    return _canonical(
        event.kind,
        event.status,
        event.date,
        list(event.parties),
        [(p.name, p.role) for p in event.participants],
        event.location,
    )


def _canonical(
    kind: str,
    status: str,
    date: str | None,
    parties: list[str],
    people: list[tuple[str, str]],
    location: str | None,
) -> str:
    sides = ",".join(sorted(f"{_name(name)}={role}" for name, role in people)) or "-"
    return "|".join(
        [kind, status, date or "-", ",".join(sorted(parties)) or "-", sides, location or "-"]
    )


PROBE_ROWS = _load()


def _param(probe: Probe) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=probe.xfail)] if probe.xfail else []
    return pytest.param(probe, id=probe.id, marks=marks)


def test_probes_file_is_well_formed() -> None:
    ids = [p.id for p in PROBE_ROWS]
    assert len(ids) == len(set(ids))
    assert len(PROBE_ROWS) >= 150
    for probe in PROBE_ROWS:
        assert probe.group in GROUPS, probe.id
        assert probe.published is None or re.fullmatch(r"\d{4}(-\d\d){0,2}", probe.published)
        for spec in probe.events:
            assert len(spec.split("|")) == 6, (probe.id, spec)


@pytest.mark.parametrize("probe", [_param(p) for p in PROBE_ROWS])
def test_probe(probe: Probe) -> None:
    record = extract(probe.text, probe.id, published=probe.published)
    found = sorted(_found(e) for e in record.events)
    expected = sorted(_expected(spec) for spec in probe.events)
    assert found == expected
