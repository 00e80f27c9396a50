"""The vocabulary of event reports, for the events stage.

Patterns that say what a stretch of a sentence does (reports speech, plans, chairs,
places an event, points back to one), the cues a sentence is read as, and the small
text helpers over them: which parties a span names, where a clause ends, how a
mechanism is named.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

from diplonews.extract.doc import Doc
from diplonews.extract.events import audit
from diplonews.extract.lexicons import NUMBER_WORDS, Lexicons, Series, Trigger
from diplonews.extract.people.names import TITLED_SHORTS
from diplonews.extract.spans import within

# "những cuộc gặp", "nhiều phiên họp của HĐBA": occurrences counted vaguely, none told.
PLURAL_BEFORE = re.compile(r"\b(?:những|nhiều)\s+$", re.IGNORECASE)

# The `Doc.matches` key of the verbs of motion whose traveller is a group of one state's
# officials, named by none of them: movements sets it, fields.visitors takes no one
# named before for them.
GROUP_TRIPS = "events.group_trips"

REPORTING = re.compile(
    r"\b(?:cho biết|cho hay|thông báo|thông tin|tuyên bố|đưa tin|loan báo|dẫn thông báo)\b"
)
# "sắp" (soon), not a title ("Ngoại trưởng sắp mãn nhiệm": outgoing), nor an arranging
# done ("đã sắp xếp thời gian để có một cuộc gặp", "đã được sắp xếp": "đang sắp xếp cuộc
# gặp" is a plan).
# "xem xét khả năng" is a plan only of a trip, a meeting or talks ("cân nhắc khả năng
# thăm …"), and not when done ("đã xem xét khả năng hợp tác năng lượng tại cuộc hội đàm").
_PLANNED_DEED = (
    r"(?=\s+(?:công du|thăm|gặp|hội đàm|hội kiến|đàm phán|tổ chức|cử|mời|sang|đến|tới|dự"
    r"|tham dự|tiến hành|nối lại|mở lại|một cuộc|cuộc|chuyến)\b)"
)
PLAN_WORDS = re.compile(
    r"\b(?:sẽ|dự kiến|sắp(?!\s+(?:mãn nhiệm|hết nhiệm kỳ|rời nhiệm sở))"
    r"(?!(?<=đã sắp)\s+(?:xếp|đặt))(?!(?<=vừa sắp)\s+(?:xếp|đặt))(?!(?<=được sắp)\s+(?:xếp|đặt))"
    r"|chuẩn bị|có kế hoạch"
    r"|theo kế hoạch|lên kế hoạch|dự định|có ý định|lên lịch"
    r"|(?<!đã )(?<!vừa )(?:xem xét|cân nhắc|tính đến)\s+khả năng" + _PLANNED_DEED + r")\b",
    re.IGNORECASE,
)
# "ngày 7/5 tới", "thứ bảy tới", "tuần tới": a day to come (not "tới" before a place);
# "ngày mai", "sáng mai": tomorrow.
DAY_TO_COME = re.compile(
    r"\b(?:(?:ngày|sáng|chiều|tối|đêm|trưa) (?-i:mai)\b"
    r"|(?:ngày \d{1,2}/\d{1,2}|thứ (?:hai|ba|tư|năm|sáu|bảy)|tuần|tháng|năm) tới\b"
    r"(?!\s+(?:thăm\b|(?-i:[A-ZĐ]))))",
    re.IGNORECASE,
)


class Plan:
    """A plan told: a word of plan (PLAN_WORDS) or a day to come (DAY_TO_COME), searched
    as one pattern would be. The day is looked for only where " tới" or " mai" stands:
    a substring test spares the pattern, which alone doubled the cost of the search."""

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = PLAN_WORDS.search(text, pos, endpos)
        end = endpos if found is None else found.start()  # a day to come told before it
        if text.find(" tới", pos, end) >= 0 or text.find(" mai", pos, end) >= 0:
            return DAY_TO_COME.search(text, pos, end) or found
        return found


PLANNED = Plan()
NEGATED = re.compile(r"\bkhông\s+(?:tham dự|dự|tham gia|có mặt)\b[^,;]*$")
# "không gặp", "chưa từng hội đàm", "không có cuộc gặp nào", "Không một hội nghị … nào",
# "sẽ không quay trở lại bàn đàm phán" (refuses to return to the talks),
# "sẽ không thăm", "không được phép thăm", "từ chối gặp": the event itself denied or refused,
# right before its word (not "không tham dự cuộc họp": one side absent from a meeting held,
# nor "không chỉ thăm …": "not only").
NEGATED_EVENT = re.compile(
    r"(?:\b(?:không|chưa|chẳng)(?:\s+(?:hề|bao giờ|từng|thể|được phép|được|sẵn sàng|muốn|định|"
    r"chịu|chắc|chắc chắn|sẽ|tới|đến|sang|đi|cùng|còn|có kế hoạch|có ý định|dự định|"
    r"(?:quay(?:\s+trở)?|trở)\s+lại(?:\s+bàn)?))*"
    r"(?:\s+có)?(?:\s+một)?|\b(?:từ chối|khước từ))\s+(?:các\s+|cuộc\s+)?$",
    re.IGNORECASE,
)
HELD = re.compile(r"\b(?:đã|vừa)\b")
SECONDARY = re.compile(
    r"(?:nhân dịp(?: tham)? dự|bên lề|trong khuôn khổ|nơi diễn ra|để dự|để tham dự|"
    r"tiếp nối các hoạt động|trước thềm|tiến tới)\s*$",
    re.IGNORECASE,
)
SECONDARY_LONGEST = len("tiếp nối các hoạt động")  # its longest words (see `last_words`)
ATTEND = re.compile(r"\b(?:tham dự|dự|tham gia|dẫn đầu đoàn[^,;]*? dự)\s*$")
# "khai mạc" as a verb (to open a meeting), not the opening ceremony ("trong lễ khai mạc")
CHAIR = re.compile(
    r"\b(?:đồng chủ trì|chủ trì|chủ tọa|(?<!lễ )(?<!phiên )(?<!buổi )khai mạc|mở đầu)\b",
    re.IGNORECASE,
)
# A mediator chairs talks as a host does: "dưới sự trung gian của X", "cuộc gặp do X làm
# trung gian" (the labelled sets read the mediator as `chair`); "với sự chủ trì của X" as
# "dưới sự chủ trì của X".
CHAIR_OF = re.compile(r"(?:dưới|với) sự (?:đồng )?(?:chủ trì|trung gian) của\s*(?:[^;.]{0,40})?$")
# The passive: "Hội nghị … do Trợ lý Bộ trưởng X chủ trì" (chaired by X). CHAIRED_BY_LEAD
# is the "do" before the official's titles, CHAIRED_BY_VERB the verb right after the name.
CHAIRED_BY_LEAD = re.compile(r"\bdo\s+[^;.]{0,80}$")
CHAIRED_BY_VERB = re.compile(r"\s*(?:(?:đồng\s+)?(?:chủ trì|chủ tọa|chủ toạ)|làm trung gian)\b")


def chaired_by(body: str, start: int, end: int) -> bool:
    """Whether the official named at body[start:end] is the "do X chủ trì" of an event."""
    return bool(
        CHAIRED_BY_VERB.match(body, end, end + 16)
        and CHAIRED_BY_LEAD.search(body, max(0, start - 80), start)
    )


EXCLUDED_BEFORE = re.compile(
    r"(?:theo lời mời của|lời mời của|thay mặt(?: cho)?|lời chào của|của đoàn[^,;]*|"
    r"(?:[Ss]áng kiến|[Cc]hính sách|chính quyền|đề xuất|thông điệp|[Tt]ầm nhìn)[^;.]{0,80}của)\s*$"
)
EXCLUDED_REACH = 110  # characters before a mention where EXCLUDED_BEFORE is looked for


def excluded_before(body: str, at: int) -> bool:
    """Whether EXCLUDED_BEFORE ends right before the mention at `at` ("theo lời mời của",
    "thay mặt"). Each of its forms holds "của" or "thay mặt": where neither stands in the
    reach, a substring test (in C, no copy) spares the pattern tried at each of its 110
    characters, for most of the article's mentions."""
    start = max(0, at - EXCLUDED_REACH)
    if body.find("của", start, at) < 0 and body.find("thay mặt", start, at) < 0:
        return False
    return EXCLUDED_BEFORE.search(body, start, at) is not None


