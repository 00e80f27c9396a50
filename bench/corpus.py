"""A deterministic corpus of distinct Vietnamese diplomacy articles, for the store benchmark.

    python bench/corpus.py FOLDER --count N [--seed S] [--duplicates F] [--same-event F]

The knowledge base folds near-duplicate articles into one (MinHash over word shingles),
so a corpus made by repeating a few samples would collapse into a handful of articles.
This one is made of articles that differ as real news does: every article draws its
own events (officials, countries, dates, places, recurring mechanisms with editions),
its own sentences about the relationship (with figures) and its own sample of filler
sentences read at run time from the real articles in examples/articles/ and
tests/data/dev/ (their country names replaced by the article's). Officials come from a
fixed pool per country, made up from the surnames in the lexicons and given-name
syllables, so the same people recur across articles as they do in the news.

Two shares of the corpus are there on purpose to exercise the store: near-duplicates
(an earlier article re-published under another name, with another banner line and a
couple of words changed) and second reports (an earlier article's main event, same
date, countries and officials, told again in other words).

The same seed gives the same files, byte for byte. Articles are written one file at a
time, and only a bounded window of recent articles and events is kept for the two
shares above, so memory stays flat whatever the size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "src" / "diplonews" / "extract" / "lexicons"
# Real articles whose sentences serve as fillers: the samples, and the dev articles the
# tests ship (or, without them, the shared copy beside the repository).
DEV = ROOT / "tests" / "data" / "dev"
SAMPLES = (
    ROOT / "examples" / "articles",
    DEV if DEV.is_dir() else ROOT.parent / "shared" / "dev" / "articles",
)
RECENT_ARTICLES = 64  # how far back a near-duplicate reaches
RECENT_EVENTS = 400  # how far back a second report reaches
YEARS = (2005, 2026)


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string: "|"-separated, or space-separated without "|"."""
    return tuple(w.strip() for w in text.split("|" if "|" in text else None) if w.strip())


# Countries that Vietnamese diplomatic news reports most, in rough order of frequency;
# any other state in countries.tsv turns up now and then.
FREQUENT = _words(
    "KOR JPN CHN USA LAO KHM THA IDN MYS SGP PHL RUS IND AUS FRA DEU GBR MMR BRN NZL CAN ITA "
    "KAZ CUB MNG"
)
ASIA_SE = {"LAO", "KHM", "THA", "IDN", "MYS", "SGP", "PHL", "MMR", "BRN", "TLS"}
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

# Given names by naming custom (short syllables, combined at random).
VN_MIDDLE = _words(
    "Văn Quốc Minh Thanh Đức Hồng Xuân Hữu Ngọc Bình Anh Kim Hoài Trọng Thế Đình Công Mạnh Tiến"
)
VN_GIVEN = _words(
    "Dũng Sơn Hùng Việt Hà Lan Minh Tuấn Hải Long Phúc Nam Trung Thắng Cường Quang Khánh "
    "Hạnh Thảo Hiếu Vinh Hòa Tâm Nghĩa Bảo Châu Giang Huy Lâm Phong Tùng Thành Đạt Hưng"
)
KR_SYLLABLES = _words(
    "Seung Ho Jae Kyung Sung Young Eui Hyun Min Ji Dong Sang Tae Hee Joon Myung Chang Hye "
    "Woo Jin Soo Kwang Yeon Hoon Il Chul Mi Eun Bae In Wha Han Sam Yong Yeol Gun Ah"
)
JP_GIVEN = _words(
    "Yoshihide Fumio Taro Kenji Hiroshi Yoko Akira Manabu Isao Hiroto Takeshi Masahiro "
    "Kazuo Yuko Shinji Naoki Toshimitsu Yoshimasa Katsunobu Koichi Daisuke Haruka"
)
CN_SURNAMES = _words("Vương Lý Hàn Triệu Lưu Trương Dương Hoàng Tôn Mã Hồ Từ Cao Lâm Quách Đường")
CN_GIVEN = _words(
    "Nghị Cường Chính Vệ Đông Hiểu Minh Gia Tuyền Bình Kiến Quốc Hải Phong Lệ Hoa Vĩnh Khang Trí"
)
SEA_SYLLABLES = _words(
    "Sa leum xay Kom ma sith Sone Phan thong Vong vi chit Pra mud win Ta krit Su ra kiat "
    "Ret no Ma sudi Hi sham mud din Hun Sok Pra sit Ka ni Teo Lim Bou nyang Tha ni Ar kar"
)
WEST_GIVEN = _words(
    "Antony Maria Jean Peter Sergei Ahmad Vivian Marise Penny Melanie Luis Carlos Annalena "
    "Olaf Emmanuel David Helen Anna Thomas Julia Marco Elena Pierre Karl Sofia Ivan Rafael"
)
WEST_SYLLABLES = _words(
    "mar sa di ko ven lan ber ton ri na sen vic ro ta mo kel lo ha son dre vel ga nov"
)

