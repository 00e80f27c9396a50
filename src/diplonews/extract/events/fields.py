"""The fields of one cue's event: its date, people and chairs, format, parties and
series, read from the words the cue owns and those around it (see `Context`)."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

from diplonews.extract.doc import Mention
from diplonews.extract.events import (
    context_sides,
    counterparts,
    dating,
    enumerations,
    placing,
    roles,
    sides,
    world,
)
from diplonews.extract.events.cues import (
    CHAIR,
    CHAIR_OF,
    COUNTERPART,
    GROUP_TRIPS,
    LOCATED,
    MODAL,
    PARTY_KINDS,
    PRE_REACH,
    SESSION_NUMBER,
    Cue,
    Sentence,
    chaired_by,
    month_of,
    parse_edition,
    says_online,
)
from diplonews.extract.events.drafts import Context
from diplonews.extract.events.mechanisms import compose
from diplonews.extract.events.sides import MIN_SIDES
from diplonews.extract.spans import within

# A reported clause with a plural subject of its own ("X nhấn mạnh rằng tất cả các quốc
# gia …", "X cho biết rằng các nước …"): the speaker before "rằng" is not that subject.
REPORTED_SUBJECT = re.compile(r"\brằng\s+(?:tất cả\s+)?(?:các|những|mọi|nhiều)\s+")

SAID_THAT = re.compile(r"\brằng\b")
# What talks are for: "gặp X để thảo luận về tái thiết tại Afghanistan và Iraq", "hội đàm
# với Y nhằm củng cố quan hệ giữa Nhật Bản với các nước Mê Công". A purpose, not a side.
PURPOSE = re.compile(r"\s(?:nhằm|để)\s")
# "hội đàm riêng với X", "cuộc gặp song phương với Y": the two sides only, whoever else
# the subject came with ("cùng các nhà lãnh đạo Mê Công tiếp kiến … và có cuộc hội đàm
# riêng với Thủ tướng nước chủ nhà").
BILATERAL_AFTER = re.compile(r"\s+(?:riêng|song phương)\s+(?:\S+\s+){0,3}?với\s")
# A verb that reports what another does: "X cho biết Y sẽ gặp Z" (no "rằng" needed).
SAID = re.compile(r"\b(?:rằng|cho biết|cho hay|tiết lộ|khẳng định)\b")
SPEAKER_AGAIN = re.compile(r"\s*(?:ông|bà)\b")  # "X cho rằng ông và Y …": X is back

if TYPE_CHECKING:
    from diplonews.extract.events.reader import Reader
    from diplonews.extract.record import Person


def in_quotes(body: str, start: int, cue: Cue) -> bool:
    """Whether the cue stands inside quoted speech opened after `start`. A quoted name
    (“Đối thoại Hàn-ASEAN”) opens right before the cue and closes right after its name."""
    text = body[start : cue.start]
    opened = text.count("“") > text.count("”") or text.count('"') % 2 == 1
    if opened and text.rstrip().endswith(("“", '"')):
        return not any(mark in body[cue.name_end : cue.name_end + 3] for mark in ("”", '"'))
    return opened


WITH = re.compile(r"[\s,]*cùng\b")

AT_BEFORE = re.compile(r"\b[Tt]ại\s*$")

# "Phát biểu sau cuộc hội đàm với X, Y …": who speaks right after talks held them.
SPEAKING_AFTER = (
    r"(?:[Pp]hát biểu|[Tt]rả lời (?:báo chí|phỏng vấn)|[Tt]rao đổi với báo (?:chí|giới))"
)
# "Trong cuộc điện đàm ngày 20/10, A và B đã …": the event set before the main clause,
# whose subject is who took part.
SETTING_LEAD = re.compile(  # after a time ("Ngày 18/4, tại cuộc hội đàm với X, Y nêu rõ …")
    r"^\s*(?:[^,.;:]{0,30},\s*)?(?:[Tt]ại|[Tt]rong|Sau|" + SPEAKING_AFTER + r"\s+(?:ngay\s+)?sau)"
    r"\s+(?:(?:\d|hai|ba|bốn|năm|sáu|các)\s+)?(?:cuộc\s+|buổi\s+|vòng\s+)?$"
)

# "Lần lượt hội kiến A, B và C, X …": a verb that opens the sentence, before its subject.
OPENING_LEAD = re.compile(r"\s*(?:[Ll]ần lượt\s+)?")

SUBJECT_JOIN = re.compile(r"^[\s,]*(?:(?:và|cùng)\s+)?(?:Trợ lý|Phó|Quyền)?\s*$")

SESSION_HEAD = re.compile(r"(?:[Kk]ỳ họp|[Pp]hiên họp|[Vv]òng đàm phán|[Vv]òng)")

PAIR_DASH = re.compile(r"\s*[-–]\s*")  # "Việt Nam-Ấn Độ", "Việt Nam – Cam-pu-chia"

INNER_ACRONYM = re.compile(r"\s*\([A-ZĐ][A-Za-zĐ0-9+-]{1,9}\)\s*(?=\S)")

PEER_BEFORE = re.compile(r"\b(?:và|cùng)\s+(?:người\s+)?đồng (?:cấp|nhiệm)\s+")

WITH_STATE = re.compile(r"\bvới\s+$")

# Accession talks: "đàm phán về việc kết nạp Croatia vào Liên minh châu Âu", "thương
# thuyết để Thổ Nhĩ Kỳ gia nhập EU": the state joining and the bloc are the two sides,
# though they stand in what the talks are about.
ACCESSION = re.compile(
    r"\s+(?:về\s+)?(?:việc\s+)?(?:để\s+|cho\s+)?"
    r"(?:kết nạp\s+[^,;.]{2,40}?\s+vào|[^,;.]{2,40}?\s+gia nhập)\s+[^,;.]{2,40}"
)
NEGOTIATIONS = ("đàm phán", "thương thuyết", "thương lượng")


def accession_sides(reader: Reader, cue: Cue, reach: int) -> list[str]:
    """The acceding state and the bloc of accession talks told up to `reach`: "đàm phán
    về việc kết nạp Croatia vào EU" (see ACCESSION); [] for other words."""
    if not (cue.trigger and any(w in cue.trigger.vi.lower() for w in NEGOTIATIONS)):
        return []
    accession = ACCESSION.match(reader.body, cue.end, reach)
    return reader.parties_in(accession.start(), accession.end()) if accession else []


