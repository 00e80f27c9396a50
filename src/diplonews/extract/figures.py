"""Quantities the article states about a relationship: trade, investment, aid, people, growth.

`run` sets `doc.record.figures`. One regex pass over the body finds amounts written the
Vietnamese way ("196,64 tỉ USD", "1.200 tỷ đồng", "40.000 sinh viên", "tăng gấp 23 lần",
"tăng 12%": "." groups thousands, "," marks decimals). An amount counts only when its
sentence is about a relationship: it names two distinct parties (states, blocs or
groups, also in compounds like "Hàn-Việt"), or one party and an exchange word ("hai
chiều", "song phương", "hai nước", "hai bên", "giữa … và …"). Rankings ("lớn thứ 5"),
anniversaries ("35 năm"), editions, counts of countries or ministers carry no unit here
and are never read; shares ("chiếm 41%") and a country's own growth rate are not growth
of an exchange, so percentages and factors need a verb of change ("tăng", "giảm",
"gấp") and a subject of exchange (trade, investment, visitors, …) before them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from heapq import merge

from diplonews.extract.doc import Doc
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.record import Figure

CURRENCIES = {
    "usd": "USD", "us$": "USD", "đô la mỹ": "USD", "đô-la mỹ": "USD", "đô la": "USD",
    "đô-la": "USD", "đôla": "USD", "đồng": "VND", "vnd": "VND", "vnđ": "VND",
    "euro": "EUR", "eur": "EUR", "yên": "JPY", "yên nhật": "JPY", "won": "KRW",
    "nhân dân tệ": "CNY", "ndt": "CNY", "bảng anh": "GBP", "rúp": "RUB", "baht": "THB",
}  # fmt: skip
# "đô la Canada" is not the US dollar: the dollars of other states, as written (the state's
# name keeps its capital, so the forms are matched as written and looked up lowered).
DOLLARS = {
    "Canada": "CAD", "Singapore": "SGD", "Úc": "AUD", "Australia": "AUD",
    "Hồng Kông": "HKD", "Hong Kong": "HKD", "Đài Loan": "TWD", "New Zealand": "NZD",
    "Brunei": "BND",
}  # fmt: skip
CURRENCIES |= {
    f"{dollar} {state}": code
    for dollar in ("đô la", "đô-la", "đôla")
    for state, code in DOLLARS.items()
}
_CURRENCY_OF = {form.lower(): code for form, code in CURRENCIES.items()}
# Counted persons → what they are (English, for `Figure.what`).
PEOPLE = {
    "sinh viên": "students", "du học sinh": "students abroad", "học sinh": "pupils",
    "học viên": "trainees", "thực tập sinh": "trainees", "nghiên cứu sinh": "doctoral students",
    "lao động": "workers", "người lao động": "workers", "chuyên gia": "experts",
    "du khách": "visitors", "lượt khách": "visitors", "lượt du khách": "visitors",
    "lượt": "visitors", "khách du lịch": "visitors", "người": "people",
}  # fmt: skip
SCALES = {
    "nghìn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỷ": 10**12,
    "ngàn tỉ": 10**12,
    "tỷ": 10**9,
    "tỉ": 10**9,
    "triệu": 10**6,
    "nghìn": 10**3,
    "ngàn": 10**3,
}


def _alternatives(forms: Iterable[str]) -> str:
    """A regex alternation of the forms, longest first, in lower, upper and title case.

    The forms are grouped by their first letter ("n(?:ghìn\\s+tỷ|ghìn)|N(?:…)"): the engine
    tests an alternative's first letter before trying it, so a number before a word is
    tried against a few dozen groups, not hundreds of forms (the amounts' scan took 25 us
    a body). Forms of different first letters never match at the same place, so the
    grouping keeps what matches. (The scans run case-sensitively: IGNORECASE makes them
    markedly slower.)
    """
    cased = {v for f in forms for v in (f, f.upper(), f[:1].upper() + f[1:])}
    groups: dict[str, list[str]] = {}
    for f in sorted(cased, key=len, reverse=True):
        groups.setdefault(f[0], []).append(re.escape(f[1:]).replace(r"\ ", r"\s+"))
    return "|".join(
        re.escape(first) + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
        for first, rests in groups.items()
    )


_UNIT_FORMS = _alternatives(set(CURRENCIES) | set(PEOPLE))
# First letters of the units: a quick test before the long alternation is tried.
_UNIT_FIRSTS = (
    "".join(
        sorted({c for f in [*CURRENCIES, *PEOPLE, *SCALES, "lần"] for c in (f[0], f[0].upper())})
    )
    + "%"
)
_AMOUNT = re.compile(
    r"(?P<num>[0-9](?<![\w.,][0-9])(?:[0-9.,]*[0-9])?)\s*"
    rf"(?=[{re.escape(_UNIT_FIRSTS)}])(?:"
    rf"(?P<scale>{_alternatives(SCALES)})(?!\w)(?:\s*(?P<su>{_UNIT_FORMS})(?!\w))?"
    rf"|(?P<unit>{_UNIT_FORMS}|lần)(?!\w)|(?P<pct>%))"
)
# A factor or percentage counts after a verb of change: "tăng gấp 23 lần", "tăng 12%".
_CHANGE_BEFORE = re.compile(
    r"(?<!\w)(?P<verb>tăng(?:\s+trưởng)?|giảm|gấp)"
    r"(?:\s+(?:gấp|thêm|khoảng|gần|hơn|trên|xấp xỉ|tới|đến|lên|xuống|còn|mạnh|ở mức|mức))*\s*$",
    re.IGNORECASE,
)
# A change forecast, not stated as having happened: "dự kiến sẽ tăng gấp đôi".
_FORECAST = re.compile(r"(?<!\w)(?:sẽ|dự kiến|dự báo|có thể|có khả năng)(?!\w)", re.IGNORECASE)
_FORECAST_AMOUNT = re.compile(
    r"(?<!\w)(?:sẽ|dự kiến|dự báo|có thể|có khả năng)\s+(?:\w+\s+){0,2}?"
    r"(?:đạt|lên|vượt|tăng lên)(?:\s+(?:mức|khoảng|gần|hơn|trên|tới))*\s*$",
    re.IGNORECASE,
)
# Factors written in words: "tăng gấp đôi" (2), "gấp ba" (3), "gấp rưỡi" (1.5).
WORD_FACTORS = {"đôi": "2", "ba": "3", "bốn": "4", "rưỡi": "1.5"}
# "(?<!\w)[gG]" written "[gG](?<!\w[gG])" (the same test of the character before): a
# pattern that opens with a class has the engine skip to its characters, one that opens
# with an assertion is tried at every character of the body (100 us a body).
_WORD_FACTOR = re.compile(
    rf"[gG](?<!\w[gG])ấp\s+(?P<word>{_alternatives(WORD_FACTORS)})(?!\w)(?!\s+lần)"
)
# Subjects whose change is a figure of the relationship (→ English noun).
SUBJECTS = {
    "thương mại hai chiều": "two-way trade", "kim ngạch hai chiều": "two-way trade",
    "thương mại song phương": "bilateral trade", "kim ngạch song phương": "bilateral trade",
    "kim ngạch": "trade", "thương mại": "trade", "giao thương": "trade",
    "xuất khẩu": "exports", "nhập khẩu": "imports", "fdi": "FDI", "vốn đầu tư": "investment",
    "đầu tư": "investment", "tổng vốn": "investment", "oda": "ODA", "viện trợ": "aid",
    "tài trợ": "aid", "hỗ trợ": "aid", "quỹ": "fund",
    "khoản vay": "loans", "vốn vay": "loans", "giao lưu nhân dân": "people-to-people exchanges",
    "giao lưu": "exchanges", "du lịch": "tourism", "du khách": "visitors",
    "lượt khách": "visitors", "trao đổi": "exchanges",
}  # fmt: skip
_SUBJECT = re.compile(rf"(?<!\w)(?:{_alternatives(SUBJECTS)})(?!\w)")
_TARGET = re.compile(
    r"(?<!\w)(?:mục tiêu|phấn đấu|nhằm đưa|đưa|hướng tới|kế hoạch)(?!\w)", re.IGNORECASE
)
# A goal for a figure ("phấn đấu đưa kim ngạch đạt 150 tỉ USD") is not a figure; a plan of
# the speaker's own ("kế hoạch đào tạo 40.000 sinh viên") is kept, marked as a target.
_GOAL = re.compile(r"(?<!\w)(?:mục tiêu|phấn đấu|nhằm đưa|đưa|hướng tới)(?!\w)", re.IGNORECASE)
_OWN_ECONOMY = re.compile(r"(?<!\w)(?:GDP|tổng sản phẩm|dân số)(?!\w)", re.IGNORECASE)
RELATION_WORDS = (
    "hai chiều",
    "song phương",
    "hai nước",
    "hai bên",
    "xuất khẩu sang",
    "nhập khẩu từ",
)
BILATERAL_WORDS = ("hai chiều", "song phương", "hai nước")
_BETWEEN = re.compile(r"(?<!\w)giữa\s.+?\svà\s", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\w)năm\s+([0-9]{4})(?![0-9])", re.IGNORECASE)
# Years said relative to the publication: last year, this year, the first months of it.
_RELATIVE_YEAR = re.compile(
    r"(?<!\w)(?:năm\s+(?P<last>ngoái|vừa\s+qua)|năm\s+nay"
    r"|tháng\s+đầu\s+năm(?!\s+(?:[0-9]|ngoái|nay|vừa)))(?!\w)",
    re.IGNORECASE,
)
_BASELINE = re.compile(r"(?:so\s+với|từ|kể\s+từ)\s+(?:cùng\s+kỳ\s+)?$", re.IGNORECASE)
# A price per unit ("160 USD cho một nghìn mét khối", "250 USD/khách", "15 euro mỗi ngày")
# is not a quantity of the relationship; an amount per year or month ("10 tỷ USD/năm") is.
_PER_UNIT = re.compile(r"\s*(?:/\s*|(?:cho\s+)?(?:mỗi|một|1)\s+)(?!năm|tháng|quý)\w", re.IGNORECASE)
# "người" counts persons of any kind (the dead, protesters, a population): it is a flow
# of people between the sides only when the sentence says they live, work, study or
# travel there.
_PEOPLE_FLOW = re.compile(
    r"(?<!\w)(?:sinh sống|làm việc|học tập|du học|tu nghiệp|đào tạo|du lịch|du khách|lao động"
    r"|cộng đồng|kiều bào|định cư|nhập cảnh|xuất cảnh|sang thăm|đến thăm|giao lưu|lượt)(?!\w)",
    re.IGNORECASE,
)
# A price ("với giá 289 USD", "giá vé 400 USD", "giá mỗi thùng dầu giảm 1,31 USD") is not a
# quantity of the relationship; "trị giá" (worth) and "giá trị" (value) are not prices.
_PRICE = re.compile(r"(?<!\w)(?<!trị )[gG]iá(?!\s+trị)(?!\w)")
HOME = "VNM"  # the state whose news this is
PARTY_KINDS = frozenset({"state", "bloc", "group"})
_SPACES = re.compile(r"\s+")  # compiled once: `re.sub` looks its pattern up at each call


def parse_number(text: str) -> Decimal | None:
    """A number written the Vietnamese way: "1.200" → 1200, "196,64" → 196.64.

    A dot followed by other than three digits is read as a decimal point ("2.5 tỷ").
    """
    if "," in text:
        whole, _, fraction = text.rpartition(",")
        digits = whole.replace(".", "").replace(",", "") + "." + fraction
    elif "." in text:
        groups = text.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            digits = "".join(groups)
        elif len(groups) == 2:
            digits = text
        else:
            return None
    else:
        digits = text
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _number_value(value: Decimal) -> float:
    return int(value) if value == value.to_integral_value() else float(value)


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    """The sentence holding `position`, for a body that came without sentence spans."""
    start = max(
        text.rfind(". ", 0, position), text.rfind("! ", 0, position), text.rfind("? ", 0, position)
    )
    start = max(start + 2 if start >= 0 else 0, text.rfind("\n", 0, position) + 1)
    stops = [
        i + 1
        for i in (text.find(". ", position), text.find("! ", position), text.find("? ", position))
        if i >= 0
    ]
    newline = text.find("\n", position)
    if newline >= 0:
        stops.append(newline)
    return start, min(stops) if stops else len(text)


class _Sentence:
    """What the figures of one sentence need to know about it; worked out on demand."""

    def __init__(self, text: str, start: int, lex: Lexicons) -> None:
        self.text, self.start = text, start
        self._lex = lex
        self._parties: list[str] | None = None

    @property
    def parties(self) -> list[str]:
        """Codes of the parties the sentence names, in order of appearance."""
        if self._parties is None:
            found: list[tuple[int, str]] = []
            lex = self._lex
            for start, _end, payloads in lex.party_names.find(self.text):
                for code in payloads:
                    party = lex.parties.get(code)
                    if code != "-" and (party is None or party.kind in PARTY_KINDS):
                        found.append((start, code))
            if lex.party_short:
                found.extend(_compound_parties(self.text, lex))
            # A Vietnamese city stands for Vietnam when another state is named: "khách Hàn
            # Quốc đến Đà Nẵng" is a figure of Korea and Vietnam. (Cities abroad are not
            # read so: world news names a city for where things happen, not for a side.)
            if found and any(code != HOME for _, code in found):
                found.extend(
                    (start, HOME)
                    for start, _end, places in lex.places.find(self.text)
                    if any(getattr(place, "country", "") == HOME for place in places)
                )
            found.sort()
            codes: list[str] = []
            for _start, code in found:
                if code not in codes:
                    codes.append(code)
            self._parties = codes
        return self._parties

    def about_relationship(self) -> bool:
        count = len(self.parties)
        if count >= 2:
            return True
        lower = self.text.lower()
        if count == 0:  # "kim ngạch thương mại song phương": the article's two sides
            return any(w in lower for w in BILATERAL_WORDS)
        return any(w in lower for w in RELATION_WORDS) or bool(_BETWEEN.search(self.text))


_WORDS_BEFORE = re.compile(r"(?:\w+\s+){0,2}\w+\s*$")
_WORDS_AFTER = re.compile(r"\s*\w+(?:\s+\w+){0,2}")


def _compound_parties(text: str, lex: Lexicons) -> list[tuple[int, str]]:
    """Parties named by short forms inside compounds: "Hàn-Việt", "Việt - Ba Lan"."""
    found = []
    for dash in "-–":
        index = text.find(dash)
        while index >= 0:
            before = _WORDS_BEFORE.search(text, max(0, index - 30), index)
            if before:  # the longest run of words that ends at the dash
                words = before.group().split()
                for n in range(len(words), 0, -1):
                    code = lex.party_short.get(" ".join(words[-n:]))
                    if code:
                        found.append((index - 1, code))
                        break
            after = _WORDS_AFTER.match(text, index + 1)
            if after:  # the longest run of words that starts at the dash
                words = after.group().split()
                for n in range(len(words), 0, -1):
                    code = lex.party_short.get(" ".join(words[:n]))
                    if code:
                        found.append((index + 1, code))
                        break
            index = text.find(dash, index + 1)
    return found


def _subject_before(text: str, position: int) -> re.Match[str] | None:
    """The nearest subject word before `position`: in its clause (after the last ", "),
    else anywhere before it in the sentence ("đạt 80 tỷ USD, tăng 12%")."""
    ends, found = _subjects(text)
    index = bisect_right(ends, position)
    return found[index - 1] if index else None


@lru_cache(maxsize=64)
def _subjects(text: str) -> tuple[list[int], list[re.Match[str]]]:
    """The subject words of a sentence and where they end, found once per sentence: a
    sentence of many amounts looks back from each (scanning for each cost its square)."""
    found = list(_SUBJECT.finditer(text))
    return [m.end() for m in found], found


@lru_cache(maxsize=64)
def _first_target_end(text: str) -> int:
    """Where the sentence's first target word ("mục tiêu", "phấn đấu" …) ends, else -1."""
    m = _TARGET.search(text)
    return m.end() if m else -1


