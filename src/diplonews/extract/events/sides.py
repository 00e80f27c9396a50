"""The sides of talks named as states, or as their capitals, rather than by officials.

World news tells talks between governments with the states themselves as the actors:
"Bogota đang đàm phán với La Havana" (Colombia negotiates with Cuba), "các nhà đàm
phán châu Âu, gồm Anh, Pháp và Đức, sẽ gặp nhau tại Paris", "6 bên … là Bắc Triều Tiên,
Mỹ, … và Hàn Quốc sẽ nhóm họp vào tháng 11". Such a clause names no official, yet it
tells an occurrence with two sides or more; this module finds those sides, so that the
event has its parties and is kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.events.cues import LOCATED, LOCATION_LEAD, SPORT, expand
from diplonews.extract.events.roles import TOPIC
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.events.cues import Cue
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# Verbs of talks whose subject (and object after "với") are the sides.
TALKS_VERBS = frozenset(
    (
        "gặp", "hội đàm", "đàm phán", "thương lượng", "thương thuyết", "thảo luận",
        "thảo luận với", "tham vấn", "gặp gỡ",
    )
)  # fmt: skip
# Verbs of a gathering whose plural subject lists the sides: "… sẽ nhóm họp".
GATHERING_VERBS = frozenset(("họp", "nhóm họp"))
# Between the last side of the subject and the verb: "Bogota đang đàm phán", "Đức, sẽ gặp".
AUX_BEFORE = re.compile(
    r"\s*,?\s+(?:(?:đã|đang|sẽ|vừa|cũng|còn|tiếp tục|bắt đầu|mới|lại|sắp|dự kiến)\s+)*"
)
# Between two sides listed: "Anh, Pháp và Đức".
LIST_JOIN = re.compile(r"\)?\s*(?:,|và|cùng|\()\s*")  # "Liên minh châu Âu (EU), Mỹ"
# "gặp nhau", "họp với nhau": the subject's members meet one another.
RECIPROCAL = re.compile(r"\s+(?:với\s+)?nhau\b")
WITH = re.compile(r"\s+với\s+")
SIDE_KINDS = ("state", "bloc", "group")
MIN_SIDES = 2


def side_spans(
    reader: Reader, start: int, end: int, kinds: tuple[str, ...] = SIDE_KINDS
) -> list[tuple[int, int, str]]:
    """States and blocs (`kinds`) named in [start, end), and capitals standing for their
    state; not a place the event is held in ("tại Paris") nor an envoy's post."""
    found = [
        (s, e, code)
        for s, e, code in within(reader.parties, start, end)
        if getattr(reader.lex.party(code), "kind", "") in kinds
        and not LOCATED.search(reader.body, max(0, s - 6), s)
        and not reader.is_post(s)
    ]
    for s, e, payloads in within(reader.places, start, end):
        city = payloads[0]
        if (
            getattr(city, "capital", False)
            and city.country
            and not LOCATION_LEAD.search(reader.body, max(0, s - 30), s)
            and not any(a <= s < b for a, b, _ in found)
        ):
            found.append((s, e, city.country))
    return sorted(found)


def listed_back(spans: list[tuple[int, int, str]], body: str, end: int) -> list[str]:
    """The sides listed right before `end` (the verb), back to the first of the list."""
    codes: list[str] = []
    for s, e, code in reversed(spans):
        gap = body[e:end]
        if not (AUX_BEFORE.fullmatch(gap) if not codes else LIST_JOIN.fullmatch(gap)):
            break
        codes.append(code)
        end = s
    return codes[::-1]


# Who stands for a state on the other side: "với phía Ấn Độ", "với chính phủ Somalia",
# "với đại diện của Anh", "với các quan chức Israel và Palestine".
SIDE_HEAD = re.compile(
    r"\s*(?:(?:các|những)\s+)?(?:phía|chính phủ|chính quyền|[Cc]hính phủ|[Cc]hính quyền"
    r"|đại diện|quan chức|giới chức|phái đoàn|đoàn đại biểu|nhà lãnh đạo|lãnh đạo)"
    r"(?:\s+(?:cấp cao|chính phủ|ngoại giao|nước))?(?:\s+của)?\s+"
)


