"""Mentions: every place the body names an official, in text order.

A title chain and a name, an honorific and a name with its apposition, a title alone
that points back to someone named before, and the bare full names of officials the
lexicons know. Mentions are not yet people: the resolver joins them.
"""

from __future__ import annotations

import re
from typing import Any

from diplonews.extract import officials
from diplonews.extract.doc import Mention
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.people.names import (
    PLACE_BEFORE,
    TOKEN,
    VIETNAMESE_SYLLABLE,
    Found,
    is_capitalised,
    office_syllable,
    read_name,
    skip_spaces,
)
from diplonews.extract.people.offices import name_after_office, office_place_country
from diplonews.extract.people.titles import (
    apposition,
    name_before_title,
    read_titles,
    state_after_name,
)
from diplonews.text import fold, has_vietnamese_letters

PLURAL_BEFORE = ("các ", "những ", "hai ", "ba ", "nhiều ", "mọi ", "vị ")
# "Ngoại trưởng ba nước Hàn-Mỹ-Nhật", "Thủ tướng hai nước": the title of the officials of
# states counted, none of them alone (for two, the events stage takes the pair of the visit
# just told, see merging.BOTH_SIDES; "trưởng SOM các nước ASEAN" is left as it was, as
# taking it as no one merged two told meetings into one of the wrong date).
PLURAL_AFTER = re.compile(
    r"\s+(?:của\s+)?(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+)\s+(?:nước|quốc gia)\b"
)
# A title written as capitals ("TT" for Tổng thống, "ĐBQH"): 2000s papers abbreviate other
# words the same way ("TT" is also Trung tâm), so it names an official only before a name.
ABBREVIATION = re.compile(r"(?:Phó\s+)?[A-ZĐ]{2,}\b")  # "Phó TT" too


def name_next(body: str, at: int) -> bool:
    """Whether a capitalised word that is no acronym stands at `at` ("Bush", "Mỹ")."""
    word = TOKEN.match(body, at)
    return word is not None and is_capitalised(word.group()) and not word.group().isupper()


def foreign_name(name: str, found: Found) -> bool:
    """Whether a name reads as foreign, so that the office after it may give its state:
    no letter only Vietnamese has, and no Vietnamese family name first ("Cao Minh Hoàng",
    "Lý Hoàng Nam" are written with letters French has too)."""
    if has_vietnamese_letters(name):
        return False
    first = TOKEN.match(name)
    return not (first and found.surnames.get(first.group()) == "VNM")


def vietnamese_name(body: str, span: tuple[int, int]) -> bool:
    """Whether every word of the name at `span` is a Vietnamese syllable ("Tân Khoa")."""
    return all(VIETNAMESE_SYLLABLE.fullmatch(fold(w)) for w in body[span[0] : span[1]].split())