# "do X tổ chức" (hosted by X: a banquet's host) is not taking part; "do X … dẫn đầu"
# (a delegation led by X) is.
BY_BEFORE = re.compile(r"\bdo\s+(?:ông|bà|ngài)?\s*$")
LEADS_AFTER = re.compile(r"[^.;]{0,70}?\b(?:dẫn đầu|làm [Tt]rưởng đoàn)")
ONLINE_WORDS = ("trực tuyến", "hình thức video", "qua video", "truyền hình trực tuyến")


# "trực tuyến" after what is no meeting: a trade, a crime or a service done online
# ("lừa đảo trực tuyến", "trò chơi trực tuyến", "dịch vụ (công) trực tuyến", "mua bán trực
# tuyến", "đăng ký trực tuyến", "hội chợ trực tuyến").
_DONE_ONLINE = (
    r"(?<!\w)(?i:lừa đảo|lừa gạt|chiếm đoạt|trò chơi|game|dịch vụ(?:\s+công)?|quảng cáo|"
    r"mua bán|bán hàng|đăng ký|nộp hồ sơ|tuyển sinh|hội chợ|"
    r"bán lẻ|mua sắm|thương mại|tội phạm|cờ bạc|đánh bạc|cá độ|thanh toán|giao dịch|ngân hàng|"
    r"đấu giá|tìm kiếm|âm nhạc|giải trí|kinh doanh|tấn công|báo|đào tạo|bài giảng|"
    r"khóa học|khoá học|việc làm)\s+"
)
NOT_MEETING_ONLINE = re.compile(_DONE_ONLINE + "trực tuyến")
DONE_ONLINE_BEFORE = re.compile(_DONE_ONLINE + "$")


def says_online(text: str) -> bool:
    """ "trực tuyến", "qua hình thức video": substring tests, ten times a regex's speed;
    not a trade or a crime done online ("lừa đảo trực tuyến")."""
    if not any(word in text for word in ONLINE_WORDS):
        return False
    if "trực tuyến" not in text or "video" in text:
        return True
    return text.count("trực tuyến") > len(NOT_MEETING_ONLINE.findall(text))


