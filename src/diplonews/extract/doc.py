"""The working `Doc` that the extraction stages pass along: the raw text, the cleaned
body and the pieces each stage adds. Offsets are character offsets into `Doc.body`, so
evidence can be highlighted later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from diplonews.extract.lexicons import Title
from diplonews.extract.record import Article, Milestone


class Line(NamedTuple):
    """One line of the raw text: where its text starts, the text stripped, its kind."""

    start: int
    text: str
    kind: str


@dataclass(frozen=True)
class CleanText:
    """The cleaned article: headline, body paragraphs, last complete sentence, line map."""

    title: str | None
    body: str
    body_end: str | None
    lines: tuple[Line, ...] = ()
    marker_date: str | None = None  # from a leading crawler marker " date 2021-07 "
    # Sentence spans into `body` (derived from it, so left out of comparisons).
    sentences: list[tuple[int, int]] = field(default_factory=list, compare=False)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One temporal expression of the body; `value` is ISO at `precision`, or None."""

    start: int
    end: int
    value: str | None
    end_value: str | None
    precision: str  # "day", "month" or "year"
    relation: str | None  # "future", "past", "horizon" (a goal's year) or None
    year_stated: bool
    text: str
    # A week ("tuần trước"): it dates an event to its month but is no evidence of the event
    loose: bool = False


@dataclass
class Mention:
    """One mention of an official over the body: a name, titles, or both."""

    start: int  # the whole mention, title included
    end: int
    name: str | None  # None for a title alone
    titles: list[Title] = field(default_factory=list)
    country: str | None = None
    person: int = -1  # index into the doc's people
    anaphoric: bool = False  # a title alone or a short form pointing back
    before_name: int = 0  # how many of `titles` stand before the name (the rest after it)
    # "ông Powell", "Bush nói": a leader named by one word with neither title nor a full
    # name the text gives; in `people`, but too loose a mention to act in events
    people_only: bool = False


@dataclass
class Doc:
    """One article on its way through the pipeline."""

    doc_id: str
    raw: str  # NFC text as read, page furniture included
    published_hint: str | None = None  # from HTML metadata or a JSONL field
    url: str | None = None
    layout: CleanText | None = None  # the raw text's line map, by the clean stage
    body: str = ""  # article body proper, paragraphs joined by "\n"
    sentences: list[tuple[int, int]] = field(default_factory=list)  # spans into body
    asides: list[str] = field(default_factory=list)  # captions and inline links set aside
    # `anchor_year` and `times` (properties below), by the dates stage, possibly deferred
    _anchor_year: int | None = field(default=None, repr=False)
    _times: list[TimeMention] = field(default_factory=list, repr=False)
    _dating: Callable[[], tuple[int | None, list[TimeMention]]] | None = field(
        default=None, repr=False
    )
    mentions: list[Mention] = field(default_factory=list)  # by the people stage
    matches: dict[str, Any] = field(default_factory=dict)  # lexicon matches over body, once
    milestones: list[Milestone] = field(default_factory=list)  # steps of relationships stated
    warnings: list[str] = field(default_factory=list)  # what was left out of the record, and why
    record: Article = field(init=False)

    def __post_init__(self) -> None:
        self.record = Article(doc_id=self.doc_id)

    @property
    def anchor_year(self) -> int | None:
        """The year the article is written in, when known."""
        self._settle_dating()
        return self._anchor_year

    @anchor_year.setter
    def anchor_year(self, value: int | None) -> None:
        self._settle_dating()
        self._anchor_year = value

    @property
    def times(self) -> list[TimeMention]:
        """Every date the body mentions, resolved."""
        self._settle_dating()
        return self._times

    @times.setter
    def times(self, value: list[TimeMention]) -> None:
        self._settle_dating()
        self._times = value

    def defer_dating(self, dating: Callable[[], tuple[int | None, list[TimeMention]]]) -> None:
        """Set `anchor_year` and `times` to what `dating` returns, worked out when either
        is first read. Only the events stage (when it reads sentences) and milestones read
        them, in a third of the articles of a news corpus: the others skip the dates
        stage's scans, a tenth of an article's extraction."""
        self._dating = None  # a dating deferred before is replaced, not worked out
        # through the setters, so the stage contract (tests/extract/test_stages.py) sees
        # the dates stage write both fields
        self.anchor_year, self.times = None, []
        self._dating = dating

    def _settle_dating(self) -> None:
        if self._dating is not None:
            dating, self._dating = self._dating, None
            self._anchor_year, self._times = dating()

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.body[start:end]
