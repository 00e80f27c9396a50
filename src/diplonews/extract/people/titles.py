"""Title chains and appositions: which offices a person holds, and for which state.

"Phó Thủ tướng, Bộ trưởng Ngoại giao Lào", "Tổng thống đương nhiệm Hàn Quốc", "ông X,
Trưởng SOM ASEAN của Việt Nam", "Jorge Valero, đại sứ Venezuela": the offices written
around a name and the state they name or point back to ("nước này"). Kept apart from
name reading because an office's words are read by the lexicon, a name's by its shape.
"""

from __future__ import annotations

import re

from diplonews.extract.lexicons import Title
from diplonews.extract.people.names import (
    TOKEN,
    Found,
    is_capitalised,
    name_not_party,
    read_name,
    skip_spaces,
)
from diplonews.extract.people.offices import PAREN_ACRONYM, name_after_office

# Modifiers that may stand between a title and the rest: "Tổng thống đương nhiệm Hàn Quốc".
TITLE_MODIFIERS = ("đương nhiệm ", "mãn nhiệm ", "tiền nhiệm ", "lâm thời ", "sắp mãn nhiệm ")

HEAD_OF_STATE_CHAIR = ("Chủ tịch", "chủ tịch")
HEAD_OF_STATE_TITLE = Title("Chủ tịch", "President", "head_of_state")

# What opens an apposition: a comma, or a dash ("ông X – người đứng đầu phái đoàn Y –",
# or an em dash: "ông X — người đứng đầu phái đoàn Y — cho biết")
COMMA = re.compile(r"[ \t]*(?:,|[–—]|(?<=[ \t])-(?=[ \t]))[ \t]*")
KIEM = re.compile(r"[ \t]*kiêm[ \t]*")
ORG_HEADS = (
    "Nhóm ",
    "Hội ",
    "Ủy ban ",
    "Uỷ ban ",
    "Ban ",
    "Hiệp hội ",
    "Quỹ ",
    "Liên hiệp ",
    "Đoàn ",
    "Viện ",
    "Học viện ",
    "Trung tâm ",
)
CHAIN_JOINER = re.compile(r"[ \t]*(?:,|-|–|kiêm|và)[ \t]*")

# A state, bloc or organisation named inside a title is whom its holder serves: "Chủ tịch
# Ngân hàng Thế giới" (WB), "Tổng Thư ký ASEAN", "Thủ tướng Nhật Bản".
OFFICE_PARTY_KINDS = frozenset({"state", "bloc", "org"})


def envoy_city_end(body: str, q: int, lead: str, titles: list[Title], found: Found) -> int:
    """The end of the city an envoy is posted to, named after "tại"/"ở" at `q` ("Tổng Lãnh
    sự Hungary tại TPHCM"), or 0: the post, with the envoy's name still to come."""
    at = q + len(lead)
    if not (titles and titles[-1].level == "ambassador" and body.startswith(lead, q)):
        return 0
    return next((e for s, e in found.place_spans if s == at), 0)