SAME_DAY = re.compile(
    r"^\s*(?:Cùng ngày|Nhân dịp này|(?:Ngay )?(?:Sau|Trước)(?: khi)?(?: cuộc| buổi)?"
    r"(?: (hội đàm|hội kiến|lễ đón|lễ|đó))?)\b",
    re.IGNORECASE,
)
POINTS_BACK = re.compile(r"^\s*(?:này|lần này|nêu trên|nói trên|trên)\b")
# "Cuộc gặp gỡ do X làm trung gian này", "cuộc họp do Y chủ trì này": "này" after the
# clause that says who chaired it still points back to the meeting told before.
CHAIRED_BACK = re.compile(r"\s+do\s+[^,;.]{2,80}?\s(?:chủ trì|làm trung gian)\s+này\b")
# "lần thứ 25", "lần thứ hai", and in Roman numerals as some outlets write them:
# "lần thứ XXV", "khóa XV".
ROMAN = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?<=[IVXLC])"
EDITION = re.compile(
    r"\s*(?:lần thứ|khóa|khoá)\s+(\d+|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|"
    + ROMAN
    + r")\b"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
NAME_STOP = re.compile(
    r"[,;.“”\"]|\s\((?=(?:vào|dự kiến|tháng|ngày|năm|từ)\b)|\s(?=(?:với|tại|ở|vào|do|diễn ra|sẽ|đã|được|nhằm|theo|từ|ngày|hồi|trong|"
    r"trước|sau|nơi|cùng|để|là|có|bằng|qua|dưới|thảo luận|bàn|nhân|kéo dài|lần này|này|"
    r"nêu trên|nói trên|trực tuyến|thông qua|nhất trí|khai mạc|bắt đầu|kết thúc|chủ trì|"
    r"đánh giá|tiếp tục|chiều|sáng|tối|tổ chức|gồm|nhằm|đánh dấu|về|"
    # adverbs that open the predicate: "Hội nghị cấp cao ASEM chỉ diễn ra trong 1 tuần"
    r"chỉ|vẫn|đang|cũng(?! như)|đều|vừa(?! và))\b)"
)
LOCATED = re.compile(r"(?:tại|ở)\s*$")
# "lên đường đi Berlin", "sẽ đi Ấn Độ", "dự kiến đi Bắc Kinh": "đi" as a trip only after
# setting off or a plan, else a walk or a tourist's trip (see movements).
# The word first and what stands before it tested after it ("đi(?<=sẽ đi)", the same as
# "(?<=sẽ )đi"): an alternative that opens with a character is passed over at once where
# the text has another, one that opens with an assertion is tried (here and in MOVE and
# LOCATION_LEAD, searched at each character before every place).
GOING = r"đi(?:(?<=lên đường đi)|(?<=sẽ đi)|(?<=dự kiến đi)|(?<=dự định đi)|(?<=kế hoạch đi))"
# "tại điện Kremlin", "ở dinh Tổng thống": a venue named after a lowercase noun of building
LOCATION_LEAD = re.compile(
    r"(?:tại|ở|thành phố|thành phố cảng|thủ đô|đến|tới|sang|thăm|" + GOING + "|"
    # a landing: "hạ cánh (an toàn) xuống", "đáp (máy bay) xuống"
    r"xuống(?:(?<=hạ cánh xuống)|(?<=an toàn xuống)|(?<=đáp xuống)|(?<=máy bay xuống)"
    r"|(?<=chuyên cơ xuống))|"
    # a tour's stop: "Chặng dừng chân đầu tiên là Brussels" (movements.tour_stops)
    r"dừng chân(?:\s[^,;.()]{0,50}?)?\s+là)"
    # … or a resort or town by name: "tại khu nghỉ dưỡng Kananaskis", "ở khu nghỉ
    # mát Sharm el-Sheikh", "tại thị trấn Evian" (not an island: "tại đảo Okinawa" is
    # often what talks are about)
    r"(?:\s+(?:điện|cung điện|dinh|phủ|tòa nhà|toà nhà|trụ sở|nhà khách|khách sạn|"
    r"khu nghỉ dưỡng|khu nghỉ mát|thị trấn))?\s*$",
    re.IGNORECASE,
)
# "làm việc tại Nhật Bản" is a post, but "thăm (và) làm việc tại", "chuyến công tác tại" a trip
POSTING = re.compile(
    r"(?:[Pp]hóng viên[^,;]{0,25}|(?<!thăm )(?<!thăm và )(?<!chuyến )(?:làm việc|công tác)|thường trú|Đại sứ[^,;]{0,40}|Đại sứ quán[^,;]{0,40})\s*(?:tại|ở)\s*$"
)
EDITION_GAP = re.compile(r"\s*(?:lần thứ|khóa|khoá|thứ)\s+\w+\s*")
# "Kỳ họp thứ 17 Ủy ban Hỗn hợp …": a session counted without "lần"
SESSION_NUMBER = re.compile(r"\s+thứ\s+(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\b")
# A wish, an idea or a doubt before the event's word: "đề nghị hai bên sớm gặp mặt", "ý tưởng
# tổ chức một cuộc gặp với X", "không cho rằng … gặp khó khăn gì trong đối thoại với X" (a
# speaker's opinion, no occurrence told); "sẵn sàng xem xét cuộc gặp đó nếu …": talks a side
# is ready to consider (not "sẵn sàng" alone: "Phái đoàn Mỹ sẵn sàng ở lại cho đến cuối hội
# nghị" tells a conference held).
HYPOTHETICAL = re.compile(
    r"\b(?:đề xuất|đề nghị|mong muốn|hy vọng|kỳ vọng|sớm|cần|nên|ý tưởng (?:về|tổ chức|triệu tập)"
    r"|không (?:cho|nghĩ|tin) rằng)\b[^,;]*$"
)
CONSIDERED = re.compile(r"\bsẵn sàng xem xét\b[^,;]*$")  # tried only where "xem xét" stands
# "Ngoại trưởng X sẽ sớm đến Trung Quốc", "sẽ sớm có chuyến công du Islamabad": a trip
# announced as coming soon is a plan told, not a wish (HYPOTHETICAL's "sớm" is for
# "đề nghị hai bên sớm gặp mặt"); only for visits: "Bình Nhưỡng sẽ sớm trở lại vòng đàm
# phán" is a prospect.
SOON_TRIP = re.compile(r"\bsẽ sớm(?:\s+(?:có|thực hiện|tiến hành|lên đường))?\s*$")


SOON = re.compile(r"\bsẽ sớm\b")


def wished_part(cue: Cue, recent: str) -> str:
    """The words before a cue that HYPOTHETICAL reads: all of them, less a visit's
    "sẽ sớm" (SOON_TRIP), or the "sẽ sớm" of the trip whose purpose the talks are ("sẽ
    sớm có chuyến công du Islamabad để thảo luận": planned with the trip)."""
    if "sớm" not in recent:
        return recent
    if cue.kind == "visit":
        soon = SOON_TRIP.search(recent)
        if soon is not None:
            return recent[: soon.start()]
    elif "purpose" in cue.flags:
        soon = SOON.search(recent)
        if soon is not None:
            return recent[: soon.start()] + " sẽ" + recent[soon.end() :]
    return recent


# "sẵn sàng đàm phán với Syria", "sẵn sàng và sẵn lòng tiếp tục tham gia đàm phán sáu bên",
# "sẵn sàng làm việc với …", "sẵn sàng tiến hành các cuộc thương lượng hòa bình với Ixraen":
# willingness to talk, or to hold talks, told right before the talks' word, is no occurrence.
WILLING = re.compile(
    r"\b(?:sẵn sàng|sẵn lòng)(?:\s+(?:và|sẵn lòng|tiếp tục|trở lại|quay lại|quay trở lại|"
    r"tham gia|nối lại|cùng|tiến hành|bắt đầu|mở|có|tổ chức))*\s+(?:các\s+|cuộc\s+)?$"
)
# "không loại bỏ khả năng sẽ … gặp": a possibility kept open, no occurrence.
MODAL = re.compile(r"\b(?:có thể|nếu|giá như|ứng cử|tranh cử|loại (?:bỏ|trừ) khả năng)\b[^;]*$")
HOSTING = re.compile(r"\b(?:đăng cai(?: tổ chức)?|tổ chức thành công|chuẩn bị cho)\s*$")
HOSTING_LONGEST = len("tổ chức thành công")


def last_words(text: str, longest: int) -> int:
    """Where a pattern of words of at most `longest` characters, none ending on a space,
    then `\\s*$` (SECONDARY, HOSTING) can first match in `text`: its words end where the
    text's spaces at the end begin. Searched from there, the engine tries a few places
    instead of each of the 120 characters before a cue; assertions still see the text
    before (`pattern.search(text, pos)`), so the match is the same."""
    return max(0, len(text.rstrip()) - longest)


BACK_LEAD = re.compile(r"^\s*(?:Tại|Trong|Bên lề|Sau)\s*$")
# A noun phrase in apposition to the event named just before: "Hội nghị Cấp cao ASEAN+3
# lần thứ 23, một cuộc đối thoại giữa những người đứng đầu ASEAN với …" describes it.
APPOSITION = re.compile(r"\s*,\s*(?:là\s+)?một\s+$")
NOT_EVENT_TIME = re.compile(
    r"(?:(?:thành lập|ra đời|kể từ|từ năm|từ khi|kỷ niệm|tương tự|giống như|so với|cùng kỳ|"
    r"đến năm)[^,;]{0,25}|\b(?:đến|tới|trước)\s*)$"
)
# Who speaks for a mechanism, by the end of its name: the leaders at a summit, the
# ministers at a ministers' meeting.
SPEAKER_LEVELS = (
    ("Summit", ("head_of_state", "head_of_government")),
    ("Ministers' Meeting", ("minister",)),
)
SPEECH = re.compile(
    r"\b(?:khẳng định|chia sẻ|nhấn mạnh|phát biểu|đề nghị|cho rằng|bày tỏ|nhận định|"
    r"đánh giá|hoan nghênh|kêu gọi|bình luận)\b"
)
ENVOYS = re.compile(r"\s*(?:(?:các\s+)?Đại sứ\s+(?:các nước|các quốc gia)|các\s+Đại sứ)")
THIS = re.compile(r"\bnày\b")
SIDELINES = re.compile(r"\s*Bên lề\b")  # "Bên lề hội nghị, …": during the meeting
PARTY_KINDS = ("state", "bloc", "group")  # what can take part in an event
HOME = "VNM"  # the country whose press this is: its own meetings alone are not diplomacy
PRE_REACH = 200  # characters: a subject further from its verb is someone else's
ORDINALS = {"nhất": 1, **NUMBER_WORDS}  # "lần thứ nhất", "lần thứ hai" …
# "gặp với người đồng cấp Trung Quốc", "hội đàm với phía Lào": the other side named by its state
COUNTERPART = re.compile(
    r"\s*(?:[\w ]{0,20}?\s)?với\s+(?:người đồng cấp|đồng cấp|người đồng nhiệm|đồng nhiệm|phía|đoàn|lãnh đạo)\b"
    # "hội kiến lãnh đạo nước chủ nhà", "gặp người đồng cấp Lào": the object itself
    r"|\s+(?:các\s+)?(?:người đồng cấp|người đồng nhiệm|lãnh đạo)\b"
)
BILATERAL_VERBS = (
    "gặp",
    "hội đàm",
    "hội kiến",
    "tiếp",
    "tới chào",
    "điện đàm",
    "chào xã giao",
    "tiếp xúc",
    "gọi điện",
    "gặp gỡ",
    "gặp mặt",
    "họp thượng đỉnh",
    "trình quốc thư",
    "thảo luận với",
    "họp kín",
    "chào từ biệt",
    "nói chuyện điện thoại",
    "nói chuyện qua điện thoại",
    "trao đổi qua điện thoại",
    "gọi điện thoại",
    "tiếp kiến",
    "yết kiến",
    "cuộc tiếp xúc",
)


@dataclass
class Cue:
    start: int
    end: int
    kind: str
    trigger: Trigger | None
    series: Series | None = None
    name_end: int = 0
    own_end: int = 0  # end of the text this cue owns
    joined_end: int = 0  # own_end, or the next cue's when the two are coordinated ("X và Y")
    joined_to: Cue | None = None  # the cue this one is coordinated after
    named: bool = False
    generic: bool = False
    flags: frozenset[str] = frozenset()


@dataclass
class Sentence:
    start: int
    end: int
    content_start: int  # after a reporting verb that precedes every cue
    cues: list[Cue] = field(default_factory=list)


WORD_BEFORE = re.compile(r"(\w+)\s*$")
WORD_AFTER = re.compile(r"\s*(\w+)")


PARTY_SPANS = "events.party_spans"  # its key in `Doc.matches`: read by two stages, found once


def party_spans(doc: Doc, lex: Lexicons) -> list[tuple[int, int, str]]:
    """Every party named in the body, with compound short forms ("Hàn-Việt")."""
    found: list[tuple[int, int, str]] | None = doc.matches.get(PARTY_SPANS)
    if found is None:
        found = doc.matches[PARTY_SPANS] = _party_spans(doc, lex)
    return list(found)


def dash_offsets(body: str) -> list[int]:
    """Where "-" and "–" stand in `body`, in order: str.find runs at memory speed, where
    a regex character class cost 10 us an article."""
    found: list[int] = []
    for dash in "-–":
        at = body.find(dash)
        while at >= 0:
            found.append(at)
            at = body.find(dash, at + 1)
    found.sort()
    return found


def _party_spans(doc: Doc, lex: Lexicons) -> list[tuple[int, int, str]]:
    body = doc.body
    spans = [(s, e, codes[0]) for s, e, codes in lex.find_in(doc.matches, "party_names", body)]
    covered = {i for s, e, _ in spans for i in range(s, e)}
    extra = []
    for at in dash_offsets(body):
        before = WORD_BEFORE.search(body, max(0, at - 16), at)
        after = WORD_AFTER.match(body, at + 1)
        for m in (before, after):
            if m and m.start(1) not in covered:
                code = lex.party_short.get(m.group(1))
                if code:
                    extra.append((m.start(1), m.end(1), code))
                    covered.add(m.start(1))
    extra += listed_short_forms(body, spans, covered, lex)
    extra += titled_short_forms(doc, covered, lex)
    if extra:
        spans = sorted(spans + extra)
    spans = [sp for sp in spans if sp[2] != "-"]
    if "(" in body:
        wrong = wrong_glosses(doc, lex, spans)
        if wrong:
            spans = [sp for sp in spans if sp[0] not in wrong]
    return spans


# "tại Tunisia (Mỹ)", "ở Geneve (Pháp)": a state in brackets right after a place names
# where that place lies. A sovereign state lies in no other state, and a city the
# gazetteer places in one state does not lie in another: such a gloss is the writer's
# slip, no side of the event. A region's gloss stays ("Đài Loan (Trung Quốc)").
GLOSS_OPEN = re.compile(r"\s*\(\s*$")
GLOSS_CLOSE = re.compile(r"\s*\)")


def wrong_glosses(doc: Doc, lex: Lexicons, spans: list[tuple[int, int, str]]) -> set[int]:
    """The starts of the bracketed states that contradict the place they gloss."""
    body = doc.body
    glosses = []  # (where the bracket opens, the gloss's start, its state, the name before)
    for i, (s, e, code) in enumerate(spans):
        if s < 2 or body[s - 1] != "(" and body[s - 2 : s] != "( ":
            continue  # the cheap test first: few names stand in brackets
        opened = GLOSS_OPEN.search(body, max(0, s - 4), s)
        if (
            opened
            and GLOSS_CLOSE.match(body, e)
            and getattr(lex.party(code), "kind", "") == "state"
        ):
            before = spans[i - 1] if i else None  # the name the bracket follows
            glossed = before[2] if before and before[1] == opened.start() else None
            glosses.append((opened.start(), s, code, glossed))
    if not glosses:
        return set()
    wrong: set[int] = set()
    for at, s, code, glossed in glosses:
        if glossed is None:  # a city's name, maybe: the gazetteer's state for it
            glossed = next(
                (
                    getattr(p[0], "country", None)
                    for _, e, p in lex.find_in(doc.matches, "places", body)
                    if e == at
                ),
                None,
            )
        # not "Đài Loan (Trung Quốc)", "Hồng Kông (Trung Quốc)": a region or its city
        if glossed and glossed != code and getattr(lex.party(glossed), "kind", "") == "state":
            wrong.add(s)
    return wrong


# "gồm Anh, Pháp và Đức": a short form ("Anh" is also a given name and a pronoun) listed
# next to a state's full name is that state. The word before it must not be a capitalised
# one, or the short form is part of a personal name ("Tuấn Anh và Đức").
LISTED_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(\S+)\s+(\w+)(?:,\s*|\s+và\s+)$")
LISTED_AFTER = re.compile(r"(?:,\s*|\s+và\s+)(\w+)\b(?: (\w))?")


def listed_short_forms(
    body: str, spans: list[tuple[int, int, str]], covered: set[int], lex: Lexicons
) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for s, e, code in spans:
        if getattr(lex.party(code), "kind", "") != "state":
            continue
        # The pattern ends on ", " or " và ": a test of the words before it first spares
        # the search, tried at each of 30 characters, for most names.
        tail = body[max(0, s - 30) : s].rstrip()
        listed = tail.endswith((",", "và"))
        before = LISTED_BEFORE.search(body, max(0, s - 30), s) if listed else None
        if before and not before.group(1)[:1].isupper():
            short = lex.party_short.get(before.group(2))
            if short and before.start(2) not in covered and short != code:
                found.append((before.start(2), before.end(2), short))
                covered.add(before.start(2))
        after = LISTED_AFTER.match(body, e)
        if after and not (after.group(2) or "").isupper():  # "và Anh Tuấn": a name
            short = lex.party_short.get(after.group(1))
            if short and after.start(1) not in covered and short != code:
                found.append((after.start(1), after.end(1), short))
                covered.add(after.start(1))
    return [f for f in found if getattr(lex.party(f[2]), "kind", "") == "state"]


# "Thủ tướng Anh", "Đại sứ Anh tại Iran", "Nữ hoàng Anh Elizabeth II": a short form alone
# right after an office is the state the office is held for ("Anh" is also a given name
# and a pronoun, but no title stands before those). The people stage reads them as it
# reads the titles (people.names.TITLED_SHORTS), not before a Vietnamese given name
# ("Bộ trưởng Anh Tuấn").


def titled_short_forms(doc: Doc, covered: set[int], lex: Lexicons) -> list[tuple[int, int, str]]:
    """States told by their short form after a title ("thủ tướng Anh"), as the people
    stage read them; not a short form that is a named person's given name, which the
    title calls back ("Thứ trưởng Trung" after "Thứ trưởng Lê Hoài Trung")."""
    read: dict[int, tuple[int, str]] | None = doc.matches.get(TITLED_SHORTS)
    if not read:
        return []
    given = {p.name.rsplit(" ", 1)[-1] for p in doc.record.people if p.name}
    return [
        (s, e, code)
        for s, (e, code) in read.items()
        if s not in covered
        and getattr(lex.party(code), "kind", "") == "state"
        and doc.body[s:e] not in given
    ]


# A state named by its role in the trip being told ("hội đàm với Thủ tướng nước chủ nhà",
# "người đồng cấp nước sở tại"): the state the trip went to.
HOST_STATE = re.compile(r"\b(?:nước|quốc gia)\s+(?:chủ nhà|sở tại)\b", re.IGNORECASE)
DESTINATION_LEAD = re.compile(
    r"\b(?:thăm|tới|đến|sang|công du|tại|ở)"
    r"(?:\s+(?:chính thức|cấp nhà nước|cấp Nhà nước|làm việc|hữu nghị|thủ đô))*\s*$"
)
HOST_REACH = 2000  # characters back to the trip that the description points to


HOST_SPANS = "events.host_spans"  # its key in `Doc.matches`: the reader and its gate


def host_spans_of(doc: Doc, lex: Lexicons) -> list[tuple[int, int, str]]:
    """`host_spans` over the body's parties and places, found once per document."""
    found: list[tuple[int, int, str]] | None = doc.matches.get(HOST_SPANS)
    if found is None:
        places = lex.find_in(doc.matches, "places", doc.body)
        found = doc.matches[HOST_SPANS] = host_spans(doc.body, party_spans(doc, lex), places, lex)
    return list(found)


def host_spans(
    body: str, spans: list[tuple[int, int, str]], places: list[Any], lex: Lexicons
) -> list[tuple[int, int, str]]:
    """ "nước chủ nhà", "nước sở tại" as the state of the latest destination before it
    ("tới Jakarta …, hội kiến lãnh đạo nước chủ nhà" → Indonesia)."""
    found: list[tuple[int, int, str]] = []
    if "chủ nhà" not in body and "sở tại" not in body:
        return found  # most articles: no scan
    hits = list(HOST_STATE.finditer(body))
    if not hits:
        return found
    named = [(s, code) for s, _, code in spans]
    named += [(s, p[0].country) for s, _, p in places if getattr(p[0], "country", None)]
    named.sort()
    starts = {s for s, _ in named}
    for hit in hits:
        if any(hit.end() < at <= hit.end() + 2 for at in starts):
            continue  # "nước chủ nhà Indonesia": the name itself follows
        for at, code in reversed(named):
            if at >= hit.start():
                continue
            if at < hit.start() - HOST_REACH:
                break
            if getattr(lex.party(code), "kind", "") == "state" and DESTINATION_LEAD.search(
                body, max(0, at - 40), at
            ):
                found.append((hit.start(), hit.end(), code))
                break
    return found


# A forum is also the body that holds it: after the title of one of its officers
# ("Tổng thư ký Diễn đàn châu Á Boao", "Chủ tịch WEF Klaus Schwab") or a word for its
# members ("các nước ASEM", "các nền kinh tế thành viên Diễn đàn …") its name is the body.
OFFICER_OF = re.compile(
    r"\b(?:[Tt]ổng [Tt]hư ký|[Tt]hư ký|[Pp]hó [Cc]hủ tịch|[Cc]hủ tịch|[Tt]ổng [Gg]iám đốc|"
    r"[Gg]iám đốc(?: điều hành)?|[Nn]gười sáng lập|[Nn]hà sáng lập|[Nn]gười phát ngôn|"
    r"[Pp]hát ngôn viên|nước|quốc gia|nền kinh tế|thành viên)(?:\s+(?:của|thường trực|"
    r"thành viên|thành viên của))?\s+$"
)
BODY_NAME = re.compile(r"(?:[Dd]iễn đàn\b|[A-Z]{2,6}\b)")


# "một báo cáo gần đây tại Diễn đàn kinh tế thế giới rằng", "bản báo cáo của APEC": a
# report (the noun, counted) that the body wrote. Told "tại" the forum, it is the body only
# when nothing of a gathering follows the name but what the report says ("rằng", a comma).
REPORT_OF = re.compile(
    r"\b(?:một|bản|các|những)\s+báo cáo(?:\s+[^\s,;.]+){0,3}?\s+(?:(của)|tại)\s+$"
)
REPORT_SAYS = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:,|rằng\b|cho thấy\b)")


