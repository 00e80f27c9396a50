"""Stage clean: the article body proper out of a page's text.

Owns `Doc.body`, `Doc.sentences`, `record.title` and `record.body_end`. Every line of
the raw text gets a kind (banner, dateline, caption, title, body, credit line, related-news
block …) from general rules about Vietnamese news pages; the body is the `body` lines in
order. The line map goes on the Doc (`Doc.layout`), so the meta stage reads dates and
credits from the same lines without classifying them twice.
"""

from __future__ import annotations

import re
from itertools import pairwise

from diplonews.extract.doc import CleanText, Doc, Line
from diplonews.extract.lexicons import Lexicons


def _phrases(text: str) -> frozenset[str]:
    """A word list written as "a|b|c" across lines."""
    return frozenset(p.strip() for p in text.split("|") if p.strip())


# Line kinds.
BLANK = "blank"
BANNER = "banner"  # weekday-date line above the article: the crawl date (meta: unless on the title)
FURNITURE = "furniture"  # site chrome: contacts, breadcrumbs, players, debris
DATELINE = "dateline"  # byline / "Cập nhật" / date-and-time line of the article
CAPTION = "caption"  # photo captions and credit-only lines ("Ảnh: VGP")
LINK = "link"  # "[Another story]" and promo lines
TITLE = "title"
BODY = "body"
CREDIT = "credit"  # final author / credit lines ("Theo Yonhap", "(TTXVN/Vietnam+)")
END = "end"  # related news, comments and everything after them

# Dev and test texts are cut at 2000 bytes (UTF-8) or characters; a body that stops
# without a sentence end this close to the limit was cut mid-sentence.
TRUNCATION_LIMIT = 2000
TRUNCATION_SLACK = 150

CUT_MARKS = frozenset(",;:-–—(“‘")  # a paragraph ending in one of these was cut
TITLE_MAX = 220  # longest headline taken for a title
CREDIT_LINE_MAX = 90  # longest final author / credit line
CAPTION_MAX = 300  # longest unterminated line inside the body taken for a caption
# Longest line the stages read: twice the longest paragraph of the 20,000 articles of
# ../shared/corpus/vntc_subset.jsonl (10,042 characters). A longer line (a page saved
# without line breaks, or junk) is split before the stages run, at a sentence end, else
# at a space, so the work done on any one line is bounded whatever the input.
MAX_LINE = 20_000
# Longest sentence the stages read: the longest of the same 20,000 articles is 2,049
# characters (the 99.9th percentile 817). The stages look back and forth within a
# sentence for each number, name and trigger in it, so a "sentence" of a whole page
# (numbers without sentence ends, say) cost its length squared; a longer one is cut at
# a space into pieces of at most this length.
MAX_SENTENCE = 3_000
SPLIT_END_RE = re.compile(r"[.!?…][”\"’'»)\]]*\s")

UPPER = "A-ZĐÀ-ỸÁÉÍÓÚÝÂÊÔĂƠƯ"
CLOSERS = "”\"’'»)]"
SENTENCE_MARKS = frozenset(".!?…")
# A day and month (and year) just before a glued period: "28/7", "28-7", "28/7/2022",
# "28 tháng 7", "28 tháng 7 năm 2022".
GLUED_DATE_RE = re.compile(
    r"(?:(?<![\d/\-])\d{1,2}[/\-]\d{1,2}(?:[/\-]\d{4})?"
    r"|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)$"
)
CLOSE = r"[”\"’'»)\]]"  # CLOSERS as a regex class