def acceding_states(reader: Reader, cue: Cue) -> list[str]:
    """The states of accession talks that are not blocs: the one that joins, not yet a
    member of the bloc it negotiates with, whatever the lexicon's members of today say
    (Croatia in "đàm phán về việc kết nạp Croatia vào Liên minh châu Âu" of 2004)."""
    return [
        code
        for code in accession_sides(reader, cue, cue.own_end)
        if getattr(reader.lex.party(code), "kind", "") == "state"
    ]


def cue_date(reader: Reader, at: Context) -> tuple[str | None, bool, Any]:
    """(date, whether the event's own words give it, the time expression used)."""
    sentence, cue = at.sentence, at.cue
    body = reader.body
    quoted = dating.quoted_spans(body, sentence.start, sentence.end)
    counted = enumerations.COUNTED.search(body, max(0, cue.start - 12), cue.start)
    series = counted is not None and (parse_edition(counted.group(1).lower()) or 1) > 1
    own_times = [
        t
        for t in reader.times_in(cue.start, cue.joined_end)
        if not dating.of_other_clause(body, cue.end, t, series)
        and not (quoted and dating.in_other_quote(quoted, cue.start, t))
    ] or [
        t
        for t in reader.times_in(clause_after_semicolon(body, at.lead_start, cue.start), cue.start)
        if not placing.announced(body, t, cue)
        and not dating.in_person_clause(body, at.lead_start, t)
        and not (quoted and dating.in_other_quote(quoted, cue.start, t))
    ]
    if series and not own_times:  # "Ba vòng đàm phán … kể từ năm 2003": the first's year
        clause_end = body.find(";", cue.end, sentence.end)
        own_times = [  # (times after "kể từ" are left out of reader.times: looked up here)
            t
            for t in reader.doc.times
            if cue.end < t.start < (sentence.end if clause_end < 0 else clause_end)
            and t.value
            and dating.SERIES_SINCE.search(body, max(0, t.start - 8), t.start)
            and not dating.of_other_clause(body, cue.end, t, series)
        ][:1]
    claimed = [(c.start, c.own_end) for c in sentence.cues if c is not cue]
    free_times = [
        t
        for t in reader.times_in(sentence.content_start, sentence.end)
        if not any(a <= t.start < b for a, b in claimed)
        and not placing.announced(body, t, cue)
        and not dating.of_other_clause(body, cue.end, t, series)
        and not dating.in_person_clause(body, sentence.content_start, t)
        and not (quoted and dating.in_other_quote(quoted, cue.start, t))
    ]
    main_start = setting_end(body, sentence, cue)
    if main_start is not None:  # "Tại cuộc hội đàm, X đề nghị … vào năm 2025"
        free_times = [
            t
            for t in free_times
            if t.start < main_start or SCENE_TIME.fullmatch(body, main_start, t.start)
        ]
    clause_start = clause_after_semicolon(body, sentence.content_start, cue.start)
    clause_end = body.find(";", cue.end, sentence.end)
    in_clause = [
        t
        for t in free_times
        if clause_start <= t.start and (clause_end < 0 or t.start < clause_end)
    ]
    # a later clause after a semicolon is another statement ("…; hai bên nhất trí … vào
    # năm 2025"): only the clause of the event and those before it may date it
    free_times = in_clause or [t for t in free_times if clause_end < 0 or t.start < clause_end]
    if not free_times:  # "Ngày 12/9, Bộ Ngoại giao cho biết X đã hội đàm …": the day
        free_times = [  # reported dates the report, unless it announces a plan
            t
            for t in reader.times_in(sentence.start, sentence.content_start)
            if not placing.announced(reader.body, t, cue)
        ]
    date, own_date = None, False
    if own_times and own_times[0].start < cue.start and framed(body, at):
        # "Ngoại trưởng ba nước ngày 11/7 đã nhóm họp bên lề Hội nghị X", "Sáng 27/10,
        # trong khuôn khổ chuyến công tác tham dự Hội nghị X, Thủ tướng đã gặp Y": the day
        # before the gathering's name is the day of the sentence's own event, held in it
        return month_of(placing.most_precise(own_times).value), False, own_times[0]
    if own_times:
        used = placing.most_precise(own_times)
        if used.precision == "year" and used.start > cue.start and at.attend:
            # "Chiều 12/9, X đã đến New York tham dự Hội nghị … năm 2005", "Sáng 23/10,
            # Thủ tướng dự Hội nghị BRICS mở rộng năm 2024": the year in the name of the
            # meeting attended, made precise by the day its clause opens on
            leading = [
                t
                for t in reader.times_in(  # the report's own day is not the meeting's
                    clause_after_semicolon(body, sentence.content_start, cue.start), cue.start
                )
                if t.value
                and str(t.value).startswith(str(used.value))
                and not placing.announced(body, t, cue)
                and not dating.in_person_clause(body, at.lead_start, t)
            ]
            used = placing.most_precise([used, *leading]) if leading else used
        date, own_date = used.value, not used.loose
    elif free_times:
        # A meeting named as the setting of the sentence's own event is dated to the
        # month; a visit by the most precise day the text gives for any of its days.
        setting = (at.secondary and cue.kind != "visit") or framed(body, at)
        date = month_of(free_times[0].value) if setting else free_times[0].value
        own_date = not setting and not free_times[0].loose
    if not own_date and any(
        sentence.content_start <= t.start < cue.own_end for t in reader.unresolved
    ):
        own_date = True  # dated in the text, though the year is not known
    return date, own_date, (own_times or free_times or [None])[0]


