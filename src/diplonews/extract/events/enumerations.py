"""Several events told by one verb: counterparts listed after a two-sided verb ("hội
đàm với A, B và C"), the legs of a tour ("công du Lào, Campuchia và Thái Lan") and
events counted together ("4 cuộc đàm phán"), one draft each."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from diplonews.extract.events import discussions, roles
from diplonews.extract.events.cues import PARTY_KINDS, PLANNED, Cue, parse_edition
from diplonews.extract.events.drafts import Context, Draft, counterpart_of
from diplonews.extract.record import Event
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.events.reader import Reader


TOUR_STOPS = re.compile(r"\b(?:tại|tới|đến|gồm|thăm)\s+")

# "4 cuộc đàm phán", "ba vòng đàm phán": so many events (see split_count)
# (not the end of a date: "18-4 Cuộc họp …" is one meeting; nor an ordinal: "vòng 4 cuộc
# đàm phán 6 bên" is the fourth round)
COUNTED = re.compile(
    r"(?<![-/.–])(?<![Vv]òng )(?<!lần )(?<!thứ )\b(\d|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu)\s+(?:(?:cuộc|vòng|lần|chuyến)\s+)?$"
)

COUNTED_NOUNS = ("cuộc", "vòng", "chuyến", "phiên")

MAX_COUNTED = 6

# A count before a cue that itself starts with the counted noun ("Ba vòng đàm phán 6 bên"):
# the count is of its rounds whatever follows ("năm" is a year there, not five).
COUNTED_HEAD = re.compile(r"(?:vòng|cuộc)\s", re.IGNORECASE)

# The parties of an event named in an aside after it: "3 vòng thương thuyết, có Bắc Triều
# Tiên, Hàn Quốc, Mỹ, Trung Quốc, Nga và Nhật tham gia, đã …", ", với sự tham gia của A
# và B", ", gồm A, B và C" (see taking_part_end).
TAKING_PART_LEAD = re.compile(r",\s*(?:(?:với|có)\s+sự\s+(?:tham\s+gia|tham\s+dự)\s+của|có|gồm)\s+")
TAKING_PART_TAIL = re.compile(r"\s+(?:cùng\s+)?(?:tham\s+gia|tham\s+dự)\b")

# The states of a tour after its verb (see legs).
LEG_GAP = re.compile(
    r"\s*(?:(?:chính thức|cấp nhà nước|cấp Nhà nước|làm việc|hữu nghị|tới|đến|sang|tại|"
    r"(?:\w+\s+)?(?:nước|quốc gia)|các nước|các quốc gia)\s+)*"
)

# Counterparts listed after a two-sided verb (see counterparts).
TWO_SIDED_VERBS = (
    "hội đàm",
    "hội kiến",
    "gặp",
    "tiếp",
    "điện đàm",
    "chào",
    "làm việc",
    "thảo luận",
)

COUNTERPART_LEAD = re.compile(
    r"(?:\s+(?:chính thức|riêng rẽ|riêng biệt|riêng|song phương|trực tiếp))?\s+(?:với\s+)?(?:lần lượt\s+)?"
    r"(?:các\s+)?"
)

ONE_BY_ONE = re.compile(r"\b(?:[Ll]ần lượt|riêng rẽ|riêng biệt|từng)\s+(?:\w+\s+){0,2}$")

LIST_SEP = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")

LIST_STOP = re.compile(r"\s+(?:để|nhằm|về|trong|nhân|bên lề|sau|trước|hôm|vào|ngày|tại|ở)\b|[;.:(]")

ENVOY_HEAD = re.compile(r"(?:các\s+)?Đại sứ(?:\s+(?:các nước|các quốc gia|của))?\s", re.IGNORECASE)

# Counterparts named only by their states ("gặp lãnh đạo các nước Lào và Campuchia"): one
# event per state, with only the named participants.
LEADERS_HEAD = re.compile(
    r"(?:các\s+)?(?:nhà\s+)?lãnh đạo\s+(?:cấp cao\s+)?(?:của\s+)?(?:các nước|các quốc gia|hai nước)\s",
    re.IGNORECASE,
)


def taking_part_end(reader: Reader, clause_end: int, sentence_end: int) -> int:
    """A cue's clause end, carried past an aside that lists the parties taking part
    ("…, có A, B và C tham gia,"): they are the event's parties, not a new subject.
    "có …" needs its "tham gia"; the other leads need two parties or more."""
    body = reader.body
    lead = TAKING_PART_LEAD.match(body, clause_end, sentence_end)
    if not lead:
        return clause_end
    ends = {s: e for s, e, _ in within(reader.parties, lead.end(), sentence_end)}
    at, stop, count = lead.end(), clause_end, 0
    while at in ends:
        stop, count = ends[at], count + 1
        sep = LIST_SEP.match(body, stop, sentence_end)
        if not sep:
            break
        at = sep.end()
    tail = TAKING_PART_TAIL.match(body, stop, sentence_end) if count else None
    if tail:
        return tail.end()
    bare_has = lead.group().strip(", ") == "có"  # "có A và B" alone: maybe another clause
    return stop if count >= 2 and not bare_has else clause_end


def counterparts(reader: Reader, cue: Cue, end: int) -> list[tuple[int, str | None]]:
    """The counterparts listed after a two-sided verb, as (person, country) pairs
    (person -1 when only the office and the state are named): "hội đàm với A, B và
    C", "lần lượt hội kiến A, B và C", "tiếp xúc với Thủ tướng Gibuti, Ngoại trưởng
    Haiti", "tiếp Đại sứ các nước Thái Lan, Indonesia và Malaysia". Empty unless at
    least two are listed."""
    body = reader.body
    lead = COUNTERPART_LEAD.match(body, cue.end, end)
    at = lead.end() if lead else cue.end
    if cue.trigger and cue.trigger.vi == "thảo luận":  # "thảo luận về … với A, B và C"
        at = discussions.counterparts_start(body, cue.end) or at
    if body.startswith(",", at) or body.startswith(" ,", at):
        return []  # "Tại cuộc hội đàm, A và B nhất trí …": the main clause's subject
    starts = {m.start: m for m in reader.taking_part if at <= m.start < end}
    heads = starts.keys() | {s for s in reader.title_starts if at <= s < end}
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
            and at in reader.party_starts
            or not found
            and LEADERS_HEAD.match(body, at, end)
        ):
            # an office and a state, no name: up to the next separator before a head
            sep = LIST_SEP.search(body, at, min(end, at + 80))
            while sep and sep.end() not in heads | reader.party_starts:
                sep = LIST_SEP.search(body, sep.end(), min(end, at + 80))
            item_end = sep.start() if sep else min(end, at + 80)
            stop = LIST_STOP.search(body, at, item_end)
            item_end = stop.start() if stop else item_end
            codes = [c for s, _, c in reader.parties if at <= s < item_end]
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
    if not last and not list_runs_out(reader, found, item_end if found else at, end):
        return []  # a list of counterparts closes with "và", or with its sentence
    keys = {(p, c) if p < 0 else (p, None) for p, c in found if p >= 0 or c}
    if len(found) < 2 or len(keys) < len(found) - 1:
        return []
    # a counterpart whose state the text leaves out is of the state of the others
    # ("Phó chủ tịch Cuba Carlos Lage, Ngoại trưởng Felipe Perez Roque và …")
    known = [c for _, c in found if c]
    return [(p, c or (known[0] if len(set(known)) == 1 else None)) for p, c in found]


def list_runs_out(
    reader: Reader, found: list[tuple[int, str | None]], item_end: int, end: int
) -> bool:
    """Whether a list of named officials without "và" ends with its sentence or at
    an adjunct ("tiếp xúc với Thủ tướng Thái Lan X, Ngoại trưởng Mỹ Y.")."""
    if len(found) < 2 or any(p < 0 for p, _ in found):
        return False
    rest = reader.body[item_end:end]
    return not rest.strip(' .;!”"') or bool(LIST_STOP.match(reader.body, item_end, end))


def split_counterparts(reader: Reader, at: Context, draft: Draft) -> list[Draft]:
    """One draft per counterpart when a two-sided verb lists several: each keeps the
    subject's side and takes one counterpart (the office alone when no name is
    given, as for envoys received together)."""
    cue = at.cue
    word = cue.trigger.vi if cue.trigger else ""
    times = times_told(reader, at)
    if times > 1 and (cue.kind != "visit" or len(set(draft.event.parties)) > 1):
        # "gặp nhau 2 lần", "đã hai lần thăm": as "2 cuộc gặp" says (a visit only with
        # where to: not "thăm đất nước đông dân nhất thế giới 8 lần")
        return split_count(reader, draft, times)
    if cue.kind == "visit":
        return [
            one for leg in split_legs(reader, at, draft) for one in split_travellers(reader, leg)
        ]
    counted = COUNTED.search(reader.body, max(0, cue.start - 12), cue.start)
    if (
        counted
        and (
            not cue.named
            or counted.group().rstrip().endswith(("vòng", "cuộc"))
            or COUNTED_HEAD.match(reader.body, cue.start, cue.end)
            and counted.group(1).lower() != "năm"
        )
        and (word.startswith(COUNTED_NOUNS) or counted.group().rstrip().endswith(COUNTED_NOUNS))
    ):
        drafts = split_count(reader, draft, parse_edition(counted.group(1).lower()) or 1)
        if opens_history(reader, at, counted.start(), cue):
            for number, one in enumerate(drafts, 1):
                if one.event.edition is None:
                    one.event.edition, one.counted_round = number, True
        return drafts
    if not any(verb in word for verb in TWO_SIDED_VERBS) or word.endswith("giữa"):
        return [draft]  # "thảo luận giữa A và B": the two sides of one meeting
    separate = split_subjects(reader, at, draft)  # "A, B và C có các cuộc gặp riêng với D"
    if len(separate) > 1:
        return separate
    # the list stops at the next verb told ("hội kiến A, hội kiến B và gặp C")
    list_end = min((c.start for c in at.sentence.cues if c.start > cue.start), default=0)
    listed = counterparts(reader, cue, list_end or at.sentence.end)
    if listed and one_side_pair(reader, cue, listed, list_end or at.sentence.end):
        return [draft]
    if listed and joint_talks(reader, at, listed, list_end or at.sentence.end):
        return [draft]
    listed = listed or named_among(reader, cue, list_end or at.sentence.end)
    if not listed:
        return [draft]
    people = reader.doc.record.people
    others = {p for p, _ in listed if p >= 0}
    listed_codes = {c for _, c in listed if c}
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
            if c and getattr(reader.lex.party(c), "kind", "") in PARTY_KINDS
        ] + roles.organisations_of(reader.lex, people, people_of)  # "… với Tổng thư ký LHQ"
        # the subject's chair, or the counterpart called on ("chào xã giao A và B")
        chairs_of = set(draft.chairs) & set(people_of)
        drafts.append(counterpart_of(draft, event, cue, people_of, chairs_of))
    return drafts


# "các cuộc gặp riêng với X", "những cuộc hội đàm riêng rẽ với X": meetings held apart,
# one for each of the subject's officials.
APART_BEFORE = re.compile(r"\b(?:các|những)\s+$")
APART_AFTER = re.compile(r"\s*(?:riêng rẽ|riêng biệt|riêng)\s+với\s")
SUBJECT_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")


def split_subjects(reader: Reader, at: Context, draft: Draft) -> list[Draft]:
    """ "A, B và C cũng đã có các cuộc gặp riêng với X": one meeting of each official the
    subject lists with the counterpart, not one meeting of all four (the plural and
    "riêng" say the meetings were held apart)."""
    cue, body = at.cue, reader.body
    if cue.kind != "meeting" or not APART_BEFORE.search(body, max(0, cue.start - 8), cue.start):
        return [draft]
    word = body[cue.start : cue.end]
    apart = APART_AFTER.match(body, cue.end) or (
        word.endswith(("riêng", "riêng rẽ", "riêng biệt")) and body.startswith(" với ", cue.end)
    )
    if not apart:
        return [draft]
    subject: list[int] = []
    last_end = None
    for m in reader.mentions_in(at.sentence.content_start, cue.start):
        if m.person < 0 or m.person not in draft.people:
            continue
        if last_end is not None and not SUBJECT_LIST_JOIN.fullmatch(body, last_end, m.start):
            subject = []  # only a list that runs up to the verb is the subject
        subject.append(m.person)
        last_end = m.end
    subject = list(dict.fromkeys(subject))
    others = [p for p in draft.people if p not in subject]
    if len(subject) < 2 or not others:
        return [draft]
    people = reader.doc.record.people
    drafts = []
    for person in subject:
        event = Event(**{**draft.event.__dict__, "participants": []})
        own = [person, *others]
        event.parties = [
            c
            for c in dict.fromkeys(
                [people[p].country or "" for p in own if 0 <= p < len(people)]
                + list(draft.event.parties)
            )
            if c
        ]
        drafts.append(counterpart_of(draft, event, cue, own, set(draft.chairs) & set(own)))
    return drafts


# A group met, then the members of it named one by one: "các cuộc gặp với giới chức cấp
# cao Triều Tiên, trong đó có A, và B", "gặp các quan chức Mỹ, gồm A và B" (see named_among).
AMONG_LEAD = re.compile(
    r"[^.;:()\"“”]{0,80}?,\s*(?:trong đó có|trong số đó có|(?:bao\s+)?gồm(?:\s+cả)?)\s+"
)
AMONG_GAP = re.compile(r"\s*(?:,\s*)?(?:và\s+|cùng\s+)?(?:\w+\s+){0,5}$")


def named_among(reader: Reader, cue: Cue, end: int) -> list[tuple[int, str | None]]:
    """The named officials of a group met, listed after it ("với giới chức cấp cao
    Triều Tiên, trong đó có A, và B"): one counterpart each, as (person, country).
    Empty unless two or more distinct officials are listed, each a few words after
    the one before."""
    lead = AMONG_LEAD.match(reader.body, cue.end, end)
    if not lead:
        return []
    stop = LIST_STOP.search(reader.body, lead.end(), end)
    at, found = lead.end(), []
    for m in reader.mentions_in(lead.end(), stop.start() if stop else end):
        if m.person < 0 or not m.name:
            continue
        if not AMONG_GAP.fullmatch(reader.body, at, m.start):
            break  # something else than a list of officials between them
        found.append((m.person, m.country))
        at = m.end
    if len({p for p, _ in found}) < 2:
        return []
    return list(dict.fromkeys(found))


def one_side_pair(reader: Reader, cue: Cue, listed: list[tuple[int, str | None]], end: int) -> bool:
    """ "hội đàm với Ngoại trưởng Việt Nam A và Phó Trưởng ban B", "hội kiến Nhật hoàng
    A và Hoàng hậu B": two named officials of one state joined by "và" are one side
    of one meeting, not two meetings (a list told "lần lượt" or with commas is)."""
    states = listed_states(reader, listed)
    if len(listed) != 2 or len(states) != 1 or None in states or "" in states:
        return False
    if ONE_BY_ONE.search(reader.body, max(0, cue.start - 30), cue.start):
        return False
    return joined_by_and(reader, listed, cue.end, end)


def listed_states(reader: Reader, listed: list[tuple[int, str | None]]) -> set[str | None]:
    """The states of a list of (person, state code) the way sides read them: the code
    told with the name, else the person's country."""
    people = reader.doc.record.people
    return {code or (people[p].country if 0 <= p < len(people) else None) for p, code in listed}


def joined_by_and(
    reader: Reader, listed: list[tuple[int, str | None]], start: int, end: int
) -> bool:
    """The two listed persons are named one after the other between start and end with
    nothing but "và" between them."""
    persons = [p for p, _ in listed]
    found = [m for m in reader.mentions_in(start, end) if m.person in persons]
    return (
        len(found) == 2
        and found[0].person != found[1].person
        and reader.body[found[0].end : found[1].start].strip() == "và"
    )


# The verbs of talks that can gather three sides at one table ("hội đàm với A và B");
# receptions, calls and courtesy calls are one guest, or one call, at a time, and
# "thảo luận về X với A và B" names whom a topic is taken up with, often in turn.
JOINT_TALKS = frozenset(("hội đàm", "gặp", "gặp gỡ"))
# "các cuộc gặp", "những cuộc hội đàm" before the verb: meetings, not one meeting.
# "Trong chuyến thăm châu Á, bà Rice sẽ hội đàm với Ngoại trưởng Nhật Bản A và Tổng thống
# Hàn Quốc B": a traveller meets each state's officials in turn, in their own capitals.
ON_TOUR = re.compile(r"\bchuyến\s+(?:thăm|công du|đi)\b", re.IGNORECASE)
PLURAL_BEFORE = re.compile(r"\b(?:các|những|hai)\s+(?:cuộc\s+)?$", re.IGNORECASE)


def joint_talks(
    reader: Reader, at: Context, listed: list[tuple[int, str | None]], end: int
) -> bool:
    """ "A có cuộc gặp với Ngoại trưởng Mỹ B và người đồng cấp Nhật Bản C", "tham gia hội
    đàm với Thủ tướng Israel B và Tổng thống Mỹ C": two named officials of two states
    joined by a bare "và" after a verb of talks are the other sides of one meeting of
    three, not two meetings (a list with commas, told "lần lượt", "riêng rẽ" or as
    "các cuộc gặp" is several, see split_counterparts)."""
    cue = at.cue
    word = cue.trigger.vi.lower() if cue.trigger else ""
    word = word.removeprefix("cuộc ")  # "có cuộc gặp với"
    if word not in JOINT_TALKS or len(listed) != 2 or any(p < 0 for p, _ in listed):
        return False
    states = listed_states(reader, listed)
    if len(states) != 2 or None in states or "" in states:
        return False
    before = reader.body[max(0, cue.start - 30) : cue.start]
    if ONE_BY_ONE.search(before) or PLURAL_BEFORE.search(before):
        return False
    if re.match(r"\s*(?:riêng|song phương)", reader.body[cue.end : cue.end + 20]):
        return False
    if ON_TOUR.search(reader.body, at.sentence.start, end):
        return False
    return joined_by_and(reader, listed, cue.end, end)


# How many times a verb's event took place, told after it in its clause ("từng gặp nhau
# 2 lần trong năm nay", "từng tới thăm Nga 2 lần") or before it ("đã hai lần thăm"); not
# a habit ("mỗi năm hai lần"), more to come ("hai lần nữa") nor an ordinal ("lần thứ 2").
TIMES_AFTER = re.compile(
    r"[^,;.:()\"“”]{0,40}?(?<!mỗi năm)(?<!mỗi tháng)(?<!mỗi tuần)\s(\d|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu)"
    r"\s+lần\b(?!\s+(?:thứ|nữa))"
)
TIMES_BEFORE = re.compile(
    r"\b(?:đã|từng|vừa)\s+(\d|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu)\s+lần\s+(?:(?:tới|đến|sang)\s+)?$"
)
TIMES_VERBS = frozenset(("gặp", "gặp gỡ", "hội đàm", "thăm", "điện đàm", "hội kiến", "tiếp"))


def times_told(reader: Reader, at: Context) -> int:
    """How many times the text says a verb's event took place; 1 when it does not."""
    cue = at.cue
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if "verb" not in cue.flags or word not in TIMES_VERBS:
        return 1
    told = TIMES_BEFORE.search(reader.body, max(0, cue.start - 24), cue.start) or TIMES_AFTER.match(
        reader.body, cue.end, at.sentence.end
    )
    return (parse_edition(told.group(1).lower()) or 1) if told else 1


def opens_history(reader: Reader, at: Context, count_start: int, cue: Cue) -> bool:
    """Whether a sentence opens on a count of rounds held ("Ba vòng đàm phán 6 bên đã diễn
    ra ở Bắc Kinh", "Hai vòng hội đàm … không đạt được nhiều kết quả"): the rounds so far,
    the first to the last, numbered 1 to N as a series numbers its rounds."""
    rounds = reader.body.startswith(("vòng", "Vòng"), cue.start) or reader.body[
        count_start : cue.start
    ].rstrip().endswith("vòng")
    opening = not reader.body[at.sentence.start : count_start].strip(" \"“'-–(")
    return rounds and opening and not PLANNED.search(reader.body, cue.end, at.sentence.end)


def split_count(reader: Reader, draft: Draft, count: int) -> list[Draft]:
    """ "Sau 4 cuộc đàm phán hạt nhân với …": as many events as the text counts, the
    first dated as the text dates them ("từ tháng 4/2003"), the others not."""
    drafts = [draft]
    days = listed_times(reader, draft, count)
    for k in range(1, min(count, MAX_COUNTED)):
        event = Event(**{**draft.event.__dict__, "participants": [], "date": days[k]})
        event.parties = list(draft.event.parties)
        twin = Draft(event, draft.cue, draft.sentence, list(draft.people), set(draft.chairs))
        twin.counterpart = draft.counterpart = twin.undated = True
        twin.own_date = True  # its date is the text's to give, and the text gives none
        twin.name_parties = draft.name_parties
        drafts.append(twin)
    return drafts


# What joins the times of a list: "hồi tháng 8/2003 và tháng 2/2004", "năm 2003, 2004".
TIME_JOIN = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:(?:vào|hồi|ngày)\s+)?")


