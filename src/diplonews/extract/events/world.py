"""World news and older text: what the merging of drafts needs besides the house style
of today's Vietnamese diplomacy reports.

World news of the 2000s reports foreign states' diplomacy in its own way. An article
often opens on the setting of the story ("Sau cuộc hội đàm với người đồng nhiệm Colin
Powell hôm qua, Ngoại trưởng Nhật Bản … cho biết"), which reads like a mention of an
event already told but is the only one. It dates by the day of the week or by "hôm
qua", which no publication date resolves. It reports summits held abroad among foreign
states, and visits postponed or called off, which are still events to come.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from diplonews.extract.events import context_sides
from diplonews.extract.events.cues import (
    COUNTERPART,
    HOME,
    LOCATED,
    REPORTING,
    parse_edition,
)
from diplonews.extract.lexicons import NUMBER_WORDS
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.doc import Mention
    from diplonews.extract.events.cues import Cue, Sentence
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# "hôm qua", "hôm thứ hai", "tuần trước", "sáng nay": the day of an occurrence, told
# relative to a publication date that older articles do not carry.
RELATIVE_DAY = re.compile(
    r"\b(?:(?:hôm|sáng|chiều|tối|trưa|đêm)\s+(?:qua|nay|kia|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|"
    r"chủ nhật)|ngày\s+(?:mai|hôm qua)|(?:tuần|tháng)\s+(?:trước|này|tới|sau))\b",
    re.IGNORECASE,
)
# Two-sided words: talks and calls have a counterpart, a gathering need not.
TWO_SIDED = ("hội đàm", "hội kiến", "gặp", "điện đàm", "tiếp xúc", "đàm phán", "thảo luận")
BETWEEN = re.compile(r"\s*(?:\w+\s+){0,3}?(?:giữa|với)\s")
# "hoãn chuyến thăm", "huỷ bỏ chuyến công du": announced, and not (yet) held.
CALLED_OFF = re.compile(
    r"\b(?:hoãn|trì hoãn|tạm hoãn|lùi|huỷ|hủy|huỷ bỏ|hủy bỏ|bãi bỏ)(?:\s+lại)?\s+(?:các\s+)?$",
    re.IGNORECASE,
)
SUMMIT_WORDS = ("cấp cao", "thượng đỉnh")
SIDE_KINDS = ("state", "bloc", "org")  # who can sit on one side of talks


def told_day(reader: Reader, d: Draft) -> bool:
    """Whether the event's clause places it on a day that the text tells relative to an
    unknown publication date ("hôm qua", "hôm thứ hai"): a dated occurrence, though
    the date cannot be written."""
    if reader.doc.record.published or reader.doc.anchor_year:
        return False  # dates.py resolves these words against the publication date
    start = reader.doc.sentences[d.sentence][0]
    return bool(RELATIVE_DAY.search(reader.body, start, d.cue.own_end))


def sides(reader: Reader, d: Draft) -> set[str]:
    """The states a draft's own words and people name."""
    people = reader.doc.record.people
    codes = {str(people[p].country) for p in d.people if 0 <= p < len(people) and people[p].country}
    named = reader.parties_in(d.cue.start, d.cue.own_end)
    return codes | {c for c in named if getattr(reader.lex.party(c), "kind", "") in SIDE_KINDS}


def opening_setting(reader: Reader, d: Draft) -> bool:
    """ "Sau cuộc hội đàm với người đồng nhiệm …, Ngoại trưởng X cho biết", "Trong cuộc
    gặp giữa A và B hôm qua, …": talks told as the setting of what follows, with nothing
    told before them to point back to. Their own words name both sides, or one side, the
    counterpart word and the day."""
    cue = d.cue
    word = cue.trigger.vi if cue.trigger else ""
    if not d.points_back or cue.kind not in ("meeting", "call") or not d.people:
        return False
    if not any(w in word for w in TWO_SIDED):
        return False
    if len(sides(reader, d)) >= 2 and BETWEEN.match(reader.body, cue.end, cue.own_end):
        return True
    return bool(COUNTERPART.match(reader.body, cue.end, cue.own_end)) and (
        d.own_date or told_day(reader, d)
    )


def summit_abroad(reader: Reader, d: Draft) -> str | None:
    """ "Hội nghị cấp cao của tây bán cầu đang diễn ra tại Mexico": a summit placed in a
    foreign state, whose code this returns. A summit is a meeting of states' leaders,
    whoever the text names."""
    cue = d.cue
    if cue.kind != "meeting" or cue.series:
        return None
    name = reader.body[cue.start : cue.end].lower()
    if not any(w in name for w in SUMMIT_WORDS):
        return None
    return located_state(reader, cue.end, cue.own_end)