# A gathering named as the frame of a trip that attends it: "trong khuôn khổ chuyến công
# tác tham dự X", "nhân dịp sang dự X".
FRAME_OF_TRIP = re.compile(
    r"(?<!\w)(?:trong khuôn khổ|nhân dịp|trong dịp)(?!\w)[^,;.]{0,60}?(?<!\w)(?:tham\s+)?dự\s*$",
    re.IGNORECASE,
)


def framed(body: str, at: Context) -> bool:
    """Whether a meeting is named as the frame of another event its sentence tells ("bên
    lề X", "trong khuôn khổ chuyến công tác tham dự X"): a gathering of several days,
    which the day of that event does not date."""
    cue, sentence = at.cue, at.sentence
    if cue.kind != "meeting" or not (
        at.secondary
        or (
            at.attend
            and FRAME_OF_TRIP.search(body, max(sentence.start, cue.start - 120), cue.start)
        )
    ):
        return False
    return any(
        c is not cue and c is not cue.joined_to and c.joined_to is not cue for c in sentence.cues
    )


# "Phát biểu tại hội đàm với X, Y nhấn mạnh …": a speech at the event, set before it.
SPEAKING_AT = re.compile(r"^\s*" + SPEAKING_AFTER + r"\s+(?:tại|trong)\s+(?:cuộc\s+|buổi\s+)?$")
# What may stand between a leading setting's comma and a time that dates the scene:
# "Tại cuộc hội đàm, chiều 11/9, …".
SCENE_TIME = re.compile(r"[\s,]*(?:vào\s+)?")


def setting_end(body: str, sentence: Sentence, cue: Cue) -> int | None:
    """Where the main clause starts after an event set before it ("Tại cuộc hội đàm với
    X, Y đề nghị …"), or None. The main clause tells what was said or done there: its
    times date that (a target, an earlier visit, an anniversary), not the event."""
    lead = body[sentence.start : cue.start]
    if not (SETTING_LEAD.match(lead) or SPEAKING_AT.match(lead)):
        return None
    comma = body.find(",", cue.end, sentence.end)
    return comma if comma >= 0 else None


def clause_after_semicolon(body: str, start: int, at: int) -> int:
    """Where the clause of `at` starts after the last semicolon since `start`: "Ngày 3/10,
    A hội đàm với B; ngày 4/10, A hội kiến C" dates the second event by its own day."""
    return body.rfind(";", start, at) + 1 or start