def listed_after(spans: list[tuple[int, int, str]], body: str, start: int) -> list[str]:
    """The sides listed from `start` on: "với La Havana", "với Mỹ và Nhật Bản", "với
    phía Ấn Độ"."""
    codes: list[str] = []
    for s, e, code in spans:
        if s < start:
            continue
        gap = body[start:s]
        if (
            (gap.strip() and not SIDE_HEAD.fullmatch(gap))
            if not codes
            else not LIST_JOIN.fullmatch(gap)
        ):
            break
        codes.append(code)
        start = e
    return codes


# "các cuộc hội đàm giữa Putin, Gazprom và phái đoàn đàm phán của chính phủ Ukraina":
# the sides listed after "giữa", up to the end of the sentence or of this reach. A few
# words may qualify the talks first ("vòng đàm phán hạt nhân giữa Mỹ và Iran", "3 ngày
# đàm phán ngoại giao không cởi mở giữa London và Tehran", "cuộc họp kín giữa"); not a
# topic, a purpose or a setting, whose "giữa" tells what the talks are about ("thảo
# luận về cuộc xung đột giữa Israel và Palestine"), nor a clause's own words.
BETWEEN = re.compile(
    r"(?:\s+(?!(?:về|nhằm|để|cho|của|tại|ở|trong|với|vấn đề|quan hệ|là|và|thì|đã|sẽ|"
    r"đang|được|bị|bởi|do|vì|sự|mối)\b)[^\s,;.:()\"“”]+){0,6}?\s+giữa\s+"
)
BETWEEN_REACH = 100  # characters
TALKS_NOUNS = (
    "hội đàm", "đàm phán", "cuộc gặp", "thương lượng", "thương thuyết", "cuộc họp", "tham vấn",
    "thảo luận giữa",
)  # fmt: skip
# A verb that holds talks told by their noun, with what counts them: "Mỹ và Bắc Triều Tiên
# tổ chức hội đàm cấp cao ở Berlin", "… hôm qua bắt đầu 2 ngày hội đàm cấp thấp", "Iran
# tiến hành các cuộc đàm phán với EU".
HOLDING = re.compile(
    r"\b(?:tổ chức|tiến hành|bắt đầu|kết thúc|mở|mở ra|nối lại|có)\s+"
    r"(?:(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:ngày|vòng|cuộc|buổi)\s+"
    r"|(?:các|những|một|cuộc|vòng|buổi)\s+)*$"
)
HOLDING_REACH = 60  # characters before the noun searched for the holding verb
# A time told between the subject and the verb: "CHDCND Triều Tiên, Mỹ … hôm qua bắt đầu".
DAY_BEFORE_VERB = re.compile(
    r"\b(?:(?:hôm|sáng|chiều|tối|ngày)\s+(?:qua|nay|mai|kia|thứ\s+\w+)|tuần\s+(?:trước|này|tới))\s*$"
)
# An organisation that takes part as such may be a side named after "giữa" ("các cuộc thảo
# luận giữa Mỹ và IAEA"; SCHEMA: blocs and organisations as parties).
BETWEEN_KINDS = (*SIDE_KINDS, "org")
LAST_JOIN = re.compile(r"\s(?:và|với|[-–])\s")  # "giữa lãnh đạo Nhật - Hàn"
# What goes on with the last side's list: "Anh, Pháp, Đức", "3 nước EU là Anh, Pháp và Đức".
LIST_GOES_ON = re.compile(r"\)?\s*(?:,|và|là|gồm|:|\()\s*")
# "cuộc đàm phán giữa châu Âu và Iran", "hội đàm giữa Iran và châu Âu": the continent
# named as one side of talks is the European Union (not "các nước châu Âu").
EUROPE_SIDE = re.compile(r"(?:giữa|và|với)\s+(châu Âu)\b(?!\s+(?:và|với)\s+châu)")
QUALIFIER_WITH = re.compile(r"(?:\s+[^\s,;.]+){0,4}?\s+với\s+")  # "… cấp bộ trưởng với"