def _figure_year(sentence: _Sentence, start: int, end: int, published: int | None) -> int | None:
    """The year stated for the figure: in its clause, else before it, else after it. A
    year said relative to the publication ("năm ngoái", "năm nay", "8 tháng đầu năm")
    counts when the publication year is known."""
    text = sentence.text
    years = [
        (m.start(), int(m.group(1)))
        for m in _YEAR.finditer(text)
        if not _BASELINE.search(text, max(0, m.start() - 20), m.start())
    ]
    if published is not None:
        years += [
            (m.start(), published - 1 if m["last"] else published)
            for m in _RELATIVE_YEAR.finditer(text)
            if not _BASELINE.search(text, max(0, m.start() - 20), m.start())
        ]
        years.sort()
    if not years:
        return None
    clause_start = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start)) + 1
    stops = [i for i in (text.find(", ", end), text.find("; ", end)) if i >= 0]
    clause_end = min(stops) if stops else len(text)
    in_clause = [year for at, year in years if clause_start <= at < clause_end]
    if in_clause:
        return in_clause[0]
    before = [year for at, year in years if at < start]
    return before[-1] if before else years[0][1]


def _what(parties: list[str], lex: Lexicons, noun: str, target: bool) -> str:
    names = [lex.parties[c].short_en if c in lex.parties else c for c in parties[:2]]
    prefix = "-".join(names) + " " if names else ""
    return f"{prefix}{noun}{' target' if target else ''}"


