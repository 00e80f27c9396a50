"""Relationship milestones an article states, for the knowledge base.

This module owns `find(doc, lexicons)`: from a finished `Doc`, the steps in a
relationship that the text reports as done — relations established ("thiết lập quan hệ
ngoại giao năm 1992", "kỷ niệm 30 năm quan hệ ngoại giao" → thirty years before the
celebration), a partnership level reached ("nâng cấp quan hệ lên Đối tác chiến lược toàn
diện"), a country-coordinator period ("nước điều phối quan hệ ASEAN-Hàn Quốc giai đoạn
2021-2024"). Level names and their English labels are data (`lexicons/milestones.tsv`);
the words around them (verbs, aims, anniversaries, periods) are the patterns below.

A milestone is only kept with a date and two parties: a level merely mentioned ("quan hệ
Đối tác chiến lược toàn diện Việt Nam-Nga") or aimed at ("hướng tới", "sẽ nâng cấp") is
not a step the article says was taken.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from diplonews.extract.doc import Doc
from diplonews.extract.events.cues import party_spans
from diplonews.extract.lexicons import Level, Lexicons, Matcher, lowered, relationship_levels
from diplonews.extract.record import Event, Milestone
from diplonews.extract.spans import Spans, covering, start_attribute, within

PARTY_KINDS = ("state", "bloc", "group")  # what can hold a relationship
WINDOW = 110  # characters after a level where its parties and date may stand


def _ci(pattern: str) -> re.Pattern[str]:
    """A pattern matched regardless of case: any word may open a sentence."""
    return re.compile(pattern, re.IGNORECASE)


# "thiết lập quan hệ (1989-2024)", "35 năm quan hệ": relations with no level named.
BARE = _ci(r"(?:(?:thiết|xác)\s+lập|(?<!\w)\d{1,3}\s+năm)\s+(?:mối\s+)?quan\s+hệ(?!\w)")
# What may follow a bare "quan hệ" for it to be the relationship itself ("… quan hệ giữa",
# "… quan hệ (1989-2024)."), not "quan hệ hợp tác" or "quan hệ kinh tế".
BARE_AFTER = _ci(r"\s*(?:[(,.;:!?]|$)|\s+(?:giữa|với|hai\s+nước|hai\s+bên|vào|từ|năm)(?!\w)")
# A level named generically or inside another name: "những đối tác chiến lược",
# "Hiệp định Đối tác toàn diện …", "3 đối tác chiến lược toàn diện".
NOT_A_STEP_BEFORE = _ci(r"(?:Hiệp\s+định|những|các|mạng\s+lưới|\d+)\s+$")
# Where a level's own stretch ends: a clause break or the next anniversary in a list.
WINDOW_END = re.compile(r"[,;:“”\"]|\s(?:và|cùng)\s+(?=\d)")
# Words that may stand between a level and its date: "quan hệ ngoại giao (năm) 1992",
# "… với Hàn Quốc vào ngày 22/12/1992" (party names are blanked out first).
GAP = _ci(
    r"(?:[\s()\-–]|(?:giữa|với|và|của|hai\s+nước|hai\s+bên|chính\s+thức|đã|được|đầu\s+tiên|"
    r"vào|từ|kể\s+từ|hồi|(?:thiết|xác)\s+lập|lập|nâng\s+cấp|nâng\s+lên)(?!\w))*"
)
# What introduces a level's own date: "(", "từ năm", "vào tháng", "được thiết lập năm".
INTRO = _ci(r"[(]|(?<!\w)(?:từ|vào|hồi|(?:thiết|xác)\s+lập|nâng\s+cấp|nâng\s+lên)(?!\w)")
# "… lên Đối tác chiến lược năm 2009 và Đối tác chiến lược toàn diện năm 2022": a level
# after "và" shares the verb of the level before it.
SHARED_VERB = re.compile(r"(?:,|\s(?:và|rồi))\s+(?:(?:sau\s+đó\s+)?(?:lên|thành)\s+)?$")
YEAR_RANGE = re.compile(r"\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\)")
PAREN_YEAR = re.compile(r"\(\s*(?:năm\s+)?(\d{4})\s*\)")
# "kỷ niệm 35 năm thiết lập", "55 năm Ngày thiết lập", "50 năm kể từ khi Úc trở thành"
# just before the level: the count of years being celebrated.
COUNT_BEFORE = _ci(
    r"(?<!\w)(?P<n>\d{1,3})\s+năm\s+(?:(?:kể\s+)?từ\s+(?:khi|ngày)\s+[^,;.\d]{0,40}?|ngày\s+)?"
    r"(?:chính\s+thức\s+)?(?:(?:thiết|xác)\s+lập|lập|trở\s+thành|nâng\s+cấp[^,;.\d]{0,30}?"
    r"\s(?:lên|thành))?\s*(?:mối\s+)?(?:quan\s+hệ\s*)?$"
)
CELEBRATE = _ci(r"(?<!\w)(?:kỷ\s+niệm|đánh\s+dấu|tròn|chào\s+mừng|mừng|nhân\s+dịp|dịp)(?!\w)")
# A verb that takes the step, just before the level: "thiết lập quan hệ", "nâng cấp quan
# hệ (hai nước) lên", "trở thành".
VERB_BEFORE = _ci(
    r"(?:(?:thiết|xác)\s+lập|(?<!thành\s)(?<!\w)lập|trở\s+thành|ký\s+kết|"
    r"nâng(?:\s+cấp|\s+tầm)?(?:[^,;.]{0,60}?\s(?:lên|thành))?(?:\s+thành)?)"
    r"(?:\s+(?:mối\s+)?quan\s+hệ|\s+khuôn\s+khổ|\s+mức|\s+tầm)*\s*$"
)
# Aims, plans, wishes, negation: the step is not (yet) taken.
AIM = _ci(
    r"(?<!\w)(?:sẽ|dự\s+kiến|sắp|hướng\s+tới|hướng\s+đến|tiến\s+tới|mong\s+muốn|mong|hy\s+vọng|"
    r"hi\s+vọng|kỳ\s+vọng|nhằm|mục\s+tiêu|kế\s+hoạch|xem\s+xét|có\s+thể|sớm|cần|nên|đề\s+xuất|"
    r"đề\s+nghị|muốn|chuẩn\s+bị|tin\s+tưởng|trông\s+đợi|khả\s+năng|nếu|dự\s+định|thảo\s+luận|"
    r"phấn\s+đấu|chưa|không)(?!\w)"
)
# Words that put an undated step in the past, in its clause: then the article's own date
# is not the step's ("kể từ khi thiết lập", "kỷ niệm ngày thiết lập", "đối tác đầu tiên").
HISTORY = _ci(
    r"(?<!\w)(?:kể\s+từ|từ\s+khi|sau\s+khi|trước\s+khi|từng|trước\s+đây|vốn|đầu\s+tiên|"
    r"(?:kỷ\s+niệm|ngày)\s+(?:\d+\s+năm\s+)?(?:ngày\s+)?(?:thiết|xác)\s+lập)(?!\w)"
)
HISTORY_AFTER = _ci(r"(?<!\w)(?:đầu\s+tiên|duy\s+nhất)(?!\w)")
PAIR_WORDS = _ci(r"(?<!\w)(?:hai\s+nước|hai\s+bên|song\s+phương|hai\s+(?:nhà\s+)?lãnh\s+đạo)(?!\w)")
# "giai đoạn 2021-2024", "nhiệm kỳ 2018-2021", "(2015-2018)", "từ tháng 8/2021 đến 2024".
PERIOD = _ci(
    r"(?:giai\s+đoạn|nhiệm\s+kỳ|từ(?:\s+năm|\s+tháng\s+\d{1,2}\s*[/-])?|\()\s*(\d{4})\s*"
    r"(?:[-–]|(?:đến|tới)(?:\s+năm|\s+tháng\s+\d{1,2}\s*[/-])?)\s*(\d{4})(?!\d)"
)
HOLDER_AFTER = re.compile(r"\s+(?:của|là)\s+")


def levels() -> Matcher:
    """The level names of milestones.tsv, compiled once (lexicons.relationship_levels)."""
    return relationship_levels()


@dataclass
class _Hit:
    start: int
    end: int
    level: Level
    party_at: int = -1  # a bare "quan hệ" stands only before a party name starting here


class _Reader:
    """One document's level mentions, read sentence by sentence."""

    def __init__(self, doc: Doc, lex: Lexicons, hits: list[_Hit]) -> None:
        self.doc, self.lex, self.body = doc, lex, doc.body
        self.parties = [
            sp
            for sp in party_spans(doc, lex)
            if (party := lex.party(sp[2])) is not None and party.kind in PARTY_KINDS
        ]
        self.parties = Spans(self.parties)  # looked up by range (spans.py)
        self.times = Spans(doc.times, key=start_attribute)
        named = {s for s, _, _ in self.parties}
        self.hits = [h for h in hits if h.party_at < 0 or h.party_at in named]
        published = doc.record.published or ""
        self.now = doc.anchor_year or (int(published[:4]) if published[:4].isdigit() else None)
        self.starts = [s for s, _ in doc.sentences]
        pairs = {
            tuple(sorted(set(e.parties))) for e in doc.record.events if len(set(e.parties)) == 2
        }
        self.pair = list(pairs.pop()) if len(pairs) == 1 else None  # the record's one pair

    def sentence(self, at: int) -> tuple[int, int]:
        """The sentence around `at`, or its line when the sentences leave it out."""
        index = bisect_right(self.starts, at) - 1
        if index >= 0 and self.doc.sentences[index][1] > at:
            return self.doc.sentences[index]
        end = self.body.find("\n", at)
        return self.body.rfind("\n", 0, at) + 1, end if end >= 0 else len(self.body)

    def read(self) -> list[Milestone]:
        found: list[Milestone] = []
        for index, hit in enumerate(self.hits):
            s0, s1 = self.sentence(hit.start)
            limit = min([s1] + [h.start for h in self.hits[index + 1 :] if h.start < s1])
            reader = self.coordinator if hit.level.kind == "coordinator" else self.step
            milestone = reader(hit, s0, s1, limit)
            if milestone is not None:
                milestone.evidence = self.body[s0:s1].strip()
                found.append(milestone)
        return found

    # -- parties
    def kind(self, code: str) -> str:
        return getattr(self.lex.party(code), "kind", "")

    def codes(self, start: int, end: int) -> list[tuple[int, str]]:
        return [(s, code) for s, _, code in within(self.parties, start, end)]

    def compatible(self, chosen: list[str], code: str) -> bool:
        """Two sides of one relationship: different, and neither a member of the other."""

        def within(bloc: str, member: str) -> bool:
            return self.kind(bloc) == "bloc" and member in getattr(
                self.lex.party(bloc), "members", ()
            )

        return code not in chosen and not any(within(o, code) or within(code, o) for o in chosen)

    def sides(self, candidates: list[str], sentence: str | None) -> list[str] | None:
        """The two sides, from the names in order of preference; the record's one pair of
        event parties fills in a side the sentence leaves implicit ("hai nước") — not for
        a coordinated relationship (`sentence` None), which is rarely the article's pair."""
        chosen: list[str] = []
        for code in candidates:
            if len(chosen) < 2 and self.compatible(chosen, code):
                chosen.append(code)
        implicit = sentence is not None and (chosen or PAIR_WORDS.search(sentence))
        if len(chosen) < 2 and implicit and self.pair and set(chosen) <= set(self.pair):
            chosen = list(self.pair)
        return sorted(chosen) if len(chosen) == 2 else None

    # -- dates
    def gap_ok(self, start: int, end: int) -> bool:
        """Only parties and linking words between a level and what follows it."""
        gap = list(self.body[start:end])
        for s, e, _ in self.parties:
            if start <= s and e <= end:
                gap[s - start : e - start] = " " * (e - s)
        return GAP.fullmatch("".join(gap)) is not None

    def direct_date(self, hit: _Hit, s0: int, stop: int) -> str | None:
        """The date written right after the level: "(1992)", "(1989-2024)", and, after a
        verb or "từ"/"vào", "năm 2010" or "ngày 22/12/1992" ("quan hệ ngoại giao năm 2023"
        alone is the year's relations, not their start)."""
        for finder in (YEAR_RANGE, PAREN_YEAR):
            m = finder.search(self.body, hit.end, stop)
            if m and self.gap_ok(hit.end, m.start()):
                return m.group(1)
        for t in within(self.times, hit.end, stop, start_attribute):
            if (
                hit.end <= t.start < stop
                and t.value
                and t.relation != "future"
                and self.gap_ok(hit.end, t.start)
                and (INTRO.search(self.body, hit.end, t.start) or self.verb_before(hit, s0))
            ):
                return str(t.value)
        return None

    def verb_before(self, hit: _Hit, s0: int) -> bool:
        """Whether a verb takes the step to this level, its own or one shared with the level
        before it in a list."""
        head = self.head_end(hit)
        if VERB_BEFORE.search(self.body, max(s0, head - 90), head):
            return True
        earlier = [h for h in self.hits if s0 <= h.start and h.end <= hit.start]
        return bool(earlier) and bool(
            SHARED_VERB.search(self.body, earlier[-1].end, hit.start)
            and VERB_BEFORE.search(self.body, max(s0, earlier[-1].start - 90), earlier[-1].start)
        )

    def anniversary(self, hit: _Hit, s0: int, s1: int, stop: int) -> str | None:
        """ "kỷ niệm 30 năm thiết lập quan hệ ngoại giao" → the celebration year less 30.
        The celebration year is the one year the sentence names, else the article's."""
        m = COUNT_BEFORE.search(self.body, max(s0, hit.start - 100), self.head_end(hit))
        if m is None or not CELEBRATE.search(self.body, s0, m.start()):
            return None
        count = int(m["n"])
        years = {
            int((t.end_value or t.value)[:4])
            for t in self.doc.times
            if s0 <= t.start < s1 and t.value and not hit.end <= t.start < stop
        }
        now = years.pop() if len(years) == 1 else self.now
        if now is None or not 0 < count < 200 or now - count < 1800:
            return None
        return str(now - count)

    @staticmethod
    def head_end(hit: _Hit) -> int:
        """Where the words before a level end: a bare "thiết lập quan hệ" holds its own."""
        return hit.start if hit.level.label else hit.end

    def taken_date(self, hit: _Hit, s0: int, s1: int, stop: int, parties: list[str]) -> str | None:
        """An undated step the sentence reports as taken now: the date that opens the
        sentence, else its held event's, else the article's year."""
        head = self.head_end(hit)
        if not self.verb_before(hit, s0):
            return None
        clause = max([s0] + [self.body.rfind(c, s0, hit.start) + 1 for c in ",;:"])
        if (
            AIM.search(self.body, s0, hit.start)
            or HISTORY.search(self.body, clause, head)
            or HISTORY_AFTER.search(self.body, hit.end, stop)
        ):
            return None
        lead = next((t for t in self.doc.times if s0 <= t.start <= s0 + 4 and t.value), None)
        if lead is not None and lead.end <= hit.start:  # "Năm 2009, hai nước nâng cấp …"
            return None if lead.relation == "future" else str(lead.value)
        events = self.events_in(s0, s1)
        if events and all(e.status != "held" for e in events):
            return None  # reported along with a meeting still to come
        if not events:  # "Hai nhà lãnh đạo nhất trí nâng cấp …" after the talks' sentence
            index = bisect_right(self.starts, s0) - 1
            since = self.doc.sentences[max(0, index - 2)][0] if index >= 0 else s0
            events = [e for e in self.events_in(since, s0) if sorted(set(e.parties)) == parties]
        dated = [e.date for e in events if e.status == "held" and e.date]
        if dated:
            return dated[-1]
        return str(self.now) if self.now is not None else None

    def events_in(self, start: int, end: int) -> list[Event]:
        """The record's events whose evidence overlaps a stretch of the body."""
        spans = [(e, e.evidence_span) for e in self.doc.record.events]
        return [e for e, span in spans if span and span[0] < end and start < span[1]]

    # -- the two readers
    def step(self, hit: _Hit, s0: int, s1: int, limit: int) -> Milestone | None:
        """Relations established or a partnership level reached."""
        body = self.body
        if hit.level.kind == "partnership" and NOT_A_STEP_BEFORE.search(
            body, max(s0, hit.start - 20), hit.start
        ):
            return None
        cut = WINDOW_END.search(body, hit.end, min(limit, hit.end + WINDOW))
        stop = cut.start() if cut else min(limit, hit.end + WINDOW)
        after = [code for _, code in self.codes(hit.end, stop)]
        before = [code for _, code in reversed(self.codes(s0, hit.start))]
        rest = [code for _, code in self.codes(stop, s1)]
        parties = self.sides(after + before + rest, body[s0:s1])
        if parties is None:
            return None
        start = self.direct_date(hit, s0, stop)
        if start is not None and self.now is not None and int(start[:4]) > self.now:
            return None  # a year still to come: an aim, whatever the verb says
        this_year = start is not None and (self.now is None or int(start[:4]) == self.now)
        if this_year and AIM.search(body, s0, hit.start):
            return None  # this year's aim
        start = start or self.anniversary(hit, s0, s1, stop)
        if start is None and hit.level.label:  # a bare "thiết lập quan hệ" needs its date
            start = self.taken_date(hit, s0, s1, stop, parties)
        if start is None:
            return None
        # A bloc's partners hold dialogue relations with it; states, diplomatic ones. Two
        # states in "dialogue relations" are the organisers, not the relationship.
        dialogue = any(self.kind(code) in ("bloc", "group") for code in parties)
        label = hit.level.label or ("Dialogue relations" if dialogue else "Diplomatic relations")
        if "dialogue" in label.lower() and not dialogue:
            return None
        return Milestone(hit.level.kind, parties, label, start, None, None, None)

    def coordinator(self, hit: _Hit, s0: int, s1: int, limit: int) -> Milestone | None:
        """A country coordinating a relationship for a stated period."""
        period = PERIOD.search(self.body, hit.end, min(s1, hit.end + 150))
        if period is None or not 0 < int(period[2]) - int(period[1]) <= 10:
            return None
        after = self.codes(hit.end, period.start())
        holder = None  # "vai trò điều phối của Việt Nam"
        if after and HOLDER_AFTER.fullmatch(self.body, hit.end, after[0][0]):
            holder = after.pop(0)[1]
        relation = [code for _, code in after]
        if len(relation) == 1:  # "điều phối quan hệ với Hàn Quốc" in a sentence on ASEAN
            relation += [code for _, code in self.codes(s0, s1) if self.kind(code) == "bloc"]
        parties = self.sides(relation, None)
        if parties is None:
            return None
        members = {m for code in parties for m in getattr(self.lex.party(code), "members", ())}
        candidates = [code for _, code in reversed(self.codes(s0, hit.start))]
        holder = holder or next(  # the nearest member named before: "Việt Nam … nước điều phối"
            (c for c in candidates if c not in parties and (not members or c in members)), None
        )
        if holder is None or self.kind(holder) != "state":
            return None
        return Milestone(
            "coordinator", parties, hit.level.label, period[1], period[2], holder, None
        )