def names_the_body(body: str, start: int, series_start: int, series_end: int) -> bool:
    """Whether a series name after an officer's title, or after a report it wrote, names
    the body (a forum or an acronym), not one of its meetings."""
    if not BODY_NAME.match(body, series_start, series_end):
        return False
    lo = max(start, series_start - 40)
    if OFFICER_OF.search(body, lo, series_start):
        return True
    report = (
        REPORT_OF.search(body, lo, series_start) if "báo cáo" in body[lo:series_start] else None
    )
    return bool(report and (report.group(1) or REPORT_SAYS.match(body, series_end)))


# Games, fairs and festivals named after a forum or a bloc ("Đại hội Thể thao Thanh niên
# diễn đàn hợp tác Á-Âu (ASEM)", "Hội chợ Thương mại ASEAN"): the words after their head,
# up to the trigger, are the show's own name, not a meeting. Linking words and verbs
# ("nhân", "bên lề", "tại", "diễn ra") end the name: "Triển lãm ảnh nhân Hội nghị Cấp cao
# ASEAN" tells the summit. SHOW_WORDS is a cheap test before the regexes (most cues have
# none of them in front).
SHOW_WORDS = (
    "đại hội",
    "giải",
    "sea games",
    "liên hoan",
    "hội chợ",
    "triển lãm",
    "lễ hội",
    "hội diễn",
    "cuộc thi",
    "hội thi",
    "tuần",
)
SHOW_HEAD = re.compile(
    r"\b(?:Đại hội [Tt]hể (?:thao|dục)|[Gg]iải (?:đấu|bóng|vô địch)|SEA Games|"
    r"[Ll]iên hoan|[Hh]ội chợ|[Tt]riển lãm|[Ll]ễ hội|[Hh]ội diễn|[Cc]uộc thi|[Hh]ội thi|"
    r"[Tt]uần (?:lễ )?(?:phim|văn hóa|văn hoá|thời trang|ẩm thực))\b"
)
SHOW_NAME_ENDS = re.compile(
    r"[,;.:“”\"]|\s(?:nhân|bên lề|trong|tại|ở|dịp|chào mừng|hưởng ứng|sau|trước|khi|và|với|"
    r"của|do|cho|diễn ra|là|đang|đã|sẽ|vừa|được|làm|có)\b"
)
SHOW_REACH = 70  # characters from the show's head to the trigger