def cue_people(reader: Reader, at: Context) -> tuple[list[int], set[int]]:
    """Who takes part (person indexes) and who of them chairs."""
    body, cue, sentence, subject = reader.body, at.cue, at.sentence, at.subject
    quoted = in_quotes(body, sentence.start, cue)  # a speaker's words, not a report
    pre = (
        []
        if at.secondary or at.hosting or cue.joined_to or quoted
        else [
            m for m in reader.mentions_in(at.prev_end, cue.start) if cue.start - m.end < PRE_REACH
        ]
    )
    told = REPORTED_SUBJECT.search(body, at.prev_end, cue.start) if pre else None
    if told:  # "X nhấn mạnh rằng tất cả các quốc gia tham gia đàm phán": X only speaks
        pre = [m for m in pre if m.start >= told.end()]
    said = None
    for said in SAID.finditer(body, at.prev_end, cue.start) if pre else ():
        pass
    if (
        said
        and any(m.start >= said.end() for m in pre)
        and not SPEAKER_AGAIN.match(body, said.end())
    ):
        # "X nói rằng Y sẽ gặp Z": the reported clause has a subject of its own, X speaks
        pre = [m for m in pre if m.start >= said.end()]
    if pre and names_sides_between(reader, cue, sentence.end):
        pre = []  # "X hoan nghênh vòng đàm phán giữa A và B": X is no side
    back = reader.back_subject(at)
    if back:  # "Hai Thủ tướng đã hội đàm": the officials it points back to
        pre = back[2] + [m for m in pre if not back[0] <= m.start < back[1]]
    elif not pre:  # "Cuộc gặp giữa hai nhà lãnh đạo …": the two named before
        pre = context_sides.owner_pair(reader, at) or context_sides.owner_pronoun(reader, at)
    own = [
        m
        for m in reader.mentions_in(cue.end, cue.own_end)
        if not MODAL.search(body, cue.end, m.start)
    ]  # "có thể có sự tham dự của X"
    chair_of = [
        m
        for m in reader.mentions_in(cue.end, sentence.end)
        if CHAIR_OF.search(body[max(0, m.start - 70) : m.start]) or chaired_by(body, m.start, m.end)
    ]
    if cue.kind == "visit" and "ceremony" not in cue.flags:
        travellers = visitors(reader, cue, pre, own, subject)
        hosts = roles.visit_hosts(reader, sentence, cue, pre or subject, travellers)
        return travellers + hosts, set(hosts)
    if at.secondary and not at.attend or at.hosting:
        return [m.person for m in chair_of], {m.person for m in chair_of}
    people = [m.person for m in pre + own]
    subject_takes_part = (
        not pre
        and not quoted
        and not told
        and (at.attend or "verb" in cue.flags or CHAIR.search(body[at.lead_start : cue.start]))
        or WITH.match(body, at.prev_end, cue.start)
        or world.subject_in_talks(reader, at.lead_start, cue.start, cue.end)
    )
    at_event = (
        (at.points_back or cue.generic)
        and at.clause_start == sentence.start
        and AT_BEFORE.search(body, sentence.start, cue.start)
    )  # "Phát biểu tại hội nghị, X"
    if subject_takes_part or at_event:
        people = [m.person for m in subject] + people
    people = list(dict.fromkeys(people + [m.person for m in chair_of]))
    speaker = world.speaker_after_talks(reader, sentence, cue)  # "X tuyên bố sau cuộc gặp với Y"
    if speaker:
        people = list(dict.fromkeys([m.person for m in speaker] + people))
    setting_subject: list[int] = []  # "Trong buổi tiếp X, Y đánh giá …": Y receives
    opening = (
        "verb" in cue.flags
        and OPENING_LEAD.fullmatch(body, sentence.content_start, cue.start) is not None
    )
    setting = SETTING_LEAD.match(body[sentence.start : cue.start])
    if setting and only_dates(body, setting.group(), cue, sentence):
        setting = None
        people = [p for p in people if p not in {m.person for m in subject}]
    if setting or opening:
        # "Gặp nhau tại Paris hôm qua, A và B …": a verb that opens the sentence
        # takes the joined subject of the main clause, as a setting does
        setting_subject = main_subject(reader, cue, sentence)
        people = list(dict.fromkeys(people + setting_subject))
        if cue.kind == "call":  # "Tại cuộc điện đàm, A mời B …": the two ends of the line
            people = list(
                dict.fromkeys(
                    people + [m.person for m in reader.mentions_in(cue.end, sentence.end)]
                )
            )
    chairs: set[int] = set()
    if roles.calls_on(cue):
        chairs = roles.called_on(reader, cue, pre or subject, own)
    elif roles.is_reception(cue) or "ceremony" in cue.flags:
        # the one received or welcomed, named after the verb, is no host
        chairs = roles.reception_hosts(reader, sentence, cue, pre, subject, own)
        if roles.is_reception(cue):
            chairs |= set(setting_subject) - {m.person for m in own}
    elif cue.kind == "meeting":
        chairs = meeting_chairs(reader, cue, at.lead_start, people, subject, pre)
        hosts = roles.invited_co_chairs(reader, sentence, cue, chairs)
        hosts += roles.inviting_hosts(reader, sentence, cue, people)
        chairs |= roles.joined_reception_hosts(reader, sentence, cue, people)
        people, chairs = list(dict.fromkeys(people + hosts)), chairs | set(hosts)
    return people, chairs | {m.person for m in chair_of}


# "giữa A và B" right after the event's word: its own words name both its sides, or a
# list of them ("giữa Putin, Gazprom và phái đoàn Ukraina").
BETWEEN_AFTER = re.compile(
    r"\s+(?:\S+\s+){0,4}?giữa\s+((?:[^,;.:]{2,60}?,\s)*[^,;.:]{2,60}?)\s(?:và|với)\s+\S"
)
# The words by which a subject holds talks itself: "X có cuộc hội đàm giữa …", "X chủ trì
# phiên đàm phán giữa …" (no other verb stands between it and the event).
HOLDS = re.compile(
    r"(?:có|tiến hành|tổ chức|chủ trì|đồng chủ trì|tham gia|tham dự|dự)\s+"
    r"(?:(?:các|một|những|hai|ba)\s+)?(?:(?:cuộc|buổi|phiên|vòng)\s+)?$"
)


def names_sides_between(reader: Reader, cue: Cue, end: int) -> bool:
    """Whether the event's own words name its sides after "giữa" (a state or an official
    among them): who is named before, speaking of it, is none of them unless the verb
    says they hold it. "Ông X hoan nghênh những tiến triển trong vòng đàm phán giữa đại
    diện chính phủ Indonesia và thủ lĩnh ly khai Aceh", "X phát biểu sau các cuộc hội đàm
    giữa Putin, Gazprom và phái đoàn Ukraina": X is no side."""
    body = reader.body
    # up to the sentence's `end`: a list's comma ends the cue's own words, not the list
    between = BETWEEN_AFTER.match(body, cue.end, max(cue.own_end, end))
    if between is None or HOLDS.search(body, max(0, cue.start - 40), cue.start):
        return False
    start, end = between.start(1), between.end()
    return bool(reader.parties_in(start, end) or reader.mentions_in(start, end))