# "Tin liên quan", "Bình luận (0)" …: the body is over.
END_WORDS = (
    "tin liên quan|tin mới hơn|tin cũ hơn|tin khác|các tin khác|tin cùng chuyên mục|"
    "tin bài liên quan|tin tức liên quan|bài liên quan|bài viết liên quan|các bài liên quan|"
    "các tin/bài khác|các tin, bài khác|các tin bài khác|tin/bài liên quan|tin/bài khác|"
    "có thể bạn quan tâm|bạn có thể quan tâm|có thể bạn muốn xem|tin nổi bật|tin mới nhất|"
    "tin mới|tin đọc nhiều|đọc nhiều nhất|đọc nhiều|xem nhiều|xem nhiều nhất|bình luận|"
    "ý kiến bạn đọc|gửi bình luận|viết bình luận|gửi phản hồi|phản hồi|tin cùng loại|"
    "cùng chuyên mục|cùng chủ đề|tin cùng chủ đề|video liên quan|chủ đề liên quan|"
    "bài cùng chuyên mục|các tin đã đưa|tin đã đưa|tin tiếp theo|bài tiếp theo|"
    "tin xem nhiều|tin hay|tin nên xem|đừng bỏ lỡ|tin tức khác|bài viết khác|các bài viết khác|"
    "ý kiến|ý kiến của bạn|gửi ý kiến|bình luận của bạn"
)
END_RE = re.compile(
    rf"^(?:[-–•*#]\s*)?(?:{END_WORDS})\s*(?:\(\d+\))?\s*[:.]?\s*$"
    r"|^(?:tags?|từ khóa|từ khoá|thẻ)\s*:",
    re.IGNORECASE,
)
# "… quan hệ ngoại giao./.": the end mark of wire copy (TTXVN and the papers that take it).
WIRE_END_RE = re.compile(r"\.\s?/\.$")
BYLINE_WORDS = 6  # a byline after the end mark on its line: "Ngọc Xuân", "Thu Hà - Minh Anh"
# The comment form's instructions: "Vui lòng gõ tiếng Việt có dấu", "Bạn đọc vui lòng nhập…"
COMMENT_FORM_RE = re.compile(
    r"^(?:xin |bạn đọc |quý độc giả )?vui lòng (?:gõ|nhập|viết|điền|đăng nhập)\b", re.IGNORECASE
)
# "11:54 | 05/12/2025 Môi trường", "11:54 Môi trường": items of a dated headline list.
DATED_ITEM_RE = re.compile(
    r"^\d{1,2}:\d{2}\s*(?:[|\-–]\s*)?(?:\d{1,2}/\d{1,2}/\d{2,4}|[^\d\s:/])"
    r"|^\d{1,2}/\d{1,2}/\d{4}\s*[|\-–]?\s*\d{1,2}:\d{2}"
    r"|\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)$"
)
MARKER_RE = re.compile(r"^date\s+(\d{4}(?:-\d{2}){0,2})\b\s*")
WEEKDAY_RE = re.compile(
    r"^(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])\b\s*[,.\-–|]?\s*"
    r"(?=.*\d)",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
# 20/03/2024, 2024-03-20, and written out: "20 tháng 3 năm 2024", "20 tháng 3, 2024".
_WORDY_DATE = r"\d{1,2}\s+tháng\s+\d{1,2}\s*(?:,\s*|\s+năm\s+)\d{4}"
DATE_RE = re.compile(
    r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}(?:\b|(?=T\d))|\b"
    + _WORDY_DATE
    + r"\b",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
# The time of an ISO timestamp, "2023-09-12T14:30:00+07:00" (a page's machine date).
ISO_TIME = r"\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"
# What is left of a date line once its dates and filler words are gone.
DATE_FILLER_RE = re.compile(
    r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}(?:T" + ISO_TIME + r")?|"
    r"\d{1,2}[:h]\d{2}(?::\d{2})?|"
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|"  # the weekday bylines start with
    r"(?:GMT|UTC)\s*[+-]?\s*\d*|cập nhật|đăng lúc|ngày đăng|đăng ngày|thời gian|xuất bản|"
    r"ngày|lúc|tháng|năm|giờ|sáng|chiều|tối|updated|published|AM|PM|SA|CH|\d+|[|\-–,:()/.\s]",
    re.IGNORECASE,
)
DATELINE_START_RE = re.compile(
    r"^(?:cập nhật|đăng lúc|ngày đăng|đăng ngày|thời gian đăng|ngày xuất bản|xuất bản|"
    r"published|updated|posted)\b",
    re.IGNORECASE,
)
# Whole lines of site chrome (compared lower-cased).
FURNITURE_WORDS = _phrases(
    """spot_img|tweet|share|chia sẻ|facebook|zalo|twitter|in bài|print|lưu|lưu bài|theo dõi|
    follow|a a a|a- a+|cỡ chữ|nghe|đọc bài|nghe bài viết|nghe bài|trang chủ|home|quảng cáo|
    advertisement|tắt quảng cáo|xem video|copy link|sao chép liên kết|gửi bài|in|email|
    bookmark|xem thêm|đọc thêm|menu|tìm kiếm|search|đăng nhập|đăng ký|video|ảnh|quay lên trên|
    về đầu trang|lên đầu trang|back to top|in bài viết|bản in|gửi email|gửi bài viết|lưu bài viết|
    chia sẻ bài viết"""
)
FURNITURE_RE = re.compile(
    r"^\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?$"  # audio player "0:00 / 0:00"
    r"|^[A-ZĐ0-9.+&]{2,12}\s*[-–—]$"  # outlet prefix on its own line: "ĐNA -"
    r"|^(?:nghe|đọc) bài|^chia sẻ\b|^(?:xem|đọc) thêm\s*:?$",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"@[\w-]+\.\w")
