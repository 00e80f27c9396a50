"""Talks told as discussing something with an official ("Tổng thống Putin sẽ thảo luận về
hội nghị trên với Thủ tướng Israel Ariel Sharon", "có kế hoạch thảo luận về tình hình
hiện tại với tổng thống Ba Lan …"): "thảo luận với" with the topic between the verb and
its counterpart. The lexicon's "thảo luận với" covers the adjacent form; this finds the
verb when a topic of a few words stands between."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from diplonews.extract.lexicons import Trigger
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.doc import Doc
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# The verb, a topic of up to ~60 characters without a clause break, then "với".
DISCUSS_WITH = re.compile(r"\b[Tt]hảo luận\b(?!\s+với\b)([^,;.:()\"“”]{2,60}?)\bvới\s+")
WITH_REACH = 40  # characters after "với" in which the counterpart's mention must start

DISCUSS_TRIGGER = Trigger("thảo luận", "meeting", "", frozenset({"verb", "inperson"}))


def discussions(reader: Reader) -> list[tuple[int, int, list[Trigger]]]:
    """ "thảo luận <topic> với <official>": talks with the official named after "với"
    (a mention of an official, title or name, must start right there)."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    if "hảo luận" not in body:
        return found
    for m in DISCUSS_WITH.finditer(body):
        at = m.end()
        if not any(
            at <= x.start <= at + WITH_REACH and not re.search(r"[,;.]", body[at : x.start])
            for x in reader.mentions_in(at, at + WITH_REACH + 1)
        ):
            continue
        found.append((m.start(), m.start() + len("thảo luận"), [DISCUSS_TRIGGER]))
    return found


# A verb of talk with no "với" after it, then its topic or "each other": "A và người đồng
# cấp B hôm qua đã thảo luận về vấn đề Iran", "… đã cùng trao đổi về …".
# Led by the verb, not by "\b" or the optional "cùng": a literal lead lets the engine skip
# ahead, where a pattern led by a boundary is tried at every character of the body.
JOINT_TALK = re.compile(r"(thảo luận|trao đổi|bàn bạc|bàn)\s+(?:về|với nhau)\b")
TOGETHER_BEFORE = re.compile(r"\bcùng\s+$")