def find_mentions(body: str, lex: Lexicons, cache: dict[str, Any] | None = None) -> list[Mention]:
    """Every title+name, honorific+name and title-alone mention, in text order."""
    cache = {} if cache is None else cache
    honorifics = honorific_starts(body, lex, cache)
    if not honorifics and not lex.find_in(cache, "titles", body):
        return []  # no title and no "ông"/"bà": nobody is named as an official here
    found = Found.scan(body, lex, cache)
    mentions: list[Mention] = []
    consumed_until = -1
    starts = sorted(set(found.titles) | honorifics)
    for start in starts:
        if start < consumed_until:
            continue
        if start in found.titles and (
            IN_EVENT_NAME.search(body[max(0, start - 30) : start])
            or (
                body.startswith("quyền", start)
                and NOT_A_TITLE.search(body[max(0, start - 8) : start])
            )
        ):
            continue  # "Hội nghị Bộ trưởng Ngoại giao …" names a meeting, not a minister
        if start in found.titles:
            p, titles, country = read_titles(body, start, found)
            q = skip_spaces(body, p)
            abbreviated = ABBREVIATION.match(body, start) is not None
            if abbreviated and not name_next(body, q):
                continue  # "TT LTĐH số 371 …", "TT số 101 …": a centre (Trung tâm), not "TT Bush"
            if body.startswith(found.words.honorifics, q):  # rarely: one test in C first
                q += len(next(h for h in found.words.honorifics if body.startswith(h, q)))
            span = read_name(body, q, found) or named_as(body, q, found)
            if abbreviated and (not span or vietnamese_name(body, span)):
                continue  # "TT Tân Khoa": a centre's name; "TT" is a foreign president's
            if (
                span
                and office_syllable(body, span)
                and not officials.load(lex).offices(body[span[0] : span[1]])
            ):  # "Thủ tướng Ôn tới …": a leader the news names by one syllable
                span = None  # "Trưởng ban Đối ngoại …": a word of the office, not a name
            elif span and (held := portfolio_holder(body, span, q, found)) is not None:
                span, country = held[0], country or held[1]
            elif (
                span
                and body[span[0] : span[1]] in found.short_forms
                and PREDICATE.search(body, max(0, start - 6), start)
            ):
                span = None  # "là thủ tướng Anh đầu tiên": what someone is, not who
            if span:
                more_end, more, more_country = apposition(
                    body, span[1], found, foreign_name(body[span[0] : span[1]], found)
                )
                more_country = (
                    more_country
                    or state_after_name(body, span[1], found)
                    or office_place_country(found, start, span[0], body)
                )
                mentions.append(
                    Mention(
                        start,
                        span[1],
                        body[span[0] : span[1]],
                        titles + more,
                        country or more_country,
                        before_name=len(titles),
                    )
                )
                consumed_until = max(span[1], more_end)
            elif (span := name_after_office(body, q, found)) is not None:
                mentions.append(
                    Mention(
                        start,
                        span[1],
                        body[span[0] : span[1]],
                        titles,
                        country or office_place_country(found, start, span[0], body),
                        before_name=len(titles),
                    )
                )
                consumed_until = span[1]
            elif (back := name_before_title(body, start, consumed_until, found)) is not None:
                # "…”, Jorge Valero, đại sứ Venezuela tại OAS phát biểu": the name comes first
                mentions.append(
                    Mention(back[0], p, body[back[0] : back[1]], titles, country, before_name=0)
                )
                consumed_until = p
            else:
                # A title alone points back to someone named earlier, unless it is plural
                # ("các Bộ trưởng") or part of a longer name ("Chủ tịch Nhóm Nghị sĩ…").
                before = body[max(0, start - 8) : start]
                following = TOKEN.match(body, q)
                if (
                    not abbreviated  # "số liệu của TT": a centre, not a president told before
                    and not before.endswith(PLURAL_BEFORE)
                    and not PLURAL_AFTER.match(body, p)
                    and not (following and is_capitalised(following.group()))
                    and not PLACE_BEFORE.search(body[max(0, start - 30) : start])
                ):
                    # "người đứng đầu Nhà Trắng": the seat in the office gives the state
                    country = country or office_place_country(found, start, p, body)
                    mentions.append(Mention(start, p, None, titles, country, anaphoric=True))
                consumed_until = p
        else:
            honorific = next((h for h in found.words.honorifics if body.startswith(h, start)), "")
            if not honorific:
                continue
            at = start + len(honorific)
            span = read_name(body, at, found)
            if not span:  # "ông Ban Ki-moon": a name that opens with a stop word
                first = TOKEN.match(body, at)
                if not (first and first.group() in found.words.stops):
                    continue
                span = name_after_office(body, at, found)
                if (not span or span[0] != at) and short_form_word(body, first, found):
                    span = first.span()  # "Ông Ban sẽ gặp …": Ban Ki-moon, named before
                if not span or span[0] != at:
                    continue
            more_end, more, country = apposition(
                body, span[1], found, foreign_name(body[span[0] : span[1]], found)
            )
            after = body[span[1] : span[1] + 40].lower()
            if not more and after.lstrip(" ,").startswith(found.words.not_official):
                consumed_until = span[1]
                continue
            mentions.append(
                Mention(start, max(span[1], more_end), body[span[0] : span[1]], more, country)
            )
            consumed_until = max(span[1], more_end)
    added = known_after_with(body, lex, found, mentions)
    added += known_bare(body, lex, mentions + added, cache)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def portfolio_holder(
    body: str, span: tuple[int, int], at: int, found: Found
) -> tuple[tuple[int, int], str | None] | None:
    """The holder named after a portfolio the lexicons lack, and the state before the name
    ("Bộ trưởng Tài nguyên Thiên nhiên Nga Yuri Trutnev"): a lone Vietnamese syllable
    with a lower-case word after it opens the portfolio's name ("Tài nguyên"), not a family
    name, when a name of two words or more follows right after a state, with no word of
    the clause between (the office's own shape: portfolio, state, holder)."""
    word = body[span[0] : span[1]]
    if (
        " " in word
        or "-" in word
        or word.isascii()
        or not VIETNAMESE_SYLLABLE.fullmatch(fold(word))
    ):
        return None
    nxt = TOKEN.match(body, skip_spaces(body, span[1]))
    if not (nxt and nxt.group()[:1].islower()):
        return None
    held = name_after_office(body, at, found)
    if held is None or " " not in body[held[0] : held[1]]:
        return None
    before = next(
        (
            (s, c)
            for s, (e, c) in found.parties.items()
            if c != "-" and skip_spaces(body, e) == held[0]
        ),
        None,
    )
    if before is None or not office_words(body[span[0] : before[0]]):
        return None
    return held, before[1]


