"""Events stage: meetings, visits and calls, one per occurrence, with their fields.

Each sentence is read as a few cues (trigger words from triggers.tsv and series names
from series.tsv). A cue owns the stretch of text from itself to the next cue or
clause break; what it owns (dates, people, places, parties) is its own, what stands
elsewhere in the sentence is shared by the sentence's main event. Cues that only
point back ("tại hội nghị", "cuộc gặp này") are folded into the event already
reported, so each occurrence is one event however often it is mentioned.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from typing import Any

from diplonews.extract.doc import Doc, Mention
from diplonews.extract.events import (
    addresses,
    audit,
    context_sides,
    dating,
    discussions,
    enumerations,
    fields,
    merging,
    movements,
    placing,
    roles,
    sessions,
    world,
)
from diplonews.extract.events.cues import (
    APPOSITION,
    ATTEND,
    BACK_LEAD,
    BY_BEFORE,
    CHAIRED_BACK,
    CONSIDERED,
    EDITION,
    HELD,
    HOME,
    HOSTING,
    HOSTING_LONGEST,
    HYPOTHETICAL,
    LEADERS_ABROAD,
    LEADS_AFTER,
    LOCATED,
    LOCATION_LEAD,
    MODAL,
    NAME_STOP,
    NEGATED,
    NEGATED_EVENT,
    NOT_EVENT_TIME,
    PARTY_KINDS,
    PLANNED,
    PLURAL_BEFORE,
    POINTS_BACK,
    POSTING,
    PRE_REACH,
    REPORTING,
    SECONDARY,
    SECONDARY_LONGEST,
    WILLING,
    Cue,
    Sentence,
    chaired_by,
    clause_bounds,
    excluded_before,
    find_cues,
    host_spans_of,
    last_words,
    month_of,
    parse_edition,
    party_spans,
    series_name,
    wished_part,
)
from diplonews.extract.events.drafts import Context, Draft
from diplonews.extract.events.fields import INNER_ACRONYM, in_quotes
from diplonews.extract.events.movements import RETURNING, may_report_events
from diplonews.extract.events.outcomes import attach_unreported, find_outcomes
from diplonews.extract.lexicons import City, Lexicons
from diplonews.extract.record import Event
from diplonews.extract.spans import Spans, covering, start_attribute, within
from diplonews.text import fold

# "các cuộc hội đàm với …" tells the events themselves, "các cuộc đàm phán về giá" not
# (PLURAL_BEFORE, in cues: "những cuộc gặp" counts occurrences vaguely, none told).
DEFINITE_PLURAL = re.compile(r"\bcác\s+$")
PLURAL_WITH = re.compile(r"[^,;.]{0,40}?\b(?:với|giữa)\s")
# "đã khai mạc các cuộc đàm phán", "sẽ có các cuộc họp": plural talks held or opened
# (see Reader.plural_held); "hai nước", "Sáu nước": the states that hold them, counted.
PLURAL_HELD = re.compile(
    r"\b(?:có|tổ chức|tiến hành|bắt đầu|khai mạc|tham dự|tham gia|kết thúc)\s+(?:các|những)\s+$"
)
DAY_TOLD = re.compile(
    r"(?<!\w)(?:(?:hôm|sáng|chiều|tối|trưa|đêm) (?:nay|qua)|(?:ngày|sáng|chiều|tối) mai"
    r"|tuần (?:này|tới|sau)|đầu tuần|cuối tuần)(?!\w)",
    re.IGNORECASE,
)
STATES_COUNTED = re.compile(r"\b(?:\d+|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu)\s+(?:nước|quốc gia)\b")
NAME_TAIL = re.compile(r"\s+(?:và|cùng)(?:\s+(?:tham\s+)?dự)?(?:\s+các)?\s*$")
NAME_JOIN_TAIL = re.compile(r"\s+(?:và|các)$")


# ", do Thủ tướng X dẫn đầu", ", dẫn đầu đoàn là ông X": the head of a delegation named
# after a comma.
LED_BY = re.compile(
    r",\s*(?:do\s+[^,;.]{0,100}?\b(?:dẫn đầu|làm trưởng đoàn)\b"
    r"|(?:người\s+)?(?:dẫn đầu|đứng đầu|trưởng)\s+(?:đoàn|phái đoàn)\s+là\s+[^,;.]{0,80})"
)


# "mời X thăm", "nhận lời mời thăm": an invitation, not "theo lời mời của X" (a visit's host)
INVITED = re.compile(r"(?:(?<!lời )\bmời\b|\bnhận lời mời\b)[^,;.]{0,60}$")
# "Đây là chuyến thăm … đầu tiên", "Đây được xem là chuyến thăm … cuối cùng": the visit
# just reported, described
COPULA_BACK = re.compile(r"^\s*(?:Đây|Đó)\s+(?:\w+\s+){0,3}?là\s+(?:\w+\s+){0,2}$")
DEFINED = re.compile(r"\s+là\s+(?:một\s+)?(?:tổ chức|cơ chế|khuôn khổ|diễn đàn)\b")
# "hủy chuyến thăm", "chuyến thăm … đã bị hủy bỏ": called off, neither held nor planned
# (a postponed one, "hoãn", stays planned).
# "huỷ kế hoạch thăm", "bỏ kế hoạch thăm Tokyo", "gác lại chuyến thăm": a plan given up
# (not "không từ bỏ các chuyến thăm": kept up; nor "bỏ dở chuyến thăm": cut short, held);
# "hủy kế hoạch đón tiếp X": the reception planned, given up; "huỷ một chuyến công du tới
# Washington", "hủy một cuộc họp với …": one of them called off.
CANCELLED_BEFORE = re.compile(
    r"(?<!không )(?<!chưa )\b(?:(?:hủy|huỷ)(?:\s+bỏ)?|(?:từ\s+)?bỏ|gác lại|rút lại)\s+"
    r"(?:(?:kế hoạch|dự định|ý định)\s+)?(?:các\s+|cả\s+|một\s+)?(?:đón\s+)?$",
    re.IGNORECASE,
)
CANCELLED_AFTER = re.compile(r"[^.;:]{0,100}?\b(?:đã\s+)?bị\s+(?:hủy|huỷ)\b", re.IGNORECASE)
HABITUAL = re.compile(r"\b(?:thường xuyên|thường|hay|luôn)\s+(?:\w+\s+){0,2}$")
# "cuộc hội đàm riêng với …", "cuộc hội đàm kéo dài hơn hai tiếng với …"
WITH_AFTER = re.compile(r"(?:\s+\w+){0,6}?\s+với\b")
HAVING = re.compile(r"\b(?:có|tiến hành|tổ chức)\s+(?:một\s+|các\s+|những\s+)?$")
COPULA_CLAUSE = re.compile(r"^\s*(?:là|cũng là)\s+(?:\w+\s+){0,2}$")
# An event's bare noun opening its sentence as the subject of its taking place, after the
# event was told: "Chuyến thăm sẽ diễn ra từ ngày 10-12/6", "Cuộc hội đàm diễn ra chiều
# 4/6 tại …": the event again, its time told now.
OCCURS_AFTER = re.compile(
    r"(?:\s+của\s+(?:ông|bà|hai\s+\w+|[^,;.()]{1,40}?))?\s*"
    r"(?:(?:sẽ|đã|dự kiến|được|sắp|vừa|chính thức)\s+)*"
    r"(?:diễn ra|kéo dài|được tổ chức|bắt đầu|khai mạc)(?!\w)"
)


# A subject that points back to officials named before (issue 12): "Hai Thủ tướng đã hội
# đàm", "hai nhà lãnh đạo nhất trí …" (the two sides of the talks in progress or of the
# sentence before), "Chiều cùng ngày, Bộ trưởng đã hội đàm với …" (the official of that
# title named in the sentence before). Each may follow a leading adjunct ("Sau đó, ").
BACK_LEAD_ADJUNCT = r"\s*(?:[^,.;:\n]{0,40},\s*)?"
# "Hai ông sẽ gặp nhau", "Họ đã hội đàm", "Cả hai đều đã gặp …": a bare plural pronoun
# points back to two officials only as the subject of what they do; the word after it
# must be a tense or the event's verb ("hai người dân", "họ cần" are not).
GROUP_VERB = (
    r"(?:đã|sẽ|vừa|đang|cũng|đều|mới|lại|sắp|dự kiến|tiếp tục|tiến hành|có|hội|gặp|điện"
    r"|trao đổi|thảo luận|đàm phán)\b"
)
BACK_PAIR = re.compile(
    BACK_LEAD_ADJUNCT
    + r"(?P<np>[Hh]ai\s+(?:nhà lãnh đạo|vị lãnh đạo|lãnh đạo|nguyên thủ|người đứng đầu"
    r"|(Thủ tướng|Bộ trưởng|Ngoại trưởng|Tổng thống|Chủ tịch|Phó Thủ tướng|Thứ trưởng|Tổng Bí thư"
    r"|Phó Tổng thống|Thủ tướng|Quốc vương|Chủ tịch Quốc hội|Chủ tịch nước))"
    r"(?:\s+(?:Ngoại giao|Quốc phòng|nước|Quốc hội))?"
    r"|(?P<group>(?:[Hh]ai\s+(?:ông|bà|vị|người)|[Hh]ọ|[Cc]ả\s+hai)(?=\s+" + GROUP_VERB + r")))\b"
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


# ---------------------------------------------------------------- the stage


# A wish the event's words closely follow, nothing between told as done or as the time of
# another act: "đề nghị hai bên phối hợp tổ chức tốt chuyến thăm …", not "đề xuất phương
# thức gặp từ xa khi gặp X hôm 17/6" (the meeting is when the proposal was made).
WISH_PLAN = re.compile(
    r"(?<!\w)(?:đề xuất|đề nghị|mong muốn|hy vọng|kỳ vọng)(?!\w)"
    r"(?:(?!(?<!\w)(?:khi|đã|vừa|từng|trong|tại)(?!\w))[^,;.:\n]){0,60}$"
)


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
        hosts = host_spans_of(doc, lex)
        if hosts:
            self.parties = sorted(self.parties + hosts)
            self.party_starts |= {s for s, _, _ in hosts}
        self.triggers = lex.find_in(doc.matches, "triggers", self.body)
        self.documents = (self.body, lex.find_in(doc.matches, "documents", self.body))
        titles = Spans(lex.find_in(doc.matches, "titles", self.body))
        self.title_starts = [s for s, _, _ in titles]
        # A series named inside a title ("Trưởng SOM ASEAN") is not an event; one that a
        # title only opens ("trưởng đoàn đàm phán 6 bên": the title's "đàm phán" starts the
        # six-party talks) names the talks its holder goes to.
        self.series_hits = [
            h
            for h in lex.find_in(doc.matches, "series", self.body)
            if not any(s <= h[0] < e and h[1] <= e for s, e, _ in covering(titles, h[0]))
        ]
        # "Hội đồng Bảo an LHQ đã họp", "cuộc họp của IAEA": an organisation's own session
        self.series_hits += [
            h
            for h in sessions.sessions(self.body, doc.sentences, self.parties, lex)
            if not any(h[0] < e and s < h[1] for s, e, _ in self.series_hits)
        ]
        self.series_hits.sort(key=lambda h: h[0])
        if "(" in self.body:
            self.series_hits = abbreviated_series(self.body, self.series_hits)
        self.mentions: list[Mention] = doc.mentions
        self.taking_part = [
            m
            for m in doc.mentions
            if not excluded_before(self.body, m.start)
            and not (
                BY_BEFORE.search(self.body, max(0, m.start - 8), m.start)
                and not LEADS_AFTER.match(self.body, m.end, m.end + 80)
                and not chaired_by(self.body, m.start, m.end)
            )
        ]
        self.taking_part = roles.outside_member_lists(self.body, doc.sentences, self.taking_part)
        # Looked up by range, sentence by sentence: by bisection (spans.py), not by scan.
        self.parties, self.places = Spans(self.parties), Spans(self.places)
        self.triggers, self.series_hits = Spans(self.triggers), Spans(self.series_hits)
        self.documents = (self.body, Spans(self.documents[1]))
        self.title_starts = Spans(self.title_starts, key=int)
        self.regions = Spans(self.regions)
        self.taking_part = Spans(self.taking_part, key=start_attribute)
        self._times: Spans[Any] | None = None  # see `times`
        self._unresolved: list[Any] | None = None
        self.drafts: list[Draft] = []
        self.anaphor: tuple[int, int, list[Mention]] | None = None
        self.sidelines: dict[int, Draft] = {}  # a meeting kept apart → the gathering it is beside
        self.planned_cues: set[int] = set()  # ids of cues read as planned (see read_cue)
        self.posted: dict[int, bool] = {}  # party or place offset → an envoy's post?
        self.talks_hosts: dict[int, str] = {}  # talks told as a trip's purpose → its host
        self.stop_travellers: dict[int, int] = {}  # a tour's stop ("Chặng dừng chân …") → who
        self.spokespeople = fields.spokespeople(doc.record.people)  # who speak for others
        moves = (
            movements.movements(self)
            + discussions.discussions(self)
            + discussions.joint_discussions(self)
            + discussions.visit_discussions(self)
            + addresses.addresses(self)
        )
        if moves:
            self.triggers = sorted(self.triggers + moves, key=lambda t: t[0])

    @property
    def times(self) -> Spans[Any]:
        """The dates that can date an event, by start. Looked up only once a sentence tells
        an event: the dates stage's work (`Doc.defer_dating`) is then done, and only then."""
        if self._times is None:
            body = self.body
            self._times = Spans(
                [
                    t
                    for t in self.doc.times
                    if t.value
                    and t.relation != "horizon"
                    and not NOT_EVENT_TIME.search(body, max(0, t.start - 40), t.start)
                    and not dating.SINCE_APPOSITION.search(body, max(0, t.start - 80), t.start)
                ],
                key=start_attribute,
            )
        return self._times

    @property
    def unresolved(self) -> list[Any]:
        """The dates the text gives no value to, looked up as `times` is."""
        if self._unresolved is None:
            self._unresolved = [t for t in self.doc.times if not t.value and not t.loose]
        return self._unresolved

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

    def list_start(self, clause_start: int, sentence_start: int) -> int:
        """A clause's start, carried back over commas that list parties before it ("Bắc
        Triều Tiên, Mỹ, Trung Quốc, Nhật, Nga và Hàn Quốc sẽ nhóm họp"): the list is one
        subject."""
        body, starts = self.body, self.party_starts
        while clause_start > sentence_start and body[clause_start - 1] == ",":
            at = clause_start
            while at < len(body) and body[at] == " ":
                at += 1
            before = [
                e for _, e, _ in within(self.parties, max(0, clause_start - 40), clause_start)
            ]
            if at not in starts or not before or max(before) != clause_start - 1:
                break
            clause_start, _ = clause_bounds(
                body, sentence_start, clause_start - 1, clause_start - 2
            )
        return clause_start

    def led_by_end(self, clause_end: int, sentence_end: int) -> int:
        """A clause's end, carried past the head of the delegation it names ("gặp một
        phái đoàn Haiti, do người đồng nhiệm X dẫn đầu, …"): the head is met too."""
        led = LED_BY.match(self.body, clause_end, sentence_end)
        return led.end() if led else clause_end

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
                audit.dropped("reporting-before", body, (start, end), c)
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
                if not self.plural_held(c, start, end):
                    audit.dropped("plural", body, (start, end), c)
                    continue
                c.flags = c.flags | {"held-plural"}  # rounds held on a day by named states
            if self.names_document(c.start, start):
                audit.dropped("document-name", body, (start, end), c)
                continue  # "Điều khoản tham chiếu Tham vấn Hải quân …": a document's name
            if "credentials" in c.flags and any("reception" in k.flags for k in keep):
                audit.dropped("credentials", body, (start, end), c)
                continue  # "tiếp Đại sứ … trình quốc thư": the reception already says it
            if (
                c.generic
                and HAVING.search(body, max(start, c.start - 16), c.start)
                and WITH_AFTER.match(body, c.end, min(end, c.end + 50))
            ):
                # "có cuộc hội đàm riêng với …", "sẽ có cuộc gặp với …": a new event told
                # as a predicate, not the one already reported
                c.generic, c.flags = False, c.flags | {"verb"}
            keep.append(c)
        cues = keep
        for i, cue in enumerate(cues):
            nxt = cues[i + 1].start if i + 1 < len(cues) else end
            _, clause_end = clause_bounds(body, start, end, cue.end)
            clause_end = enumerations.taking_part_end(self, clause_end, end)
            cue.own_end = min(nxt, self.led_by_end(self.list_end(clause_end, end), end))
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

    def plural_held(self, cue: Cue, start: int, end: int) -> bool:
        """Whether "các cuộc đàm phán" is held or opened on a day the sentence gives, by
        states it names or counts ("Sáng nay, quan chức CHDCND Triều Tiên và Hàn Quốc đã
        khai mạc các cuộc đàm phán", "Sáu nước sẽ có các cuộc họp cấp thấp ngày 12/5"):
        rounds of talks told as an occurrence, not talks as a process."""
        if not PLURAL_HELD.search(self.body, max(start, cue.start - 30), cue.start):
            return False
        states = {
            code
            for code in self.parties_in(start, end)
            if getattr(self.lex.party(code), "kind", "") == "state"
        }
        if len(states) < 2 and not STATES_COUNTED.search(self.body, start, cue.start):
            return False
        # a day told ("hôm nay" has no date in an undated article, but tells a day)
        return bool(DAY_TOLD.search(self.body, start, end)) or any(
            start <= t.start < end and t.precision != "year" and not t.loose for t in self.doc.times
        )

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
                if len(chosen) == 2 and (
                    not found.group("group") or context_sides.two_states(self, chosen)
                ):
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
            if len(times) == 1:  # a range of days ("từ ngày 8-10/10") tells only the month
                date, own_date = times[0].value, True
                if times[0].end_value:
                    date = month_of(date)
        return date, own_date, location or self.location_in(start, end)

    def before_publication(self, value: str | None) -> bool:
        """Whether a date is before the article's time (its publication date, else its
        year), compared at the precision both have; False when either is unknown."""
        now = self.doc.record.published or (
            str(self.doc.anchor_year) if self.doc.anchor_year else None
        )
        if not value or not now:
            return False
        precision = min(len(value), len(now))
        return value[:precision] < now[:precision]

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
        date, own_date, relation = fields.cue_date(self, at)
        span = (sentence.start, sentence.end), cue  # where a drop is told (audit hook)
        wished = bool(HYPOTHETICAL.search(wished_part(cue, at.recent)))
        if not own_date and (wished or "xem xét" in at.recent and CONSIDERED.search(at.recent)):
            audit.dropped("hypothetical", self.body, *span)
            return  # "đề xuất hai bên sớm gặp mặt": a wish, not an event
        if MODAL.search(at.recent):
            audit.dropped("modal", self.body, *span)
            return  # "có thể gặp", "nếu … gặp": a possibility, not an event
        if DEFINED.match(self.body, cue.name_end, at.sentence.end):
            audit.dropped("defined", self.body, *span)
            return  # "Diễn đàn Châu Á Boao là một tổ chức …": the body itself, described
        if not own_date and HABITUAL.search(at.recent):
            audit.dropped("habitual", self.body, *span)
            return  # "thường xuyên tiếp xúc với Thủ tướng Modi": a habit, not an occurrence
        if CANCELLED_BEFORE.search(at.recent) or (
            cue.start <= at.sentence.content_start + 2
            and CANCELLED_AFTER.match(self.body, cue.end, at.sentence.end)
        ):
            audit.dropped("cancelled", self.body, *span)
            return
        if not own_date and WILLING.search(at.recent):
            return  # "sẵn sàng đàm phán với Syria": a side willing to talk, no talks told
        if NEGATED_EVENT.search(at.recent):
            return  # "không có cuộc gặp nào", "từ chối gặp": denied or refused, not held
        if cue.kind == "visit" and not own_date and INVITED.search(at.recent):
            audit.dropped("invited", self.body, *span)
            return  # "mời Tổng thống Putin thăm Việt Nam": an invitation, not yet a visit
        people, chairs = fields.cue_people(self, at)
        people = fields.without_spokespeople(self, cue, people)
        planned = bool(PLANNED.search(self.body, at.lead_start, cue.own_end)) or (
            getattr(relation, "relation", None) == "future"
        )
        if wished and WISH_PLAN.search(at.recent) and not self.before_publication(date):
            # "đề nghị hai bên phối hợp tổ chức tốt chuyến thăm … trong năm 2024": a wish
            # given a time to come is a plan (undated, it is no event: dropped above)
            planned = True
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
        codes = fields.cue_parties(self, at, people)
        if cue.start in self.talks_hosts and self.talks_hosts[cue.start] not in codes:
            codes.append(self.talks_hosts[cue.start])  # "tới Trung Quốc để bàn về …"
        if NEGATED.search(at.lead[-80:]):
            people, codes = [], list(at.name_parties)  # "… không tham dự cuộc họp"
        series_en = (
            cue.series.name_en or None  # "cuộc họp của NATO": the body's, by no fixed name
            if cue.series
            else fields.composed_series(self, cue, bool(at.edition))
            or fields.series_past_acronym(self, at.name)
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
            format=fields.cue_format(self, at, location, people),
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
        self.drafts.extend(enumerations.split_counterparts(self, at, draft))

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
            and not fields.members_toured(self, cue, code, cue.name_end)
        ]  # "chuyến công du 6 nước ASEAN": a tour of some of its members, not of the bloc
        ed = EDITION.search(body, cue.start, cue.name_end)
        edition = parse_edition(ed.group(1)) if ed else None
        if edition is None and cue.series:
            number = re.match(r"\s*[-–]?\s*(\d{1,3})\b", body[cue.end : cue.end + 6])  # "ASEP-3"
            edition = int(number.group(1)) if number else None
        if edition is None:
            edition = fields.session_number(self, cue)
        head = (cue.joined_to or cue).start
        before = body[max(sentence.start, head - 120) : head]  # what the patterns look back on
        points_back = (
            bool(POINTS_BACK.match(body[cue.name_end : cue.name_end + 12]))
            or bool(POINTS_BACK.match(body[cue.end : cue.end + 12]))
            or bool(CHAIRED_BACK.match(body, cue.end, sentence.end))
            or bool(BACK_LEAD.match(body[sentence.start : cue.start]))
            or (cue.named and self.is_bare(cue))
            or (
                not cue.named
                and not body[sentence.start : cue.start].strip()
                and bool(OCCURS_AFTER.match(body, cue.end, sentence.end))
                and bool(self.times_in(cue.end, sentence.end))
            )
            or context_sides.owned_by_group(self, cue, sentence.end)
            or any(
                c.start < cue.start and APPOSITION.fullmatch(body, c.name_end, cue.start)
                for c in sentence.cues
            )
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
            bool(SECONDARY.search(before, last_words(before, SECONDARY_LONGEST))),
            bool(ATTEND.search(before))
            or bool(cue.joined_to and "dự" in body[cue.joined_to.name_end : cue.start]),
            bool(HOSTING.search(before, last_words(before, HOSTING_LONGEST))),
            points_back,
        )

    # -- a mechanism named "<mechanism> <party>-<party>"

    # -- a trip told by a verb of motion: "X sẽ tới Venezuela"

    # -- several counterparts after one verb: one event each