def joint_talk_verbs(body: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each verb of talk with its topic ("thảo luận về", "bàn bạc với nhau") that starts a
    word, with where its phrase starts ("cùng thảo luận về" starts at "cùng")."""
    for m in JOINT_TALK.finditer(body):
        at = m.start()
        if at and (body[at - 1].isalnum() or body[at - 1] == "_"):
            continue
        together = TOGETHER_BEFORE.search(body, max(0, at - 12), at)
        yield (together.start() if together else at), m


# What joins the two sides of the subject: "và", "cùng", "và người đồng cấp (Nga)".
JOINED = re.compile(r"\s+(?:và|cùng|cùng với)\s+(?:(?:cựu|nguyên)\s+)?")  # "và cựu trưởng …"
SUBJECT_REACH = 60  # characters from the second side to the verb, without a clause break
JOINT_TRIGGERS = {
    verb: Trigger(verb, "meeting", "", frozenset({"verb", "inperson"}))
    for verb in ("thảo luận", "trao đổi", "bàn bạc", "bàn")
}


def may_tell_joint(doc: Doc) -> bool:
    """Whether the body may tell talks by a joint subject: officials of two states, and a
    verb of talk (cheap, before any sentence is read)."""
    states = {p.country for p in doc.record.people if p.country}
    return len(states) >= 2 and next(joint_talk_verbs(doc.body), None) is not None


def kinds(found: tuple[int, int, list[Trigger]]) -> list[str]:
    return [t.kind for t in found[2]]


def joint_discussions(reader: Reader) -> list[tuple[int, int, list[Trigger]]]:
    """Two officials of two states joined as the subject of a verb of talk ("Ngoại trưởng
    Mỹ Rice và người đồng cấp Nga Lavrov đã thảo luận về …"): their talks. The verb alone
    is too common ("Quốc hội thảo luận về dự luật") to be a trigger; officials of one state
    ("Chủ tịch Quốc hội và Phó Chủ tịch Quốc hội đã thảo luận") are no talks, and a
    sentence that has told its event before the verb ("Trong cuộc hội đàm …") adds none."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    people = reader.doc.record.people
    if not may_tell_joint(reader.doc):
        return found  # officials of two states and a verb of talk are needed
    sentences = reader.doc.sentences
    for begin, m in joint_talk_verbs(body):
        at = bisect.bisect_right(sentences, (begin, len(body))) - 1
        start = sentences[at][0] if at >= 0 else 0
        if any(k != "-" for t in within(reader.triggers, start, begin) for k in kinds(t)):
            continue  # "Trong cuộc hội đàm …, A và B tập trung thảo luận về …": told already
        before = reader.mentions_in(max(start, begin - 200), begin)
        for first, second in pairwise(before):
            if not (
                JOINED.fullmatch(body, first.end, second.start)
                and second.end + SUBJECT_REACH >= begin
                and not re.search(r"[,;.:()]|\bvới\b", body[second.end : begin])
            ):
                continue
            states = {
                (people[x.person].country if 0 <= x.person < len(people) else None) or x.country
                for x in (first, second)
            }
            if len(states - {None, ""}) == 2:
                found.append((m.start(1), m.end(1), [JOINT_TRIGGERS[m.group(1)]]))
                break
    return found


def counterparts_start(body: str, cue_end: int) -> int | None:
    """Where the counterparts of "thảo luận <topic> với …" start (after "với"), so that
    several listed there are one event each as after "gặp"; None when no topic stands
    between the verb and "với"."""
    m = DISCUSS_WITH.match(body, cue_end - len("thảo luận"))
    return m.end() if m and m.end() > cue_end else None


# Where the side after "với" stops: its topic, purpose, place, or a clause break.
SIDE_END = re.compile(r"\s(?:về|để|nhằm|tại|ở|qua|trong|sau|khi)\s|[,;.:()]")
SIDE_REACH = 80
# The press as the side ("trao đổi với báo chí Mỹ"): an interview, whatever its state.
# Words before a state that leave the state itself as the side ("với phía Nga", "với các
# quan chức Nga"), unlike a company or community of it ("với các tập đoàn Nhật Bản").
STATE_SIDE = re.compile(
    r"\s*(?:(?:các|những|phía|chính phủ|chính quyền|nhà nước|lãnh đạo|nhà lãnh đạo|quan chức"
    r"|giới chức|đại diện|đoàn|phái đoàn|đoàn đại biểu|người đồng cấp|người đồng nhiệm"
    r"|đồng cấp|đồng nhiệm|cấp cao)\s+)*"
)
PRESS = re.compile(r"\b(?:phóng viên|báo chí|báo giới|nhà báo|hãng tin|truyền thông|đài|tờ|báo)\b")


def foreign_side(reader: Reader, d: Draft) -> bool:
    """Whether a weak verb of talk ("trao đổi với", "bàn với": flag "foreign") has, after
    "với", a side of another state than its subject: an official of that state, or the
    state named ("trao đổi với các quan chức Nga"). Reporters, colleagues at home and the
    subject's own lawmakers are no talks."""
    start = d.cue.end
    end = min(d.cue.own_end or start + SIDE_REACH, start + SIDE_REACH)
    stop = SIDE_END.search(reader.body, start, end)
    if stop:
        end = stop.start()
    if PRESS.search(reader.body, start, end):
        return False
    people = reader.doc.record.people
    side = {m.person for m in reader.mentions_in(start, end)}
    own = {people[p].country for p in d.people if 0 <= p < len(people) and p not in side}
    theirs = {people[p].country for p in side if 0 <= p < len(people)}
    theirs |= {
        code
        for at, _, code in reader.parties
        if start <= at < end and STATE_SIDE.fullmatch(reader.body, start, at)
    }
    own -= {None, ""}
    return bool(own) and bool(theirs - own - {None, ""})


# "Hai bên đã thảo luận về vấn đề Iran": the plural of the two sides as the verb's subject.
# The match starts at "ai", one past the "H": a pattern that opens with a literal lets the
# engine skip ahead to it (the "H" and the boundary before it are looked behind for),
# where "\b[Hh]ai" was tried at every character: 115 us a body, now 3.
GROUP_TALK = re.compile(
    r"ai(?<=[Hh]ai)(?<!\w[Hh]ai)\s+(?:bên|phía|ông|bà|nhà lãnh đạo|vị lãnh đạo|lãnh đạo|nguyên thủ)\s+"
    r"(?:(?:đã|sẽ|cũng|vừa|đều|còn|tiếp tục)\s+)*"
    r"(?:cùng\s+)?(thảo luận|trao đổi|bàn bạc|bàn)\s+(?:về|với nhau)\b"
)
TALK_VERBS = ("thảo luận", "trao đổi", "bàn")
VISIT_REACH = 3  # sentences back to the visit whose two sides the plural stands for
# A visit recalled ("kết quả chuyến thăm Mỹ vừa qua"), not the one the story is in.
PAST_VISIT = re.compile(r"[^,.;]{0,40}?(?<!\w)(?:vừa qua|trước đây|năm ngoái|lần trước)(?!\w)")


def visit_discussions(reader: Reader) -> list[tuple[int, int, list[Trigger]]]:
    """ "X đang ở thăm Nga. Hai bên đã thảo luận về …": the talks of a visit told by the
    plural of its two sides, when no meeting or call is told since the visit (after a
    reception or talks the plural tells those again)."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    if not any(verb in body for verb in TALK_VERBS):
        return found  # cheap, before the scan
    sentences = reader.doc.sentences
    for m in GROUP_TALK.finditer(body):
        subject = m.start() - 1  # the "H" of "Hai"
        at = bisect.bisect_right(sentences, (subject, len(body))) - 1
        start = sentences[max(0, at - VISIT_REACH)][0] if at >= 0 else 0
        if "?" in body[start:subject]:
            continue  # an interview's answer: what the two may discuss
        told = [
            k
            for t in within(reader.triggers, start, subject)
            for k in kinds(t)
            if k != "visit" or not PAST_VISIT.match(body, t[1])
        ]
        if "visit" in told and not {"meeting", "call"} & set(told):
            found.append((m.start(1), m.end(1), [JOINT_TRIGGERS[m.group(1)]]))
    return found