def office_words(text: str) -> bool:
    """Whether words read as an office's name: each phrase opens with a capital, so a
    lower-case word (but "và") follows a capitalised one ("Tài nguyên Thiên nhiên",
    "Khoa học và Công nghệ"), never another ("Hồ khẳng định …" is a clause)."""
    words = text.split()
    return all(
        w[:1].isupper() or w == "và" or (i and words[i - 1][:1].isupper())
        for i, w in enumerate(words)
    )


PREDICATE = re.compile(r"\blà\s+$")
# "đặc phái viên của Thủ tướng Nhật là Taku Yamasaki", "người đứng đầu phái đoàn là ông
# X": the office first, then who holds it.
HELD_BY = re.compile(r"là\s+(?:ông\s+|bà\s+)?(?=[A-ZĐÀ-Ỹ])")


def named_as(body: str, at: int, found: Found) -> tuple[int, int] | None:
    """The name of the holder an office names after "là", or None."""
    held = HELD_BY.match(body, at) if body.startswith("là", at) else None
    return read_name(body, held.end(), found) if held else None


def short_form_word(body: str, word: re.Match[str], found: Found) -> bool:
    """Whether a stop word after an honorific is a family name standing alone ("Ông Ban
    sẽ gặp …", "ông Từ nói"): a family name that is also a word of the sentence ("ban",
    "do", "từ") is one only so; it names a person if someone so named came before (the
    resolver drops it otherwise)."""
    if word.group() not in found.surnames:
        return False
    nxt = TOKEN.match(body, skip_spaces(body, word.end()))
    return body[word.end() : word.end() + 1] != "-" and not (nxt and is_capitalised(nxt.group()))


# "chính quyền (Tổng thống) X", "dưới thời X", "nội các X": an administration or an era named
# after its leader, not the leader acting.
GOVERNMENT_OF = re.compile(
    r"(?:[Cc]hính quyền|[Cc]hính phủ|[Nn]ội các|thời|[Tt]hời kỳ|[Kk]ỷ nguyên)\s+"
    r"(?:(?:của\s+)?(?:[Tt]ổng thống|[Tt]hủ tướng|ông|bà)\s+)?$"
)