def _bare_relations(body: str, folded: str) -> list[re.Match[str]]:
    """`BARE` over the stretches before each "quan" of the body: the pattern opens with
    an alternation no scanner can skip ahead on, and costs a tenth of a millisecond over
    a whole article. `folded` is `body` in lower case."""
    found: list[re.Match[str]] = []
    last_end = -1
    at = folded.find("quan")
    while at >= 0:
        for m in BARE.finditer(body, max(0, at - 40), min(len(body), at + 12)):
            if m.start() >= last_end:
                found.append(m)
                last_end = m.end()
        at = folded.find("quan", at + 1)
    return found


def _hits(body: str, folded: str) -> list[_Hit]:
    """Level names and bare relations, in text order; a bare "thiết lập quan hệ" that a
    level name follows is that level's verb, not a milestone of its own."""
    hits = [_Hit(s, e, payloads[0]) for s, e, payloads in levels().find(body)]
    starts = {h.start for h in hits}
    levels_at = Spans([(h.start, h.end) for h in hits])
    for m in _bare_relations(body, folded):
        tail = body[m.end() : m.end() + 3]
        nxt = m.end() + len(tail) - len(tail.lstrip())
        if nxt in starts or covering(levels_at, m.end() - 1):
            continue
        after = -1 if BARE_AFTER.match(body, m.end()) else nxt
        hits.append(_Hit(m.start(), m.end(), Level("relations", ""), after))
    return sorted(hits, key=lambda h: h.start)