def located_state(reader: Reader, start: int, end: int) -> str | None:
    """The foreign state a span places an event in: "tại Mexico", "ở Monterrey"."""
    for s, _, code in within(reader.parties, start, end):
        if (
            start <= s < end
            and code != HOME
            and getattr(reader.lex.party(code), "kind", "") == "state"
            and LOCATED.search(reader.body, max(0, s - 6), s)
            and not reader.is_post(s)
        ):
            return str(code)
    for s, _, payloads in within(reader.places, start, end):
        country = getattr(payloads[0], "country", None)
        if (
            start <= s < end
            and country
            and country != HOME
            and LOCATED.search(reader.body, max(0, s - 6), s)
            and not reader.is_post(s)
        ):
            return str(country)
    return None


def keep(reader: Reader, d: Draft) -> bool:
    """Whether a draft that merges with nothing and that `merging.keep_alone` turns
    down is still an event, by the way world news tells events. (It merges with
    nothing: a summit that reads as pointing back has nothing to point back to.)"""
    if opening_setting(reader, d):
        d.event.parties = list(dict.fromkeys([*d.event.parties, *sorted(sides(reader, d))]))
        return True
    state = summit_abroad(reader, d)
    if state is None:
        return False
    d.event.parties = list(dict.fromkeys([*d.event.parties, state]))
    return True


# "từ chối tham gia vòng đàm phán tiếp theo", "tẩy chay cuộc họp": a side that will not come.
REFUSED = re.compile(
    r"\b(?:từ chối|tẩy chay|không|chưa|sẽ không|không muốn|không thể)\s+"
    r"(?:(?:tham gia|tham dự|dự|quay lại|trở lại|quay trở lại|nối lại)\s+)(?:các\s+|một\s+)?$",
    re.IGNORECASE,
)
# "Vòng đàm phán …, dự kiến diễn ra vào tháng 9, đã bị hoãn lại": put off, told after it.
PUT_OFF_AFTER = re.compile(
    r"\b(?:đã|bị|đã bị|có thể bị|sẽ bị|vừa bị|buộc phải)\s+(?:tạm\s+)?"
    r"(?:hoãn|trì hoãn|huỷ|hủy|huỷ bỏ|hủy bỏ|lùi|đình chỉ)\b"
)
PUT_OFF_REACH = 120  # characters after the event's words


def called_off(reader: Reader, d: Draft) -> bool:
    """ "đã hoãn chuyến thăm Trung Quốc", "huỷ cuộc gặp", "từ chối tham gia vòng đàm phán
    tiếp theo", "Vòng đàm phán …, dự kiến …, đã bị hoãn lại": an event announced and then
    put off, called off or refused has not taken place; it stays an announced (planned)
    one."""
    start, end = reader.doc.sentences[d.sentence]
    body, cue = reader.body, d.cue
    if CALLED_OFF.search(body, max(start, cue.start - 30), cue.start):
        return True
    if REFUSED.search(body, max(start, cue.start - 40), cue.start):
        return True
    put_off = PUT_OFF_AFTER.search(body, cue.end, min(end, cue.end + PUT_OFF_REACH))
    if put_off is None:
        return False
    # only up to the next event told in the sentence
    return not any(
        e.sentence == d.sentence and cue.start < e.cue.start <= put_off.start()
        for e in reader.drafts
    )


def settle_status(reader: Reader) -> None:
    for d in reader.drafts:
        if d.event.status == "held" and called_off(reader, d):
            d.event.status = "planned"


