"""The knowledge base in code: what the store holds once articles are resolved together."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diplonews.extract.record import Figure

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
    verified: bool = False  # an editor checked it (kb.corrections)
    corrected: list[str] = field(default_factory=list)  # fields an editor changed

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
            "verified": self.verified,
            "corrected": list(self.corrected),
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
    verified: bool = False  # an editor checked it (kb.corrections)
    corrected: list[str] = field(default_factory=list)  # fields an editor changed

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "aliases": list(self.aliases),
            "titles": [t.to_dict() for t in self.titles],
            "event_ids": list(self.event_ids),
            "verified": self.verified,
            "corrected": list(self.corrected),
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
    outlet: str | None = None  # who published it, named from the URL's host
    title_from_lead: bool = False  # `title` is the lead's first sentence (none was given)

    @property
    def public_copies(self) -> list[str]:
        """The copies a reader may see: web addresses, never the server's file paths."""
        return [c for c in self.copies if c.startswith(("http://", "https://"))]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "title": self.title,
            "title_from_lead": self.title_from_lead,
            "published": self.published,
            "credits": list(self.credits),
            "url": self.url,
            "outlet": self.outlet,
            "copies": self.public_copies,
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
