"""What an event adopted or signed: "thông qua Tuyên bố chung …" → "Joint Statement on …".

The document's kind comes from documents.tsv and the rest of its name is put in English
by document_names.py; a name with words the lexicons do not know keeps them as the
article writes them, after the kind ("Plan: …"), since guessing is worse than quoting.

A document is adopted when a verb of adoption or signing stands just before it
("thông qua", "ký kết", "trao đổi văn bản"), when it follows one that is, in a list
("đã ký 6 văn kiện là: Hiệp định A; Hiệp định B; …"), or when a passive verb follows its
name ("… đã được thông qua"); a decision counts too ("nhất trí nâng cấp quan hệ lên …").
Wishes, plans and signings of another year are not outcomes. A document belongs to the
meeting named in its sentence; a sentence that names none ("Đại diện hai nước đã ký …",
"Hai Bộ trưởng chứng kiến việc trao đổi văn bản …") reports what was signed at the talks
the article has told of, else at its visit, else at its one meeting (SCHEMA: a document
signed at a visit belongs to the visit or the talks the article reports it at).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.events.document_names import english_name, english_words
from diplonews.extract.lexicons import relationship_levels
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.lexicons import Lexicons
    from diplonews.extract.record import Event

ADOPTING = re.compile(
    r"\b(?:thông qua|nhất trí thông qua|ký kết|ký|ra|công bố|phê duyệt|hoàn tất|trao đổi|trao)"
    r"\s+(?:(?:các|bản|một|hai|ba|\d+)\s+)?(?:(?:văn bản|văn kiện)\s+)?$",
    re.IGNORECASE,
)
# Where a document's name stops: a clause break, a word that starts what follows it, or
# the year it was signed ("Hiệp định thương mại năm 1998").
NAME_END = re.compile(
    r"[,;.(:]|\s?\b(?:nhằm|để|đánh dấu|và|với|tại|vào|trong|giữa|nhân|đã|được|cũng|sẽ)\s"
    r"|(?<!đến)(?<!tới)\s(?:năm|hồi)\s+\d"
)
# The same, letting "giữa" and "với" join the parties into the name ("Hiệp định … giữa
# Việt Nam và EU"): tried first, and kept only when the whole of it reads in English.
LONG_NAME_END = re.compile(
    r"[,;.(:]|\s?\b(?:nhằm|để|đánh dấu|tại|vào|trong|nhân|đã|được|cũng|sẽ)\s"
    r"|(?<!đến)(?<!tới)\s(?:năm|hồi)\s+\d"
)
# "Tuyên bố chung … đã được thông qua": the document named first, adopted after.
PASSIVE = re.compile(
    r"\s*(?:(?:đã|cũng)\s+)*được\s+(?:(?:các bên|hai bên|hai nước|hai nhà lãnh đạo)\s+)?"
    r"(?:ký kết|ký|thông qua|công bố|phê duyệt|trao đổi)\b",
    re.IGNORECASE,
)
# Kinds too vague to report without a name ("ký kết văn kiện": signed documents).
VAGUE = frozenset({"Document", "Plan"})
# English words that do not make a vague kind a name ("văn kiện hợp tác chung").
GENERIC = frozenset({"Document", "Plan", "on", "the", "Cooperation", "Joint", "Bilateral", "New"})
# What may stand between two documents of one list: "Hiệp định A; Hiệp định B và …".
LIST_GAP = re.compile(r"\s*(?:[;,]|,?\s+và)\s*(?:(?:hai|ba|các)\s+)?$", re.IGNORECASE)
# "…; Hiệp định B": the next item of a list of documents, after a semicolon.
LIST_NEXT = re.compile(r"[^.:;]*;\s*(?:(?:hai|ba|các)\s+)?", re.IGNORECASE)
# "… đã ký 6 văn kiện quan trọng là:": a count of documents that a list names next.
LIST_LEAD = re.compile(
    r"\b(?:ký kết|ký|thông qua|trao đổi)\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|các|nhiều)\s+"
    r"(?:văn kiện|văn bản|thỏa thuận|thoả thuận)[^.;:]{0,40}?"
    r"(?:(?:\s(?:là|gồm|bao gồm))?\s*:|,?\s(?:gồm|bao gồm|trong đó có))\s*$",
    re.IGNORECASE,
)

# "nhất trí nâng cấp quan hệ lên …", "quyết định chỉ định năm 2021 là …": a decision the
# sides took together, introduced by a verb of agreeing or deciding.
DECIDING = re.compile(
    r"\b(?:nhất trí|thống nhất|quyết định|chính thức tuyên bố|tuyên bố)\s+(?:chính thức\s+)?"
    r"(?P<what>(?P<raise>nâng cấp|nâng tầm|thiết lập|xác lập)\s+(?:mối\s+)?quan hệ\b"
    r"|(?:chỉ định|chọn|lấy)\s+năm\s+(?P<year>(?:19|20)\d\d)(?:\s+tới)?\s+(?:là|làm)\b)",
    re.IGNORECASE,
)
# The words one of which a decision holds (a quick test before DECIDING).
DECISION_VERBS = ("nâng cấp", "nâng tầm", "thiết lập", "xác lập", "chỉ định", "chọn năm", "lấy năm")
# "… là “Năm giao lưu Hàn Quốc-Mekong”": the name a year is given.
YEAR_NAMED = re.compile(
    r"\s*[“\"]?\s*(?P<name>Năm\s+[^”\".,;:()]+?)\s*(?=[”\".,;:()]|\s+(?:để|nhằm|và)\s)"
)
CLAUSE_END = re.compile(r"[.;:()]|,\s+(?:đồng thời|và)\s")
# "Thỏa thuận này", "hiệp định nào", "tuyên bố trên": a document named elsewhere.
POINTING = re.compile(r"(?:này|nào|đó|ấy|trên|nói trên|kể trên|cụ thể)\b", re.IGNORECASE)
# How many sentences after its event a sentence that names no meeting may report what the
# event signed: further on, an article has moved to background.
REACH = 5

# What sets an adoption at the event named after it: "A và B thông qua X nhân / tại /
# trong / bên lề Hội nghị Y".
AT_EVENT = re.compile(r"\b(?:nhân|tại|trong|bên lề)\b", re.IGNORECASE)
# An adoption still to come or that did not happen ("sẽ ký", "chưa ký"): not an outcome.
NOT_DONE = re.compile(
    r"\b(?:sẽ|dự kiến|dự định|chuẩn bị|chưa|không|có thể|hướng tới|tiến tới|xem xét|kêu gọi|"
    r"đề nghị|muốn|mong muốn|sớm|cần|thúc đẩy|nên|phải|khẳng định|đánh giá|cho rằng|nhắc lại|"
    r"kể từ)\b",
    re.IGNORECASE,
)
# "đề nghị sớm ký kết Hiệp định …": a wish told at the meeting, not what it signed.
WISHED = re.compile(
    r"\b(?:sớm|mong muốn|muốn|đề nghị|kêu gọi|cần)\s+(?:\w+\s+){0,2}?"
    r"(?:ký kết|ký|thông qua|hoàn tất|phê duyệt)\b",
    re.IGNORECASE,
)
# "Hiệp định ký năm 1995": a document the sides signed in a year of its own, recalled.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WORD = re.compile(r"\S+")
TALKS = re.compile(r"\bhội đàm\b", re.IGNORECASE)

Documents = tuple[str, list[tuple[int, int, list[str]]]]


def find_outcomes(
    documents: Documents,
    start: int,
    end: int,
    lead_start: int | None = None,
    lex: Lexicons | None = None,
) -> list[str]:
    """Documents that `text[start:end]` says were adopted, in order, each once; with
    `lead_start`, also those adopted before `start` (from `lead_start`) at the event
    named at `start` ("… đã thông qua tuyên bố chung … nhân dịp dự Hội nghị Y").

    `documents` is the text with the document matches over it (found once per text)."""
    first = start if lead_start is None else lead_start
    text = documents[0]
    return [
        label
        for doc_start, label, _ in adopted(documents, first, end, lex)
        if (doc_start >= start or AT_EVENT.search(text, doc_start, start))
        and not WISHED.search(text, max(first, doc_start - 40), doc_start)
    ]


def adopted(
    documents: Documents, start: int, end: int, lex: Lexicons | None
) -> list[tuple[int, str, str]]:
    """(offset, English name, Vietnamese name as written) of each document
    `text[start:end]` says was adopted or signed, each name once: after a verb of
    adoption, listed after one that was, or before a passive one ("… đã được ký kết")."""
    text, matches = documents
    found: list[tuple[int, str, str]] = []
    listed_to = -1  # where the name of the last adopted document ends
    hits = [m for m in within(matches, start, end) if start <= m[0] < end]
    for index, (doc_start, doc_end, kinds) in enumerate(hits):
        passive = False
        if not (
            ADOPTING.search(text, max(start, doc_start - 30), doc_start)
            or LIST_LEAD.search(text, max(start, doc_start - 80), doc_start)
            or listed_to >= 0
            and (
                LIST_GAP.match(text[listed_to:doc_start])
                or LIST_NEXT.fullmatch(text, listed_to, doc_start)
            )
        ):
            passive = True  # adopted only if a passive verb follows its name
        rest, name_end = _name(text, doc_end, end)
        if passive and not PASSIVE.match(text, name_end, end):
            continue
        listed_to = name_end
        if POINTING.match(rest):
            continue  # "Thỏa thuận này", "hiệp định nào": a document named elsewhere
        # the next document of a list ends this one's name ("Tuyên bố A và Chương trình B")
        limit = hits[index + 1][0] if index + 1 < len(hits) else end
        label, said_end = _label(kinds[0], rest, text, doc_end, limit, lex)
        if kinds[0] in VAGUE and (":" in label or not set(label.split()) - GENERIC):
            continue  # "ký kết văn kiện chung", "thông qua kế hoạch …": too vague to name
        if label not in {f[1] for f in found}:
            found.append((doc_start, label, text[doc_start:said_end].strip(' “”".,;:')))
    if lex is not None and DECIDING.search(text, start, end):
        found += [d for d in decided(text, start, end, lex) if d[1] not in {f[1] for f in found}]
        found.sort()
    return found


def decided(text: str, start: int, end: int, lex: Lexicons) -> list[tuple[int, str, str]]:
    """Decisions `text[start:end]` says the sides took, as (offset, English, Vietnamese):
    "nhất trí nâng cấp quan hệ lên Đối tác chiến lược toàn diện" → "Upgrade of Relations
    to the Comprehensive Strategic Partnership"; "nhất trí chỉ định năm 2021 là Năm giao
    lưu …" → "Designation of 2021 as the … Exchange Year"."""
    found: list[tuple[int, str, str]] = []
    for verb in DECIDING.finditer(text, start, end):
        if verb.group("raise"):
            stop = CLAUSE_END.search(text, verb.end(), min(end, verb.end() + 80))
            reach = stop.start() if stop else min(end, verb.end() + 80)
            levels = [
                h for h in relationship_levels().find(text[verb.end() : reach]) if h[2][0].label
            ]
            if not levels:
                continue
            _, level_end, (level, *_) = levels[0]
            if level.kind == "coordinator":
                continue
            upgrade = verb.group("raise").lower().startswith("nâng")
            label = ("Upgrade of Relations to the " if upgrade else "Establishment of ") + (
                level.label if upgrade or level.kind == "partnership" else level.label.lower()
            )
            if not upgrade and level.kind == "partnership":
                label = "Establishment of the " + level.label
            said_end = verb.end() + level_end
        else:
            year_end = verb.end()
            named = YEAR_NAMED.match(text, year_end, end)
            if not named:
                continue
            title = english_words(named.group("name"), lex)
            if not title or title == "Year":
                continue
            label = f"Designation of {verb.group('year')} as the {title}"
            said_end = named.end()
            if text[said_end : said_end + 1] in ("”", '"'):
                said_end += 1  # the closing quote of the year's name
        said = text[verb.start("what") : said_end].strip(" .,;:")
        if label not in {f[1] for f in found}:
            found.append((verb.start("what"), label, said[:1].upper() + said[1:]))
    return found