def add_other_side(
    reader: Reader,
    kept: list[Draft],
    after: Callable[[Reader, list[Draft], int], list[tuple[int, int]]],
) -> None:
    """Talks held with a side named only by its state or delegation ("hội đàm với đoàn
    đại biểu Chính phủ Morocco") and, in the next sentence, that side's official named
    with ours ("Thủ tướng Driss Jettou và Thủ tướng Phan Văn Khải mong muốn …"): the
    official led the other side of the talks. Talks with one side only, and a next
    sentence whose subject, an official of another state, "also" speaks: that official
    is the other side."""
    people = reader.doc.record.people

    def country(p: int) -> str | None:
        return people[p].country if 0 <= p < len(people) else None

    for i, d in enumerate(kept):
        word = d.cue.trigger.vi if d.cue.trigger else ""
        if d.event.kind != "meeting" or d.event.status != "held" or not d.people:
            continue
        if not any(w in word for w in TWO_SIDED) or d.counterpart:
            continue
        ours = {country(p) for p in d.people}
        others = set(d.event.parties) - ours
        if len(ours) != 1 or len(others) > 1:
            continue
        spans = after(reader, kept, i)[:1]
        if not spans or spans[0] != reader.doc.sentences[d.sentence + 1]:
            continue  # only the very next sentence goes on with the talks' two sides
        start, end = spans[0]
        inside = [m for m in reader.mentions if start <= m.start < end and m.person >= 0]
        if not others:
            # "Trong cuộc gặp hôm qua, Thủ tướng A đánh giá cao … . Tổng bí thư B cũng
            # khẳng định …": the next sentence opens with an official of another state
            # who "also" speaks, the other side of the talks
            first = inside[0] if inside else None
            code = country(first.person) if first else None
            if (
                first
                and code
                and code not in ours
                and first.titles
                and not reader.body[start : first.start].strip()
                and ALSO.match(reader.body, first.end)
            ):
                d.people.append(first.person)
                d.event.parties = list(dict.fromkeys([*d.event.parties, code]))
            continue
        if not any(m.person in d.people for m in inside):
            continue
        for m in inside:
            if m.person not in d.people and m.titles and country(m.person) in others:
                d.people.append(m.person)
                break


ALSO = re.compile(r"\s*(?:cũng|đồng thời)\b")


# "ông Tập thăm Seoul và gặp gỡ với bà Park": a second predicate joined by "và" shares
# the subject of the first.
JOINED_PREDICATE = re.compile(r"\s+và\s+(?:(?:đã|sau đó|cũng|lần lượt)\s+)*$")


def share_subjects(reader: Reader) -> None:
    """Talks told as the second of two joined predicates ("X thăm Seoul và gặp gỡ với
    bà Park", "X tới Cairo và hội đàm với Y") take the travellers of the first as their
    own subject: the text names them once for both."""
    people = reader.doc.record.people
    for before, d in zip(reader.drafts, reader.drafts[1:], strict=False):
        word = d.cue.trigger.vi if d.cue.trigger else ""
        if (
            before.sentence != d.sentence
            or d.cue.kind not in ("meeting", "call")
            or not any(w in word for w in TWO_SIDED)
            or not before.people
            or before.cue.kind not in ("visit", "meeting")
            or not JOINED_PREDICATE.search(reader.body, before.cue.end, d.cue.start)
            or re.search(r"[,;.]", reader.body[before.cue.end : d.cue.start])
        ):
            continue
        # the subject is named before the first verb; who follows it is its object
        sentence_start = reader.doc.sentences[before.sentence][0]
        named_before = {
            m.person for m in reader.taking_part if sentence_start <= m.start < before.cue.start
        }
        subject = [
            p
            for p in before.people
            if p in named_before and p not in before.chairs and p not in d.people
        ]
        if not subject:
            continue
        d.people = subject + d.people
        codes = [people[p].country for p in subject if 0 <= p < len(people)]
        d.event.parties = list(dict.fromkeys([*(c for c in codes if c), *d.event.parties]))


# "nói với người đồng nhiệm Mỹ Condoleezza Rice …, trong cuộc điện đàm": the other side
# of talks named after "với" before the word that names the talks.
WITH_BEFORE = re.compile(r"\bvới\s+(?:(?:người\s+)?đồng\s+(?:cấp|nhiệm)\s+)?(?:[^\s,;.]+\s+){0,4}$")


def add_earlier_counterparts(reader: Reader) -> None:
    """Talks or a call named after the fact ("A nói với B về …, trong cuộc điện đàm
    hôm qua") whose draft has one side only: the official after "với" earlier in the
    sentence, of another state, is the other side."""
    people = reader.doc.record.people

    def country(p: int) -> str | None:
        return people[p].country if 0 <= p < len(people) else None

    for d in reader.drafts:
        word = d.cue.trigger.vi if d.cue.trigger else ""
        if (
            d.cue.kind not in ("meeting", "call")
            or not any(w in word for w in TWO_SIDED)
            or len(set(d.people)) != 1
            or d.counterpart
        ):
            continue
        ours = country(d.people[0])
        start = reader.doc.sentences[d.sentence][0]
        found = earlier_counterpart(reader, start, d.cue.start, ours)
        told = any(
            e.sentence == d.sentence
            and e.cue.start < d.cue.start
            and e.cue.kind != "visit"
            and found in e.people
            for e in reader.drafts
        )  # "đối thoại với B … trong cuộc gặp": B belongs to the talks told first
        if found is not None and not told:
            d.people.append(found)
            code = country(found)
            d.event.parties = list(dict.fromkeys([*d.event.parties, *([code] if code else [])]))