def read_titles(body: str, pos: int, found: Found) -> tuple[int, list[Title], str | None]:
    """Titles and country chained from `pos`: "Phó Thủ tướng, Bộ trưởng Ngoại giao Lào"."""
    titles: list[Title] = []
    country: str | None = None
    office_country: str | None = None  # a state or bloc named inside a title
    p = pos
    while True:
        q = skip_spaces(body, p)
        if titles:
            modifier = next((m for m in TITLE_MODIFIERS if body.startswith(m, q)), None)
            if modifier:
                p = q + len(modifier)
                continue
        if titles and q not in found.titles and PAREN_ACRONYM.match(body, q):
            p = PAREN_ACRONYM.match(body, q).end()  # type: ignore[union-attr]
            continue  # "Tổng thống (TT) Mỹ George W. Bush": the title's abbreviation
        if q in found.titles:
            end, title = found.titles[q]
            titles.append(title)
            inside = next(
                (found.parties[i][1] for i in range(q + 1, end) if i in found.parties), None
            )
            info = found.party_info.get(inside) if inside else None
            if info and info.kind in OFFICE_PARTY_KINDS:
                office_country = office_country or inside  # "Tổng Thư ký ASEAN"
            p = end
            continue
        short = (
            TOKEN.match(body, q) if titles and country is None and q not in found.parties else None
        )
        if short and short.group() in found.short_forms:
            after = TOKEN.match(body, skip_spaces(body, short.end()))
            if not (after and is_capitalised(after.group()) and not after.group().isascii()):
                # "thủ tướng Anh": the state of the office, for the events stage (not
                # "Bộ trưởng Anh Tuấn", a Vietnamese given name)
                found.titled_shorts[short.start()] = (short.end(), found.short_forms[short.group()])
            if after and is_capitalised(after.group()):
                country = found.short_forms[short.group()]  # "Thủ tướng Anh Keir Starmer"
                p = short.end()
                continue
        half = next((h for h in found.regions if body.startswith(h, q)), None) if titles else None
        if half:
            country = country or found.regions[half]
            p = q + len(half)
            continue
        if q in found.parties and not name_not_party(body, q, found):
            end, code = found.parties[q]
            if code != "-" and country is None:
                country = code
                if titles and titles[-1].vi in HEAD_OF_STATE_CHAIR:
                    titles[-1] = HEAD_OF_STATE_TITLE  # "Chủ tịch Trung Quốc": the president
            p = end
            continue
        this = THIS_STATE.match(body, q) if titles and country is None else None
        if this:  # "Ngoại trưởng nước này Jack Straw": the state the text has just named
            country = state_named_before(body, pos, found)
            p = this.end()
            continue
        for lead in ("tại ", "ở "):
            if body.startswith(lead, q) and (q + len(lead)) in found.parties:
                p = found.parties[q + len(lead)][0]  # the post of an envoy, not a nationality
                break
            post_city = envoy_city_end(body, q, lead, titles, found)
            if post_city:  # "Tổng Lãnh sự Hungary tại TPHCM Nyerki József": a consul's city
                p = post_city
                break
        else:
            lead = next((w for w in ("của ", "nước ") if body.startswith(w, q)), "")
            if lead and (q + len(lead)) in found.parties:
                # "Bộ trưởng Ngoại giao nước CHND Bangladesh": the state of the office
                end, code = found.parties[q + len(lead)]
                country = country or (code if code != "-" else None)
                p = end
                continue
            compound = TOKEN.match(body, q) if titles else None
            if (
                compound
                and "-" in compound.group()
                and all(part in found.short_forms for part in compound.group().split("-") if part)
            ):
                p = compound.end()  # "… hữu nghị Việt-Nhật": which friendship, not who
                continue
            ministry = MINISTRY_OF.match(body, q) if titles else None
            if ministry:  # "Đại sứ … thuộc Bộ Ngoại giao Trung Quốc": whose ministry
                q = ministry.end()
            portfolio = (
                next((w for w in found.words.portfolios if body.startswith(w, q)), None)
                if titles and body.startswith(found.words.portfolios, q)  # one test in C first
                else None
            )
            if portfolio:  # "Trợ lý Bộ trưởng Quốc phòng Mỹ": which ministry, not who
                p = q + len(portfolio)
                continue
            if titles and org_head(body, q):  # "Chủ tịch Nhóm Nghị sĩ hữu nghị Việt-Nhật"
                after_org = skip_org(body, q, found)
                if after_org > q:
                    p = after_org
                    continue
            if titles:  # after a country only "kiêm" goes on: a comma starts someone new
                j = CHAIN_JOINER.match(body, q) if country is None else KIEM.match(body, q)
                if j and j.end() > q and skip_spaces(body, j.end()) in found.titles:
                    p = j.end()
                    continue
            return p, titles, country or office_country
        continue


# The ministry an office belongs to, written after it: "Vụ trưởng … thuộc Bộ Ngoại giao Nhật
# Bản", "Đại sứ … của Bộ Ngoại giao Trung Quốc"; its state follows.
MINISTRY_OF = re.compile(r"(?:thuộc|của)\s+(?:Bộ|bộ)\s+")
THIS_STATE = re.compile(r"(?:của\s+)?(?:nước|quốc gia)\s+này\b")
SENTENCE_END = re.compile(r"[.!?\n]\s")


