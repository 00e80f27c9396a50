"""Officials named again by family name alone: "Lavrov sẽ gặp Ngoại trưởng Mỹ Colin
Powell", "sau cuộc gặp với Abbas". World news names a foreign official in full once, with
a title, and from then on by the family name (the last word; the first of a Korean, Chinese
or Japanese name written family name first: "Roh"), without title or honorific; those
mentions are the same person acting, and the events stage needs them to see who met whom.

Kept to what cannot be a word of the sentence: the last word of a foreign name already
given in full earlier in the text, capitalised, at least four letters, no Vietnamese
letters, not a state or place, not shared by two people of the article, and standing
alone (no capitalised word right before or after it, which would make it another name).

Where the sentence itself makes the word a side of talks ("hội đàm với Abe", "các cuộc
hội đàm giữa Putin, Gazprom và …", "Lavrov sẽ gặp …"), less is asked: three letters are
enough, the full name may come later, and a one-word name counts if a title vouched for
it ("Tổng thống Putin"). This module alone decides which person a bare family name
names; the events stage reads these mentions as any other.
"""

from __future__ import annotations

import re
from typing import Any

from diplonews.extract import officials
from diplonews.extract.doc import Mention
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.record import Person
from diplonews.text import has_vietnamese_letters

SHORTEST = 4  # "Bush", "Rice": a shorter last word is too often a syllable of something else
SHORTEST_AS_SIDE = 3  # "Abe" after "với": "Li", "Ma" are too common as syllables even there
REGNAL = re.compile(r"[IVX]+")
# "chính quyền Bush", "thời Putin", "học thuyết Bush": an administration, an era or a
# policy named after the leader, not the leader acting.
NOT_ACTING = re.compile(
    r"(?:[Cc]hính quyền|[Cc]hính phủ|[Nn]ội các|thời|[Tt]hời kỳ|[Kk]ỷ nguyên|học thuyết"
    r"|đảng|phe|nhóm|gia đình|lực lượng|ủng hộ|người ủng hộ)\s+$"
)
WORD_CHAR = re.compile(r"[\w-]")
# "Ông Bush sẽ đến Ấn Độ …" before "tổng thống Bush" is written out: the honorific says
# the word names a person, and a verb of travel after it makes him the traveller.
HONORIFIC = re.compile(r"(?:^|(?<=\s))(?:[Ôô]ng|[Bb]à|[Nn]gài)\s+$")
TRAVELS_AFTER = re.compile(
    r"\s+(?:(?:đã|đang|sẽ|vừa|cũng|tiếp tục|dự kiến)\s+)*(?:tới|đến|sang|thăm|công du)\b"
)
# "cuộc gặp kéo dài 2 giờ đồng hồ với Abbas", "các cuộc hội đàm giữa Putin, Gazprom và …":
# the word right after "với" or "giữa" …
SIDE_AFTER = re.compile(r"\b(?:với|giữa)\s+$")
# … or the subject right before a verb of talks: "Lavrov sẽ gặp Ngoại trưởng Mỹ …".
SIDE_BEFORE = re.compile(
    r"\s+(?:(?:đã|đang|sẽ|vừa|cũng|còn|tiếp tục|dự kiến)\s+)*"
    r"(?:gặp|hội đàm|điện đàm|đàm phán|hội kiến|thảo luận với)\b"
)


def usable_word(
    name: str, openers: frozenset[str], lex: Lexicons, shortest: int = SHORTEST
) -> str | None:
    """The family name a foreign full name may be shortened to, or None. A one-word name
    is returned whole; the caller decides whether it may stand for its person."""
    if has_vietnamese_letters(name):
        return None
    last = family_word(name, lex)
    if (
        len(last) < shortest
        or not last[0].isupper()
        or last.isupper()  # an acronym or initials
        or REGNAL.fullmatch(last)
        or not last.replace("-", "").isalpha()
        or last in openers
        or last in lex.party_short
    ):
        return None
    return last


# States whose names put the family name first ("Roh Moo-hyun", "Chung Dong-young").
FAMILY_FIRST = frozenset({"KOR", "PRK", "CHN", "TWN", "JPN"})


def family_word(name: str, lex: Lexicons) -> str:
    """The word of a full name the news shortens it to: the last ("Colin Powell" →
    "Powell"), or the first in an East Asian name written family name first ("Roh
    Moo-hyun" → "Roh", "Koizumi Junichiro" → "Koizumi"), known by a family name of those
    states first and none last."""
    words = name.split()
    if (
        len(words) > 1
        and lex.surnames.get(words[0]) in FAMILY_FIRST
        and words[-1] not in lex.surnames
    ):
        return words[0]
    return words[-1]