def earlier_counterpart(reader: Reader, start: int, end: int, ours: str | None) -> int | None:
    """The official of another state named after "với" in [start, end), by a mention or,
    where the people stage saw no mention ("với người đồng nhiệm Mỹ Condoleezza Rice"),
    by the name of someone the article presents elsewhere."""
    people = reader.doc.record.people
    body = reader.body
    spots = [(m.start, m.end, m.person) for m in reader.mentions_in(start, end) if m.name]
    for index, known in enumerate(people):
        at = body.find(known.name, start, end) if known.name else -1
        if at >= 0:
            spots.append((at, at + len(known.name), index))
    for s, e, person in sorted(spots):
        other = people[person].country if 0 <= person < len(people) else None
        if (
            other
            and other != ours
            and WITH_BEFORE.search(body, max(start, s - 40), s)
            and not re.search(r"[;.]", body[e:end])
        ):
            return person
    return None


# How far after a visit's sentence its talks are still told as part of it.
VISIT_TALKS_REACH = 3
MIN_SIDES = 2
TALKS_WORDS = ("hội đàm", "hội kiến")
# "Hai bên đã thảo luận về …" inside a visit (discussions.visit_discussions).
DISCUSSING = frozenset({"thảo luận", "trao đổi", "bàn bạc", "bàn"})


def talks_of_visit(reader: Reader, d: Draft, kept: list[Draft]) -> bool:
    """ "Trong cuộc hội đàm, hai chủ tịch …", "Sau lễ đón sẽ diễn ra hội đàm cấp cao Việt
    - Trung": talks that name no one of their own, told just after a visit whose visitor
    and host are named, are the talks of that visitor and host (a visit is its own event
    besides the talks held during it)."""
    cue, e = d.cue, d.event
    word = cue.trigger.vi if cue.trigger else ""
    if cue.kind != "meeting" or e.series:
        return False
    if not any(w in word for w in TALKS_WORDS) and word not in DISCUSSING:
        return False
    if not kept or d.counterpart:
        return False
    visit = kept[-1]
    v = visit.event
    if v.kind != "visit" or not 0 < d.sentence - visit.sentence <= VISIT_TALKS_REACH:
        return False
    if not set(d.people) <= set(visit.people) or not set(d.name_parties) <= set(v.parties):
        return False
    if not (set(visit.people) - visit.chairs):
        return False
    if not (visit.chairs and sides_apart(reader, visit) or host_unnamed(reader, d, visit)):
        return False
    d.people = list(dict.fromkeys(d.people + visit.people))
    e.parties = list(dict.fromkeys(e.parties + v.parties))
    return True


# Talks set before the main clause: "Trong cuộc hội đàm, ông Singh đề nghị …".
TALKS_SETTING = re.compile(r"(?:^|,)\s*(?:[Tt]rong|[Tt]ại|Sau)\s+(?:các\s+)?(?:cuộc\s+|buổi\s+)?$")


def host_unnamed(reader: Reader, d: Draft, visit: Draft) -> bool:
    """ "X đang thăm Nga. Trong cuộc hội đàm hôm qua, hai nhà lãnh đạo …" (or "…, ông X
    đề nghị …"): talks whose plural subject stands for the visitor and the host, or set
    before a clause of the visitor alone, the host left unnamed; the visit then has two
    states, the traveller's and the host's."""
    people = reader.doc.record.people
    travellers = {people[p].country for p in visit.people if 0 <= p < len(people)}
    start = reader.doc.sentences[d.sentence][0]
    visitor_alone = (
        bool(d.people)
        and set(d.people) <= set(visit.people) - visit.chairs
        and TALKS_SETTING.search(reader.body[start : d.cue.start]) is not None
    )
    return (
        (visitor_alone or not d.people and context_sides.group_in_sentence(reader, d))
        and len(set(visit.event.parties)) == MIN_SIDES
        and len(travellers) == 1
        and travellers <= set(visit.event.parties)
    )


def sides_apart(reader: Reader, d: Draft) -> bool:
    """Whether a draft's people come from two states."""
    people = reader.doc.record.people
    states = {people[p].country for p in d.people if 0 <= p < len(people)}
    return len(states - {None, ""}) >= 2


ATTENDS = re.compile(r"\b(?:tham\s+)?dự\s+(?:cuộc\s+)?$")