# Ranks an official can hold, by tier: the title in Vietnam, elsewhere, and a weight.
RANKS = {
    "leader": (
        ("Chủ tịch nước", "Tổng thống", 2),
        ("Thủ tướng", "Thủ tướng", 3),
        ("Phó Thủ tướng", "Phó Thủ tướng", 2),
        ("Chủ tịch Quốc hội", "Chủ tịch Quốc hội", 1),
    ),
    "minister": (
        ("Bộ trưởng Ngoại giao", "Bộ trưởng Ngoại giao", 4),
        ("Bộ trưởng Bộ Công Thương", "Bộ trưởng Thương mại", 2),
        ("Bộ trưởng Quốc phòng", "Bộ trưởng Quốc phòng", 1),
        ("Bộ trưởng Bộ Kế hoạch và Đầu tư", "Bộ trưởng Kinh tế", 1),
    ),
    "vice": (("Thứ trưởng Bộ Ngoại giao", "Thứ trưởng Ngoại giao", 1),),
    "ambassador": (("Đại sứ", "Đại sứ", 1),),
}
# How many officials of each tier a country has over the twenty years.
POOL = {"leader": 4, "minister": 6, "vice": 5, "ambassador": 3}
VIETNAM_POOL = {"leader": 14, "minister": 24, "vice": 20, "ambassador": 0}

