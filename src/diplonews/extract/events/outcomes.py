"""What an event adopted or signed: "thông qua Tuyên bố chung …" → "Joint Statement on …".

The document's kind comes from documents.tsv and the rest of its name is put in English
by document_names.py; a name with words the lexicons do not know keeps them as the
article writes them, after the kind ("Plan: …"), since guessing is worse than quoting.

A document is adopted when a verb of adoption or signing stands just before it
("thông qua", "ký kết", "trao đổi văn bản"), or when it follows one that is, in a list
("đã ký 6 văn kiện là: Hiệp định A; Hiệp định B; …"). It belongs to the meeting named in
its sentence; a sentence that names none ("Đại diện hai nước đã ký …", "Hai Bộ trưởng
chứng kiến việc trao đổi văn bản …") reports what was signed at the talks the article
has told of, else at the visit (SCHEMA: a document signed at a visit belongs to the visit
or the talks the article reports it at).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.events.document_names import english_name
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.lexicons import Lexicons
    from diplonews.extract.record import Event

ADOPTING = re.compile(
    r"\b(?:thông qua|nhất trí thông qua|ký kết|ký|ra|công bố|phê duyệt|hoàn tất|trao đổi|trao)"
    r"\s+(?:(?:các|bản|một|hai|ba|\d+)\s+)?(?:(?:văn bản|văn kiện)\s+)?$",
    re.IGNORECASE,
)
# Where a document's name stops: a clause break, or a word that starts what follows it.
NAME_END = re.compile(r"[,;.(:]|\s?\b(?:nhằm|để|đánh dấu|và|với|tại|vào|trong|giữa|nhân)\s")
# The same, letting "giữa" and "với" join the parties into the name ("Hiệp định … giữa
# Việt Nam và EU"): tried first, and kept only when the whole of it reads in English.
LONG_NAME_END = re.compile(r"[,;.(:]|\s?\b(?:nhằm|để|đánh dấu|tại|vào|trong|nhân)\s")
# Kinds too vague to report without a name ("ký kết văn kiện": signed documents).
VAGUE = frozenset({"Document", "Plan"})
# What may stand between two documents of one list: "Hiệp định A; Hiệp định B và …".
LIST_GAP = re.compile(r"\s*(?:[;,]|,?\s+và)\s*(?:(?:hai|ba|các)\s+)?$", re.IGNORECASE)
# "…; Hiệp định B": the next item of a list of documents, after a semicolon.
LIST_NEXT = re.compile(r"[^.:;]*;\s*(?:(?:hai|ba|các)\s+)?", re.IGNORECASE)
# "… đã ký 6 văn kiện quan trọng là:": a count of documents that a list names next.
LIST_LEAD = re.compile(
    r"\b(?:ký kết|ký|thông qua|trao đổi)\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|các|nhiều)\s+"
    r"(?:văn kiện|văn bản|thỏa thuận|thoả thuận)[^.;:]{0,40}?(?:\s(?:là|gồm|bao gồm))?\s*:\s*$",
    re.IGNORECASE,
)

# What sets an adoption at the event named after it: "A và B thông qua X nhân / tại /
# trong / bên lề Hội nghị Y".
AT_EVENT = re.compile(r"\b(?:nhân|tại|trong|bên lề)\b", re.IGNORECASE)
# An adoption still to come or that did not happen ("sẽ ký", "chưa ký"): not an outcome.
NOT_DONE = re.compile(
    r"\b(?:sẽ|dự kiến|dự định|chuẩn bị|chưa|không|có thể|hướng tới|tiến tới|xem xét|kêu gọi|"
    r"đề nghị|mong muốn|sớm)\b",
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
        if doc_start >= start or AT_EVENT.search(text, doc_start, start)
    ]


def adopted(
    documents: Documents, start: int, end: int, lex: Lexicons | None
) -> list[tuple[int, str, str]]:
    """(offset, English name, Vietnamese name as written) of each document
    `text[start:end]` says was adopted or signed, each name once: after a verb of
    adoption, or listed after one that was."""
    text, matches = documents
    found: list[tuple[int, str, str]] = []
    listed_to = -1  # where the name of the last adopted document ends
    for doc_start, doc_end, kinds in within(matches, start, end):
        if not start <= doc_start < end:
            continue
        if not (
            ADOPTING.search(text, max(start, doc_start - 30), doc_start)
            or LIST_LEAD.search(text, max(start, doc_start - 80), doc_start)
            or listed_to >= 0
            and (
                LIST_GAP.match(text[listed_to:doc_start])
                or LIST_NEXT.fullmatch(text, listed_to, doc_start)
            )
        ):
            continue
        rest, listed_to = _name(text, doc_end, end)
        label, said_end = _label(kinds[0], rest, text, doc_end, end, lex)
        if kinds[0] in VAGUE and (":" in label or label == kinds[0]):
            continue  # "ký kết văn kiện", "thông qua kế hoạch …": too vague to name
        if label not in {f[1] for f in found}:
            found.append((doc_start, label, text[doc_start:said_end].strip(' “”".,;:')))
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
    if not stop and end == len(text) and text.rstrip()[-1:] not in ".!?…\"”":
        words = words[:-1]  # the text is cut off: its last word may be cut too
    if 0 < len(words) <= 14:
        name = english_name(kind, " ".join(words), lex)
        if name:
            return name, _word_end(text, doc_end, len(words))
    if not rest:
        return kind, short_end
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
    article's talks, else to its visit, when it reports one of them only."""
    held = [e for e in events if e.status == "held" and e.evidence_span]
    talks = [e for e in held if e.kind == "meeting" and TALKS.search(e.name or "")]
    visits = [e for e in held if e.kind == "visit"]
    target = talks[0] if len(talks) == 1 else visits[0] if len(visits) == 1 else None
    if target is None or target.evidence_span is None:
        return
    text = documents[0]
    told = {e.evidence_span[0] for e in events if e.kind == "meeting" and e.evidence_span}
    named = {label for e in events for label in e.outcomes}
    for start, end in sentences:
        if start in told or start < target.evidence_span[0]:
            continue
        found = [f[:2] for f in adopted(documents, start, end, lex) if f[1] not in named]
        if not found or NOT_DONE.search(text, start, found[0][0]):
            continue
        if any(year not in (target.date or "") for year in YEAR.findall(text, start, end)):
            continue  # a document of another year, recalled
        target.outcomes += [label for _, label in found if label not in target.outcomes]
