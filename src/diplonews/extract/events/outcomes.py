"""What an event adopted or signed: "thông qua Tuyên bố chung …" → "Joint Statement: …".

The document kind comes from documents.tsv in English; the rest of the document's
name stays as the article writes it, since translating it is beyond a lexicon.
"""

from __future__ import annotations

import re

from diplonews.extract.spans import within

ADOPTING = re.compile(
    r"\b(?:thông qua|nhất trí thông qua|ký kết|ký|ra|công bố|phê duyệt|hoàn tất)\s+(?:các\s+|bản\s+|một\s+)?$",
    re.IGNORECASE,
)
NAME_END = re.compile(r"[,;.(]|\s?\b(?:nhằm|để|đánh dấu|và|với|tại|vào|trong|giữa|nhân)\s")
# Kinds too vague to report without a name ("ký kết văn kiện": signed documents).
VAGUE = frozenset({"Document", "Plan"})


# What sets an adoption at the event named after it: "A và B thông qua X nhân / tại /
# trong / bên lề Hội nghị Y".
AT_EVENT = re.compile(r"\b(?:nhân|tại|trong|bên lề)\b", re.IGNORECASE)


def find_outcomes(
    documents: tuple[str, list[tuple[int, int, list[str]]]],
    start: int,
    end: int,
    lead_start: int | None = None,
) -> list[str]:
    """Documents that `text[start:end]` says were adopted, in order, each once; with
    `lead_start`, also those adopted before `start` (from `lead_start`) at the event
    named at `start` ("… đã thông qua tuyên bố chung … nhân dịp dự Hội nghị Y").

    `documents` is the text with the document matches over it (found once per text)."""
    text, matches = documents
    found: list[str] = []
    first = start if lead_start is None else lead_start
    for doc_start, doc_end, kinds in within(matches, first, end):
        if not first <= doc_start < end or not ADOPTING.search(
            text, max(first, doc_start - 30), doc_start
        ):
            continue
        if doc_start < start and not AT_EVENT.search(text, doc_end, start):
            continue
        stop = NAME_END.search(text, doc_end, end)
        rest = text[doc_end : stop.start() if stop else end].strip(' “”"')
        rest = " ".join(rest.split()[:14])
        if not rest and kinds[0] in VAGUE:
            continue
        label = f"{kinds[0]}: {rest}" if rest else kinds[0]
        if label not in found:
            found.append(label)
    return found
