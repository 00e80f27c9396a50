"""Dates and status an event takes from the story around it, beyond its own words.

News dates a story once and tells the rest against it:

- a trip that sets out for a meeting ("lên đường tới Lào tham dự X và đồng chủ trì Y",
  "đã tới Jakarta, bắt đầu thăm … và tham dự Z") reaches the meetings later: they are
  still to come, and the day of departure is not theirs (only the month is known);
- what the text tells as so long after or before a dated event takes that date moved
  by the interval: "Ba năm sau, …" after "Năm 2006, …" is 2009; "4 tháng sau khi ông
  Tập thăm Seoul" in a sentence about a summit of 2014-11 is 2014-07 (and took place);
- an event of a framework already reported ("Trong khuôn khổ chương trình", "Bên lề
  hội nghị") falls within it: in its month, as the text gives no day;
- an event its sentence puts ahead ("Tuần tới", "trong thời gian tới", "nhất trí tổ
  chức") is planned unless the sentence tells it as done;
- the meetings a plan lists after a colon ("… sẽ họp trù bị, cụ thể: Hội đồng A họp
  ngày 9/5; Hội đồng B họp ngày 7/5") are planned with it;
- the predicates a plan word heads are all planned: "Dự kiến, Thủ tướng sẽ hội kiến
  A, hội kiến B và gặp C" plans three meetings, not one;
- a visit told as beginning ("đến Hà Nội, bắt đầu chuyến thăm"), with no plan word, has
  begun even when dated the day after publication;
- a visit the text does not date by its own words is dated by the first day of it the
  text gives: the day its visitor holds talks in the host country ("Chiều 12/9, Thủ
  tướng hội đàm với Thủ tướng Kishida … Thủ tướng Kishida đang thăm chính thức Việt Nam").
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from diplonews.extract.events.cues import PLANNED, month_of

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# "lên đường … tham dự", "bắt đầu thăm … và tham dự", "rời Hà Nội lên đường dự": the
# trip sets out for what follows, and so for a meeting joined to it ("… tham dự Cuộc
# gặp X và đồng chủ trì Kỳ họp Y"). Not a trip that ends: "rời Vientiane, kết thúc
# chuyến tham dự Hội nghị X", "rời Thiên Tân, kết thúc chuyến thăm … và dự Y" tell
# the meeting as done.
SETTING_OUT_HEAD = (
    r"(?<!\w)(?:lên đường|rời\s+\w+(?:\s+\w+)?\s*,?\s*(?:lên đường\s+)?|bắt đầu)"
    r"(?:(?!\.|;|kết thúc|hoàn thành)[^.;]){0,160}?(?<!\w)(?:tham\s+)?dự"
)
SETS_OUT = re.compile(
    SETTING_OUT_HEAD
    + r"(?:(?!\.|;)[^.;]{0,160}?\s(?:và|,)\s+(?:đồng\s+)?(?:chủ trì|tham dự|dự))?\s*$"
)
_NUMBERS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_COUNT = r"(?P<n>[0-9]{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
# A sentence that opens on an interval after the event before: "Ba năm sau, …",
# "Hai tháng sau đó, …", "Một năm sau, …".
LATER_OPENING = re.compile(
    r"\W*(?:(?:chỉ|đúng|khoảng|gần)\s+)?" + _COUNT + r"\s+(?P<unit>năm|tháng)\s+sau(?:\s+đó)?\s*,",
    re.IGNORECASE,
)
# "4 tháng sau khi ông Tập thăm Seoul": the event of the "sau khi" clause came that
# long before the one the sentence is about.
BEFORE_CLAUSE = re.compile(_COUNT + r"\s+(?P<unit>năm|tháng)\s+sau\s+khi\s+")
CLAUSE_GAP = 48  # the subject between "sau khi" and the event's word ("ông Tập")
# A sentence set in the framework of the event before it.
IN_FRAMEWORK = re.compile(
    r"\W*(?:[Cc]ũng\s+)?(?:[Tt]rong|[Nn]ằm trong)\s+khuôn khổ\s+(?:của\s+)?(?:chương trình|"
    r"hội nghị|các hoạt động|hoạt động|chuyến|sự kiện|lịch trình)"
)
# "diễn ra từ nay đến ngày 3/3": from the story's day on.
FROM_NOW = re.compile(r"(?<!\w)từ\s+(?:hôm\s+)?nay\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?[0-9]")
# Words that put an event ahead: "trong thời gian tới", "tuần tới", "nhất trí tổ chức X"
# (an agreement to hold it), "sớm tổ chức".
AHEAD = re.compile(
    r"(?<!\w)(?:(?:trong\s+)?thời gian tới|(?:vào|trong)\s+(?:tuần|tháng|năm)\s+tới|sắp tới|"
    r"tới đây|(?:nhất trí|thống nhất|đồng ý|sớm)\s+(?:sẽ\s+)?(?:tổ chức|tiến hành|triển khai))"
    r"(?!\w)",
    re.IGNORECASE,
)
AHEAD_OPENING = re.compile(r"\W*(?:tuần|tháng|năm)\s+tới\s*,", re.IGNORECASE)
# "cuộc gặp tuần tới", "thứ hai tuần tới" (Monday next week), not "chuyến công du một
# tuần tới Cuba" (a length, then "to").
NEXT_PERIOD = re.compile(
    r"(?<![0-9] )(?<!một )(?<!(?<!thứ )hai )(?<!(?<!thứ )ba )(?<!vài )(?<!mấy )(?:tuần|tháng|năm)\s+tới"
    r"(?!\w|\s+(?:[A-ZĐ]|thăm|dự|thủ đô|nước|các|trụ sở|sân bay))"
)
# The day or period after the story's, told as the event's own time: "khai mạc ngày mai",
# "diễn ra vào tuần sau", "tổ chức tại Mỹ vào tháng sau", "thứ hai tuần sau"; not an interval
# after another event ("5 tuần sau, hôm 28/12", "một tháng sau cuộc tiếp xúc", "tuần sau đó").
NEAR_FUTURE = re.compile(
    r"(?<!\w)(?:(?:ngày|sáng|trưa|chiều|tối|đêm)\s+mai|(?<![0-9] )(?<!một )(?<!(?<!thứ )hai )"
    r"(?<!(?<!thứ )ba )(?<!bốn )(?<!(?<!thứ )năm )(?<!(?<!thứ )sáu )(?<!vài )(?<!mấy )"
    r"(?:tuần|tháng)\s+sau)(?!\w|\s+(?:đó|khi|nữa|cuộc|chuyến))",
    re.IGNORECASE,
)
NEAR_FUTURE_REACH = 120  # from the event's words to its time, within one clause
# Words that recall an earlier occasion rather than report the story's own.
RECALLED = re.compile(
    r"(?<!\w)(?:từng|trước đây|năm ngoái|lần trước|hồi|kể từ|vào thời điểm đó)(?!\w)",
    re.IGNORECASE,
)
# The day a starting point is set on, in apposition to a "since" clause: "chuyến thăm đầu
# tiên … kể từ khi chiến tranh bùng nổ, tháng 3/2003" dates the war, not the visit.
SINCE_APPOSITION = re.compile(
    r"(?<!\w)(?:[Kk]ể từ|[Tt]ừ khi)(?!\w)[^,;.]{0,60},\s*(?:vào\s+|hồi\s+)?$"
)
# A plan whose time the text leaves open: "trong thời gian tới", "sớm tổ chức", "vào dịp
# thích hợp", "trong tương lai". Such a plan is not dated, not even by the story's year.
OPEN_FUTURE = re.compile(
    r"(?<!\w)(?:(?:trong\s+)?thời gian (?:sắp\s+)?tới|(?:trong\s+)?tương lai|sớm|"
    r"(?:dịp|thời điểm|thời gian)\s+(?:phù hợp|thích hợp))(?!\w)",
    re.IGNORECASE,
)
# What opens, after an event, a clause about something else, whose time is not the
# event's: a relative clause on a person (", người nhận nhiệm vụ từ tháng 10/2020", ",
# người mới nhậm chức ngày 6/9"), an event before or after it ("hai ngày sau khi Nga
# tuyên bố … ngày 30/9", "trước khi lên đường … ngày 5/10"), a starting point ("kể từ
# tháng 10/2018"). Not "ngay sau khi" (right after: the same day) nor a bare "khi" (when).
_PERSON_CLAUSE = (
    r"(?:,|\s[-–]|\()\s*(?:là\s+)?(?:người|nhà lãnh đạo|ông|bà)?\s*(?:đã\s+|mới\s+|vừa\s+|từng\s+)*"
    r"(?:nhậm chức|nhận nhiệm vụ|được bầu|đắc cử|tái đắc cử|được bổ nhiệm|lên nắm quyền|"
    r"trình [Qq]uốc thư|sang nhận nhiệm vụ|bắt đầu nhiệm kỳ)"
)
OTHER_CLAUSE = re.compile(
    _PERSON_CLAUSE + r"|(?<!ngay )(?<!\w)(?:sau|trước) khi(?!\w)|(?<!\w)(?:kể từ|từ khi)(?!\w)",
    re.IGNORECASE,
)
# A clause after the event that reports what was said or agreed at it, or describes a
# person: its times date that ("…, khẳng định quan hệ được xây dựng từ năm 1962", "…,
# người từng học tập tại Việt Nam năm 1990").
SAID_CLAUSE = re.compile(
    r",\s*(?:[^,;()]{0,60}?\s)?(?:khẳng định|nhấn mạnh|nhất trí|thống nhất|đề nghị|bày tỏ|"
    r"cho biết|cho rằng|hoan nghênh|ghi nhận|cam kết|kêu gọi|mong muốn|nhắc lại|thông báo)(?!\w)"
    r"|,\s*người(?!\w)",
    re.IGNORECASE,
)
# Other predicates after the event, whose times date them and not it: what its subject
# said, told as done (not what it agreed or adopted: "HĐBA đã nhất trí thông qua nghị
# quyết … vào ngày 11/8" is the council's act) ("Ngoại trưởng Libya đang ở thăm Pháp đã khẳng định … thoả
# thuận năm 1999"), an earlier deed ("vì ông X từng làm việc … năm 1999"), an occurrence it
# came after ("diễn ra tiếp sau một cam kết đạt được hồi tháng 12/2005"; not "ngay sau"),
# an aside in brackets with a verb of its own ("(lần đầu tiên là Giáo hoàng X vào năm
# 1986)", "(London đã nối lại quan hệ … từ năm 1999)"), a means or a deed beside it ("bằng
# cách đồng ý tăng viện trợ … vào năm 2010", "đồng thời ấn định cuối năm 2005 …").
ASIDE_CLAUSE = re.compile(
    r"(?<!\w)(?:đã|vừa)\s+(?:khẳng định|nhấn mạnh|cho biết|cho rằng|bày tỏ)(?!\w)"
    r"|(?<!\w)từng(?!\w)"
    r"|(?<!ngay )(?<!\w)(?:tiếp\s+)?sau\s+(?:một|các|những)(?!\w)"
    r"|\((?:[^()]{0,80}?\s)?(?:là|đã|từng|vừa)\s"
    r"|(?<!\w)(?:bằng cách|đồng thời)(?!\w)",
    re.IGNORECASE,
)
# A second predicate told as done after the event, an agreement on something to come
# ("gặp nhau tại hội nghị … và đã thỏa thuận tổ chức cuộc tập trận chung vào năm 2007"):
# its times date what was agreed. Not another act of the same occasion ("… và đã chứng
# kiến lễ ký các văn kiện chiều 5/6", "… và đã có cuộc họp báo chung"), whose time is
# the event's. A literal first ("và"), so the engine skips ahead fast.
SECOND_PREDICATE = re.compile(
    r"và\s+(?:cũng\s+)?(?:đã|vừa)\s+"
    r"(?:thỏa thuận|thoả thuận|nhất trí|quyết định|đồng ý|cam kết)(?!\w)"
)
# The same clause set between a subject and its verb: "Thủ tướng Anh Liz Truss, người nhậm
# chức ngày 6/9, đã điện đàm …", "Tổng thống X (nhậm chức tháng 5/2022) …".
PERSON_CLAUSE = re.compile(_PERSON_CLAUSE + r"[^,;()]*$", re.IGNORECASE)
# What an event is about, after its words: a time inside it dates the thing talked
# about ("trao đổi về kết quả cuộc bầu cử ngày 25/9", "nhân dịp kỷ niệm … (18/7/1977)",
# "về việc triển khai Hiệp định ký ngày 5/9"), always so when a verb of its own is told
# before the time ("cảm ơn Nhật Bản đã viện trợ vaccine hồi tháng 6", "về vấn đề biên giới
# từng đẩy hai nước vào cuộc chiến năm 1962"), else unless the time opens on an adverbial
# of the event ("đàm phán về chương trình hạt nhân hồi tháng 8/2003", "Ủy ban Hỗn hợp … về
# hợp tác song phương tại Manila tháng 2/2003", "về tình hình Ukraine vào tối 3/10").
TOPIC = re.compile(
    r"(?<!\w)(?:(?<!trở )(?<!quay )về(?!\s+(?:nước|nhà|tới|đến|Hà Nội|thủ đô)(?!\w))|"
    r"thảo luận|trao đổi|cảm ơn|chúc mừng|đánh giá|kỷ niệm|liên quan (?:đến|tới))(?!\w)",
    re.IGNORECASE,
)
TOPIC_VERB = re.compile(r"(?<!\w)(?:đã|từng|bị|được|vừa)(?!\w)")
# The event's own predicate after what it is about: "Vòng đàm phán … về Hiệp định … đã
# diễn ra tại Hà Nội từ ngày 4 đến 8/9", "… sẽ được tổ chức vào 25/2".
EVENT_VERB = re.compile(
    r"(?<!\w)(?:tổ chức|tiến hành|diễn ra|nhóm họp|khai mạc|bế mạc|kết thúc|bắt đầu)(?!\w)"
)
ADVERBIAL_BEFORE = re.compile(
    r"(?:,|(?<!\w)(?:(?:vào|hôm|trong|hồi)(?:\s+(?:các|những))?|"
    r"tại\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*\s*,?))\s*$"
)
# An earlier occasion named as the source of what the story's sides now build on: "triển
# khai các kết quả cụ thể, quan trọng của cuộc họp Nội các chung lần thứ 4", "đánh giá
# cao kết quả chuyến thăm …", "các thỏa thuận đã đạt được trong các chuyến thăm …". It
# is not the story's own event: the story's month does not date it.
RESULTS_OF = re.compile(
    r"(?<!\w)(?:kết quả|thỏa thuận|thoả thuận|nhận thức chung)(?!\w)"
    r"(?:\s+[^\s.;:()\"“”–—-]+){0,7}?\s+(?:(?:của|trong|tại)\s+)?(?:(?:các|những)\s+)?$",
    re.IGNORECASE,
)
RESULTS_REACH = 80  # characters before the event's words


def results_of(body: str, start: int, cue_start: int) -> bool:
    """Whether the event's words follow the results or agreements of it ("kết quả của
    cuộc họp X"), in its clause: an earlier occasion the story builds on."""
    return RESULTS_OF.search(body, max(start, cue_start - RESULTS_REACH), cue_start) is not None