def listed_times(reader: Reader, draft: Draft, count: int) -> list[str | None]:
    """The dates of counted events when the text lists as many times, in order, right
    after the first's ("hai vòng đàm phán … hồi tháng 8/2003 và tháng 2/2004"); else only
    the first's date."""
    dates: list[str | None] = [draft.event.date] + [None] * (count - 1)
    _, end = reader.doc.sentences[draft.sentence]
    times = reader.times_in(draft.cue.end, end)
    first = next((i for i, t in enumerate(times) if t.value == draft.event.date), None)
    if first is None or len(times) - first < count:
        return dates
    run = times[first : first + count]
    if all(TIME_JOIN.fullmatch(reader.body, a.end, b.start) for a, b in itertools.pairwise(run)):
        return [t.value for t in run]
    return dates


def legs(reader: Reader, cue: Cue, end: int) -> list[str]:
    """The states of a tour, listed after its verb: "công du ba nước Lào, Campuchia
    và Thái Lan", "sẽ tới Algeria và Gabon". Empty unless two or more are listed
    and the list closes with "và"."""
    body = reader.body
    gap = LEG_GAP.match(body, cue.end, end)
    at = gap.end() if gap else cue.end
    ends = {s: (e, code) for s, e, code in reader.parties}
    for s, e, payloads in reader.places:
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


