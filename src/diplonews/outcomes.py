"""What an event adopted or signed: "thông qua Tuyên bố chung …" → "Joint Statement: …".

The document kind comes from documents.tsv in English; the rest of the document's
name stays as the article writes it, since translating it is beyond a lexicon.
"""

from __future__ import annotations

import re

from diplonews.lexicons import Lexicons

ADOPTING = re.compile(
    r"\b(?:thông qua|nhất trí thông qua|ký kết|ký|ra|công bố|phê duyệt|hoàn tất)\s+(?:các\s+|bản\s+|một\s+)?$",
    re.IGNORECASE)
ADOPTING_ANYWHERE = re.compile(
    r"\b(?:thông qua|ký kết|ký|ra|công bố|phê duyệt|hoàn tất)\b", re.IGNORECASE)
NAME_END = re.compile(r"[,;.(]|\s(?:nhằm|để|đánh dấu|và các|với|tại|vào|trong|giữa)\s")


def find_outcomes(sentence: str, lex: Lexicons) -> list[str]:
    """Documents the sentence says were adopted, in order, each once."""
    found: list[str] = []
    if not ADOPTING_ANYWHERE.search(sentence):
        return found
    for start, end, kinds in lex.documents.find(sentence):
        if not ADOPTING.search(sentence[max(0, start - 30):start]):
            continue
        stop = NAME_END.search(sentence, end)
        rest = sentence[end:stop.start() if stop else len(sentence)].strip(" “”\"")
        rest = " ".join(rest.split()[:14])
        label = f"{kinds[0]}: {rest}" if rest else kinds[0]
        if label not in found:
            found.append(label)
    return found