# A mechanism's name followed by the abbreviation the text will use for it: "Hội nghị Cấp
# cao ASEAN+3 (APT)", "Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM)".
ABBREVIATION_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9+\-]{1,9})\s*\)")
# A meeting's word before such an abbreviation later on: "Hội nghị APT", "Hội nghị Cấp cao
# APT", "các kỳ họp AMM".
ABBREVIATED_MEETING = r"(?<!\w)(?:[Hh]ội nghị(?:\s+(?:[Cc]ấp cao|[Tt]hượng đỉnh|[Bb]ộ trưởng))?|[Cc]uộc họp|[Kk]ỳ họp)\s+"


def abbreviated_series(body: str, hits: list[Any]) -> list[Any]:
    """Add, as mentions of a mechanism, the meetings the text names by the abbreviation it
    gave that mechanism in parentheses: "Hội nghị Cấp cao ASEAN+3 (APT) lần thứ 23 …
    Hội nghị APT được tiến hành lần đầu tiên vào tháng 12/1997" is the ASEAN Plus Three
    Summit again, and its first occurrence is one of its own."""
    added: list[Any] = []
    taken = sorted((s, e) for s, e, _ in hits)  # the spans named so far, by start
    longest = max((e - s for s, e in taken), default=0)
    done: set[str] = set()
    for start, end, series in hits:
        m = ABBREVIATION_AFTER.match(body, end)
        if m is None or m.group(1) in done:
            continue  # an abbreviation given again: its uses are the first one's already
        done.add(m.group(1))
        use = re.compile(ABBREVIATED_MEETING + re.escape(m.group(1)) + r"(?![\w+\-])")
        for u in use.finditer(body, m.end()):
            # a span overlaps u when it starts before u's end and ends after u's start
            lo = bisect_left(taken, (u.start() - longest,))
            hi = bisect_left(taken, (u.end(),))
            if not any(e > u.start() for _, e in taken[lo:hi]):
                added.append((u.start(), u.end(), series))
                insort(taken, (u.start(), u.end()))
                longest = max(longest, u.end() - u.start())
    return sorted([*hits, *added], key=lambda h: h[0]) if added else hits


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


