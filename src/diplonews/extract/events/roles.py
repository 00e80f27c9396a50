"""Who hosts and who calls: the roles of an event's participants beyond its own clause.

SCHEMA's conventions settle them: the official who invites a visitor ("theo lời mời
của X") or hosts the welcome ceremony chairs the visit; in "tiếp kiến", "yết kiến",
"tới chào" and "chào xã giao" the official called on chairs and the caller takes part.
The events stage and the merging step call these helpers; they hold no state.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.doc import Mention
    from diplonews.extract.events.cues import Cue, Sentence
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader
    from diplonews.extract.lexicons import Lexicons
    from diplonews.extract.record import Person

# Verbs of calling on someone: the official named after the verb is the one called on.
# An envoy presenting credentials ("trình Quốc thư lên Tổng thống X") calls on X too; at a
# reception ("tiếp Đại sứ … trình quốc thư") the words name no event of their own.
CALL_ON = frozenset(
    {
        "tiếp kiến",
        "buổi tiếp kiến",  # "Tại buổi tiếp kiến X, Y …": Y calls on X
        "cuộc tiếp kiến",
        "yết kiến",
        "bệ kiến",
        "tới chào",
        "đến chào",
        "chào xã giao",
        "chào từ biệt",  # a farewell call, as "tới chào"
        "trình quốc thư lên",
        "trình thư ủy nhiệm lên",
        "trình bản sao quốc thư lên",
    }
)
# "theo lời mời của", "nhận lời mời chính thức của", "lời mời của người đồng cấp".
INVITED_BY = re.compile(
    r"lời mời(?:\s+chính thức)?(?:\s+của)\s+(?:người\s+đồng\s+cấp\s+|đồng chí\s+)?$",
    re.IGNORECASE,
)
CO_INVITER = re.compile(r"^\s*(?:,|và)\s*$")
# "Tổng thống X đã đón tiếp ông Y đến thăm …", "X sẽ đón Y thăm …": the subject receives
# the visitor; one who "đón" him at the airport only greets him (not a participant).
RECEIVES = re.compile(
    r"^(?:[^,;.]{0,40}?\b(?:đón tiếp|tiếp đón|chào đón)\b"
    r"|\s*(?:(?:đã|sẽ|đang|vừa|chính thức|long trọng|trọng thể|nồng nhiệt)\s+)*đón\b"
    r"(?![^,;.]{0,80}\bsân bay\b))"
)
# The passive "Y được X tiếp / đón / mời / tiếp kiến": X, named after "được", is the host
# and Y, before it, the one received. PASSIVE_BY ends right before X, PASSIVE_VERB follows
# X (or co-hosts "X và Z") up to the verb.
PASSIVE_BY = re.compile(r"\bđược\s+(?:(?:cả|chính)\s+)?$")
PASSIVE_JOIN = re.compile(r"^\s*(?:,|và|cùng)\s*$")
PASSIVE_VERB = re.compile(
    r"\s*(?:(?:đã|sẽ|đang|vừa|chính thức|long trọng|trọng thể|nồng nhiệt|thân mật)\s+)*"
    r"(?:đón tiếp|tiếp đón|chào đón|tiếp kiến|đón|tiếp|mời)\b"
    r"(?!\s+(?:tục|thu|cận|theo|xúc|diễn|nối|gọi)\b)"  # not "được X tiếp tục", "mời gọi"
)
# "Đón Tổng thống X, Chủ tịch nước Y …": the one named after a verb of welcoming is the
# guest, not the host.
WELCOMED = re.compile(r"\b(?:[Đđ]ón|[Cc]hào đón|[Đđ]ón tiếp|[Tt]iếp đón|[Cc]hào mừng)\s+$")
AIRPORT = re.compile(r"[^,;.]{0,80}\bsân bay\b")
# Titles of monarchs: one who "tiếp kiến" (grants an audience to) another is the higher
# party, whom the other calls on; a monarch named as its subject is that host.
MONARCHS = frozenset(
    {"King", "Queen", "Sultan", "Emperor", "Emir", "Pope", "Crown Prince", "Prince"}
)
# "Thủ tướng X tiếp chào xã giao / tiếp chào từ biệt Đại sứ Y": X receives Y's call.
RECEIVES_CALL = re.compile(r"\btiếp\s+$", re.IGNORECASE)
GRANTS_AUDIENCE = frozenset({"tiếp kiến", "buổi tiếp kiến", "cuộc tiếp kiến"})
# A ceremony set before the main clause ("Ngay sau lễ đón, X hội đàm với …"): the main
# clause's subject did not host it.
CEREMONY_SETTING = re.compile(
    r"^\s*(?:[^,.;:]{0,30},\s*)?(?:[Nn]gay\s+)?(?:[Tt]ại|[Tt]rong|[Ss]au|[Tt]rước|[Kk]ết thúc)\s+$"
)


# "Tháp tùng Tổng thống có: …", "Đón đoàn tại sân bay có: …", "Thành phần Đoàn gồm có: …":
# the members of a delegation or the officials at the airport, listed after a colon.
MEMBER_LIST = re.compile(r"\b(?:có|gồm|gồm có|bao gồm)\s*:")


def _member_lists(body: str) -> list[re.Match[str]]:
    """The "có:"/"gồm:" of `body`, found from its colons (a regex scan of the whole body
    for the words costs more than the stage's other work on most articles)."""
    found = []
    colon = body.find(":")
    while colon >= 0:
        match = MEMBER_LIST.search(body, max(0, colon - 12), colon + 1)
        if match is not None and match.end() == colon + 1:
            found.append(match)
        colon = body.find(":", colon + 1)
    return found


def outside_member_lists(
    body: str, sentences: list[tuple[int, int]], mentions: list[Mention]
) -> list[Mention]:
    """The mentions that do not stand in a list of delegation members or greeters: those
    are named, not taking part (they stay in `people`)."""
    if ":" not in body:
        return mentions
    starts = [start for start, _ in sentences]
    lists = []
    for found in _member_lists(body):
        i = bisect_right(starts, found.start()) - 1
        if i >= 0 and found.end() <= sentences[i][1]:
            lists.append((found.end(), sentences[i][1]))
    if not lists:
        return mentions
    return [m for m in mentions if not any(a <= m.start < b for a, b in lists)]


# "Ông có kế hoạch hội đàm với …": a sentence whose subject is a bare "Ông"/"Bà".
# A bare "Ông"/"Bà" opening the sentence, or after a short setting that names nobody ("Tại
# Anh, bà đã gặp …", "Theo kế hoạch, ông sẽ …", "Tại đây, ông sẽ có cuộc hội đàm …"), or
# after a time that needs no comma ("Trước đó bà hội đàm với …", "Cùng ngày ông …").
PRONOUN_SUBJECT = re.compile(
    r"\s*(?:(?:[A-ZĐÀ-Ỹ][^,.;:!?\"“”()]{1,40},\s*|(?:Trước|Sau|Tiếp) đó\s+|Cùng ngày\s+"
    r"|Hôm (?:qua|nay)\s+)(?P<lower>ông|bà)|Ông|Bà)\s+(?=[a-zà-ỹđ])"
)


def pronoun_subject(reader: Reader, sentence: Sentence) -> list[Mention]:
    """The person a sentence's bare "Ông"/"Bà" stands for: the subject of the sentence
    before, the last one named as taking part there."""
    pronoun = PRONOUN_SUBJECT.match(reader.body, sentence.start)
    if not pronoun:
        return []
    lower = pronoun.start("lower")
    if lower >= 0 and reader.mentions_in(sentence.start, lower + 1):
        # "Theo Clarke, ông …": the setting names whom the pronoun stands for;
        # "Tại cuộc hội đàm, ông chủ Nhà Trắng …": an official named by his seat
        return []
    before = [m for m in reader.taking_part if m.end <= sentence.start]
    if not before:
        return []
    last = before[-1]
    starts = [s for s, _ in reader.doc.sentences]
    i = bisect_right(starts, last.start) - 1
    if i < 0 or not _carried_to(reader, i, sentence.start):
        return []  # the person must be named in the sentence just before
    word = pronoun.group("lower") or pronoun.group().strip()
    opening = reader.doc.sentences[i][0]
    named = [m for m in before if m.start >= opening]
    fitting = [m for m in named if honorific(reader, m.person) in {None, word.lower()}]
    # the subject, not one named in a clause before it ("Sau cuộc gặp với Chủ tịch X,
    # Ngoại trưởng Y sẽ lên đường …. Theo kế hoạch, ông …" is Y)
    subjects = [m for m in fitting if not _oblique(reader.body, opening, m.start)]
    return (subjects or fitting)[:1]


PRONOUN_CHAIN = 2  # sentences that may each open with the pronoun between name and sentence


def _carried_to(reader: Reader, named: int, start: int) -> bool:
    """Whether the subject of sentence `named` is carried on to the sentence at `start`:
    it is the sentence just before, or the ones between each open with a bare "Ông"/"Bà"
    of their own ("Hôm qua, ông X kêu gọi …. Ông bình luận …. Ông đưa ra …")."""
    sentences = reader.doc.sentences
    between = [
        (a, b) for a, b in sentences[named + 1 : named + 2 + PRONOUN_CHAIN] if b <= start - 1
    ]
    if sentences[named][1] >= start - 2:
        return True
    if not between or between[-1][1] < start - 2 or len(between) > PRONOUN_CHAIN:
        return False
    return all(PRONOUN_SUBJECT.match(reader.body, a) for a, _ in between)


# A word that makes what follows it in its clause an object or an adjunct, not a subject.
OBLIQUE = re.compile(r"(?<!\w)(?:với|cùng|của|gặp|tiếp|sau|trước|theo)(?!\w)", re.IGNORECASE)


def _oblique(body: str, opening: int, at: int) -> bool:
    clause = max(opening, body.rfind(",", opening, at) + 1)
    return OBLIQUE.search(body, clause, at) is not None


# "bà Condoleezza Rice", "Ông Putin": the honorific the article gives a person.
HONORIFIC = re.compile(r"\b(ông|bà)\s+[A-ZĐÀ-Ỹ]", re.IGNORECASE)


def honorific(reader: Reader, person: int) -> str | None:
    """ "ông" or "bà" as the article calls a person, None when it never does: a bare
    pronoun stands only for someone of its gender."""
    body = reader.body
    for m in reader.mentions:
        if m.person == person and m.name:
            found = HONORIFIC.search(body, max(0, m.start - 5), m.end)
            if found:
                return found.group(1).lower()
    return None


# A plural subject of officials names the states or bloc they speak for: "các ngoại trưởng
# ASEAN đã gặp X", "các Bộ trưởng Tài chính G7 hội đàm", "lãnh đạo các nước EU".
PLURAL_OFFICIALS = re.compile(
    r"\b(?:[Cc]ác|[Nn]hững)\s+(?:nhà\s+)?(?:lãnh đạo|[Nn]goại trưởng|[Bb]ộ trưởng(?:\s+\S+){0,3}?"
    r"|[Tt]hủ tướng|nguyên thủ(?:\s+quốc gia)?|[Tt]hứ trưởng(?:\s+\S+){0,2}?|quan chức(?:\s+cấp cao)?"
    r"|trưởng đoàn|đại diện|[Đđ]ại sứ)\s+(?:của\s+)?(?:(?:các\s+)?(?:nước|quốc gia)\s+(?:thành viên\s+)?)?$"
)


def plural_subject_parties(reader: Reader, start: int, end: int) -> list[str]:
    """The parties a plural subject of officials before the event's verb speaks for."""
    return [
        code
        for s, _, code in within(reader.parties, start, end)
        if PLURAL_OFFICIALS.search(reader.body, max(start, s - 60), s)
    ]


# What talks are about, after their counterparts: "hội đàm với X về vấn đề hạt nhân Iran",
# "điện đàm … về tình hình Lebanon", "đối thoại … xoay quanh nhiều chủ đề: từ vai trò của
# Mỹ ở châu Á …". The states named there are the topic, not a side.
TOPIC = re.compile(
    r"\s(?:về|xung quanh|xoay quanh|liên quan (?:đến|tới))\s+(?:các\s+|những\s+|nhiều\s+)?"
    r"(?:vấn đề|tình hình|chương trình|cuộc khủng hoảng|khủng hoảng|việc|kế hoạch|tiến trình|"
    r"hồ sơ|cuộc xung đột|xung đột|quan hệ|hợp tác|cuộc chiến|an ninh|hoà bình|hòa bình|"
    r"chủ đề|vai trò)\b"
)


def organisations_of(lex: Lexicons, known: list[Person], people: list[int]) -> list[str]:
    """The organisations whose officials take part (its Secretary-General, its envoy): a
    party as such per SCHEMA ("UN", "OIF", "WTO")."""
    codes = []
    for p in people:
        country = known[p].country if 0 <= p < len(known) else None
        if country and getattr(lex.party(country), "kind", "") == "org":
            codes.append(country)
    return codes


def with_organisations(codes: list[str], finished: list[str], lex: Lexicons) -> list[str]:
    """`finished` (the states and blocs) with the organisations among `codes`, and the
    regions whose officials take part (`fields.regions_of`), sorted."""
    orgs = {c for c in codes if c != "-" and getattr(lex.party(c), "kind", "") in ("org", "region")}
    return sorted(set(finished) | orgs)


def calls_on(cue: Cue) -> bool:
    return bool(cue.trigger) and cue.trigger.vi.lower() in CALL_ON  # type: ignore[union-attr]


def is_reception(cue: Cue) -> bool:
    """A reception: the verb "tiếp" or its nouns "buổi tiếp", "cuộc tiếp", whose host (the
    subject, or the main clause's after "Trong buổi tiếp X, Y …") chairs."""
    if "reception" in cue.flags:
        return True
    words = cue.trigger.vi.lower().split() if cue.trigger else []
    return len(words) == 2 and words[0] in RECEPTION_NOUNS and words[1] == "tiếp"


RECEPTION_NOUNS = frozenset({"buổi", "cuộc"})


def opens_clause(body: str, at: int) -> bool:
    """Whether the words right before `at` open a clause of their own ("Sau lễ đón", "Toàn
    cảnh lễ đón" of a caption run into the text): whoever is named before is not its
    subject."""
    words = body[max(0, at - 30) : at].split()[-2:]
    return bool(words) and (words[-1][:1].isupper() or len(words) == 2 and words[0][:1].isupper())


def passive_hosts(reader: Reader, cue: Cue, pre: list[Mention]) -> list[Mention]:
    """The hosts of a passive "Y được X tiếp / đón / mời": the officials between "được" and
    the verb (`cue`, or the verb right after them when `cue` is the visit that follows)."""
    body = reader.body
    found: list[Mention] = []
    for m in pre:
        if PASSIVE_BY.search(body, max(0, m.start - 20), m.start) or (
            found and PASSIVE_JOIN.match(body[found[-1].end : m.start])
        ):
            found.append(m)
        elif found:
            found = []
    if not found:
        return []
    verb = PASSIVE_VERB.match(body, found[-1].end)
    return found if verb is not None and verb.start() < cue.end else []


def is_monarch(reader: Reader, person: int) -> bool:
    known = reader.doc.record.people
    return 0 <= person < len(known) and any(t in MONARCHS for t in known[person].titles)


def called_on(reader: Reader, cue: Cue, before: list[Mention], own: list[Mention]) -> set[int]:
    """The officials called on: those named right after a calling-on verb; in "Y được X
    tiếp kiến" X; and a monarch who "tiếp kiến" (grants an audience to) a commoner."""
    if not calls_on(cue):
        return set()
    passive = passive_hosts(reader, cue, before)
    if passive:
        return {m.person for m in passive}
    if RECEIVES_CALL.search(reader.body, max(0, cue.start - 8), cue.start):
        return {m.person for m in before}  # "X tiếp chào xã giao Y": X receives the call
    if cue.trigger is not None and cue.trigger.vi.lower() in GRANTS_AUDIENCE:
        granting = {m.person for m in before if is_monarch(reader, m.person)}
        if granting and not any(is_monarch(reader, m.person) for m in own):
            return granting
    return {m.person for m in own}


def reception_hosts(
    reader: Reader,
    sentence: Sentence,
    cue: Cue,
    pre: list[Mention],
    subject: list[Mention],
    own: list[Mention],
) -> set[int]:
    """Who hosts a reception or a welcome ceremony: its subject, less the one received or
    welcomed (named after the verb); but in "Y được X tiếp" X, and nobody of the main
    clause when the ceremony only sets it ("Sau lễ đón, Y …")."""
    passive = passive_hosts(reader, cue, pre or subject)
    if passive:
        return {m.person for m in passive}
    hosts = _subject_hosts(reader, sentence, cue, pre, subject)
    # a title alone after the verb that points back to the host is a place ("tại Dinh
    # Tổng thống"), not the guest
    return hosts - {m.person for m in own if not (m.name is None and m.person in hosts)}


def _subject_hosts(
    reader: Reader, sentence: Sentence, cue: Cue, pre: list[Mention], subject: list[Mention]
) -> set[int]:
    """The subject who receives or welcomes, before the one received is taken out."""
    if "ceremony" in cue.flags and (
        opens_clause(reader.body, cue.start)
        or not pre
        and CEREMONY_SETTING.match(reader.body[sentence.start : cue.start])
    ):
        return set()
    body = reader.body
    thanked = [m for m in pre if THANKED.search(body, max(0, m.start - 30), m.start)]
    if thanked:  # "Y cảm ơn X đã dành cho đoàn sự đón tiếp": X welcomed Y
        return {m.person for m in thanked}
    return {
        m.person
        for m in (pre or subject)
        if not WELCOMED.search(body, max(0, m.start - 12), m.start)
    }


def inviters(reader: Reader, sentence: Sentence, cue: Cue) -> list[Mention]:
    """Who invited the visit reported by `cue`: the officials after "lời mời của" in its
    sentence, when no other visit of the sentence stands nearer to them."""
    body = reader.body
    found: list[Mention] = []
    for m in reader.mentions:
        if not sentence.start <= m.start < sentence.end:
            continue
        if INVITED_BY.search(body, max(sentence.start, m.start - 60), m.start) or (
            found and CO_INVITER.match(body[found[-1].end : m.start])
        ):
            found.append(m)
        elif found:
            break
    if not found:
        return []
    visits = [c for c in sentence.cues if c.kind == "visit"]
    nearest = min(visits, key=lambda c: abs(c.start - found[0].start), default=None)
    return found if nearest is cue else []


CO_CHAIRING = re.compile(r"\bđồng chủ trì\s*$", re.IGNORECASE)


def invited_co_chairs(reader: Reader, sentence: Sentence, cue: Cue, chairs: set[int]) -> list[int]:
    """ "X … đồng chủ trì Kỳ họp … theo lời mời của Thủ tướng Lào Y": a meeting
    co-chaired at the invitation of an official of another state is co-chaired by that
    official, the host."""
    if not chairs or not CO_CHAIRING.search(reader.body, max(0, cue.start - 20), cue.start):
        return []
    known = reader.doc.record.people
    own = {known[p].country for p in chairs if 0 <= p < len(known)}
    found = []
    for m in reader.mentions:
        if not cue.end <= m.start < sentence.end or not 0 <= m.person < len(known):
            continue
        invited = INVITED_BY.search(reader.body, max(sentence.start, m.start - 60), m.start)
        country = known[m.person].country
        if invited and country and country not in own and m.person not in chairs:
            found.append(m.person)
    return found


JOINED = re.compile(r"\s*(?:và|,)\s*$")


def joined_reception_hosts(
    reader: Reader, sentence: Sentence, cue: Cue, people: list[int]
) -> set[int]:
    """ "X tiếp và làm việc với Y": a verb coordinated after "tiếp" shares its subject, who
    as the subject of "tiếp" receives Y and chairs."""
    first = cue.joined_to
    if first is None or not is_reception(first) or "verb" not in first.flags:
        return set()
    if not JOINED.match(reader.body[first.end : cue.start]):
        return set()
    before = {m.person for m in reader.mentions_in(sentence.start, first.start)}
    return before & set(people)


ATTENDS = re.compile(r"\b(?:tham dự|dự)\s+$")


def inviting_hosts(reader: Reader, sentence: Sentence, cue: Cue, people: list[int]) -> list[int]:
    """ "Nhận lời mời của Tổng thống Nga X, Thủ tướng Y lên đường dự Hội nghị BRICS": a
    trip made to attend a meeting is that meeting (SCHEMA), and the official of another
    state who invited it is its host, who chairs."""
    if not ATTENDS.search(reader.body, max(sentence.start, cue.start - 12), cue.start):
        return []
    if any(c.kind == "visit" for c in sentence.cues):
        return []  # the inviter hosts the visit (inviters())
    known = reader.doc.record.people
    own = {known[p].country for p in people if 0 <= p < len(known)}
    found = []
    for m in reader.mentions:
        if not sentence.start <= m.start < sentence.end or not 0 <= m.person < len(known):
            continue
        country = known[m.person].country
        if m.person in people or not country or country in own:
            continue
        if INVITED_BY.search(reader.body, max(sentence.start, m.start - 60), m.start):
            found.append(m.person)
    return found


def receivers(reader: Reader, pre: list[Mention]) -> list[Mention]:
    """The subject who "đón tiếp" (receives) the visitor named after it, or the one named
    after "được" in "Y được X đón"."""
    body = reader.body
    found = [m for m in pre if RECEIVES.match(body[m.end : m.end + 120])]
    passive = [m for m in pre if PASSIVE_BY.search(body, max(0, m.start - 20), m.start)]
    for m in passive:
        verb = PASSIVE_VERB.match(body, m.end)
        if verb and not AIRPORT.match(body, verb.end()) and m not in found:
            found.append(m)
    return found


def visit_hosts(
    reader: Reader, sentence: Sentence, cue: Cue, pre: list[Mention], visitors: list[int]
) -> list[int]:
    """The hosts of a visit, who chair it: its inviters and whoever receives the visitor.
    With none of them named, the official who "tiếp" the visitors on the occasion of the
    visit hosts it ("X đã tiếp đoàn đại biểu … do ông Y làm trưởng đoàn nhân dịp đoàn đến
    thăm …"); one who receives a guest already on a visit only meets him ("A tiếp B đang
    thăm chính thức Việt Nam", "A đã tiếp B đang có chuyến thăm … theo lời mời của C")."""
    hosts = [m.person for m in inviters(reader, sentence, cue) + receivers(reader, pre)]
    if not hosts:
        hosts = [
            m.person
            for m in reader.mentions_in(sentence.start, cue.start)
            if receives_visitors(reader, m, cue, visitors)
        ]
    return [p for p in dict.fromkeys(hosts) if p >= 0 and p not in visitors]


# "X đã tiếp Y", "X tiếp đoàn …": the verb of receiving right after its subject.
RECEIVES_VISITOR = re.compile(
    r"\s*(?:(?:đã|sẽ|đang|vừa|chính thức|thân mật|trọng thể)\s+)*tiếp\s+"
    r"(?!(?:tục|thu|cận|theo|xúc|diễn|nối|nhận|tế|sức|đãi)\b)"
)
RECEIVED_GROUP = re.compile(r"(?:các\s+)?(?:đoàn|phái đoàn)\b")
# "… nhân dịp đoàn đến thăm", "nhân chuyến thăm": the visit is the occasion of the reception.
ON_OCCASION = re.compile(r"\bnhân\s+(?:dịp|chuyến)\b")


def receives_visitors(reader: Reader, m: Mention, cue: Cue, visitors: list[int]) -> bool:
    """Whether `m` is the subject of "tiếp" whose object, before the visit's words, is a
    visitor or a delegation, received on the occasion of the visit."""
    verb = RECEIVES_VISITOR.match(reader.body, m.end)
    if verb is None or m.person in visitors or verb.end() > cue.start:
        return False
    if not ON_OCCASION.search(reader.body, verb.end(), cue.start):
        return False
    if RECEIVED_GROUP.match(reader.body, verb.end()):
        return True
    return any(n.person in visitors for n in reader.mentions_in(verb.end(), cue.start))


def verb_of_another_event(reader: Reader, verb_end: int, cue: Cue) -> bool:
    """Whether a chairing verb ("khai mạc", "chủ trì") governs an event named right after
    it other than `cue`: "gặp X và khai mạc Diễn đàn Doanh nghiệp" opens the forum."""
    at = verb_end
    while at < len(reader.body) and reader.body[at] == " ":
        at += 1
    if at == cue.start:
        return False
    return any(s == at for s, _, _ in reader.triggers) or any(
        s == at for s, _, _ in reader.series_hits
    )


# "Đoàn Việt Nam do X làm Trưởng đoàn", "X dẫn đầu đoàn …": a delegation's head.
HEAD_AFTER = re.compile(r"[^.;]{0,80}?\b(?:làm [Tt]rưởng đoàn|dẫn đầu)\b")
HEAD_BEFORE = re.compile(r"[Đđ]oàn\b[^.;,]{0,40}?\bdo\s+(?:ông\s+|bà\s+)?$")


def add_delegation_heads(
    reader: Reader,
    kept: list[Draft],
    after: Callable[[Reader, list[Draft], int], list[tuple[int, int]]],
) -> None:
    """The heads of the delegations named in the sentences that go on about a meeting
    ("Đối thoại … lần thứ 5. Đoàn Việt Nam do X làm Trưởng đoàn; đoàn Hàn Quốc do Y …")
    take part in it."""
    body = reader.body
    for i, d in enumerate(kept):
        if d.event.kind != "meeting":
            continue
        for start, end in after(reader, kept, i):
            for m in reader.mentions:
                if not start <= m.start < end or m.person in d.people:
                    continue
                if HEAD_BEFORE.search(body, max(start, m.start - 60), m.start) and HEAD_AFTER.match(
                    body, m.end, end
                ):
                    d.people.append(m.person)


def add_visit_receivers(reader: Reader, kept: list[Draft]) -> None:
    """Whoever "chào đón" / "đón tiếp" the visitor in the sentences that go on about a
    visit hosts it ("Chủ tịch nước X là người đồng cấp đã chào đón Tổng thống Y")."""
    cued = {d.sentence for d in reader.drafts}
    for d in kept:
        if d.event.kind != "visit":
            continue
        visitors = set(d.people) - d.chairs
        # the next few sentences, up to another visit (a visit drafted again later and
        # absorbed into this one may stand after other events)
        stop = min(
            (k.sentence for k in kept if k.sentence > d.sentence and k.event.kind == "visit"),
            default=len(reader.doc.sentences),
        )
        stop = min(stop, d.sentence + 4)
        spans = [reader.doc.sentences[n] for n in range(d.sentence + 1, stop) if n not in cued]
        for start, end in spans:
            inside = [m for m in reader.mentions if start <= m.start < end]
            for m in inside:
                if m.person in d.people or not RECEIVES.match(reader.body[m.end : m.end + 60]):
                    continue
                if any(n.person in visitors and n.start > m.end for n in inside):
                    d.people.append(m.person)
                    d.chairs.add(m.person)


# "Y cảm ơn Tổng thống X … đã dành cho đoàn sự đón tiếp trọng thị": the guest thanks the
# host of his visit for the welcome.
THANKED = re.compile(r"\bcảm ơn\s+(?:[^\W\d]+\s+){0,2}$", re.IGNORECASE)
WELCOME_GIVEN = re.compile(r"[^.;]{0,120}?\b(?:dành cho|đã)\b[^.;]{0,60}?\b(?:đón tiếp|tiếp đón)\b")


def visits_with_guests(
    reader: Reader, kept: list[Draft]
) -> Iterator[tuple[Draft, set[str | None]]]:
    """Each kept visit with the countries of its visitors (its people less its hosts)."""
    known = reader.doc.record.people
    for d in kept:
        if d.event.kind == "visit":
            yield d, {known[p].country for p in set(d.people) - d.chairs if 0 <= p < len(known)}


def add_thanked_hosts(reader: Reader, kept: list[Draft]) -> None:
    """The official a visitor thanks for the welcome, in the visit's sentence or the next
    few, hosts the visit."""
    if "cảm ơn" not in reader.body:
        return
    known = reader.doc.record.people
    sentences = reader.doc.sentences
    for d, guests in visits_with_guests(reader, kept):
        for start, end in sentences[d.sentence : d.sentence + 4]:
            for m in reader.mentions_in(start, end):
                if m.person in d.people or not 0 <= m.person < len(known):
                    continue
                if known[m.person].country in guests | {None}:
                    continue
                if THANKED.search(reader.body, max(start, m.start - 30), m.start) and (
                    WELCOME_GIVEN.match(reader.body, m.end, end)
                ):
                    d.people.append(m.person)
                    d.chairs.add(m.person)


# "đón tiếp", "tiếp đón": the reception that welcomes a guest, not an audience ("tiếp").
WELCOME_BEFORE = re.compile(r"\bđón\s+$", re.IGNORECASE)
WELCOME_AFTER = re.compile(r"\s+đón\b", re.IGNORECASE)


def welcomes(body: str, cue: Cue) -> bool:
    return bool(
        WELCOME_BEFORE.search(body, max(0, cue.start - 6), cue.start)
        or WELCOME_AFTER.match(body, cue.end)
    )


def add_ceremony_hosts(kept: list[Draft], body: str) -> None:
    """The host of a welcome ceremony (lễ đón) chairs the visit of the guest welcomed; so
    does whoever receives the visitor in the visit's own sentence ("Y được X đón tiếp tại
    Budapest, bắt đầu chuyến thăm …"). A ceremony whose guest is named only after a verb
    joined to it ("X chủ trì lễ đón và hội đàm với Y, người đang thăm …") is that of the
    visit in its sentence."""
    for d in kept:
        ceremony = "ceremony" in d.cue.flags
        if not (ceremony or is_reception(d.cue) and welcomes(body, d.cue)) or not d.chairs:
            continue
        guests = [p for p in d.people if p not in d.chairs]
        visit = next(
            (
                v
                for v in kept
                if v.event.kind == "visit"
                and v is not d
                and (set(guests) & set(v.people) or not guests and v.sentence == d.sentence)
                and (ceremony or v.sentence == d.sentence)
            ),
            None,
        )
        if visit is None:
            continue
        for host in d.chairs:
            if host not in visit.people:
                visit.people.append(host)
            visit.chairs.add(host)
        visit.chairs -= set(guests)


# "X đã đến Washington và được Tổng thống Y đón tiếp tại Nhà Trắng", "… với Abbas, người đã
# đón tiếp ông nồng nhiệt tại Ramallah": the host named after the visit, who welcomes the
# visitor, in a passive or a relative clause.
WELCOMED_BY = re.compile(
    r"\s*(?:(?:đã|sẽ|đang|vừa|chính thức|long trọng|trọng thể|nồng nhiệt|thân mật)\s+)*"
    r"(?:đón tiếp|tiếp đón|chào đón)\b"
)
WHO_WELCOMED = re.compile(r"\s*,\s*(?:là\s+)?người\s+")
NEAR_SENTENCES = 4  # a passive "được Y đón tiếp" tells of the visit this close to it


def add_welcoming_hosts(reader: Reader, kept: list[Draft]) -> None:
    """The official of the visited state who welcomes the visitor, named after the visit
    in its sentence or the next few ("được Y đón tiếp"), or anywhere before the next visit
    as the one "người đã đón tiếp ông", hosts the visit."""
    body = reader.body
    if "đón" not in body:
        return
    known = reader.doc.record.people
    sentences = reader.doc.sentences
    for d, guests in visits_with_guests(reader, kept):
        visited = set(d.event.parties) - guests
        stop = min(
            (k.sentence for k in kept if k.sentence > d.sentence and k.event.kind == "visit"),
            default=len(sentences),
        )
        for n, (start, end) in enumerate(sentences[d.sentence : stop]):
            for m in reader.mentions_in(max(start, d.cue.end), end):
                if m.person in d.people or not 0 <= m.person < len(known):
                    continue
                if known[m.person].country not in visited:
                    continue
                who = WHO_WELCOMED.match(body, m.end)
                if (
                    n < NEAR_SENTENCES
                    and PASSIVE_BY.search(body, max(0, m.start - 20), m.start)
                    and WELCOMED_BY.match(body, m.end)
                    or who is not None
                    and WELCOMED_BY.match(body, who.end())
                ):
                    d.people.append(m.person)
                    d.chairs.add(m.person)