TIMES_OF_DAY = ("Ngày", "Sáng", "Chiều", "Tối", "Sáng", "Chiều", "Ngày")
OCCASIONS = _words(
    "nhân dịp bắt đầu nhiệm kỳ công tác|nhân dịp thăm và làm việc|"
    "nhân dịp tham dự diễn đàn kinh tế khu vực|theo đề nghị của phía bạn|"
    "nhân dịp kỷ niệm ngày thiết lập quan hệ ngoại giao|trong khuôn khổ chuyến công tác"
)
AREAS = _words(
    "thương mại|đầu tư|văn hóa|giáo dục và đào tạo|ứng phó biến đổi khí hậu|chuyển đổi số|"
    "năng lượng tái tạo|y tế|du lịch|nông nghiệp|khoa học công nghệ|quốc phòng và an ninh|"
    "lao động|giao lưu nhân dân|kết nối hạ tầng|đổi mới sáng tạo|an ninh lương thực|"
    "phòng chống thiên tai|tài chính ngân hàng|công nghiệp bán dẫn"
)
VERBS = _words(
    "khẳng định|nhấn mạnh|cho biết|chia sẻ rằng|nêu rõ|nhất trí rằng|cho rằng|tái khẳng định"
)
# What officials say: short frames; {a}/{b} are the two countries, {x}/{y} areas.
SAYINGS = (
    "{a} luôn coi trọng quan hệ hữu nghị truyền thống với {b}",
    "hai bên cần tiếp tục mở rộng hợp tác trong lĩnh vực {x} và {y}",
    "{a} sẵn sàng chia sẻ kinh nghiệm về {x} với {b}",
    "quan hệ {a}-{b} đang phát triển tốt đẹp trên nhiều lĩnh vực, nhất là {x}",
    "hai nước nên sớm triển khai các dự án cụ thể về {x}",
    "{b} là đối tác quan trọng hàng đầu của {a} trong lĩnh vực {x}",
    "hai bên cần phối hợp chặt chẽ tại các diễn đàn đa phương và trong lĩnh vực {y}",
    "doanh nghiệp {a} mong muốn mở rộng đầu tư vào {x} tại {b}",
    "{a} ủng hộ vai trò trung tâm của ASEAN và mong muốn hợp tác với {b} về {x}",
    "hai bên cần tạo thuận lợi hơn nữa cho {x}, đồng thời thúc đẩy {y}",
    "việc mở rộng hợp tác về {x} sẽ mang lại lợi ích thiết thực cho người dân hai nước",
    "{a} đánh giá cao sự hỗ trợ của {b} trong lĩnh vực {y}",
    "{x} và {y} là hai trụ cột mới trong quan hệ giữa {a} và {b}",
    "{a} hoan nghênh các nhà đầu tư {b} tham gia các dự án {x} quy mô lớn",
    "cơ chế phối hợp giữa các bộ, ngành hai nước về {x} cần được duy trì thường xuyên",
    "hai bên cần sớm hoàn tất việc đàm phán văn kiện hợp tác về {x}",
    "{a} mong muốn {b} tiếp tục mở cửa thị trường cho hàng hóa {a}, nhất là nông sản",
    "hợp tác địa phương là động lực mới cho quan hệ {a}-{b}, bên cạnh {x}",
    "{a} sẵn sàng cử chuyên gia sang {b} để hỗ trợ về {y}",
    "hai nước có nhiều tiềm năng bổ trợ cho nhau trong {x}, {y} và logistics",
    "cộng đồng người {a} tại {b} là cầu nối quan trọng cho tình hữu nghị giữa hai nước",
    "{a} và {b} cần cùng nhau ứng phó với các thách thức an ninh phi truyền thống, trong đó có {y}",
    "quan hệ chính trị tin cậy là nền tảng để hai bên đẩy mạnh {x}",
    "{b} sẽ tạo điều kiện thuận lợi cho sinh viên và lao động {a} học tập, làm việc",
)
# How later sentences point back to the main event, by kind.
BACK_REFERENCES = {
    "talks": ("Tại cuộc gặp, ", "Trong cuộc trao đổi, "),
    "call": ("Trong cuộc điện đàm, ", "Tại cuộc điện đàm, "),
    "reception": ("Tại buổi tiếp, ", "Tại cuộc tiếp, "),
    "visit": ("Trong chuyến thăm, ", "Nhân chuyến thăm, "),
    "series": ("Tại hội nghị, ", "Phát biểu tại hội nghị, "),
    "dialogue": ("Tại cuộc đối thoại, ", "Tại đối thoại, "),
}
PARTNERSHIPS = (
    "Đối tác toàn diện",
    "Đối tác chiến lược",
    "Đối tác chiến lược toàn diện",
    "Đối tác hợp tác chiến lược toàn diện",
)
# Word variants applied at random to the sample sentences, so that two articles that draw
# the same sentence seldom share it word for word (as two outlets' rewrites would not).
VARIANTS = (
    ("tăng cường", "đẩy mạnh"),
    ("nhất trí", "thống nhất"),
    ("đánh giá cao", "hoan nghênh"),
    ("khẳng định", "nhấn mạnh"),
    ("hai bên", "hai phía"),
    ("thúc đẩy", "đẩy mạnh"),
    ("quan trọng", "then chốt"),
    ("khu vực", "vùng"),
    ("mong muốn", "kỳ vọng"),
    ("tiếp tục", "sẽ tiếp tục"),
    ("các nước", "các quốc gia"),
    ("đồng thời", "bên cạnh đó"),
    ("nhằm", "để"),
    ("trong bối cảnh", "khi"),
    ("cũng như", "và"),
)
# How an event is reported, by kind: (held wordings, planned wordings). Fields: {when}
# "Sáng 7/6", {at} the same in lower case, {d} "7/6", {h}/{g} host and guest at first
# mention, {hc}/{gc} their countries, {city}, {name} series and edition, {span} of a visit.
WORDINGS = {
    "talks": (
        (
            "{when}, tại {city}, {h} đã hội đàm với {g}",
            "{h} và {g} đã có cuộc hội đàm tại {city} {at}",
            "{when}, {h} đã có cuộc gặp với {g} tại {city}",
        ),
        ("{h} dự kiến hội đàm với {g} tại {city} vào ngày {d}",),
    ),
    "call": (
        (
            "{when}, {h} đã điện đàm với {g}",
            "{h} và {g} đã có cuộc điện đàm {at}",
            "{h} đã có cuộc điện đàm với {g} {at}, trao đổi về quan hệ song phương",
        ),
        ("{h} dự kiến điện đàm với {g} vào ngày {d}",),
    ),
    "reception": (
        ("{when}, tại {city}, {h} đã tiếp {g} {occasion}", "{h} đã tiếp {g} tại {city} {at}"),
        ("{h} sẽ tiếp {g} tại {city} vào ngày {d}",),
    ),
    "visit": (
        (
            "{h} đã thăm chính thức {gc} {span} theo lời mời của {g}",
            "{when}, {h} đã đến {city}, bắt đầu chuyến thăm chính thức {gc} theo lời mời của {g}",
        ),
        ("{h} sẽ thăm chính thức {gc} {span} theo lời mời của {g}",),
    ),
    "series": (
        (
            "{when}, tại {city}, {h} dẫn đầu đoàn {hc} tham dự {name}",
            "{name} diễn ra ngày {d} tại {city} với sự tham dự của {h} và {g}",
            "{h} và {g} cùng tham dự {name} tổ chức {at} tại {city}",
        ),
        ("{h} sẽ dẫn đầu đoàn {hc} tham dự {name} tại {city} vào ngày {d}",),
    ),
    "dialogue": (
        (
            "{when}, tại {city}, {h} và {g} đã đồng chủ trì {name}",
            "{h} và {g} đồng chủ trì {name} tại {city} ngày {d}",
        ),
        ("{name} dự kiến diễn ra tại {city} ngày {d}, do {h} chủ trì",),
    ),
}
# Figures about the relationship: {a} the article's first country, {b} its partner.
FIGURES = _words(
    "Kim ngạch thương mại song phương năm {last} đạt {amount} tỷ USD, tăng {rate}% so với "
    "năm trước.|"
    "{b} hiện là đối tác thương mại lớn thứ {rank} của {a}, với kim ngạch thương mại hai "
    "chiều đạt {amount} tỷ USD trong năm {last}.|"
    "Hai bên đặt mục tiêu nâng kim ngạch thương mại lên {count} tỷ USD vào năm {goal}.|"
    "{b} hiện có {count} dự án đầu tư tại {a} với tổng vốn đăng ký khoảng {amount} tỷ USD.|"
    "Năm {last}, {a} đón khoảng {count} nghìn lượt du khách từ {b}, tăng {rate}% so với "
    "năm trước đó.|"
    "Hiện có khoảng {rank} nghìn sinh viên {a} đang học tập tại {b}.|"
    "{b} đã dành cho {a} khoảng {count} triệu USD vốn viện trợ phát triển chính thức (ODA) "
    "trong giai đoạn {first}-{last}.|"
    "Khoảng {count} nghìn lao động {a} đang làm việc tại {b}."
)
SUBJECTS_BOTH = ("Hai bên", "Hai nước", "Lãnh đạo hai nước", "Hai phía")
CREDIT_LINES = _words(
    "Theo TTXVN|TTXVN|(TTXVN/Vietnam+)|(Vietnam+)|Theo Yonhap|Theo VOV|Theo Báo Nhân Dân|"
    "(BNG)|Theo VGP"
)
REPORTERS = _words(
    "Minh Đức|Hoàng Hạnh|Quang Hòa|Phương Anh|Trí Dũng|Nguyễn Hồng|Lê Thảo|Thu Trang"
)
SECTIONS = ("Thời sự", "Quốc tế", "Chính trị", "Đối ngoại", "Kinh tế", "Tin tức")


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # the usual Vietnamese name
    cities: tuple[str, ...]