# Whether `fields.INNER_ACRONYM` matches anywhere: the same pattern without its leading
# spaces, which may be none, so that it opens with "(" and the engine skips ahead to it.
ACRONYM_IN_NAME = re.compile(INNER_ACRONYM.pattern.removeprefix(r"\s*"))


def names_beyond_home(doc: Doc, lex: Lexicons) -> bool:
    """Whether the article names anything that can make an event diplomacy: a state, bloc
    or organisation other than Vietnam (in the body, in compounds, in "nước chủ nhà", in
    the headline), a city abroad, a series or a sitting body, an official of another or
    of no known state, an address to the Security Council, or an acronym inside a name
    (which `fields.series_past_acronym` reads as a series).

    Merging keeps an event only with a series, a party other than Vietnam or a visitor of
    unknown state (its last test, "home-only"), and every series, party and participant
    an event gets comes from these; without any of them no event can be told, and the
    sentences need not be read. A third of the articles past `may_report_events` of the
    corpus (domestic news with a verb of meeting) end here; the audit hook, when set,
    still sees them read."""
    body = doc.body
    if any(person.country != HOME for person in doc.record.people):
        return True
    if any(m.country not in (HOME, None) for m in doc.mentions):
        return True
    if lex.find_in(doc.matches, "series", body):
        return True
    parties = party_spans(doc, lex)
    if any(code != HOME for _, _, code in parties):
        return True
    places = lex.find_in(doc.matches, "places", body)
    if any(
        getattr(city, "country", "") not in (HOME, "") for *_, cities in places for city in cities
    ):
        return True
    hosts = host_spans_of(doc, lex)
    if any(code != HOME for _, _, code in hosts):
        return True
    title = doc.record.title or ""
    if any(code not in (HOME, "-") for *_, codes in lex.party_names.find(title) for code in codes):
        return True
    if addresses.may_tell(body) or ACRONYM_IN_NAME.search(body) or LEADERS_ABROAD.search(body):
        return True
    return bool(sessions.sessions(body, doc.sentences, sorted(parties + hosts), lex))


def run(doc: Doc, lex: Lexicons) -> None:
    """The meetings, visits and calls the body reports, one event per occurrence.

    Reads: anchor_year, asides, body, mentions, record.people, record.published, sentences, times.
    Adds: record.events.
    """
    if not may_report_events(doc, lex) or (audit.SINK is None and not names_beyond_home(doc, lex)):
        doc.record.events = []
        return
    events = Reader(doc, lex).read()
    fill_countries(doc, events)
    doc.record.events = events