def _two_sides(named: list[str], sides: list[str]) -> list[str]:
    """The figure's two parties: those its sentence names, completed by the article's
    sides (the parties of its events) when the sentence names fewer — "kim ngạch hai
    chiều" in an article on Vietnam and Brazil is Vietnam-Brazil trade."""
    if len(named) >= 2 or not sides:
        return named
    if not named:
        return sides if len(sides) == 2 else named
    if named[0] in sides and len(sides) == 2:
        return [named[0], *(c for c in sides if c != named[0])]
    return [named[0], HOME] if named[0] != HOME and HOME in sides else named


def _change(
    text: str, start: int, number: Decimal, unit: str
) -> tuple[float, str, str, bool] | None:
    """A factor or percentage at `start`: a figure after a verb of change with a subject
    of exchange before it ("kim ngạch tăng 12%"), negative for "giảm"."""
    change = _CHANGE_BEFORE.search(text, max(0, start - 40), start)
    subject = _subject_before(text, start) if change else None
    if change is None or subject is None:
        return None
    if _FORECAST.search(text, max(0, change.start() - 25), change.start()):
        return None  # "dự kiến sẽ tăng gấp đôi": a forecast, not what happened
    sign = -1 if change["verb"].lower() == "giảm" else 1
    noun = SUBJECTS[_SPACES.sub(" ", subject.group().lower())]
    noun = f"{'decline' if sign < 0 else 'growth'} of {noun}"
    return _number_value(sign * number), unit, noun, False