CONTACT_LABEL_RE = re.compile(
    r"(?:^|\W)(?:e-?mail|hotline|điện thoại|tòa soạn|toà soạn|đường dây nóng|fax|ĐT)\s*$",
    re.IGNORECASE,
)
CRUMB_MARKS = (" - ", " – ", "|", ">", "»", "›", " / ")
# Section names: a line made of them is a breadcrumb ("Tin tức - Thời sự").
SECTIONS = _phrases(
    """thế giới|thời sự|tin tức|chính trị|kinh tế|xã hội|văn hóa|văn hoá|thể thao|giáo dục|
    sức khỏe|sức khoẻ|y tế|pháp luật|quốc tế|ngoại giao|đối ngoại|quân sự|quốc phòng|an ninh|
    asean|châu á|châu âu|châu mỹ|châu phi|trung đông|châu á - thái bình dương|hồ sơ|phân tích|
    bình luận|góc nhìn|điểm nóng|tiêu điểm|sự kiện|người việt|kiều bào|đời sống|giải trí|
    công nghệ|khoa học|du lịch|môi trường|video|ảnh|multimedia|emagazine|e-magazine|
    infographics|infographic|podcast|trang chủ|home|tin quốc tế|tin trong nước|trong nước|
    chuyên đề|hợp tác quốc tế|hoạt động đối ngoại|chính sách|thông tin đối ngoại|
    nghiên cứu|diễn đàn|quốc hội|xây dựng đảng|tin nổi bật|tin mới|mới nhất|thời sự quốc tế|
    chào ngày mới|toàn cảnh|thế giới 24h|quan hệ quốc tế|ngoại giao kinh tế|kinh doanh|
    tài chính|bất động sản|xe|số hóa|bạn đọc|tiêu dùng|doanh nghiệp|địa phương|vùng miền"""
)
# A section name ending a longer crumb ("… Tin tức thế giới"): one `endswith` for them all.
SECTION_ENDS = tuple(sorted(" " + s for s in SECTIONS))
CRUMB_SPLIT_RE = re.compile(r"\s+[-–|/>»›]\s+|\s*[>»›|]\s*")
# Photo captions: "(Ảnh: …)" / "(Nguồn: …)" closing the line, "… Ảnh: VGP", "Ảnh: …" lines,
# a caption glued to a repeat of the headline ("… song phương ảnh 1Thứ trưởng …").
CAPTION_WORDS = (
    r"Ảnh|Nguồn|Photo|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ|Ảnh tư liệu|Ảnh chụp màn hình|"
    r"Video|Clip|Đồ họa|Đồ hoạ|Source"
)
PAREN_CAPTION_RE = re.compile(rf"\((?:{CAPTION_WORDS})\b[^()]*\)\s*\|?\s*$", re.IGNORECASE)
CREDIT_LABEL_RE = re.compile(rf"(?:^|[.!?)”\"…\s])\s*(?:{CAPTION_WORDS})\s*$", re.IGNORECASE)
LABEL_START_RE = re.compile(r"^(?:Ảnh|Photo|Nguồn|Source|Nguồn ảnh)\s*:", re.IGNORECASE)
GLUED_CAPTION_RE = re.compile(r"\sảnh \d+(?=\S)", re.IGNORECASE)
LINK_STARTS = frozenset("[*>Mm")
LINK_RE = re.compile(
    r"\[[^\]]+\]$|\*?\s*mời (?:quý )?(?:độc giả|bạn đọc|khán giả|quý vị)|>>",
    re.IGNORECASE,
)
# "(Ngày Nay) - …", "(VOV5) - …", "Seoul (TTXVN) - …", "VOV.VN - …" before the lead.
LEAD_PREFIX_RE = re.compile(
    rf"^(?:[{UPPER}0-9][\w./]*,?\s+){{0,5}}\(([^()]{{2,40}})\)"
    r"(?:\s*(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?)?"  # "(TTXVN) 11/9"
    r"\s*[-–—]\s*(?=\S)"
    rf"|^([\w.+]{{2,20}}\.(?:vn|VN|Vn|com|net|org))\s*[-–—]\s*(?=[{UPPER}0-9“\"])"
)
# A dateline of place and day with no outlet: "Hà Nội, 12/9 - ", "WASHINGTON, 9/6/2024 – ".
DATELINE_PREFIX_RE = re.compile(
    rf"^[{UPPER}][\w.]*(?:\s+[\w.]+){{0,4}},\s*\d{{1,2}}\s*[/-]\s*\d{{1,2}}"
    r"(?:\s*[/-]\s*\d{2,4})?\s*[-–—]\s+(?=\S)"
)
# Final author / credit lines.
CREDIT_START_RE = re.compile(
    r"^\(?(?:theo|nguồn|source|pv|phóng viên|nhóm pv|nhóm phóng viên|bài và ảnh|ảnh và bài|"
    r"tác giả|bài|bài viết|người viết|biên tập|biên dịch|thực hiện)\b",
    re.IGNORECASE,
)
CREDIT_TAIL_RE = re.compile(
    r"\((?:[^()]*\b(?:dịch|tổng hợp|theo|nguồn|lược|t/h|th|biên dịch)\b[^()]*)\)$", re.IGNORECASE
)
# "Nguyễn Hùng - Phóng viên TTXVN tại Seoul", "Minh Anh (tổng hợp)"
CREDIT_WORDS_RE = re.compile(
    r"(?<!\w)(?:phóng viên|PV|tổng hợp|lược dịch|biên dịch|thực hiện|t/h)(?!\w)", re.IGNORECASE
)
NAME_WORD_RE = re.compile(rf"^[{UPPER}0-9(][\w.+&()/\-]*$|^[-–/&+()]$|^(?:và|theo)$")
PARENS_RE = re.compile(r"\([^()]*\)")
URL_RE = re.compile(r"(?:https?://|www\.)\S+")
# "(BBC, CNN, AP)", "(Theo Reuters)": the sources of a story, glued after its last sentence.
SOURCES_RE = re.compile(
    rf"^\((?:theo\s+)?[{UPPER}][\w.&/+-]*(?:\s[\w.&/+-]+){{0,3}}"
    rf"(?:\s*[,;/]\s*[{UPPER}][\w.&/+-]*(?:\s[\w.&/+-]+){{0,3}})*\)$",
    re.IGNORECASE,
)
HAS_LETTER_RE = re.compile(r"[^\W\d_]")
DIGIT_RE = re.compile(r"\d")

# Sentence ends: ".", "!", "?", "…", "./." before space or line end (closing quotes and
# brackets kept), or a period glued to the next capitalised word ("(APEC).Tại").
BOUNDARY_RE = re.compile(rf"[.!?…](?:/\.|[.!?…])*(?:{CLOSE}*(?=\s|$)|(?=[{UPPER}]))")
# The same for a line whose only marks are periods (most lines): a pattern that opens
# with a literal is found by a plain character scan, one that opens with a class tests
# every character against it (a third of the cost of splitting).
PERIOD_BOUNDARY_RE = re.compile(rf"\.(?:/\.|[.!?…])*(?:{CLOSE}*(?=\s|$)|(?=[{UPPER}]))")
ABBREVIATIONS = _phrases(
    """TP|Tp|tp|GS|TS|PGS|ThS|Th|BS|KS|NXB|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Co|Inc|Ltd|Corp|Prof|Gen|
    Lt|Col|Capt|Sen|Rep|Gov|TT|Q|P|F|tr|Tr|Ths|Ts|Gs|Pgs|Bs"""
)


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with a sentence-final mark (closing quotes and brackets aside)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return stripped[-1:] in SENTENCE_MARKS and stripped != ""