@dataclass(frozen=True)
class Official:
    name: str
    short: str  # the part of the name later sentences give after the title: "Yeo", "Sơn"
    title: str
    country: Country

    def full(self) -> str:
        """First mention: "Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae"."""
        if self.country.code == "VNM":
            return f"{self.title} {self.name}"
        if self.title == "Đại sứ":
            return f"Đại sứ {self.country.name} tại Việt Nam {self.name}"
        return f"{self.title} {self.country.name} {self.name}"


@dataclass(frozen=True)
class Series:
    name: str  # the Vietnamese name, as series.tsv gives it first
    first_year: int  # the year of edition 1 (made up, fixed per series)


@dataclass
class Event:
    """One event as the generator means it: what every report of it must agree on."""

    kind: str  # talks, call, reception, visit, series, dialogue
    date: dt.date
    planned: bool
    city: str
    host: Official
    guest: Official
    series: Series | None = None
    wording: int = -1  # which wording told it first (-1: not told yet)

    @property
    def edition(self) -> int:
        return self.date.year - self.series.first_year + 1 if self.series else 0


@dataclass
class Generated:
    """One article of the corpus, with what the tests need to know about it."""

    name: str  # file name without extension (the doc_id)
    text: str
    duplicate_of: str | None = None
    same_event_as: str | None = None
    events: list[Event] = field(default_factory=list)


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True)
class Vocabulary:
    """What the generator draws from: lexicon rows and the sample articles' sentences."""

    countries: dict[str, Country]
    surnames: dict[str, tuple[str, ...]]
    series: tuple[Series, ...]
    fillers: tuple[str, ...]  # with {0}, {1} … where the sample named a country


@cache
def vocabulary() -> Vocabulary:
    cities: dict[str, list[str]] = {}
    for row in _tsv("cities.tsv"):
        cities.setdefault(row[1], []).append(row[2].split("|")[0])
    countries = {}
    names = []
    for row in _tsv("countries.tsv"):
        code, kind, forms = row[0], row[3], row[4].split("|")
        if kind == "state":
            names.extend(forms)
        if kind == "state" and code in cities:
            countries[code] = Country(code, forms[0], tuple(cities[code][:6]))
    surnames: dict[str, list[str]] = {}
    for row in _tsv("surnames.tsv"):
        surnames.setdefault(row[1], []).append(row[0].split("|")[0])
    series = []
    for row in _tsv("series.tsv"):
        parties = row[2].split("|") if len(row) > 2 and row[2] else []
        if parties == ["ASEAN"]:  # mechanisms that any member or partner attends
            first = row[1].split("|")[0]
            if first.startswith(("Hội nghị", "Diễn đàn")):
                series.append(Series(first, 1990 + len(first) % 15))
    words = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    fillers = tuple(_template(s, pattern) for s in _filler_sentences())
    return Vocabulary(countries, {k: tuple(v) for k, v in surnames.items()}, tuple(series), fillers)


def _template(sentence: str, country_names: re.Pattern[str]) -> str:
    """The sentence with its countries as format fields, in order of first mention."""
    seen: dict[str, int] = {}

    def field(match: re.Match[str]) -> str:
        return "{" + str(seen.setdefault(match.group(0), len(seen))) + "}"

    return country_names.sub(field, sentence.replace("{", "(").replace("}", ")"))


SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ])|\n+|(?<=[a-zà-ỹ]\.)(?=[A-ZĐ])")
# A filler stands for the commentary around the facts: it must carry no date, no quote
# (a split may leave it unbalanced) and no honorific before a name.
UNFIT_RE = re.compile(
    r"\d{1,2}[/.\-]\d{1,2}|(?:ngày|tháng|chiều|sáng|tối)\s+\d|[\"“”\[\]|:()]|Ảnh|Nguồn|"
    r"(?<!\w)(?:ông|bà|Ông|Bà|Ngài|đồng chí)\s+[A-ZĐÀ-Ỹ]"
)

