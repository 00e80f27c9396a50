"""Reading a personal name at a point of the body.

A name has no marker of its own in Vietnamese news: it is a run of capitalised words
that a title, an honorific or a list item leaves off, and that a country, a place, a
caption word or the next sentence may end. This module owns that reading (and the
matches of titles, parties and places it needs, found once per body), so the title
chains, the mentions and the back-references all cut names the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from diplonews.extract.lexicons import Lexicons, Party, Title
from diplonews.extract.spans import Spans, covering
from diplonews.text import fold, has_vietnamese_letters

# Words after which a capitalised name is a place named after a person.
PLACE_BEFORE = re.compile(
    r"(?:Nhà sàn|Lăng|Bảo tàng|Đền|Khu di tích|Quảng trường|đường|phố|Thành phố|thành phố|TP\.?|"
    r"tư tưởng|Di tích|Đại lộ|Cầu|Trường|tỉnh|Tỉnh|huyện|quận|xã|phường|thị xã)\s+"
    r"(?:Chủ tịch\s+)?$"
)

TOKEN = re.compile(r"[^\s,;:()\[\]\"“”‘’!?]+")

# In news about the Korean peninsula "miền Bắc" / "miền Nam" name the two states.
KOREAN_HALVES = {"miền Bắc": "PRK", "miền Nam": "KOR"}

GLUED = re.compile(r"(?<=[a-zà-ỹ]{2})\.(?=[A-ZÀ-Ỹ])")  # "Suk-yeol.Một"


def skip_spaces(body: str, pos: int) -> int:
    """The end of the spaces and tabs from `pos` on (as `re.match("[ \\t]*", …)` found it,
    which cost 2,000 instructions a call, most of them the regex's own set-up: this runs
    20 times an article)."""
    size = len(body)
    if pos < 0:
        pos = 0
    elif pos > size:
        return size
    while pos < size and body[pos] in " \t":
        pos += 1
    return pos


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
    # stops and openers together, as family names read alone need them: joined once here,
    # not once an article
    stops_or_openers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lex: Lexicons) -> NameWords:
        """Built once per set of lexicons (looked up by identity: lexicons are loaded once)."""
        key = id(lex.name_words)
        if key not in _NAME_WORDS:
            table = lex.name_words
            honorifics = [f"{w} " for w in table.get("honorific", ())]
            honorifics += [h[0].upper() + h[1:] for h in honorifics]
            stops, openers = frozenset(table.get("stop", ())), frozenset(table.get("opener", ()))
            _NAME_WORDS[key] = (
                lex.name_words,
                cls(
                    tuple(honorifics),
                    frozenset(table.get("particle", ())),
                    stops,
                    table.get("not_official", ()),
                    table.get("portfolio", ()),
                    frozenset(table.get("sino", ())),
                    phrases_by_first_word(table.get("break", ())),
                    openers,
                    frozenset(table.get("late_opener", ())),
                    stops | openers,
                ),
            )
        return _NAME_WORDS[key][1]


def phrases_by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    by_word: dict[str, list[str]] = {}
    for phrase in phrases:
        by_word.setdefault(phrase.split()[0], []).append(phrase)
    return {word: tuple(group) for word, group in by_word.items()}


_NAME_WORDS: dict[int, tuple[object, NameWords]] = {}  # keeps the table alive with its id


TITLED_SHORTS = "people.titled_shorts"  # its key in `Doc.matches`: read by the events stage


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
    # a state's short form read right after a title ("thủ tướng Anh"), start → (end, state):
    # filled as the titles are read, and shared with the events stage (TITLED_SHORTS)
    titled_shorts: dict[int, tuple[int, str]] = field(default_factory=dict)

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
        found = cls(
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
        cache[TITLED_SHORTS] = found.titled_shorts
        return found


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
        if tokens and opens_phrase_after_foreign_name(body, q, word, tokens, found):
            break  # "Jusuf Kalla Tuyên bố tại Jakarta": a glued sentence goes on
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
    tokens = tokens[place_words_before_foreign_name(body, tokens) :]
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


# One Vietnamese syllable, folded: an onset, one to three vowels, a final consonant.
VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
# Family names read the Sino-Vietnamese way may be followed by Vietnamese syllables ("Kim Tê Chung").
SINO_VIETNAMESE = frozenset({"VNM", "CHN", "KOR", "PRK", "TWN"})
NEXT_WORD_LOWER = re.compile(r" [a-zà-ỹđ]")


def opens_phrase_after_foreign_name(
    body: str, pos: int, word: str, tokens: list[tuple[int, int]], found: Found
) -> bool:
    """Whether a capitalised Vietnamese syllable after a foreign name starts the next phrase
    ("Phó Tổng thống Indonesia Jusuf Kalla Tuyên bố …", "Thaksin Khẩu hiệu …"): a name
    written in Latin letters has no syllable with Vietnamese letters, so one that a
    lower-case word follows is a sentence glued on, not the end of the name. Names read the
    Sino-Vietnamese way, and Lao names written in Vietnamese letters (one long word), keep it."""
    if not has_vietnamese_letters(word) or has_vietnamese_letters(
        body[tokens[0][0] : tokens[-1][1]]
    ):
        return False  # the name so far is Vietnamese: most calls end here
    if not NEXT_WORD_LOWER.match(body, pos + len(word)):
        return False
    if not VIETNAMESE_SYLLABLE.fullmatch(fold(word)):
        return False
    return not any(found.surnames.get(body[s:e]) in SINO_VIETNAMESE for s, e in tokens)


def place_words_before_foreign_name(body: str, tokens: list[tuple[int, int]]) -> int:
    """How many Vietnamese syllables open a name read on into a foreign one: a place or an
    office's word the lexicons miss ("Thủ tướng Nam Tư Slobodan Milosevic", "Tỉnh trưởng
    Hắc Long Giang Zhang Zuoji", "Tổng thống Ảrập Hosni Mubarak"). Vietnamese syllables,
    one with letters only Vietnamese writes, then at least two words in plain Latin
    letters, one of them no Vietnamese syllable ("Milosevic"): the syllables are not part
    of the name ("Phạm Minh Chính", "Kim Tê Chung" keep theirs)."""
    if len(tokens) < 3:
        return 0
    words = [body[s:e] for s, e in tokens]
    if not (words[-1].isascii() and words[-2].isascii()):
        return 0  # "Hồ Chí Minh", "Phạm Minh Chính": most names stop here
    lead = 0
    while lead < len(words) - 2 and VIETNAMESE_SYLLABLE.fullmatch(fold(words[lead])):
        lead += 1
    while lead and not (
        any(has_vietnamese_letters(w) for w in words[:lead])
        and all(w.isascii() for w in words[lead:])
        and not all(VIETNAMESE_SYLLABLE.fullmatch(fold(w)) for w in words[lead:])
    ):
        lead -= 1
    return lead
