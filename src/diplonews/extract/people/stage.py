"""The people stage: mentions found, resolved, kept when they are officials, given a country.

Runs the other modules of the package in order and settles what they leave open:
who counts as an official without a title, the state of a delegation's head, and the
country of a foreign name the text never places.
"""

from __future__ import annotations

import itertools
import re

from diplonews.extract.doc import Doc, Mention
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.people import family_names
from diplonews.extract.people.mentions import find_mentions
from diplonews.extract.people.names import NameWords
from diplonews.extract.people.resolving import Resolver
from diplonews.extract.record import Person


def main_foreign_party(doc: Doc, lex: Lexicons) -> str | None:
    """The state other than Vietnam the article names most often."""
    counts: dict[str, int] = {}
    for _, _, codes in lex.find_in(doc.matches, "party_names", doc.body):
        party = lex.party(codes[0])
        if party and party.kind == "state" and party.code != "VNM":
            counts[party.code] = counts.get(party.code, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def run(doc: Doc, lex: Lexicons) -> None:
    """The officials the body names, each mention and each person once.

    Reads: asides, body, record.published, sentences.
    Adds: mentions, record.people.
    """
    mentions = find_mentions(doc.body, lex, doc.matches)
    published = doc.record.published or ""
    resolver = Resolver(lex, year=int(published[:4]) if published[:4].isdigit() else None)
    for order, mention in enumerate(mentions):
        resolver.add(mention, order)
    resolver.add_late()
    for aside in doc.asides:  # an official named only in a photo caption
        if aside in doc.body:
            continue  # a caption that repeats the text says nothing new
        for mention in find_mentions(aside, lex):
            if mention.name and mention.titles:
                resolver.add(mention, len(mentions))
    # A named person without any title counts as an official only when officials.tsv knows
    # them or they stand in a sentence beside officials (a delegation list).
    keep = [
        resolver.confirmed[i]
        or resolver.known[i] is not None  # "ông Ban Ki-moon": a known official
        or official_context(doc, mentions, i)
        or heads_delegation(doc.body, mentions, i)
        for i in range(len(resolver.people))
    ]
    keep = [kept or met_by_official(doc, mentions, i, keep) for i, kept in enumerate(keep)]
    delegation_countries(doc, lex, mentions, resolver)
    list_countries(doc.body, lex, mentions, resolver)
    remap: dict[int, int] = {}
    people: list[Person] = []
    for i, person in enumerate(resolver.people):
        if keep[i]:
            remap[i] = len(people)
            people.append(person)
    for mention in mentions:
        mention.person = remap.get(mention.person, -1)
    doc.mentions = [m for m in mentions if m.person >= 0 and not m.people_only]
    words = NameWords.of(lex)
    again = family_names.back_references(
        doc.body, people, doc.mentions, lex, doc.matches, words.stops_or_openers
    )
    if again:
        doc.mentions = sorted(doc.mentions + again, key=lambda m: m.start)
    if any(p.country is None for p in people):
        # A foreign name whose country the text never states: the article's counterpart.
        counterpart = main_foreign_party(doc, lex)
        for person in people:
            if person.country is None:
                person.country = counterpart
    doc.record.people = people


# "đoàn Hàn Quốc do ông X làm trưởng đoàn", "X dẫn đầu đoàn đại biểu CHDCND Triều Tiên":
# the head of a delegation serves the state the delegation comes from.
DELEGATION_BEFORE = re.compile(r"[Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+$")
HEAD_BY = re.compile(r"^\s+(?:\([^()]{1,12}\)\s+)?do\s+(?:ông\s+|bà\s+)?$")  # "(UNHCR) do bà"
LEADS_DELEGATION = re.compile(
    r"^(?:\s*,[^.;]{0,80}?)?\s+(?:dẫn đầu|làm [Tt]rưởng đoàn)\s+[Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+$"
)


def delegation_countries(
    doc: Doc, lex: Lexicons, mentions: list[Mention], resolver: Resolver
) -> None:
    """The country of a person the text names only as a delegation's head, when the family
    name alone gave it (a Korean "Hoang", a North Korean "Yang") or nothing did ("đoàn Cao
    ủy Liên hợp quốc về người tị nạn (UNHCR) do bà Erika Feller … làm Trưởng đoàn")."""
    body = doc.body
    parties = [
        (s, e, codes[0])
        for s, e, codes in lex.find_in(doc.matches, "party_names", body)
        if codes[0] != "-"
    ]
    only_side(parties, resolver.sino, resolver, "CHN", "VNM")
    unplaced = [g or p.country is None for g, p in zip(resolver.guessed, resolver.people)]
    if not any(unplaced):
        return
    for m in mentions:
        if not (0 <= m.person < len(unplaced)) or not unplaced[m.person]:
            continue
        code = None
        for s, e, party in parties:
            if e <= m.start and m.start - e < 30 and HEAD_BY.match(body[e : m.start]):
                if DELEGATION_BEFORE.search(body, max(0, s - 30), s):
                    code = party
            elif m.end < s < m.end + 160 and LEADS_DELEGATION.match(body[m.end : s]):
                code = party
        if code and getattr(lex.party(code), "kind", "") in ("state", "org"):
            resolver.people[m.person].country = code
            resolver.guessed[m.person] = False
    only_side(parties, resolver.guessed, resolver, "PRK", "KOR")


def only_side(
    parties: list[tuple[int, int, str]],
    flags: list[bool],
    resolver: Resolver,
    side: str,
    other: str,
) -> None:
    """In news that names `side` and never `other`, a flagged person given `other`'s
    country by the look of the name is `side`'s: a Sino-Vietnamese name in news from
    China ("Chủ tịch Hồ Cẩm Đào"), a Korean family name in news that names only the North
    ("Thứ trưởng Bộ Ngoại giao Choi Su Hon")."""
    named = {code for _, _, code in parties}
    if side not in named or other in named:
        return
    for i, person in enumerate(resolver.people):
        if flags[i] and person.country == other:
            person.country = side


def official_context(doc: Doc, mentions: list[Mention], index: int) -> bool:
    spans = [m for m in mentions if m.person == index]
    if not spans:
        return False
    first = spans[0]
    for start, end in doc.sentences:
        if start <= first.start < end:
            return sum(1 for m in mentions if start <= m.start < end and m.titles) >= 2
    return False


# "đã có cuộc gặp với ông X", "hội đàm với bà X", "đã gặp ông X": the other side of a
# meeting, named by an honorific right after the meeting's word.
MET_BEFORE = re.compile(
    r"(?:\b(?:cuộc|buổi)\s+(?:gặp(?:\s+gỡ|\s+mặt)?|hội đàm|hội kiến|tiếp xúc|điện đàm)\s+với"
    r"|\b(?:đã|sẽ|vừa|đang)\s+(?:gặp(?:\s+gỡ|\s+mặt)?|hội đàm với|hội kiến|tiếp|điện đàm với))\s+$"
)


def met_by_official(doc: Doc, mentions: list[Mention], index: int, keep: list[bool]) -> bool:
    """Whether a person named without a title ("Ông Luzkov đã có cuộc gặp với ông Aslan
    Abashidze") is the other side of a meeting that an official the text has already
    named holds in the same sentence: a side of talks with an official acts for a state."""
    for m in mentions:
        if m.person != index:
            continue
        if not MET_BEFORE.search(doc.body, max(0, m.start - 40), m.start):
            continue
        for start, end in doc.sentences:
            if start <= m.start < end:
                return any(
                    start <= o.start < m.start and o.person != index and keep[o.person]
                    for o in mentions
                    if 0 <= o.person < len(keep)
                )
    return False


# "một nhóm hạ nghị sĩ Mỹ do ông X dẫn đầu", "dẫn đầu đoàn là ông X": whoever heads a
# delegation acts for a state, title or not.
LED_BY_BEFORE = re.compile(r"\bdo\s+$")
LEADS_AFTER = re.compile(r"\s+(?:dẫn đầu|làm [Tt]rưởng đoàn)\b")
HEAD_IS_BEFORE = re.compile(r"(?:dẫn đầu|[Tt]rưởng)\s+(?:phái\s+)?đoàn\s+(?:này\s+)?là\s+$")


def heads_delegation(body: str, mentions: list[Mention], index: int) -> bool:
    """Whether a person named without a title heads a delegation somewhere in the text."""
    for m in mentions:
        if m.person != index:
            continue
        before = body[max(0, m.start - 24) : m.start]
        if HEAD_IS_BEFORE.search(before) or (
            LED_BY_BEFORE.search(before) and LEADS_AFTER.match(body, m.end)
        ):
            return True
    return False


# Items of one list of officials: "bà Rice, Bộ trưởng Quốc phòng Mỹ Donald Rumsfeld và Cố vấn
# An ninh Quốc gia Stephen Hadley".
LIST_JOINER = re.compile(r"\s*(?:,|,?\s*và|cùng)\s*")
# Lists whose items stand for different sides: "giữa A và B", "A và người đồng cấp B".
SIDES_BEFORE = re.compile(r"\bgiữa\s+$")
COUNTERPART_TITLES = ("người đồng cấp", "người đồng nhiệm")


def list_countries(body: str, lex: Lexicons, mentions: list[Mention], resolver: Resolver) -> None:
    """The country of a titled official named in a list right after an official of a
    stated state, when nothing else gives it: the press names the state once for the
    officials it lists together."""
    for prev, mention in itertools.pairwise(mentions):
        index = mention.person
        if not (0 <= index < len(resolver.people)) or resolver.people[index].country:
            continue
        if not (mention.name and mention.titles and prev.country and 0 <= prev.person):
            continue
        if getattr(lex.party(prev.country), "kind", "") != "state":
            continue
        if not LIST_JOINER.fullmatch(body, prev.end, mention.start):
            continue
        if SIDES_BEFORE.search(body, max(0, prev.start - 8), prev.start) or any(
            t.vi.lower().startswith(COUNTERPART_TITLES) for t in mention.titles
        ):
            continue
        resolver.people[index].country = prev.country
        resolver.guessed[index] = False