def in_show_name(body: str, start: int, at: int) -> bool:
    """Whether the text at `at` is inside the name of a games, fair or festival."""
    lo = max(start, at - SHOW_REACH)
    window = body[lo:at].lower()
    if not any(word in window for word in SHOW_WORDS):
        return False
    return any(
        at - head.end() <= 60 and not SHOW_NAME_ENDS.search(body, head.end(), at)
        for head in SHOW_HEAD.finditer(body, lo, at)
    )


# Bodies that are not states: a sports federation or club, an association, a company.
# Their officers ("Chủ tịch LĐBĐ Brazil (CBF) X", "X, Phó Chủ tịch Hiệp hội Doanh nghiệp
# Phần mềm") hold no office of a state, whatever their title says.
NON_STATE_BODY = (
    r"(?:Liên đoàn (?:[Bb]óng|[Tt]hể thao|[Qq]uần vợt|[Đđ]iền kinh|[Cc]ờ|[Bb]ơi|[Cc]ầu lông|"
    r"[Vv]õ|[Xx]e đạp|[Qq]uyền anh)|LĐBĐ|VFF|[UỦ]y ban Olympic|Câu lạc bộ|CLB|"
    r"Hiệp hội(?! [Cc]ác (?:[Qq]uốc gia|[Nn]ước))|Công ty|Tổng công ty|Tập đoàn|"
    r"[Tt]rung tâm đào tạo|[Tt]rường (?:đại học|ĐH)|[Đđ]ại học)\b"
)
BODY_IN_MENTION = re.compile(NON_STATE_BODY)
# "Chủ tịch X - trung tâm đào tạo chứng khoán lớn nhất Singapore": the body described
# after a dash or a comma is the officer's.
BODY_AFTER_MENTION = re.compile(r"(?:\s+|\s*[-–,]\s*)(?:của\s+)?" + NON_STATE_BODY)


