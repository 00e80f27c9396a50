"""A trip told by a verb of motion ("X sẽ tới Venezuela", "cử một phái đoàn đến
Matxcơva"), and whether a trip is made only to attend a meeting (then it is that
meeting, SCHEMA)."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from diplonews.extract.doc import Doc, Mention
from diplonews.extract.events import addresses, discussions, roles, sessions
from diplonews.extract.events.cues import GOING, GROUP_TRIPS, Sentence
from diplonews.extract.lexicons import Lexicons, Trigger
from diplonews.extract.spans import Spans, start_attribute, within

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader


# The words that may stand between a verb of motion and the place: "tới thủ đô Kiev",
# "bay tới thành phố cảng miền nam Basra", "có mặt tại miền nam Hà Lan", "tới sân bay
# quốc tế Bắc Kinh" (a part of a state, told by its side, is still that state).
SIDES = ("nam", "bắc", "đông", "tây", "trung", "đông nam", "đông bắc", "tây nam", "tây bắc")
SIDE_OF = "(?:" + "|".join(SIDES) + ")"
PLACE_WORDS = (
    r"(?:(?:thủ đô|thành phố(?:\s+cảng)?)(?:\s+(?:miền|phía)\s+" + SIDE_OF + r")?\s+"
    r"|(?:miền|phía|vùng)\s+" + SIDE_OF + r"\s+"
    r"|(?:sân bay|phi trường)(?:\s+quốc tế)?\s+)?"
)
# A trip told by a verb of motion (see movements).
# "sẽ có mặt tại Washington để thảo luận …": a foreign official present in a foreign capital
# has travelled there. "tới thủ đô Ukraina": the capital of a state named by the state.
# "lên đường đi Berlin", "sẽ đi Ấn Độ": "đi" after setting off or a plan (cues.GOING).
# "đang ở Matxcơva để thảo luận …": being in a foreign capital, when a purpose of talks
# follows (PURPOSE_TALKS), not an envoy at his post or a place of an event.
# Arrival: "đặt chân tới New Delhi", "hạ cánh (an toàn) xuống sân bay Nội Bài", "đáp máy
# bay xuống Bratislava", "tới sân bay quốc tế Bắc Kinh"; not an emergency landing
# ("hạ cánh khẩn cấp xuống Sydney").
MOVE = re.compile(
    r"\b(tới|đến|sang|có mặt tại|có mặt ở|" + GOING + r"|ở(?:(?<=đang ở)|(?<=hiện ở))|"
    r"đặt chân (?:tới|đến|lên)|hạ cánh (?:an toàn )?(?:xuống|tại|ở)|"
    r"đáp (?:máy bay |chuyên cơ )?xuống|rời(?: khỏi)?|(?:trở|quay) về(?: nước)? từ|"
    r"từ(?:(?<=vừa từ)|(?<=đã từ)|(?<=mới từ)))"
    r"\s+" + PLACE_WORDS + r"$"
)
# The last word a match of MOVE can end with, before the place: most places have none of
# them before, and a test of the word is far cheaper than the pattern tried at every
# character of its reach.
MOVE_LAST_WORDS = (
    "tới", "đến", "sang", "tại", "ở", "đi", "lên", "xuống", "rời", "khỏi", "từ",
    "đô", "phố", "bay", "trường", "tế", "phố cảng",
)  # fmt: skip
# "miền nam", "phía tây": a side ends the words before the place; its last word is tested
# first (the 27 endings each cost a comparison at every place of every article).
SIDE_LAST_WORDS = ("nam", "bắc", "đông", "tây", "trung")
SIDE_ENDS = tuple(f"{part} {side}" for part in ("miền", "phía", "vùng") for side in SIDES)


def move_before(body: str, start: int) -> re.Match[str] | None:
    """The verb of motion right before the place at `start` ("tới Venezuela"), if any."""
    tail = body[max(0, start - MOVE_REACH) : start].rstrip()
    if not tail.endswith(MOVE_LAST_WORDS) and not (
        tail.endswith(SIDE_LAST_WORDS) and tail.endswith(SIDE_ENDS)
    ):
        return None
    return MOVE.search(body, max(0, start - MOVE_REACH), start)


# A return from a foreign state tells a held visit there: "vừa trở về từ Ấn Độ", "một phái
# đoàn của Australia vừa từ Bắc Triều Tiên trở về", "đã từ Tokyo trở về Hà Nội". A bare
# "từ <place>" is only a return when a verb of coming home follows the place.
RETURN_AFTER = re.compile(r"\s+(?:trở về|quay về|về nước|về tới|về đến)\b")

# "… tới Trung Quốc để bàn về …", "đang ở Matxcơva để thảo luận về …": a trip made to
# discuss is talks with the host as well as a visit.
PURPOSE_TALKS = re.compile(
    r"[^,;.()]{0,30}?,?\s*(?:để|nhằm)\s+(?:cùng\s+)?(thảo luận|bàn bạc|bàn thảo|bàn|hội đàm|đàm phán)\b"
    r"(?!\s+(?:giao|tay|chân|ăn|cờ))"
)

MOVE_REACH = 40  # characters before a place that hold the verb

# "đang ở Riyadh trong chuyến đi diễn ra sớm hơn dự kiến", "đang ở Caracas, Venezuela để
# ký một số hợp đồng": being in a foreign place on a trip, or to sign (the business of a
# visit), as PURPOSE_TALKS is for talks.
ON_TRIP = re.compile(
    r"[^;.()]{0,30}?\s(?:trong chuyến (?:thăm|đi|công du|công tác)|(?:để|nhằm) ký(?: kết)?)\b"
)

# A departure tells a held visit to the place left only when the clause says the trip ends
# there: "rời Ấn Độ hôm qua sau chuyến thăm 3 ngày", "rời Bắc Kinh, kết thúc chuyến công
# du", "rời Trung Quốc về nước", "rời Rome đi Paris". Not "rời khỏi chức vụ" (no place),
# nor leaving one's own country (the traveller's home is no destination).
DEPARTED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:kết thúc(?: tốt đẹp)? (?:chuyến|các hoạt động)|sau (?:chuyến|khi kết thúc)|"
    r"(?:lên đường |trở )?về nước|lên đường (?:đi|tới|đến|sang)|(?<=, )về \w)"
)

TO_ATTEND = re.compile(r"\s*(?:,\s*)?(?:để\s+)?(?:tham\s+)?dự\b")

# The words between a traveller and the verb ("đã", "lên đường", "hôm qua", "ngày 5/3",
# "ngày mai", "cuối tuần này").
# "dự kiến (sẽ) tới", "dự định sang", "có kế hoạch đến": a trip planned, told the same way.
# How the trip is made: "sẽ sớm đến", "sẽ lần đầu tiên đến", "bí mật tới", "bất ngờ đến",
# "A, B và C sẽ cùng đến Pháp" (the last named of them travels too). Sent: "Một quan chức
# Palestine đã được cử tới Libăng".
MOVE_LEAD_WORD = re.compile(
    r"\b(?:sẽ|đã|vừa|đang|cũng|vẫn|lại|tiếp tục|lên đường|bay|hôm \w+|ngày \d+/\d+|"
    r"dự kiến|dự định|có kế hoạch|sớm|lần đầu(?: tiên)?|bí mật|bất ngờ|cùng(?: nhau)?|dẫn đầu|"
    r"được cử|được phái|"
    r"(?:đêm|tối|sáng|chiều|trưa) (?:qua|nay|mai)|một lần nữa|ngày (?:mai|kia)|"
    r"(?:cuối |đầu )?tuần (?:này|tới|sau|qua)|"
    r"(?:cử\s+)?(?:một\s+)?(?:phái đoàn|đoàn đại biểu))$"
)
# "X đã cùng các quan chức cấp cao châu Âu khác tới Kiev", "Tổng thống George Bush và
# phu nhân Laura tới thủ đô Slovakia": the traveller's companions.
MOVE_COMPANIONS = re.compile(
    r"\b(?:cùng\s+(?:với\s+)?[^,;.()]{2,60}|và\s+(?:phu nhân|phu quân)(?:\s+[^,;.()]{1,30})?)$"
)
# "Một phái đoàn do Thứ trưởng Tư pháp Wagner Goncalves dẫn đầu sẽ tới London", "một nhóm
# hạ nghị sĩ Mỹ do ông Curt Weldon dẫn đầu đã tới Tripoli": the leader of a delegation
# travels with it (MOVE_LEAD_WORD walks back over "dẫn đầu" to the leader's name). The
# leader may be named with a title the people stage joins to the group's words ("Một phái
# đoàn nghị sĩ Mỹ do dân biểu Curt Weldon dẫn đầu đã tới Tripoli": the mention is "nghị sĩ
# Mỹ do dân biểu Curt Weldon"), so "do" is looked for up to the end of the mention.
LED_BY = re.compile(r"\bdo\s+(?:ông\s+|bà\s+)?$")
LED_BY_TITLED = re.compile(r"\bdo\s+[^,;.()\"“”]{1,40}$")

# "tới New York dự X", "đến Kazan để tham dự X", and as recent news tells the arrival: "đã
# tới Vientiane, bắt đầu chuyến công tác tham dự X" (the trip begun is the one to attend X).
ATTEND_AFTER = re.compile(
    r"[^,;.]{0,40}?(?:,\s*bắt đầu(?:\s+chuyến\s+(?:công tác|đi))?\s+|\b)"
    r"(?:để\s+)?(?:tham\s+)?dự\s+"
)

BILATERAL_TOO = re.compile(
    r"\b(?:kết hợp|song phương|thăm chính thức|thăm làm việc|và thăm|và làm việc tại)\b"
)

RETURNING = re.compile(r"\b(?:về|trở về|quay về|quay lại|trở lại)\s*$")

# "không hề có một đoàn đại biểu Iraq nào đến Niger": a trip denied.
DENIED = re.compile(r"\bnào\s+(?:(?:đã|từng|sẽ)\s+)?$")

# "chạy sang Syria", "trốn sang Mỹ": fleeing abroad is no visit.
FLED = re.compile(r"\b(?:chạy|trốn|lánh nạn|tị nạn|di tản|sơ tán|lưu vong)\s*$")

# "mời người đồng nhiệm Libya tới London để bàn về …": an invitation, no talks held yet.
INVITED_BEFORE = re.compile(r"(?<!lời )\bmời\b[^,;.]{0,70}$")

DELEGATION_BEFORE = re.compile(r"\b(?:phái đoàn|đoàn đại biểu)\b[^,;.]{0,30}?\s*$")

MOVE_TRIGGER = Trigger("tới", "visit", "", frozenset({"verb", "inperson", "motion"}))
TALKS_TRIGGER = Trigger("thảo luận", "meeting", "", frozenset({"verb", "inperson", "purpose"}))


def may_report_events(doc: Doc, lex: Lexicons) -> bool:
    """Whether any sentence could report an event: a trigger word (a weak verb of talk,
    "trao đổi với", only where two states are named: it is common in domestic news), a
    series name, or a verb of motion before a place ("sẽ tới Venezuela"). Four articles
    in ten of the corpus have none, and skip the reading of every sentence."""
    body = doc.body
    triggers = lex.find_in(doc.matches, "triggers", body)
    if any(not all("foreign" in t.flags for t in found) for _, _, found in triggers):
        return True
    if lex.find_in(doc.matches, "series", body):
        return True
    names = lex.find_in(doc.matches, "party_names", body)
    if (
        triggers
        and len({p.country for p in doc.record.people if p.country} | {c[0] for _, _, c in names})
        >= 2
    ):
        return True  # "trao đổi với <an official or the state of another side>" (flag foreign)
    if "hảo luận" in body:
        return True  # "thảo luận <topic> với <official>" (see discussions)
    if discussions.may_tell_joint(doc):
        return True  # "A và người đồng cấp B đã bàn về …" (see discussions)
    if addresses.may_tell(body):
        return True  # "phát biểu trước Hội đồng Bảo an" (see addresses)
    if "họp" in body:
        return True  # "Hội đồng Thống đốc IAEA sẽ họp" (see sessions)
    if "dừng chân" in body:
        return True  # "Điểm dừng chân đầu tiên của Ngoại trưởng Mỹ là Đức" (see tour_stops)
    if any(move_before(body, at) for at in this_country(body)):
        return True  # "khi ông tới nước này" (see this_states)
    if sessions.may_act(names):
        return True  # "Hội đồng Bảo an LHQ hôm qua lên án …" (see sessions)
    places = names + lex.find_in(doc.matches, "places", body)
    return any(move_before(body, s) for s, _, _ in places)


def movements(reader: Reader) -> list[tuple[int, int, list[Trigger]]]:
    """ "tới/đến/sang <a state or its capital>" right after a named official or a
    delegation: a visit, as "thăm" would say ("ông Yang Hyong Sop sẽ tới
    Venezuela", "Moldova đã cử một phái đoàn đến Matxcơva"). Only a foreign
    destination counts, and only with the traveller standing just before the verb."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    destinations = {s: code for s, _, code in reader.parties}
    for s, _, payloads in reader.places:
        city = payloads[0]
        if getattr(city, "country", None):
            destinations.setdefault(s, city.country)
    anaphors = this_states(reader)
    for s, (_, codes) in anaphors.items():
        destinations[s] = codes[0]
    if not destinations:
        return found
    ends: dict[int, Mention] | None = None
    people = reader.doc.record.people
    for start, code in sorted(destinations.items()):
        move = move_before(body, start)
        if move is None or getattr(reader.lex.party(code), "kind", "") != "state":
            continue
        if RETURNING.search(body, max(0, move.start() - 12), move.start()):
            continue  # "về đến Hà Nội": home again, not a trip
        if FLED.search(body, max(0, move.start() - 12), move.start()):
            continue
        if DENIED.search(body, max(0, move.start() - 14), move.start()):
            continue
        if ends is None:
            ends = {m.end: m for m in reader.taking_part}
        at = lead_start(reader, move.start())
        traveller = ends.get(at)
        if (
            traveller is not None
            and "dẫn đầu" in body[at : move.start()]
            and not LED_BY.search(body, max(0, traveller.start - 12), traveller.start)
            and not LED_BY_TITLED.search(body, max(0, traveller.start - 12), traveller.end)
        ):
            continue  # "X dẫn đầu tới …": a leader of what the text does not say
        if traveller is not None:
            known = 0 <= traveller.person < len(people)
            home = people[traveller.person].country if known else None
            code = other_than(anaphors, start, code, home)
            if home == code or not (traveller.name or titled_traveller(reader, traveller)):
                continue
        elif (
            not (
                "đoàn" in body[max(0, move.start() - 60) : move.start()]
                and DELEGATION_BEFORE.search(body, max(0, move.start() - 60), move.start())
            )
            and not office_of_state(reader, at, code)
            and not pronoun_traveller(reader, at, code)
            and lawmakers_state(reader, at) in (None, code)
        ):
            continue
        group = traveller is None and (
            lawmakers_state(reader, at) not in (None, code) or one_official(reader, at)
        )
        if only_to_attend(reader, move.end(), code):
            continue
        verb = move.group(1)
        if verb == "từ" and not RETURN_AFTER.match(body, place_end(reader, start)):
            continue  # "vừa từ Bắc Triều Tiên trở về", not "đã từ chức"
        if verb.startswith("rời") and (
            not DEPARTED_AFTER.match(body, place_end(reader, start))
            or envoy_at_post(reader, traveller)
        ):
            continue  # "rời Paris": where from, not a trip there, unless the trip ends
        if verb.startswith("có mặt") and TO_ATTEND.match(body, place_end(reader, start)):
            continue  # "có mặt tại Indonesia để tham dự cuộc họp …": the meeting only
        talks = PURPOSE_TALKS.match(body, place_end(reader, start))
        if talks is not None and (verb.startswith("rời") or verb.endswith("từ")):
            talks = None  # "rời Paris để thảo luận …": the talks are elsewhere
        if talks is not None and INVITED_BEFORE.search(
            body, max(0, move.start() - 80), move.start()
        ):
            talks = None
        if verb == "ở" and talks is None and not ON_TRIP.match(body, place_end(reader, start)):
            continue  # "đang ở Paris": where someone is, not a trip, unless to discuss
        found.append((move.start(1), move.end(1), [MOVE_TRIGGER]))
        if group:  # "các chuyên gia an ninh Marốc … đã tới": nobody named travels
            reader.doc.matches.setdefault(GROUP_TRIPS, set()).add(move.start(1))
        told_again(reader, anaphors, start, code)
        guest = group_state(reader, at) if talks is not None and traveller is None else None
        if guest is not None and talks is not None and guest != code:
            reader.doc.matches.setdefault(TALKS_GUESTS, {})[talks.start(1)] = guest
        if talks is not None and not told_talks(reader, talks.start(1), talks.end(1)):
            found.append((talks.start(1), talks.end(1), [TALKS_TRIGGER]))
            reader.talks_hosts[talks.start(1)] = code
    return (
        found
        + tour_stops(reader, destinations)
        + subordinate_trips(reader, destinations)
        + visit_purposes(reader, destinations)
    )


# From a visit's word to the state or city it names: "thăm Matxcơva", "chuyến công du
# Islamabad", "chuyến thăm tới Hàn Quốc".
VISIT_TO = re.compile(r"\s+(?:(?:tới|đến|sang)\s+)?" + PLACE_WORDS)
VISIT_WORDS = ("thăm", "công du")


def visit_purposes(
    reader: Reader, destinations: dict[int, str]
) -> list[tuple[int, int, list[Trigger]]]:
    """The talks of a visit told as its purpose ("Ngoại trưởng Nhật sẽ thăm Matxcơva để
    thảo luận …", "sẽ sớm có chuyến công du Islamabad để thảo luận về …"), as a verb of
    motion's are (PURPOSE_TALKS): talks with the host as well as the visit. Not an
    invitation to come and discuss ("mời … đến thăm Jerusalem để bàn thảo")."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    if "để" not in body and "nhằm" not in body:
        return found  # the words every purpose needs
    for start, end, triggers in reader.triggers:
        if not any(t.kind == "visit" and any(w in t.vi for w in VISIT_WORDS) for t in triggers):
            continue
        to = VISIT_TO.match(body, end)
        at = to.end() if to else end
        code = destinations.get(at)
        if code is None or getattr(reader.lex.party(code), "kind", "") != "state":
            continue
        talks = PURPOSE_TALKS.match(body, place_end(reader, at))
        if talks is None or told_talks(reader, talks.start(1), talks.end(1)):
            continue
        if INVITED_BEFORE.search(body, max(0, start - 80), start):
            continue
        found.append((talks.start(1), talks.end(1), [TALKS_TRIGGER]))
        reader.talks_hosts[talks.start(1)] = code
    return found


# A stop of a tour told as what it is: "Chặng dừng chân đầu tiên là Brussels", "Điểm dừng
# chân đầu tiên của Ngoại trưởng Mỹ là Đức", "với chặng dừng chân đầu tiên là London".
TOUR_STOP = re.compile(
    r"\b(?:[Cc]hặng|[Đđ]iểm) dừng chân(?:\s+(?:đầu tiên|tiếp theo|kế tiếp|sau đó|cuối cùng|"
    r"thứ\s+\w+))*(?:\s+(?:trong|của)\s+[^,;.()]{1,50}?)?\s+(?:sẽ\s+)?là\s+$"
)
TOUR_STOP_REACH = 100  # characters before the place that hold the stop's words


def tour_stops(
    reader: Reader, destinations: dict[int, str]
) -> list[tuple[int, int, list[Trigger]]]:
    """The stops of a tour named as "chặng/điểm dừng chân … là <state or city>": a visit
    there by the official named last before it (the tour's traveller), when that is an
    official of another state (not a tourist's "điểm dừng chân … là Nha Trang")."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    if "dừng chân" not in body:
        return found  # the words every stop needs; the pattern per place costs far more
    people = reader.doc.record.people
    for start, code in sorted(destinations.items()):
        stop = TOUR_STOP.search(body, max(0, start - TOUR_STOP_REACH), start)
        if stop is None or getattr(reader.lex.party(code), "kind", "") != "state":
            continue
        sentences = reader.doc.sentences
        i = bisect.bisect_right([s for s, _ in sentences], stop.start()) - 1
        since = sentences[i - 1][0] if i > 0 else 0  # named in this sentence or the one before
        named = [
            m for m in within(reader.taking_part, since, stop.start(), start_attribute) if m.name
        ]
        if not named or not 0 <= named[-1].person < len(people):
            continue
        home = people[named[-1].person].country
        if home and home != code:
            found.append((stop.start(), stop.end(), [MOVE_TRIGGER]))
            reader.stop_travellers[stop.start()] = named[-1].person
    return found


# A trip told in a clause of time about the one who makes it: "Trước khi đến Palestine,
# Ngoại trưởng Mỹ Condoleezza Rice có cuộc hội kiến với …", "Trả lời phóng viên trên đường
# tới Tbilisi, Ngoại trưởng Mỹ …", "Rice sẽ hội đàm với … trước khi bay tới Seoul",
# "ông Cheney khi tới Hàn Quốc".
# "Trước khi lên đường đi Kiev, ông …", "khi ông tới nước này", "trước khi đặt chân tới".
SUBORDINATE_MOVE = re.compile(
    r"\b(?:[Tt]rước khi|[Ss]au khi|[Nn]gay khi|[Kk]hi|[Tt]rên đường)\s+(?:(?:ông|bà)\s+)?"
    r"(?:bay\s+|đặt chân\s+|lên đường\s+)?(tới|đến|sang|(?<=lên đường )đi)\s+(?:thủ đô\s+)?$"
)
SUBORDINATE_REACH = 40  # characters before the place that hold the clause's words
# The last words of SUBORDINATE_MOVE (a cheap test first), and those of a verb of motion
# that reached a place, which a later clause of time then only looks back on.
SUBORDINATE_LAST_WORDS = ("tới", "đến", "sang", "đô", "đi")
REACHED_WORDS = ("tới", "đến", "sang", "đô")
# The words that may open a sentence before its subject: "Nhìn trước điều này, …",
# "Hôm qua, …" (at most one short phrase and a comma).
SUBJECT_LEAD = re.compile(r"\s*(?:[^,;.()]{1,40},\s*)?")
# Words between the subject and a clause of time that make the clause another's: what the
# subject says or believes ("X cho biết, lao động … trước khi sang Malaysia", "X tin rằng
# những nghi phạm … đang trên đường tới …", a quote) or what befell someone else ("sau khi
# con tàu … bị bắt trên đường tới Libya").
NOT_OWN_CLAUSE = re.compile(
    r"\b(?:cho biết|cho rằng|tin rằng|rằng|nói|khẳng định|tuyên bố|thông báo|xác nhận|bị|được)\b"
    r"|[:\"“”]"
)


def subordinate_trips(
    reader: Reader, destinations: dict[int, str]
) -> list[tuple[int, int, list[Trigger]]]:
    """A trip told in a clause of time ("trước khi / sau khi / khi / trên đường tới
    <state or city>"): a visit there by the subject of the sentence, a named official of
    another state, who stands right after the clause when it opens the sentence, else at
    the head of the sentence. Not a trip made only to attend a meeting (see only_to_attend),
    nor one a verb of motion told before (the clause looks back on it)."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    if "khi" not in body and "trên đường" not in body:
        return found
    people = reader.doc.record.people
    starts = [s for s, _ in reader.doc.sentences]
    told: set[str] = set()  # destinations a verb of motion reached before
    for start, code in sorted(destinations.items()):
        reach = body[max(0, start - SUBORDINATE_REACH) : start].rstrip()
        if not reach.endswith(SUBORDINATE_LAST_WORDS):
            continue
        if code in told:
            continue  # "… đến Côn Minh dự Hội nghị … Ngay sau khi đến Côn Minh, …": told
        if reach.endswith(REACHED_WORDS) and move_before(body, start) is not None:
            told.add(code)
        clause = SUBORDINATE_MOVE.search(body, max(0, start - SUBORDINATE_REACH), start)
        if clause is None or getattr(reader.lex.party(code), "kind", "") != "state":
            continue
        i = bisect.bisect_right(starts, clause.start()) - 1
        if i < 0:
            continue
        sentence_start, sentence_end = reader.doc.sentences[i]
        named = [
            m
            for m in within(reader.taking_part, sentence_start, sentence_end, start_attribute)
            if m.name
        ]
        traveller = subject_of_clause(body, clause, sentence_start, start, named)
        if traveller is None and not named:
            traveller = pronoun_after_clause(reader, sentence_start, sentence_end, start)
        if traveller is None or not 0 <= traveller.person < len(people):
            continue
        code = other_than(this_states(reader), start, code, people[traveller.person].country)
        if people[traveller.person].country in (None, code):
            continue
        if only_to_attend(reader, place_end(reader, start), code):
            continue
        found.append((clause.start(1), clause.end(1), [MOVE_TRIGGER]))
        reader.stop_travellers[clause.start(1)] = traveller.person
        told_again(reader, this_states(reader), start, code)
    return found


def subject_of_clause(
    body: str, clause: re.Match[str], sentence_start: int, place: int, named: list[Mention]
) -> Mention | None:
    """The official a clause of time is about: the one at the head of the sentence before
    it ("Rice sẽ hội đàm … trước khi bay tới Seoul"), or, when the clause stands in the
    sentence's opening phrase and no one is named before it, the one named right after
    that phrase ("Trả lời phóng viên trên đường tới Tbilisi, Ngoại trưởng Mỹ …")."""
    before = [m for m in named if m.start < clause.start()]
    if before and PRONOUN_AFTER.fullmatch(body, before[-1].end, clause.start(1)):
        return before[-1]  # "đòi bỏ tù Tổng thống Mỹ George W Bush khi ông tới nước này"
    if before:
        lead = SUBJECT_LEAD.match(body, sentence_start)
        if lead is None or before[0].start > lead.end():
            return None
        if NOT_OWN_CLAUSE.search(body, before[0].end, clause.start()):
            return None
        return before[0]
    if "," in body[sentence_start : clause.start()]:
        return None
    comma = body.find(",", place, place + 80)
    if comma < 0:
        return None
    after = [m for m in named if comma < m.start <= comma + 3]
    return after[0] if after else None


# The clause's own pronoun right after the official it stands for: "Bush khi ông tới".
PRONOUN_AFTER = re.compile(
    r"\s*,?\s*(?:khi|trước khi|sau khi)\s+(?:ông|bà)\s+(?:bay\s+|đặt chân\s+)?"
)
PRONOUN_REACH = 4  # characters from the place's clause to the bare pronoun after its comma


def pronoun_after_clause(
    reader: Reader, sentence_start: int, sentence_end: int, place: int
) -> Mention | None:
    """The official a sentence's bare "ông"/"bà" stands for, when it is the subject right
    after an opening clause of time that names no one ("Trước khi lên đường đi Kiev, ông
    tuyên bố …"): the one the sentence before names (roles.pronoun_subject)."""
    comma = reader.body.find(",", place, sentence_end)
    pronoun = roles.PRONOUN_SUBJECT.match(reader.body, sentence_start)
    if comma < 0 or pronoun is None or pronoun.start("lower") < 0:
        return None
    if not comma < pronoun.start("lower") <= comma + PRONOUN_REACH:
        return None
    found = roles.pronoun_subject(reader, Sentence(sentence_start, sentence_end, sentence_start))
    return found[0] if found and found[0].name else None


# "Phu nhân tổng thống", "Cựu quốc vương Campuchia": a spouse, or a former holder, named by
# the title alone is not the official the title is tied to, or travels privately.
NOT_THE_OFFICIAL = re.compile(r"\b(?:[Pp]hu (?:nhân|quân)|[Cc]ựu|[Nn]guyên(?! thủ))\b")


def titled_traveller(reader: Reader, traveller: Mention) -> bool:
    """Whether a mention by title alone ("ông chủ Nhà Trắng đặt chân tới Ankara", "Ngoại
    trưởng Mỹ sẽ lên đường đến Islamabad") stands for an official the people stage names
    elsewhere, not a spouse or a former holder of the title."""
    people = reader.doc.record.people
    if not 0 <= traveller.person < len(people) or not people[traveller.person].name:
        return False
    lead = max(0, traveller.start - 10)  # the spouse's word may stand before the mention
    return not NOT_THE_OFFICIAL.search(reader.body, lead, traveller.start + 10)


def envoy_at_post(reader: Reader, traveller: Mention | None) -> bool:
    """Whether the one who leaves is an ambassador: "Đại sứ Mỹ tại Syria … rời Damascus
    về nước" leaves his post, not the end of a visit."""
    people = reader.doc.record.people
    if traveller is None or not 0 <= traveller.person < len(people):
        return False
    return any("Ambassador" in title for title in people[traveller.person].titles)


def told_talks(reader: Reader, start: int, end: int) -> bool:
    """Whether the words of talks after a trip are already a cue ("để thảo luận với X",
    "để hội đàm"; "thảo luận <topic> với X", see discussions)."""
    return bool(within(reader.triggers, start, end)) or bool(
        discussions.DISCUSS_WITH.match(reader.body, start)
    )


# An official named by office and state alone, right before the verb's lead: "một nhà
# ngoại giao Iran vẫn lên đường tới Iraq", "Ngoại trưởng Libya đã tới London", "Phái viên
# của Mỹ sẽ tới Israel".
# Not someone's trip told inside a noun phrase ("chuyến thăm của nhà lãnh đạo Anh tới
# Israel"), a welcome ("đón nhà lãnh đạo Palestine tới Washington") or a group of
# officials ("các quan chức Macedonia đã tới Ireland").
OFFICE_OF_STATE = re.compile(
    r"(?<!của )(?<!đón )(?<!các )(?<!những )"
    r"\b(?:[Nn]goại trưởng|[Bb]ộ trưởng(?:\s+[Nn]goại giao)?|[Tt]hủ tướng|[Tt]hứ trưởng"
    r"(?:\s+[Nn]goại giao)?|[Tt]ổng thống|[Qq]uan chức|[Nn]hà ngoại giao|[Đđ]ặc phái viên|"
    r"[Pp]hái viên|[Đđ]ặc sứ)"
    r"(?:\s+cấp cao)?(?:\s+của)?\s+$"
)


def office_of_state(reader: Reader, at: int, destination: str) -> bool:
    """Whether the words that end at `at` are an office and another state than the
    destination ("nhà ngoại giao Iran … tới Iraq"): a state's official travels there,
    though the text names no one."""
    for s, e, code in reader.parties:
        if e == at and code != destination:
            return bool(OFFICE_OF_STATE.search(reader.body, max(0, s - 40), s))
        if s >= at:
            break
    return False


# "Một quan chức Palestine", "một nhà ngoại giao Iran": one of a state's officials, whom
# the text does not name (not the official named last before).
ONE_OFFICIAL = re.compile(
    r"\b[Mm]ột\s+(?:quan chức|nhà ngoại giao|phái viên|đặc phái viên|đại diện|nhà đàm phán)"
    r"(?:\s+cấp cao)?\s+$"
)


def one_official(reader: Reader, at: int) -> bool:
    """Whether the words that end at `at` are "một <office> <state>"."""
    for s, e, _ in reader.parties:
        if e == at:
            return bool(ONE_OFFICIAL.search(reader.body, max(0, s - 30), s))
        if s >= at:
            break
    return False


def pronoun_traveller(reader: Reader, at: int, destination: str) -> bool:
    """Whether the words that end at `at` are a sentence's bare "Ông"/"Bà" ("Trước đó,
    ông có mặt ở thủ đô Amman") standing for an official of another state than the
    destination, the last named before (the events stage reads whom the pronoun stands
    for, see roles.pronoun_subject). Not moving house ("chuyển đến"), see RELOCATED."""
    body = reader.body
    starts = [s for s, _ in reader.doc.sentences]
    i = bisect.bisect_right(starts, at) - 1
    if i < 0:
        return False
    pronoun = roles.PRONOUN_SUBJECT.match(body, starts[i])
    if not pronoun or body[starts[i] : pronoun.end()].rstrip() != body[starts[i] : at].rstrip():
        return False
    if RELOCATED.match(body, at):
        return False
    named = [m for m in within(reader.taking_part, 0, starts[i], start_attribute) if m.name]
    people = reader.doc.record.people
    if not named or not 0 <= named[-1].person < len(people):
        return False
    home = people[named[-1].person].country
    return bool(home) and home != destination


# "Ông cùng gia đình chuyển đến Ảrập Xêút": moving house, not a trip.
RELOCATED = re.compile(r"[^,.;]{0,30}?\b(?:chuyển|di cư|định cư|dọn)\s+(?:đến|tới|sang)\b")


# "khi ông tới nước này", "sẽ sang nước này": a state named before, told again.
THIS_STATE = re.compile(r"\bnước này\b")
THIS_STATES = "events.this_states"  # its key in `Doc.matches`: read by several passes


def this_country(body: str) -> list[int]:
    """Where "nước này" stands: str.find, where a pattern over the body cost more."""
    found: list[int] = []
    at = body.find("nước này")
    while at >= 0:
        found.append(at)
        at = body.find("nước này", at + 1)
    return found


def this_states(reader: Reader) -> dict[int, tuple[int, list[str]]]:
    """Each "nước này" right after a verb of motion, with its end and the states it may
    stand for: those named in its sentence and the one before, the latest first."""
    found: dict[int, tuple[int, list[str]]] | None = reader.doc.matches.get(THIS_STATES)
    if found is not None:
        return found
    found = reader.doc.matches[THIS_STATES] = {}
    body = reader.body
    hits = this_country(body)
    if not hits:
        return found  # most articles
    starts = [s for s, _ in reader.doc.sentences]
    for at in hits:
        if move_before(body, at) is None:
            continue
        hit = THIS_STATE.match(body, at)
        if hit is None:
            continue
        i = bisect.bisect_right(starts, hit.start()) - 1
        since = starts[i - 1] if i > 0 else 0
        named = [(s, code) for s, _, code in within(reader.parties, since, hit.start())]
        people = [(m.start, m.end) for m in reader.mentions if since <= m.start < hit.start()]
        for s, _, payloads in within(reader.places, since, hit.start()):
            if getattr(payloads[0], "country", None) and not any(a <= s < b for a, b in people):
                named.append((s, payloads[0].country))  # not "Lagos" in "Ricardo Lagos"
        codes = [
            code
            for _, code in sorted(named, reverse=True)
            if getattr(reader.lex.party(code), "kind", "") == "state"
        ]
        if codes:
            found[hit.start()] = (hit.end(), list(dict.fromkeys(codes)))
    return found


def other_than(
    anaphors: dict[int, tuple[int, list[str]]], start: int, code: str, home: str | None
) -> str:
    """The state a "nước này" at `start` stands for when the traveller is of `home`: the
    latest named other than the traveller's own (no one travels to his own state)."""
    if start not in anaphors:
        return code
    return next((c for c in anaphors[start][1] if c != home), code)


def told_again(
    reader: Reader, anaphors: dict[int, tuple[int, list[str]]], start: int, code: str
) -> None:
    """A "nước này" read as the destination `code` becomes a party span of that state, so
    the trip's fields read it as a state named there."""
    if start not in anaphors or start in reader.party_starts:
        return
    reader.parties = Spans(sorted([*reader.parties, (start, anaphors[start][0], code)]))
    reader.party_starts.add(start)


def place_end(reader: Reader, start: int) -> int:
    """The end of the state or city named at `start`."""
    anaphor = this_states(reader).get(start)
    if anaphor is not None:
        return anaphor[0]
    for s, e, _ in reader.parties:
        if s == start:
            return e
    for s, e, _ in reader.places:
        if s == start:
            return e
    return start


def lead_start(reader: Reader, at: int) -> int:
    """Where the words that lead to a verb of motion start, walking back over the
    adverbs between it and its subject ("X đã lên đường tới", "X hôm qua đã tới")."""
    body = reader.body
    for _ in range(6):
        j = at
        while j > 0 and body[j - 1] in " ,":
            j -= 1
        word = MOVE_LEAD_WORD.search(body, max(0, j - 16), j) or MOVE_COMPANIONS.search(
            body, max(0, j - 70), j
        )
        if not word:
            return j
        at = word.start()
    return at


def only_to_attend(reader: Reader, at: int, host: str | None = None) -> bool:
    """Whether a trip is told as made to attend a meeting of a known mechanism and
    nothing else ("tới New York dự Đại hội đồng Liên hợp quốc"): that trip is the
    meeting (SCHEMA). "… kết hợp hoạt động song phương" makes it a visit as well."""
    body = reader.body
    clause_end = min([i for i in (body.find(".", at), body.find(";", at)) if i >= 0] or [len(body)])
    attend = ATTEND_AFTER.match(body, at, clause_end)
    if not attend:
        return False
    if BILATERAL_TOO.search(body, at, clause_end):
        return False
    if any(attend.end() <= s <= attend.end() + 30 for s, _, _ in reader.series_hits):
        return True
    # a meeting named by its own capitalised name ("dự Hội nghị Bộ trưởng Năng lượng
    # ASEAN"), unless it names the host state: a meeting with the host is a visit too
    start = attend.end()
    if not body[start : start + 1].isupper() or host in reader.parties_in(start, clause_end):
        return False
    return any(
        s == start and any(t.kind == "meeting" and "named" in t.flags for t in triggers)
        for s, _, triggers in within(reader.triggers, start, start + 1)
    )


# "chuyến công du 4 ngày của các nghị sĩ Mỹ tới Bình Nhưỡng", "chuyến thăm của phái đoàn
# nghị sĩ Mỹ tới Bắc Triều Tiên": a group of one state's lawmakers or officials, possessor
# of the trip noun, travelling to another. Not "một quan chức …" (any holder) nor a first
# or counted trip ("chuyến thăm đầu tiên của …"), which describe rather than report.
GROUP_OF = re.compile(
    r"(?:\s+\d+\s+ngày)?\s+của\s+(?:các\s+|những\s+)?"
    r"(?:(?:phái đoàn|đoàn(?:\s+đại biểu)?)\s+)?(?:các\s+)?"
    r"(?:thượng nghị sĩ|hạ nghị sĩ|nghị sĩ|nhà lập pháp|quan chức(?:\s+cấp cao)?)\s+$"
)
GROUP_TOWARDS = re.compile(r"\s+(?:tới|đến|sang)\s+(?:thủ đô\s+)?")


# "6 nghị sĩ Mỹ sẽ đến Bắc Triều Tiên", "các thượng nghị sĩ Mỹ đã tới Bắc Kinh": lawmakers
# of one state, counted or plural, as the subject of a verb of motion; so are a state's
# officials, diplomats, negotiators, inspectors or security experts ("các chuyên gia an
# ninh Marốc hôm qua đã tới Tây Ban Nha", "các quan chức Mỹ đã có mặt tại Seoul"), not a
# ban on their travel ("cấm các quan chức cấp cao Belarus đến Mỹ") nor any other experts
# ("các chuyên gia Nhật Bản đã tới Hà Nội để khảo sát dự án": a survey, no diplomacy).
# "phái đoàn nghị sĩ đầu tiên của Mỹ thăm Bình Nhưỡng": a delegation of them. Not the
# possessor of a trip noun ("chuyến công du của các nghị sĩ Mỹ tới …", see GROUP_OF).
LAWMAKERS = re.compile(
    r"(?<!của )(?<!chuyến đi )(?<!cấm )(?:\b(?:\d+|[Cc]ác|[Nn]hững|[Nn]hóm|[Mm]ột nhóm|[Mm]ột số|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
    r"(?:thượng nghị sĩ|hạ nghị sĩ|nghị sĩ|nhà lập pháp|quan chức(?:\s+cấp cao)?|nhà ngoại giao"
    r"|nhà đàm phán|thanh sát viên|chuyên gia\s+(?:an ninh|hạt nhân|vũ khí|quân sự))"
    r"|(?<!của )\b(?:phái đoàn|đoàn đại biểu|đoàn)\s+(?:các\s+)?(?:thượng nghị sĩ|hạ nghị sĩ|nghị sĩ)"
    r"(?:\s+\w+){0,2}?\s+của)\s+$"
)


TALKS_GUESTS = "events.talks_guests"  # its key in `Doc.matches`: talks' start → the group's state


def group_state(reader: Reader, at: int) -> str | None:
    """The state of the unnamed group whose name ends at `at` and travels: lawmakers ("6
    nghị sĩ Mỹ") or a delegation named by its capital ("phái đoàn Seoul")."""
    state = lawmakers_state(reader, at)
    if state is not None:
        return state
    for s, e, payloads in within(reader.places, max(0, at - 30), at):
        capital = e == at and getattr(payloads[0], "capital", False)
        if capital and BARE_DELEGATION.search(reader.body, max(0, s - 20), s):
            return str(payloads[0].country)
    return None


def talks_guest(reader: Reader, d: Draft) -> str | None:
    """The state of the group whose trip the talks at `d` are the purpose of ("6 nghị sĩ Mỹ
    sẽ đến Bắc Triều Tiên để thảo luận …", "phái đoàn Seoul tới Bình Nhưỡng để thảo luận
    …"), if any: the talks' other side, as a named traveller's state would be."""
    guests: dict[int, str] = reader.doc.matches.get(TALKS_GUESTS, {})
    return guests.get(d.cue.start)


def lawmakers_state(reader: Reader, at: int) -> str | None:
    """The state of a group of lawmakers whose name ends at `at` ("6 nghị sĩ Mỹ")."""
    for s, e, code in within(reader.parties, max(0, at - 30), at):
        if e == at and LAWMAKERS.search(reader.body, max(0, s - 60), s):
            return code if getattr(reader.lex.party(code), "kind", "") == "state" else None
    return None


def moving_lawmakers(reader: Reader, d: Draft) -> bool:
    """Whether a visit verb's subject is a group of one state's lawmakers going to another
    state ("6 nghị sĩ Mỹ sẽ đến Bắc Triều Tiên", "phái đoàn nghị sĩ … của Mỹ thăm Bình
    Nhưỡng"): both states become its parties."""
    if "verb" not in d.cue.flags:
        return False
    state = lawmakers_state(reader, lead_start(reader, d.cue.start))
    if state is None:
        return False
    at = d.cue.end
    while at < len(reader.body) and reader.body[at] == " ":
        at += 1
    return goes_to(reader, d, state, at)


def goes_to(reader: Reader, d: Draft, state: str, at: int) -> bool:
    """Whether a state, or a city of one, other than the group's own `state` is named at
    `at` (where the trip goes): both become the visit's parties."""
    to = reader.parties_in(at, at + 1)
    city = reader.place_in(at, at + 1)
    where = to[0] if to else getattr(city, "country", None)
    if not where or where == state:
        return False
    d.event.parties = list(dict.fromkeys([*d.event.parties, state, str(where)]))
    return True


def group_traveller(reader: Reader, d: Draft) -> bool:
    """Whether a visit noun is owned by a group of one state's officials travelling to
    another state ("chuyến công du … của các nghị sĩ Mỹ tới Bình Nhưỡng"), or such a
    group is the subject of a verb of motion (moving_lawmakers): a visit between the two
    though nobody is named. Both states become its parties."""
    body, cue = reader.body, d.cue
    if moving_lawmakers(reader, d):
        return True
    for s, e, code in within(reader.parties, cue.end, cue.end + 60):
        if not GROUP_OF.fullmatch(body, cue.end, s):
            continue
        towards = GROUP_TOWARDS.match(body, e)
        if towards is None or getattr(reader.lex.party(code), "kind", "") != "state":
            return False
        return goes_to(reader, d, code, towards.end())
    return False


# "Đoàn đại biểu Quốc hội Mỹ sẽ thăm …", "Một phái đoàn Chính phủ Nhật Bản sẽ sang thăm …":
# a delegation of a state's body (its parliament, government, army or ruling party),
# unnamed, as the subject of a visit, with only the lead words of the verb between. Not a
# group of tourists, athletes or firms ("Đoàn khách du lịch Mỹ", "Đoàn vận động viên Nhật Bản").
STATE_DELEGATION = re.compile(
    r"\b(?:[Pp]hái đoàn|[Đđ]oàn(?:\s+đại biểu)?)(?:\s+(?:cấp cao|chính thức))?(?:\s+của)?"
    r"\s+(?:Quốc hội|Chính phủ|Nhà nước|Bộ Ngoại giao|Bộ Quốc phòng|Quân đội|Hạ viện|"
    r"Thượng viện|Nghị viện|Đảng Cộng sản)\s+$"
)
DELEGATION_LEAD = re.compile(
    r"\s+(?:(?:sẽ|đã|vừa|đang|cũng|sắp|dự kiến|dự định|có kế hoạch|tiếp tục|lên đường)\s+)*"
    r"(?:(?:có|thực hiện|tiến hành|bắt đầu)\s+)?(?:(?:sang|tới|đến)\s+)?"
)


# "phái đoàn Seoul tới Bình Nhưỡng", "đoàn đại biểu Washington …": a delegation named by
# the capital that stands for its state, alone.
BARE_DELEGATION = re.compile(r"\b(?:[Pp]hái đoàn|[Đđ]oàn đại biểu)(?:\s+(?:cấp cao|của))?\s+$")


def delegation_state(reader: Reader, d: Draft) -> str | None:
    """The state whose unnamed delegation is the subject of a visit ("Đoàn đại biểu Quốc
    hội Mỹ sẽ thăm Việt Nam", "phái đoàn Seoul tới Bình Nhưỡng"): a party of it, or its
    capital, as the visitor's state."""
    body, cue = reader.body, d.cue
    start = reader.doc.sentences[d.sentence][0]
    lo = max(start, cue.start - 80)
    named = [  # a state, or a capital also read as its state ("phái đoàn Seoul")
        (s, e, code, reader.place_in(s, e) is not None)
        for s, e, code in within(reader.parties, lo, cue.start)
    ]
    for s, e, payloads in within(reader.places, lo, cue.start):
        if getattr(payloads[0], "capital", False) and s not in reader.party_starts:
            named.append((s, e, payloads[0].country, True))
    for s, e, code, capital in sorted(named, reverse=True):
        if not DELEGATION_LEAD.fullmatch(body, e, cue.start):
            continue
        if getattr(reader.lex.party(code), "kind", "") != "state":
            return None
        if capital and BARE_DELEGATION.search(body, max(start, s - 20), s):
            return code
        return code if STATE_DELEGATION.search(body, max(start, s - 60), s) else None
    return None
