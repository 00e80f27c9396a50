"""Talks whose sides only the context gives: the clause names no one and no state.

World news tells talks after the story has named the two sides, then calls them by a
plural: "Bắc Kinh quyết định viện trợ kinh tế cho CHDCND Triều Tiên. Hai bên đang đàm
phán các chi tiết". Such a clause is an occurrence of its own (the draft has no people
and no parties, so the merging stage's not-alone gate turns it down); this module finds
its sides in the sentences before it (or in the headline) and keeps it, unless an event
of those two sides is already told, which it then most often repeats ("Hai bên đã thảo
luận …" after the reception told first).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.events import roles
from diplonews.extract.events.cues import SPORT
from diplonews.extract.events.sides import (
    MIN_SIDES,
    TALKS_NOUNS,
    TALKS_VERBS,
    headline_states,
    side_spans,
)
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.doc import Mention
    from diplonews.extract.events.cues import Cue
    from diplonews.extract.events.drafts import Context, Draft
    from diplonews.extract.events.reader import Reader

# "Hai bên đang đàm phán", "hai nước sẽ tiến hành hội đàm", "Hai phía đã gặp nhau": the
# plural subject, then only tense, time or a verb that holds talks before the cue. A
# wish or a condition ("cần", "phải", "nếu") is not in the list, so it never matches.
BOTH_SUBJECT = re.compile(
    r"\b[Hh]ai\s+(?:bên|nước|phía)\s+"
    r"(?:(?:đã|đang|sẽ|vừa|cũng|mới|lại|sắp|dự kiến|tiếp tục|bắt đầu|hôm qua|hôm nay"
    r"|ngày mai|tuần tới|tuần trước|tiến hành|tổ chức|nối lại|có|một|các|những|cuộc"
    r"|vòng|buổi)\s+)*$"
)
SUBJECT_REACH = 60  # characters before the cue searched for the plural subject
# A counted round "giữa hai nước (láng giềng)", "giữa hai bên": its sides told after it.
BETWEEN_BOTH = re.compile(r"\bgiữa\s+hai\s+(?:nước|bên|phía|quốc gia)\b")
# "Nếu hai bên …", "để hai nước …", "khi hai bên …": a condition or a purpose, no occurrence.
CONDITION_BEFORE = re.compile(
    r"\b(?:[Nn]ếu|[Kk]hi|để|[Đđ]ể|giúp|[Mm]ong|muốn|kêu gọi|thúc giục|đề nghị|cho rằng"
    r"|hy vọng|hi vọng)\s+(?:\S+\s+){0,2}$"
)
# "gặp" alone is a meeting only when the two meet one another ("gặp nhau", "gặp gỡ").
MEET_EACH_OTHER = re.compile(r"\s+nhau\b")
CONTEXT_REACH = 3  # sentences before whose states and officials the plural points to


def states_named_before(reader: Reader, d: Draft, at: int) -> list[str]:
    """The first two states named going back from `at` (the clause, then the sentences
    before, then the headline near the body's start), counting the states of the
    officials named; [] when the stretch that brings the second names a third too."""
    people = reader.doc.record.people
    start = reader.doc.sentences[d.sentence][0]
    stretches = [(start, at)]
    stretches += [reader.doc.sentences[i] for i in range(d.sentence - 1, -1, -1)][:CONTEXT_REACH]
    states: list[str] = []
    for a, b in stretches:
        found = [
            (s, code)
            for s, _, code in side_spans(reader, a, b)
            if getattr(reader.lex.party(code), "kind", "") == "state"
        ]
        found += [
            (m.start, str(people[m.person].country))
            for m in reader.mentions_in(a, b)
            if 0 <= m.person < len(people) and people[m.person].country
        ]
        states = list(dict.fromkeys(states + [code for _, code in sorted(found, reverse=True)]))
        if len(states) >= MIN_SIDES:
            return states if len(states) == MIN_SIDES else []
    if d.sentence <= CONTEXT_REACH:
        states = list(dict.fromkeys(states + headline_states(reader)))
        return states if len(states) == MIN_SIDES else []
    return []


# "Cuộc gặp giữa hai nhà lãnh đạo sẽ diễn ra …", "Cuộc gặp gần nhất của họ diễn ra năm
# 2002": a meeting owned by a plural that points back to two officials named before
# (not "giữa hai nhà lãnh đạo Anh và Mỹ": the states named, sides.py's; nor "hai nước";
# nor "các cuộc đàm phán của họ với Tehran": one side, the other named).
OWNER_WORDS = (
    r"(?:\s+(?:đầu tiên|gần nhất|gần đây nhất|mới nhất|cuối cùng|trực tiếp|riêng|mặt|gỡ"
    r"|thượng đỉnh|song phương|sắp tới|tiếp theo|lần này|trước đó|hôm qua))*"
)
OWNER_GROUP = re.compile(
    OWNER_WORDS + r"\s+(?:giữa|của)\s+(?:hai\s+(?:ông|bà|vị|người|nhà lãnh đạo|vị lãnh đạo|lãnh đạo"
    r"|nguyên thủ|Ngoại trưởng|Thủ tướng|Tổng thống|Bộ trưởng|Chủ tịch)|họ|cả hai)\b"
    r"(?!\s+(?:nước|bên|phía|quốc gia|với|\w+\s+và)\b)"
)
# A plural of the two leaders as a clause's subject ("…, hai nhà lãnh đạo đã nhất trí").
GROUP_SUBJECT = re.compile(
    r"(?:^|[,:]\s*)(?:[Hh]ai\s+(?:ông|bà|vị|bên|phía|nhà lãnh đạo|vị lãnh đạo|lãnh đạo|nguyên thủ"
    r"|Ngoại trưởng|Thủ tướng|Tổng thống|Bộ trưởng|Chủ tịch)|[Cc]ả\s+hai)\s+"
    r"(?:đã|sẽ|cũng|đều|vừa|nhất trí|thống nhất|khẳng định|bày tỏ|ký|thảo luận|trao đổi)\b"
)
OWNER_NAMED_AFTER = 4  # characters after the plural in which a name or a state would stand


def officials_named_before(reader: Reader, sentence: int, at: int) -> list[Mention]:
    """The two officials of two different states that a plural at `at` points back to:
    those named last, in its own sentence before it or in the CONTEXT_REACH sentences
    before; [] when the stretch that brings the second brings a third, or one state."""
    people = reader.doc.record.people
    start = reader.doc.sentences[sentence][0]
    stretches = [(start, at)]
    stretches += [reader.doc.sentences[i] for i in range(sentence - 1, -1, -1)][:CONTEXT_REACH]
    found: dict[int, Mention] = {}
    for a, b in stretches:
        for m in reversed(reader.mentions_in(a, b)):
            if m.name and 0 <= m.person < len(people) and m.person not in found:
                found[m.person] = m
        if len(found) >= MIN_SIDES:
            break
    officials = list(found.values())[::-1]
    return officials if len(officials) == MIN_SIDES and two_states(reader, officials) else []


def two_states(reader: Reader, mentions: list[Mention]) -> bool:
    """Whether officials are each of a different known state: a plural ("hai ông", "họ")
    then stands for the sides of talks, not for two of one government."""
    people = reader.doc.record.people
    states = {str(people[m.person].country or "") for m in mentions}
    return len(states) == len(mentions) and "" not in states


def group_in_sentence(reader: Reader, d: Draft) -> bool:
    """Whether the sentence of a draft's word has a plural of two leaders as the subject
    of a clause after it: "Trong cuộc hội đàm hôm qua, hai nhà lãnh đạo đã …"."""
    start, end = reader.doc.sentences[d.sentence]
    return bool(GROUP_SUBJECT.search(reader.body[d.cue.end : end])) or bool(
        GROUP_SUBJECT.match(reader.body[start : d.cue.start])
    )


def owned_by_group(reader: Reader, cue: Cue, end: int) -> bool:
    """Whether a meeting's word is owned by a plural after it ("cuộc gặp giữa hai nhà
    lãnh đạo"): the meeting of two named before, most often the one just told."""
    if cue.kind == "visit" or cue.series:
        return False
    owner = OWNER_GROUP.match(reader.body, cue.end, end)
    if owner is None or reader.mentions_in(owner.end(), owner.end() + OWNER_NAMED_AFTER):
        return False
    return not within(reader.parties, owner.end(), owner.end() + OWNER_NAMED_AFTER)


def owner_pair(reader: Reader, at: Context) -> list[Mention]:
    """The two officials of a meeting owned by a plural after its word, or []."""
    cue = at.cue
    if not at.points_back or not owned_by_group(reader, cue, at.sentence.end):
        return []
    index = reader.doc.sentences.index((at.sentence.start, at.sentence.end))
    return officials_named_before(reader, index, cue.start)


# "Cuộc gặp giữa ông và Thủ tướng Anh Tony Blair": one side a bare pronoun.
OWNER_PRONOUN = re.compile(OWNER_WORDS + r"\s+giữa\s+(?P<pronoun>ông|bà)\s+(?:và|với)\s+")
# A subject of the sentence's own before the meeting ("Ông nói cuộc gặp giữa ông và …").
OWN_SUBJECT = re.compile(r"\b(?:ông|bà)\b", re.IGNORECASE)


def owner_pronoun(reader: Reader, at: Context) -> list[Mention]:
    """ "X tới London. Cuộc gặp giữa ông và Thủ tướng Anh Tony Blair …": the official the
    pronoun stands for, the one of its gender named last in the sentence before; [] when
    that one is of the other side's state, or the sentence has a subject of its own."""
    cue, body, sentence = at.cue, reader.body, at.sentence
    if cue.kind == "visit" or cue.series:
        return []
    found = OWNER_PRONOUN.match(body, cue.end, sentence.end)
    if found is None or reader.mentions_in(sentence.start, cue.start):
        return []
    if OWN_SUBJECT.search(body, sentence.start, cue.start):
        return []
    index = reader.doc.sentences.index((sentence.start, sentence.end))
    if index <= 0:
        return []
    people = reader.doc.record.people
    word = found.group("pronoun")
    named = [
        m
        for m in reader.mentions_in(*reader.doc.sentences[index - 1])
        if m.name and 0 <= m.person < len(people)
    ]
    fitting = [m for m in named if roles.honorific(reader, m.person) in {None, word}]
    other = [m for m in reader.mentions_in(found.end(), sentence.end) if m.name][:1]
    if not fitting or not other:
        return []
    last = fitting[-1]
    theirs = people[other[0].person].country if 0 <= other[0].person < len(people) else None
    if last.person == other[0].person or not people[last.person].country:
        return []
    return [] if people[last.person].country == theirs else [last]


def both_sides(reader: Reader, d: Draft) -> list[str]:
    """The two states that "hai bên/hai nước/hai phía" as the subject of talks points
    back to, or [] when the clause is not such talks."""
    cue, body = d.cue, reader.body
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if cue.kind != "meeting" or cue.series or d.people:
        return []
    if not (word in TALKS_VERBS or any(w in word for w in TALKS_NOUNS)):
        return []
    if word == "gặp" and not MEET_EACH_OTHER.match(body, cue.end):
        return []
    start = reader.doc.sentences[d.sentence][0]
    subject = BOTH_SUBJECT.search(body, max(start, cue.start - SUBJECT_REACH), cue.start)
    at = subject.start() if subject else cue.start
    if subject is None and not (
        d.event.edition and BETWEEN_BOTH.search(body, cue.end, max(cue.own_end, cue.name_end))
    ):
        return []
    if CONDITION_BEFORE.search(body, max(start, at - 25), at):
        return []
    states = states_named_before(reader, d, at)
    # a state the clause names is one of the two ("tướng lĩnh của hai bên đã gặp nhau để
    # thảo luận việc triển khai cảnh sát Palestine"), else the plural is not those two
    return states if set(d.event.parties) <= set(states) else []


def already_told(reader: Reader, states: list[str], kept: list[Draft]) -> bool:
    """Whether a meeting kept so far has both sides: the plural then tells it again. (A
    visit of the two is not: the talks held during it are an event of their own.)"""
    people = reader.doc.record.people
    for e in kept:
        if e.event.kind != "meeting":
            continue
        own = {str(people[p].country) for p in e.people if 0 <= p < len(people)}
        if set(states) <= set(e.event.parties) | own:
            return True
    return False


def keep(reader: Reader, d: Draft, kept: list[Draft]) -> bool:
    """Whether a bare draft is talks between the sides its context names, and then give
    it those sides as parties."""
    if SPORT.search(reader.body, *reader.doc.sentences[d.sentence]):
        return False  # "Uzbekistan và Kuwait sẽ gặp nhau trong một trận": national teams
    states = both_sides(reader, d) or subject_sides(reader, d)
    if not states or already_told(reader, states, kept):
        return False
    d.event.parties = states
    return True


# The sides joined as the sentence's subject: "LHQ và chính phủ Campuchia đã đạt thoả
# thuận …, sau 6 năm ròng rã đàm phán", "Nga cùng với Ukraina hôm qua ký hiệp định sau
# nhiều vòng đàm phán": talks told far after their subject, beyond what the draft reads.
# Before the first side: a time or a place set off by a comma ("Hôm qua, ", "Tại Paris, ").
SUBJECT_LEAD = re.compile(r"(?:[^,;:\"“”]{0,40},\s*)?(?:[Cc]hính (?:phủ|quyền)\s+)?")
# Between two sides of the subject: "LHQ và chính phủ Campuchia", "Nga cùng với Ukraina".
SUBJECT_JOIN = re.compile(
    r"\)?\s*(?:,|và|cùng|cùng với)\s*(?:(?:chính phủ|chính quyền|phía|giới chức|quan chức)\s+)?"
)
# A wish, a call, a condition or a purpose between the subject and the talks: no occurrence
# ("A và B cần đàm phán", "A và B kêu gọi nối lại đàm phán", "… để mở đường cho đàm phán").
NOT_TOLD = re.compile(
    r"\b(?:cần|phải|nên|muốn|mong|hy vọng|hi vọng|kêu gọi|đề nghị|đề xuất|yêu cầu|sẵn sàng"
    r"|nếu|để|nhằm|có thể|chưa|không|từ chối|cách duy nhất|điều kiện)\b",
    re.IGNORECASE,
)
# "thông qua hội đàm", "có sự gặp nhau về lợi ích": a means or a meeting of minds.
MEANS_BEFORE = re.compile(r"\b(?:thông qua|bằng|qua|sự)\s+(?:các\s+|những\s+|cuộc\s+)?$")
# "đàm phán là cách duy nhất": the talks as the subject of a statement, not an occurrence.
COPULA_AFTER = re.compile(r"\s+(?:là|vẫn là|sẽ là|mới là|chính là)\b")
SUBJECT_TO_CUE = 160  # characters from the subject's end to the talks' words


def subject_spans(reader: Reader, start: int, end: int) -> list[tuple[int, int, str]]:
    """The sides named in [start, end) (`sides.side_spans`), and the organisations that
    take part as such ("LHQ")."""
    spans = side_spans(reader, start, end)
    spans += [
        (s, e, code)
        for s, e, code in within(reader.parties, start, end)
        if getattr(reader.lex.party(code), "kind", "") == "org"
        and not any(a <= s < b for a, b, _ in spans)
    ]
    return sorted(spans)


def subject_sides(reader: Reader, d: Draft) -> list[str]:
    """The sides joined as the sentence's subject when talks told later in it name no one
    and no side of their own, or []."""
    cue, body = d.cue, reader.body
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if cue.kind != "meeting" or cue.series or d.people or d.points_back:
        return []
    if not (word in TALKS_VERBS or any(w in word for w in TALKS_NOUNS)):
        return []
    if word.startswith("gặp"):
        return []  # "A và B sẽ trực tiếp gặp nhau trong một trận": teams as often as states
    start = reader.doc.sentences[d.sentence][0]
    if MEANS_BEFORE.search(body, max(start, cue.start - 20), cue.start) or COPULA_AFTER.match(
        body, cue.end
    ):
        return []
    spans = subject_spans(reader, start, cue.start)
    at = SUBJECT_LEAD.match(body, start)
    if not spans or at is None or spans[0][0] != at.end():
        return []
    codes, end = [spans[0][2]], spans[0][1]
    for s, e, code in spans[1:]:
        if not SUBJECT_JOIN.fullmatch(body, end, s):
            break
        codes.append(code)
        end = e
    codes = list(dict.fromkeys(codes))
    if len(codes) < MIN_SIDES or cue.start - end > SUBJECT_TO_CUE:
        return []
    if any(s >= end for s, _, _ in spans) or reader.mentions_in(end, cue.start):
        return []  # another side between: the talks are with them
    if NOT_TOLD.search(body, end, cue.start) or ";" in body[end : cue.start]:
        return []
    return codes if set(d.event.parties) <= set(codes) else []