def body_officers(body: str, mentions: list[Any], people: list[int]) -> set[int]:
    """Which of `people` are named as officers of a body that is not a state."""
    wanted = set(people)
    return {
        m.person
        for m in mentions
        if m.person in wanted
        and (
            BODY_IN_MENTION.search(body, m.start, m.end)
            or BODY_AFTER_MENTION.match(body, m.end, m.end + 40)
        )
    }


# The words of sport: a meeting told among them with no official named ("Trong cuộc họp
# hôm 11-4 về SVĐ bóng đá ở Gaza, FIFA tuyên bố …") is a sports body's.
SPORT = re.compile(
    r"\b(?:bóng đá|SVĐ|sân vận động|đội tuyển|HLV|cầu thủ|VĐV|vận động viên|World Cup|FIFA|"
    r"UEFA|AFC|AFF|Olympic|SEA Games|ASIAD|giải vô địch|huy chương|HCV|trận đấu|chung kết|"
    r"bán kết|tứ kết|vòng loại|vòng bảng|đội bóng)\b"
)


# A forum or conference named for business or scholarship ("Diễn đàn cải cách kinh tế
# VN - Trung Quốc", "Diễn đàn doanh nghiệp", "Hội nghị đầu tư"): its people are firms and
# experts, so with no official named it is no state meeting.
TRADE_FORUM = re.compile(
    r"(?:[Dd]iễn đàn|[Hh]ội nghị|[Hh]ội thảo)\s+(?:(?:cải cách|phát triển|xúc tiến)\s+)?"
    r"(?:kinh tế|doanh nghiệp|doanh nhân|đầu tư|thương mại|tài chính|ngân hàng|khoa học|"
    r"công nghệ|du lịch|giáo dục|y tế)\b"
)