def attends_told_talks(reader: Reader, d: Draft, e: Draft) -> bool:
    """ "Tổng thống X, Phó Tổng thống Y cùng các Bộ trưởng dự hội đàm": officials who
    attend talks already told, of which they are one side, are that occurrence."""
    word = d.cue.trigger.vi if d.cue.trigger else ""
    other = e.cue.trigger.vi if e.cue.trigger else ""
    if d.cue.kind != "meeting" or e.event.kind != "meeting" or d.own_date or d.cue.named:
        return False
    if not any(w in word for w in TALKS_WORDS) or not any(w in other for w in TALKS_WORDS):
        return False
    if not ATTENDS.search(reader.body, max(0, d.cue.start - 12), d.cue.start):
        return False
    return bool(set(d.people) & set(e.people)) and sides_apart(reader, e)


# "X cho biết ông đã …": the pronoun after a reporting verb is its speaker.
SPEAKER_PRONOUN = re.compile(
    r"\s*(?:rằng\s+)?(?:ông|bà)\s+(?:(?:đã|sẽ|vừa|đang|cũng|từng)\s+)*(?=[a-zà-ỹđ])"
)


def speaker_subject(reader: Reader, sentence: Sentence) -> list[Mention]:
    """ "Thủ tướng X cho biết ông đã thông báo … trong cuộc điện đàm với A, B và C": the
    "ông" after the reporting verb is the official who speaks, and the subject of the
    events the clause reports. Kept to officials of a state: the head of a cartel or
    trade body ("Chủ tịch OPEC … cho biết ông sẽ có cuộc hội đàm với các bộ trưởng")
    speaks of its own business."""
    if sentence.content_start <= sentence.start:
        return []
    for verb in REPORTING.finditer(reader.body, sentence.start, sentence.content_start):
        if SPEAKER_PRONOUN.match(reader.body, verb.end()):
            before = [m for m in reader.mentions_in(sentence.start, verb.start()) if m.person >= 0]
            return [m for m in before[-1:] if state_official(reader, m.person)]
    return []


# "X đã thông báo … trong cuộc điện đàm với Y": talks named inside the subject's clause.
IN_TALKS_BEFORE = re.compile(r"\S\s+(?:trong|qua|tại)\s+$")
WITH_SOON = re.compile(r"\s+(?:\S+\s+){0,3}?với\s")


def subject_in_talks(reader: Reader, lead_start: int, cue_start: int, cue_end: int) -> bool:
    """ "Thủ tướng X cho biết ông đã thông báo quan điểm trong cuộc điện đàm với A",
    "Ngoại trưởng Y nói về vấn đề này tại cuộc gặp với B": the subject of a clause that
    names talks with someone as where it acted is one side of them."""
    body = reader.body
    return bool(
        lead_start < cue_start
        and IN_TALKS_BEFORE.search(body, max(lead_start, cue_start - 10), cue_start)
        and WITH_SOON.match(body, cue_end)
    )


# "X tuyên bố sau cuộc gặp với Y", "X cho biết với báo giới sau cuộc hội đàm với Y", "X
# thông báo kết quả tốt đẹp của cuộc hội đàm với Y": between the reporting verb and the talks.
AFTER_TALKS = re.compile(
    r"\s*(?:với báo (?:giới|chí)\s+)?(?:ngay\s+)?"
    r"(?:sau(?:\s+khi)?|(?:về\s+)?(?:các\s+)?kết quả(?:\s+\w+){0,2}?\s+của)\s+(?:các\s+)?(?:cuộc\s+|buổi\s+)?"
)


# Words that may stand between a speaker and the verb: "X hôm qua đã tuyên bố".
ASPECT_WORDS = re.compile(r"(?:\s|,|\b(?:đã|cũng|vừa|hôm nay|hôm qua)\b)*")


def next_to_verb(reader: Reader, end: int, verb_start: int) -> bool:
    """Whether only a time ("hôm nay", "ngày 5/3", "tối qua") and aspect words stand
    between a speaker's name and the verb: "X hôm nay tuyên bố sau cuộc gặp với Y"."""
    body = reader.body
    at = end
    for time in reader.times_in(end, verb_start):
        if not ASPECT_WORDS.fullmatch(body, at, time.start):
            return False
        at = max(at, time.end)
    return ASPECT_WORDS.fullmatch(body, at, verb_start) is not None


# Where a speaker stands to a gathering named right after the reporting verb: at it, on
# its sidelines or just after it ("tuyên bố tại hội nghị ngoại trưởng NATO").
AT_GATHERING = re.compile(
    r"\s*(?:với báo (?:giới|chí)\s+)?(?:ngay\s+)?(?:tại|trong|bên lề|sau(?:\s+khi)?)\s+"
    r"(?:các\s+|một\s+)?(?:cuộc\s+|buổi\s+|phiên\s+)?"
)
GATHERING_WORDS = ("hội nghị", "cuộc họp", "phiên họp", "thượng đỉnh", "diễn đàn", "kỳ họp")