def _dedupe(found: list[Milestone]) -> list[Milestone]:
    """One milestone per fact; "2024" gives way to "2024-10-10" for the same step."""
    kept: dict[tuple[Any, ...], Milestone] = {}
    for m in found:
        kept.setdefault((m.kind, tuple(m.parties), m.label, m.start, m.end, m.holder), m)

    def coarser(key: tuple[Any, ...]) -> bool:
        same = [k[3] for k in kept if k[:3] + k[4:] == key[:3] + key[4:] and k[3] != key[3]]
        return any(str(start).startswith(str(key[3])) for start in same)

    return [m for key, m in kept.items() if not coarser(key)]


def run(doc: Doc, lexicons: Lexicons) -> None:
    """The last stage: the milestones of relationships the body states, kept beside the
    record (whose shape the schema fixes).

    Reads: anchor_year, body, record.events, record.published, sentences, times.
    Adds: milestones.
    """
    doc.milestones = find(doc, lexicons)


def find(doc: Doc, lexicons: Lexicons) -> list[Milestone]:
    """The relationship milestones `doc` states, once each, in text order."""
    body = doc.body
    folded = lowered(doc.matches, body)  # the lexicons' pass made it
    if "quan hệ" not in folded and "đối tác" not in folded and "điều phối" not in folded:
        return []
    hits = _hits(body, folded)
    if not hits:
        return []
    return _dedupe(_Reader(doc, lexicons, hits).read())