def split_lead_prefix(text: str) -> tuple[str, str]:
    """("(VOV5) - ", rest) for a lead paragraph opening with an outlet prefix or a
    dateline ("Hà Nội, 12/9 - "): its day is the story's, not the lead's event's."""
    match = LEAD_PREFIX_RE.match(text) or DATELINE_PREFIX_RE.match(text)
    if not match:
        return "", text
    return text[: match.end()], text[match.end() :]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`; never across a line break.

    One loop with the common case inline (a mark, spaces, a capital): this runs over
    every line of every article, and a call per candidate mark cost a tenth of the
    clean stage."""
    spans: list[tuple[int, int]] = []
    append = spans.append
    any_mark, period = BOUNDARY_RE.finditer, PERIOD_BOUNDARY_RE.finditer
    abbreviations = ABBREVIATIONS
    too_long = False
    offset = 0
    for line in text.split("\n"):
        size = len(line)
        start = 0
        while start < size and line[start].isspace():
            start += 1
        finditer = any_mark if "!" in line or "?" in line or "…" in line else period
        for match in finditer(line):
            mark, end = match.span()
            if end <= start:
                continue
            if end < size and not line[end].isspace():
                if not _glued_boundary(line, mark, end):
                    continue
                following = end
            else:
                following = end  # the next sentence starts after the spaces
                while following < size and line[following].isspace():
                    following += 1
                if following < size and line[following].islower():
                    continue  # "v.v. và", "D.C. và", "… và"
                if end - mark == 1 and line[mark] == ".":
                    word = _word_before(line, mark)
                    if word in abbreviations or (
                        len(word) == 1 and word.isupper() and (word.isascii() or word == "Đ")
                    ):
                        # "TP. Hồ Chí Minh", initials "John F. Kennedy"; not the words
                        # "Á" and "Ý" ("chuyến công du Nam Á. Trước đó", "nước Ý.")
                        continue
            # The span ends on a mark or a closer (never a space) and starts past spaces.
            append((offset + start, offset + end))
            if end - start > MAX_SENTENCE:
                too_long = True
            start = following
        end = size
        while end > start and line[end - 1].isspace():
            end -= 1
        if end > start:
            append((offset + start, offset + end))
            if end - start > MAX_SENTENCE:
                too_long = True
        offset += size + 1
    if too_long:
        return [piece for span in spans for piece in _bounded(text, *span)]
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence span cut into spans of at most `MAX_SENTENCE` characters, at spaces
    where it has them."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def _glued_boundary(line: str, mark: int, end: int) -> bool:
    """Whether a mark glued to the next word (".T") ends a sentence: a lone period only,
    after a date, an acronym, a lower-case word of two letters or more, or ")"."""
    if end - mark != 1:
        return False
    before = line[mark - 1] if mark else ""
    if before.isdigit() and (
        GLUED_DATE_RE.search(line, max(0, mark - 24), mark)
        or (_word_before(line, mark).isdigit() and len(_word_before(line, mark)) == 4)
    ):
        return True  # "… ngày 28/7.Chánh văn phòng", "28-7.Chánh", "năm 2030.Bên lề"
    acronym = _word_before(line, mark)
    if (
        len(acronym) >= 3
        and acronym.isupper()
        and acronym not in ABBREVIATIONS
        and line[end + 1 : end + 2].islower()
    ):
        return True  # "… và ASEAN.Ông Kim": an acronym ends the sentence
    if not (before.islower() or before == ")"):
        return False
    word = _word_before(line, mark)
    return before == ")" or (len(word) > 1 and "." not in word and word not in ABBREVIATIONS)


def _word_before(line: str, mark: int) -> str:
    """The word (letters, digits, inner dots) that ends at `mark`."""
    # Most words run back to a space: tested whole in C, not a character at a time.
    word = line[line.rfind(" ", 0, mark) + 1 : mark]
    if word.replace(".", "").isalnum():
        return word
    start = mark
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] == "."):
        start -= 1
    return line[start:mark]


# ---------------------------------------------------------------- line classification


def _label_before_colon(text: str, label: re.Pattern[str]) -> bool:
    """Whether some ":" in `text` follows a label that `label` matches (anchored at $)."""
    colon = text.find(":")
    while colon > 0:
        if label.search(text, max(0, colon - 24), colon):
            return True
        colon = text.find(":", colon + 1)
    return False


def _is_breadcrumb(text: str) -> bool:
    low = text.lower()
    if low in SECTIONS:
        return True
    for mark in CRUMB_MARKS:  # a substring test each, in C: no regex call
        if mark in low:
            break
    else:
        return False
    parts = CRUMB_SPLIT_RE.split(low)
    if len(parts) < 2 or parts[-1] not in SECTIONS:
        return False
    before = parts[-2]
    return before in SECTIONS or before.endswith(SECTION_ENDS)


def _is_date_line(text: str) -> bool:
    if len(text) > 150 or ends_sentence(text) and not text.endswith(")"):
        return False
    if not DIGIT_RE.search(text):
        return False
    if DATELINE_START_RE.match(text):
        return True
    has_date = DATE_RE.search(text) is not None
    if has_date and TIME_RE.search(text):
        return True  # bylines: "Quang Hòa 18:17 | 28/01/2024"
    return has_date and _all_filler(text)


def _all_filler(text: str) -> bool:
    """Whether `DATE_FILLER_RE` matches `text` end to end (`not DATE_FILLER_RE.sub("",
    text)`), one match after another from the start: a line that is no date line stops at
    its first word that is not filler, where the substitution read on to its end (its
    alternatives tried case-insensitively at every character: 11 us a line, now 0.4)."""
    pos, size, match = 0, len(text), DATE_FILLER_RE.match
    while pos < size:
        found = match(text, pos)
        if found is None:
            return False  # text from here on that no match covers (none is empty)
        pos = found.end()
    return True


def _is_credit_line(text: str) -> bool:
    if "://" in text or "www." in text:  # "Nguồn VOV: http://vovnews.vn/…"
        text = URL_RE.sub("", text).strip(" :") or text
    if len(text) > CREDIT_LINE_MAX or ends_sentence(text) and not text.endswith(")"):
        return False
    if text[0] == "(" and text[-1] == ")":
        return True
    if CREDIT_START_RE.match(text):
        return ", " not in PARENS_RE.sub("", text)  # not "Theo đó, …"
    if len(text.split()) <= 12 and CREDIT_WORDS_RE.search(text):
        return True
    tail = CREDIT_TAIL_RE.search(text)
    head = text[: tail.start()] if tail else text
    words = head.split()
    return len(words) <= 6 and all(NAME_WORD_RE.match(w) for w in words)


def _is_caption(text: str) -> bool:
    last = text[-1]
    if last == "|":
        return len(text) > 1
    if last == ")":
        opening = text.rfind("(")
        if opening >= 0 and PAREN_CAPTION_RE.match(text, opening):
            return True
    colon = text.rfind(":")
    if (
        0 < colon
        and len(text) - colon <= 62
        and "(" not in text[colon:]
        and CREDIT_LABEL_RE.search(text, max(0, colon - 24), colon)
    ):
        return True
    if colon >= 0 and LABEL_START_RE.match(text):  # no colon, no label (and no regex call)
        return True
    return ("ảnh " in text or "Ảnh " in text) and GLUED_CAPTION_RE.search(text) is not None


def _classify(text: str, seen_body: bool) -> str:
    """The kind of one non-blank line from its own text (context comes later)."""
    # a line opening with a letter has one (`isalpha` is a letter to the pattern too): no
    # regex call for most lines
    if not (text[0].isalpha() or HAS_LETTER_RE.search(text)):
        return DATELINE if DATE_RE.search(text) else FURNITURE
    size = len(text)
    if size < 60:
        if text.lower() in FURNITURE_WORDS:
            return FURNITURE
        if seen_body and END_RE.match(text):
            return END
    if seen_body and size < 150 and COMMENT_FORM_RE.match(text):
        return END
    if size < 80 and FURNITURE_RE.match(text) or text.startswith("!["):
        return FURNITURE
    if size < 200 and (
        "@" in text and EMAIL_RE.search(text) or _label_before_colon(text, CONTACT_LABEL_RE)
    ):
        return FURNITURE
    if (
        size < 90
        and WEEKDAY_RE.match(text)
        and not ends_sentence(text)
        and (DATE_RE.search(text) or YEAR_RE.search(text))
    ):
        return BANNER if not seen_body else DATELINE
    if text[0] in LINK_STARTS and LINK_RE.match(text):
        return LINK
    if _is_caption(text):
        return CAPTION
    if size <= 150:
        if DATELINE_START_RE.match(text) or _is_date_line(text):
            return DATELINE
        if _is_breadcrumb(text):
            return FURNITURE
    return BODY


def layout(raw: str) -> CleanText:
    """The cleaned article of one raw text, with its line map (`Doc.layout`)."""
    lines: list[Line] = []
    marker_date = None
    position = 0
    first = True  # no text yet: a crawler marker may open this line
    seen_text = False  # any article text yet (a weekday line before it is a banner)
    seen_body = False  # a sentence of body text yet (lists and comment blocks come after)
    ended = False
    signed_off = False  # the wire end mark "./." closed the body
    for raw_line in raw.split("\n"):
        line_start = position
        position += len(raw_line) + 1
        text = raw_line.strip()
        if not text:
            lines.append(Line(line_start, "", BLANK))
            continue
        start = line_start + raw_line.find(text[0])
        if ended:
            lines.append(Line(start, text, END))
            continue
        if first:
            first = False
            marker = MARKER_RE.match(text)
            if marker:
                marker_date = marker.group(1)
                start += marker.end()
                text = text[marker.end() :]
                if not text:
                    continue
        kind = _classify(text, seen_body)
        if kind == BODY and signed_off:  # after "./." only credits and the page's lines
            kind = CREDIT if _is_credit_line(text) else FURNITURE
        if kind == BANNER and seen_text:
            kind = DATELINE
        if kind == END:
            ended = True
        elif kind == BODY:
            seen_text = True
            seen_body = seen_body or ends_sentence(text)
            # the pattern's own characters first: a regex call costs ~2,000 instructions
            signed_off = "/." in text and WIRE_END_RE.search(text) is not None
        lines.append(Line(start, text, kind))
    _mark_dated_lists(lines)
    _mark_context(lines)
    return _assemble(raw, lines, marker_date)


def _mark_dated_lists(lines: list[Line]) -> None:
    """A dated headline list after the body: it and its first headline are related news."""
    seen_body = False
    items = [
        i
        for i, ln in enumerate(lines)
        if ln.kind not in (BLANK, END)
        and (ln.text[0].isdigit() or ln.text[-1] == ")")
        and DATED_ITEM_RE.search(ln.text)
    ]
    if len(items) < 2:
        return
    for index, line in enumerate(lines):
        if line.kind == BODY and ends_sentence(line.text):
            seen_body = True
        if not seen_body or index not in items:
            continue
        following = [i for i in items if index < i <= index + 6]
        if not following and not any(x.kind == END for x in lines[index + 1 : index + 8]):
            continue
        previous = _previous_text(lines, index)
        headline = (
            previous is not None
            and previous not in items
            and not ends_sentence(lines[previous].text)
            and lines[previous].text[-1] not in ",;:"
        )
        if not headline and not DATE_RE.search(line.text):
            continue  # a schedule ("8:30 Lễ đón …") rather than a list of other stories
        cut = previous if headline and previous is not None else index
        for i in range(cut, len(lines)):
            if lines[i].kind != BLANK:
                lines[i] = Line(lines[i].start, lines[i].text, END)
        return


def _previous_text(lines: list[Line], index: int) -> int | None:
    for i in range(index - 1, -1, -1):
        if lines[i].kind != BLANK:
            return i if lines[i].kind == BODY else None
    return None


def _set(lines: list[Line], index: int, kind: str) -> None:
    lines[index] = Line(lines[index].start, lines[index].text, kind)


def _mark_context(lines: list[Line]) -> None:
    """Kinds that depend on neighbours: repeated captions, title, labels, credit lines."""
    texts = [i for i, ln in enumerate(lines) if ln.kind in (BODY, CAPTION)]
    for a, b in pairwise(texts):  # a line printed twice is a caption …
        if b == a + 1 and lines[a].text == lines[b].text:
            if a == texts[0] and lines[a].kind == BODY and _is_heading(lines[a].text):
                _set(lines, b, FURNITURE)  # … but a headline printed twice is the headline
            else:
                _set(lines, a, CAPTION)
                _set(lines, b, CAPTION)
    body = [i for i, ln in enumerate(lines) if ln.kind == BODY]
    # Final author and credit lines, read back from the end of the article text.
    while body and _is_credit_line(lines[body[-1]].text):
        _set(lines, body.pop(), CREDIT)
    if not body:
        return
    first = body[0]
    if _is_heading(lines[first].text) and len(body) > 1:
        _set(lines, first, TITLE)
        body = body[1:]
        # Short unterminated lines between headline and lead are section labels, or the
        # source ("Theo TTXVN") printed under the headline.
        while (
            len(body) > 1
            and len(lines[body[0]].text) < 60
            and not ends_sentence(lines[body[0]].text)
        ):
            text = lines[body[0]].text
            source = CREDIT_START_RE.match(text) or text[0] == "(" and text[-1] == ")"
            _set(lines, body[0], CREDIT if source else FURNITURE)
            body = body[1:]
    last = body[-1]
    kept: list[str] = []
    kept_set: set[str] = set()  # `kept` for look-ups: a page of many lines stays linear
    for index in body:
        text = lines[index].text
        if (
            index != last
            and len(text) <= CAPTION_MAX
            and not ends_sentence(text)
            and (text[-1].isalnum() or text[-1] in CLOSERS)
        ):
            _set(lines, index, CAPTION)  # unterminated line inside the body
            continue
        bare = text.rstrip(".")
        if text in kept_set or (len(bare) >= 30 and _starts_one(kept[-3:], bare)):
            _set(lines, index, CAPTION)  # a repeat of body text: a caption or the sapo again
            continue
        kept.append(text)
        kept_set.add(text)


def _starts_one(texts: list[str], prefix: str) -> bool:
    """`any(t.startswith(prefix) for t in texts)` without a generator (a body line each)."""
    for text in texts:
        if text.startswith(prefix):
            return True
    return False


def _is_heading(text: str) -> bool:
    if len(text) > TITLE_MAX or LEAD_PREFIX_RE.match(text):
        return False
    if text[-1] in "?!":
        return len(text) <= 150
    return not ends_sentence(text) and text[-1] not in ",;:"


def _assemble(raw: str, lines: list[Line], marker_date: str | None) -> CleanText:
    title = next((ln.text for ln in lines if ln.kind == TITLE), None)
    paragraphs = [ln.text for ln in lines if ln.kind == BODY]
    if paragraphs:
        prefix, rest = split_lead_prefix(paragraphs[0])
        if prefix and rest:
            paragraphs[0] = rest
    body = "\n".join(paragraphs)
    sentences = split_sentences(body)
    end = _body_end(raw, lines, paragraphs, body, sentences)
    return CleanText(title, body, end, tuple(lines), marker_date, sentences)


def _body_end(
    raw: str, lines: list[Line], paragraphs: list[str], body: str, sentences: list[tuple[int, int]]
) -> str | None:
    """The last complete sentence of the body (`sentences` are the body's, which never
    cross a paragraph: read backwards, they are each paragraph's from the last)."""
    if not paragraphs:
        return None
    last = paragraphs[-1]
    cut = not ends_sentence(last) and _truncated(raw, lines, last)
    signed = _signed_off(body, sentences)
    if signed is not None:
        return signed
    if not cut:
        story_end = _story_end(lines)
        if story_end is not None:
            # the paragraphs after the story's last full stop are page furniture: keep
            # the sentences up to the end of that paragraph
            kept = len(paragraphs) - story_end
            stop = len(body) - sum(len(p) + 1 for p in paragraphs[kept:])
            sentences = [span for span in sentences if span[1] <= stop]
    # One unterminated line after a paragraph that ends its sentences, before the byline:
    # the captions of the photos printed under the story ("X đón Y tới dự Quốc yến Y phát
    # biểu tại Quốc yến"), a "Còn nữa", a table's heading. The story ended before it.
    if (
        not ends_sentence(last)
        and not cut
        and len(paragraphs) > 1
        and len(sentences) > 1
        and len(last) <= CAPTION_MAX
        and body[slice(*sentences[-1])] == last
        and ends_sentence(body[slice(*sentences[-2])])
        and _signed(lines)
    ):
        sentences = sentences[:-1]
    for index in range(len(sentences) - 1, -1, -1):
        start, end = sentences[index]
        sentence = body[start:end]
        if SOURCES_RE.match(sentence):
            continue  # "… như thế nào. (BBC, CNN, AP)"
        if not cut or ends_sentence(sentence):
            if index and ITEM_NUMBER_RE.match(body, *sentences[index - 1]):
                # "3. Kế hoạch hợp tác năm 2025": the item's number, split off as a sentence
                number_start = sentences[index - 1][0]
                if "\n" not in body[number_start:start]:
                    return body[number_start:end]
            return sentence
    return None


ITEM_NUMBER_RE = re.compile(r"\d{1,2}[.)]$")


def _story_end(lines: list[Line]) -> int | None:
    """How many body paragraphs, counted from the last, follow the story's last full stop
    when they are page furniture, else None.

    A "Xem thêm" / "Đọc thêm" label with only short lines after it heads the list of
    other stories that ends the page, however those headlines are punctuated. Before
    it (or at the page's end), the run of short unpunctuated lines after the story's
    last full stop is a list (related headlines under a heading the page's own words do
    not name, bylines, tags) when it has two lines or more; a single such line is
    furniture when it has the shape of a tag line, hashtags, a "to be continued" note
    or a byline. A lone unpunctuated sentence stays the end of the story."""
    end = len(lines)
    dropped = 0
    label = _read_more_label(lines)
    if label is not None:
        dropped = sum(1 for line in lines[label:] if line.kind == BODY)
        end = label
    run: list[Line] = []
    for index in range(end - 1, -1, -1):
        line = lines[index]
        if line.kind == BLANK or not run and line.kind != BODY:
            continue  # the run starts at the last body paragraph
        if line.kind == BODY and ends_sentence(line.text):
            break
        if len(line.text) > TITLE_MAX or ends_sentence(line.text):
            return dropped or None  # a long or punctuated line: the story's own text
        if line.kind == BODY and run and _announces(line.text, run):
            # "… chứng kiến lễ ký các văn kiện sau:", "Đại sứ … nói:": the lines after
            # are the list or the quote the story ends with, however they are marked
            return dropped or None
        run.append(line)
    else:
        return dropped or None  # no full stop anywhere: nothing to end the story at
    if len(run) > 1 and all(ENUMERATED_RE.match(line.text) for line in run):
        return dropped or None  # "1- …", "2- …": a numbered list the story ends with
    # a photo's caption among the lines ("Quang cảnh buổi tiếp", "… (Ảnh: TTXVN)") is
    # not a headline of a list: one line with it is still a lone sentence
    listed = [line for line in run if not PHOTO_CAPTION_RE.search(line.text)]
    if len(listed) > 1 or run and _furniture_line(run[0].text):
        dropped += sum(1 for line in run if line.kind == BODY)
    return dropped or None


PHOTO_CAPTION_RE = re.compile(
    rf"^(?:Quang cảnh|Toàn cảnh|Cảnh)\s|\bchụp ảnh\b|\((?:{CAPTION_WORDS})\b|"
    rf"(?:^|\s)(?:{CAPTION_WORDS})\s*:"
)


ENUMERATED_RE = re.compile(r"^\d{1,2}\s*[.)\-–]\s")


def _announces(text: str, run: list[Line]) -> bool:
    """Whether a sentence ending in ':' announces the short lines after it as the story's
    own list or quote: marked items ("1. …", "- …", "a) …") after a sentence, or unmarked
    lines after one that says a list or a quote follows ("các văn kiện sau:", "gồm:",
    "Đại sứ … nói:"). Not a label ("Liên hệ:", "Địa chỉ:") nor the lines of a table or
    an address ("Tel: …", "1 bàn: 41 cầu thủ")."""
    if not text.endswith(":") or len(text.split()) < 4 or CONTACT_RE.search(text):
        return False
    if any(":" in line.text or CONTACT_RE.search(line.text) for line in run):
        return False
    return all(ITEM_RE.match(line.text) for line in run) or ANNOUNCING_RE.search(text) is not None


ITEM_RE = re.compile(r"^(?:\d{1,2}\s*[.)\-–]|[a-zđ]\)|[-–•+*])\s")
ANNOUNCING_RE = re.compile(
    r"\b(?:sau|như sau|gồm|bao gồm|nói|cho biết|phát biểu|khẳng định|nhấn mạnh|tuyên bố)\s*:$"
)
# Contact details and figures that end an advertisement or a table, not a story's list.
CONTACT_RE = re.compile(
    r"https?://|www\.|@|\d[\d .-]{5,}\d|\d/\d|"
    r"\b(?:Tel|Fax|Phone|Email|Add|ĐT|Điện thoại|Di động)\b|liên hệ|địa chỉ",
    re.IGNORECASE,
)


def _read_more_label(lines: list[Line]) -> int | None:
    """The index of a "Xem thêm" / "Đọc thêm" line that only short lines follow, and
    at least one of them a body line (a list of headlines, not the story going on)."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.kind in (BODY, CAPTION) and len(line.text) > TITLE_MAX:
            return None
        if line.kind == FURNITURE and READ_MORE_RE.match(line.text):
            following = [x.text for x in lines[index + 1 :] if x.kind == BODY]
            if len(following) > 1 and all(x.endswith(".") for x in following[-2:]):
                return None  # the story's sentences after the box's headlines: it goes on
            return index if following else None
    return None


READ_MORE_RE = re.compile(r"^(?:xem|đọc) thêm\s*:?$", re.IGNORECASE)


# The single lines that end a page after its story: tags ("Chủ đề: …", "#Hàn Quốc
# #ASEAN"), "to be continued" notes ("Còn nữa", "Kỳ sau: …").
TAG_LINE_RE = re.compile(
    r"^(?:chủ đề|từ khóa|từ khoá|từ khóa liên quan|từ khoá liên quan|chuyên mục|"
    r"dòng sự kiện|sự kiện|nhãn|tags?|keywords?|thẻ)\s*:|^#[^\s#]"
    r"|^\(?(?:còn nữa|còn tiếp|kỳ sau|kỳ tới|xem tiếp|đón đọc)\b",
    re.IGNORECASE,
)
# A byline's parts: "Anh Tuấn | Báo Thanh Niên", "Ánh Dương/Báo Tin tức",
# "Hồng Hạnh, Trường Giang", "Đức Anh, từ Washington", "T.Huyền dịch".
BYLINE_SPLIT_RE = re.compile(r"\s*(?:[|/•·,–—]|\s-\s)\s*")
BYLINE_LEAD_WORDS = frozenset(("từ", "theo", "tại", "bài", "ảnh"))
OUTLET_WORDS_RE = re.compile(r"^(?:báo|tạp chí|đài|thông tấn xã|trang)\s", re.IGNORECASE)
BYLINE_TAIL_RE = re.compile(r"\s+(?:dịch|lược dịch|ghi|tổng hợp|biên dịch)$")


def _furniture_line(text: str) -> bool:
    """Whether one short unpunctuated line after the story is furniture by its shape."""
    if TAG_LINE_RE.match(text):
        return True
    text = BYLINE_TAIL_RE.sub("", PARENS_RE.sub("", text)).strip()
    words = text.split()
    if not words or len(words) > 8:
        return False
    for part in BYLINE_SPLIT_RE.split(text):
        names = part.split()
        if not names or len(names) > 4:
            return False
        if OUTLET_WORDS_RE.match(part):
            continue
        if names[0] in BYLINE_LEAD_WORDS:
            names = names[1:]
        if not names or not all(NAME_WORD_RE.match(w) for w in names):
            return False
    return True


def _signed(lines: list[Line]) -> bool:
    """Whether the page's last text is a byline or credit line (the story was printed
    whole, and signed, after its body)."""
    tail = next((ln for ln in reversed(lines) if ln.kind != BLANK), None)
    return tail is not None and tail.kind == CREDIT


def _signed_off(body: str, sentences: list[tuple[int, int]]) -> str | None:
    """The sentence the wire end mark closes when the byline follows it on its line
    ("… do ông Phạm Quang Vinh chủ trì ./. Ngọc Xuân"): a name or two, unpunctuated."""
    tail: list[str] = []
    for start, end in reversed(sentences[-4:]):
        sentence = body[start:end]
        if "/." in sentence and WIRE_END_RE.search(sentence):
            return sentence if tail else None
        if ends_sentence(sentence) or len(sentence.split()) > BYLINE_WORDS:
            return None
        tail.append(sentence)
    return None


def _truncated(raw: str, lines: list[Line], last: str) -> bool:
    """Whether the text was cut inside its last paragraph (not merely unpunctuated)."""
    tail = next((ln for ln in reversed(lines) if ln.kind != BLANK), None)
    if tail is None or tail.kind != BODY or not tail.text.endswith(last):
        return False  # furniture follows the paragraph: the page ended it there
    if last[-1] in CUT_MARKS or raw[-1:] == " ":
        return True
    words = last.split()
    if len(words[-1]) == 1 and words[-1].isascii() and words[-1].isalpha():
        return True  # "… năm 2016 v"
    limit = TRUNCATION_LIMIT
    low = limit - TRUNCATION_SLACK
    return low <= len(raw) <= limit or low <= len(raw.encode("utf-8", "replace")) <= limit


def split_long_lines(raw: str) -> str:
    """The text with every line longer than `MAX_LINE` split into lines that are not."""
    if len(raw) <= MAX_LINE or max(map(len, raw.split("\n"))) <= MAX_LINE:
        return raw
    lines: list[str] = []
    for line in raw.split("\n"):
        while len(line) > MAX_LINE:
            cut = _cut_at(line)
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        lines.append(line)
    return "\n".join(lines)


def _cut_at(line: str) -> int:
    """Where to cut a long line: after its last sentence end within `MAX_LINE`, else
    after its last space there, else at `MAX_LINE` (in the second half of the window,
    so each piece is at least half a window long)."""
    half = MAX_LINE // 2
    ends = [m.end() for m in SPLIT_END_RE.finditer(line, half, MAX_LINE)]
    if ends:
        return ends[-1]
    space = line.rfind(" ", half, MAX_LINE)
    return space + 1 if space >= 0 else MAX_LINE


def clean_text(raw: str) -> CleanText:
    """Title, body and last complete sentence of one article's raw text."""
    return layout(split_long_lines(raw))


def run(doc: Doc, lex: Lexicons) -> None:
    """Read the page: the body proper, its sentences, the asides inside it, title and
    last sentence. Long lines are split first, so later stages read the split text.

    Reads: raw.
    Adds: asides, body, layout, raw, record.body_end, record.title, sentences.
    """
    doc.raw = split_long_lines(doc.raw)  # the stages after this one read the split text
    cleaned = doc.layout = layout(doc.raw)
    doc.body = cleaned.body
    doc.sentences = cleaned.sentences  # split once, by `layout`
    doc.record.title = cleaned.title
    doc.record.body_end = cleaned.body_end
    # Photo captions and inline links to other stories sit inside the article (unlike the
    # related-news lists after its end): they may still name an official or the year.
    doc.asides = []
    for line in cleaned.lines:
        if line.kind == END:
            break
        if line.kind in (CAPTION, LINK) and line.text not in doc.asides:
            doc.asides.append(line.text)