def back_references(
    body: str,
    people: list[Person],
    mentions: list[Mention],
    lex: Lexicons,
    cache: dict[str, Any],
    openers: frozenset[str],
) -> list[Mention]:
    """Mentions of people by family name alone, after they were named in full, or anywhere
    as a side of talks. `openers` are the capitalised words that cannot be part of a name
    ("Sau", "Khi", "Bộ")."""
    first_seen: dict[int, int] = {}
    for m in mentions:
        if m.person >= 0 and m.name and len(m.name.split()) > 1:
            first_seen.setdefault(m.person, m.end)
    by_word: dict[str, set[int]] = {}
    for index, official in enumerate(people):
        if " " not in official.name and not official.titles:
            continue  # a one-word name that no title vouches for may be no person at all
        word = usable_word(official.name, openers, lex, SHORTEST_AS_SIDE)
        if word:
            by_word.setdefault(word, set()).add(index)
    if not by_word:
        return []
    taken = [(m.start, m.end) for m in mentions]
    taken += [(s, e) for s, e, _ in lex.find_in(cache, "party_names", body)]
    taken += [(s, e) for s, e, _ in lex.find_in(cache, "places", body)]
    added: list[Mention] = []
    for word, persons in by_word.items():
        if len(persons) > 1:
            continue  # two people of one family name: the short form names neither surely
        person = next(iter(persons))
        # Anywhere after the full name: a foreign full name's last word of four letters,
        # or a one-word name a title gave that officials.tsv knows ("Tổng thống Nga Putin
        # … Putin phát biểu …").
        anywhere = len(word) >= SHORTEST and (
            word != people[person].name or bool(officials.load(lex).offices(word))
        )
        if anywhere and word == people[person].name:
            first_seen.setdefault(person, first_titled(mentions, person))
        since = first_seen.get(person, len(body)) if anywhere else len(body)
        at = body.find(word)
        while at >= 0:
            end = at + len(word)
            if (
                (at >= since or as_side(body, at, end) or travels(body, at, end))
                and alone(body, at, end, openers)
                and not any(s <= at < e for s, e in taken)
                and not NOT_ACTING.search(body, max(0, at - 24), at)
            ):
                added.append(Mention(at, end, word, person=person, anaphoric=True))
            at = body.find(word, end)
    return added


def first_titled(mentions: list[Mention], person: int) -> int:
    """Where the first mention of a person with a title ends (the body's length when
    none has one)."""
    return next((m.end for m in mentions if m.person == person and m.titles), 10**9)


def as_side(body: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) is a side of talks by its place in the sentence:
    right after "với"/"giữa", or the subject right before a verb of talks."""
    return bool(SIDE_AFTER.search(body, max(0, start - 8), start) or SIDE_BEFORE.match(body, end))


def travels(body: str, start: int, end: int) -> bool:
    """Whether the word at [start, end), after an honorific, is the subject of a trip
    ("Ông Bush sẽ đến Ấn Độ", "bà Rice đã tới Baghdad")."""
    return bool(HONORIFIC.search(body, max(0, start - 6), start) and TRAVELS_AFTER.match(body, end))


def alone(body: str, start: int, end: int, openers: frozenset[str]) -> bool:
    """Whether the word at [start, end) stands by itself: not glued to initials ("G.Bush")
    or a hyphen, and no capitalised word right before or after it ("Jenna Bush", "Abbas
    Zaki"), which would make it part of another name."""
    if start and (WORD_CHAR.match(body, start - 1) or body[start - 1] == "."):
        return False
    if WORD_CHAR.match(body, end):
        return False
    previous = PREVIOUS_WORD.search(body, max(0, start - 40), start)
    if previous and previous.group(1)[:1].isupper() and previous.group(1) not in openers:
        return False
    following = NEXT_WORD.match(body, end)
    return not (following and following.group(1)[:1].isupper())


# The word right before or after, joined by a single space (a word that ends in
# punctuation closes its clause and is not part of the name).
PREVIOUS_WORD = re.compile(r"(?:^|\s)([^\W\d_][\w-]*) $")
NEXT_WORD = re.compile(r" ([^\W\d_][\w-]*)(?=[\s,.;:!?)]|$)")