def split_legs(reader: Reader, at: Context, draft: Draft) -> list[Draft]:
    """One visit per state of a tour (SCHEMA: legs of a tour), each with the
    travellers and that state."""
    listed = legs(reader, at.cue, at.sentence.end)
    if not listed or "ceremony" in at.cue.flags:
        return [draft]
    people = reader.doc.record.people
    home = [people[p].country for p in draft.people if 0 <= p < len(people) and people[p].country]
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


# Leaders of several states come together to attend something: "đã tới Vatican tham dự
# lễ tấn phong", "đã tới Washington chia buồn với nước Mỹ", "đã đến Vatican trong buổi lễ".
TO_GATHERING = re.compile(r"[^,;.]{0,60}?\b(?:tham dự|dự|chia buồn|viếng|lễ|tham gia)\b")


def split_travellers(reader: Reader, draft: Draft) -> list[Draft]:
    """One visit per travelling state: "Tổng thống Pakistan A và Thủ tướng Ấn Độ B đã có
    mặt ở New York" tells two trips to a third state, not one visit of three states.
    (Travellers of one state are one delegation; a traveller visiting the other's state
    stays as read.)"""
    people = reader.doc.record.people
    travellers = [p for p in draft.people if p not in draft.chairs and 0 <= p < len(people)]
    states = list(dict.fromkeys(people[p].country for p in travellers))
    hosts = [c for c in draft.event.parties if c not in states]
    if len(states) < 2 or None in states or "" in states or not hosts:
        return [draft]
    if TO_GATHERING.match(reader.body, draft.cue.end, reader.doc.sentences[draft.sentence][1]):
        return [draft]  # "… đã tới Vatican tham dự lễ tấn phong": a gathering, not their trips
    drafts: list[Draft] = []
    for state in states:
        own = [p for p in travellers if people[p].country == state]
        event = Event(**{**draft.event.__dict__, "participants": [], "parties": [state, *hosts]})
        drafts.append(
            counterpart_of(draft, event, draft.cue, own + sorted(draft.chairs), set(draft.chairs))
        )
    return drafts
