"""The article record of ../shared/gold/SCHEMA.md in code, plus the working `Doc`.

`Article` and its parts serialise to exactly the schema's JSON shape. `Doc` is what
the pipeline stages pass along: the raw text, the cleaned body and the pieces each
stage adds. Offsets are character offsets into `Doc.body`, so evidence can be
highlighted later.
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
class Doc:
    """One article on its way through the pipeline."""

    doc_id: str
    raw: str  # NFC text as read, page furniture included
    published_hint: str | None = None  # from HTML metadata or a JSONL field
    url: str | None = None
    body: str = ""  # article body proper, paragraphs joined by "\n"
    sentences: list[tuple[int, int]] = field(default_factory=list)  # spans into body
    asides: list[str] = field(default_factory=list)  # captions and inline links set aside
    anchor_year: int | None = None  # year the article is written in, when known
    times: list[Any] = field(default_factory=list)  # dates.TimeMention over body
    mentions: list[Any] = field(default_factory=list)  # people.Mention over body
    matches: dict[str, Any] = field(default_factory=dict)  # lexicon matches over body, once
    record: Article = field(init=False)

    def __post_init__(self) -> None:
        self.record = Article(doc_id=self.doc_id)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.body[start:end]


# --- The knowledge base: what the store holds once articles are resolved together ---
#
# An article's record above says what one text reports. The store keeps every record
# (as "mentions") and resolves them into one record of diplomacy: one `StoredEvent` per
# occurrence however many articles report it, one `StoredPerson` per official however
# their name or title varies, each with the sources and evidence sentences behind it.


@dataclass
class Source:
    """One article that reports an event: where the evidence comes from."""

    article_id: int
    doc_id: str
    published: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "doc_id": self.doc_id,
            "published": self.published,
            "evidence": self.evidence,
        }


@dataclass
class StoredParticipant:
    name: str
    country: str | None = None
    title: str | None = None
    role: str = "participant"
    person_id: int | None = None  # the resolved person, when the name resolved to one

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "country": self.country,
            "title": self.title,
            "role": self.role,
        }


@dataclass
class StoredEvent:
    """One event, reconciled from every article that reports it."""

    id: int
    kind: str
    status: str = "held"
    name: str | None = None
    series: str | None = None
    edition: int | None = None
    date: str | None = None  # ISO 8601 at the best precision any source gives
    format: str | None = None
    location: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[StoredParticipant] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "name": self.name,
            "series": self.series,
            "edition": self.edition,
            "date": self.date,
            "format": self.format,
            "location": self.location,
            "parties": list(self.parties),
            "participants": [p.to_dict() for p in self.participants],
            "outcomes": list(self.outcomes),
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass
class EventSummary:
    """What a list of events shows of each one: enough to tell it apart and link to it."""

    id: int
    kind: str
    status: str
    name: str | None
    series: str | None
    date: str | None
    parties: list[str] = field(default_factory=list)


@dataclass
class TitleHeld:
    """A title as the articles report it, with the dates of the first and last report."""

    title: str
    first_seen: str | None = None  # ISO date of the earliest article giving it
    last_seen: str | None = None
    reports: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "reports": self.reports,
        }


@dataclass
class StoredPerson:
    """One official, however the articles spell the name or give the title."""

    id: int
    name: str  # the most reported spelling
    country: str | None = None
    aliases: list[str] = field(default_factory=list)  # every other spelling seen
    titles: list[TitleHeld] = field(default_factory=list)  # by first report
    event_ids: list[int] = field(default_factory=list)  # events attended, by date

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "aliases": list(self.aliases),
            "titles": [t.to_dict() for t in self.titles],
            "event_ids": list(self.event_ids),
        }


@dataclass
class StoredArticle:
    """One article, stored once however many copies (syndicated, re-ingested) were read."""

    id: int
    doc_id: str
    title: str | None = None
    published: str | None = None
    credits: list[str] = field(default_factory=list)
    url: str | None = None
    body: str = ""
    copies: list[str] = field(default_factory=list)  # every source path or URL read
    extractor: str = ""  # diplonews version that extracted it

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "credits": list(self.credits),
            "url": self.url,
            "copies": list(self.copies),
            "extractor": self.extractor,
        }


@dataclass
class StoredFigure(Figure):
    """A figure with the article that states it."""

    article_id: int = 0
    doc_id: str = ""
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **super().to_dict(),
            "article_id": self.article_id,
            "doc_id": self.doc_id,
            "published": self.published,
        }


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
