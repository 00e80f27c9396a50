"""Events stage: meetings, visits and calls, one per occurrence, with their fields.

Each sentence is read as a few cues (trigger words from triggers.tsv and series names
from series.tsv). A cue owns the stretch of text from itself to the next cue or
clause break; what it owns (dates, people, places, parties) is its own, what stands
elsewhere in the sentence is shared by the sentence's main event. Cues that only
point back ("tại hội nghị", "cuộc gặp này") are folded into the event already
reported, so each occurrence is one event however often it is mentioned.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any

from diplonews.extract.doc import Doc, Mention
from diplonews.extract.events import dating, merging, placing, roles, world
from diplonews.extract.events.cues import (
    ATTEND,
    BACK_LEAD,
    BY_BEFORE,
    CHAIR,
    CHAIR_OF,
    COUNTERPART,
    EDITION,
    EXCLUDED_BEFORE,
    HELD,
    HOSTING,
    HYPOTHETICAL,
    LEADS_AFTER,
    LOCATED,
    LOCATION_LEAD,
    MODAL,
    NAME_STOP,
    NEGATED,
    NOT_EVENT_TIME,
    PARTY_KINDS,
    PLANNED,
    POINTS_BACK,
    POSTING,
    PRE_REACH,
    REPORTING,
    SECONDARY,
    SESSION_NUMBER,
    Cue,
    Sentence,
    chaired_by,
    clause_bounds,
    find_cues,
    host_spans,
    month_of,
    parse_edition,
    party_spans,
    says_online,
    series_name,
)
from diplonews.extract.events.mechanisms import compose
from diplonews.extract.events.outcomes import attach_unreported, find_outcomes
from diplonews.extract.lexicons import City, Lexicons, Trigger
from diplonews.extract.record import Event
from diplonews.extract.spans import Spans, covering, start_attribute, within
from diplonews.text import fold


def in_quotes(body: str, start: int, cue: Cue) -> bool:
    """Whether the cue stands inside quoted speech opened after `start`. A quoted name
    (“Đối thoại Hàn-ASEAN”) opens right before the cue and closes right after its name."""
    text = body[start : cue.start]
    opened = text.count("“") > text.count("”") or text.count('"') % 2 == 1
    if opened and text.rstrip().endswith(("“", '"')):
        return not any(mark in body[cue.name_end : cue.name_end + 3] for mark in ("”", '"'))
    return opened


# "những cuộc gặp", "nhiều cuộc tiếp xúc": occurrences counted vaguely, no event told;
# "các cuộc hội đàm với …" tells the events themselves, "các cuộc đàm phán về giá" not.
PLURAL_BEFORE = re.compile(r"(?:những|nhiều)\s+$")
DEFINITE_PLURAL = re.compile(r"\bcác\s+$")
PLURAL_WITH = re.compile(r"[^,;.]{0,40}?\b(?:với|giữa)\s")
NAME_TAIL = re.compile(r"\s+(?:và|cùng)(?:\s+(?:tham\s+)?dự)?(?:\s+các)?\s*$")
NAME_JOIN_TAIL = re.compile(r"\s+(?:và|các)$")
WITH = re.compile(r"[\s,]*cùng\b")
AT_BEFORE = re.compile(r"\b[Tt]ại\s*$")
# "Trong cuộc điện đàm ngày 20/10, A và B đã …": the event set before the main clause,
# whose subject is who took part.
SETTING_LEAD = re.compile(  # after a time ("Ngày 18/4, tại cuộc hội đàm với X, Y nêu rõ …")
    r"^\s*(?:[^,.;:]{0,30},\s*)?(?:[Tt]ại|[Tt]rong|Sau)\s+(?:(?:\d|hai|ba|bốn|năm|sáu)\s+)?"
    r"(?:cuộc\s+|buổi\s+|vòng\s+)?$"
)
SUBJECT_JOIN = re.compile(r"^[\s,]*(?:(?:và|cùng)\s+)?(?:Trợ lý|Phó|Quyền)?\s*$")


# "mời X thăm", "nhận lời mời thăm": an invitation, not "theo lời mời của X" (a visit's host)
INVITED = re.compile(r"(?:(?<!lời )\bmời\b|\bnhận lời mời\b)[^,;.]{0,60}$")
SESSION_HEAD = re.compile(r"(?:[Kk]ỳ họp|[Pp]hiên họp|[Vv]òng đàm phán|[Vv]òng)")
PAIR_DASH = re.compile(r"\s*[-–]\s*")  # "Việt Nam-Ấn Độ", "Việt Nam – Cam-pu-chia"
# A trip told by a verb of motion (see Reader.movements).
# "sẽ có mặt tại Washington để thảo luận …": a foreign official present in a foreign capital
# has travelled there.
MOVE = re.compile(r"\b(tới|đến|sang|có mặt tại|có mặt ở)\s+$")
MOVE_REACH = 14  # characters before a place that hold the verb
TO_ATTEND = re.compile(r"\s*(?:,\s*)?(?:để\s+)?(?:tham\s+)?dự\b")
# The words between a traveller and the verb ("đã", "lên đường", "hôm qua", "ngày 5/3").
MOVE_LEAD_WORD = re.compile(
    r"\b(?:sẽ|đã|vừa|đang|cũng|lại|tiếp tục|lên đường|bay|hôm \w+|ngày \d+/\d+|"
    r"(?:cử\s+)?(?:một\s+)?(?:phái đoàn|đoàn đại biểu))$"
)
ATTEND_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:để\s+)?(?:tham\s+)?dự\s+")
BILATERAL_TOO = re.compile(r"\b(?:kết hợp|song phương|thăm chính thức|thăm làm việc|và thăm)\b")
RETURNING = re.compile(r"\b(?:về|trở về|quay về|quay lại|trở lại)\s*$")
DELEGATION_BEFORE = re.compile(r"\b(?:phái đoàn|đoàn đại biểu)\b[^,;.]{0,30}?\s*$")
MOVE_TRIGGER = Trigger("tới", "visit", "", frozenset({"verb", "inperson", "motion"}))
# "Đây là chuyến thăm … đầu tiên", "Đây được xem là chuyến thăm … cuối cùng": the visit
# just reported, described
COPULA_BACK = re.compile(r"^\s*(?:Đây|Đó)\s+(?:\w+\s+){0,3}?là\s+(?:\w+\s+){0,2}$")
DEFINED = re.compile(r"\s+là\s+(?:một\s+)?(?:tổ chức|cơ chế|khuôn khổ|diễn đàn)\b")
# "hủy chuyến thăm", "chuyến thăm … đã bị hủy bỏ": called off, neither held nor planned
# (a postponed one, "hoãn", stays planned).
CANCELLED_BEFORE = re.compile(r"\b(?:hủy|huỷ)(?:\s+bỏ)?\s+(?:các\s+|cả\s+)?$", re.IGNORECASE)
CANCELLED_AFTER = re.compile(r"[^.;:]{0,100}?\b(?:đã\s+)?bị\s+(?:hủy|huỷ)\b", re.IGNORECASE)
HABITUAL = re.compile(r"\b(?:thường xuyên|thường|hay|luôn)\s+(?:\w+\s+){0,2}$")
INNER_ACRONYM = re.compile(r"\s*\([A-ZĐ][A-Za-zĐ0-9+-]{1,9}\)\s*(?=\S)")
WITH_AFTER = re.compile(r"(?:\s+\w+){0,2}?\s+với\b")  # "cuộc hội đàm riêng với …"
HAVING = re.compile(r"\b(?:có|tiến hành|tổ chức)\s+(?:một\s+|các\s+|những\s+)?$")
COPULA_CLAUSE = re.compile(r"^\s*(?:là|cũng là)\s+(?:\w+\s+){0,2}$")
PEER_BEFORE = re.compile(r"\b(?:và|cùng)\s+(?:người\s+)?đồng (?:cấp|nhiệm)\s+")
WITH_STATE = re.compile(r"\bvới\s+$")
TOUR_STOPS = re.compile(r"\b(?:tại|tới|đến|gồm|thăm)\s+")
# "4 cuộc đàm phán", "ba vòng đàm phán": so many events (see Reader.split_count)
COUNTED = re.compile(
    r"\b(\d|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu)\s+(?:(?:cuộc|vòng|lần|chuyến)\s+)?$"
)
COUNTED_NOUNS = ("cuộc", "vòng", "chuyến", "phiên")
MAX_COUNTED = 6
# The states of a tour after its verb (see Reader.legs).
LEG_GAP = re.compile(
    r"\s*(?:(?:chính thức|cấp nhà nước|cấp Nhà nước|làm việc|hữu nghị|tới|đến|sang|tại|"
    r"(?:\w+\s+)?(?:nước|quốc gia)|các nước|các quốc gia)\s+)*"
)
# Counterparts listed after a two-sided verb (see Reader.counterparts).
TWO_SIDED_VERBS = ("hội đàm", "hội kiến", "gặp", "tiếp", "điện đàm", "chào", "làm việc")
COUNTERPART_LEAD = re.compile(
    r"(?:\s+(?:chính thức|riêng|song phương|trực tiếp))?\s+(?:với\s+)?(?:lần lượt\s+)?(?:các\s+)?"
)
ONE_BY_ONE = re.compile(r"\b(?:lần lượt|riêng rẽ|riêng biệt|từng)\s+(?:\w+\s+){0,2}$")
LIST_SEP = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
LIST_STOP = re.compile(r"\s+(?:để|nhằm|về|trong|nhân|bên lề|sau|trước|hôm|vào|ngày|tại|ở)\b|[;.:(]")
ENVOY_HEAD = re.compile(r"(?:các\s+)?Đại sứ(?:\s+(?:các nước|các quốc gia|của))?\s", re.IGNORECASE)
# Counterparts named only by their states ("gặp lãnh đạo các nước Lào và Campuchia"): one
# event per state, with only the named participants.
LEADERS_HEAD = re.compile(
    r"(?:các\s+)?(?:nhà\s+)?lãnh đạo\s+(?:cấp cao\s+)?(?:của\s+)?(?:các nước|các quốc gia|hai nước)\s",
    re.IGNORECASE,
)


# A subject that points back to officials named before (issue 12): "Hai Thủ tướng đã hội
# đàm", "hai nhà lãnh đạo nhất trí …" (the two sides of the talks in progress or of the
# sentence before), "Chiều cùng ngày, Bộ trưởng đã hội đàm với …" (the official of that
# title named in the sentence before). Each may follow a leading adjunct ("Sau đó, ").
BACK_LEAD_ADJUNCT = r"\s*(?:[^,.;:\n]{0,40},\s*)?"
BACK_PAIR = re.compile(
    BACK_LEAD_ADJUNCT
    + r"(?P<np>[Hh]ai\s+(?:nhà lãnh đạo|vị lãnh đạo|lãnh đạo|nguyên thủ|người đứng đầu"
    r"|(Thủ tướng|Bộ trưởng|Ngoại trưởng|Tổng thống|Chủ tịch|Phó Thủ tướng|Thứ trưởng|Tổng Bí thư"
    r"|Phó Tổng thống|Thủ tướng|Quốc vương|Chủ tịch Quốc hội|Chủ tịch nước))"
    r"(?:\s+(?:Ngoại giao|Quốc phòng|nước|Quốc hội))?)\b"
)
BACK_ONE = re.compile(
    BACK_LEAD_ADJUNCT
    + r"(?P<np>(Bộ trưởng|Ngoại trưởng|Thủ tướng|Phó Thủ tướng|Tổng thống|Chủ tịch nước"
    r"|Chủ tịch Quốc hội|Thứ trưởng|Tổng Bí thư|Phó Tổng thống))"
    r"(?=\s+(?:đã|sẽ|cũng|tiếp tục|tiến hành|có|hội|gặp|tiếp|chào|thăm|điện|dự|tham|đến|tới"
    r"|vừa|cùng|và)\b)"
)
BACK_GAP = re.compile(r"[^,;:.]{0,30}")  # from such a subject to its event's word
BACK_SENTENCES = 2  # how far back the officials pointed to may be named


@dataclass
class Context:
    """What the words around one cue say about it, worked out once for its fields."""

    sentence: Sentence
    cue: Cue
    prev_end: int  # where the cue before it stops owning text
    subject: list[Mention]  # the sentence's subject, if it names one
    clause_start: int
    clause_end: int
    lead_start: int  # where the cue's own clause starts, after any reporting verb
    lead: str  # from there to the cue
    recent: str  # the last 200 characters of `lead`
    name: str | None
    name_parties: list[str]
    edition: int | None
    secondary: bool  # "nhân dịp dự X", "bên lề X": X is not the sentence's own event
    attend: bool  # "tham dự X": the subject takes part in X
    hosting: bool  # "đăng cai X": hosting says nothing of who takes part
    points_back: bool  # "hội nghị này", "Tại hội nghị": the event already reported


@dataclass
class Draft:
    """An event being built, with what it needs for merging."""

    event: Event
    cue: Cue
    sentence: int
    people: list[int] = field(default_factory=list)  # person indexes, order kept
    chairs: set[int] = field(default_factory=set)
    own_date: bool = False
    points_back: bool = False
    name_parties: list[str] = field(default_factory=list)
    setting: bool = False  # named as the setting of another event ("bên lề X", "nơi diễn ra X")
    counterpart: bool = False  # one of several counterparts listed after one verb
    undated: bool = False  # one of several events counted together: the text dates only the first
    leg: str | None = None  # the state of one leg of a tour ("thăm A, B và C")


def counterpart_of(
    draft: Draft, event: Event, cue: Cue, people: list[int], chairs: set[int]
) -> Draft:
    """One of the events a draft with several counterparts becomes ("hội đàm với A, B và
    C"): its own event, people and chairs, the rest of the draft as it was."""
    return replace(
        draft, event=event, cue=cue, people=people, chairs=chairs, counterpart=True, undated=False
    )


# ---------------------------------------------------------------- the stage


class Reader:
    """Reads one document's sentences into drafts, then merges them into events."""

    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc, self.lex, self.body = doc, lex, doc.body
        self.parties = party_spans(doc, lex)
        self.party_starts = {s for s, _, _ in self.parties}
        self.regions = [
            (s, e)
            for s, e, codes in lex.find_in(doc.matches, "party_names", doc.body)
            if codes[0] == "-"
        ]
        self.places = lex.find_in(doc.matches, "places", self.body)
        hosts = host_spans(self.body, self.parties, self.places, lex)
        if hosts:
            self.parties = sorted(self.parties + hosts)
            self.party_starts |= {s for s, _, _ in hosts}
        self.triggers = lex.find_in(doc.matches, "triggers", self.body)
        self.documents = (self.body, lex.find_in(doc.matches, "documents", self.body))
        titles = Spans(lex.find_in(doc.matches, "titles", self.body))
        self.title_starts = [s for s, _, _ in titles]
        # A series named inside a title ("Trưởng SOM ASEAN") is not an event.
        self.series_hits = [
            h
            for h in lex.find_in(doc.matches, "series", self.body)
            if not any(s <= h[0] < e for s, e, _ in covering(titles, h[0]))
        ]
        self.mentions: list[Mention] = doc.mentions
        self.taking_part = [
            m
            for m in doc.mentions
            if not EXCLUDED_BEFORE.search(self.body, max(0, m.start - 110), m.start)
            and not (
                BY_BEFORE.search(self.body, max(0, m.start - 8), m.start)
                and not LEADS_AFTER.match(self.body, m.end, m.end + 80)
                and not chaired_by(self.body, m.start, m.end)
            )
        ]
        self.taking_part = roles.outside_member_lists(self.body, doc.sentences, self.taking_part)
        body = self.body
        self.times = [
            t
            for t in doc.times
            if t.value
            and t.relation != "horizon"
            and not NOT_EVENT_TIME.search(body, max(0, t.start - 40), t.start)
            and not dating.SINCE_APPOSITION.search(body, max(0, t.start - 80), t.start)
        ]
        # Looked up by range, sentence by sentence: by bisection (spans.py), not by scan.
        self.parties, self.places = Spans(self.parties), Spans(self.places)
        self.triggers, self.series_hits = Spans(self.triggers), Spans(self.series_hits)
        self.documents = (self.body, Spans(self.documents[1]))
        self.title_starts = Spans(self.title_starts, key=int)
        self.regions = Spans(self.regions)
        self.taking_part = Spans(self.taking_part, key=start_attribute)
        self.times = Spans(self.times, key=start_attribute)
        self.unresolved = [t for t in doc.times if not t.value and not t.loose]
        self.drafts: list[Draft] = []
        self.anaphor: tuple[int, int, list[Mention]] | None = None
        self.sidelines: dict[int, Draft] = {}  # a meeting kept apart → the gathering it is beside
        self.planned_cues: set[int] = set()  # ids of cues read as planned (see read_cue)
        self.posted: dict[int, bool] = {}  # party or place offset → an envoy's post?
        moves = self.movements()
        if moves:
            self.triggers = sorted(self.triggers + moves, key=lambda t: t[0])

    def is_post(self, at: int) -> bool:
        """Whether the name at `at` is where an envoy serves ("Đại sứ … tại Indonesia")."""
        if at not in self.posted:
            self.posted[at] = bool(POSTING.search(self.body, max(0, at - 60), at))
        return self.posted[at]

    # -- lookups within a span
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions in a span, less inviters, envoys' principals and possessors."""
        return within(self.taking_part, start, end, start_attribute)

    def parties_in(self, start: int, end: int) -> list[str]:
        """Parties named in a span, less the posts of envoys."""
        return [code for s, _, code in within(self.parties, start, end) if not self.is_post(s)]

    def times_in(self, start: int, end: int) -> list[Any]:
        return within(self.times, start, end, start_attribute)

    def place_in(self, start: int, end: int) -> City | None:
        """The first city or venue in a span, wherever it stands."""
        for s, _, payloads in within(self.places, start, end):
            if start <= s < end:
                city: City = payloads[0]
                return city
        return None

    def location_in(self, start: int, end: int) -> str | None:
        """The city of "tại Hà Nội", "ở Busan", "thăm Seoul" or of a well-known venue; not
        the city a traveller comes home to ("về tới Hà Nội, kết thúc chuyến thăm")."""
        for s, _, payloads in within(self.places, start, end):
            if not start <= s < end or self.is_post(s):
                continue
            lead = LOCATION_LEAD.search(self.body, max(0, s - 60), s)
            if lead and not RETURNING.search(self.body, max(0, lead.start() - 12), lead.start()):
                return str(payloads[0].name_en)
        return None

    def country_located(self, start: int, end: int) -> bool:
        """Whether the span places the event in a state ("… tại Indonesia")."""
        for s, _, code in within(self.parties, start, end):
            if (
                start <= s < end
                and getattr(self.lex.party(code), "kind", None) == "state"
                and LOCATED.search(self.body, max(0, s - 6), s)
                and not self.is_post(s)
            ):
                return True
        return False

    def list_end(self, clause_end: int, sentence_end: int) -> int:
        """A clause's end, carried past commas that go on listing parties
        ("Đại sứ các nước Thái Lan, Indonesia, Philippines và Malaysia trình quốc thư")."""
        starts = self.party_starts
        while clause_end < sentence_end and self.body[clause_end] == ",":
            nxt = clause_end + 1
            while nxt < sentence_end and self.body[nxt] == " ":
                nxt += 1
            if nxt not in starts:
                break
            _, clause_end = clause_bounds(self.body, nxt, sentence_end, nxt)
        return clause_end

    def has_title(self, start: int, end: int) -> bool:
        return bool(within(self.title_starts, start, end, int))

    # -- reading
    def read(self) -> list[Event]:
        for index, (start, end) in enumerate(self.doc.sentences):
            self.read_sentence(index, start, end)
        events = merging.merge(self)
        attach_unreported(self.documents, self.doc.sentences, events, self.lex)
        return events

    def read_sentence(self, index: int, start: int, end: int) -> None:
        body = self.body
        cues = find_cues(body, start, end, self.triggers, self.series_hits)
        if not cues:
            return
        content_start = start
        for m in REPORTING.finditer(body, start, cues[0].start):
            content_start = m.end()
        keep: list[Cue] = []
        for c in cues:
            if c.start < content_start:
                continue
            before = body[max(start, c.start - 12) : c.start].lower()
            if (
                "plural-ok" not in c.flags
                and not c.named
                and (
                    PLURAL_BEFORE.search(before)
                    or DEFINITE_PLURAL.search(before)
                    and not self.plural_told(c, start, end)
                )
            ):
                continue
            if self.names_document(c.start, start):
                continue  # "Điều khoản tham chiếu Tham vấn Hải quân …": a document's name
            if "credentials" in c.flags and any("reception" in k.flags for k in keep):
                continue  # "tiếp Đại sứ … trình quốc thư": the reception already says it
            if (
                c.generic
                and HAVING.search(body, max(start, c.start - 16), c.start)
                and WITH_AFTER.match(body, c.end, min(end, c.end + 30))
            ):
                # "có cuộc hội đàm riêng với …", "sẽ có cuộc gặp với …": a new event told
                # as a predicate, not the one already reported
                c.generic, c.flags = False, c.flags | {"verb"}
            keep.append(c)
        cues = keep
        for i, cue in enumerate(cues):
            nxt = cues[i + 1].start if i + 1 < len(cues) else end
            _, clause_end = clause_bounds(body, start, end, cue.end)
            cue.own_end = min(nxt, self.list_end(clause_end, end))
            stop = NAME_STOP.search(body, cue.end, cue.own_end)
            cue.name_end = stop.start() if stop else cue.own_end
            tail = NAME_TAIL.search(body, cue.end, cue.name_end)
            if tail:
                cue.name_end = tail.start()
            ed = EDITION.match(body, cue.name_end)
            if ed:
                cue.name_end = ed.end()
        for i, cue in enumerate(cues):
            cue.joined_end = cue.own_end
            if i + 1 < len(cues) and re.fullmatch(
                r"\s*(?:và|,)\s*(?:(?:tham )?dự\s+)?(?:các\s+)?",
                body[cue.name_end : cues[i + 1].start],
            ):
                cue.joined_end = cues[i + 1].own_end
                cues[i + 1].joined_to = cue
        sentence = Sentence(start, end, content_start, cues)
        subject = self.sentence_subject(sentence)
        prev_end = content_start
        first = len(self.drafts)
        for cue in cues:
            self.read_cue(index, sentence, cue, prev_end, subject)
            prev_end = cue.own_end
        # "… tại Gyeongju, nơi diễn ra Hội nghị thượng đỉnh APEC": an event named only as
        # the setting of the sentence's own takes that event's parties.
        drafts = self.drafts[first:]
        main = next((d for d in drafts if d.people and d.event.parties), None)
        for d in drafts:
            if (
                main
                and d is not main
                and d.setting
                and not d.points_back
                and not d.event.parties
                and not d.people
            ):
                d.event.parties = list(main.event.parties)

    def names_document(self, at: int, sentence_start: int) -> bool:
        """The cue at `at`, capitalised, goes on the name of a document whose kind stands
        just before it ("ký Bản ghi nhớ Đối thoại …"): the document is named after the
        mechanism."""
        text, matches = self.documents
        return (
            bool(matches)
            and text[at : at + 1].isupper()
            and any(  # "kế hoạch hội đàm": a plan to meet
                doc_end <= at and not text[doc_end:at].strip()
                for _, doc_end, _ in within(matches, max(sentence_start, at - 40), at)
            )
        )

    def plural_told(self, cue: Cue, start: int, end: int) -> bool:
        """Whether "các <cue>" tells events: its clause names a side after it ("các cuộc
        hội đàm với …", "các cuộc đàm phán giữa Iran và EU-3", "các cuộc gặp Ngoại
        trưởng Nga") rather than a process ("các cuộc đàm phán về giá vẫn diễn ra")."""
        if PLURAL_WITH.match(self.body, cue.end, end):
            return True
        _, clause_end = clause_bounds(self.body, start, end, cue.end)
        return bool(self.mentions_in(cue.end, clause_end))

    def sentence_subject(self, sentence: Sentence) -> list[Mention]:
        owned = [(c.start, c.own_end) for c in sentence.cues]
        self.anaphor = self.pointed_back(sentence)  # the first event's subject (cue_people)
        pronoun = roles.pronoun_subject(self, sentence)  # "Ông có kế hoạch hội đàm với …"
        if pronoun:
            return pronoun
        speaker = world.speaker_subject(self, sentence)  # "X cho biết ông đã …"
        if speaker:
            return speaker
        for m in self.mentions_in(sentence.content_start, sentence.end):
            if not any(a <= m.start < b for a, b in owned):
                return [m]
        return []

    def pointed_back(self, sentence: Sentence) -> tuple[int, int, list[Mention]] | None:
        """(start, end, officials) of a subject that points back to officials named in
        the sentences before ("Hai Thủ tướng", "Bộ trưởng đã …"), or None."""
        body = self.body
        if not sentence.cues:
            return None
        first = sentence.cues[0].start
        pair = BACK_PAIR.match(body, sentence.content_start, first)
        one = None if pair else BACK_ONE.match(body, sentence.content_start, first)
        found = pair or one
        if found is None or not BACK_GAP.fullmatch(body, found.end(), first):
            return None  # the officials pointed back to must be the subject of the event
        start = found.start("np")
        if any(m.name for m in self.mentions_in(start, found.end() + 3)):
            return None  # "Hai Thủ tướng A và B": named here
        starts = [s for s, _ in self.doc.sentences]
        index = starts.index(sentence.start) if sentence.start in starts else -1
        if index <= 0:
            return None
        title = fold(found.group(2)) if found.group(2) else ""
        earlier: list[list[Mention]] = []
        for i in range(index - 1, max(-1, index - 1 - BACK_SENTENCES), -1):
            s, e = self.doc.sentences[i]
            earlier.append([m for m in self.mentions_in(s, e) if m.name and m.person >= 0])
        if pair:
            for d in reversed(self.drafts):  # the talks in progress
                if d.sentence < index - BACK_SENTENCES:
                    break
                people = list(dict.fromkeys(d.people))
                if len(people) == 2:
                    named = {m.person: m for ms in earlier for m in ms}
                    if all(p in named for p in people):
                        return start, found.end(), [named[p] for p in people]
            for mentions in earlier:
                distinct = list({m.person: m for m in reversed(mentions)}.values())[::-1]
                titled = [m for m in distinct if title and title in fold(body[m.start : m.end])]
                chosen = titled if len(titled) == 2 else distinct
                if len(chosen) == 2:
                    return start, found.end(), chosen
            return None
        for mentions in earlier:
            for m in mentions:
                if title in fold(body[m.start : m.end]):
                    return start, found.end(), [m]
        return None

    def back_subject(self, at: Context) -> tuple[int, int, list[Mention]] | None:
        """The subject pointing back (`pointed_back`) when it is this cue's own."""
        back, cue = self.anaphor, at.cue
        if (
            back
            and not (at.secondary or at.hosting or cue.joined_to)
            and not in_quotes(self.body, at.sentence.start, cue)
            and at.prev_end <= back[0]
            and back[1] <= cue.start < back[1] + PRE_REACH
        ):
            return back
        return None

    def antecedent_setting(
        self, at: Context, date: str | None, own_date: bool, location: str | None
    ) -> tuple[str | None, bool, str | None]:
        """ "A và B có mặt tại Bangkok ngày 11/9. Hai Thủ tướng đã hội đàm …": talks whose
        subject points back take the day and city of the sentence that named the two,
        when their own sentence gives neither."""
        back = self.back_subject(at)
        if back is None or at.cue.kind == "visit" or own_date and location:
            return date, own_date, location
        if placing.RECALLED.search(self.body, at.sentence.start, at.sentence.end):
            return date, own_date, location  # "Hai lãnh đạo từng gặp nhau …": an earlier time
        starts = [s for s, _ in self.doc.sentences]
        i = bisect_right(starts, back[2][0].start) - 1
        start, end = self.doc.sentences[i]
        if not own_date:
            times = [t for t in self.times_in(start, end) if not t.loose]
            if len(times) == 1:
                date, own_date = times[0].value, True
        return date, own_date, location or self.location_in(start, end)

    def is_bare(self, cue: Cue) -> bool:
        """A named trigger with nothing of a name after it: "Hội nghị", "Diễn đàn an ninh…"."""
        if cue.series or EDITION.search(self.body, cue.start, cue.own_end):
            return False
        parties = [s for s, _, _ in within(self.parties, cue.end, cue.name_end)]
        for word in re.finditer(r"\w+", self.body[cue.end : cue.name_end]):
            at = cue.end + word.start()
            if word.group()[:1].isupper() and not covering(self.regions, at):
                return False
        return not parties

    def read_cue(
        self, index: int, sentence: Sentence, cue: Cue, prev_end: int, subject: list[Mention]
    ) -> None:
        """One draft event (or none) from one cue, its fields read off the sentence."""
        at = self.context(sentence, cue, prev_end, subject)
        date, own_date, relation = self.cue_date(at)
        if not own_date and HYPOTHETICAL.search(at.recent) or MODAL.search(at.recent):
            return  # "đề xuất hai bên sớm gặp mặt": a wish, not an event
        if DEFINED.match(self.body, cue.name_end, at.sentence.end):
            return  # "Diễn đàn Châu Á Boao là một tổ chức …": the body itself, described
        if not own_date and HABITUAL.search(at.recent):
            return  # "thường xuyên tiếp xúc với Thủ tướng Modi": a habit, not an occurrence
        if CANCELLED_BEFORE.search(at.recent) or (
            cue.start <= at.sentence.content_start + 2
            and CANCELLED_AFTER.match(self.body, cue.end, at.sentence.end)
        ):
            return
        if cue.kind == "visit" and not own_date and INVITED.search(at.recent):
            return  # "mời Tổng thống Putin thăm Việt Nam": an invitation, not yet a visit
        people, chairs = self.cue_people(at)
        planned = bool(PLANNED.search(self.body, at.lead_start, cue.own_end)) or (
            getattr(relation, "relation", None) == "future"
        )
        if (
            HELD.search(at.recent)
            and not PLANNED.search(at.recent)
            or getattr(relation, "relation", None) == "past"
        ):
            planned = False
        if (
            cue.joined_to is not None
            and id(cue.joined_to) in self.planned_cues
            and "verb" in cue.flags
            and getattr(relation, "relation", None) != "past"
        ):
            planned = True  # "sẽ hội kiến A, hội kiến B và gặp C": one "sẽ" for all three
        if planned:
            self.planned_cues.add(id(cue))
        location = self.location_in(cue.start, cue.own_end) or self.location_in(
            sentence.content_start, sentence.end
        )
        date, own_date, location = self.antecedent_setting(at, date, own_date, location)
        codes = self.cue_parties(at, people)
        if NEGATED.search(at.lead[-80:]):
            people, codes = [], list(at.name_parties)  # "… không tham dự cuộc họp"
        series_en = (
            cue.series.name_en
            if cue.series
            else self.composed_series(cue, bool(at.edition))
            or self.series_past_acronym(at.name)
            or series_name(
                at.name_parties,
                cue.trigger.series_suffix if cue.trigger else "",
                self.lex,
                bool(at.edition),
            )
        )
        meetings = [c for c in sentence.cues if c.kind == "meeting"]
        lead = sentence.start if meetings and meetings[0] is cue else None
        outcomes = (
            find_outcomes(self.documents, cue.start, sentence.end, lead, self.lex)
            if (cue.kind == "meeting" and not at.secondary)
            else []
        )
        event = Event(
            kind=cue.kind,
            status="planned" if planned else "held",
            name=at.name,
            series=series_en,
            edition=at.edition if cue.kind == "meeting" else None,  # "thăm lần thứ hai": no series
            date=date,
            format=self.cue_format(at, location, people),
            location=location,
            parties=[c for c in codes if c],
            outcomes=outcomes,
            evidence=self.body[sentence.start : sentence.end],
            evidence_span=(sentence.start, sentence.end),
        )
        people = [p for p in people if p >= 0]
        if (
            cue.kind == "visit"
            and len(people) > 1
            and re.search(r"(?:các|những)\s+$", self.body[max(0, cue.start - 8) : cue.start])
        ):
            for person in people:  # "các chuyến thăm … của A và B": one visit each
                single = Event(
                    **{**event.__dict__, "parties": list(event.parties), "participants": []}
                )
                self.drafts.append(
                    Draft(single, cue, index, [person], set(), own_date, False, at.name_parties)
                )
            return
        draft = Draft(
            event,
            cue,
            index,
            people,
            chairs,
            own_date,
            at.points_back,
            at.name_parties,
            at.secondary,
        )
        self.drafts.extend(self.split_counterparts(at, draft))

    def context(
        self, sentence: Sentence, cue: Cue, prev_end: int, subject: list[Mention]
    ) -> Context:
        """What the words around a cue say about it (see `Context`)."""
        body = self.body
        clause_start, clause_end = clause_bounds(body, sentence.start, sentence.end, cue.start)
        lead_start = max(sentence.content_start, clause_start)
        name = NAME_JOIN_TAIL.sub("", body[cue.start : cue.name_end].strip(' -–“”"'))
        name_parties = [
            code
            for code in self.parties_in(cue.start, cue.name_end)
            if getattr(self.lex.party(code), "kind", "") in PARTY_KINDS
        ]
        ed = EDITION.search(body, cue.start, cue.name_end)
        edition = parse_edition(ed.group(1)) if ed else None
        if edition is None and cue.series:
            number = re.match(r"\s*(\d{1,3})\b", body[cue.end : cue.end + 5])
            edition = int(number.group(1)) if number else None
        if edition is None:
            edition = self.session_number(cue)
        head = (cue.joined_to or cue).start
        before = body[max(sentence.start, head - 120) : head]  # what the patterns look back on
        points_back = (
            bool(POINTS_BACK.match(body[cue.name_end : cue.name_end + 12]))
            or bool(POINTS_BACK.match(body[cue.end : cue.end + 12]))
            or bool(BACK_LEAD.match(body[sentence.start : cue.start]))
            or (cue.named and self.is_bare(cue))
            or (
                cue.kind == "visit"
                and bool(
                    COPULA_BACK.match(body[sentence.start : cue.start])
                    or COPULA_CLAUSE.match(
                        body[max(sentence.start, body.rfind(",", 0, cue.start) + 1) : cue.start]
                    )
                )
            )
        )
        if cue.generic and edition:
            cue.generic = False
        if (
            "named" in cue.flags
            and not cue.named
            and not name_parties
            and not edition
            and not cue.series
        ):
            cue.generic = True  # "hội nghị thượng đỉnh kéo dài 2 ngày": the summit again
        lead = body[lead_start : cue.start]
        return Context(
            sentence,
            cue,
            prev_end,
            subject,
            clause_start,
            clause_end,
            lead_start,
            lead,
            lead[-200:],
            name or None,
            name_parties,
            edition,
            bool(SECONDARY.search(before)),
            bool(ATTEND.search(before))
            or bool(cue.joined_to and "dự" in body[cue.joined_to.name_end : cue.start]),
            bool(HOSTING.search(before)),
            points_back,
        )

    def cue_date(self, at: Context) -> tuple[str | None, bool, Any]:
        """(date, whether the event's own words give it, the time expression used)."""
        sentence, cue = at.sentence, at.cue
        own_times = self.times_in(cue.start, cue.joined_end) or [
            t
            for t in self.times_in(at.lead_start, cue.start)
            if not placing.announced(self.body, t, cue)
        ]
        claimed = [(c.start, c.own_end) for c in sentence.cues if c is not cue]
        free_times = [
            t
            for t in self.times_in(sentence.content_start, sentence.end)
            if not any(a <= t.start < b for a, b in claimed)
            and not placing.announced(self.body, t, cue)
        ]
        if not free_times:  # "Ngày 12/9, Bộ Ngoại giao cho biết X đã hội đàm …": the day
            free_times = [  # reported dates the report, unless it announces a plan
                t
                for t in self.times_in(sentence.start, sentence.content_start)
                if not placing.announced(self.body, t, cue)
            ]
        date, own_date = None, False
        if own_times:
            used = placing.most_precise(own_times)
            date, own_date = used.value, not used.loose
        elif free_times:
            # A meeting named as the setting of the sentence's own event is dated to the
            # month; a visit by the most precise day the text gives for any of its days.
            setting = at.secondary and cue.kind != "visit"
            date = month_of(free_times[0].value) if setting else free_times[0].value
            own_date = not setting and not free_times[0].loose
        if not own_date and any(
            sentence.content_start <= t.start < cue.own_end for t in self.unresolved
        ):
            own_date = True  # dated in the text, though the year is not known
        return date, own_date, (own_times or free_times or [None])[0]

    def cue_people(self, at: Context) -> tuple[list[int], set[int]]:
        """Who takes part (person indexes) and who of them chairs."""
        body, cue, sentence, subject = self.body, at.cue, at.sentence, at.subject
        quoted = in_quotes(body, sentence.start, cue)  # a speaker's words, not a report
        pre = (
            []
            if at.secondary or at.hosting or cue.joined_to or quoted
            else [
                m for m in self.mentions_in(at.prev_end, cue.start) if cue.start - m.end < PRE_REACH
            ]
        )
        back = self.back_subject(at)
        if back:  # "Hai Thủ tướng đã hội đàm": the officials it points back to
            pre = back[2] + [m for m in pre if not back[0] <= m.start < back[1]]
        own = [
            m
            for m in self.mentions_in(cue.end, cue.own_end)
            if not MODAL.search(body, cue.end, m.start)
        ]  # "có thể có sự tham dự của X"
        chair_of = [
            m
            for m in self.mentions_in(cue.end, sentence.end)
            if CHAIR_OF.search(body[max(0, m.start - 70) : m.start])
            or chaired_by(body, m.start, m.end)
        ]
        if cue.kind == "visit" and "ceremony" not in cue.flags:
            visitors = self.visitors(cue, pre, own, subject)
            hosts = roles.visit_hosts(self, sentence, cue, pre or subject, visitors)
            return visitors + hosts, set(hosts)
        if at.secondary and not at.attend or at.hosting:
            return [m.person for m in chair_of], {m.person for m in chair_of}
        people = [m.person for m in pre + own]
        subject_takes_part = (
            not pre
            and not quoted
            and (at.attend or "verb" in cue.flags or CHAIR.search(body[at.lead_start : cue.start]))
            or WITH.match(body, at.prev_end, cue.start)
            or world.subject_in_talks(self, at.lead_start, cue.start, cue.end)
        )
        at_event = (
            (at.points_back or cue.generic)
            and at.clause_start == sentence.start
            and AT_BEFORE.search(body, sentence.start, cue.start)
        )  # "Phát biểu tại hội nghị, X"
        if subject_takes_part or at_event:
            people = [m.person for m in subject] + people
        people = list(dict.fromkeys(people + [m.person for m in chair_of]))
        setting_subject: list[int] = []  # "Trong buổi tiếp X, Y đánh giá …": Y receives
        opening = "verb" in cue.flags and not body[sentence.content_start : cue.start].strip()
        setting = SETTING_LEAD.match(body[sentence.start : cue.start])
        if setting and self.only_dates(setting.group(), cue, sentence):
            setting = None
            people = [p for p in people if p not in {m.person for m in subject}]
        if setting or opening:
            # "Gặp nhau tại Paris hôm qua, A và B …": a verb that opens the sentence
            # takes the joined subject of the main clause, as a setting does
            setting_subject = self.main_subject(cue, sentence)
            people = list(dict.fromkeys(people + setting_subject))
            if cue.kind == "call":  # "Tại cuộc điện đàm, A mời B …": the two ends of the line
                people = list(
                    dict.fromkeys(
                        people + [m.person for m in self.mentions_in(cue.end, sentence.end)]
                    )
                )
        chairs: set[int] = set()
        if roles.calls_on(cue):
            chairs = roles.called_on(self, cue, pre or subject, own)
        elif roles.is_reception(cue) or "ceremony" in cue.flags:
            # the one received or welcomed, named after the verb, is no host
            chairs = roles.reception_hosts(self, sentence, cue, pre, subject, own)
            if roles.is_reception(cue):
                chairs |= set(setting_subject) - {m.person for m in own}
        elif cue.kind == "meeting":
            chairs = self.chairs(cue, at.lead_start, people, subject, pre)
            hosts = roles.invited_co_chairs(self, sentence, cue, chairs)
            hosts += roles.inviting_hosts(self, sentence, cue, people)
            chairs |= roles.joined_reception_hosts(self, sentence, cue, people)
            people, chairs = list(dict.fromkeys(people + hosts)), chairs | set(hosts)
        return people, chairs | {m.person for m in chair_of}

    @staticmethod
    def only_dates(lead: str, cue: Cue, sentence: Sentence) -> bool:
        """Whether an event set before the main clause only dates it: "Sau hội đàm, X
        tiếp Y" tells X's own reception, and X need not have been at the talks."""
        return lead.lstrip().startswith("Sau") and any(
            c.start > cue.start and "verb" in c.flags for c in sentence.cues
        )

    def main_subject(self, cue: Cue, sentence: Sentence) -> list[int]:
        """The people who open the main clause after a leading setting ("Trong cuộc
        điện đàm ngày 20/10, A và B …"): consecutive mentions right after its comma."""
        comma = self.body.find(",", cue.end, sentence.end)
        if comma < 0:
            return []
        found: list[int] = []
        at = comma
        for mention in self.mentions_in(comma, sentence.end):
            if not SUBJECT_JOIN.match(self.body[at : mention.start]):
                break
            found.append(mention.person)
            at = mention.end
        return list(dict.fromkeys(found))

    def cue_format(self, at: Context, location: str | None, people: list[int]) -> str | None:
        """Online, in person, or unknown (always unknown for a call)."""
        cue, sentence = at.cue, at.sentence
        if cue.kind == "call":
            return None
        if says_online(self.body[sentence.start : sentence.end]) and (
            not at.secondary
            or says_online(self.body[cue.start : min(cue.own_end + 40, sentence.end)])
        ):
            return "online"
        during_visit = (
            cue.kind == "meeting"
            and bool(people)
            and any(c.kind == "visit" and c.start < cue.start for c in sentence.cues)
        )
        if (
            location
            or "inperson" in cue.flags
            or during_visit
            or self.country_located(at.clause_start, at.clause_end)
        ):
            return "in_person"
        return None

    def cue_parties(self, at: Context, people: list[int]) -> list[str]:
        """States and blocs: named in the event's name, of its people, or visited."""
        cue = at.cue
        codes = list(at.name_parties)
        known = self.doc.record.people
        codes += [known[p].country or "" for p in people if 0 <= p < len(known)]
        if cue.kind == "visit":
            codes += self.parties_in(cue.end, min(cue.own_end, cue.end + 30))[:1]
            city = self.place_in(cue.end, min(cue.own_end, cue.end + 30))
            if city and city.country:
                codes.append(city.country)
        modal = MODAL.search(self.body, cue.end, cue.own_end)  # "có thể có sự tham dự của"
        reach = modal.start() if modal else cue.own_end
        topic = roles.TOPIC.search(self.body, cue.end, reach)
        reach = topic.start() if topic else reach  # "… về vấn đề hạt nhân Iran": what, not who
        if cue.kind != "visit" and (
            self.has_title(cue.end, reach) or COUNTERPART.match(self.body, cue.end, reach)
        ):  # "họp với các Đại sứ ASEAN", "gặp với người đồng cấp Trung Quốc"
            codes += self.parties_in(cue.end, reach)
        peer = self.peer_state(cue, at.lead_start)
        if peer:  # "A và người đồng cấp Nga B hôm qua đã hội đàm"
            codes.append(peer)
        elif cue.kind != "visit":  # "đàm phán hạt nhân với CHDCND Triều Tiên": the other side
            codes += [
                code
                for s, _, code in self.parties
                if cue.end <= s < reach and WITH_STATE.search(self.body, max(0, s - 5), s)
            ]
        if not people and not at.name_parties and not at.points_back:
            codes += self.parties_in(at.lead_start, reach)
        else:  # "các ngoại trưởng ASEAN đã gặp X": the plural subject's bloc
            codes += roles.plural_subject_parties(self, at.lead_start, cue.start)
        if cue.series and cue.series.parties:
            codes += list(cue.series.parties)
        return [
            c for c in codes if getattr(self.lex.party(c), "kind", "") in PARTY_KINDS
        ] + roles.organisations_of(self.lex, known, people)

    def chairs(
        self,
        cue: Cue,
        lead_start: int,
        people: list[int],
        subject: list[Mention],
        pre: list[Mention],
    ) -> set[int]:
        """Who chairs: co-chairs, those who chair or open it, or "dưới sự chủ trì của"."""
        body = self.body
        window = body[lead_start : cue.own_end]
        co = re.search(r"đồng chủ trì", window, re.IGNORECASE)
        if co and not roles.verb_of_another_event(self, lead_start + co.end(), cue):
            return set(people)  # not "dự X và đồng chủ trì Kỳ họp Y": Y is co-chaired
        verb = CHAIR.search(body, lead_start, cue.own_end)
        if verb and roles.verb_of_another_event(self, verb.end(), cue):
            verb = None  # "gặp X và khai mạc Diễn đàn …": who opens the forum
        if not verb:
            return set()
        before = {m.person for m in pre + subject if m.start < verb.start()}
        return before & set(people) or ({subject[0].person} if subject else set())

    def visitors(
        self, cue: Cue, pre: list[Mention], own: list[Mention], subject: list[Mention]
    ) -> list[int]:
        body = self.body
        if re.match(
            r"\s*(?:\w+\s+){0,3}?của\s+(?:các\s+)?(?:đoàn|phái đoàn)", body[cue.end : cue.own_end]
        ):
            return []  # "chuyến thăm của đoàn đặc phái viên": the envoys are not named
        destination = set(self.parties_in(cue.end, min(cue.own_end, cue.end + 40)))
        of = [
            m
            for m in own
            if re.search(r"\bcủa\s+(?:đồng chí\s+)?[^,;]{0,90}$", body[cue.end : m.start])
        ]
        if of:
            return [m.person for m in of]
        people = self.doc.record.people

        def foreign(m: Mention) -> bool:
            return 0 <= m.person < len(people) and people[m.person].country not in destination

        # "Chủ tịch nước Trương Tấn Sang thăm …": the official just before the verb visits,
        # even in a list of visits whose first cue owns the text.
        adjacent = [
            m
            for m in self.mentions
            if 0 <= cue.start - m.end <= 2 and not body[m.end : cue.start].strip() and foreign(m)
        ]
        if adjacent and not pre:
            return [adjacent[-1].person]
        chosen = [m.person for m in (pre or subject) if foreign(m)]
        if not chosen and destination:
            before = [
                m
                for m in self.mentions
                if cue.start - 200 <= m.start and m.end <= cue.start and foreign(m)
            ]
            chosen = [before[-1].person] if before else []
        return chosen

    def session_number(self, cue: Cue) -> int | None:
        """The edition of "Kỳ họp thứ 17 Ủy ban …", "phiên họp thứ 3 …": a session counted
        without "lần"."""
        head = SESSION_HEAD.match(self.body, cue.start, cue.name_end)
        number = head and SESSION_NUMBER.match(self.body, head.end(), cue.name_end)
        return parse_edition(number.group(1)) if number else world.round_number(self, cue)

    def peer_state(self, cue: Cue, lead_start: int) -> str | None:
        """The state of a counterpart named as "người đồng cấp <state>" in the subject
        before a two-sided verb ("A và người đồng cấp Nga B đã hội đàm")."""
        if cue.kind == "visit":
            return None
        peer = None
        for peer in PEER_BEFORE.finditer(self.body, max(lead_start, cue.start - 120), cue.start):
            pass
        if peer is None:
            return None
        codes = self.parties_in(peer.end(), peer.end() + 1)
        return codes[0] if codes else None

    def series_past_acronym(self, name: str | None) -> str | None:
        """The series of a name that an acronym in brackets interrupts ("Hội nghị Cấp cao
        (HNCC) ASEAN lần thứ 42" is the ASEAN Summit)."""
        if not name or "(" not in name:
            return None
        plain = INNER_ACRONYM.sub(" ", name)
        if plain == name:
            return None
        hits = self.lex.series.find(plain)
        return next((str(h[2][0].name_en) for h in hits if h[0] == 0), None)

    # -- a mechanism named "<mechanism> <party>-<party>"

    def composed_series(self, cue: Cue, numbered: bool) -> str | None:
        """The series of a name that joins two parties after the mechanism's words
        ("Đối thoại Chiến lược Ngoại giao-Quốc phòng Việt Nam-Ấn Độ lần thứ 3" →
        "Vietnam-India Diplomacy-Defence Strategic Dialogue"), or None."""
        if cue.kind != "meeting":
            return None
        spans = [
            (s, e, code)
            for s, e, code in self.parties
            if cue.start <= s < cue.name_end
            and getattr(self.lex.party(code), "kind", "") in PARTY_KINDS
        ]
        for (s1, e1, a), (s2, _, b) in itertools.pairwise(spans):
            if a != b and PAIR_DASH.fullmatch(self.body, e1, s2):
                name = compose(self.body[cue.start : s1], [a, b], self.lex)
                bare = name is not None and name.rsplit(" ", 1)[-1] == name.split(" ", 1)[-1]
                blocs = any(
                    getattr(self.lex.party(c), "kind", "") in ("bloc", "group") for c in (a, b)
                )
                # "Hội nghị thượng đỉnh Hàn-Indonesia": a one-off meeting of two states
                # unless counted ("lần thứ 5") or qualified ("Đối thoại Chiến lược …")
                return None if bare and not (numbered or blocs) else name
        return None

    # -- a trip told by a verb of motion: "X sẽ tới Venezuela"

    def movements(self) -> list[tuple[int, int, list[Trigger]]]:
        """ "tới/đến/sang <a state or its capital>" right after a named official or a
        delegation: a visit, as "thăm" would say ("ông Yang Hyong Sop sẽ tới
        Venezuela", "Moldova đã cử một phái đoàn đến Matxcơva"). Only a foreign
        destination counts, and only with the traveller standing just before the verb."""
        body = self.body
        found: list[tuple[int, int, list[Trigger]]] = []
        destinations = {s: code for s, _, code in self.parties}
        for s, _, payloads in self.places:
            city = payloads[0]
            if getattr(city, "country", None):
                destinations.setdefault(s, city.country)
        if not destinations:
            return found
        ends: dict[int, Mention] | None = None
        people = self.doc.record.people
        for start, code in sorted(destinations.items()):
            move = MOVE.search(body, max(0, start - MOVE_REACH), start)
            if move is None or getattr(self.lex.party(code), "kind", "") != "state":
                continue
            if RETURNING.search(body, max(0, move.start() - 12), move.start()):
                continue  # "về đến Hà Nội": home again, not a trip
            if ends is None:
                ends = {m.end: m for m in self.taking_part}
            at = self.lead_start(move.start())
            traveller = ends.get(at)
            if traveller is not None:
                home = (
                    people[traveller.person].country
                    if 0 <= traveller.person < len(people)
                    else None
                )
                if home == code or traveller.name is None:
                    continue
            elif "đoàn" not in body[max(0, move.start() - 60) : move.start()] or not (
                DELEGATION_BEFORE.search(body, max(0, move.start() - 60), move.start())
            ):
                continue
            if self.only_to_attend(move.end(), code):
                continue
            if move.group(1).startswith("có mặt") and TO_ATTEND.match(body, self.place_end(start)):
                continue  # "có mặt tại Indonesia để tham dự cuộc họp …": the meeting only
            found.append((move.start(1), move.end(1), [MOVE_TRIGGER]))
        return found

    def place_end(self, start: int) -> int:
        """The end of the state or city named at `start`."""
        for s, e, _ in self.parties:
            if s == start:
                return e
        for s, e, _ in self.places:
            if s == start:
                return e
        return start

    def lead_start(self, at: int) -> int:
        """Where the words that lead to a verb of motion start, walking back over the
        adverbs between it and its subject ("X đã lên đường tới", "X hôm qua đã tới")."""
        body = self.body
        for _ in range(6):
            j = at
            while j > 0 and body[j - 1] in " ,":
                j -= 1
            word = MOVE_LEAD_WORD.search(body, max(0, j - 16), j)
            if not word:
                return j
            at = word.start()
        return at

    def only_to_attend(self, at: int, host: str | None = None) -> bool:
        """Whether a trip is told as made to attend a meeting of a known mechanism and
        nothing else ("tới New York dự Đại hội đồng Liên hợp quốc"): that trip is the
        meeting (SCHEMA). "… kết hợp hoạt động song phương" makes it a visit as well."""
        body = self.body
        clause_end = min(
            [i for i in (body.find(".", at), body.find(";", at)) if i >= 0] or [len(body)]
        )
        attend = ATTEND_AFTER.match(body, at, clause_end)
        if not attend:
            return False
        if BILATERAL_TOO.search(body, at, clause_end):
            return False
        if any(attend.end() <= s <= attend.end() + 30 for s, _, _ in self.series_hits):
            return True
        # a meeting named by its own capitalised name ("dự Hội nghị Bộ trưởng Năng lượng
        # ASEAN"), unless it names the host state: a meeting with the host is a visit too
        start = attend.end()
        if not body[start : start + 1].isupper() or host in self.parties_in(start, clause_end):
            return False
        return any(
            s == start and any(t.kind == "meeting" and "named" in t.flags for t in triggers)
            for s, _, triggers in within(self.triggers, start, start + 1)
        )

    # -- several counterparts after one verb: one event each

    def counterparts(self, cue: Cue, end: int) -> list[tuple[int, str | None]]:
        """The counterparts listed after a two-sided verb, as (person, country) pairs
        (person -1 when only the office and the state are named): "hội đàm với A, B và
        C", "lần lượt hội kiến A, B và C", "tiếp xúc với Thủ tướng Gibuti, Ngoại trưởng
        Haiti", "tiếp Đại sứ các nước Thái Lan, Indonesia và Malaysia". Empty unless at
        least two are listed."""
        body = self.body
        lead = COUNTERPART_LEAD.match(body, cue.end, end)
        at = lead.end() if lead else cue.end
        starts = {m.start: m for m in self.taking_part if at <= m.start < end}
        heads = starts.keys() | {s for s in self.title_starts if at <= s < end}
        found: list[tuple[int, str | None]] = []
        envoys = closed = last = False
        while at < end and not last:
            last = closed
            mention = next((starts[i] for i in range(at, at + 5) if i in starts), None)
            if mention and mention.person >= 0:
                item_end = mention.end
                found.append((mention.person, mention.country))
            elif (
                at in heads
                or envoys
                and at in self.party_starts
                or not found
                and LEADERS_HEAD.match(body, at, end)
            ):
                # an office and a state, no name: up to the next separator before a head
                sep = LIST_SEP.search(body, at, min(end, at + 80))
                while sep and sep.end() not in heads | self.party_starts:
                    sep = LIST_SEP.search(body, sep.end(), min(end, at + 80))
                item_end = sep.start() if sep else min(end, at + 80)
                stop = LIST_STOP.search(body, at, item_end)
                item_end = stop.start() if stop else item_end
                codes = [c for s, _, c in self.parties if at <= s < item_end]
                if not codes and not last:
                    break
                found.append((-1, codes[0] if codes else None))
                envoys = (
                    envoys
                    or bool(ENVOY_HEAD.match(body, at, item_end))
                    or bool(LEADERS_HEAD.match(body, at, item_end))
                )
            else:
                return []  # "và" before something else: not this list
            sep = None if last else LIST_SEP.match(body, item_end, end)
            if not sep:
                break
            closed = "và" in sep.group()  # "A, B và C": C is the last
            at = sep.end()
        if not last and not self.list_runs_out(found, item_end if found else at, end):
            return []  # a list of counterparts closes with "và", or with its sentence
        keys = {(p, c) if p < 0 else (p, None) for p, c in found if p >= 0 or c}
        if len(found) < 2 or len(keys) < len(found) - 1:
            return []
        # a counterpart whose state the text leaves out is of the state of the others
        # ("Phó chủ tịch Cuba Carlos Lage, Ngoại trưởng Felipe Perez Roque và …")
        known = [c for _, c in found if c]
        return [(p, c or (known[0] if len(set(known)) == 1 else None)) for p, c in found]

    def list_runs_out(self, found: list[tuple[int, str | None]], item_end: int, end: int) -> bool:
        """Whether a list of named officials without "và" ends with its sentence or at
        an adjunct ("tiếp xúc với Thủ tướng Thái Lan X, Ngoại trưởng Mỹ Y.")."""
        if len(found) < 2 or any(p < 0 for p, _ in found):
            return False
        rest = self.body[item_end:end]
        return not rest.strip(' .;!”"') or bool(LIST_STOP.match(self.body, item_end, end))

    def split_counterparts(self, at: Context, draft: Draft) -> list[Draft]:
        """One draft per counterpart when a two-sided verb lists several: each keeps the
        subject's side and takes one counterpart (the office alone when no name is
        given, as for envoys received together)."""
        cue = at.cue
        word = cue.trigger.vi if cue.trigger else ""
        if cue.kind == "visit":
            return self.split_legs(at, draft)
        counted = COUNTED.search(self.body, max(0, cue.start - 12), cue.start)
        if (
            counted
            and not cue.named
            and (word.startswith(COUNTED_NOUNS) or counted.group().rstrip().endswith(COUNTED_NOUNS))
        ):
            return self.split_count(draft, parse_edition(counted.group(1).lower()) or 1)
        if not any(verb in word for verb in TWO_SIDED_VERBS):
            return [draft]
        # the list stops at the next verb told ("hội kiến A, hội kiến B và gặp C")
        list_end = min((c.start for c in at.sentence.cues if c.start > cue.start), default=0)
        listed = self.counterparts(cue, list_end or at.sentence.end)
        if not listed:
            return [draft]
        people = self.doc.record.people
        others = {p for p, _ in listed if p >= 0}
        listed_codes = {c for _, c in listed if c}
        if self.one_side_pair(cue, listed, list_end or at.sentence.end):
            return [draft]
        base = [p for p in draft.people if p not in others]
        base_codes = [c for c in draft.event.parties if c not in listed_codes]
        base_codes += [
            people[p].country or "" for p in base if 0 <= p < len(people) and people[p].country
        ]
        drafts = []
        for person, code in listed:
            event = Event(**{**draft.event.__dict__, "participants": []})
            codes = base_codes + ([code] if code else [])
            people_of = base + ([person] if person >= 0 else [])
            event.parties = [
                c
                for c in dict.fromkeys(codes)
                if c and getattr(self.lex.party(c), "kind", "") in PARTY_KINDS
            ] + roles.organisations_of(self.lex, people, people_of)  # "… với Tổng thư ký LHQ"
            chairs_of = set(draft.chairs) & set(base)
            drafts.append(counterpart_of(draft, event, cue, people_of, chairs_of))
        return drafts

    def one_side_pair(self, cue: Cue, listed: list[tuple[int, str | None]], end: int) -> bool:
        """ "hội đàm với Ngoại trưởng Việt Nam A và Phó Trưởng ban B", "hội kiến Nhật hoàng
        A và Hoàng hậu B": two named officials of one state joined by "và" are one side
        of one meeting, not two meetings (a list told "lần lượt" or with commas is)."""
        people = self.doc.record.people
        states = {
            code or (people[p].country if 0 <= p < len(people) else None) for p, code in listed
        }
        if len(listed) != 2 or len(states) != 1 or None in states or "" in states:
            return False
        if ONE_BY_ONE.search(self.body, max(0, cue.start - 30), cue.start):
            return False
        persons = [p for p, _ in listed]
        found = [m for m in self.mentions_in(cue.end, end) if m.person in persons]
        return (
            len(found) == 2
            and found[0].person != found[1].person
            and self.body[found[0].end : found[1].start].strip() == "và"
        )

    def split_count(self, draft: Draft, count: int) -> list[Draft]:
        """ "Sau 4 cuộc đàm phán hạt nhân với …": as many events as the text counts, the
        first dated as the text dates them ("từ tháng 4/2003"), the others not."""
        drafts = [draft]
        for _ in range(1, min(count, MAX_COUNTED)):
            event = Event(**{**draft.event.__dict__, "participants": [], "date": None})
            event.parties = list(draft.event.parties)
            twin = Draft(event, draft.cue, draft.sentence, list(draft.people), set(draft.chairs))
            twin.counterpart = draft.counterpart = twin.undated = True
            twin.own_date = True  # its date is the text's to give, and the text gives none
            twin.name_parties = draft.name_parties
            drafts.append(twin)
        return drafts

    def legs(self, cue: Cue, end: int) -> list[str]:
        """The states of a tour, listed after its verb: "công du ba nước Lào, Campuchia
        và Thái Lan", "sẽ tới Algeria và Gabon". Empty unless two or more are listed
        and the list closes with "và"."""
        body = self.body
        gap = LEG_GAP.match(body, cue.end, end)
        at = gap.end() if gap else cue.end
        ends = {s: (e, code) for s, e, code in self.parties}
        for s, e, payloads in self.places:
            city = payloads[0]
            if getattr(city, "country", None) and s not in ends:
                ends[s] = (e, city.country)
        if at not in ends:
            # "chuyến công du châu Á, với các chặng dừng chân tại Trung Quốc, Nhật Bản và
            # Hàn Quốc": a tour named by its region, its states listed further on
            stops = (m.end() for m in TOUR_STOPS.finditer(body, at, end))
            at = next((s for s in stops if s in ends), at)
        found: list[str] = []
        while at in ends:
            stop, code = ends[at]
            found.append(code)
            sep = LIST_SEP.match(body, stop, end)
            if not sep:
                break
            at = sep.end()
            if "và" in sep.group():
                if at in ends:
                    found.append(ends[at][1])
                    return list(dict.fromkeys(found)) if len(set(found)) >= 2 else []
                break
        return []

    def split_legs(self, at: Context, draft: Draft) -> list[Draft]:
        """One visit per state of a tour (SCHEMA: legs of a tour), each with the
        travellers and that state."""
        listed = self.legs(at.cue, at.sentence.end)
        if not listed or "ceremony" in at.cue.flags:
            return [draft]
        people = self.doc.record.people
        home = [
            people[p].country for p in draft.people if 0 <= p < len(people) and people[p].country
        ]
        home = home or [c for c in draft.event.parties if c not in listed]
        drafts: list[Draft] = []
        for code in listed:
            event = Event(**{**draft.event.__dict__, "participants": []})
            event.parties = [c for c in dict.fromkeys(home + [code]) if c]
            leg = counterpart_of(draft, event, at.cue, list(draft.people), set(draft.chairs))
            leg.leg = code
            if drafts:  # the tour's date is its first leg's: the text places no later one
                event.date = None
                leg.undated = leg.own_date = True
            drafts.append(leg)
        return drafts


def fill_countries(doc: Doc, events: list[Event]) -> None:
    """A foreigner whose country the text never states takes the other side's country
    in a two-party event ("các chuyến thăm Việt Nam của … Bounnhang Volachith")."""
    for person in doc.record.people:
        if person.country:
            continue
        for event in events:
            names = [p.name for p in event.participants]
            others = [
                c
                for c in event.parties
                if c not in {p.country for p in event.participants if p.country}
            ]
            if person.name in names and len(event.parties) == 2 and len(others) == 1:
                person.country = others[0]
                break
        for event in events:
            for participant in event.participants:
                if participant.name == person.name:
                    participant.country = person.country


def may_report_events(doc: Doc, lex: Lexicons) -> bool:
    """Whether any sentence could report an event: a trigger word, a series name, or a
    verb of motion before a place ("sẽ tới Venezuela"). Four articles in ten of the
    corpus have none, and skip the reading of every sentence."""
    body = doc.body
    if lex.find_in(doc.matches, "triggers", body) or lex.find_in(doc.matches, "series", body):
        return True
    places = lex.find_in(doc.matches, "party_names", body) + lex.find_in(
        doc.matches, "places", body
    )
    return any(MOVE.search(body, max(0, s - MOVE_REACH), s) for s, _, _ in places)


def run(doc: Doc, lex: Lexicons) -> None:
    """The meetings, visits and calls the body reports, one event per occurrence.

    Reads: anchor_year, asides, body, mentions, record.people, record.published, sentences, times.
    Adds: record.events.
    """
    if not may_report_events(doc, lex):
        doc.record.events = []
        return
    events = Reader(doc, lex).read()
    fill_countries(doc, events)
    doc.record.events = events