# "trong khuôn khổ ASEM", "cơ chế APEC", "nước thành viên ASEM": a mechanism named bare
# as the framework of something else, not one of its meetings.
FRAMEWORK_BEFORE = re.compile(
    r"\b(?:khuôn khổ|cơ chế|tiến trình|thành viên)(?:\s+(?:hợp tác|của))*\s+$", re.IGNORECASE
)


def find_cues(
    body: str, start: int, end: int, triggers: list[Any], series_hits: list[Any]
) -> list[Cue]:
    """The cues of one sentence from the document's trigger and series matches."""
    cues: list[Cue] = []
    for s, e, found in within(triggers, start, end):
        trigger = found[0]
        if trigger.kind == "-":
            continue
        cue = Cue(s, e, trigger.kind, trigger, flags=trigger.flags)
        cue.named = "named" in trigger.flags and body[s : s + 1].isupper()
        cue.generic = "generic" in trigger.flags and not cue.named
        cues.append(cue)
    for gs, ge, series_list in within(series_hits, start, end):
        if re.match(r"\s*[-–]\s*[^\W\d]", body[ge : ge + 4]):
            continue  # "Hội nghị Cấp cao ASEAN-Hàn Quốc" is not the ASEAN Summit ("ASEP-3" is)
        if names_the_body(body, start, gs, ge):
            # "Tổng thư ký Diễn đàn châu Á Boao": the organisation, not a meeting
            audit.dropped("series-body", body, (start, end), (gs, ge))
            cues = [c for c in cues if not gs <= c.start < ge]
            continue
        named_before = next(
            (
                c
                for c in reversed(cues)
                if c.kind == "meeting"
                and c.series
                and c.start < gs
                and not re.search(r"[,;]", body[c.end : gs])
            ),
            None,
        )
        if named_before and (
            body[gs - 2 : gs].strip() == "(" or body[max(0, gs - 5) : gs].endswith("của ")
        ):
            # "… lần thứ 16 của Diễn đàn Kinh tế thế giới (WEF)": the organiser, or the
            # acronym, of the meeting just named, not another meeting
            cues = [c for c in cues if not gs <= c.start < ge]
            continue
        host = next(
            (
                c
                for c in cues
                if c.kind == "meeting"
                and c.series is None
                and (
                    c.start <= gs < c.end
                    or 0 <= gs - c.end <= 2
                    or EDITION_GAP.fullmatch(body[c.end : gs])
                )
            ),
            None,
        )
        if host is None and body[gs - 2 : gs].strip() == "(":
            # "Hội nghị lần thứ 28 các bên … (COP 28)": the acronym names the meeting before
            host = next(
                (
                    c
                    for c in reversed(cues)
                    if c.kind == "meeting"
                    and c.start < gs
                    and not re.search(r"[,;]", body[c.end : gs])
                ),
                None,
            )
        if (
            host is None
            and FRAMEWORK_BEFORE.search(body, max(start, gs - 30), gs)
            and not re.match(r"\s*\d", body[ge : ge + 3])
            and not EDITION.match(body, ge)
        ):
            continue  # "hội thảo … trong khuôn khổ ASEM": the framework, not a meeting of it
        if host is None:
            host = Cue(gs, ge, "meeting", None)
            cues.append(host)
        host.series = series_list[0]
        host.named, host.generic = True, False
        host.end = max(host.end, ge)
        cues = [c for c in cues if c is host or not (host.start <= c.start < host.end)]
    cues.sort(key=lambda c: c.start)
    shown = []
    for c in cues:
        if in_show_name(body, start, c.start):
            audit.dropped("show-name", body, (start, end), c)
        else:
            shown.append(c)
    return shown


