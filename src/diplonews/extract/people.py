"""People stage: officials named in the body, their titles and countries, coreference.

A mention is a title chain followed by a name ("Thứ trưởng Ngoại giao Hàn Quốc Yeo
Seung-bae"), an honorific and a name with an apposition ("ông Sakai Manabu, Phó Chánh
văn phòng Nội các Nhật Bản"), a later short form ("ông Gunn", "Tổng thống Lee") or a
title alone that points back to someone already named ("Thứ trưởng Ngoại giao Hàn
Quốc đề xuất…"). Mentions are resolved to people; `doc.mentions` keeps them with their
offsets so the events stage can tell who takes part in what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from diplonews.extract import family_names, officials
from diplonews.extract.doc import Doc, Mention
from diplonews.extract.lexicons import Lexicons, Party, Title
from diplonews.extract.record import Person
from diplonews.extract.spans import Spans, covering
from diplonews.text import fold, has_vietnamese_letters

# Words after which a capitalised name is a place named after a person.
PLACE_BEFORE = re.compile(
    r"(?:Nhà sàn|Lăng|Bảo tàng|Đền|Khu di tích|Quảng trường|đường|phố|Thành phố|thành phố|TP\.?|"
    r"tư tưởng|Di tích|Đại lộ|Cầu|Trường|tỉnh|Tỉnh|huyện|quận|xã|phường|thị xã)\s+"
    r"(?:Chủ tịch\s+)?$"
)
# Modifiers that may stand between a title and the rest: "Tổng thống đương nhiệm Hàn Quốc".
TITLE_MODIFIERS = ("đương nhiệm ", "mãn nhiệm ", "tiền nhiệm ", "lâm thời ", "sắp mãn nhiệm ")
PLURAL_BEFORE = ("các ", "những ", "hai ", "ba ", "nhiều ", "mọi ", "vị ")

TOKEN = re.compile(r"[^\s,;:()\[\]\"“”‘’!?]+")
SPACES = re.compile(r"[ \t]*")

# In news about the Korean peninsula "miền Bắc" / "miền Nam" name the two states.
KOREAN_HALVES = {"miền Bắc": "PRK", "miền Nam": "KOR"}
HEAD_OF_STATE_CHAIR = ("Chủ tịch", "chủ tịch")
HEAD_OF_STATE_TITLE = Title("Chủ tịch", "President", "head_of_state")
GLUED = re.compile(r"(?<=[a-zà-ỹ]{2})\.(?=[A-ZÀ-Ỹ])")  # "Suk-yeol.Một"
COMMA = re.compile(r"[ \t]*,[ \t]*")
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


def skip_spaces(body: str, pos: int) -> int:
    m = SPACES.match(body, pos)
    return m.end() if m else pos


@dataclass(frozen=True)
class NameWords:
    """The words of name_words.tsv, by the part they play around a personal name."""

    honorifics: tuple[str, ...]  # "ông ", "Ông ", … (with the space that follows)
    particles: frozenset[str]  # lower-case words inside a foreign name: "bin", "de"
    stops: frozenset[str]  # capitalised words a name cannot start with
    not_official: tuple[str, ...]  # "phu nhân": a role that is no office
    portfolios: tuple[str, ...]  # "Quốc phòng" after "Trợ lý Bộ trưởng"
    sino: frozenset[str] = frozenset()  # family names shared with Chinese: "Vương", "Lý"
    breaks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # first word → phrases
    openers: frozenset[str] = frozenset()  # "Sau", "Các": a new sentence, never a name's end
    late_openers: frozenset[str] = frozenset()  # "Có", "Sáng": so only after three syllables

    @classmethod
    def of(cls, lex: Lexicons) -> NameWords:
        """Built once per set of lexicons (looked up by identity: lexicons are loaded once)."""
        key = id(lex.name_words)
        if key not in _NAME_WORDS:
            table = lex.name_words
            honorifics = [f"{w} " for w in table.get("honorific", ())]
            honorifics += [h[0].upper() + h[1:] for h in honorifics]
            _NAME_WORDS[key] = (
                lex.name_words,
                cls(
                    tuple(honorifics),
                    frozenset(table.get("particle", ())),
                    frozenset(table.get("stop", ())),
                    table.get("not_official", ()),
                    table.get("portfolio", ()),
                    frozenset(table.get("sino", ())),
                    phrases_by_first_word(table.get("break", ())),
                    frozenset(table.get("opener", ())),
                    frozenset(table.get("late_opener", ())),
                ),
            )
        return _NAME_WORDS[key][1]


def phrases_by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    by_word: dict[str, list[str]] = {}
    for phrase in phrases:
        by_word.setdefault(phrase.split()[0], []).append(phrase)
    return {word: tuple(group) for word, group in by_word.items()}


_NAME_WORDS: dict[int, tuple[object, NameWords]] = {}  # keeps the table alive with its id


@dataclass
class Found:
    """What the matchers found in the body, by start offset."""

    titles: dict[int, tuple[int, Title]]
    parties: dict[int, tuple[int, str]]
    short_forms: dict[str, str]
    surnames: dict[str, str]
    places: set[int]  # where a city, province or venue name starts
    place_spans: list[tuple[int, int]]
    party_info: dict[str, Party]  # party code → its lexicon entry
    regions: dict[str, str]  # "miền Bắc" → PRK when the text is about the two Koreas
    words: NameWords
    place_countries: dict[int, str] = field(default_factory=dict)  # place start → its state

    @classmethod
    def scan(cls, body: str, lex: Lexicons, cache: dict[str, Any]) -> Found:
        places = Spans(lex.find_in(cache, "places", body))  # looked up by range (spans.py)
        titles = {
            s: (e, t[0])
            for s, e, t in lex.find_in(cache, "titles", body)
            if t[0].level != "-"  # "Đại sứ quán": an embassy, not an ambassador
            and not any(a < s < b for a, b, _ in covering(places, s))
        }  # "Phủ Chủ tịch": a building
        parties = {s: (e, codes[0]) for s, e, codes in lex.find_in(cache, "party_names", body)}
        place_spans = [(s, e) for s, e, _ in places]
        codes = {code for _, code in parties.values()}
        regions = KOREAN_HALVES if "PRK" in codes else {}
        return cls(
            titles,
            parties,
            lex.party_short,
            lex.surnames,
            {s for s, _ in place_spans},
            place_spans,
            lex.parties,
            regions,
            NameWords.of(lex),
            {s: c[0].country for s, _, c in places if getattr(c[0], "country", None)},
        )


def is_capitalised(token: str) -> bool:
    return token[:1].isupper()


def particle_joined(word: str, words: NameWords) -> bool:
    """Whether a lower-case word is a name particle joined to a name: "al-Kurbi", "el-Baradei"."""
    head, dash, rest = word.partition("-")
    return bool(dash) and head in words.particles and is_capitalised(rest)


def read_name(body: str, pos: int, found: Found) -> tuple[int, int] | None:
    """The span of a personal name starting at `pos`, if one starts there."""
    tokens: list[tuple[int, int]] = []
    p = pos
    while len(tokens) < 6:
        q = skip_spaces(body, p)
        if tokens and q == p and p < len(body) and body[p] not in " \t":
            break
        t = TOKEN.match(body, q)
        if not t:
            break
        word = t.group()
        if q in found.parties and (
            given_name_word(body, q, tokens, found) or name_not_party(body, q, found)
        ):
            pass  # "Đặng Hồng Đức", "Trương Mỹ Hoa": a given name that is also a country's
        elif q in found.titles or q in found.parties or (not tokens and q in found.places):
            break
        if tokens and ends_name(body, q, word, found):
            break  # "Donald Trump Toàn cảnh …": a caption or a new phrase starts here
        if tokens and opens_sentence(word, len(tokens), found.words):
            break  # "Bộ trưởng Đào Đình Bình Sau khi …": the lead after a headline
        glued = GLUED.search(word) if "." in word else None
        if glued:  # "Suk-yeol.Một": a sentence end without its space
            word = word[: glued.start() + 1]
        if is_capitalised(word) or (tokens and particle_joined(word, found.words)):
            core = word.rstrip(".")
            if "-" in core and any(part in found.short_forms for part in core.split("-")):
                break  # "Hàn-ASEAN" joins two parties
            if not tokens and core in found.words.stops or not core[:1].isalpha():
                break
            if tokens and REGNAL.fullmatch(core):
                tokens.append((q, q + len(core)))  # "Sidi Mohamad VI": a regnal number
                break
            if len(core) > 1 and core.isupper() and "." not in core:
                break  # an acronym (ARF, MLC), not a name
            if (
                word.endswith(".")
                and len(core) > 1
                and ("." not in core or INITIALLED.fullmatch(core))
            ):
                tokens.append((q, q + len(core)))  # sentence end after the name
                break
            tokens.append((q, q + len(word)))
            p = q + len(word)
            if glued:
                break
            if body[p : p + 1] in ",;:()\n":
                break
        elif word in found.words.particles and tokens:
            nxt = TOKEN.match(body, skip_spaces(body, t.end()))
            if nxt and nxt.group() in found.words.particles:  # "von der Leyen", "de la Rúa"
                nxt = TOKEN.match(body, skip_spaces(body, nxt.end()))
            if not nxt or not is_capitalised(nxt.group()):
                break
            p = t.end()
        else:
            break
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    if (
        len(tokens) == 1
        and (end - start < 2 or not body[start:end].replace("-", "").isalpha())
        and not INITIALLED.fullmatch(body[start:end])
    ):
        return None
    if PLACE_BEFORE.search(body[max(0, start - 30) : start]):
        return None
    return start, end


# A regnal number after a monarch's name ("Mohammed VI"); II-IX and X-XX only.
REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|VI{0,3}|I{2,3})|X{1,2}")
# A foreign name written with initials, as 2000s news does: "V.Putin", "S.McClellan".
INITIALLED = re.compile(r"(?:[A-Z]\.){1,2}[A-Z][a-z]+(?:[A-Z][a-z]+)?")


def office_syllable(body: str, span: tuple[int, int]) -> bool:
    """A lone Vietnamese syllable read as a name, with lower-case words after it: the
    start of an office's name ("Trưởng ban Đối ngoại", "Chủ tịch Lưỡng viện")."""
    word = body[span[0] : span[1]]
    if " " in word or "-" in word or not has_vietnamese_letters(word):
        return False  # "A-ki-hi-tô": a name transcribed by syllables
    nxt = TOKEN.match(body, skip_spaces(body, span[1]))
    return bool(nxt and nxt.group()[:1].islower())


