"""The article record of ../shared/gold/SCHEMA.md in code (for users: docs/record.md).

`Article` and its parts serialise to exactly the schema's JSON shape (`to_dict`,
`from_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Participant:
    name: str
    country: str | None = None
    title: str | None = None
    role: str = "participant"  # "chair" or "participant"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "title": self.title, "role": self.role}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return cls(
            data["name"], data.get("country"), data.get("title"), data.get("role") or "participant"
        )


@dataclass
class Event:
    kind: str  # "meeting", "visit" or "call"
    status: str = "held"  # "held" or "planned"
    name: str | None = None
    series: str | None = None
    edition: int | None = None
    date: str | None = None
    format: str | None = None  # "online", "in_person" or None
    location: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    evidence: str | None = None
    evidence_span: tuple[int, int] | None = None  # offsets into Doc.body; not serialised

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
            "name": self.name,
            "series": self.series,
            "edition": self.edition,
            "date": self.date,
            "format": self.format,
            "location": self.location,
            "parties": sorted(set(self.parties)),
            "participants": [p.to_dict() for p in self.participants],
            "outcomes": list(self.outcomes),
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            kind=data["kind"],
            status=data.get("status") or "held",
            name=data.get("name"),
            series=data.get("series"),
            edition=data.get("edition"),
            date=data.get("date"),
            format=data.get("format"),
            location=data.get("location"),
            parties=list(data.get("parties") or []),
            participants=[Participant.from_dict(p) for p in data.get("participants") or []],
            outcomes=list(data.get("outcomes") or []),
            evidence=data.get("evidence"),
        )


@dataclass
class Person:
    name: str
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    lead_title: str | None = None  # the office the article first gives; not serialised

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "titles": list(self.titles)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(data["name"], data.get("country"), list(data.get("titles") or []))


@dataclass
class Figure:
    what: str
    value: float
    unit: str
    year: int | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "what": self.what,
            "value": value,
            "unit": self.unit,
            "year": self.year,
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        return cls(
            data.get("what") or "",
            data["value"],
            data["unit"],
            data.get("year"),
            data.get("evidence"),
        )


@dataclass
class Article:
    doc_id: str
    title: str | None = None
    published: str | None = None
    credits: list[str] = field(default_factory=list)
    body_end: str | None = None
    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "credits": list(self.credits),
            "body_end": self.body_end,
            "events": [e.to_dict() for e in self.events],
            "people": [p.to_dict() for p in self.people],
            "figures": [f.to_dict() for f in self.figures],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            doc_id=data["doc_id"],
            title=data.get("title"),
            published=data.get("published"),
            credits=list(data.get("credits") or []),
            body_end=data.get("body_end"),
            events=[Event.from_dict(e) for e in data.get("events") or []],
            people=[Person.from_dict(p) for p in data.get("people") or []],
            figures=[Figure.from_dict(f) for f in data.get("figures") or []],
        )


@dataclass
class Milestone:
    """A step in a relationship that an article states: relations established, a
    partnership upgraded, a country-coordinator period."""

    kind: str  # "relations", "partnership" or "coordinator"
    parties: list[str]  # the relationship, sorted codes: ["ASEAN", "KOR"]
    label: str  # English: "Dialogue relations", "Comprehensive Strategic Partnership"
    start: str | None = None  # ISO year or date the step was taken / the period began
    end: str | None = None  # a period's last year, else None
    holder: str | None = None  # the coordinator country, for kind "coordinator"
    evidence: str | None = None
    article_id: int | None = None  # set by the store

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "parties": list(self.parties),
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "holder": self.holder,
            "evidence": self.evidence,
            "article_id": self.article_id,
        }