def gathering(reader: Reader, cue: Cue) -> bool:
    """Whether the cue names a gathering of states or blocs (a conference, a summit, a
    session: a series, or a party in its name), not talks nor a body's own meeting ("một
    cuộc họp hội đồng an ninh ở Sofia", "một diễn đàn tại Seoul")."""
    word = (cue.trigger.vi if cue.trigger else "").lower()
    return (
        cue.kind == "meeting"
        and any(w in word for w in GATHERING_WORDS)
        and (bool(cue.series) or bool(reader.parties_in(cue.start, cue.name_end)))
    )


def speaker_after_talks(reader: Reader, sentence: Sentence, cue: Cue) -> list[Mention]:
    """ "Ngoại trưởng X tuyên bố sau cuộc gặp với Y": the official who reports on talks
    with someone, right after them, held them. (A spokesperson speaks for another.)"""
    body = reader.body
    if sentence.content_start <= sentence.start:
        return []
    if WITH_SOON.match(body, cue.end):
        if not AFTER_TALKS.fullmatch(body, sentence.content_start, cue.start):
            return []
    elif not (
        AT_GATHERING.fullmatch(body, sentence.content_start, cue.start) and gathering(reader, cue)
    ):
        return []  # "X tuyên bố tại hội nghị Y", "… sau cuộc họp thượng đỉnh G8": X was at it
    verbs = list(REPORTING.finditer(body, sentence.start, sentence.content_start))
    if not verbs:
        return []
    verb = verbs[-1]
    before = [m for m in reader.mentions_in(sentence.start, verb.start()) if m.person >= 0]
    if not before or not next_to_verb(reader, before[-1].end, verb.start()):
        return []  # the speaker stands right before the verb
    people = reader.doc.record.people
    if any("Spokesperson" in t for t in people[before[-1].person].titles):
        return []
    return before[-1:]


def state_official(reader: Reader, person: int) -> bool:
    people = reader.doc.record.people
    code = people[person].country if 0 <= person < len(people) else None
    return bool(code) and getattr(reader.lex.party(str(code)), "kind", "") == "state"


# A state's own business: its cabinet's meetings, talks on forming a coalition government.
CABINET = re.compile(r"\S*(?:\s+\S+){0,2}?\s+[Nn]ội các\b(?!\s+chung)")
COALITION = re.compile(r"\bchính phủ liên (?:minh|hiệp)\b")


# "Nội các Israel đã có cuộc họp", "Quốc hội Iraq sẽ nhóm họp": a state's own body as the
# subject of a sitting (not of talks: "Quốc hội … hội đàm với" has a guest).
HOME_BODY_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:khi|sau khi|trước khi)\s+)(?:[Cc]ác\s+)?"
    r"(?:[Nn]ội các|[Qq]uốc hội|[Hh]ạ viện|[Tt]hượng viện|[Hh]ạ nghị viện|[Tt]hượng nghị viện|"
    r"[Bb]ộ [Cc]hính trị|[Bb]an [Cc]hấp hành [Tt]rung ương|[Nn]ghị viện)"
    r"(?:\s+[A-ZĐÂĂÊÔƠƯ]\S*){1,3}\s+(?:(?:đã|sẽ|vừa|đang|cũng|hôm nay|hôm qua)\s+)*"
    r"(?:có|tổ chức|tiến hành|triệu tập|mở)?\s*(?:một\s+|các\s+)?$"
)
SITTINGS = ("họp", "phiên", "kỳ", "khóa")
# One of these stands in every HOME_BODY_SUBJECT: the cheap test before the pattern.
HOME_BODY_WORDS = ("ội các", "uốc hội", "viện", "hính trị", "hấp hành")
# "cuộc họp của Ủy ban 133 gồm đại diện các Tổng vụ … của Ủy ban châu Âu", "cuộc họp kín
# của Ủy ban Quốc hội Ý", "cuộc họp của đảng Likud": the sitting of one body (a committee,
# a party, a council, an organisation's governors), held by that body with itself. A joint
# body ("Ủy ban Hỗn hợp VN-Tây Ban Nha", "Ủy ban Liên Chính phủ") is two sides' meeting.
_BODY_OF = (
    r"[^,;.:]{0,25}?\bcủa\s+(?:các\s+|một\s+)?(?:[UỦuủ]y ban|[Uu]ỷ ban|[Đđ]ảng|[Hh]ội đồng"
    r"|[Bb]an [Cc]hấp hành|[Đđ]oàn [Cc]hủ tịch|[Bb]an lãnh đạo|cố vấn)\b"
    r"(?![^,;.:]{0,60}?(?:[Hh]ỗn hợp|[Ll]iên [Cc]hính phủ|chung|hai nước|song phương|\s[-–]\s))"
)
BODY_SITTING = re.compile(_BODY_OF)
# "cuộc họp của Ủy ban 133 … nhóm họp mới đây tại Brussel": the body's sitting told again
# by its verb, in the same clause.
BODY_SITTING_BEFORE = re.compile(
    r"\b(?:cuộc|phiên|kỳ|khóa|khoá)\s+họp(?:\s+(?:kín|bất thường|thường kỳ))?"
    + _BODY_OF
    + r"[^,;.:]*$"
)