# A relative clause on a person after the event's words: ", người từng thăm Việt Nam năm
# 2017", ", nhà lãnh đạo từng …". What it recalls is the person's past, not the event's.
PERSON_AFTER = re.compile(r",\s*(?:người|nhà lãnh đạo)(?!\w)", re.IGNORECASE)


def own_part_end(body: str, cue_end: int, end: int) -> int:
    """Where the part of a sentence that tells the event ends: before a relative clause on
    a person after its words ("… hội kiến Nhật hoàng Naruhito, người từng thăm Việt Nam")."""
    person = PERSON_AFTER.search(body, cue_end, end)
    return person.start() if person else end


# A plan that lists its meetings after a colon.
LISTED = re.compile(r":")
PAST = re.compile(r"(?<!\w)(?:đã|vừa)(?!\w)")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def shift(value: str, unit: str, by: int) -> str | None:
    """`value` moved by `by` years or months, at the precision the move leaves known:
    moved by years, the year; by months, the month."""
    year = int(value[:4])
    if unit == "năm":
        return f"{year + by:04d}"
    if len(value) < 7:
        return None
    index = year * 12 + int(value[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def sets_out_for(reader: Reader, d: Draft) -> bool:
    """Whether a meeting is where a trip sets out for ("lên đường … tham dự X")."""
    if d.cue.kind != "meeting":
        return False
    start, _ = reader.doc.sentences[d.sentence]
    heads = {d.cue.start, (d.cue.joined_to or d.cue).start}
    return any(SETS_OUT.search(reader.body, max(start, head - 240), head) for head in heads)


def _days_before_publication(reader: Reader, value: str | None) -> int:
    """How many days a day-precision date lies before the publication day (0 if unknown)."""
    published = reader.doc.record.published or ""
    if not value or len(value) != 10 or len(published) != 10:
        return 0
    try:
        return (date.fromisoformat(published) - date.fromisoformat(value)).days
    except ValueError:
        return 0


def _after_publication(reader: Reader, value: str | None) -> bool:
    """Whether a date lies after the publication day, to the precision both give (more
    than a day after, for days: a story filed the evening before, in another zone)."""
    published = reader.doc.record.published or ""
    if not value or not published:
        return False
    if len(value) == 10 and len(published) == 10:
        return -_days_before_publication(reader, value) > 1
    precision = min(len(value), len(published))
    return value[:precision] > published[:precision]


def set_out(reader: Reader, d: Draft) -> None:
    """A meeting a trip sets out for is still to come: dated by its own days when the
    text gives them ("… tại Kazan từ ngày 23 đến ngày 24/10", in this mention or another
    one of it), else only by the month of departure."""
    e = d.event
    if _days_before_publication(reader, e.date) > 1:
        return  # reported days after the departure: the meeting has begun
    if not sets_out_for(reader, d):
        return
    e.status = "planned"
    own = reader.times_in(d.cue.start, max(d.cue.own_end, d.cue.joined_end))
    if (
        e.date
        and len(e.date) == 10
        and not any(t.value == e.date for t in own)
        and e.date not in d.own_days  # another mention gives the meeting this day
    ):
        e.date = e.date[:7]  # the day of departure, not the meeting's own days


def ahead(reader: Reader, d: Draft) -> None:
    """Planned when its sentence puts it ahead ("Tuần tới, Thủ tướng thăm …", "nhất trí
    tổ chức Kỳ họp lần thứ 47 …") and tells nothing of it as done ("đã", "vừa")."""
    e = d.event
    if e.status != "held":
        return
    start, end = reader.doc.sentences[d.sentence]
    body = reader.body
    if PAST.search(body, start, d.cue.own_end) or results_of(body, start, d.cue.start):
        return  # told as done, or "nhất trí triển khai các kết quả của Kỳ họp …": before
    if (
        AHEAD.search(body, start, d.cue.own_end)
        or AHEAD_OPENING.match(body, start)
        or (
            (
                NEXT_PERIOD.search(body, d.cue.start, end)
                or near_future(body, d.cue.start, min(end, d.cue.end + NEAR_FUTURE_REACH))
            )
            and not PAST.search(body, start, end)
        )
    ):
        e.status = "planned"


def near_future(body: str, start: int, end: int) -> bool:
    """Whether body[start:end], from an event's words on, gives it the day or period after
    the story's ("… khai mạc vào ngày mai") before any comma ends its clause."""
    if "mai" not in body[start:end] and "sau" not in body[start:end]:
        return False  # the cheap test first
    time = NEAR_FUTURE.search(body, start, end)
    return time is not None and "," not in body[start : time.start()]


def listed_plan(reader: Reader, d: Draft) -> None:
    """ "… sẽ họp trù bị, cụ thể: Hội đồng A họp ngày 9/5; …": planned with the plan."""
    e = d.event
    if e.status != "held":
        return
    start, _ = reader.doc.sentences[d.sentence]
    colon = reader.body.rfind(":", start, d.cue.start)
    if colon < 0 or PAST.search(reader.body, start, d.cue.own_end):
        return
    if PLANNED.search(reader.body, start, colon):
        e.status = "planned"


# What ends the reach of a plan word over the predicates after it: a clause told as done,
# a new sentence part, a clause of its own.
PLAN_BREAK = re.compile(r"(?<!\w)(?:đã|vừa|đang|sau khi|trước đó|sau đó|khi)(?!\w)|[;:]")


# "… đến Hà Nội, bắt đầu chuyến thăm chính thức …": the visit is under way.
BEGINS = re.compile(
    r"(?<!\w)bắt đầu\s+(?:chuyến\s+)?(?:thăm|công du|chuyến công tác)", re.IGNORECASE
)


def begun(reader: Reader, d: Draft) -> None:
    """A visit its sentence tells as beginning, with no plan word, is held even when
    dated a day after publication (a story filed the evening before, in another time
    zone)."""
    e = d.event
    if e.kind != "visit" or e.status != "planned" or -_days_before_publication(reader, e.date) > 1:
        return
    start, end = reader.doc.sentences[d.sentence]
    if BEGINS.search(reader.body, start, end) and not PLANNED.search(reader.body, start, end):
        e.status = "held"


# Right before a visit's words: the visit is under way or over ("Ngoại trưởng Libya đang
# ở thăm Pháp", "đang có chuyến thăm", "kết thúc chuyến thăm Trung Quốc").
UNDER_WAY_OR_OVER = re.compile(
    r"(?<!\w)(?:đang\s+(?:ở\s+|có\s+|trong\s+)?|kết thúc\s+(?:tốt đẹp\s+)?)$", re.IGNORECASE
)
UNDER_WAY_REACH = 24


def under_way(reader: Reader, d: Draft) -> None:
    """A visit told as under way or over is held, whatever plan a later clause of its
    sentence tells ("… kết thúc chuyến thăm Trung Quốc với cam kết Bình Nhưỡng sẽ tiếp
    tục …"). Not when a plan word heads it ("sẽ kết thúc chuyến thăm", "Sau khi kết thúc
    chuyến thăm Nhật Bản, Thủ tướng sẽ …" told before the trip)."""
    e, cue, body = d.event, d.cue, reader.body
    if e.kind != "visit" or e.status != "planned" or _after_publication(reader, e.date):
        return  # "đang có chuyến thăm … từ ngày 20/9" in a story of 12/9: still ahead
    start, _ = reader.doc.sentences[d.sentence]
    if not UNDER_WAY_OR_OVER.search(body, max(start, cue.start - UNDER_WAY_REACH), cue.start):
        return
    if PLANNED.search(body, start, cue.start) or SUBORDINATE_END.search(body, start, cue.start):
        return
    e.status = "held"


SUBORDINATE_END = re.compile(r"(?<!\w)(?:sau khi|khi)(?!\w)", re.IGNORECASE)


def planned_list(reader: Reader, d: Draft, drafts: list[Draft]) -> None:
    """Planned when it follows, in its sentence, a planned event its plan word heads
    ("sẽ hội kiến A, hội kiến B và gặp C"), with nothing between them told as done and
    no date of its own."""
    e = d.event
    if e.status != "held":
        return
    head = next(
        (
            x
            for x in reversed(drafts)
            if x.sentence == d.sentence and x.cue.start < d.cue.start and x is not d
        ),
        None,
    )
    if head is None or head.event.status != "planned":
        return
    if (e.date or d.own_date) and (not e.date or e.date != head.event.date):
        return  # a time of its own: "… sẽ dự A từ ngày 10-13/11 và thăm B" shares A's
    if PLAN_BREAK.search(reader.body, head.cue.end, d.cue.start):
        return
    e.status = "planned"


PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm)(?!\w)")


def planned_list_date(reader: Reader, d: Draft, drafts: list[Draft]) -> None:
    """A planned event that follows, in its sentence, the planned event its plan word
    heads shares that one's time when its own words give none: "Trong thời gian ở Hà Nội,
    X sẽ hội đàm với A, chào xã giao B và gặp C" after a visit of March dates all three
    to March, not the first alone (nor the others to the story's year)."""
    e = d.event
    if e.status != "planned" or d.own_date:
        return
    head = next(
        (
            x
            for x in reversed(drafts)
            if x.sentence == d.sentence and x.cue.start < d.cue.start and x is not d
        ),
        None,
    )
    if head is None or head.event.status != "planned" or not head.event.date:
        return
    if e.date and not (len(e.date) < len(head.event.date) and head.event.date.startswith(e.date)):
        return  # a time of its own, or as precise as the head's
    if PLAN_BREAK.search(reader.body, head.cue.end, d.cue.start) or PURPOSE.search(
        reader.body, head.cue.end, d.cue.start
    ):
        return  # "sẽ sang Indonesia để tham dự X": the trip's day is not the meeting's
    e.date = head.event.date


# A "since" aside closed by the event's own predicate: "Chuyến thăm … đầu tiên của X kể từ
# khi nhậm chức sẽ diễn ra vào tháng 12" (the time after the predicate is the visit's).
SINCE_ASIDE = re.compile(
    r"(?<!\w)(?:kể từ|từ khi)(?!\w)[^,;.]{0,40}?\s(?:sẽ|dự kiến|đã)\s+(?:được\s+)?"
    r"(?:diễn ra|tổ chức|tiến hành)(?!\w)",
    re.IGNORECASE,
)
# "Ba vòng đàm phán 6 bên đã diễn ra ở Bắc Kinh kể từ năm 2003": the time a counted
# series runs from is the time of its first (see enumerations.split_count).
SERIES_SINCE = re.compile(r"(?<!\w)(?:kể\s+)?từ\s+$", re.IGNORECASE)


def of_other_clause(body: str, cue_end: int, time: Any, counted: bool = False) -> bool:
    """Whether a time after an event's words dates a clause about something else: "…
    tiếp Đại sứ X, người nhận nhiệm vụ từ tháng 10/2020", "… điện đàm với Y, hai ngày sau
    khi Nga tuyên bố … ngày 30/9", or a thing talked about: "… hội đàm về việc triển khai
    Hiệp định ký ngày 5/9" (but "… điện đàm về tình hình Ukraine vào tối 3/10" is dated).
    The start of a counted series ("3 vòng đàm phán … kể từ năm 2003") is its own."""
    if time.start <= cue_end:
        return False
    stop = time.start
    if counted:
        since = SERIES_SINCE.search(body, max(cue_end, time.start - 12), time.start)
        stop = since.start() if since else stop
    if OTHER_CLAUSE.search(body, cue_end, stop):
        aside = SINCE_ASIDE.search(body, cue_end, stop)
        if aside is None or OTHER_CLAUSE.search(body, aside.end(), stop):
            return True
        cue_end = aside.end()  # "… đầu tiên kể từ khi nhậm chức sẽ diễn ra vào tháng 12"
    if (
        SAID_CLAUSE.search(body, cue_end, stop)
        or ASIDE_CLAUSE.search(body, cue_end, stop)
        or SECOND_PREDICATE.search(body, cue_end, stop)
    ):
        return True
    topic = TOPIC.search(body, cue_end, time.start)
    if topic is None:
        return False
    if EVENT_VERB.search(body, topic.end(), time.start):
        return False
    if TOPIC_VERB.search(body, topic.end(), time.start):
        return True
    return not ADVERBIAL_BEFORE.search(body, topic.end(), time.start)


QUOTE_MARK = re.compile(r'["“”]')


def quoted_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of quoted speech in body[start:end] (“…” or "…"), an unclosed one to `end`."""
    spans: list[tuple[int, int]] = []
    if body.find('"', start, end) < 0 and body.find("“", start, end) < 0:
        return spans  # most sentences quote no one: no scan
    opened = -1
    for m in QUOTE_MARK.finditer(body, start, end):
        mark, i = m.group(), m.start()
        if mark == "“" or (mark == '"' and opened < 0):
            opened = i if opened < 0 else opened
        elif opened >= 0:  # "”", or the '"' that closes
            spans.append((opened, i + 1))
            opened = -1
    if opened >= 0:
        spans.append((opened, end))
    return spans


def in_other_quote(spans: list[tuple[int, int]], cue_start: int, time: Any) -> bool:
    """Whether a time stands in quoted speech the event's words are not in: "“Đến năm
    2008, chúng tôi sẽ vào NATO”, ông phát biểu tại hội nghị thượng đỉnh hôm qua" dates
    what is said, not the summit."""
    return any(a <= time.start < b and not a <= cue_start < b for a, b in spans)


def in_person_clause(body: str, start: int, time: Any) -> bool:
    """Whether a time before an event's words dates a clause on a person set between the
    subject and the verb ("X, người nhậm chức ngày 6/9, đã điện đàm …")."""
    return PERSON_CLAUSE.search(body, max(start, time.start - 80), time.start) is not None


def open_future(reader: Reader, d: Draft) -> bool:
    """Whether the sentence of a planned event leaves its time open ("các chuyến thăm …
    trong thời gian tới"): the story's year would be a guess."""
    start, end = reader.doc.sentences[d.sentence]
    return OPEN_FUTURE.search(reader.body, start, end) is not None


def _day_before(reader: Reader, at: int) -> str | None:
    """The last day-precision date the text gives before offset `at`."""
    best = None
    for t in reader.times:
        if t.start >= at:
            break
        if t.precision == "day" and t.value:
            best = t.value
    return best


def _stated_before(reader: Reader, at: int) -> str | None:
    """The last date the text states with its year before offset `at`."""
    best = None
    for t in reader.times:
        if t.start >= at:
            break
        if t.year_stated and t.value:
            best = t.value
    return best


def relative_date(reader: Reader, d: Draft, done: list[Draft]) -> bool:
    """Date an undated event told as an interval from a dated one (see the module
    docstring); True when it did."""
    e, body = d.event, reader.body
    start, end = reader.doc.sentences[d.sentence]
    later = LATER_OPENING.match(body, start, end)
    if later:
        base = _stated_before(reader, start)
        moved = base and shift(base, later["unit"], _count(later["n"]))
        if moved:
            e.date = moved
            return True
        return False
    for m in BEFORE_CLAUSE.finditer(body, start, d.cue.start):
        if d.cue.start - m.end() > CLAUSE_GAP or any(
            c in body[m.end() : d.cue.start] for c in ",;"
        ):
            continue
        times = reader.times_in(start, m.start())
        # the event the sentence is about, told before the clause: not one of the clause
        # ("4 tháng sau khi ông Tập thăm Seoul và gặp gỡ bà Park": both of one time)
        before = [x for x in done if x.sentence != d.sentence or x.cue.start < m.start()]
        base = times[-1].value if times else (before[-1].event.date if before else None)
        moved = base and shift(base, m["unit"], -_count(m["n"]))
        if moved:
            e.date = moved
            published = reader.doc.record.published
            if not published or moved[:7] <= published[:7]:
                e.status = "held"
            return True
    return False


def from_now(reader: Reader, d: Draft) -> bool:
    """An undated event that runs "từ nay đến ngày 3/3" starts on the story's day: the
    publication day, or else the last day the text gave before; True when dated."""
    start, _ = reader.doc.sentences[d.sentence]
    if not FROM_NOW.search(reader.body, d.cue.start, d.cue.own_end):
        return False
    published = reader.doc.record.published or ""
    day = published if len(published) == 10 else _day_before(reader, start)
    if not day:
        return False
    d.event.date = day
    return True


def framework_month(reader: Reader, d: Draft, done: list[Draft]) -> bool:
    """An undated event set in the framework of, or beside, the event before it takes
    that event's month; True when it did."""
    start, end = reader.doc.sentences[d.sentence]
    body = reader.body
    if not IN_FRAMEWORK.match(body, start, end):
        return False
    host = next((x for x in reversed(done) if x.event.date and x.event.kind != "call"), None)
    if host is None or host.event.date is None:
        return False
    d.event.date = host.event.date[:7]
    d.event.location = d.event.location or host.event.location
    return True


def visit_days(reader: Reader, drafts: list[Draft]) -> None:
    """A visit undated, or dated only to the month or the year by the story around it,
    takes the earliest day of a meeting held in it (in that month or year): one of its
    visitor's, with no state the visit does not have, told with the same tense."""
    body = reader.body
    for v in drafts:
        e = v.event
        if e.kind != "visit" or v.own_date or not v.people or (e.date and len(e.date) == 10):
            continue  # dated by its own words, or to the day by the text around it
        start, end = reader.doc.sentences[v.sentence]
        if RECALLED.search(body, start, end):
            continue  # "ông từng thăm Việt Nam": another occasion
        visitors = set(v.people) - v.chairs
        days = [
            d.event.date
            for d in drafts
            if d.event.kind == "meeting"
            and d.event.date
            and len(d.event.date) == 10
            and d.event.status == e.status
            and visitors & set(d.people)
            and set(d.event.parties) <= set(e.parties)
        ]
        days = [day for day in days if day.startswith(e.date or "")]
        if days:
            e.date = min(days)  # the month the story gave it, made precise


# "… hội đàm với Y hồi tháng 12/2023, nhân dịp X thăm Nhật Bản", "… trong chuyến thăm
# Nhật Bản hồi tháng 12/2023": the visit told after a meeting as its occasion or frame.
OCCASION_LINK = re.compile(
    r"(?<!\w)(?:nhân dịp|nhân chuyến|trong chuyến|trong khuôn khổ chuyến|trong dịp)(?!\w)"
    r"[^,;.]{0,40}$"
)
# … and before a visit's cue that is the trip noun itself ("nhân chuyến thăm …").
OCCASION_BEFORE_TRIP = re.compile(r"(?<!\w)(?:nhân|trong(?:\s+khuôn khổ)?)\s+$")
OCCASION_LINK_REACH = 60
# … not when another verb stands between the meeting and the link: "hội đàm với Y, ôn lại
# những kết quả đạt được trong chuyến thăm Nhật Bản năm 2023" recalls another occasion.
OCCASION_RECALLED = re.compile(
    r"(?<!\w)(?:kết quả|đạt được|nhắc lại|ôn lại|điểm lại|đánh giá|nhớ lại|kể từ|từ sau"
    r"|triển khai|thực hiện|cụ thể hóa|cụ thể hoá)(?!\w)",
    re.IGNORECASE,
)


def occasion_visit_dates(reader: Reader, drafts: list[Draft]) -> None:
    """A meeting and the visit its sentence then names as its occasion or frame share
    one time: the visit undated takes the meeting's (its date is the most precise day the
    text gives for any of it), and a meeting the story dated only by default takes the
    month of the visit's own ("X đã hội đàm với Y trong chuyến thăm Nhật Bản hồi tháng
    12/2023" is of 2023-12, not of the month the article was published)."""
    body = reader.body
    for v in drafts:
        if v.event.kind != "visit" or v.undated:
            continue
        for m in drafts:
            if (
                m.event.kind != "meeting"
                or m.sentence != v.sentence
                or m.cue.end > v.cue.start
                or m.event.status != v.event.status
                or (m.people and v.people and not set(m.people) & set(v.people))
            ):
                continue
            reach = max(m.cue.end, v.cue.start - OCCASION_LINK_REACH)
            link = OCCASION_LINK.search(body, reach, v.cue.start) or (
                body.startswith("chuyến", v.cue.start)
                and OCCASION_BEFORE_TRIP.search(body, reach, v.cue.start)
            )
            if not link or OCCASION_RECALLED.search(body, m.cue.end, link.start()):
                continue
            if not v.event.date and not v.own_date and m.event.date:
                v.event.date = m.event.date
            elif v.own_date and v.event.date and not m.own_date:
                m.event.date = month_of(v.event.date)
            break


# "Chuyến thăm của Tổng thống Bush tới Việt Nam dự kiến diễn ra vào tháng 11", "Nhà Trắng
# cho biết chuyến công du …, gồm thăm A và B, sẽ diễn ra …": a trip noun that opens its
# clause is the subject of the predicate that puts it ahead, however far that stands.
NOUN_OPENS = re.compile(
    r"\s*(?:[^,;.]{0,40},\s*)?"
    r"(?:[^,;.]{0,80}?\b(?:cho biết|cho hay|cho rằng|thông báo|tuyên bố|nói)\s+(?:rằng\s+)?)?"
    r"(?:(?:các|cuộc|những)\s+)?",
    re.IGNORECASE,
)
# "… không thể diễn ra trước 16/2" (cannot take place before): still ahead, too.
PLANNED_PREDICATE = re.compile(
    r"(?<!\w)(?:(?:dự kiến|sẽ|sắp)(?:\s+(?:sẽ|được))*\s+(?:diễn ra|tiến hành|bắt đầu|kéo dài)|"
    r"(?:không|chưa)\s+thể\s+(?:diễn ra|tiến hành|bắt đầu|nối lại)\s+(?:trước|sớm hơn))(?!\w)"
)
# A clause told as done, or a clause of another subject, before the predicate.
NOUN_BREAK = re.compile(r"(?<!\w)(?:đã|vừa|nơi|mà|sau khi|trước khi|trong khi)(?!\w)|[;:]")
NOUN_REACH = 200
# What may stand between a word read as a verb and the predicate that makes it a noun:
# the sides ("đàm phán giữa Mỹ và Triều Tiên không thể diễn ra …"), or nothing.
VERB_AS_NOUN = re.compile(r"\s*(?:(?:giữa|với)\s+[^,;.]{1,50}?\s*)?")
VERB_AS_NOUN_REACH = 80  # the sides and the predicate's own words


def noun_ahead(reader: Reader, d: Draft) -> None:
    """A trip or meeting told by a noun that opens its clause is planned when its
    predicate puts it ahead ("… dự kiến diễn ra", "… sẽ diễn ra"), with nothing between
    told as done. The predicate may stand past the words the cue owns. A word read as a
    verb ("đàm phán") is such a noun when the predicate follows it at once or after its
    sides ("Ông này cho rằng đàm phán không thể diễn ra trước 16/2")."""
    e, cue, body = d.event, d.cue, reader.body
    if e.status != "held":
        return
    start, end = reader.doc.sentences[d.sentence]
    verb = "verb" in cue.flags
    reach = VERB_AS_NOUN_REACH if verb else NOUN_REACH  # the cheap test first
    plan = PLANNED_PREDICATE.search(body, cue.end, min(end, cue.end + reach))
    if plan is None or not NOUN_OPENS.fullmatch(body, start, cue.start):
        return
    if NOUN_BREAK.search(body, cue.end, plan.start()):
        return
    if not verb or VERB_AS_NOUN.fullmatch(body, cue.end, plan.start()):
        e.status = "planned"


# ", trong chuyến thăm …", ", nhân dịp cuộc gặp …": an event set, after a comma, as the
# occasion of what the clause before it does.
OCCASION_AFTER_COMMA = re.compile(r",\s*(?:trong|nhân|nhân dịp)\s+$")
OCCASION_REACH = 24


def occasion_of_plan(reader: Reader, d: Draft) -> None:
    """An event set as the occasion of a planned act is planned with it: "Ấn Độ … sẽ đề
    nghị Pháp giải quyết vấn đề này, trong chuyến thăm cuối tuần này của Ngoại trưởng
    Pháp tới Delhi". Not when the sentence tells anything as done ("đã", "vừa") or recalls
    an earlier occasion, nor when the event is dated before publication."""
    e, cue, body = d.event, d.cue, reader.body
    if e.status != "held" or _days_before_publication(reader, e.date) > 0:
        return
    start, end = reader.doc.sentences[d.sentence]
    if not OCCASION_AFTER_COMMA.search(body, max(start, cue.start - OCCASION_REACH), cue.start):
        return
    if not PLANNED.search(body, start, cue.start) or PAST.search(body, start, end):
        return
    if RECALLED.search(body, start, end):
        return
    e.status = "planned"


# A meeting named with its year after the mechanism's acronym: "Tuần lễ Cấp cao APEC
# 2017", "Hội nghị Cấp cao ASEAN 2020", "Hội nghị Bộ trưởng G20 2026". (With "năm" the
# year is a date the scan finds itself: "Hội nghị thượng đỉnh G20 năm 2026".)
NAME_YEAR = re.compile(
    r"(?<![\w-])[A-Z][A-Z0-9+\-]{1,9}\s+((?:19|20)[0-9]{2})(?![0-9])(?!\s*[-–]\s*[0-9])"
)
# … but not a plan, a vision or a community named with its target year ("Hội nghị về Tầm
# nhìn Cộng đồng ASEAN 2025", "Hội nghị triển khai Kế hoạch hành động APEC 2030").
NAME_YEAR_GOAL = re.compile(
    r"(?<!\w)(?:tầm nhìn|cộng đồng|kế hoạch|lộ trình|chương trình|nghị trình|chiến lược|"
    r"mục tiêu|vision|agenda)(?!\w)",
    re.IGNORECASE,
)


def named_with_year(e: Any) -> str | None:
    """The year a meeting's name ends on after a mechanism's acronym ("APEC 2017")."""
    name = e.name
    if not name or not any(map(str.isdigit, name)):
        return None
    m = NAME_YEAR.search(name)
    if m is None or NAME_YEAR_GOAL.search(name, 0, m.start()):
        return None
    return m.group(1)


def name_year(reader: Reader, d: Draft) -> None:
    """A meeting named with its year is of that year, whatever the story's: "Tổng thống
    đã tham dự Tuần lễ Cấp cao APEC 2017 tại Đà Nẵng" in an article of 2025 is of 2017,
    not of the month the article was published; "sẽ đăng cai Hội nghị Cấp cao APEC 2027"
    is of 2027, and a plan of the story's year is known to that year only ("ủng hộ Hàn Quốc
    tổ chức thành công Hội nghị Cấp cao APEC 2025"), or to the month of the story's day
    it follows. A month or day its words give is kept with the name's year."""
    e = d.event
    year = named_with_year(e) if e.kind == "meeting" else None
    if year is None:
        return
    if e.date and e.date[:4] == year and (d.own_date or e.status == "held"):
        return  # its own day, or the story's month of a meeting held in the story's year
    if e.date and e.date[:4] == year and len(e.date) == 10:
        # a plan of the story's year the text ties to a day of the story ("Ngay sau cuộc
        # gặp, … sẽ lên máy bay … để tham dự Hội nghị … APEC 2017"): a gathering of days
        # to come in that month
        e.date = e.date[:7]
        return
    e.date = year + (e.date[4:] if e.date and d.own_date and told_after(reader, d) else "")
    published = (reader.doc.record.published or "")[:4]
    now = published or str(reader.doc.anchor_year or "")
    if now and year > now:
        e.status = "planned"  # a summit of a year still to come has not been held
    elif published and year < published and e.status == "planned":
        # nor is one of a year the page dates past still to come: "Đà Nẵng đã hoàn thành
        # công tác chuẩn bị cho Tuần lễ Cấp cao APEC 2017" on a page of 2025 recalls it
        e.status = "held"


def told_after(reader: Reader, d: Draft) -> bool:
    """Whether the day of a meeting named with another year than its day's is told in
    the meeting's own words ("Hội nghị Cấp cao APEC 2017 diễn ra ngày 10/11"), not before
    its name, where it dates the clause's own verb: "Ngày 10/3, Bộ Ngoại giao họp bàn
    chuẩn bị cho Hội nghị Cấp cao APEC 2027", "Ngày 10/3, … tổ chức lễ kỷ niệm 10 năm Hội
    nghị Cấp cao ASEAN 2015" (the name's year alone)."""
    tail = d.event.date[4:] if d.event.date else ""
    return any(
        t.value and str(t.value).endswith(tail)
        for t in reader.times_in(d.cue.start, max(d.cue.own_end, d.cue.end))
    )


def sideline_year(reader: Reader, drafts: list[Draft]) -> None:
    """Talks held on the sidelines of a gathering named with its year ("đã gặp … bên lề
    Hội nghị G20 2024 tại Rio de Janeiro") that the text does not date are of that year,
    not of the story's month (as with "bên lề Hội nghị G20 năm 2024", whose year the scan
    finds)."""
    published = (reader.doc.record.published or "")[:7]
    if len(published) != 7:
        return
    for d in drafts:
        e = d.event
        if not d.setting or e.kind != "meeting" or not e.date:
            continue
        year = named_with_year(e)
        if year is None or e.date[:4] != year or year == published[:4]:
            continue
        if not SIDELINES_BEFORE.search(reader.body, max(0, d.cue.start - 20), d.cue.start):
            continue
        for x in drafts:
            if (
                x is not d
                and x.sentence == d.sentence
                and x.cue.start < d.cue.start
                and x.event.kind == "meeting"
                and not x.own_date
                and x.event.date == published
            ):
                x.event.date = year


def sideline_day(reader: Reader, d: Draft, drafts: list[Draft]) -> None:
    """A day told after the gathering on whose sidelines two sides met ("… đã hội đàm
    với … bên lề Hội nghị Cấp cao ASEAN tại Vientiane ngày 10/10") is the day of their
    meeting, the predicate of the clause; the gathering, of several days or not, is
    known only to its month (as when the day stands before it: "ngày 8/7 đã nhóm họp bên
    lề Hội nghị …")."""
    e = d.event
    if not d.setting or e.kind != "meeting" or not e.date or len(e.date) != 10:
        return
    if not SIDELINES_BEFORE.search(reader.body, max(0, d.cue.start - 20), d.cue.start):
        return
    if any(
        x is not d
        and x.sentence == d.sentence
        and x.cue.start < d.cue.start
        and x.event.kind == "meeting"
        and not x.setting
        and x.event.date == e.date
        for x in drafts
    ):
        e.date = e.date[:7]


SIDELINES_BEFORE = re.compile(r"\bbên lề\s+(?:(?:một|các|cuộc|kỳ|phiên)\s+)?$", re.IGNORECASE)


# "… được tiến hành lần đầu tiên vào tháng 12/1997": the first occurrence of a mechanism.
FIRST_TIME = re.compile(r"(?<!\w)lần\s+(?:đầu\s+tiên|đầu|thứ\s+nhất)(?!\w)", re.IGNORECASE)


def first_occurrence(reader: Reader, d: Draft, drafts: list[Draft]) -> None:
    """The first occurrence of a mechanism the text counts far later ("Hội nghị APT được
    tiến hành lần đầu tiên vào tháng 12" beside "Hội nghị Cấp cao ASEAN+3 lần thứ 23") is
    not of the story's year: a yearless month or day gives it no date."""
    e = d.event
    if not e.date or not e.series or e.edition:
        return
    if not any(
        x.event.series == e.series and (x.event.edition or 0) > 2 for x in drafts if x is not d
    ):
        return
    if FIRST_TIME.search(reader.body, d.cue.end, d.cue.own_end) is None:
        return
    times = [t for t in reader.times_in(d.cue.end, d.cue.own_end) if t.value]
    if times and not any(t.year_stated for t in times):
        e.date = None