def sides_between(reader: Reader, d: Draft) -> list[str]:
    """The states of the sides listed after "giữa" a word of talks: states named and
    the states of the officials named."""
    cue, body = d.cue, reader.body
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if not any(w in word for w in TALKS_NOUNS):
        return []
    if word.endswith("giữa"):
        start = cue.end  # "các cuộc thảo luận giữa Pháp và Mỹ": the word holds "giữa"
    else:
        between = BETWEEN.match(body, cue.end)
        if between is None:
            return []
        start = between.end()
    end = min(reader.doc.sentences[d.sentence][1], start + BETWEEN_REACH)
    topic = TOPIC.search(body, start, end)
    end = topic.start() if topic else end  # "… và các quan chức Anh về vấn đề Libya": what
    people = reader.doc.record.people
    found = side_spans(reader, start, end, BETWEEN_KINDS)
    found += [
        (m.start, m.end, str(people[m.person].country))
        for m in reader.mentions_in(start, end)
        if 0 <= m.person < len(people) and people[m.person].country
    ]
    found += [
        (m.start(1), m.end(1), "EU") for m in EUROPE_SIDE.finditer(body, max(0, start - 6), end)
    ]
    found.sort()
    # the list closes with the side after its "và"/"với": what follows is another clause
    # ("… giữa Mỹ và IAEA cho biết Washington muốn Iran …", "… giữa châu Âu và Iran hoặc
    # các cam kết giữa Iran và Nga")
    last = LAST_JOIN.search(body, start, end)
    if last:
        after = [sp for sp in found if sp[0] >= last.end()]
        found = [sp for sp in found if sp[0] < last.start()] + after[:1]
        for sp in after[1:]:  # unless a list goes on: "giữa Iran và Anh, Pháp, Đức"
            if sp[0] > found[-1][1] and not LIST_GOES_ON.fullmatch(body, found[-1][1], sp[0]):
                break
            found.append(sp)
    return list(dict.fromkeys(code for _, _, code in found))


def between_count(codes: list[str], reader: Reader) -> int:
    """How many sides `sides_between` found: the states (a group's members each), and
    an organisation named as one side."""
    orgs = {c for c in codes if getattr(reader.lex.party(c), "kind", "") == "org"}
    return len(set(expand(codes, reader.lex))) + len(orgs)


def held_by_sides(reader: Reader, d: Draft) -> list[str]:
    """The sides of talks told by their noun after a verb that holds them, the states
    listed as its subject ("Mỹ và Bắc Triều Tiên tổ chức hội đàm") and those after "với"
    ("Iran tiến hành đàm phán với Anh, Pháp và Đức")."""
    cue, body = d.cue, reader.body
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if not any(w in word for w in TALKS_NOUNS):
        return []
    start, end = reader.doc.sentences[d.sentence]
    holding = HOLDING.search(body, max(start, cue.start - HOLDING_REACH), cue.start)
    if holding is None:
        return []
    spans = side_spans(reader, start, end)
    verb = holding.start()
    day = DAY_BEFORE_VERB.search(body, max(start, verb - 20), verb)
    before = listed_back([sp for sp in spans if sp[1] <= verb], body, day.start() if day else verb)
    if not before:
        return []
    with_side = QUALIFIER_WITH.match(body, cue.end, min(end, cue.own_end))
    after = listed_after(spans, body, with_side.end()) if with_side else []
    return list(dict.fromkeys(before + after))