def domestic(reader: Reader, d: Draft) -> bool:
    """ "trong cuộc họp nội các khẩn cấp ở Ramallah", "phiên họp nội các ngày 29-1",
    "các cuộc đàm phán thành lập chính phủ liên minh": meetings of one state's government
    with itself. (A joint cabinet meeting of two states, "họp Nội các chung", is not.)"""
    cue = d.cue
    if cue.series or d.event.series or cue.kind != "meeting":
        return False
    end = min(cue.own_end, cue.end + 60)
    word = cue.trigger.vi if cue.trigger else ""
    start = reader.doc.sentences[d.sentence][0]
    return bool(
        CABINET.match(reader.body, cue.start, end)
        or COALITION.search(reader.body, cue.start, end)
        or (
            any(w in word for w in SITTINGS)
            and not d.name_parties
            and any(w in reader.body[start : cue.start] for w in HOME_BODY_WORDS)
            and HOME_BODY_SUBJECT.search(reader.body[start : cue.start])
        )
        or (
            reader.body.find("của", cue.end, end) >= 0  # the cheap test first
            and (
                any(w in word for w in SITTINGS)
                and BODY_SITTING.match(reader.body, cue.end, cue.own_end) is not None
                and body_sitting(reader, d, start)
                or reader.body.find("thường niên", cue.end, end) >= 0
                and lenders_sitting(reader, d)
            )
        )
        or (word in VERB_SITTINGS and body_sitting_before(reader, d, start))
    )


# "hội nghị thường niên của ADB", "cuộc họp thường niên của IMF và WB": the yearly
# meeting of a bank or a fund, held by its governors on its own lending.
YEARLY_OF = re.compile(r"(?:\s+\S+){0,2}?\s+thường niên\s+của\s+(?:các\s+)?")
LENDERS = ("Bank", "Fund")  # words of an organisation's English name (organisations.tsv)


def lenders_sitting(reader: Reader, d: Draft) -> bool:
    """Whether a meeting is the yearly meeting of a bank or fund (YEARLY_OF)."""
    cue = d.cue
    yearly = YEARLY_OF.match(reader.body, cue.end, cue.own_end)
    if yearly is None:
        return False
    of = reader.parties_in(yearly.end(), yearly.end() + 1)
    party = reader.lex.party(of[0]) if of else None
    return party is not None and party.kind == "org" and any(w in party.name_en for w in LENDERS)


def body_sitting(reader: Reader, d: Draft, start: int) -> bool:
    """Whether a sitting told as one body's (BODY_SITTING, or before its bare verb) is that
    body's own: at most one party named in it, and no international organisation (a UN
    commission's session has many states)."""
    cue = d.cue
    if len(set(d.name_parties)) > 1:
        return False
    lo = max(start, cue.start - 200)
    return not any(
        getattr(reader.lex.party(code), "kind", "") == "org"
        for code in reader.parties_in(lo, cue.own_end)
    )


VERB_SITTINGS = ("họp", "nhóm họp", "họp kín")  # the bare verb, told after the sitting's noun


def body_sitting_before(reader: Reader, d: Draft, start: int) -> bool:
    """ "cuộc họp của Ủy ban 133 … nhóm họp mới đây tại Brussel": the verb of a body's
    sitting named before it in its clause (BODY_SITTING_BEFORE)."""
    lo = max(start, d.cue.start - 200)
    return bool(
        reader.body.find("của", lo, d.cue.start) >= 0
        and BODY_SITTING_BEFORE.search(reader.body, lo, d.cue.start)
        and body_sitting(reader, d, start)
    )


# "kêu gọi tổ chức hội nghị thượng đỉnh G8", "kêu gọi EU tiếp tục đàm phán", "hối thúc
# Bình Nhưỡng trở lại bàn đàm phán": talks someone asks for, which nobody has announced.
CALLED_FOR = re.compile(
    r"\b(?:kêu gọi|hối thúc|thúc giục|đề nghị|đề xuất)\s+(?:[^\s,;.]+\s+){0,4}?"
    r"(?:tổ chức|tiếp tục|nối lại|khôi phục|trở lại|quay lại|quay trở lại)\s+"
    r"(?:bàn\s+)?(?:các\s+|một\s+|những\s+)?$"
)


