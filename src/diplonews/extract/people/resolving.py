"""Mentions joined into people: one person however often and however briefly named.

"Tổng thống Lee" after "Tổng thống Hàn Quốc Lee Jae Myung", "V.Putin" and "Vladimir
Putin", "Lee Hsien Loong" after "Lý Hiển Long", a title alone after its holder: the
resolver decides which mentions are one person, and what country that person serves
when the text, the officials list or only the family name says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplonews.extract import officials
from diplonews.extract.doc import Mention
from diplonews.extract.lexicons import Lexicons, Title
from diplonews.extract.people.names import INITIALLED, NameWords
from diplonews.extract.record import Person
from diplonews.text import fold, has_vietnamese_letters


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


def president_word(vi: str) -> str | None:
    """Which of the press's words for a president a title is written with: "chủ tịch nước"
    (Vietnam's, also Laos's), "tổng thống" (a republic's) or "chủ tịch" (China's, "Chủ
    tịch Trung Quốc"), or None for another title ("Phó Tổng thống" is a vice president's,
    a title of its own)."""
    word = vi.lower()
    if word in ("tổng thống", "tt"):
        return "tổng thống"
    if word in ("chủ tịch nước", "chủ tịch"):
        # "Chủ tịch Trung Quốc X" is read as a president too (titles.HEAD_OF_STATE_TITLE),
        # but "Chủ tịch nước" alone is never he
        return word
    return None


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
    late: list[tuple[Mention, int]] = field(default_factory=list)  # see `add_late`
    late_pass: bool = False

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
        if index < 0 and len(key) < 2 and not lone_name_ok(mention, self.lex):
            # "người đồng nhiệm Saakashvili", "ông Putin", "Bush nói": a known official's
            # one-word name is enough; a Vietnamese-spelt one only right after a title
            # ("Thủ tướng Ôn"), as "ông Ôn, chủ tịch xã" may be anyone
            if not (
                self.officials.offices(mention.name)
                and (mention.before_name > 0 or not has_vietnamese_letters(mention.name))
            ):
                mention.person = -1  # a lone word that names nobody known
                return
            if not mention.titles:
                # without a title it names the official too loosely for the events stage
                # to read him as acting, or for the mentions after it to join him rather
                # than name him (`add_late`)
                mention.people_only = True
                if not self.late_pass:
                    self.late.append((mention, order))
                    return
        if index < 0:
            # A known official's state is a fact, surer than a state read from the context
            # ("người đồng nhiệm Mỹ Colin Powell" in news of a visit to Pakistan); a family
            # name only suggests one.
            listed = self.officials.state_of(mention.name, self.year)
            if listed is None and not has_vietnamese_letters(mention.name):
                # a foreign name the press spelled its own way (not a Vietnamese one)
                listed = self.officials.near_state_of(mention.name, self.year)
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

    def add_late(self) -> None:
        """The people-only mentions held back by `add`, after every other: each joins
        someone named otherwise, or names a person of its own."""
        self.late_pass = True
        for mention, order in self.late:
            self.add(mention, order)

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
        words = {president_word(t.vi) for t in mention.titles} - {None}
        best, best_seen = -1, -1
        for i, person in enumerate(self.people):
            if not wanted & set(person.titles):
                continue
            if mention.country and person.country and mention.country != person.country:
                continue
            held = {president_word(t.vi) for t in self.held_titles.get(i, [])} - {None}
            if words and held and not mention.country and not words & held:
                # "Chủ tịch nước … tặng hoa cho Tổng thống": one English title, but the press
                # calls Vietnam's president "Chủ tịch nước" and a republic's "Tổng thống",
                # so the word says which of the two presidents named before is meant; a
                # mention naming its state says it better ("Chủ tịch Lào" after "Chủ tịch
                # nước Lào Thongloun Sisoulith")
                continue
            if self.last_seen[i] > best_seen:
                best, best_seen = i, self.last_seen[i]
        return best
