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
from typing import Any

from diplonews.extract.doc import Doc
from diplonews.extract.lexicons import Lexicons, Party, Title
from diplonews.extract.record import Person
from diplonews.extract.spans import Spans, covering
from diplonews.text import fold

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


@dataclass
class Mention:
    start: int  # the whole mention, title included
    end: int
    name: str | None  # None for a title alone
    titles: list[Title] = field(default_factory=list)
    country: str | None = None
    person: int = -1  # index into the doc's people
    anaphoric: bool = False  # a title alone or a short form pointing back
    before_name: int = 0  # how many of `titles` stand before the name (the rest after it)


@dataclass(frozen=True)
class NameWords:
    """The words of name_words.tsv, by the part they play around a personal name."""

    honorifics: tuple[str, ...]  # "ông ", "Ông ", … (with the space that follows)
    particles: frozenset[str]  # lower-case words inside a foreign name: "bin", "de"
    stops: frozenset[str]  # capitalised words a name cannot start with
    not_official: tuple[str, ...]  # "phu nhân": a role that is no office
    portfolios: tuple[str, ...]  # "Quốc phòng" after "Trợ lý Bộ trưởng"

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
                ),
            )
        return _NAME_WORDS[key][1]


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
        )


def is_capitalised(token: str) -> bool:
    return token[:1].isupper()


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
        if q in found.titles or q in found.parties or (not tokens and q in found.places):
            break
        glued = GLUED.search(word) if "." in word else None
        if glued:  # "Suk-yeol.Một": a sentence end without its space
            word = word[: glued.start() + 1]
        if is_capitalised(word):
            core = word.rstrip(".")
            if "-" in core and any(part in found.short_forms for part in core.split("-")):
                break  # "Hàn-ASEAN" joins two parties
            if not tokens and core in found.words.stops or not core[:1].isalpha():
                break
            if len(core) > 1 and core.isupper() and "." not in core:
                break  # an acronym (ARF, MLC), not a name
            if word.endswith(".") and len(core) > 1 and "." not in core:
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
            if not nxt or not is_capitalised(nxt.group()):
                break
            p = t.end()
        else:
            break
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    if len(tokens) == 1 and (end - start < 2 or not body[start:end].replace("-", "").isalpha()):
        return None
    if PLACE_BEFORE.search(body[max(0, start - 30) : start]):
        return None
    return start, end


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
        if q in found.titles:
            end, title = found.titles[q]
            titles.append(title)
            inside = next(
                (found.parties[i][1] for i in range(q + 1, end) if i in found.parties), None
            )
            info = found.party_info.get(inside) if inside else None
            if info and (info.kind == "state" or "Secretary-General" in title.en):
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
        if q in found.parties:
            end, code = found.parties[q]
            if code != "-" and country is None:
                country = code
                if titles and titles[-1].vi in HEAD_OF_STATE_CHAIR:
                    titles[-1] = HEAD_OF_STATE_TITLE  # "Chủ tịch Trung Quốc": the president
            p = end
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
        if q > pos and t.group() in found.surnames:
            return q
        p = t.end()
    return pos


def apposition(body: str, pos: int, found: Found) -> tuple[int, list[Title], str | None]:
    """Titles given after a name: "Nguyễn Quốc Dũng, Trưởng SOM ASEAN của Việt Nam"."""
    m = COMMA.match(body, pos)
    if not m or m.end() not in found.titles:
        return pos, [], None
    end, titles, country = read_titles(body, m.end(), found)
    if read_name(body, skip_spaces(body, end), found):
        return pos, [], None  # ", Chủ tịch nước Võ Văn Thưởng": the next person, not a title
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
            or NOT_A_TITLE.search(body[max(0, start - 8) : start])
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
            if span:
                more_end, more, more_country = apposition(body, span[1], found)
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
                    mentions.append(Mention(start, p, None, titles, country, anaphoric=True))
                consumed_until = p
        else:
            honorific = next((h for h in found.words.honorifics if body.startswith(h, start)), "")
            if not honorific:
                continue
            span = read_name(body, start + len(honorific), found)
            if not span:
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
    return mentions


NOT_A_TITLE = re.compile(r"(?:chính|[Cc]hính)\s+$")  # "chính quyền Tổng thống": a government
IN_EVENT_NAME = re.compile(r"(?:[Hh]ội nghị|[Cc]uộc họp|[Đđ]ối thoại|[Dd]iễn đàn)\s+(?:hẹp\s+)?$")


def honorific_starts(body: str, honorifics: tuple[str, ...]) -> set[int]:
    """Where "ông ", "bà ", "Ngài "… start a word (str.find: a regex here costs 10×)."""
    starts = set()
    for honorific in honorifics:
        at = body.find(honorific)
        while at >= 0:
            if not at or not body[at - 1].isalnum():
                starts.add(at)
            at = body.find(honorific, at + 1)
    return starts


def name_tokens(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


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
    held_titles: dict[int, list[Title]] = field(default_factory=dict)  # by person index

    def add(self, mention: Mention, order: int) -> None:
        if mention.name is None:
            mention.person = self.by_title(mention)
            return
        key = name_tokens(mention.name)
        index = self.by_name(key, mention.country)
        if index < 0 and len(key) < 2:
            mention.person = -1  # a lone word that names nobody known
            return
        if index < 0:
            country = mention.country or surname_country(mention.name, self.lex)
            self.people.append(Person(mention.name, country, []))
            self.keys.append(key)
            self.last_seen.append(order)
            self.confirmed.append(False)
            index = len(self.people) - 1
        else:
            person = self.people[index]
            if len(key) > len(self.keys[index]):
                person.name, self.keys[index] = mention.name, key
            else:
                mention.anaphoric = True
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
            if (same or part or whole) and self.last_seen[i] > best_seen:
                best, best_seen = i, self.last_seen[i]
        return best

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
    mentions = find_mentions(doc.body, lex, doc.matches)
    resolver = Resolver(lex)
    for order, mention in enumerate(mentions):
        resolver.add(mention, order)
    for aside in doc.asides:  # an official named only in a photo caption
        if aside in doc.body:
            continue  # a caption that repeats the text says nothing new
        for mention in find_mentions(aside, lex):
            if mention.name and mention.titles:
                resolver.add(mention, len(mentions))
    # A named person without any title counts as an official only when they stand in a
    # sentence beside officials (a delegation list), never on their own.
    keep = [
        resolver.confirmed[i] or official_context(doc, mentions, i)
        for i in range(len(resolver.people))
    ]
    remap: dict[int, int] = {}
    people: list[Person] = []
    for i, person in enumerate(resolver.people):
        if keep[i]:
            remap[i] = len(people)
            people.append(person)
    for mention in mentions:
        mention.person = remap.get(mention.person, -1)
    doc.mentions = [m for m in mentions if m.person >= 0]
    if any(p.country is None for p in people):
        # A foreign name whose country the text never states: the article's counterpart.
        counterpart = main_foreign_party(doc, lex)
        for person in people:
            if person.country is None:
                person.country = counterpart
    doc.record.people = people


def official_context(doc: Doc, mentions: list[Mention], index: int) -> bool:
    spans = [m for m in mentions if m.person == index]
    if not spans:
        return False
    first = spans[0]
    for start, end in doc.sentences:
        if start <= first.start < end:
            return sum(1 for m in mentions if start <= m.start < end and m.titles) >= 2
    return False