def adopted_in(text: str, lex: Lexicons) -> list[tuple[str, str]]:
    """(English name, Vietnamese name as written) of the documents a text says were
    adopted: how an answer in Vietnamese names a document the record holds in English."""
    documents = (text, lex.documents.find(text))
    return [(label, said) for _, label, said in adopted(documents, 0, len(text), lex)]


def _name(text: str, doc_end: int, end: int) -> tuple[str, int]:
    """The words of the document's name after its kind, and where they stop."""
    stop = NAME_END.search(text, doc_end, end)
    name_end = stop.start() if stop else end
    rest = text[doc_end:name_end].strip(' “”"')
    return " ".join(rest.split()[:14]), name_end


def _label(
    kind: str, rest: str, text: str, doc_end: int, end: int, lex: Lexicons | None
) -> tuple[str, int]:
    """The document's name in English when its words read, else "Kind: Vietnamese";
    and where the Vietnamese words it was read from end."""
    short_end = _word_end(text, doc_end, len(rest.split()))
    if lex is None:
        return (f"{kind}: {rest}" if rest else kind), short_end
    stop = LONG_NAME_END.search(text, doc_end, end)
    words = text[doc_end : stop.start() if stop else end].split()
    while words and words[-1].lower() in ("và", "cùng", "-"):
        words.pop()  # "… và" before the next document of a list
    if not stop and end == len(text) and text.rstrip()[-1:] not in '.!?…"”':
        words = words[:-1]  # the text is cut off: its last word may be cut too
    if 0 < len(words) <= 14:
        name = english_name(kind, " ".join(words), lex)
        if name:
            return name, _word_end(text, doc_end, len(words))
    if not rest:
        return kind, short_end
    cut = NAME_END.search(text, doc_end, end)
    if cut and cut.group().strip() in ("và", "giữa") and len(words) > len(rest.split()):
        return f"{kind}: {rest}", short_end  # a part of a longer name: not named in English
    return english_name(kind, rest, lex) or f"{kind}: {rest}", short_end