SPEAKING_FOR = ("Spokesperson", "Press Secretary")


def spokespeople(known: list[Person]) -> frozenset[int]:
    """The people whose every title is a spokesperson's: they report what others do."""
    return frozenset(
        i
        for i, person in enumerate(known)
        if person.lead_title  # the office next to the name first: most people are no spokesmen
        and any(w in person.lead_title for w in SPEAKING_FOR)
        and all(any(w in t for w in SPEAKING_FOR) for t in person.titles)
    )


def without_spokespeople(reader: Reader, cue: Cue, people: list[int]) -> list[int]:
    """Less the spokespeople named before the event's word: "phát ngôn viên Nhà Trắng X
    tuyên bố trước cuộc gặp …" reports the talks of others (one named after the word, the
    object of the verb, still takes part)."""
    speaking = reader.spokespeople.intersection(people)
    if not speaking:
        return people
    named_after = {m.person for m in reader.mentions_in(cue.end, cue.own_end)}
    return [p for p in people if p not in speaking or p in named_after]


def only_dates(body: str, lead: str, cue: Cue, sentence: Sentence) -> bool:
    """Whether an event set before the main clause only dates it: "Sau hội đàm, X
    tiếp Y" tells X's own reception, and X need not have been at the talks. Not when the
    setting names the other side ("Sau cuộc thảo luận với Tổng thống nước chủ nhà, Thủ
    tướng X tiếp …"): the talks are told for the first time, and X held them."""
    return (
        lead.lstrip().startswith("Sau")
        and not SIDE_AFTER_CUE.match(body, cue.end)
        and not body[cue.start : cue.end].endswith("với")  # a cue "thảo luận với"
        and any(c.start > cue.start and "verb" in c.flags for c in sentence.cues)
    )


SIDE_AFTER_CUE = re.compile(r"\s+(?:riêng\s+)?với\s+")


def main_subject(reader: Reader, cue: Cue, sentence: Sentence) -> list[int]:
    """The people who open the main clause after a leading setting ("Trong cuộc
    điện đàm ngày 20/10, A và B …"): consecutive mentions right after its comma."""
    start = cue.end  # past the counterparts the verb lists ("Hội kiến A, B và C, X …")
    listed = {p for p, _ in enumerations.counterparts(reader, cue, sentence.end) if p >= 0}
    for m in reader.mentions_in(cue.end, sentence.end) if listed else []:
        if m.person in listed:
            start = m.end
    comma = reader.body.find(",", start, sentence.end)
    if comma < 0:
        return []
    found: list[int] = []
    at = comma
    for mention in reader.mentions_in(comma, sentence.end):
        if not SUBJECT_JOIN.match(reader.body[at : mention.start]):
            break
        found.append(mention.person)
        at = mention.end
    return list(dict.fromkeys(found))


def cue_format(reader: Reader, at: Context, location: str | None, people: list[int]) -> str | None:
    """Online, in person, or unknown (always unknown for a call)."""
    cue, sentence = at.cue, at.sentence
    if cue.kind == "call":
        return None
    if says_online(reader.body[sentence.start : sentence.end]) and (
        not at.secondary
        or says_online(reader.body[cue.start : min(cue.own_end + 40, sentence.end)])
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
        or reader.country_located(at.clause_start, at.clause_end)
    ):
        return "in_person"
    return None


# A tour of a bloc's members: "công du 6 nước ASEAN", "thăm các nước EU", "các quốc gia
# thành viên ASEAN".
BLOC_MEMBERS = re.compile(
    r"\s*(?:\S+\s+){0,2}?(?:(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|một số)\s+)"
    r"(?:nước|quốc gia)(?:\s+thành viên)?\s+(?:khối\s+)?(?=ASEAN|EU\b)"
)


def unnamed_official_state(reader: Reader, at: Context) -> list[str]:
    """ "Ngoại trưởng Mỹ hôm qua đã gặp X": talks whose subject is an office and its state,
    with no holder named anywhere, still have that state as a side (after "rằng", the
    reported clause's subject: "Quan chức Mỹ cho rằng Tổng thống Pakistan sẽ gặp …")."""
    cue, body = at.cue, reader.body
    if cue.kind == "visit" or "verb" not in cue.flags or at.secondary or at.hosting:
        return []
    start = at.lead_start
    for said in SAID_THAT.finditer(body, at.lead_start, cue.start):
        start = said.end()
    if reader.mentions_in(start, cue.start) or in_quotes(body, at.sentence.start, cue):
        return []  # a named subject
    state = sides.office_state_before(reader, cue, start)
    return [state] if state else []


def members_toured(reader: Reader, cue: Cue, code: str, end: int) -> bool:
    """Whether a bloc named after a visit's word stands for some of its members: "chuyến
    công du 6 nước ASEAN" visits states, not the bloc."""
    return (
        cue.kind == "visit"
        and getattr(reader.lex.party(code), "kind", "") == "bloc"
        and BLOC_MEMBERS.match(reader.body, cue.end, min(cue.own_end, end)) is not None
    )