# Diplomacy's words: a sample sentence without one is about something else (sport, crops).
TOPICAL_RE = re.compile(
    r"hợp tác|quan hệ|hai bên|hai nước|đối tác|ngoại giao|an ninh|hòa bình|khu vực|kinh tế"
)
ENUMERATIONS = ("Hai là", "Ba là", "Trước hết", "Thứ hai", "Thứ ba", "Sau đó", "Đáp lại")


def _filler_sentences() -> list[str]:
    """The sample articles' sentences that report no event and name no official, as the
    extractor itself reads them."""
    from diplonews import extract as extraction

    found: dict[str, None] = {}
    for folder in SAMPLES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            record = extraction.extract(text, path.stem)
            evidence = [e.evidence for e in record.events if e.evidence]
            names = {w for p in record.people for w in p.name.split() if len(w) > 1}
            for part in SENTENCE_SPLIT_RE.split(text):
                if not part.rstrip().endswith("."):
                    continue  # headlines, captions and lists of links
                sentence = part.strip().rstrip("./").strip()
                words = sentence.split()
                if not 10 <= len(words) <= 70 or UNFIT_RE.search(sentence):
                    continue
                if not sentence[0].isupper() or sentence.endswith((",", "…")):
                    continue
                if not TOPICAL_RE.search(sentence) or sentence.startswith(ENUMERATIONS):
                    continue
                if names.intersection(w.strip(",;") for w in words):
                    continue
                if any(sentence in e or e in sentence for e in evidence):
                    continue
                alone = extraction.extract(f"Tin\n\n{sentence}.", "filler")
                if alone.events or alone.people:
                    continue  # an event or an official of its own, out of context
                found[sentence] = None
    if not found:
        sys.exit(f"corpus: no sample sentences under {', '.join(map(str, SAMPLES))}")
    return list(found)