def given_name_word(body: str, pos: int, tokens: list[tuple[int, int]], found: Found) -> bool:
    """Whether the country name at `pos` is the last syllable of a Vietnamese name
    ("Thứ trưởng Đặng Hồng Đức;"): a one-word short name after two name syllables that
    start with a Vietnamese family name, with no name word after it."""
    if not tokens:
        return False
    end = found.parties[pos][0]
    if " " in body[pos:end] or found.surnames.get(body[tokens[0][0] : tokens[0][1]]) != "VNM":
        return False
    after = TOKEN.match(body, skip_spaces(body, end))
    going_on = bool(after and is_capitalised(after.group()) and body[end : end + 1] == " ")
    if len(tokens) == 1:  # "Nông Đức Mạnh", "Phạm Anh Tuấn": the name goes on after it
        return going_on and after is not None and after.end() - after.start() <= 5
    return not going_on


def name_not_party(body: str, pos: int, found: Found) -> bool:
    """Whether the span at `pos` is listed as no party because it starts a Vietnamese
    personal name ("Trương Mỹ Hoa", "Lê Đức Anh"): a "-" span that opens with a family name."""
    if found.parties[pos][1] != "-":
        return False
    first = TOKEN.match(body, pos)
    return bool(first and found.surnames.get(first.group()) == "VNM")