def cue_parties(reader: Reader, at: Context, people: list[int]) -> list[str]:
    """States and blocs: named in the event's name, of its people, or visited."""
    cue = at.cue
    codes = list(at.name_parties)
    known = reader.doc.record.people
    codes += [known[p].country or "" for p in people if 0 <= p < len(known)]
    if cue.kind == "visit":
        visited = reader.parties_in(cue.end, min(cue.own_end, cue.end + 30))[:1]
        if visited and members_toured(reader, cue, visited[0], cue.end + 30):
            visited = []  # "chuyến công du 6 nước ASEAN": some of its members, not the bloc
        codes += visited
        city = reader.place_in(cue.end, min(cue.own_end, cue.end + 30))
        if city and city.country:
            codes.append(city.country)
        codes += destination_after(reader, cue)
    modal = MODAL.search(reader.body, cue.end, cue.own_end)  # "có thể có sự tham dự của"
    reach = modal.start() if modal else cue.own_end
    codes += accession_sides(reader, cue, reach)
    topic = roles.TOPIC.search(reader.body, cue.end, reach)
    reach = topic.start() if topic else reach  # "… về vấn đề hạt nhân Iran": what, not who
    purpose = (  # "… nhằm củng cố quan hệ giữa A với B": no side named there
        PURPOSE.search(reader.body, cue.end, reach) if cue.kind != "visit" else None
    )
    side_reach = purpose.start() if purpose else reach
    if cue.kind != "visit" and (
        reader.has_title(cue.end, side_reach) or COUNTERPART.match(reader.body, cue.end, side_reach)
    ):  # "họp với các Đại sứ ASEAN", "gặp với người đồng cấp Trung Quốc"
        codes += named_sides_after(reader, cue.end, side_reach, codes)
    codes += unnamed_official_state(reader, at)
    officials = counterparts.officials_state(reader, cue)
    if officials:  # "hội đàm với các quan chức Indonesia": the other side, unnamed
        codes.append(officials)
    peer = peer_state(reader, cue, at.lead_start)
    if peer:  # "A và người đồng cấp Nga B hôm qua đã hội đàm"
        codes.append(peer)
    elif cue.kind != "visit":  # "đàm phán hạt nhân với CHDCND Triều Tiên": the other side
        codes += [
            code
            for s, _, code in reader.parties
            if cue.end <= s < side_reach and WITH_STATE.search(reader.body, max(0, s - 5), s)
        ]
    if not people and not at.name_parties and not at.points_back and not closed_series(reader, cue):
        subject_start = max(
            at.sentence.content_start, reader.list_start(at.lead_start, at.sentence.start)
        )
        host = host_before(reader, cue, subject_start) if at.hosting else None
        if host:  # "chúc Hàn Quốc tổ chức thành công Hội nghị APEC": the host, not the well-wisher
            subject_start = host
        codes += reader.parties_in(subject_start, reach)
    elif not BILATERAL_AFTER.match(reader.body, cue.end):
        # "các ngoại trưởng ASEAN đã gặp X": the plural subject's bloc
        codes += roles.plural_subject_parties(reader, at.lead_start, cue.start)
    own = []  # an organisation's own session (its General Assembly): a party as such
    if cue.series and cue.series.parties:
        codes += list(cue.series.parties)
        own = [c for c in cue.series.parties if getattr(reader.lex.party(c), "kind", "") == "org"]
    return (
        [c for c in codes if getattr(reader.lex.party(c), "kind", "") in PARTY_KINDS]
        + roles.organisations_of(reader.lex, known, people)
        + regions_of(reader, known, people)
        + own
    )


def regions_of(reader: Reader, known: list[Person], people: list[int]) -> list[str]:
    """The regions whose officials take part ("Chủ tịch Quốc dân đảng Đài Loan Liên Chiến"):
    Taiwan, Hong Kong and Macau are no state of their own (countries.tsv), yet their
    officials meet as a side, a party by its ISO code."""
    codes = []
    for p in people:
        country = known[p].country if 0 <= p < len(known) else None
        if (
            country
            and country != "-"
            and getattr(reader.lex.party(country), "kind", "") == "region"
        ):
            codes.append(country)
    return codes


# "chuyến công du 4 ngày của các nghị sĩ Mỹ tới Bình Nhưỡng": where to, after who goes.
TO_PLACE = re.compile(r"\b(?:tới|đến|sang)\s+(?:thủ đô\s+|thành phố\s+)?$")
DESTINATION_REACH = 90  # characters after the visit's words


def destination_after(reader: Reader, cue: Cue) -> list[str]:
    """The state a trip goes to, named after "tới/đến/sang" further on in its own words
    than the visited state right after them: a state, or a city's state."""
    end = min(cue.own_end, cue.end + DESTINATION_REACH)
    if any(within(reader.parties, cue.end, cue.end + 2)) or any(
        within(reader.places, cue.end, cue.end + 2)
    ):
        return []  # "đến Hàn Quốc trước khi tới Triều Tiên": the trip's own state came first
    for s, _, code in within(reader.parties, cue.end + 1, end):
        if TO_PLACE.search(reader.body, max(cue.end, s - 20), s) and not reader.is_post(s):
            return [code]
    for s, _, payloads in within(reader.places, cue.end + 1, end):
        city = payloads[0]
        if getattr(city, "country", None) and TO_PLACE.search(reader.body, max(cue.end, s - 20), s):
            return [city.country]
    return []