# ---------------------------------------------------------------- helpers


def clause_bounds(body: str, sent_start: int, sent_end: int, pos: int) -> tuple[int, int]:
    left = max(body.rfind(",", sent_start, pos), body.rfind(";", sent_start, pos))
    right_candidates = [
        i for i in (body.find(",", pos, sent_end), body.find(";", pos, sent_end)) if i >= 0
    ]
    return (left + 1 if left >= 0 else sent_start), (
        min(right_candidates) if right_candidates else sent_end
    )


def month_of(value: str | None) -> str | None:
    """An ISO date at month precision at most ("2021-06-07" → "2021-06", "2021" stays)."""
    return value[:7] if value else None


def parse_edition(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word and all(c in _ROMAN_VALUES for c in word):
        return _roman(word)
    return ORDINALS.get(word)


def _roman(numeral: str) -> int:
    """The value of a Roman numeral (already checked well-formed by EDITION)."""
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0], strict=True))


def series_name(
    parties: list[str], suffix: str, lex: Lexicons, numbered: bool = False
) -> str | None:
    """ "ASEAN-Korea Summit" from the parties named in an event's name. A meeting of a
    bloc and a partner is a mechanism; so is a two-state meeting that counts its
    editions ("… Việt Nam - Australia lần thứ 5"), named in the order written."""
    if not suffix:
        return None
    known = [party for party in map(lex.party, dict.fromkeys(parties)) if party]
    blocs = [p for p in known if p.kind in ("bloc", "group")]
    if len(known) < 2 or not (blocs or numbered and len(known) == 2):
        return None
    names = [p.short_en for p in blocs + [p for p in known if p not in blocs]]
    return f"{'-'.join(names)} {suffix}"


def expand(codes: list[str], lex: Lexicons) -> list[str]:
    out: list[str] = []
    for code in codes:
        party = lex.party(code)
        if party is None or party.kind in ("org", "region"):
            continue
        out.extend(party.members if party.kind == "group" and party.members else [code])
    return out


def finish_parties(codes: list[str], lex: Lexicons) -> list[str]:
    parties = set(expand(codes, lex))
    for code in list(parties):
        party = lex.party(code)
        if party and party.kind == "bloc" and party.members:
            parties -= set(party.members)
    return sorted(parties)


# "Chủ tịch nước cùng các nhà lãnh đạo …", "Thủ tướng cùng lãnh đạo các nước …": the
# subject takes part beside other leaders (`merging.with_other_leaders`), the others'
# when marked so (ABROAD_LEADERS after it, or a state or bloc: "các nhà lãnh đạo APEC")
# or, unmarked (UNMARKED_LEADERS: the verb follows), when their sentence names another
# state; never "cùng các lãnh đạo Đảng, Nhà nước", "cùng lãnh đạo bộ, ngành" (the home's).
OTHER_LEADERS = re.compile(
    r"\bcùng(?:\s+với)?\s+(?:các\s+(?:nhà\s+)?lãnh đạo|lãnh đạo|các\s+nguyên thủ)(?!\w)"
)
ABROAD_LEADERS = re.compile(
    r"\s+(?:của\s+)?(?:các\s+(?:nước|quốc gia|nền kinh tế|thành viên)|thế giới|nước ngoài"
    r"|quốc tế|khu vực)(?!\w)"
)
UNMARKED_LEADERS = re.compile(
    r"\s*(?:,|(?:đã|đều|sẽ|cùng|dự|tham dự|tham gia|có|chụp|tới|đến|đi)(?!\w))"
)
# Leaders marked as others' anywhere in a body (`reader.names_beyond_home`).
LEADERS_ABROAD = re.compile(OTHER_LEADERS.pattern + ABROAD_LEADERS.pattern)
