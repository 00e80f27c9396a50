"""Talks told as discussing something with an official ("Tổng thống Putin sẽ thảo luận về
hội nghị trên với Thủ tướng Israel Ariel Sharon", "có kế hoạch thảo luận về tình hình
hiện tại với tổng thống Ba Lan …"): "thảo luận với" with the topic between the verb and
its counterpart. The lexicon's "thảo luận với" covers the adjacent form; this finds the
verb when a topic of a few words stands between."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.lexicons import Trigger

if TYPE_CHECKING:
    from diplonews.extract.events.reader import Reader

# The verb, a topic of up to ~60 characters without a clause break, then "với".
DISCUSS_WITH = re.compile(r"\b[Tt]hảo luận\b(?!\s+với\b)([^,;.:()\"“”]{2,60}?)\bvới\s+")
WITH_REACH = 40  # characters after "với" in which the counterpart's mention must start

DISCUSS_TRIGGER = Trigger("thảo luận", "meeting", "", frozenset({"verb", "inperson"}))


def discussions(reader: Reader) -> list[tuple[int, int, list[Trigger]]]:
    """ "thảo luận <topic> với <official>": talks with the official named after "với"
    (a mention of an official, title or name, must start right there)."""
    body = reader.body
    found: list[tuple[int, int, list[Trigger]]] = []
    if "hảo luận" not in body:
        return found
    for m in DISCUSS_WITH.finditer(body):
        at = m.end()
        if not any(
            at <= x.start <= at + WITH_REACH and not re.search(r"[,;.]", body[at : x.start])
            for x in reader.mentions_in(at, at + WITH_REACH + 1)
        ):
            continue
        found.append((m.start(), m.start() + len("thảo luận"), [DISCUSS_TRIGGER]))
    return found


def counterparts_start(body: str, cue_end: int) -> int | None:
    """Where the counterparts of "thảo luận <topic> với …" start (after "với"), so that
    several listed there are one event each as after "gặp"; None when no topic stands
    between the verb and "với"."""
    m = DISCUSS_WITH.match(body, cue_end - len("thảo luận"))
    return m.end() if m and m.end() > cue_end else None