def named_sides_after(reader: Reader, start: int, end: int, sides: list[str]) -> list[str]:
    """The parties named after a meeting's word, less a third state named as where it
    is held when the people already give two sides: "hội đàm với Thủ tướng Israel A và
    Tổng thống Mỹ B tại Jordan" is talks of Israel and the US, Jordan only hosts them."""
    found = []
    for s, _, code in within(reader.parties, start, end):
        if reader.is_post(s):
            continue
        others = {c for c in sides if c and c != code}
        if len(others) >= MIN_SIDES and LOCATED.search(reader.body, max(0, s - 6), s):
            continue
        found.append(code)
    return found


# A state right before the verb of hosting the event: "Hàn Quốc tổ chức thành công", "Pháp
# đăng cai".
HOST_VERB = re.compile(r"\s+(?:(?:đã|sẽ|sắp)\s+)?(?:đăng cai|tổ chức thành công)\b")


def host_before(reader: Reader, cue: Cue, start: int) -> int | None:
    """Where the state that hosts the event stands when the clause names it right before
    the verb of hosting, or None: who wishes or thanks it the hosting is no side."""
    spans = [(s, e) for s, e, _ in within(reader.parties, start, cue.start)]
    if not spans:
        return None
    s, e = spans[-1]
    return s if HOST_VERB.match(reader.body, e, cue.start) else None


def closed_series(reader: Reader, cue: Cue) -> bool:
    """Whether the cue's series is a fixed set of states ("đàm phán sáu bên", G8): a state
    the subject names ("Việt Nam hoan nghênh … các vòng đàm phán sáu bên") speaks of it
    from outside. (An organisation's or a bloc's session may have guests and members
    named as such.)"""
    return bool(cue.series and cue.series.parties) and all(
        getattr(reader.lex.party(c), "kind", "") == "state"
        for c in cue.series.parties  # type: ignore[union-attr]
    )


NOUN_OF_CHAIR = re.compile(r"\bsự\s+$")


def meeting_chairs(
    reader: Reader,
    cue: Cue,
    lead_start: int,
    people: list[int],
    subject: list[Mention],
    pre: list[Mention],
) -> set[int]:
    """Who chairs: co-chairs, those who chair or open it, or "dưới sự chủ trì của"."""
    body = reader.body
    window = body[lead_start : cue.own_end]
    co = re.search(r"đồng chủ trì", window, re.IGNORECASE)
    if co and not roles.verb_of_another_event(reader, lead_start + co.end(), cue):
        return set(people)  # not "dự X và đồng chủ trì Kỳ họp Y": Y is co-chaired
    verb = next(
        (
            m
            for m in CHAIR.finditer(body, lead_start, cue.own_end)
            if not NOUN_OF_CHAIR.search(body, max(0, m.start() - 5), m.start())
        ),
        None,
    )  # not "dưới sự chủ trì của X": a noun, whose chair is X (CHAIR_OF)
    if verb and roles.verb_of_another_event(reader, verb.end(), cue):
        verb = None  # "gặp X và khai mạc Diễn đàn …": who opens the forum
    if not verb:
        return set()
    before = {m.person for m in pre + subject if m.start < verb.start()}
    return before & set(people) or ({subject[0].person} if subject else set())


# Where the words after a visit's verb stop naming where to: "thăm Nga 2 lần trên cương
# vị chủ tịch Bắc Triều Tiên" (the traveller's own state), "… với tư cách …".
DESTINATION_ASIDE = re.compile(r"\s(?:trên cương vị|với tư cách|với vai trò)\s")


# The head of the travelling delegation, named after the trip's words and a comma: ", do
# ông X dẫn đầu", ", dẫn đầu đoàn là ông X" (reader.LED_BY carries the trip's words there).
TRIP_HEAD = re.compile(
    r",\s*(?:do|(?:người\s+)?(?:dẫn đầu|đứng đầu|trưởng)\s+(?:đoàn|phái đoàn)\s+là)\s+$"
)


# "chuyến thăm Việt Nam của Thủ tướng X": the one named after "của" travels ...
OF_TRAVELLER = re.compile(r"\bcủa\s+(?:đồng chí\s+)?[^,;]{0,90}$")
# ... unless a clause of its own has started before "của" ("X trong chuyến thăm Việt Nam
# đã chuyển lời của Tổng thống Y": Y sent the words), or "của" tells whose words or
# invitation ("theo lời mời của Y": the host).
# "vừa qua"/"vừa rồi" (recent) and "đang diễn ra" (under way) qualify the visit; they start no clause
CLAUSE_BEFORE_OF = re.compile(r"\b(?:đã|sẽ|lời|đang(?!\s+diễn\s+ra\b)|vừa(?!\s+(?:qua|rồi)\b))\s")


def traveller_of(gap: str) -> bool:
    """Whether the words from a visit's word to a name make it the visit's of whom."""
    of = OF_TRAVELLER.search(gap)
    return of is not None and not CLAUSE_BEFORE_OF.search(gap, 0, of.start())