def opens_sentence(word: str, count: int, words: NameWords) -> bool:
    """Whether a capitalised word after `count` name syllables opens a new sentence (a
    headline glued to its lead, a missing full stop) rather than going on with the name."""
    core = word.rstrip(".:,")
    return core in words.openers or (count >= 3 and core in words.late_openers)


def ends_name(body: str, pos: int, word: str, found: Found) -> bool:
    """Whether a capitalised word opens a phrase of its own rather than going on with a
    name: a caption word ("Ảnh", "Toàn cảnh"), a medal ("Huân chương")."""
    core = word.rstrip(".:,")
    for phrase in found.words.breaks.get(core, ()):
        if body.startswith(phrase, pos):
            return True
    return False


# A state, bloc or organisation named inside a title is whom its holder serves: "Chủ tịch
# Ngân hàng Thế giới" (WB), "Tổng Thư ký ASEAN", "Thủ tướng Nhật Bản".
OFFICE_PARTY_KINDS = frozenset({"state", "bloc", "org"})


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
        else:
            if body.startswith("của ", q) and (q + 4) in found.parties:
                end, code = found.parties[q + 4]
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
            portfolio = (
                next((w for w in found.words.portfolios if body.startswith(w, q)), None)
                if titles
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


# Lower-case words that end the search for a name after an office: verbs and function words
# of the clause go on with something else ("Thứ trưởng đã gặp …", "Bộ trưởng cho biết …").
# Single words (an office's name may hold "nghị", "hội", "về").
CLAUSE_WORDS = frozenset(
    (
        "đã",
        "sẽ",
        "đang",
        "vừa",
        "có",
        "cho",
        "là",
        "được",
        "với",
        "tại",
        "ở",
        "gặp",
        "tiếp",
        "thăm",
        "nói",
        "khi",
        "trong",
        "này",
        "đó",
        "người",
        "cũng",
        "không",
        "rằng",
        "ngày",
        "sáng",
        "chiều",
        "tối",
        "hôm",
        "cùng",
        "các",
        "những",
        "nhiều",
        "đến",
        "tới",
        "sang",
        "từ",
        "đi",
        "dự",
        "nhận",
        "mời",
        "thì",
        "mà",
        "nhưng",
        "để",
        "theo",
        "sau",
        "trước",
    )
)
PAREN_ACRONYM = re.compile(r"\([A-Z][A-Za-z&-]{1,10}\)")
HONORIFIC_WORDS = frozenset({"ông", "bà", "Ông", "Bà", "ngài", "Ngài"})
OFFICE_REACH = 18  # tokens: an office's name is seldom longer


def name_after_office(body: str, pos: int, found: Found) -> tuple[int, int] | None:
    """The name that follows an office the lexicons do not know in full: "Bộ trưởng Bộ
    Chiến lược và Tài chính Choo Kyung Ho;", "Phó Chủ tịch Hội đồng Nhân dân Tối cao Yang
    Hyong Sop dẫn đầu …". Names of offices write one capital per phrase ("Bộ Lao động",
    "Hội đồng Nhân dân"), so the name is the first run of two or more capitalised words
    that starts with a known family name, or that runs up to the end of a list item."""
    run: list[tuple[int, int]] = []
    lower = 0  # lower-case words in a row: an office's name has few
    first = TOKEN.match(body, skip_spaces(body, pos))
    # "Thủ tướng nước chủ nhà X": no office's name opens the stretch, so only a known family
    # name or a transcribed name ends it, not the end of the clause.
    loose = bool(first) and first.group()[:1].islower()  # type: ignore[union-attr]
    p = pos
    for _ in range(OFFICE_REACH):
        q = skip_spaces(body, p)
        acronym = PAREN_ACRONYM.match(body, q)
        if acronym:  # "Tổ chức Quốc tế Pháp ngữ (OIF) Abdou Diouf"
            if skip_spaces(body, pos) == q:  # right after the title: the name follows
                return read_name(body, skip_spaces(body, acronym.end()), found)
            p, run = acronym.end(), []
            continue
        if q >= len(body) or body[q] in '.;:()[]\n"“”':
            break
        if body[q] == ",":
            nxt = TOKEN.match(body, skip_spaces(body, q + 1))
            if not nxt or not is_capitalised(nxt.group()):
                break
            p, run = q + 1, []
            continue
        t = TOKEN.match(body, q)
        if not t:
            break
        word = t.group()
        if q in found.titles and not (run or office_word_before(body, q)):
            return None  # "… trao tặng Tổng Bí thư X": another official's own title
        if run and ends_name(body, q, t.group(), found):
            # a caption word ends a name ("… Toàn cảnh"); an English one ends a firm's
            # ("Velvet Silver Media"), so the run before it was no name
            span = None if t.group().isascii() else run_name(body, run, found, True, loose)
            if span:
                return span
            p, run = t.end(), []
            continue
        place_end = next((b for a, b in found.place_spans if a <= q < b), None)
        if q in found.titles or q in found.parties or place_end is not None:
            p = (found.parties.get(q) or found.titles.get(q) or (place_end,))[0] or t.end()
            run = []
            continue
        core = word.rstrip(".,;:")
        if core in HONORIFIC_WORDS:
            return None  # "… gặp lại ông X": someone else, named after an honorific
        if not is_capitalised(core) or (len(core) > 1 and core.isupper()):
            lower = lower + 1 if not is_capitalised(core) else 0
            if core.lower() in CLAUSE_WORDS and not is_capitalised(core) or lower > 4:
                return None
            p, run = t.end(), []
            continue
        lower = 0
        run.append((q, q + len(core)))
        p = q + len(core)
        span = run_name(body, run, found, loose=loose)
        if span:
            return span
    return None


def office_place_country(found: Found, start: int, end: int, body: str = "") -> str | None:
    """The state of a place named in an office ("người phát ngôn Nhà Trắng" → USA,
    "Thị trưởng Seoul" → KOR) between a title and its holder's name; not an envoy's post
    ("Đại sứ tại Hà Nội")."""
    return next(
        (
            c
            for s, c in found.place_countries.items()
            if start <= s < end and not body[max(0, s - 4) : s].endswith(("tại ", "ở "))
        ),
        None,
    )


def foreign_run(words: list[str]) -> bool:
    """Two or more capitalised words in plain Latin letters, none a Vietnamese syllable:
    a foreign name after an office ("Bộ trưởng Nội thương Shafie Apdal nói")."""
    return len(words) >= 2 and all(
        w.isascii() and w.isalpha() and len(w) > 2 and not w.isupper() for w in words
    )


def office_word_before(body: str, pos: int) -> bool:
    """Whether a capitalised word stands right before `pos`: "Văn phòng Tổng thống" names
    an office after a title, "trao tặng Tổng Bí thư" turns to another official."""
    m = LAST_WORD.search(body, max(0, pos - 20), pos)
    return bool(m and is_capitalised(m.group(1)))


LAST_WORD = re.compile(r"(\w+)\s+$")


def run_name(
    body: str,
    run: list[tuple[int, int]],
    found: Found,
    closed: bool = False,
    loose: bool = False,
) -> tuple[int, int] | None:
    """A name in a run of capitalised words once the run is over: from its family name,
    or the whole run when it closes a list item."""
    end = run[-1][1]
    after = skip_spaces(body, end)
    nxt = TOKEN.match(body, after)
    if (
        not closed
        and nxt
        and is_capitalised(nxt.group())
        and after not in found.titles
        and after not in found.parties
    ):
        return None  # the run goes on
    words = [body[a:b] for a, b in run]
    first = next((i for i, w in enumerate(words) if w in found.surnames), None)
    if first is None:
        closes = (
            not loose
            and (after >= len(body) or body[after] in ";.\n" or body[end : end + 1] in ";.")
        ) or all("-" in w for w in words)  # "Sin-dô A-bê": a name transcribed by syllables
        closes = closes or foreign_run(words)
        while words and words[0] in found.words.stops:
            words, run = words[1:], run[1:]
        if not closes:
            return None
        first = 0
    family_country = found.surnames.get(words[first]) if first < len(words) else None
    if (
        family_country
        and family_country != "VNM"
        and not has_vietnamese_letters(words[first])
        and not all(w.isascii() for w in words[first + 1 :])
    ):
        return None  # "Ban Quản lý": a foreign family name does not go on in Vietnamese
    single = len(run) - first == 1 and INITIALLED.fullmatch(words[first])  # "S.McClellan"
    if (
        len(run) - first < 2
        and not single
        or PLACE_BEFORE.search(body[max(0, run[first][0] - 30) : run[first][0]])
    ):
        return None
    return run[first][0], end


# Words of a clause's predicate, never of an organisation's name ("Hội Bảo vệ người tiêu
# dùng", "Liên hiệp các tổ chức hữu nghị" hold other lower-case words).
CLAUSE_VERBS = frozenset(("đã", "sẽ", "đang", "vừa", "là", "được", "gặp", "tiếp", "thăm", "nói"))


def org_head(body: str, pos: int) -> bool:
    return any(body.startswith(h, pos) for h in ORG_HEADS)


def skip_org(body: str, pos: int, found: Found) -> int:
    """The end of an organisation's name after a title, just before the holder's name
    (which must start with a known family name for us to tell where the name begins)."""
    p = pos
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


def apposition(body: str, pos: int, found: Found) -> tuple[int, list[Title], str | None]:
    """Titles given after a name: "Nguyễn Quốc Dũng, Trưởng SOM ASEAN của Việt Nam"."""
    m = COMMA.match(body, pos)
    if not m or m.end() not in found.titles:
        return pos, [], None
    end, titles, country = read_titles(body, m.end(), found)
    after = skip_spaces(body, end)
    if read_name(body, after, found):
        return pos, [], None  # ", Chủ tịch nước Võ Văn Thưởng": the next person, not a title
    named = name_after_office(body, after, found)
    if named and named[0] == after:
        return pos, [], None  # ", Ngoại trưởng Ban Ki-moon": a name that opens with a stop word
    return end, titles, country


def find_mentions(body: str, lex: Lexicons, cache: dict[str, Any] | None = None) -> list[Mention]:
    """Every title+name, honorific+name and title-alone mention, in text order."""
    cache = {} if cache is None else cache
    honorifics = honorific_starts(body, NameWords.of(lex).honorifics)
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
            for h in found.words.honorifics:
                if body.startswith(h, q):
                    q += len(h)
                    break
            span = read_name(body, q, found)
            if span and office_syllable(body, span):
                span = None  # "Trưởng ban Đối ngoại …": a word of the office, not a name
            elif (
                span
                and body[span[0] : span[1]] in found.short_forms
                and PREDICATE.search(body, max(0, start - 6), start)
            ):
                span = None  # "là thủ tướng Anh đầu tiên": what someone is, not who
            if span:
                more_end, more, more_country = apposition(body, span[1], found)
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
                    not any(before.endswith(w) for w in PLURAL_BEFORE)
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
                if not span or span[0] != at:
                    continue
            more_end, more, country = apposition(body, span[1], found)
            after = body[span[1] : span[1] + 40].lower()
            if not more and any(after.lstrip(" ,").startswith(w) for w in found.words.not_official):
                consumed_until = span[1]
                continue
            mentions.append(
                Mention(start, max(span[1], more_end), body[span[0] : span[1]], more, country)
            )
            consumed_until = max(span[1], more_end)
    added = known_after_with(body, lex, found, mentions)
    added += known_bare(body, lex, mentions + added, cache)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


PREDICATE = re.compile(r"\blà\s+$")

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
    leaders of the time are officials wherever the news names them. Kept to full names
    written with capitals, so a family name alone or a common phrase never counts."""
    added: list[Mention] = []
    for start, end, _ in lex.find_in(cache, "known_names", body):
        if not body[start].isupper() or any(m.start <= start < m.end for m in mentions):
            continue
        if GOVERNMENT_OF.search(body, max(0, start - 40), start):
            continue  # "chính quyền Lee Jae Myung": a government, not the person acting
        if any(start <= m.start < end for m in mentions):
            continue
        added.append(Mention(start, end, body[start:end]))
    return added


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


def honorific_starts(body: str, honorifics: tuple[str, ...]) -> set[int]:
    """Where "ông ", "bà ", "Ngài "… start a word."""
    return {m.start() for finder in honorific_finders(honorifics) for m in finder.finditer(body)}


@lru_cache(maxsize=8)
def honorific_finders(honorifics: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The honorifics, each followed by a look back in C that no letter or digit comes
    before it ([^\\W_] is exactly str.isalnum). "ông " ends "không ", "công ", "thông "
    many times an article: a Python loop over str.find hits took 21 us an article, one
    regex whose alternatives all open with a word (so the engine skips to their first
    letters) 12 us. Its matches do not overlap, so an honorific that a longer one holds
    past its first letter gets a pattern of its own."""
    inner = [h for h in honorifics if any(h in other[1:] for other in honorifics)]
    outer = [h for h in honorifics if h not in inner]
    return tuple(
        re.compile("|".join(re.escape(h) + r"(?<![^\W_]" + re.escape(h) + ")" for h in group))
        for group in [outer, *([h] for h in inner)]
        if group
    )


def name_tokens(name: str) -> list[str]:
    return fold(name).replace("-", " ").replace(".", " ").split()


def initials_match(key: list[str], known: list[str]) -> bool:
    """ "V.Putin" and "Vladimir Putin", "G.Bush" and "George W. Bush": one person written
    with and without initials."""
    if len(key) < 2 or len(known) < 2 or key[-1] != known[-1] or key == known:
        return False
    a, b = key[0], known[0]
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def lone_name_ok(mention: Mention, lex: Lexicons) -> bool:
    """A one-word name is a person when a title stands right before it ("Nhật hoàng
    Akihito", "Tổng thống Bush", "Ngoại trưởng Đan Mạch S.Moeller"): monarchs, and
    leaders the news names by family name alone."""
    name = mention.name or ""
    if mention.titles and INITIALLED.fullmatch(name):
        return True  # "phát ngôn viên Nhà Trắng S.McClellan": initials make it a name
    return (
        mention.before_name > 0
        and mention.titles[mention.before_name - 1].level in LONE_NAME_LEVELS
        and (len(name) >= 3 or "." in name)
        and ("-" in name or not has_vietnamese_letters(name))  # "A-ki-hi-tô" is a name
        and not (len(name) <= 5 and any(c in TONE_MARKED for c in name.lower()))
        and name not in lex.party_short  # "Thủ tướng Anh cho biết": the country
        and fold(mention.titles[mention.before_name - 1].vi) not in LEADER_OF
    )


TONE_MARKED = frozenset("àáèéìíòóùúý")  # "Phúc", "Tài": a short syllable so marked is Vietnamese
LEADER_OF = frozenset({"lanh dao", "nha lanh dao", "thu linh"})  # "lãnh đạo Hamas": a movement


# Offices whose holders the news names by one word: monarchs, heads of state and government,
# ministers ("Tổng thống Bush", "Vua Abdullah", "Ngoại trưởng Kerry").
LONE_NAME_LEVELS = frozenset({"head_of_state", "head_of_government", "minister"})


def surname_country(name: str, lex: Lexicons) -> str | None:
    """The country a family name suggests, when the text names none."""
    parts = name.split()
    return lex.surnames.get(parts[0]) or lex.surnames.get(parts[-1])


@dataclass
class Resolver:
    """Turns mentions into people, joining short forms and titles to earlier names."""

    lex: Lexicons
    people: list[Person] = field(default_factory=list)
    keys: list[list[str]] = field(default_factory=list)
    last_seen: list[int] = field(default_factory=list)
    confirmed: list[bool] = field(default_factory=list)  # has a title or official context
    guessed: list[bool] = field(default_factory=list)  # country from the family name only
    # a Vietnamese-looking name with no country stated: Vietnam's, or a Chinese name read
    # the Sino-Vietnamese way ("Hồ Cẩm Đào") in news that is not about Vietnam
    sino: list[bool] = field(default_factory=list)
    held_titles: dict[int, list[Title]] = field(default_factory=dict)  # by person index
    year: int | None = None  # of publication: which office a known official held then
    known: list[int | None] = field(default_factory=list)  # person in officials.tsv, if any

    def __post_init__(self) -> None:
        self.officials = officials.load(self.lex)

    def add(self, mention: Mention, order: int) -> None:
        if mention.name is None:
            mention.person = self.by_title(mention)
            return
        key = name_tokens(mention.name)
        index = self.by_name(key, mention.country)
        if index < 0:
            index = self.by_spelling(mention.name)
        if index < 0 and mention.titles and mention.name in self.lex.party_short:
            # "Ngoại trưởng Anh cho biết": a state's short form after a title, no name
            # after it (the press writes Britain "Anh", a given name too): the title
            # alone, pointing back to that state's official named before.
            mention.country = mention.country or self.lex.party_short[mention.name]
            mention.name, mention.anaphoric = None, True
            mention.person = self.by_title(mention)
            return
        if (
            index < 0
            and len(key) < 2
            and not lone_name_ok(mention, self.lex)
            and not (mention.titles and self.officials.offices(mention.name))
        ):  # "người đồng nhiệm Saakashvili": a known official's family name is enough
            mention.person = -1  # a lone word that names nobody known
            return
        if index < 0:
            # A known official's state is a fact, surer than a state read from the context
            # ("người đồng nhiệm Mỹ Colin Powell" in news of a visit to Pakistan); a family
            # name only suggests one.
            listed = self.officials.state_of(mention.name, self.year)
            country = listed or mention.country or surname_country(mention.name, self.lex)
            self.people.append(Person(mention.name, country, []))
            self.keys.append(key)
            self.last_seen.append(order)
            self.confirmed.append(False)
            self.known.append(self.officials.person_of(mention.name))
            # A Vietnamese name written with its diacritics is Vietnam's for sure; a
            # romanised family name (Yang, Hoang) only suggests a country.
            self.guessed.append(
                mention.country is None
                and listed is None
                and not has_vietnamese_letters(mention.name)
            )
            words = mention.name.split()
            self.sino.append(
                mention.country is None
                and listed is None
                and len(words) <= 3
                and words[0] in NameWords.of(self.lex).sino
            )
            index = len(self.people) - 1
        else:
            person = self.people[index]
            if len(key) > len(self.keys[index]):
                person.name, self.keys[index] = mention.name, key
            else:
                mention.anaphoric = True
            if mention.country and self.guessed[index]:
                person.country, self.guessed[index] = mention.country, False
            if mention.country:
                self.sino[index] = False
            person.country = person.country or mention.country
            self.last_seen[index] = order
        person = self.people[index]
        held = self.held_titles.setdefault(index, [])
        for title in mention.titles:
            # "Thứ trưởng Yeo" after "Thứ trưởng Ngoại giao Hàn Quốc Yeo": the same office,
            # said shorter; it adds nothing to the titles.
            if title.en in person.titles or any(
                t.vi.startswith(title.vi) and t.level == title.level for t in held
            ):
                continue
            held.append(title)
            person.titles.append(title.en)
        if mention.titles and person.lead_title is None:
            # The office next to the name: "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình
            # Minh" is the foreign minister; "ông X, Cố vấn đặc biệt" the adviser.
            person.lead_title = mention.titles[max(mention.before_name, 1) - 1].en
        if mention.titles:
            self.confirmed[index] = True
        mention.person = index

    def by_name(self, key: list[str], country: str | None) -> int:
        best, best_seen = -1, -1
        for i, known in enumerate(self.keys):
            same = known == key
            if (
                not (same and len(key) > 1)
                and country
                and self.people[i].country
                and self.people[i].country != country
            ):
                continue
            part = len(key) < len(known) and (known[: len(key)] == key or known[-len(key) :] == key)
            whole = len(key) > len(known) and (
                key[: len(known)] == known or key[-len(known) :] == known
            )
            alike = same or part or whole or initials_match(key, known)
            if alike and self.last_seen[i] > best_seen:
                best, best_seen = i, self.last_seen[i]
        return best

    def by_spelling(self, name: str) -> int:
        """A person named before in another spelling of one official's name ("Lee Hsien
        Loong" after "Lý Hiển Long")."""
        official = self.officials.person_of(name)
        if official is None:
            return -1
        return next((i for i, k in enumerate(self.known) if k == official), -1)

    def by_title(self, mention: Mention) -> int:
        wanted = {t.en for t in mention.titles}
        best, best_seen = -1, -1
        for i, person in enumerate(self.people):
            if not wanted & set(person.titles):
                continue
            if mention.country and person.country and mention.country != person.country:
                continue
            if self.last_seen[i] > best_seen:
                best, best_seen = i, self.last_seen[i]
        return best


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
        for i in range(len(resolver.people))
    ]
    delegation_countries(doc, lex, mentions, resolver)
    remap: dict[int, int] = {}
    people: list[Person] = []
    for i, person in enumerate(resolver.people):
        if keep[i]:
            remap[i] = len(people)
            people.append(person)
    for mention in mentions:
        mention.person = remap.get(mention.person, -1)
    doc.mentions = [m for m in mentions if m.person >= 0]
    words = NameWords.of(lex)
    again = family_names.back_references(
        doc.body, people, doc.mentions, lex, doc.matches, words.stops | words.openers
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
HEAD_BY = re.compile(r"^\s+do\s+(?:ông\s+|bà\s+)?$")
LEADS_DELEGATION = re.compile(
    r"^(?:\s*,[^.;]{0,80}?)?\s+(?:dẫn đầu|làm trưởng đoàn)\s+[Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+$"
)


def delegation_countries(
    doc: Doc, lex: Lexicons, mentions: list[Mention], resolver: Resolver
) -> None:
    """The country of a person the text names only as a delegation's head, when the family
    name alone gave it (a Korean "Hoang", a North Korean "Yang")."""
    body = doc.body
    parties = [
        (s, e, codes[0])
        for s, e, codes in lex.find_in(doc.matches, "party_names", body)
        if codes[0] != "-"
    ]
    only_side(parties, resolver.sino, resolver, "CHN", "VNM")
    if not any(resolver.guessed):
        return
    for m in mentions:
        if not (0 <= m.person < len(resolver.guessed)) or not resolver.guessed[m.person]:
            continue
        code = None
        for s, e, party in parties:
            if e <= m.start and m.start - e < 30 and HEAD_BY.match(body[e : m.start]):
                if DELEGATION_BEFORE.search(body, max(0, s - 30), s):
                    code = party
            elif m.end < s < m.end + 160 and LEADS_DELEGATION.match(body[m.end : s]):
                code = party
        if code and getattr(lex.party(code), "kind", "") == "state":
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