def _word_end(text: str, start: int, count: int) -> int:
    """Where the `count`-th word after `start` ends (`start` for none)."""
    end = start
    for end_match, _ in zip(WORD.finditer(text, start), range(count), strict=False):
        end = end_match.end()
    return end


def attach_unreported(
    documents: Documents,
    sentences: list[tuple[int, int]],
    events: list[Event],
    lex: Lexicons,
) -> None:
    """Documents signed in a sentence that reports no meeting of its own go to the
    article's talks, else to its visit, else to its meeting, when it reports one of
    them only."""
    if not documents[1] and not any(verb in documents[0] for verb in DECISION_VERBS):
        return  # most articles name no document and tell no decision
    held = [e for e in events if e.status == "held" and e.evidence_span]
    talks = [e for e in held if e.kind == "meeting" and TALKS.search(e.name or "")]
    visits = [e for e in held if e.kind == "visit"]
    meetings = [e for e in held if e.kind == "meeting"]
    target = next((group[0] for group in (talks, visits, meetings) if len(group) == 1), None)
    if target is None or target.evidence_span is None:
        return
    text = documents[0]
    told = {e.evidence_span[0] for e in events if e.kind == "meeting" and e.evidence_span}
    named = {label for e in events for label in e.outcomes}
    first = next((i for i, s in enumerate(sentences) if s[0] >= target.evidence_span[0]), 0)
    for start, end in sentences[first : first + REACH + 1]:
        if start in told:
            continue
        # named, and in English: a sentence that names no meeting must say more
        found = [
            f
            for f in adopted(documents, start, end, lex)
            if f[1] not in named
            and ":" not in f[1]
            and (f[1] not in lex.document_topics or f[1].startswith("Joint"))
        ]
        if not found or NOT_DONE.search(text, start, found[0][0]):
            continue
        names = [(at, at + len(said)) for at, _, said in found]
        years = [y for y in YEAR.finditer(text, start, end) if not _inside(y.start(), names)]
        if any(y.group() not in (target.date or "") for y in years):
            continue  # a document of another year, recalled
        target.outcomes += [f[1] for f in found if f[1] not in target.outcomes]


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)