def visitors(
    reader: Reader, cue: Cue, pre: list[Mention], own: list[Mention], subject: list[Mention]
) -> list[int]:
    body = reader.body
    if cue.start in reader.stop_travellers:
        return [reader.stop_travellers[cue.start]]  # "Chặng dừng chân đầu tiên là Brussels"
    if cue.start in reader.doc.matches.get(GROUP_TRIPS, ()):
        return []  # "các chuyên gia an ninh Marốc hôm qua đã tới Tây Ban Nha": no one named
    heads = [m.person for m in own if TRIP_HEAD.search(body, max(cue.end, m.start - 30), m.start)]
    if heads:  # "chuyến thăm của đoàn nghị sĩ Mỹ, do ông X dẫn đầu": its head travels
        return heads
    if re.match(
        r"\s*(?:\w+\s+){0,3}?của\s+(?:các\s+)?(?:đoàn|phái đoàn)", body[cue.end : cue.own_end]
    ):
        return []  # "chuyến thăm của đoàn đặc phái viên": the envoys are not named
    reach = min(cue.own_end, cue.end + 40)
    aside = DESTINATION_ASIDE.search(body, cue.end, reach)
    destination = set(reader.parties_in(cue.end, aside.start() if aside else reach))
    of = [m for m in own if traveller_of(body[cue.end : m.start])]
    if of:
        return [m.person for m in of]
    people = reader.doc.record.people
    pre, subject = compared_out(body, pre), compared_out(body, subject)

    def foreign(m: Mention) -> bool:
        return 0 <= m.person < len(people) and people[m.person].country not in destination

    # "Chủ tịch nước Trương Tấn Sang thăm …": the official just before the verb visits,
    # even in a list of visits whose first cue owns the text.
    adjacent = [
        m
        for m in reader.mentions
        if 0 <= cue.start - m.end <= 2 and not body[m.end : cue.start].strip() and foreign(m)
    ]
    if adjacent and not pre:
        return [adjacent[-1].person]
    chosen = [m.person for m in (pre or subject) if foreign(m)]
    if not chosen and destination:
        before = [
            m
            for m in reader.mentions
            if cue.start - 200 <= m.start and m.end <= cue.start and foreign(m)
        ]
        chosen = [before[-1].person] if before else []
    return chosen


COMPARED_LEAD = re.compile(
    r"(?:^|[,;:.\n])\s*(?:Trước|Sau|Cũng như|Giống như|Tiếp sau|Tiếp theo|Khác với)(?:\s+cả)?\s*$"
)


def compared_out(body: str, mentions: list[Mention]) -> list[Mention]:
    """Less an official named in a fronted comparison: "Trước ông Kofi Annan, Ngoại
    trưởng Mỹ Colin Powell đã tới thăm Aceh": Annan is the yardstick of the time, and
    Powell the one who travels (audit of merges, 2026-12-07)."""
    return [
        m
        for m in mentions
        if not (
            COMPARED_LEAD.search(body, max(0, m.start - 40), m.start)
            and body[m.end : m.end + 2].lstrip().startswith(",")
        )
    ]


def session_number(reader: Reader, cue: Cue) -> int | None:
    """The edition of "Kỳ họp thứ 17 Ủy ban …", "phiên họp thứ 3 …": a session counted
    without "lần"."""
    head = SESSION_HEAD.match(reader.body, cue.start, cue.name_end)
    number = head and SESSION_NUMBER.match(reader.body, head.end(), cue.name_end)
    return parse_edition(number.group(1)) if number else world.round_number(reader, cue)


def peer_state(reader: Reader, cue: Cue, lead_start: int) -> str | None:
    """The state of a counterpart named as "người đồng cấp <state>" in the subject
    before a two-sided verb ("A và người đồng cấp Nga B đã hội đàm")."""
    if cue.kind == "visit":
        return None
    peer = None
    for peer in PEER_BEFORE.finditer(reader.body, max(lead_start, cue.start - 120), cue.start):
        pass
    if peer is None:
        return None
    codes = reader.parties_in(peer.end(), peer.end() + 1)
    return codes[0] if codes else None


def series_past_acronym(reader: Reader, name: str | None) -> str | None:
    """The series of a name that an acronym in brackets interrupts ("Hội nghị Cấp cao
    (HNCC) ASEAN lần thứ 42" is the ASEAN Summit)."""
    if not name or "(" not in name:
        return None
    plain = INNER_ACRONYM.sub(" ", name)
    if plain == name:
        return None
    hits = reader.lex.series.find(plain)
    return next((str(h[2][0].name_en) for h in hits if h[0] == 0), None)


def composed_series(reader: Reader, cue: Cue, numbered: bool) -> str | None:
    """The series of a name that joins two parties after the mechanism's words
    ("Đối thoại Chiến lược Ngoại giao-Quốc phòng Việt Nam-Ấn Độ lần thứ 3" →
    "Vietnam-India Diplomacy-Defence Strategic Dialogue"), or None."""
    if cue.kind != "meeting":
        return None
    spans = [
        (s, e, code)
        for s, e, code in reader.parties
        if cue.start <= s < cue.name_end
        and getattr(reader.lex.party(code), "kind", "") in PARTY_KINDS
    ]
    for (s1, e1, a), (s2, _, b) in itertools.pairwise(spans):
        if a != b and PAIR_DASH.fullmatch(reader.body, e1, s2):
            name = compose(reader.body[cue.start : s1], [a, b], reader.lex)
            bare = name is not None and name.rsplit(" ", 1)[-1] == name.split(" ", 1)[-1]
            blocs = any(
                getattr(reader.lex.party(c), "kind", "") in ("bloc", "group") for c in (a, b)
            )
            # "Hội nghị thượng đỉnh Hàn-Indonesia": a one-off meeting of two states
            # unless counted ("lần thứ 5") or qualified ("Đối thoại Chiến lược …")
            return None if bare and not (numbered or blocs) else name
    return None
