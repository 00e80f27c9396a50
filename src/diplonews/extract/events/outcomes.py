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
NAME_END = re.compile(r"[,;.(]|\s?\b(?:nhằm|để|đánh dấu|và|với|tại|vào|trong|giữa)\s")
# Kinds too vague to report without a name ("ký kết văn kiện": signed documents).
VAGUE = frozenset({"Document", "Plan"})


def find_outcomes(
    documents: tuple[str, list[tuple[int, int, list[str]]]], start: int, end: int
) -> list[str]:
    """Documents that `text[start:end]` says were adopted, in order, each once.

    `documents` is the text with the document matches over it (found once per text)."""
    text, matches = documents
    found: list[str] = []
    for doc_start, doc_end, kinds in within(matches, start, end):
        if not start <= doc_start < end or not ADOPTING.search(
            text, max(start, doc_start - 30), doc_start
        ):
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