def state_named_before(body: str, pos: int, found: Found) -> str | None:
    """The state "nước này" points back to: the first state named in the sentence before
    `pos`, else in the sentence before it (its subject, as a rule: "Anh kêu gọi Iran …
    Ngoại trưởng nước này" is Britain's)."""
    end = pos
    for _ in range(2):
        start = max(
            (m.end() for m in SENTENCE_END.finditer(body, max(0, end - 400), end)), default=0
        )
        for at in range(start, end):
            if at in found.parties:
                code = found.parties[at][1]
                if code != "-" and getattr(found.party_info.get(code), "kind", "") == "state":
                    return code
        if start == 0:
            break
        end = start - 1
    return None


# Words of a clause's predicate, never of an organisation's name ("Hội Bảo vệ người tiêu
# dùng", "Liên hiệp các tổ chức hữu nghị" hold other lower-case words).
CLAUSE_VERBS = frozenset(("đã", "sẽ", "đang", "vừa", "là", "được", "gặp", "tiếp", "thăm", "nói"))


def org_head(body: str, pos: int) -> bool:
    return body.startswith(ORG_HEADS, pos)  # one call in C for the tuple


def skip_org(body: str, pos: int, found: Found) -> int:
    """The end of an organisation's name after a title, just before the holder's name
    (which must start with a known family name for us to tell where the name begins)."""
    p = pos
    head = TOKEN.match(body, pos)
    head_is_family_name = bool(head and head.group() in found.surnames)  # "Ban", a committee
    for _ in range(10):
        q = skip_spaces(body, p)
        t = TOKEN.match(body, q)
        if not t:
            break
        if q in found.parties:  # "Ủy ban Hợp tác Việt Nam - Lào": "Nam" is no family name here
            p = max(found.parties[q][0], t.end())
            continue
        if q > pos and t.group() in found.surnames:
            return q
        if q > pos and (q in found.titles or t.group() in CLAUSE_VERBS):
            break  # "Hàn Quốc Ban Ki-moon đã hội đàm với …": a clause, not an office's name
        if t.group()[-1] in ".!?" and head_is_family_name:
            break  # "Ban Ki-moon tới Washington hôm qua.": "Ban" opened the name, no office
        p = t.end()
    return pos


NAME_WORD_BACK = re.compile(r"(?:^|(?<=\s))([^\s,;:()\"“”]+)\s*$")


def name_before_title(body: str, start: int, floor: int, found: Found) -> tuple[int, int] | None:
    """A name written before its title, set off by a comma, when the title names nobody
    after it: "Jorge Valero, đại sứ Venezuela …". The name opens its clause: a sentence,
    a quotation's close or a lower-case word stands before it."""
    comma = start - 1
    while comma > floor and body[comma] == " ":
        comma -= 1
    if comma <= floor or body[comma] != ",":
        return None
    words: list[tuple[int, int]] = []
    at = comma
    while len(words) < 5:
        m = NAME_WORD_BACK.search(body, max(floor, at - 30), at)
        if not m or not is_capitalised(m.group(1)) or m.start(1) in found.titles:
            break
        if (
            any(a <= m.start(1) < b for a, b in found.place_spans) or m.start(1) in found.parties
        ) and not words:
            return None  # "Tại Hà Nội, Thủ tướng …": a place, not a name ("Trần Đức Lương" is)
        words.insert(0, (m.start(1), m.end(1)))
        at = m.start(1)
    if len(words) < 2:
        return None
    first = body[words[0][0] : words[0][1]]
    if first in found.words.stops or any(body[a:b].isupper() for a, b in words):
        return None
    before = body[max(0, words[0][0] - 3) : words[0][0]].rstrip()
    # a list item after a colon or semicolon too: "có các đồng chí: A, Tổng Bí thư …; B, …"
    if before and not (before[-1] in '.\n”"!?:;' or before[-1].islower() or before.endswith(",")):
        return None
    span = read_name(body, words[0][0], found)
    return span if span and span[1] == words[-1][1] else None


def state_after_name(body: str, end: int, found: Found) -> str | None:
    """ "Vua Abdullah của Jordan": the state named right after the name, with "của"."""
    if not body.startswith(" của ", end):
        return None
    party = found.parties.get(end + 5)
    info = found.party_info.get(party[1]) if party else None
    return info.code if info and info.kind == "state" else None