def _amount(m: re.Match[str], sentence: _Sentence) -> tuple[float, str, str, bool] | None:
    """What the amount `m` (matched over the body) states: value, unit, English noun and
    whether it is a target; None when it is not a figure whatever the sentence."""
    text = sentence.text
    if m.re is _WORD_FACTOR:
        factor = WORD_FACTORS[m["word"].lower()]
        return _change(text, m.start() - sentence.start, Decimal(factor), "times")
    number = parse_number(m["num"])
    if number is None:
        return None
    start = m.start() - sentence.start
    if m["pct"] or (m["unit"] and m["unit"].lower() == "lần"):
        return _change(text, start, number, "percent" if m["pct"] else "times")
    unit_form = _SPACES.sub(" ", (m["su"] or m["unit"] or "").lower())
    value = number * SCALES.get(_SPACES.sub(" ", (m["scale"] or "").lower()), 1)
    if unit_form in _CURRENCY_OF:
        unit = _CURRENCY_OF[unit_form]
        if unit == "VND" and not m["scale"] and value < 1000:
            return None
        if _PER_UNIT.match(text, m.end() - sentence.start):
            return None  # a price: "160 USD cho một nghìn mét khối", "250 USD/khách"
        clause_start = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start)) + 1
        if _OWN_ECONOMY.search(text, clause_start, start):
            return None  # "GDP của Indonesia đạt 1.300 tỷ USD"
        if _FORECAST_AMOUNT.search(text, max(clause_start, start - 40), start):
            return None  # "kim ngạch năm nay sẽ đạt 12 tỷ USD": a forecast
        if _PRICE.search(text, clause_start, start):
            return None  # "tour Thái Lan 5 ngày với giá 289 USD"
        subject = _subject_before(text, start)
        if subject is None:
            after = _subjects(text)[1]
            if not after:
                return None  # no trade, investment or aid: a price, a fine, a budget
            subject = after[0]
        noun = SUBJECTS[_SPACES.sub(" ", subject.group().lower())]
    elif unit_form in PEOPLE:
        unit, noun = "people", PEOPLE[unit_form]
        if value < 100:
            return None  # "đoàn gồm 20 người", "6 học sinh dự thi": a group, not a flow
        if unit_form == "người" and not _PEOPLE_FLOW.search(text):
            return None  # "17.000 người Hàn Quốc xuống đường", "400 người chết"
    else:
        return None
    return _number_value(value), unit, noun, 0 <= _first_target_end(text) <= start


