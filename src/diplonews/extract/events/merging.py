"""Merging the events stage's drafts: one event per occurrence, and what the text
around an event adds to it.

A draft that only points back ("tại hội nghị", "cuộc gặp này") is folded into the event
it names; the others stand alone when they say enough to be an event. Then each event
gets what the sentences after it add (speakers, envoys received), a date when its own
words give none, and its final participants and parties.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from diplonews.extract.events import (
    addresses,
    audit,
    context_sides,
    counterparts,
    dating,
    discussions,
    fields,
    followups,
    movements,
    placing,
    roles,
    sessions,
    sides,
    summits,
    tours,
    world,
)
from diplonews.extract.events.cues import (
    ABROAD_LEADERS,
    BILATERAL_VERBS,
    BODY_IN_MENTION,
    COUNTERPART,
    ENVOYS,
    HOME,
    OTHER_LEADERS,
    SAME_DAY,
    SIDELINES,
    SPEAKER_LEVELS,
    SPEECH,
    SPORT,
    THIS,
    TRADE_FORUM,
    UNMARKED_LEADERS,
    body_officers,
    finish_parties,
    month_of,
)
from diplonews.extract.record import Event, Participant
from diplonews.extract.spans import within
from diplonews.text import fold

if TYPE_CHECKING:
    from diplonews.extract.doc import Mention
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader


# A visit owned by a leader's special envoys: "chuyến thăm (Việt Nam) của đoàn đặc phái viên
# (của) Tổng thống …", "chuyến thăm của Đặc phái viên Thủ tướng Nhật Bản".
ENVOYS_VISIT = re.compile(
    r"(?:\s+[^,.;:()]{0,30}?)?\s+của\s+(?:(?:phái\s+)?đoàn\s+)?(?:đặc phái viên|đặc sứ)(?!\w)",
    re.IGNORECASE,
)


# The motion that follows the envoys' name and reports their trip itself, its own cue:
# "chuyến thăm của đặc phái viên Mỹ tới Bắc Kinh" is one visit, told by "tới Bắc Kinh".
ENVOYS_ONWARD = re.compile(r"(?:tới|đến|sang)\s")


def envoys_visit(reader: Reader, d: Draft) -> bool:
    """Whether a visit noun is owned by a leader's special envoys (`ENVOYS_VISIT`): the
    state of the leader named after them ("của Tổng thống Lee Jae-myung", "của Tổng thống
    Hàn Quốc") is the visitors', and the one other state the sentence names before the
    visit ("cảm ơn Việt Nam đã đón tiếp chu đáo chuyến thăm …") the host."""
    m = ENVOYS_VISIT.match(reader.body, d.cue.end, d.cue.own_end)
    if m is None:
        return False
    if ENVOYS_ONWARD.match(reader.body, d.cue.own_end):
        return False  # "… của đặc phái viên Mỹ tới Bắc Kinh": the trip the motion tells
    people = reader.doc.record.people
    senders = [
        (x.start, people[x.person].country)
        for x in reader.mentions
        if m.start() <= x.start < d.cue.own_end and 0 <= x.person < len(people)
    ] + [(s, code) for s, _, code in within(reader.parties, m.start(), d.cue.own_end)]
    sender = min(senders, key=lambda pair: pair[0])[1] if senders else None
    if not sender or getattr(reader.lex.party(sender), "kind", "") != "state":
        return False
    start = reader.doc.sentences[d.sentence][0]
    before = {
        code
        for _, _, code in within(reader.parties, start, d.cue.start)
        if code != sender and getattr(reader.lex.party(code), "kind", "") == "state"
    }
    hosts = set(d.event.parties) - {sender} or before
    if len(hosts) != 1:
        return False
    d.event.parties = sorted({sender, *hosts})
    return True


def keep_alone(reader: Reader, d: Draft) -> bool:
    """Whether a draft that merges with nothing is an event of its own."""
    cue, e = d.cue, d.event
    if "foreign" in cue.flags and not d.points_back:
        return discussions.foreign_side(reader, d)  # "trao đổi với": another state's side
    if d.counterpart:
        return True  # one of the counterparts listed after a verb that reports an event
    if "ceremony" in cue.flags:
        # a host and a guest, or a guest on a stated day or place: the visit it opens
        return len(d.people) >= 2 or bool(d.people and (d.own_date or e.location))
    if cue.kind == "visit":
        if d.chairs and two_states(reader, d):
            return True  # a visitor and a host of two states, wherever the text puts it
        if d.people and len(set(e.parties)) >= 2 and traveller_named(reader, d):
            return True  # a named traveller and two states: where to is said further on
        if setting_traveller(reader, d):
            return True  # "X nhấn mạnh nhân chuyến thăm Hungary": X's trip
        if envoys_visit(reader, d):
            # "chuyến thăm của đoàn đặc phái viên của Tổng thống Lee Jae-myung": the envoys
            # a leader sends on his behalf are his state's visitors, unnamed as they are
            return True
        if not d.people and movements.group_traveller(reader, d):
            # "chuyến công du … của các nghị sĩ Mỹ tới Bình Nhưỡng", "6 nghị sĩ Mỹ sẽ đến
            # Canada vào tuần tới": dated or not, both states are its parties from now on
            return True
        if tours.keep(reader, d):
            return True  # "Ngoại trưởng Mỹ … bắt đầu chuyến công du châu Á"
        reach = min(cue.own_end, cue.end + 40)
        if not (reader.parties_in(cue.end, reach) or reader.location_in(cue.end, reach)):
            return False
        state = None if d.people else movements.delegation_state(reader, d)
        if state and state not in e.parties:
            e.parties.append(state)  # "Đoàn đại biểu Quốc hội Mỹ sẽ thăm Việt Nam"
        # a delegation of a named state ("đoàn đại biểu CHDCND Triều Tiên bắt đầu chuyến
        # công du tới Cuba") is a visitor even when no official is named
        return bool(d.people or e.date) or (
            len(set(e.parties)) >= 2
            and delegation_before(reader, d)
            # the official's state and where to, no third ("nhà ngoại giao Iran", no
            # title the people stage reads, leaves only where to)
            or len(set(e.parties)) in (1, 2)
            and official_traveller(reader, d)
        )
    if "held-plural" in cue.flags and not d.points_back:
        return True  # "Sáng nay, quan chức A và B đã khai mạc các cuộc đàm phán"
    if e.series and e.edition and not d.points_back:
        return True  # "cuộc họp Nội các chung Việt Nam-Thái Lan lần thứ 4": a counted round
    if cue.kind == "meeting" and not d.points_back and dating.named_with_year(e):
        return True  # "Diễn đàn cấp cao APEC 2025": one occurrence, named by its year
    if (
        e.edition
        and not d.points_back
        and (len(set(e.parties)) >= 2 or BETWEEN_SIDES.match(reader.body, cue.end, cue.own_end))
    ):
        # "Vòng đàm phán thứ 5 giữa Israel và Syria đã kết thúc mà không đạt kết quả": a
        # counted round between named states took place, whatever it achieved; so did "vòng
        # đàm phán hoà bình thứ hai giữa đại diện chính phủ Indonesia và thủ lĩnh ly khai
        # Aceh", between two sides a movement being one of them
        return True
    if not d.points_back and other_state(reader, d):
        return True  # one named official and another state on the other side
    word = cue.trigger.vi if cue.trigger else ""
    guest = None if d.people or d.points_back else movements.talks_guest(reader, d)
    if guest is not None:
        # "6 nghị sĩ Mỹ sẽ đến Bắc Triều Tiên để thảo luận …": the talks of a group's trip
        e.parties = list(dict.fromkeys([*e.parties, guest]))
        return len(set(e.parties)) >= 2
    if (
        "purpose" in cue.flags
        and not d.people
        and len(set(e.parties)) >= 2
        and sides.official_state(reader, d) is not None
    ):
        # "Phái viên của Mỹ sẽ tới Israel để thảo luận …": the talks of a trip whose
        # traveller is an office of a state, as its visit is kept (official_traveller)
        return True
    if cue.kind in ("meeting", "call") and not d.points_back and peer_of_another_state(reader, d):
        return True  # "Ngoại trưởng Qatar có cuộc gặp với người đồng nhiệm Israel"
    if counterparts.two_offices(reader, d):
        return True  # "Nhà ngoại giao Trung Quốc đã họp với các quan chức an ninh Iraq"
    if cue.kind in ("meeting", "call") and not d.people and offices_of_two(reader, d):
        return True  # "Bộ trưởng Ngoại giao hai nước Việt Nam và Lào đã hội đàm"
    if cue.kind in ("meeting", "call") and word in BILATERAL_VERBS:
        return (
            len(d.people) >= 2
            or (
                len(d.people) == 1
                and reader.has_title(cue.end, cue.own_end)
                and subject_side(reader, d)
            )
            or (len(d.people) == 1 and other_side_named(reader, d))
        )
    if d.points_back:
        if cue.kind == "call" and len(set(d.people)) >= 2:
            return True  # "Tại cuộc điện đàm, A mời B …": the only report of the call
        if cue.kind == "meeting" and any(w in word for w in MET) and two_states(reader, d):
            return True  # "Tại cuộc hội kiến với X, Y …": the only report of the talks
        if cue.named and (d.name_parties or e.series) and not reader.is_bare(cue):
            return True  # "Bên lề Hội nghị Cấp cao ASEAN-Nhật Bản, …": first told as a setting
        return bool(d.people) and bool(d.own_date or e.location)
    if cue.named:
        return bool(d.name_parties or e.series or e.edition or d.own_date or d.people or e.location)
    if len(d.people) == 1 and reader.has_title(cue.end, cue.own_end):
        return True  # "cuộc họp với các Đại sứ ASEAN": one named side, one titled
    return bool((d.own_date or e.location) and (d.people or e.parties)) or len(d.people) >= 2


# Who may stand before "gặp Tổng thống": an official or a body named by a word, or a
# pronoun for one told before ("Ông", "Họ", "phía Mỹ", "Đoàn", "Hai bên").
SUBJECT_WORDS = re.compile(
    r"\b(?:[Ôô]ng|[Bb]à|[Hh]ọ|[Đđ]oàn|[Pp]hái đoàn|[Pp]hía|[Hh]ai bên|[Cc]ác bên|[Đđ]ại diện"
    r"|[Cc]húng tôi|[Tt]ôi|[Nn]hà lãnh đạo|[Ll]ãnh đạo|[Qq]uan chức|[Nn]hà ngoại giao"
    r"|[Đđ]ặc phái viên|[Đđ]ặc sứ|[Pp]hái viên|[Cc]hính phủ|[Bb]ộ|[Ll]iên minh|[Nn]hà hoà giải"
    r"|[Nn]hà hòa giải|[Nn]ghị sĩ|[Tt]hượng nghị sĩ|[Hh]ạ nghị sĩ)\b"
)

CAPITALISED = re.compile(r"(?:^|(?<=\s))[A-ZĐ][a-zà-ỹđ]+\b")  # a name, or a sentence's first word


def subject_side(reader: Reader, d: Draft) -> bool:
    """Whether "gặp <title>" names a state after the verb, or the clause before it names
    the side that meets the titled official: a state, an official, a title or a word for
    one. "Solon lịch sự xem mọi
    thứ rồi quay lại gặp nhà vua": a name with none of these is a private person (a
    sage of a story), whose audience with a king is no diplomacy."""
    start = reader.doc.sentences[d.sentence][0]
    end = d.cue.start
    return bool(
        reader.parties_in(d.cue.end, d.cue.own_end)  # "gặp Tổng thống Nga": a state's office
        or reader.parties_in(start, end)
        or reader.mentions_in(start, end)
        or reader.has_title(start, end)
        or SUBJECT_WORDS.search(reader.body, start, end)
        or not CAPITALISED.search(reader.body, start, end)
    )


# "cuộc gặp (với) người đồng nhiệm Mỹ", "hội đàm cùng những người đồng cấp ASEAN": the
# other side named by its state alone, right after the words of the talks.
PEER_AFTER = re.compile(
    r"\s*(?:[^\s,;.:]+\s+){0,3}?(?:với|cùng)?\s*(?:những\s+|các\s+|2\s+|hai\s+)?"
    r"(?:người\s+)?đồng\s+(?:cấp|nhiệm)\s+(?:của\s+)?(?:nước\s+)?"
)


def peer_of_another_state(reader: Reader, d: Draft) -> bool:
    """Whether talks name their other side as "người đồng nhiệm <state>" and their
    subject is of another state: a named official or an office with its state before the
    words ("Putin phát biểu trước cuộc gặp người đồng nhiệm Mỹ", "Ngoại trưởng Qatar có
    cuộc gặp với người đồng nhiệm Israel"). Both states are parties (SCHEMA: counterparts
    not named)."""
    cue = d.cue
    if "đồng" not in reader.body[cue.end : min(cue.own_end, cue.end + 60)]:
        return False  # the word every such side needs: the pattern costs far more
    peer = PEER_AFTER.match(reader.body, cue.end, cue.own_end)
    if peer is None:
        return False
    other = next(
        (
            code
            for s, _, code in sides.side_spans(reader, peer.end(), peer.end() + 40)
            if s == peer.end()
        ),
        None,
    )
    if other is None:
        return False
    start = reader.doc.sentences[d.sentence][0]
    people = reader.doc.record.people
    before = [m for m in reader.mentions_in(start, cue.start) if 0 <= m.person < len(people)]
    own = states_of(reader, d) - {other}
    if not own and before and people[before[-1].person].country not in (None, "", other):
        own = {str(people[before[-1].person].country)}
        d.people.append(before[-1].person)  # the official named last before the talks
    if not own:
        office = sides.office_state_before(reader, cue, start, sides.SIDE_KINDS)
        own = {office} if office and office != other else set()
    if not own:
        return False
    d.event.parties = list(dict.fromkeys([*d.event.parties, *sorted(own), other]))
    return True


# "… thứ hai giữa đại diện chính phủ Indonesia và thủ lĩnh ly khai Aceh": the two sides of
# a counted round, after its name.
BETWEEN_SIDES = re.compile(r"[^,;.:]{0,60}?\bgiữa\s+[^,;.:]{2,80}?\s(?:và|với)\s+\w")


# Unnamed officials of two named states as the subject of talks: "Bộ trưởng Ngoại giao hai
# nước Việt Nam và Lào đã hội đàm", "lãnh đạo hai nước Nga và Trung Quốc sẽ điện đàm".
TWO_STATES_OF = re.compile(
    r"\b(?:của\s+)?hai (?:nước|quốc gia)\s+([^,;.:]{3,60}?)\s+"
    r"(?:(?:đã|sẽ|vừa|đang|cũng|tiến hành|có|đã có|một)\s+)*(?:cuộc\s+)?$"
)
OFFICE_BEFORE = re.compile(
    r"(?:[Bb]ộ trưởng|[Nn]goại trưởng|[Tt]hủ tướng|[Tt]ổng thống|[Cc]hủ tịch|lãnh đạo|[Tt]hứ trưởng"
    r"|nguyên thủ|[Tt]rưởng đoàn|quan chức|[Đđ]ại diện)[^,;.:]{0,30}$"
)


# After the cue: "cuộc gặp (lịch sử) giữa (các nhà) lãnh đạo hai nước", the two states
# named elsewhere in the sentence ("… biên giới Libăng - Syria … sau cuộc gặp giữa lãnh đạo
# hai nước tại Damascus").
BETWEEN_OFFICES_OF_TWO = re.compile(
    r"\s+(?:\w+\s+){0,2}?giữa\s+(?:các\s+)?(?:nhà\s+)?(?:lãnh đạo|nguyên thủ|người đứng đầu"
    r"|[Tt]hủ tướng|[Tt]ổng thống|[Nn]goại trưởng|[Bb]ộ trưởng[^,;.:]{0,20}?)\s+hai\s+(?:nước|quốc gia)\b"
)


def offices_of_two(reader: Reader, d: Draft) -> bool:
    """Whether the talks' subject, or the two sides after "giữa", are the offices of two
    states the text names."""
    if BETWEEN_OFFICES_OF_TWO.match(reader.body, d.cue.end, d.cue.own_end):
        states = {c for c in d.event.parties if getattr(reader.lex.party(c), "kind", "") == "state"}
        return len(states) == 2 and not d.points_back
    start = reader.doc.sentences[d.sentence][0]
    found = TWO_STATES_OF.search(reader.body, max(start, d.cue.start - 100), d.cue.start)
    if found is None or not OFFICE_BEFORE.search(
        reader.body, max(start, found.start() - 40), found.start()
    ):
        return False
    states = set(reader.parties_in(found.start(), found.end()))
    return len(states) == 2 and states <= set(d.event.parties)


MET = ("hội đàm", "hội kiến", "gặp", "tiếp", "chào", "tiếp xúc")

# "Tại buổi tiếp kiến Tổng Thư ký OIF Abdou Diouf bên lề Hội nghị, Phó Chủ tịch nước …":
# a two-sided word with its named counterpart right after it tells a meeting of its own,
# not the gathering the article is about, though the sentence opens with "Tại".
COUNTERPART_NEXT = 60  # characters from the word to the counterpart's mention


def met(d: Draft) -> bool:
    word = d.cue.trigger.vi if d.cue.trigger else ""
    return any(w in word.lower() for w in MET)


ON_SIDELINES = re.compile(r"\bbên lề\b", re.IGNORECASE)


# "Đây là chuyến thăm đầu tiên của …", "Đây là một chuyến đi quan trọng đối với …": the
# sentence describes a trip already told.
DESCRIBED_TRIP = re.compile(r"\s*(?:Đây|Đó)\s+(?:\w+\s+){0,3}?là\s+(?:\w+\s+){0,2}$")
TALKS_BEFORE_TRIP = 2  # sentences back where the talks abroad may be told


def visit_of_talks_before(reader: Reader, d: Draft, kept: list[Draft]) -> bool:
    """ "Thống tướng Than Shwe có cuộc hội đàm với Thủ tướng Ấn Độ Manmohan Singh. … Đây là
    chuyến thăm đầu tiên của nguyên thủ Myanmar tới Ấn Độ …": a trip described right after
    talks held abroad, with no visit told, is the trip of the talks' guests to their host's
    state: its travellers are the officials of the talks of the other state."""
    if d.cue.kind != "visit" or not d.points_back:
        return False
    start = reader.doc.sentences[d.sentence][0]
    if not DESCRIBED_TRIP.match(reader.body, start, d.cue.start):
        return False
    if any(k.event.kind == "visit" for k in kept):
        return False  # the trip the sentence describes may be that one
    talks = next((k for k in reversed(kept) if k.event.kind == "meeting"), None)
    if talks is None or not 0 <= d.sentence - talks.sentence <= TALKS_BEFORE_TRIP:
        return False
    people = reader.doc.record.people
    states = {c for c in talks.event.parties if getattr(reader.lex.party(c), "kind", "") == "state"}
    city = summits.city_of(reader.lex, talks.event.location)
    host = destination(reader, d) or (city.country if city and city.country else None)
    if host is None and len(states) == 2 and len(states_of(reader, talks)) == 1:
        host = next(
            iter(states - states_of(reader, talks)), None
        )  # "Bush … gặp các nhà lãnh đạo Italy"
    if host is None or host not in states:
        return False
    travellers = [
        p for p in talks.people if 0 <= p < len(people) and people[p].country not in (None, host)
    ]
    own = {str(people[p].country) for p in travellers}
    if len(own) != 1 or not set(d.event.parties) <= own | {host}:
        return False
    d.people = travellers
    d.event.parties = [*own, host]
    d.event.status = talks.event.status
    d.leg = host  # where to, for the trips told after it (`destination`)
    return True


def purpose_of_visit(kept: list[Draft]) -> None:
    """ "phái đoàn Seoul tới Bình Nhưỡng để thảo luận về …": the talks a trip is made for,
    with one side of their own, are held by the travellers, with the states of the visit
    they are told in."""
    for d in kept:
        if "purpose" not in d.cue.flags or len(set(d.event.parties)) >= 2:
            continue
        visit = next(
            (
                k
                for k in reversed(kept)
                if k.event.kind == "visit"
                and k.sentence == d.sentence
                and k.cue.start < d.cue.start
            ),
            None,
        )
        if visit is not None:
            d.people = list(dict.fromkeys([*d.people, *visit.people]))
            d.event.parties = list(dict.fromkeys([*d.event.parties, *visit.event.parties]))


def on_sidelines(reader: Reader, kept: list[Draft]) -> None:
    """A meeting told "bên lề" the gathering it points back to: the subject's side was at
    that gathering, and the meeting is held where and in the month it is."""
    for d in kept:
        e = reader.sidelines.get(id(d))
        if e is None or e not in kept:
            continue
        start, end = reader.doc.sentences[d.sentence]
        if not ON_SIDELINES.search(reader.body, start, end):
            continue
        after = [m for m in reader.mentions_in(d.cue.end, end) if m.name]
        named = {after[0].person} if after else set()  # the counterpart, named first
        people = reader.doc.record.people
        for person in d.people:
            if person not in named and person not in e.people:
                e.people.append(person)
                country = people[person].country if 0 <= person < len(people) else None
                if country and country not in e.event.parties:
                    e.event.parties.append(country)
        d.event.location = d.event.location or e.event.location
        if not d.event.date and e.event.date:
            d.event.date = e.event.date[:7]


def named_counterpart(reader: Reader, d: Draft) -> bool:
    """Whether a two-sided word is followed at once by a named official ("buổi tiếp kiến
    Tổng Thư ký X", "cuộc gặp với Bộ trưởng Y"), of a state other than the subject's."""
    if d.cue.kind != "meeting" or not met(d) or not two_states(reader, d):
        return False
    end = d.cue.end + COUNTERPART_NEXT
    return any(
        m.name
        and not reader.body[d.cue.end : m.start].strip(" ,").replace("với", "").strip()
        or m.name
        and m.start - d.cue.end < 6
        for m in reader.mentions_in(d.cue.end, end)
    )


def two_states(reader: Reader, d: Draft) -> bool:
    """Whether a draft's people come from two different states."""
    people = reader.doc.record.people
    states = {people[p].country for p in d.people if 0 <= p < len(people)}
    return len(states - {None, ""}) >= 2


def other_state(reader: Reader, d: Draft) -> bool:
    """Whether a draft with one named official also names a state other than theirs."""
    people = reader.doc.record.people
    if len(d.people) != 1 or not 0 <= d.people[0] < len(people):
        return False
    home = people[d.people[0]].country
    return bool(home) and any(c != home for c in d.event.parties)


def traveller_named(reader: Reader, d: Draft) -> bool:
    """Whether a visit's traveller is as the text names it: not the home of the
    destination ("gặp lại X sau chuyến thăm Việt Nam" said of a Vietnamese), and not
    someone other than the possessor after "của" ("các chuyến thăm của Lãnh đạo cấp cao
    hai nước": nobody named)."""
    people = reader.doc.record.people
    first = d.people[0]
    home = people[first].country if 0 <= first < len(people) else None
    if not home or destination(reader, d) == home:
        return False
    of = OF.search(reader.body, d.cue.end, d.cue.own_end)
    return of is None or bool(reader.mentions_in(of.end(), of.end() + 40))


OF = re.compile(r"\bcủa\b")

# "ông Powell nhấn mạnh nhân chuyến thăm Hungary", "Tháp tùng Kim Yong-Nam trong chuyến đi
# Trung Quốc": a trip told as the setting of what an official says or does, its traveller
# the official named last before it.
SETTING_BEFORE = re.compile(r"\b(?:nhân|trong|trong khuôn khổ)\s+(?:các\s+|một\s+)?$")
SETTING_REACH = 25  # characters before the trip's words that hold the setting's word


def setting_traveller(reader: Reader, d: Draft) -> bool:
    """Whether a visit to a named state told as a setting ("nhân/trong chuyến thăm X") with
    no traveller of its own has one: the official named last before it in its sentence,
    of another state than X (SCHEMA: a named traveller and where to is a visit). That
    official travels, and both states are parties."""
    cue = d.cue
    if d.people or OF.search(reader.body, cue.end, cue.own_end):
        return False  # "trong chuyến thăm X của Y": Y travels, named or not
    start = reader.doc.sentences[d.sentence][0]
    if not SETTING_BEFORE.search(reader.body, max(start, cue.start - SETTING_REACH), cue.start):
        return False
    to = destination(reader, d)
    people = reader.doc.record.people
    named = [m for m in reader.mentions_in(start, cue.start) if 0 <= m.person < len(people)]
    if to is None or not named or not named[-1].name:
        return False
    home = people[named[-1].person].country
    if not home or home == to or getattr(reader.lex.party(home), "kind", "") != "state":
        return False
    d.people.append(named[-1].person)
    d.event.parties = list(dict.fromkeys([*d.event.parties, home, to]))
    return True


DELEGATION = re.compile(r"\b(?:phái đoàn|đoàn đại biểu|đoàn)\b[^,;.]{0,80}$")


def delegation_before(reader: Reader, d: Draft) -> bool:
    """Whether a delegation is the subject of a visit ("đoàn đại biểu X … bắt đầu chuyến
    công du tới Y", "Moldova đã cử một phái đoàn đến Matxcơva")."""
    start = reader.doc.sentences[d.sentence][0]
    return bool(DELEGATION.search(reader.body, max(start, d.cue.start - 120), d.cue.start))


def official_traveller(reader: Reader, d: Draft) -> bool:
    """ "Ngoại trưởng Libya thăm London", "Ngoại trưởng Mỹ … có chuyến công du … tại Kabul":
    a visit whose traveller is an official named by office and state alone, to another
    state its own words name. The traveller's state is a party."""
    state = sides.official_state(reader, d)
    if state is None:
        return False
    reach = min(d.cue.own_end, d.cue.end + 60)
    to = destination(reader, d) or world.located_state(reader, d.cue.end, reach)
    if to is None or to == state:
        return False
    d.event.parties = list(dict.fromkeys([*d.event.parties, state]))
    return True


TOWARDS = re.compile(r"\b(?:tới|đến|sang)\s+")
DESTINATION_GAP = re.compile(
    r"\s*(?:(?:chính thức|cấp nhà nước|cấp Nhà nước|làm việc|hữu nghị|tới|đến|sang|tại|thủ đô|"
    r"thành phố|sân bay quốc tế|sân bay|phi trường)\s+)*"
)


def destination(reader: Reader, d: Draft) -> str | None:
    """The state a visit goes to, as its own words name it ("thăm Cuba", "tới Caracas")."""
    cue = d.cue
    if d.leg:
        return d.leg
    if "ceremony" in cue.flags:
        return None
    reach = min(cue.own_end, cue.end + 60)
    for at in (cue.end, *(m.end() for m in TOWARDS.finditer(reader.body, cue.end, reach))):
        gap = DESTINATION_GAP.match(reader.body, at, reach)
        at = gap.end() if gap else at
        codes = reader.parties_in(at, at + 1)
        if codes:
            return codes[0]
        city = reader.place_in(at, at + 1)
        if city is not None and city.country:
            return str(city.country)
    return None


def welcomes(d: Draft, e: Draft) -> bool:
    """Whether one of two visit drafts is the welcome ceremony of the other: a lễ đón
    belongs to the visit of its guest, on whichever day of the visit it is held."""
    ceremony = "ceremony" in d.cue.flags or "ceremony" in e.cue.flags
    if "ceremony" in d.cue.flags and not d.people:
        return True  # "Lễ đón được tổ chức tại Phủ Chủ tịch": the visit told before
    return ceremony and bool(set(d.people) & set(e.people))


def other_side_named(reader: Reader, d: Draft) -> bool:
    """ "có cuộc gặp với người đồng cấp Trung Quốc …": one official named, and the other
    side named by its state."""
    cue = d.cue
    people = reader.doc.record.people
    own = {people[p].country for p in d.people if 0 <= p < len(people)}
    start = reader.doc.sentences[d.sentence][0]
    peer = fields.peer_state(reader, cue, start)
    if peer and peer not in own:
        return True  # "A và người đồng cấp Nga B đã hội đàm"
    if not COUNTERPART.match(reader.body, cue.end, cue.own_end):
        return False
    codes = reader.parties_in(cue.end, min(cue.own_end, cue.end + 80))
    return any(c not in own and getattr(reader.lex.party(c), "kind", "") == "state" for c in codes)


def opens_sentence(reader: Reader, d: Draft) -> bool:
    """Whether a draft's words open its sentence ("Chuyến thăm sẽ diễn ra …")."""
    start = reader.doc.sentences[d.sentence][0]
    return not reader.body[start : d.cue.start].strip()


def first_of_counted(reader: Reader, d: Draft, e: Draft) -> bool:
    """Whether `d` tells the first occurrence of the mechanism whose later one, counted
    ("Hội nghị Cấp cao ASEAN+3 lần thứ 23"), `e` is: "Hội nghị Cấp cao ASEAN+3 được tiến
    hành lần đầu tiên vào tháng 12/1997" recalls another meeting than the 23rd."""
    if not (e.event.edition and e.event.edition > 1) or d.event.edition:
        return False
    if not (d.event.series and d.event.series == e.event.series):
        return False
    return dating.FIRST_TIME.search(reader.body, d.cue.end, d.cue.own_end) is not None


def same(reader: Reader, d: Draft, e: Draft) -> bool:
    a, b = d.event, e.event
    if a.kind != b.kind or d.cue is e.cue and d.counterpart and e.counterpart:
        return False  # the counterparts listed after one verb: one event each
    if a.kind == "visit" and welcomes(d, e):
        return True
    if followups.apart(reader, d, e):
        return False  # "hai bên nhất trí gặp lại nhau": a further meeting
    if world.attends_told_talks(reader, d, e):
        return True
    if recalled_year(reader, d, e) or recalled_year(reader, e, d):
        return False
    if first_of_counted(reader, d, e) or first_of_counted(reader, e, d):
        return False
    if gathering_into_pairwise(reader, d, e):
        return False
    if sessions.apart(d, e):
        return False  # talks told after an organisation's session are other talks
    if (
        a.kind == "visit"
        and d.points_back
        and (set(d.people) & set(e.people) or not d.people and opens_sentence(reader, d))
    ):
        # "chuyến thăm Hàn Quốc lần này của Thủ tướng", "Đây là chuyến thăm … đầu tiên",
        # "Chuyến thăm sẽ diễn ra từ ngày 10-12/6" (its subject): the visit already
        # reported, whatever other date the sentence gives
        there, here = destination(reader, d), destination(reader, e)
        if d.own_date and a.date and b.date and a.date[:4] != b.date[:4]:
            return placing.same_trip(a, b)  # "trong chuyến thăm trước đây vào năm 2019"
        return not (there and here and there != here)
    if (
        a.date
        and b.date
        and not (a.date.startswith(b.date) or b.date.startswith(a.date))
        and not placing.same_trip(a, b)
    ):
        return False
    if a.series and b.series:
        return fold(a.series) == fold(b.series) and (
            a.edition in (None, b.edition) or b.edition is None
        )
    if d.cue.named and e.cue.named and a.name and b.name and fold(a.name) == fold(b.name):
        return True
    if a.kind == "visit":  # the same visitor: hosts (chairs) may host several visits
        there, here = destination(reader, d), destination(reader, e)
        if there and here and there != here:
            return False  # legs of a tour: one visit per country
        # a delegation told twice with no one named, or once with its head named ("…, dẫn
        # đầu đoàn là X")
        unnamed = d if not d.people else e if not e.people else None
        if unnamed is not None and movements.group_traveller(reader, unnamed):
            return set(a.parties) == set(b.parties)
        return bool((set(d.people) - d.chairs) & (set(e.people) - e.chairs)) and not (
            d.own_date and e.own_date and a.date != b.date and not placing.same_trip(a, b)
        )
    if (
        d.people
        and set(d.people) == set(e.people)
        and d.cue.trigger
        and e.cue.trigger
        and d.cue.trigger.vi == e.cue.trigger.vi
        and not (d.cue.named or e.cue.named)
    ):
        return True
    if told_again_by_verb(d, e):
        return True
    if d.points_back or (d.cue.generic and not d.own_date):
        if leaders_met_beside_round(reader, d, e):
            return False
        if other_counterparts(d, e) or (not d.points_back and talks(d) and not talks(e)):
            return False
        if named_counterpart(reader, d) and not met(e):
            reader.sidelines[id(d)] = e  # the gathering it points back to
            return False  # "Tại buổi tiếp kiến Tổng Thư ký X bên lề Hội nghị, Y …": its own
        if e.sides_named and not states_of(reader, d) <= set(b.parties):
            return False  # talks of states named as sides, not later talks of others' officials
        if (
            d.sides_named
            and d.cue.trigger
            and any(w in d.cue.trigger.vi.lower() for w in sides.TALKS_NOUNS)
            and not set(a.parties) <= set(b.parties)
        ):
            return False  # "các cuộc đàm phán giữa LHQ và Campuchia": sides of their own
        return not (
            d.name_parties and not set(d.name_parties) <= set(b.parties) | set(e.name_parties)
        )
    return False


GATHERINGS = ("hội nghị", "thượng đỉnh", "diễn đàn", "hội thảo")
OTHER_SIDE_NEXT = re.compile(r"\s*(?:làm việc\s+|riêng\s+|song phương\s+)?(?:với|giữa)\s")
PAIRWISE = ("hội đàm", "hội kiến", "điện đàm", "làm việc", "tiếp xúc", "tiếp kiến", "song phương")


def gathering_into_pairwise(reader: Reader, d: Draft, e: Draft) -> bool:
    """ "Hội nghị thượng đỉnh lần này …", "Tại hội nghị, Thủ tướng X …" after "Thủ tướng
    đã có cuộc gặp làm việc với Thủ tướng Y": a conference or summit is a gathering of
    many, not the two-sided meeting told before it (audit of merges, 2026-12-07)."""
    if d.event.kind != "meeting" or e.event.kind != "meeting" or e.event.series:
        return False
    mine = d.cue.trigger.vi.lower() if d.cue.trigger else ""
    theirs = e.cue.trigger.vi.lower() if e.cue.trigger else ""
    # "cuộc gặp" alone may name the summit itself ("hoãn cuộc gặp quan trọng này"):
    # two-sided only when it names its other side ("gặp … với Y", "cuộc gặp giữa X và Y")
    after = reader.body[e.cue.end : e.cue.end + 40].lower()
    pairwise = any(w in theirs for w in PAIRWISE) or (
        "gặp" in theirs and (len(e.people) >= 2 or bool(OTHER_SIDE_NEXT.match(after)))
    )
    return (
        any(w in mine for w in GATHERINGS)
        and not any(w in mine for w in PAIRWISE + ("gặp",))
        and pairwise
        and not any(w in theirs for w in GATHERINGS)
    )


# A gathering named by the rank of those it gathers: "cuộc họp ngoại trưởng Á-Âu",
# "hội nghị bộ trưởng …", "hội nghị thượng đỉnh …".
GATHERING_LEVEL = re.compile(
    r"\s*(?:các\s+)?(?:ngoại trưởng|bộ trưởng|thượng đỉnh|cấp cao|nguyên thủ|lãnh đạo)\b",
    re.IGNORECASE,
)


def sideline_gathering(reader: Reader, d: Draft, into: Draft) -> bool:
    """Whether a mention folded into a two-sided meeting (`into`) of two officials of two
    states is also the gathering on whose sidelines ("bên lề") they met, told after their
    meeting in the same sentence and named by the rank of those it gathers: an occurrence
    of its own, which they attended (summits.sideline_attendees)."""
    if not d.setting or d.points_back or d.people or d.cue.kind != "meeting":
        return False
    if not summits.SIDELINES.search(
        reader.body, max(0, d.cue.start - summits.SIDELINES_REACH), d.cue.start
    ) or not (d.cue.named or GATHERING_LEVEL.match(reader.body, d.cue.end, d.cue.own_end)):
        return False
    return (
        into.sentence == d.sentence
        and into.cue.start < d.cue.start
        and into.event.kind == "meeting"
        and not into.setting
        and met(into)
        and two_states(reader, into)
    )


def leaders_met_beside_round(reader: Reader, d: Draft, e: Draft) -> bool:
    """ "Tại cuộc gặp giữa Thủ tướng A và Thủ tướng B tại Côn Minh vừa qua, …" after "Vòng
    đàm phán thứ 7 giữa hai bên …": two named officials of two states who met are not a
    counted round of negotiations that names no one; the meeting is its own occurrence."""
    word = e.cue.trigger.vi.lower() if e.cue.trigger else ""
    return (
        bool(e.event.edition)
        and any(w in word for w in ROUND_WORDS)
        and not e.people
        and met(d)
        and two_states(reader, d)
    )


ROUND_WORDS = ("vòng", "đàm phán", "thương lượng", "thương thuyết")


def told_again_by_verb(d: Draft, e: Draft) -> bool:
    """ "tại cuộc họp của Ủy ban 133 … nhóm họp mới đây tại Brussels": a verb of
    meeting ("nhóm họp", "họp kín") with no one and no side of its own, after a meeting
    noun in the same sentence, tells that meeting again (its relative clause), not a
    second one."""
    return (
        d.event.kind == e.event.kind == "meeting"
        and d.sentence == e.sentence
        and "verb" in d.cue.flags
        and d.cue.trigger is not None
        and "họp" in d.cue.trigger.vi  # "nhóm họp", "họp kín": the meeting, not a counterpart
        and set(d.name_parties) <= set(e.event.parties)
        and not d.people
        and not d.own_date
        and not d.event.series
        and "verb" not in e.cue.flags
        and e.cue.start < d.cue.start
    )


def recalled_year(reader: Reader, d: Draft, e: Draft) -> bool:
    """ "kể từ chuyến thăm của bà X đến Việt Nam lần đầu năm 2006" in a 2017 article
    about her visit "lần này", "Năm 2018, hai Thủ tướng cũng đã hội đàm": an event the
    text dates in a year before the publication is an earlier one, not the undated event
    the article is about."""
    published = reader.doc.record.published
    now = published[:4] if published else str(reader.doc.anchor_year or "")
    if not (now and d.own_date and d.event.date) or e.event.date:
        return False
    if d.event.kind != "visit" and len(d.event.date) > 4:
        return False  # "ngày 28/12/2023" in January: maybe the meeting itself, told late
    return d.event.date[:4] < now


def recalled_date(reader: Reader, into: Draft, d: Draft) -> bool:
    """Whether a mention folded into an event gives the date of an earlier occasion its
    sentence recalls before its words ("Nhà lãnh đạo Điện Kremlin trước đây từng thăm chính thức Ai Cập
    là ông Khrushchev vào năm 1964" after "Tối nay, Tổng thống Putin tới Cairo"), in an
    article with no "now" to tell the two years apart (`recalled_year`)."""
    if reader.doc.record.published or reader.doc.anchor_year:
        return False
    start, _ = reader.doc.sentences[d.sentence]
    if not dating.RECALLED.search(reader.body, start, d.cue.start):
        return False
    start, _ = reader.doc.sentences[into.sentence]
    return not dating.RECALLED.search(reader.body, start, into.cue.start)


def states_of(reader: Reader, d: Draft) -> set[str]:
    """The states of a draft's people."""
    people = reader.doc.record.people
    return {str(people[p].country) for p in d.people if 0 <= p < len(people) and people[p].country}


def other_counterparts(d: Draft, e: Draft) -> bool:
    """ "Cùng ngày, Thủ tướng cũng có buổi tiếp X" after his meeting with Y: two sides
    named in each, and each names someone the other does not, are two meetings. (So are
    talks, "hai Thủ tướng đã có cuộc hội đàm", told after a conference: see `talks`.)"""
    mine, theirs = set(d.people), set(e.people)
    return len(mine) >= 2 and len(theirs) >= 2 and bool(mine - theirs) and bool(theirs - mine)


TALKS = ("hội đàm", "hội kiến", "điện đàm")


def talks(d: Draft) -> bool:
    word = d.cue.trigger.vi if d.cue.trigger else ""
    return any(w in word.lower() for w in TALKS)


def merge(reader: Reader) -> list[Event]:
    kept: list[Draft] = []
    folded: set[tuple[int, int]] = set()  # (event kept, cue) of the drafts folded into it
    world.settle_status(reader)
    world.share_subjects(reader)
    world.add_earlier_counterparts(reader)
    sides.add_named_sides(reader)
    followups.settle(reader)
    for d in reader.drafts:
        addresses.add_council(d)
        sessions.settle_parties(reader, d)
        if world.domestic(reader, d):
            audit.dropped("domestic", reader.body, reader.doc.sentences[d.sentence], d.cue)
            continue
        if world.called_for(reader, d):
            audit.dropped("called-for", reader.body, reader.doc.sentences[d.sentence], d.cue)
            continue
        told = world.next_round_of(reader, d, kept)  # "vòng đàm phán tiếp theo"
        if told is not None:
            planned = world.planned_round(kept, world.as_next_round(reader, d, told))
            if planned is None:
                kept.append(d)
            else:
                absorb(reader, planned, d)
            continue
        candidates = [(i, e) for i, e in enumerate(kept) if same(reader, d, e)]
        if not candidates:
            if (
                both_sides_of(reader, d, kept)  # first: it names the two sides' officials
                or keep_alone(reader, d)
                or d.sides_named
                or recalled_edition(d, kept)
                or recalled_visit(reader, d)
                or world.talks_of_visit(reader, d, kept)
                or visit_of_talks_before(reader, d, kept)
                or world.keep(reader, d)
                or addresses.keep(d)
                or sessions.is_session(d)
                or context_sides.keep(reader, d, kept)
            ):
                kept.append(d)
            else:
                audit.dropped(
                    "not-alone",
                    reader.body,
                    reader.doc.sentences[d.sentence],
                    d.cue,
                    d.event.parties,
                )
            continue
        into = max(candidates, key=lambda c: (overlap(d, c[1]), c[0]))[1]
        if d.counterpart and (id(into), id(d.cue)) in folded:
            kept.append(d)  # "Hai vòng hội đàm 6 bên": the second round is not the first
            continue
        folded.add((id(into), id(d.cue)))
        if sideline_gathering(reader, d, into):
            # "A gặp B …, bên lề cuộc họp ngoại trưởng Á-Âu": what the setting says of the
            # meeting is the meeting's (its day, its city), and the gathering is kept too
            absorb(reader, into, d)
            kept.append(d)
            continue
        if audit.SINK is not None:  # a mention folded into an event: the same occurrence?
            kept_as = (
                f"{into.event.kind} {into.event.date} {into.event.parties} «{into.event.name}»"
            )
            audit.dropped("merged", reader.body, reader.doc.sentences[d.sentence], d.cue, kept_as)
        absorb(reader, into, d)
    on_sidelines(reader, kept)
    purpose_of_visit(kept)
    add_summit_speakers(reader, kept)
    add_received_envoys(reader, kept)
    roles.add_ceremony_hosts(kept, reader.body)
    roles.add_delegation_heads(reader, kept, sentences_after)
    roles.add_visit_receivers(reader, kept)
    roles.add_welcoming_hosts(reader, kept)
    roles.add_thanked_hosts(reader, kept)
    world.add_other_side(reader, kept, sentences_after)
    summits.sideline_attendees(reader, kept)
    events = []
    done: list[Draft] = []
    for d in kept:
        if not d.undated:  # one of several counted together: only the first is dated
            placing.carry_date(reader, d)
            fill_date(reader, d, done)
        event = finish(reader, d)
        # Diplomacy involves a foreign side: a Vietnamese-only meeting with no known
        # mechanism ("Hội nghị tổng kết", "đối thoại với doanh nghiệp") is domestic.
        if not (
            event.series
            or set(event.parties) - {HOME}
            or foreign_visitor(event)
            or with_other_leaders(reader, d)
        ):
            audit.dropped(
                "home-only", reader.body, reader.doc.sentences[d.sentence], d.cue, event.parties
            )
        elif not has_actor(reader, d, event):
            audit.dropped(
                "no-actor", reader.body, reader.doc.sentences[d.sentence], d.cue, event.parties
            )
        else:
            events.append(event)
            done.append(d)
    placing.settle(reader, done)
    return events


# Talks and receptions always have two sides, even when the text names only one
# ("hội đàm với đoàn đại biểu Chính phủ Morocco"): the one-state test is for gatherings.
TWO_SIDED = ("hội đàm", "hội kiến", "tiếp", "chào", "điện đàm")
# "Hội nghị quốc tế về AIDS", "Diễn đàn quốc tế về thông tin di động": a conference on
# a subject, held by a profession or a company unless officials are named at it.
TOPICAL = re.compile(r"\S+(?:\s+\S+)?\s+quốc tế\s+về\b", re.IGNORECASE)


def with_other_leaders(reader: Reader, d: Draft) -> bool:
    """Whether the subject of a gathering that names no foreign state acts beside the
    leaders of others ("Chủ tịch nước cùng các nhà lãnh đạo đã có buổi Đối thoại với Hội
    đồng Tư vấn kinh doanh APEC", "cùng lãnh đạo các nền kinh tế"): a side of its own,
    unnamed, so not a home-only meeting. Leaders told as the home's ("cùng các lãnh đạo
    Đảng, Nhà nước", "cùng các lãnh đạo bộ, ngành") are not; unmarked ones ("cùng các
    nhà lãnh đạo đã …") are others' only when their sentence names another state or bloc
    (which `reader.names_beyond_home` also sees, so audit and production agree)."""
    start, end = reader.doc.sentences[d.sentence]
    body = reader.body
    for found in OTHER_LEADERS.finditer(body, start, d.cue.start):
        after = found.end()
        if ABROAD_LEADERS.match(body, after):
            return True
        nearby = within(reader.parties, after, after + 2)
        if any(code != HOME for _, _, code in nearby):  # "các nhà lãnh đạo ASEAN"
            return True
        if UNMARKED_LEADERS.match(body, after) and any(
            code != HOME for _, _, code in within(reader.parties, start, end)
        ):
            return True
    return False


def foreign_visitor(event: Event) -> bool:
    """A visit to Vietnam by someone whose state the text leaves unsaid ("Thủ tướng
    Sonexay Siphandone thăm chính thức Việt Nam"): the visitor comes from abroad."""
    return event.kind == "visit" and any(
        p.country is None and p.role == "participant" for p in event.participants
    )


BOTH_SIDES = re.compile(
    r"(?:\bhai\s+(?:vị\s+)?(?:Thủ tướng|Chủ tịch|Tổng thống|Bộ trưởng|Ngoại trưởng|nhà lãnh đạo|"
    r"lãnh đạo|Tổng Bí thư|Chủ tịch nước|Chủ tịch Quốc hội)"
    # "Thủ tướng hai nước đã hội đàm", "Bộ trưởng Ngoại giao hai nước": the title first
    r"|\b(?:Thủ tướng|Chủ tịch|Tổng thống|Bộ trưởng|Ngoại trưởng|Tổng Bí thư|Chủ tịch nước"
    r"|Chủ tịch Quốc hội)(?:\s+(?:Ngoại giao|Quốc phòng))?\s+(?:của\s+)?hai\s+nước)"
    r"\b[^,;.]{0,40}$"
)


def one_guest_visit(k: Draft) -> bool:
    """A visit between two states that names one person only (its guest)."""
    return k.event.kind == "visit" and len(k.people) == 1 and len(set(k.event.parties)) == 2


def both_sides_of(reader: Reader, d: Draft, kept: list[Draft]) -> bool:
    """ "Ngay sau lễ đón, hai Thủ tướng đã hội đàm": talks whose two sides are named only
    as "the two prime ministers" are held by the host and the guest of the visit just
    told."""
    cue = d.cue
    word = cue.trigger.vi if cue.trigger else ""
    if cue.kind != "meeting" or word not in BILATERAL_VERBS or len(set(d.people)) >= 2:
        return False
    start = reader.doc.sentences[d.sentence][0]
    if not BOTH_SIDES.search(reader.body, max(start, cue.start - 80), cue.start):
        return False
    visit = next(
        (k for k in reversed(kept) if k.event.kind == "visit" and len(k.people) >= 2), None
    ) or next(  # "Trước đó, ngày 5/9, hai Bộ trưởng đã gặp nhau": the two of the talks told
        (
            k
            for k in reversed(kept)
            if k.event.kind in ("meeting", "call") and two_states(reader, k)
        ),
        None,
    )
    if visit is None:  # "X thăm Việt Nam. Thủ tướng hai nước đã hội đàm": only the guest named
        visit = next((k for k in reversed(kept) if one_guest_visit(k)), None)
    if visit is None:
        return False
    d.people = list(dict.fromkeys(d.people + visit.people))
    d.event.parties = list(dict.fromkeys(d.event.parties + visit.event.parties))
    return True


def recalled_edition(d: Draft, kept: list[Draft]) -> bool:
    """ "Tại Hội nghị Cấp cao lần thứ 8 năm 2016, …" after a Mekong-Japan Summit of
    another year: an earlier edition of the mechanism already named, an event of its own
    with that mechanism's series and parties."""
    e = d.event
    if d.cue.kind != "meeting" or not e.edition or not d.own_date or e.series:
        return False
    word = d.cue.trigger.vi if d.cue.trigger else ""
    named = next(
        (
            k
            for k in reversed(kept)
            if k.event.series
            and k.event.kind == "meeting"
            and k.cue.trigger
            and k.cue.trigger.vi == word
            and k.event.edition != e.edition
        ),
        None,
    )
    if named is None:
        return False
    e.series = named.event.series
    e.parties = list(dict.fromkeys(e.parties + named.event.parties))
    return True


def recalled_visit(reader: Reader, d: Draft) -> bool:
    """ "Đây là chuyến thăm Nhật Bản lần thứ ba của Thủ tướng X, sau chuyến thăm năm
    2021": a visit of an earlier year that names no traveller, told beside the visit it
    counts before, is an earlier visit of the same traveller to the same state."""
    e = d.event
    published = reader.doc.record.published
    now = published[:4] if published else str(reader.doc.anchor_year or "")
    if e.kind != "visit" or d.people or not (now and d.own_date and e.date and e.date[:4] < now):
        return False
    told = next(
        (
            k
            for k in reader.drafts
            if k is not d
            and k.sentence == d.sentence
            and k.event.kind == "visit"
            and k.points_back
            and set(k.people) - k.chairs
        ),
        None,
    )
    if told is None:
        return False
    d.people = [p for p in told.people if p not in told.chairs]
    e.parties = list(dict.fromkeys(e.parties + told.event.parties))
    return True


def has_actor(reader: Reader, d: Draft, event: Event) -> bool:
    """Whether an event has someone to hold it: a named official, a known mechanism, or
    two sides. A meeting of one state that no official attends ("cuộc họp của Hiệp hội
    Địa chất Mỹ", "làm việc với China Unicom") is a professional or trade meeting placed
    in that state, and a trip to one state by no one named ("chuyến công tác Malaysia"
    of a reporter) is not a state visit. Nor is a meeting whose only named people are
    officers of a federation, an association or a company, or that puts such an officer
    with the officials of one state: it is that state's home affairs; nor one told in
    the words of sport, or a forum named for business or scholarship, with no official
    named; nor a trip whose only travellers are officers of such a body."""
    if event.kind == "meeting" and event.participants and not event.series:
        officers = body_officers(reader.body, reader.mentions, d.people)
        if officers and (
            not set(d.people) - officers  # "Phó Chủ tịch Hiệp hội X … buổi gặp gỡ Cơ quan Y"
            or sum(getattr(reader.lex.party(c), "kind", "") == "state" for c in event.parties)
            <= 1  # "Tổng thống Silva … họp với Chủ tịch LĐBĐ Brazil": one state at home
        ):
            return False
    if (
        event.kind == "visit"
        and d.people
        and not event.series
        # the cheap test first: a non-state body named in the trip's sentence
        and BODY_IN_MENTION.search(reader.body, *reader.doc.sentences[d.sentence])
    ):
        officers = body_officers(reader.body, reader.mentions, d.people)
        if officers and not set(d.people) - officers:
            return False  # "Chủ tịch X - trung tâm đào tạo … trong chuyến công tác VN"
    if event.kind == "call" or event.participants or event.series:
        return True
    if event.kind == "meeting" and TRADE_FORUM.match(reader.body, d.cue.start, d.cue.own_end):
        return False  # "Diễn đàn cải cách kinh tế VN - Trung Quốc": firms and experts
    if event.kind == "meeting" and not d.name_parties and SPORT.search(event.evidence or ""):
        return False  # "Trong cuộc họp hôm 11-4 về SVĐ bóng đá …, FIFA tuyên bố": sport
    if event.kind == "meeting" and (event.edition or world.summit_abroad(reader, d)):
        return True  # a counted round ("Vòng đàm phán thứ ba") belongs to a mechanism
    if event.kind == "meeting" and TOPICAL.match(reader.body, d.cue.start, d.cue.own_end):
        return False
    if event.kind == "visit" and tours.by_office(reader, d):
        return True  # "Ngoại trưởng Mỹ bắt đầu chuyến công du châu Á": a tour, one state
    if event.kind == "visit" and not (
        delegation_before(reader, d)
        or ENVOYS_VISIT.match(reader.body, d.cue.end, d.cue.own_end) is not None
        or movements.delegation_state(reader, d) is not None
        or official_traveller(reader, d)
        or movements.group_traveller(reader, d)
    ):
        return False  # a trip with no official and no delegation named: a private one
    word = d.cue.trigger.vi if d.cue.trigger else ""
    if event.kind == "meeting" and any(two in word for two in TWO_SIDED):
        return True
    states = [
        code for code in event.parties if getattr(reader.lex.party(code), "kind", "") == "state"
    ]
    if len(event.parties) == 1 and states:
        return officials_of_states(reader, d)
    return True


# "cuộc họp với các ngoại trưởng NATO", "các bộ trưởng quốc phòng … gặp nhau tại hội
# nghị": the officials of several states, unnamed, take part.
OFFICIALS_OF_STATES = re.compile(
    r"\b(?:các|những)\s+(?:ngoại trưởng|bộ trưởng|nhà lãnh đạo|nguyên thủ|thủ tướng"
    r"|tổng thống)\b",
    re.IGNORECASE,
)
OFFICIALS_REACH = 80  # characters before the cue where such a subject stands


def officials_of_states(reader: Reader, d: Draft) -> bool:
    """Whether the officials of several states are said to take part in a meeting
    whose only named party is one state (where it is held, or one of the sides)."""
    start, end = reader.doc.sentences[d.sentence]
    lo = max(start, d.cue.start - OFFICIALS_REACH)
    return bool(OFFICIALS_OF_STATES.search(reader.body, lo, min(end, d.cue.own_end)))


def sentences_after(reader: Reader, kept: list[Draft], i: int) -> list[tuple[int, int]]:
    """The sentences after event `i`'s own, up to the next event, that report no
    event themselves: where the article goes on about event `i`."""
    cued = {d.sentence for d in reader.drafts}
    # the counterparts listed after one verb share what follows them
    later = [d for d in kept[i + 1 :] if not (d.counterpart and d.cue is kept[i].cue)]
    stop = later[0].sentence if later else len(reader.doc.sentences)
    return [reader.doc.sentences[n] for n in range(kept[i].sentence + 1, stop) if n not in cued]


# "Trong khi đó, tại Moskva, Ngoại trưởng Nga … bình luận": the speaker is elsewhere
AT_PLACE = re.compile(r"\b(?:[Tt]ại|[Tt]ừ|[Ởở])\s+$")


def speaks_elsewhere(reader: Reader, d: Draft, start: int, at: int) -> bool:
    """Whether a sentence places the speaker whose mention is at `at` away from the
    gathering (`d`): "tại"/"từ"/"ở" a place its own sentence does not name ("Trong khi
    đó, tại Moskva, Ngoại trưởng Nga Sergei Lavrov bình luận rằng …"). "Trong khi đó"
    alone is a contrast, not a place ("Trong khi đó, … Thủ tướng Anh Tony Blair cho rằng
    …" after a G8 summit he attended)."""
    body = reader.body
    lead = body[slice(*reader.doc.sentences[d.sentence])]
    for place_start, place_end, *_ in within(reader.places, start, at):
        if (
            AT_PLACE.search(body, max(start, place_start - 8), place_start)
            and body[place_start:place_end] not in lead
        ):
            return True
    return False


def add_summit_speakers(reader: Reader, kept: list[Draft]) -> None:
    """Officials of a mechanism's level who speak in the sentences that go on about
    it take part in it ("Tổng thống Hàn Quốc … chia sẻ đánh giá …" after a summit's
    lead; "…”, Bộ trưởng Ngoại giao Hàn Quốc Kang Kyung-wha nhận định" after a
    foreign ministers' meeting)."""
    people = reader.doc.record.people
    for i, d in enumerate(kept):
        levels = next(
            (lv for suffix, lv in SPEAKER_LEVELS if (d.event.series or "").endswith(suffix)),
            None,
        )
        if d.event.status != "held" or levels is None:
            continue
        for start, end in sentences_after(reader, kept, i):
            first = next((m for m in reader.mentions if start <= m.start < end), None)
            if (
                first
                and first.person not in d.people
                and (
                    any(t.level in levels for t in first.titles)
                    or counterpart_of_attendee(reader, d, first, levels)
                )
                and SPEECH.search(reader.body, first.end, min(end, first.end + 40))
                and not speaks_elsewhere(reader, d, start, first.start)
            ):
                d.people.append(first.person)
                state = people[first.person].country if 0 <= first.person < len(people) else None
                if state and state not in d.event.parties:
                    d.event.parties.append(state)  # the speaker's state takes part too


def counterpart_of_attendee(
    reader: Reader, d: Draft, mention: Mention, levels: tuple[str, ...]
) -> bool:
    """ "Tuy nhiên, người đồng nhiệm Đức X cho rằng …" after a ministers' meeting that an
    official of that level attends: a counterpart of another state holds the same office,
    so speaks for that state at the same meeting."""
    return (
        mention.country is not None
        and any(fold(t.vi).startswith(COUNTERPART_WORDS) for t in mention.titles)
        and any(
            m.person in d.people
            and m.country != mention.country
            and any(t.level in levels for t in m.titles)
            for m in reader.mentions
        )
    )


COUNTERPART_WORDS = ("nguoi dong nhiem", "nguoi dong cap")


def add_received_envoys(reader: Reader, kept: list[Draft]) -> None:
    """ "… tiếp Đại sứ các nước Thái Lan, Indonesia …" and then one sentence per envoy
    ("Đại sứ Thái Lan Manopchai Vongphakdi gửi lời chào …"): the envoys named in the
    sentences that follow a reception of several envoys were received at it."""
    people = reader.doc.record.people
    for i, d in enumerate(kept):
        cue = d.cue
        if "reception" not in cue.flags or not ENVOYS.match(
            reader.body, cue.end, min(cue.own_end, cue.end + 40)
        ):
            continue
        for start, end in sentences_after(reader, kept, i):
            for m in reader.mentions:
                if (
                    start <= m.start < end
                    and m.person not in d.people
                    and any(t.level == "ambassador" for t in m.titles)
                    and 0 <= m.person < len(people)
                    and people[m.person].country in d.event.parties
                ):
                    d.people.append(m.person)


@lru_cache(maxsize=4096)  # a long article compares the same names again and again
def words(name: str | None) -> frozenset[str]:
    return frozenset({w for w in re.findall(r"\w+", name or "") if w[:1].isupper()}) - {
        "Hội",
        "Diễn",
        "Đối",
        "Cuộc",
        "Tại",
    }


def overlap(d: Draft, e: Draft) -> int:
    """Capitalised words two mentions' names share ("Hội nghị SOM" ~ "… ASEAN (SOM)")."""
    same_word = bool(d.cue.trigger and e.cue.trigger and d.cue.trigger.vi == e.cue.trigger.vi)
    return (
        len(words(d.event.name) & words(e.event.name))
        + len(set(d.people) & set(e.people))
        + 2 * same_word
    )


def absorb(reader: Reader, into: Draft, d: Draft) -> None:
    a, b = into.event, d.event
    back_to_visit = d.points_back and a.kind == "visit"  # "Đây là chuyến thăm … của …"
    for person in [] if back_to_visit else d.people:
        if person not in into.people:
            into.people.append(person)
    into.chairs |= d.chairs
    a.parties = a.parties + [p for p in b.parties if p not in a.parties]
    if b.date and d.own_date and len(b.date) == 10:
        into.own_days.add(b.date)
    if (
        b.date
        and d.own_date
        and (not a.date or len(b.date) > len(a.date))
        and not recalled_date(reader, into, d)
    ):
        a.date, into.own_date = b.date, True
    elif placing.earlier_day_of_visit(a, b) and d.own_date:
        a.date = b.date
    a.location = a.location or b.location
    if b.format == "online" or not a.format:
        a.format = b.format or a.format
    a.series = a.series or b.series
    if not d.counted_round:  # "Ba vòng đàm phán 6 bên …" folded into "đàm phán 6 bên"
        a.edition = a.edition or b.edition
    a.outcomes += [o for o in b.outcomes if o not in a.outcomes]
    if not into.cue.named and d.cue.named and b.name and not d.points_back:
        a.name = b.name


# A visit told as beginning on its day: what its people do in the next sentence is of
# that day ("Ngày 4/3, X bắt đầu chuyến thăm Nga … Hai ông đã thảo luận …").
BEGINS_VISIT = re.compile(
    r"(?<!\w)(?:bắt đầu|mở đầu)\s+(?:chuyến\s+)?(?:thăm|công du)", re.IGNORECASE
)


def fill_date(reader: Reader, d: Draft, done: list[Draft]) -> None:
    """A date for an event its own words do not date, from what the text ties it to."""
    e = d.event
    dating.ahead(reader, d)
    if e.date or d.own_date:
        return  # dated by its own words, or by words that give no date ("hơn 10 năm trước")
    if (
        dating.relative_date(reader, d, done)
        or dating.framework_month(reader, d, done)
        or dating.from_now(reader, d)
    ):
        return
    previous = done[-1] if done else None
    start, end = reader.doc.sentences[d.sentence]
    if SIDELINES.match(reader.body, start, end):
        # "Bên lề hội nghị, Thủ tướng đã gặp …": during the meeting just reported, the
        # last gathering of its status told before ("Ông Trump cũng có cuộc gặp với …" is no
        # such one, nor "Ngày mai, Thủ tướng sẽ dự Hội nghị X" for a meeting held)
        host = next(
            (
                x
                for x in reversed(done)
                if x.event.date and x.event.status == e.status and summits.gathering(reader, x)
            ),
            None,
        ) or next((x for x in reversed(done) if x.event.kind == "meeting"), None)
        if host and host.event.date:
            e.date = host.event.date
            e.location = e.location or host.event.location
            return
    same_day = SAME_DAY.search(reader.body[start:end])
    if same_day and e.status == "held":
        # "Trước hội đàm, …": the day of that talk; "Cùng ngày, …": of the event before,
        # unless that is a visit, whose date is the first of several days.
        named = same_day.group(1)
        referent = next(
            (
                x
                for x in reversed(done)
                if x.event.date
                and (
                    named.lower() in (x.cue.trigger.vi if x.cue.trigger else "")
                    if named
                    else x.event.kind != "visit"
                )
            ),
            None,
        )
        if referent and referent.event.date:
            e.date = referent.event.date
            return
    if d.sentence > 0 and THIS.search(reader.body, start, end):
        # "… lời kêu gọi này trong cuộc họp …": the story of the sentence before
        p_start, p_end = reader.doc.sentences[d.sentence - 1]
        # a day or month of that story, not a bare year it recalls ("… tại Yemen năm 2000")
        earlier = [t for t in reader.times_in(p_start, p_end) if t.precision != "year"]
        if earlier:
            # the day of a one-day story; of a story of several days ("từ ngày 9-11/5"),
            # no day is told, only the month ("Dịp này cũng sẽ diễn ra các phiên đối thoại")
            e.date = month_of(earlier[0].value) if earlier[0].end_value else earlier[0].value
            return
    if previous and previous.event.kind == "visit" and set(previous.people) & set(d.people):
        begun = BEGINS_VISIT.search(reader.body, *reader.doc.sentences[previous.sentence])
        if begun and d.sentence == previous.sentence + 1 and e.status == previous.event.status:
            e.date = previous.event.date  # "Ngày 4/3, X bắt đầu chuyến thăm Nga … Hai ông đã …"
        else:
            e.date = month_of(previous.event.date)
        return
    if e.status == "planned" and reader.doc.anchor_year and previous is not None:
        # a plan told after a dated event of the story ("Nhân dịp này, … sẽ tham dự X") is
        # of the story's year; one told after an undated plan ("sẽ tới Israel để thảo luận
        # …", "có kế hoạch thảo luận với A và B") is no more dated than that one
        if previous.event.date and not dating.open_future(reader, d):
            e.date = str(reader.doc.anchor_year)
        return
    if (
        previous is None
        and e.status == "held"
        and not placing.recalls(reader.body, start, d.cue.own_end)
    ):
        # the story's first event: its month, or the year the text pins; an occasion
        # its own clause recalls ("từng hội đàm") is not the story's (placing.story_month)
        published = reader.doc.record.published
        if published:
            e.date = month_of(published)
        elif reader.doc.anchor_year:
            e.date = str(reader.doc.anchor_year)


def finish(reader: Reader, d: Draft) -> Event:
    e = d.event
    people = reader.doc.record.people
    participants = []
    for p in dict.fromkeys(d.people):  # one person once, though both host and guest
        if not 0 <= p < len(people):
            continue
        person = people[p]
        participants.append(
            Participant(
                person.name,
                person.country,
                person.lead_title or next(iter(person.titles[-1:]), None),
                "chair" if p in d.chairs else "participant",
            )
        )
    e.participants = participants
    # an acceding state stays beside the bloc it negotiates to join, not yet its member
    acceding = [c for c in fields.acceding_states(reader, d.cue) if c in e.parties]
    e.parties = roles.with_organisations(
        e.parties, finish_parties(e.parties, reader.lex) + acceding, reader.lex
    )
    if e.kind == "visit":
        e.format = "in_person"
    return e
