"""An adopted document's name in English ("Bản ghi nhớ về hợp tác giáo dục" →
"Memorandum of Understanding on Education Cooperation").

The kind comes from documents.tsv; the words after it are read through
document_words.tsv, the party and city names of their own lexicons and the partnership
levels of milestones.tsv. A Vietnamese noun phrase puts its modifiers after the word
they qualify and English before, so each run of words between two prepositions is read
in the reverse order ("Tham vấn Hải quân Việt Nam - Hàn Quốc" → "Vietnam-Korea Navy
Consultation"); words joined by a dash, a comma or "và" keep their order ("kinh tế - văn
hóa" → "Economic-Cultural"). A name with a word none of the lexicons knows is not
guessed at: the caller keeps the Vietnamese words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplonews.extract.lexicons import NUMBER_WORDS, City, Lexicons, relationship_levels

# What may join two words of one group: a dash, a comma, "và" (and).
JOINER = re.compile(r"\s*(?:[-–]|,|,?\s*và(?=\s))\s*", re.IGNORECASE)
# Numbers that stay after the name in English: a year, a span of years, a Roman numeral.
TRAILING = re.compile(r"(?:năm\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?|[IVX]{1,4})(?!\w)")
# "lần thứ 27", "lần thứ hai": an ordinal, which English puts first ("27th").
ORDINAL = re.compile(r"lần\s+thứ\s+(\d+|\w+)(?!\w)", re.IGNORECASE)
# A party's short name cut off by the dash of a compound ("Việt Nam - Hàn Quốc").
PARTY_DASH = re.compile(r"\s*[-–]\s*")


@dataclass
class Run:
    """The words between two prepositions: groups of words joined together, in order."""

    link: str = ""  # the English preposition or action that opens the run
    groups: list[list[str]] = field(default_factory=list)
    joiners: list[list[str]] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    proper: bool = True  # only names and numbers (a city, a party, an ordinal)
    definite: bool = False  # names a partnership: "on the Comprehensive Partnership"

    def english(self) -> str:
        words = []
        for group, joins in zip(reversed(self.groups), reversed(self.joiners), strict=True):
            text = group[0]
            for joiner, word in zip(joins, group[1:], strict=True):
                text += joiner + word
            words.append(text)
        return " ".join(words + self.trailing)


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _runs(said: str, lex: Lexicons) -> list[Run] | None:
    """The words of `said` as runs of English words, or None at an unknown word."""
    words = lex.document_words.find(said)
    parties = lex.party_names.find(said)
    places = lex.places.find(said)
    levels = relationship_levels().find(said)
    known: dict[int, tuple[int, str, str]] = {}  # start -> (end, English, role)
    for start, end, payloads in words:
        english, role = payloads[0]
        known[start] = (end, english, role)
    series = lex.series.find(said)
    for hits, role in (
        (levels, "level"),
        (series, "series"),
        (places, "proper"),
        (parties, "party"),
    ):
        for start, end, payloads in hits:
            if start in known and known[start][0] > end:
                continue
            if role == "level":
                english = payloads[0].label
            elif role == "series":
                english = payloads[0].name_en
            elif role == "proper":
                english = payloads[0].name_en if isinstance(payloads[0], City) else ""
            else:
                party = lex.party(payloads[0])
                english = party.short_en if party else ""
            if english:
                known[start] = (end, english, role if role == "level" else "proper")
    runs = [Run()]
    at, size = 0, len(said)
    joiner = ""
    while True:
        gap = re.match(r"\s*", said[at:])
        at += gap.end() if gap else 0
        if at >= size:
            break
        join = JOINER.match(said, at)
        if join and join.end() > at and runs[-1].groups:
            joiner = (
                "-" if join.group().strip() in "-–" else ", " if "," in join.group() else " and "
            )
            at = join.end()
            continue
        number = TRAILING.match(said, at)
        if number:
            runs[-1].trailing.append(re.sub(r"^năm\s+", "", number.group(), flags=re.IGNORECASE))
            at = number.end()
            continue
        nth = ORDINAL.match(said, at)
        if nth:
            value = nth.group(1)
            count = int(value) if value.isdigit() else NUMBER_WORDS.get(value.lower())
            if not count:
                return None
            runs[-1].groups.append([ordinal(count)])
            runs[-1].joiners.append([])
            at, joiner = nth.end(), ""
            continue
        if at not in known:
            return None
        end, english, role = known[at]
        run = runs[-1]
        if role == "filler":
            pass
        elif role in ("link", "action"):
            if joiner:
                return None
            runs.append(Run(link=english))
        else:
            if role in ("word", "level"):  # an adjective leaves a run of names proper
                run.proper = False
                run.definite = run.definite or role == "level"
            if run.groups and run.groups[-1] == ["Relations"] and english.endswith("Partnership"):
                run.groups.pop()  # "quan hệ Đối tác chiến lược": the partnership itself
                run.joiners.pop()
            if joiner and run.groups:
                run.groups[-1].append(english)
                run.joiners[-1].append(joiner.replace(", and ", " and "))
            else:
                run.groups.append([english])
                run.joiners.append([])
        joiner = ""
        at = end
    if joiner:
        return None
    return runs


def english_words(said: str, lex: Lexicons) -> str | None:
    """A noun phrase in English ("Năm giao lưu Hàn Quốc-Mekong" → "Korea-Mekong Exchange
    Year"), or None when a word is unknown or a preposition splits it."""
    runs = _runs(said.strip(" “”\"'"), lex)
    if runs is None or len(runs) != 1:
        return None
    return runs[0].english() or None


def english_name(kind: str, said: str, lex: Lexicons) -> str | None:
    """The English name of a document of `kind` whose Vietnamese name goes on with
    `said`, or None when a word of it is not in the lexicons."""
    said = said.strip(" “”\"'")
    if not said:
        return kind
    runs = _runs(said, lex)
    if runs is None:
        return None
    first, rest = runs[0], runs[1:]
    topic = lex.document_topics.get(kind, "on")
    head = first.english()
    if not head:
        parts = [kind]
        if rest and _acts(rest[0]):
            parts.append(f"{'for' if topic == 'for' else 'on'} the")
    elif first.proper or topic == "before":
        parts = [_before(first, kind)]
    else:
        parts = [f"{kind} {topic} {'the ' if first.definite else ''}{head}"]
    for i, run in enumerate(rest):
        words = run.english()
        if not words and (_acts(run) or i + 1 == len(rest) or not _acts(rest[i + 1])):
            return None  # "về việc thiết lập" with nothing set up, "của" with no one
        if not words:
            parts.append(f"{run.link} the")  # "về việc thiết lập": "on the Establishment of"
        elif _acts(run):
            parts.append(f"{run.link} the {words}")
        else:
            parts.append(f"{run.link} {'the ' if run.definite else ''}{words}")
    return " ".join(" ".join(parts).split())


def _acts(run: Run) -> bool:
    """The run is opened by an action ("Establishment of"), not a preposition."""
    return run.link.endswith((" of", " to"))


def _before(run: Run, kind: str) -> str:
    """ "Hanoi Plan of Action II": names before the kind, numbers after it."""
    trailing = " ".join(run.trailing)
    run.trailing = []
    head = run.english()
    return f"{head} {kind} {trailing}".strip() if head else f"{kind} {trailing}"