def _is_goal(text: str, start: int) -> bool:
    clause_start = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start)) + 1
    return bool(_GOAL.search(text, clause_start, start))


# The trade a sentence can carry on from the one before: "Kim ngạch thương mại hai chiều
# năm 2022 đạt 6,8 tỷ USD. Trong 8 tháng đầu năm, kim ngạch đạt 4,46 tỷ USD." (Investment
# is not carried: a company's project follows a sentence on FDI as often as FDI does.)
_CARRIED = re.compile(r"(?<!\w)(?:[kK]im ngạch|[tT]hương mại|[gG]iao thương|[mM]ậu dịch)(?!\w)")


def _previous(
    body: str,
    spans: list[tuple[int, int]],
    index: int,
    sentences: dict[tuple[int, int], _Sentence],
    lex: Lexicons,
) -> _Sentence | None:
    if index < 1:
        return None
    span = spans[index - 1]
    found = sentences.get(span)
    if found is None:
        found = sentences[span] = _Sentence(body[span[0] : span[1]], span[0], lex)
    return found


def _continues(sentence: _Sentence, at: int, previous: _Sentence, sides: list[str]) -> bool:
    """The sentence goes on about the exchange of the one before: that one is about the
    relationship and names trade or investment, this one names it again before the amount
    and no party but the other's and the article's sides (the parties of its events)."""
    start = at - sentence.start
    return (
        _CARRIED.search(sentence.text, 0, start) is not None
        and _CARRIED.search(previous.text) is not None
        and previous.about_relationship()
        and set(sentence.parties) <= set(previous.parties) | set(sides)
    )