# "Ngoại trưởng hai nước sẽ gặp nhau", "giới chức hai bên đã thảo luận", "quan chức hai
# nước đã có cuộc đàm phán": the officials of the two states the text has just named.
BOTH_OFFICIALS = re.compile(
    r"(?:giới chức|quan chức|lãnh đạo|nhà lãnh đạo|ngoại trưởng|bộ trưởng(?:\s+\w+){0,2}"
    r"|thủ tướng|tổng thống|nguyên thủ|đại diện|nhà đàm phán|chính phủ)\s+hai\s+"
    r"(?:nước|bên|quốc gia)\s+(?:(?:đã|đang|sẽ|vừa|cũng|từng|dự kiến|sắp|tiến hành|có|"
    r"bắt đầu|tổ chức|một|các|cuộc)\s+)*$",
    re.IGNORECASE,
)
BOTH_REACH = 3  # sentences before whose two states "hai nước" may point to


def both_named_before(reader: Reader, d: Draft) -> list[str]:
    """The two states that "X hai nước" before talks points back to: the first two states
    named going back from it (the clause before it, then the sentences before); [] when
    the stretch that brings the second names a third too (which two would be a guess)."""
    cue, body = d.cue, reader.body
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if cue.kind != "meeting" or not any(w in word for w in TALKS_NOUNS + tuple(TALKS_VERBS)):
        return []
    start = reader.doc.sentences[d.sentence][0]
    subject = BOTH_OFFICIALS.search(body, max(start, cue.start - 80), cue.start)
    if subject is None:
        return []
    return two_named_before(reader, d, subject.start())


def two_named_before(reader: Reader, d: Draft, at: int) -> list[str]:
    """The first two states named going back from `at` (its clause, then the sentences
    before), or [] when the stretch that brings the second names a third too."""
    start = reader.doc.sentences[d.sentence][0]
    stretches = [(start, at)]
    stretches += [reader.doc.sentences[i] for i in range(d.sentence - 1, -1, -1)][:BOTH_REACH]
    states: list[str] = []
    for a, b in stretches:
        states += [
            code
            for _, _, code in side_spans(reader, a, b)
            if getattr(reader.lex.party(code), "kind", "") == "state" and code not in states
        ]
        states = list(dict.fromkeys(states))
        if len(states) >= MIN_SIDES:
            return states if len(states) == MIN_SIDES else []
    if d.sentence <= BOTH_REACH:  # back to the body's start: the headline is the antecedent
        states = list(dict.fromkeys(states + headline_states(reader)))
        return states if len(states) == MIN_SIDES else []
    return []


def headline_states(reader: Reader) -> list[str]:
    """The states the headline names ("Mỹ và Libya bàn cách cải thiện quan hệ"), which
    "Giới chức hai nước" opening the body points back to; antecedents only, never the
    evidence of an event."""
    title = reader.doc.record.title or ""
    return [
        code
        for _, _, codes in reader.lex.party_names.find(title)
        for code in codes[:1]
        if getattr(reader.lex.party(code), "kind", "") == "state"
    ]