def known_bare(
    body: str, lex: Lexicons, mentions: list[Mention], cache: dict[str, Any]
) -> list[Mention]:
    """Full names that officials.tsv knows, named anywhere without a title or honorific
    ("Toà án … khẳng định Viktor Yushchenko là người chiến thắng", "Bremer tiết lộ"): the
    leaders of the time are officials wherever the news names them. Kept to the forms the
    lexicon lists, written with capitals: a full name, or the one word the news names a
    leader by ("Putin", "Bush"), never a common phrase."""
    added: list[Mention] = []
    for start, end, _ in lex.find_in(cache, "known_names", body):
        if not body[start].isupper() or any(m.start <= start < m.end for m in mentions):
            continue
        if GOVERNMENT_OF.search(body, max(0, start - 40), start):
            continue  # "chính quyền Lee Jae Myung": a government, not the person acting
        one_word = " " not in body[start:end]
        if one_word and (
            has_vietnamese_letters(body[start:end])  # "Ôn" (Ôn Gia Bảo): after a title only
            or part_of_longer_name(body, start)
            or FAMILY_OF.search(body, max(0, start - 12), start)
        ):
            continue
        if any(start <= m.start < end for m in mentions):
            continue
        # a bare one-word name ("Bush nói") is too loose to act in an event alone: family_names
        # decides when it stands for someone named before
        added.append(Mention(start, end, body[start:end], people_only=one_word))
    return added


# "dòng họ Bush", "gia đình Bush": a family, not the leader
FAMILY_OF = re.compile(r"(?:[Dd]òng họ|[Gg]ia đình|[Hh]ọ nhà)\s+$")


def part_of_longer_name(body: str, start: int) -> bool:
    """Whether a leader's one-word name at `start` ends a longer name: after an initial
    ("George W.Bush") or a given name ("Laura Bush", "Kojo Annan"), it is someone else's
    or a spelling the name reader reads whole."""
    if start and body[start - 1] in ".-":
        return True
    before = body[max(0, start - 24) : start]
    word = before.split()[-1:] if before.endswith(" ") else []
    return bool(word) and word[0][:1].isupper() and word[0].isalpha()


# "hội đàm với Colin Powell": the counterpart named bare, with neither title nor honorific
WITH_NAME = re.compile(r"\s+(?=[A-ZÀ-ỸĐ])")


def known_after_with(
    body: str, lex: Lexicons, found: Found, mentions: list[Mention]
) -> list[Mention]:
    """Bare names after "với" that officials.tsv knows in full: a known official is an
    official without a title. Kept to full names, so a family name alone never counts."""
    added: list[Mention] = []
    known = officials.load(lex)
    at = body.find("với")
    while at >= 0:  # str.find, then a match at the word: a regex over the body costs 5×
        m = WITH_NAME.match(body, at + 3)
        word = not at or not (body[at - 1].isalnum() or body[at - 1] == "_")  # \b
        at = body.find("với", at + 3)
        if m is None or not word:
            continue
        span = read_name(body, m.end(), found)
        if not span or any(x.start <= span[0] < x.end for x in mentions):
            continue
        name = body[span[0] : span[1]]
        if " " in name and known.offices(name):
            added.append(Mention(span[0], span[1], name))
    return added


# "chính quyền Tổng thống X" is a government, not an acting president; "Chính Tổng thư ký X"
# ("X himself") is the official.
NOT_A_TITLE = re.compile(r"(?:chính|[Cc]hính)\s+$")
IN_EVENT_NAME = re.compile(r"(?:[Hh]ội nghị|[Cc]uộc họp|[Đđ]ối thoại|[Dd]iễn đàn)\s+(?:hẹp\s+)?$")


def honorific_starts(body: str, lex: Lexicons, cache: dict[str, Any]) -> set[int]:
    """Where "ông ", "bà ", "Ngài "… start a word: found in the lexicons' one pass over the
    body (`Lexicons.honorifics`), where a regex of their own cost 2.5% of a corpus article's
    extraction ("ông " ends "không ", "công ", "thông " many times an article)."""
    return {start for start, _, _ in lex.find_in(cache, "honorifics", body)}