class Generator:
    """Makes the articles one after another from one seeded random source."""

    def __init__(self, seed: int, duplicates: float, same_event: float) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabulary()
        self.duplicates = duplicates
        self.same_event = same_event
        self.officials: dict[str, dict[str, list[Official]]] = {}
        self.used_names: set[str] = set()
        others = sorted(set(self.vocab.countries) - {"VNM", *FREQUENT})
        self.frequent = [self.vocab.countries[c] for c in FREQUENT if c in self.vocab.countries]
        self.rare = [self.vocab.countries[c] for c in others]
        self.vietnam = self.vocab.countries["VNM"]
        self.asean = [self.vocab.countries[c] for c in sorted(ASIA_SE | {"VNM"})]
        self.recent_articles: deque[Generated] = deque(maxlen=RECENT_ARTICLES)
        self.recent_events: deque[tuple[str, Event]] = deque(maxlen=RECENT_EVENTS)
        self.relations: dict[tuple[str, str], tuple[int, str, int]] = {}

    # ---- people ----
    def person_name(self, country: Country) -> tuple[str, str]:
        """A made-up name in the country's custom, and its short form for later mentions."""
        rng, code = self.rng, country.code
        surnames = self.vocab.surnames.get(code, ())
        if code == "VNM":
            surname = rng.choice(surnames[:40])
            given = rng.choice(VN_GIVEN)
            name = f"{surname} {rng.choice(VN_MIDDLE)} {given}"
            return name, given
        if code in ("KOR", "PRK"):
            a, b = rng.sample(KR_SYLLABLES, 2)
            surname = rng.choice(surnames)
            return f"{surname} {a}-{b.lower()}", surname
        if code == "JPN" and surnames:
            surname = rng.choice(surnames)
            return f"{surname} {rng.choice(JP_GIVEN)}", surname
        if code in ("CHN", "TWN"):
            surname = rng.choice(CN_SURNAMES)
            return f"{surname} {rng.choice(CN_GIVEN)}", surname
        if code in ASIA_SE:
            syllables = SEA_SYLLABLES
            first = "".join(rng.sample(syllables, 2)).capitalize()
            last = "".join(rng.sample(syllables, 3)).capitalize()
            return f"{first} {last}", last
        family = "".join(rng.sample(WEST_SYLLABLES, rng.randint(2, 3))).capitalize()
        return f"{rng.choice(WEST_GIVEN)} {family}", family

    def official(self, country: Country, tier: str) -> Official:
        """Someone of the tier from the country's pool of officials (made on first use)."""
        pools = self.officials.get(country.code)
        if pools is None:
            pools = {}
            sizes = VIETNAM_POOL if country.code == "VNM" else POOL
            for rank, size in sizes.items():
                pool = pools[rank] = []
                titles = RANKS[rank]
                weights = [t[2] for t in titles]
                while len(pool) < size:
                    name, short = self.person_name(country)
                    if name in self.used_names:
                        continue
                    self.used_names.add(name)
                    vn_title, title, _ = self.rng.choices(titles, weights)[0]
                    title = vn_title if country.code == "VNM" else title
                    pool.append(Official(name, short, title, country))
            self.officials[country.code] = pools
        return self.rng.choice(pools[tier] or pools["minister"])

    def partner(self) -> Country:
        return self.rng.choice(self.frequent if self.rng.random() < 0.8 else self.rare)

    # ---- events ----
    def new_event(self, published: dt.date, planned: bool) -> Event:
        rng = self.rng
        if planned:
            date = published + dt.timedelta(days=rng.randint(5, 40))
            if date.year != published.year:
                date, planned = published, False
        else:
            date = published - dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            if date.year != published.year:
                date = published
        a = self.vietnam if rng.random() < 0.65 else self.partner()
        b = self.partner()
        while b is a:
            b = self.partner()
        kind = rng.choices(
            ("talks", "call", "reception", "visit", "series", "dialogue"), (5, 2, 3, 2, 2, 1)
        )[0]
        host_country = b if kind == "visit" else a
        city = rng.choice(host_country.cities) if host_country.cities else host_country.name
        series = None
        if kind == "series":  # ASEAN's mechanisms, held in a member's city
            series = rng.choice(self.vocab.series)
            city = rng.choice(self.rng.choice(self.asean).cities)
        if kind == "dialogue":
            series = Series(f"Đối thoại chiến lược {a.name}-{b.name}", 2000 + len(b.name))
        tier = rng.choices(("leader", "minister", "vice"), (3, 4, 3))[0]
        if kind == "dialogue":
            tier = "vice"
        guest_tier = tier
        if kind == "reception":
            tier = rng.choice(("leader", "minister"))
            guest_tier = "ambassador" if a is self.vietnam and rng.random() < 0.5 else "minister"
        host, guest = self.official(a, tier), self.official(b, guest_tier)
        return Event(kind, date, planned, city, host, guest, series)

    def tell(self, event: Event) -> str:
        """One sentence that reports the event, in one of a few wordings: the one it
        was first told in plus one for a second report, else one at random."""
        rng = self.rng
        date = event.date
        end = date + dt.timedelta(days=rng.randint(1, 3))
        fields = {
            "d": f"{date.day}/{date.month}",
            "when": f"{rng.choice(TIMES_OF_DAY)} {date.day}/{date.month}",
            "city": event.city,
            "h": event.host.full(),
            "g": event.guest.full(),
            "hc": event.host.country.name,
            "gc": event.guest.country.name,
            "name": f"{event.series.name} lần thứ {event.edition}" if event.series else "",
            "occasion": rng.choice(OCCASIONS),
            "span": f"từ ngày {date.day}-{end.day}/{end.month}"
            if end.month == date.month
            else f"từ ngày {date.day}/{date.month}",
        }
        fields["at"] = fields["when"].lower()
        held, planned = WORDINGS[event.kind]
        choices = planned if event.planned else held
        if event.wording < 0:
            event.wording = rng.randrange(len(choices))
        return choices[event.wording % len(choices)].format(**fields) + "."

    # ---- sentences around the facts ----
    def sayings(self, a: Country, b: Country, speakers: list[str], count: int) -> list[str]:
        rng = self.rng
        out = []
        for _ in range(count):
            x, y = rng.sample(AREAS, 2)
            said = rng.choice(SAYINGS).format(a=a.name, b=b.name, x=x, y=y)
            subject = rng.choice(speakers + list(SUBJECTS_BOTH))
            out.append(f"{subject} {rng.choice(VERBS)} {said}.")
        return out

    def figures(self, a: Country, b: Country, year: int) -> list[str]:
        rng = self.rng
        fields = {
            "a": a.name,
            "b": b.name,
            "year": year,
            "last": year - 1,
            "first": year - 5,
            "goal": year + rng.randint(2, 6),
            "amount": f"{rng.randint(1, 180)},{rng.randint(1, 9)}",
            "rate": f"{rng.randint(2, 35)},{rng.randint(1, 9)}",
            "rank": rng.randint(2, 15),
            "count": rng.randint(5, 900),
        }
        return [f.format(**fields) for f in rng.sample(FIGURES, rng.randint(1, 3))]

    def fillers(self, a: Country, b: Country, count: int) -> list[str]:
        """Sample sentences, their countries replaced by this article's, a few words varied
        and the longest cut after a clause."""
        rng = self.rng
        picked = rng.sample(self.vocab.fillers, min(count, len(self.vocab.fillers)))
        others = [c.name for c in rng.sample(self.frequent, 8) if c not in (a, b)]
        names = [a.name, b.name, *others, *others]
        out = []
        for template in picked:
            sentence = template.format(*names)
            for old, new in VARIANTS:
                if old in sentence and rng.random() < 0.5:
                    sentence = sentence.replace(old, new, 1)
            clauses = sentence.split(", ")
            if len(clauses) > 3 and rng.random() < 0.5:
                cut = ", ".join(clauses[: rng.randint(3, len(clauses) - 1)])
                sentence = cut if len(cut.split()) >= 15 else sentence
            out.append(sentence + ".")
        return out

    def background(self, a: Country, b: Country, year: int) -> list[str]:
        """What the article recalls of the relationship: its milestones, the same in
        every article about the pair."""
        rng = self.rng
        key = (a.code, b.code) if a.code < b.code else (b.code, a.code)
        facts = self.relations.get(key)
        if facts is None:
            facts = (rng.randint(1950, 2004), rng.choice(PARTNERSHIPS), rng.randint(2005, 2026))
            self.relations[key] = facts
        established, partnership, upgraded = facts
        out = [
            rng.choice(
                (
                    f"{a.name} và {b.name} thiết lập quan hệ ngoại giao năm {established}.",
                    (
                        f"Kể từ khi thiết lập quan hệ ngoại giao năm {established}, quan hệ "
                        f"{a.name}-{b.name} không ngừng được củng cố."
                    ),
                    (
                        f"Trong {year - established} năm kể từ khi thiết lập quan hệ ngoại giao, "
                        f"{a.name} và {b.name} đã trở thành những người bạn tin cậy."
                    ),
                )
            )
        ]
        if upgraded <= year:
            out.append(
                rng.choice(
                    (
                        f"Năm {upgraded}, hai nước nâng cấp quan hệ lên {partnership}.",
                        f"Quan hệ hai nước được nâng lên {partnership} vào năm {upgraded}.",
                    )
                )
            )
        if (year - established) % 5 == 0:
            out.append(
                f"Năm {year}, {a.name} và {b.name} kỷ niệm {year - established} năm thiết lập "
                f"quan hệ ngoại giao."
            )
        return out

    # ---- articles ----
    def title(self, main: Event | None, a: Country, b: Country) -> str:
        rng = self.rng
        x = rng.choice(AREAS)
        if main is None:
            return rng.choice(
                (
                    f"Triển vọng hợp tác {x} giữa {a.name} và {b.name}",
                    f"{a.name} và {b.name} mở rộng hợp tác {x}",
                    f"Quan hệ {a.name}-{b.name}: dư địa lớn cho hợp tác {x}",
                )
            )
        h = main.host
        return rng.choice(
            (
                f"{a.name} và {b.name} thúc đẩy hợp tác {x}",
                f"{h.title} {h.name}: Đưa quan hệ {a.name}-{b.name} lên tầm cao mới",
                f"Tăng cường quan hệ đối tác {a.name}-{b.name} trong lĩnh vực {x}",
                f"{a.name} coi trọng quan hệ với {b.name}",
                f"Làm sâu sắc hơn hợp tác {x} {a.name}-{b.name}",
            )
        )

    def dateline(self, published: dt.date) -> str:
        rng = self.rng
        hh, mm = rng.randint(6, 22), rng.randint(0, 59)
        day, month, year = published.day, published.month, published.year
        weekday = WEEKDAYS[published.weekday()]
        return rng.choice(
            (
                f"{weekday}, {day:02d}/{month:02d}/{year} {hh:02d}:{mm:02d}",
                f"{weekday}, {day:02d}/{month:02d}/{year}, {hh:02d}:{mm:02d} (GMT+7)",
                f"{hh:02d}:{mm:02d} | {day:02d}/{month:02d}/{year}",
                f"Cập nhật: {hh:02d}:{mm:02d} {day:02d}/{month:02d}/{year}",
                f"{rng.choice(REPORTERS)} {hh:02d}:{mm:02d} | {day:02d}/{month:02d}/{year}",
                f"Ngày {day}/{month}/{year}",
            )
        )

    def banner(self, published: dt.date) -> str:
        """The site's line above the article: crawl date or section names."""
        rng = self.rng
        crawled = published + dt.timedelta(days=rng.randint(0, 900))
        return rng.choice(
            (
                f"{WEEKDAYS[crawled.weekday()]}, {crawled.day:02d}/{crawled.month:02d}/{crawled.year}",
                " | ".join(rng.sample(SECTIONS, 2)),
                (
                    f"{WEEKDAYS[crawled.weekday()]}, ngày {crawled.day} tháng {crawled.month} "
                    f"năm {crawled.year}"
                ),
            )
        )

    def compose(self, published: dt.date, events: list[Event]) -> str:
        """An article around its events (the first is the main one), or none."""
        rng = self.rng
        main = events[0] if events else None
        if main is not None:
            a, b = main.host.country, main.guest.country
        else:
            a = self.vietnam if rng.random() < 0.6 else self.partner()
            b = self.partner()
        lines = []
        if rng.random() < 0.4:
            lines.append(self.banner(published))
        lines.append(self.title(main, a, b))
        lines.append(self.dateline(published))
        lines.append("")
        paragraphs: list[list[str]] = []
        speakers = [f"{e.host.title} {e.host.short}" for e in events[:1]]
        speakers += [f"{e.guest.title} {e.guest.short}" for e in events[:1]]
        if main is not None:
            first = [self.tell(main)]
            back = rng.choice(BACK_REFERENCES[main.kind])
            said = self.sayings(a, b, speakers, rng.randint(2, 3))
            if said[0].startswith(SUBJECTS_BOTH):
                said[0] = said[0][0].lower() + said[0][1:]
            said[0] = back + said[0]
            paragraphs.append(first)
            paragraphs.append(said)
            if rng.random() < 0.35:
                who = rng.choice((main.host, main.guest))
                photographer = rng.choice(REPORTERS)
                paragraphs.append(
                    [f"{who.title} {who.name} phát biểu. (Ảnh: {photographer}/TTXVN)"]
                )
        body = self.sayings(a, b, speakers, rng.randint(2, 4))
        body += self.figures(a, b, published.year)
        body += self.fillers(a, b, rng.randint(2, 5))
        rng.shuffle(body)
        if rng.random() < 0.7:
            body[rng.randint(0, len(body) // 2) : 0] = self.background(a, b, published.year)
        for later in events[1:] if main else ():
            if later.planned:
                opener = rng.choice(("Theo kế hoạch, ", "Dự kiến, ", ""))
            elif later.date == main.date:
                opener = rng.choice(("Cùng ngày, ", "Nhân dịp này, ", "Ngoài ra, "))
            elif later.date < main.date:
                opener = rng.choice(("Trước đó, ", "Ngoài ra, "))
            else:
                opener = rng.choice(("Ngoài ra, ", ""))
            told = self.tell(later)
            if opener and told.startswith(TIMES_OF_DAY):
                told = told[0].lower() + told[1:]
            body.insert(rng.randint(0, len(body)), opener + told)
        while body:
            take = rng.randint(1, 3)
            paragraphs.append(body[:take])
            body = body[take:]
        lines.extend("\n\n".join(" ".join(p) for p in paragraphs).split("\n"))
        lines.append("")
        lines.append(rng.choice(CREDIT_LINES + REPORTERS))
        return "\n".join(lines) + "\n"

    def published(self) -> dt.date:
        rng = self.rng
        start = dt.date(YEARS[0], 1, 1).toordinal()
        end = dt.date(YEARS[1], 12, 31).toordinal()
        return dt.date.fromordinal(rng.randint(start, end))

    def article(self, number: int) -> Generated:
        rng = self.rng
        name = f"{number:07d}"
        roll = rng.random()
        if roll < self.duplicates and self.recent_articles:
            return self.near_duplicate(name)
        if roll < self.duplicates + self.same_event and self.recent_events:
            source, event = rng.choice(self.recent_events)
            published = event.date + dt.timedelta(days=rng.randint(0, 1))
            if event.planned:
                published = event.date - dt.timedelta(days=rng.randint(1, 4))
            if published.year != event.date.year:
                published = event.date
            again = Event(**{**event.__dict__, "wording": event.wording + 1})
            extra = [
                self.new_event(published, rng.random() < 0.3) for _ in range(rng.randint(0, 1))
            ]
            text = self.compose(published, [again, *extra])
            made = Generated(name, text, same_event_as=source, events=[again, *extra])
        else:
            published = self.published()
            count = rng.choices((0, 1, 2, 3, 4), (8, 50, 25, 12, 5))[0]
            events = [self.new_event(published, i > 0 and rng.random() < 0.3) for i in range(count)]
            text = self.compose(published, events)
            made = Generated(name, text, events=events)
            if events:
                self.recent_events.append((name, events[0]))
        self.recent_articles.append(made)
        return made

    def near_duplicate(self, name: str) -> Generated:
        rng = self.rng
        source = rng.choice(self.recent_articles)
        lines = source.text.split("\n")
        # Drop the old banner (a line above the title that is not the title itself).
        if lines and (lines[0].startswith(WEEKDAYS) or " | " in lines[0]):
            lines = lines[1:]
        lines.insert(0, " | ".join(rng.sample(SECTIONS, 2)))
        text = "\n".join(lines)
        for old, new in rng.sample(VARIANTS, 2):
            text = text.replace(old, new, 1)
        origin = source.duplicate_of or source.name
        return Generated(name, text, duplicate_of=origin, events=source.events)


def generate(
    count: int, seed: int = 0, duplicates: float = 0.02, same_event: float = 0.10
) -> Iterator[Generated]:
    """The corpus's articles in order, one at a time."""
    maker = Generator(seed, duplicates, same_event)
    for number in range(count):
        yield maker.article(number)


def write_corpus(
    folder: Path, count: int, seed: int = 0, duplicates: float = 0.02, same_event: float = 0.10
) -> None:
    """Write `count` articles into `folder` as NNNNNNN.txt, one file at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in generate(count, seed, duplicates, same_event):
        (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=10_000, metavar="N")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--duplicates", type=float, default=0.02, metavar="SHARE")
    parser.add_argument("--same-event", type=float, default=0.10, metavar="SHARE")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("--count must not be negative")
    if not (
        0 <= args.duplicates and 0 <= args.same_event and args.duplicates + args.same_event <= 1
    ):
        parser.error("--duplicates and --same-event are shares between 0 and 1")
    write_corpus(args.folder, args.count, args.seed, args.duplicates, args.same_event)
    return 0


if __name__ == "__main__":
    sys.exit(main())