# "6 nước tham dự cuộc hội đàm … sẽ gặp nhau", "Hai nước đã hội đàm", "các nhà lãnh đạo
# của 25 nước trong EU sẽ gặp nhau": the states of talks counted, not named.
COUNTED_STATES = re.compile(
    r"(?<![\d.,/-])\b(\d{1,2}|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười)"
    r"\s+(?:nước|quốc gia)\b"
)
COUNT_WORDS = {
    "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
COUNTED_REACH = 110  # characters from the count to the verb
COUNT_LIST_LEAD = re.compile(r"\s*(?::|gồm|là)?\s*")  # "6 nước: A, B …", "6 nước gồm A, B …"
# "25 nước trong EU", "6 nước thành viên GMS": the group the counted states make up.
COUNT_GROUP_LEAD = re.compile(r"\s*(?:thành viên\s+)?(?:(?:trong|của|thuộc)\s+)?")
COUNT_BREAK = re.compile(r"[,;:()\"“”]")
# Between the counted subject and its verb: when, and whether it happens.
COUNT_GAP = re.compile(
    r"(?:\s+(?:đã|đang|sẽ|vừa|cũng|từng|dự kiến|sắp|mới|lại|có lịch trình|có kế hoạch"
    r"|thống nhất|nhất trí|hôm qua|hôm nay|ngày mai|lần đầu tiên|tiến hành|bắt đầu))*\s+"
)
TENSE = re.compile(r"\b(?:đã|đang|sẽ|vừa|từng|sắp|dự kiến|có lịch trình|có kế hoạch)\b")
COUNT_GAP_WORDS = 25  # syllables that may describe the states counted


def counted_states(reader: Reader, d: Draft) -> list[str]:
    """The states of talks whose subject counts them ("N nước … gặp nhau"): those listed
    right after the count, or the group named after it, or, for two, the two the text has
    just named; else a mechanism of the article with that many members ("6 nước tham dự
    cuộc hội đàm …" in a story of the six-party talks). [] when none has the count."""
    cue, body = d.cue, reader.body
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if "verb" not in cue.flags or (word not in TALKS_VERBS and word not in GATHERING_VERBS):
        return []
    reciprocal = bool(RECIPROCAL.match(body, cue.end))
    if not reciprocal and (word.startswith("gặp") or WITH.match(body, cue.end) or "với" in word):
        return []  # "… hội đàm với X": the other side is X; "gặp trục trặc": no meeting
    start = reader.doc.sentences[d.sentence][0]
    counts = list(COUNTED_STATES.finditer(body, max(start, cue.start - COUNTED_REACH), cue.start))
    if not counts:
        return []
    count = counts[-1]
    n = int(count.group(1)) if count.group(1).isdigit() else COUNT_WORDS[count.group(1).lower()]
    spans = side_spans(reader, count.end(), cue.start)
    listed = listed_after(spans, body, COUNT_LIST_LEAD.match(body, count.end()).end())  # type: ignore[union-attr]
    subject_end = count.end()
    states: list[str] = []
    if listed and len(set(expand(listed, reader.lex))) == n:
        states = listed
        subject_end = max(e for _, e, code in spans if code == listed[-1])
    else:
        at = COUNT_GROUP_LEAD.match(body, count.end()).end()  # type: ignore[union-attr]
        group = next((sp for sp in spans if sp[0] == at), None)
        party = reader.lex.party(group[2]) if group else None
        if group and party and party.kind in ("bloc", "group"):
            states, subject_end = [group[2]], group[1]
        elif n == MIN_SIDES:
            states = two_named_before(reader, d, count.start())
        else:
            states = next(
                (
                    list(series.parties)
                    for _, _, found in reader.series_hits
                    for series in found
                    if len(series.parties) == n
                ),
                [],
            )
    gap = body[subject_end : cue.start]
    if COUNT_BREAK.search(gap):
        return []  # the count is not the subject of these talks
    if COUNT_GAP.fullmatch(gap):
        # "Hai nước đã hội đàm": a tense says it happens, not "phải … hội đàm" (a wish)
        return states if reciprocal or TENSE.search(gap) else []
    # a longer subject ("6 nước tham dự cuộc hội đàm … sẽ gặp nhau") only for more than
    # two meeting one another: "lần đầu tiên lãnh đạo hai nước vùng Đông Á gặp nhau" is
    # most often the meeting the story reports already (the even archive half fell by it)
    return states if reciprocal and n > MIN_SIDES and len(gap.split()) <= COUNT_GAP_WORDS else []


# What tells a verb of talks as one occurrence of them: a length ("sau 40 phút đàm phán"),
# "sau", or a verb that has or holds them ("sẽ có đàm phán", "tiến hành đàm phán").
OCCURRENCE_LEAD = re.compile(
    r"\b(?:sau|có|tổ chức|tiến hành|(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|nhiều)"
    r"\s+(?:ngày|giờ|tiếng|phút|tuần|tháng|vòng))\s+$"
)


# A state summoning another's envoy ("Trung Quốc đã triệu tập quyền đại sứ Nhật Bản để
# phản đối", "chính phủ Anh triệu tập Đại sứ Iran"): the summoner's state stands in the
# clause before the verb (at most a few words between: "hôm qua đã"), the envoy's state
# right after the envoy's title, which the trigger ends with.
SUMMONS_WORDS = ("triệu tập đại sứ", "triệu tập quyền đại sứ", "triệu tập đại biện")
SUMMONER_GAP = re.compile(r"(?:\s+[^\s,;:.()\"“”]+){0,5}?\s*")


def summoned_sides(reader: Reader, d: Draft, start: int, end: int) -> list[str]:
    """The summoning state and the envoy's state of a summons, or [] unless both are
    named and differ."""
    cue, body = d.cue, reader.body
    spans = side_spans(reader, start, end)
    before = [sp for sp in spans if sp[1] <= cue.start]
    after = [sp for sp in spans if cue.end <= sp[0] <= cue.end + 2]
    if not before or not after or not SUMMONER_GAP.fullmatch(body, before[-1][1], cue.start):
        return []
    codes = [before[-1][2], after[0][2]]
    return codes if codes[0] != codes[1] else []


def named_sides(reader: Reader, d: Draft) -> list[str]:
    """The states that a talks clause names as its sides, or [] when it names fewer
    than two or does not tell them as the actors."""
    cue, body = d.cue, reader.body
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if cue.kind != "meeting" or cue.series:
        return []
    if word in SUMMONS_WORDS:
        return summoned_sides(reader, d, *reader.doc.sentences[d.sentence])
    held = held_by_sides(reader, d) or both_named_before(reader, d)
    if len(set(expand(held, reader.lex))) >= MIN_SIDES:
        return held
    counted = counted_states(reader, d)
    if counted:
        return counted  # the count says there are several: "25 nước trong EU" is the EU
    if "verb" not in cue.flags:
        codes = sides_between(reader, d)
        return codes if between_count(codes, reader) >= MIN_SIDES else []
    if word not in TALKS_VERBS and word not in GATHERING_VERBS:
        return []
    start, end = reader.doc.sentences[d.sentence]
    if SPORT.search(body, start, end):
        return []  # "Ai Cập và Bờ Biển Ngà sẽ gặp nhau ở trận chung kết": national teams
    spans = side_spans(reader, start, end)
    before = listed_back([sp for sp in spans if sp[1] <= cue.start], body, cue.start)
    if not before:
        # a verb of talks told as an occurrence of them: "sau 3 ngày đàm phán … giữa London
        # và Tehran", "sẽ có đàm phán giữa A và B" (not a bare "hội đàm giữa A và B đã bế
        # tắc từ năm 2001": talks as a process)
        lead = OCCURRENCE_LEAD.search(body, max(start, cue.start - 30), cue.start)
        codes = sides_between(reader, d) if lead else []
        return codes if between_count(codes, reader) >= MIN_SIDES else []
    sides = before
    if word in TALKS_VERBS and not RECIPROCAL.match(body, cue.end):
        with_side = WITH.match(body, cue.end)
        if with_side is None and not word.endswith(" với"):
            return []
        after = with_side.end() if with_side else cue.end  # "thảo luận với" ends in "với"
        sides = before + listed_after(spans, body, after)
    codes = list(dict.fromkeys(sides))
    return codes if len(set(expand(codes, reader.lex))) >= MIN_SIDES else []


SUMMIT_WORDS = ("thượng đỉnh", "cấp cao")


def summit_recalled(reader: Reader, d: Draft) -> list[str]:
    """ "sau cuộc gặp thượng đỉnh lịch sử ngày 15/6/2000, khi lãnh đạo hai miền Triều Tiên
    cam kết …": a summit dated by its own words, naming no one, in a sentence that names
    its states elsewhere."""
    cue, e = d.cue, d.event
    name = reader.body[cue.start : cue.own_end].lower()
    if cue.kind != "meeting" or cue.series or d.people or e.parties or not d.own_date:
        return []
    if not any(w in name for w in SUMMIT_WORDS):
        return []
    start, end = reader.doc.sentences[d.sentence]
    codes = list(dict.fromkeys(code for _, _, code in side_spans(reader, start, end)))
    return codes if len(set(expand(codes, reader.lex))) >= MIN_SIDES else []


def add_named_sides(reader: Reader) -> None:
    """Give talks told between states their sides as parties (`Draft.sides_named`): the
    states named as sides, and those of the officials named; not a state the clause
    goes on to talk about ("… nhằm thuyết phục Iran")."""
    people = reader.doc.record.people
    for d in reader.drafts:
        codes = named_sides(reader, d) or summit_recalled(reader, d)
        if codes:
            own = [people[p].country for p in d.people if 0 <= p < len(people)]
            d.event.parties = list(dict.fromkeys([*codes, *(c for c in own if c)]))
            d.sides_named = True


# An office held for a state, the state named after it and no one named: "Ngoại trưởng
# Libya thăm London", "một nhà ngoại giao Iran lên đường tới Iraq", "Bộ trưởng Ngoại giao
# nước CHND Bangladesh … đến Hà Nội", "đoàn quan chức Chính phủ Trung Quốc đến Pháp",
# "đại diện Bắc Triều Tiên đã gặp các quan chức Mỹ", "Các nhà đàm phán Nhật"; not "đoàn đại
# biểu đại diện cho nạn nhân …" (representing, not a representative).
OFFICE = re.compile(
    r"\b(?:[Nn]goại trưởng|[Bb]ộ trưởng|[Tt]hủ tướng|[Tt]hứ trưởng|[Tt]ổng thống|[Cc]hủ tịch"
    r"|[Qq]uốc vương|[Nn]hà vua|[Tt]hái tử|(?:nhà\s+)?lãnh đạo|[Qq]uan chức|[Gg]iới chức"
    r"|[Nn]hà ngoại giao|[Đđ]ặc phái viên|[Đđ]ặc sứ|[Pp]hái viên|[Đđ]ại diện(?! cho)|[Nn]hà đàm phán"
    r"|[Nn]hà thương thuyết)\b"
)
OFFICE_REACH = 120  # characters before the visit's words searched for the office
OFFICE_TO_STATE = 45  # characters from the office to its state
CLAUSE_BREAK = re.compile(r"[,;:.()\"“”]")
# "một (vị) tổng thống Mỹ": a leader's office held by anyone, not one leader's trip.
GENERIC_LEADER = re.compile(
    r"\bmột\s+(?:vị\s+)?(?:[Tt]ổng thống|[Tt]hủ tướng|[Cc]hủ tịch|[Qq]uốc vương|[Nn]hà vua)$"
)


def official_state(reader: Reader, d: Draft) -> str | None:
    """The state of an official named by office and state alone in the clause before a
    visit's words, its traveller (a state sends them: a state visit, though the text
    names no one); None when there is none."""
    return office_state_before(reader, d.cue, reader.doc.sentences[d.sentence][0])


def office_state_before(
    reader: Reader, cue: Cue, sentence_start: int, kinds: tuple[str, ...] = ("state",)
) -> str | None:
    """The state of an office named with its state and no holder in the clause before
    `cue` ("Ngoại trưởng Mỹ hôm qua đã gặp …"), or None; `kinds` may admit the blocs and
    groups whose officials meet as one side ("Các quan chức cấp cao của EU3 gặp …")."""
    body = reader.body
    start = max(sentence_start, cue.start - OFFICE_REACH)
    offices = list(OFFICE.finditer(body, start, cue.start))
    if not offices or CLAUSE_BREAK.search(body, offices[-1].start(), cue.start):
        return None
    office = offices[-1]
    if GENERIC_LEADER.search(body, max(0, office.start() - 8), office.end()):
        return None  # "lần đầu tiên một vị Thủ tướng Việt Nam tới Canada": any holder
    for s, _, code in side_spans(reader, office.end(), cue.start):
        if (
            office.end() <= s < office.end() + OFFICE_TO_STATE
            and getattr(reader.lex.party(code), "kind", "") in kinds
            and not reader.is_post(s)
        ):
            return code
    return None