def called_for(reader: Reader, d: Draft) -> bool:
    """Whether a draft is talks that someone calls for rather than an event told: a
    wish is not an occurrence, held or announced."""
    cue = d.cue
    if cue.kind == "visit" or d.event.edition:
        return False
    start = reader.doc.sentences[d.sentence][0]
    return bool(CALLED_FOR.search(reader.body, max(start, cue.start - 80), cue.start))


# The round of talks counted: "Vòng đàm phán 6 bên thứ tư" (the count after the number of
# sides), "vòng 5 cuộc đàm phán 6 bên", "vòng thứ ba của cuộc đàm phán" (before the talks).
_COUNT = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
ROUND_AFTER = re.compile(
    r"[Vv]òng\s+(?:đàm phán|thương lượng|hội đàm)\s+\d+\s+bên\s+thứ\s+" + _COUNT + r"\b"
)
ROUND_BEFORE = re.compile(
    r"\b[Vv]òng\s+(?:thứ\s+)?" + _COUNT + r"\s+(?:của\s+)?(?:các\s+)?(?:cuộc\s+|vòng\s+)?$"
)
# "vòng đối thoại toàn diện thứ hai", "Vòng đối thoại chiến lược thứ ba": "vòng" before a
# dialogue's name, its count at the name's end (up to two words of kind between).
ROUND_LEAD = re.compile(r"\b[Vv]òng\s+$")
ROUND_ORDINAL = re.compile(r"(?:\s+[a-zà-ỹđ]+){0,2}?\s+thứ\s+" + _COUNT + r"\b")


def round_number(reader: Reader, cue: Cue) -> int | None:
    """The round of numbered negotiations, told around their name."""
    body = reader.body
    number = ROUND_AFTER.match(body, cue.start, cue.name_end)
    if number is None and "đàm phán" in body[cue.start : cue.name_end]:
        number = ROUND_BEFORE.search(body, max(0, cue.start - 30), cue.start)
    if number is None and (
        ROUND_LEAD.search(body, max(0, cue.start - 6), cue.start)
        or body.startswith(("vòng", "Vòng"), cue.start)  # the cue "vòng đàm phán" itself
    ):
        number = ROUND_ORDINAL.match(body, cue.end, cue.name_end)
    return parse_edition(number.group(1)) if number else None


# "chúng tôi sẽ tới vòng đàm phán tiếp theo", "vòng đàm phán tới sẽ khó khăn": the next
# round of negotiations already named, an occurrence still to come.
NEXT_ROUND = re.compile(r"\s*(?:[^\s,;.]+\s+){0,2}?(?:tiếp theo|kế tiếp|sắp tới|tới)\b")


def next_round_of(reader: Reader, d: Draft, kept: list[Draft]) -> Draft | None:
    """The mechanism's event already kept ("đàm phán 6 bên") whose next round the draft
    tells ("vòng đàm phán tiếp theo"), or None."""
    cue = d.cue
    if (
        cue.kind != "meeting"
        or cue.series
        or not reader.body.startswith(("vòng", "Vòng"), cue.start)
    ):
        return None
    if not NEXT_ROUND.match(reader.body, cue.end, cue.own_end):
        return None
    return next((k for k in reversed(kept) if k.event.series and k.event.kind == "meeting"), None)


def as_next_round(reader: Reader, d: Draft, told: Draft) -> Draft:
    """The draft made the next round of `told`'s mechanism: planned, with its series and
    parties, dated only by its own words ("vòng đàm phán tiếp theo vào tháng 9"), not by
    the day the sentence reports it."""
    e, cue = d.event, d.cue
    e.series, e.status, e.edition = told.event.series, "planned", None
    if not reader.times_in(cue.start, cue.own_end):
        e.date, d.own_date, d.undated = None, False, True
    e.parties = list(dict.fromkeys([*e.parties, *told.event.parties]))
    d.points_back = False
    return d


def planned_round(kept: list[Draft], told: Draft) -> Draft | None:
    """The planned meeting of the mechanism already kept ("6 bên … sẽ nhóm họp vào tháng
    11"), which a next round told after it is."""
    for k in kept:
        e = k.event
        if (
            e.status == "planned"
            and e.kind == "meeting"
            and k is not told
            and (e.series == told.event.series or set(told.event.parties) <= set(e.parties))
        ):
            return k
    return None