def apposition(
    body: str, pos: int, found: Found, foreign: bool = False
) -> tuple[int, list[Title], str | None]:
    """Titles given after a name: "Nguyễn Quốc Dũng, Trưởng SOM ASEAN của Việt Nam". For a
    foreign name (`foreign`), a state the rest of the office names is its holder's too
    (`office_state`); a Vietnamese name's office abroad is mostly a firm's or a school's
    ("giám đốc Trung tâm giáo dục Canada tại Việt Nam")."""
    m = COMMA.match(body, pos)
    if not m or m.end() not in found.titles:
        return pos, [], None
    if "," not in m.group() and not CLOSING_DASH.match(body, m.end()):
        return pos, [], None  # "ông X - Giám đốc … tổ chức …": a dash never closed is no aside
    end, titles, country = read_titles(body, m.end(), found)
    after = skip_spaces(body, end)
    if read_name(body, after, found):
        return pos, [], None  # ", Chủ tịch nước Võ Văn Thưởng": the next person, not a title
    named = name_after_office(body, after, found)
    if named and named[0] == after:
        return pos, [], None  # ", Ngoại trưởng Ban Ki-moon": a name that opens with a stop word
    return end, titles, country or (office_state(body, end, found) if foreign else None)


# An aside opened by a dash is closed by one before the clause goes on: "ông X – người
# đứng đầu phái đoàn Y – cho biết".
CLOSING_DASH = re.compile(r"[^,;.\n–—]{1,100}?(?:[–—]|[ \t]-[ \t])")
# Where an apposition's office phrase ends: its closing comma, dash or parenthesis, or the
# sentence's end.
PHRASE_END = re.compile(r"[,;.()–—\n]| - ")


LAST_WORD = re.compile(r"(\w+)\s+$")
COMPANY = re.compile(r"\b(?:[Cc]ông ty|[Tt]ập đoàn|[Hh]ãng|[Dd]oanh nghiệp|[Nn]gân hàng)\b")


# "Việt Nam - Nhật Bản", "ASEAN–Hoa Kỳ": two parties joined by a dash name a pair.
PAIR_DASH = re.compile(r"\s*[-–]\s*")


def paired(body: str, start: int, end: int, found: Found) -> bool:
    """Whether the party at `start`…`end` is joined by a dash to another one."""
    dash = PAIR_DASH.match(body, end)
    if dash and dash.group() and dash.end() in found.parties:
        return True
    return any(
        found.parties[q][0] <= start and PAIR_DASH.fullmatch(body, found.parties[q][0], start)
        for q in range(max(0, start - 40), start)
        if q in found.parties
    )


def office_state(body: str, end: int, found: Found) -> str | None:
    """The state, bloc or organisation the rest of an apposition's office names, when its
    title names none: "ông X, giám đốc Cơ quan Tình báo Iraq, cho biết", "X, phát ngôn
    viên Bộ Y tế Thái Lan, nói", "ông X, cố vấn của tổng thống Sri Lanka": the office is
    that state's, and so is its holder. Not a place of posting ("chỉ huy lực lượng Mỹ tại
    Afghanistan" serves the first)."""
    stop = PHRASE_END.search(body, end, end + 60)
    if stop is None or stop.group() in ".\n":
        return None  # an aside not closed where it could be read: where it ends is unknown
    for q in range(end, stop.start()):
        if q not in found.parties:
            continue
        if COMPANY.search(body, end, q):
            return None  # "Giám đốc Công ty Việt Nhật": a firm's name, not a state's office
        before = LAST_WORD.search(body, max(end, q - 20), q)
        if before and is_capitalised(before.group(1)):
            continue  # "huyện Hiệp Đức", "Toyota Việt Nam": a word of a place's or firm's name
        party_end, code = found.parties[q]
        if paired(body, q, party_end, found):
            return None  # "Đại sứ đặc biệt Việt Nam - Nhật Bản": a pair, not the office's state
        info = found.party_info.get(code)
        if (
            code != "-"
            and info is not None
            and info.kind in OFFICE_PARTY_KINDS
            and not body[max(0, q - 4) : q].endswith(("tại ", "ở "))
        ):
            return code
    return None
