"""The working `Doc` that the extraction stages pass along: the raw text, the cleaned
body and the pieces each stage adds. Offsets are character offsets into `Doc.body`, so
evidence can be highlighted later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diplonews.extract.record import Article, Milestone


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
    milestones: list[Milestone] = field(default_factory=list)  # steps of relationships stated
    warnings: list[str] = field(default_factory=list)  # what was left out of the record, and why
    record: Article = field(init=False)

    def __post_init__(self) -> None:
        self.record = Article(doc_id=self.doc_id)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.body[start:end]