def _start(m: re.Match[str]) -> int:
    return m.start()


def find_figures(doc: Doc, lex: Lexicons) -> list[Figure]:
    """The relationship figures of `doc.body`, once each (by value and unit)."""
    body = doc.body
    spans = doc.sentences
    starts = [s for s, _ in spans]
    sentences: dict[tuple[int, int], _Sentence] = {}
    figures: list[Figure] = []
    seen: set[tuple[float, str]] = set()
    # Vietnam first, as the article's sides are written, then in the order the events name
    # them (a set here made "Japan-Russia" or "Russia-Japan" depend on the hash seed)
    sides = sorted(
        dict.fromkeys(code for event in doc.record.events for code in event.parties),
        key=lambda code: code != HOME,
    )
    stated = doc.record.published
    published = int(stated[:4]) if stated and stated[:4].isdigit() else None
    amounts: Iterable[re.Match[str]] = _AMOUNT.finditer(body)
    if "gấp" in body or "Gấp" in body:  # a substring test is far cheaper than the scan
        amounts = merge(amounts, _WORD_FACTOR.finditer(body), key=_start)
    for m in amounts:
        if spans:
            index = bisect_right(starts, m.start()) - 1
            if index < 0:
                continue
            span = spans[index]
        else:
            span = _sentence_around(body, m.start())
        if m.end() > span[1]:
            continue
        sentence = sentences.get(span)
        if sentence is None:
            sentence = sentences[span] = _Sentence(body[span[0] : span[1]], span[0], lex)
        amount = _amount(m, sentence)  # cheap checks first, the party lookup last
        if amount is None or amount[:2] in seen:
            continue
        if not sentence.about_relationship():
            previous = _previous(body, spans, index, sentences, lex) if spans else None
            if previous is None or not _continues(sentence, m.start(), previous, sides):
                continue
            sentence.parties[:0] = [c for c in previous.parties if c not in sentence.parties]
        if amount[3] and _is_goal(sentence.text, m.start() - sentence.start):
            continue
        value, unit, noun, target = amount
        seen.add((value, unit))
        start, end = m.start() - sentence.start, m.end() - sentence.start
        figures.append(
            Figure(
                _what(_two_sides(sentence.parties, sides), lex, noun, target),
                value,
                unit,
                _figure_year(sentence, start, end, published),
                sentence.text.strip(),
            )
        )
    return figures


def run(doc: Doc, lex: Lexicons) -> None:
    """The relationship figures the body states.

    Reads: body, record.events, record.published, sentences.
    Adds: record.figures.
    """
    doc.record.figures = find_figures(doc, lex)
