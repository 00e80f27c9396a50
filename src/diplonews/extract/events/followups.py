"""A meeting told as a further one between the sides of talks already told ("hai bên
nhất trí gặp lại nhau trước thềm …", "Hai nhà lãnh đạo sau đó đã gặp lại tại Hà Nội"):
its own occurrence, never the talks before it, and planned when the sides agree to it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.events.drafts import Draft

if TYPE_CHECKING:
    from diplonews.extract.events.reader import Reader

AGAIN_WORDS = ("gặp lại",)  # triggers.tsv words that tell a further meeting

# "hai bên nhất trí gặp lại nhau", "hẹn sẽ gặp lại": agreed on, so still to come
AGREED = re.compile(
    r"\b(?:nhất trí|thống nhất|đồng ý|hẹn|thoả thuận|thỏa thuận|quyết định|cam kết)"
    r"\s+(?:(?:sẽ|sớm|tiếp tục)\s+)*$",
    re.IGNORECASE,
)
# a subject that is the sides of the talks just told
BOTH_SIDES = re.compile(
    r"\b(?:[Hh]ai bên|[Cc]ác bên|[Hh]ai phía|[Hh]ọ|[Hh]ai ông|[Hh]ai bà|[Hh]ai nhà lãnh đạo)\b"
    r"[^,;.]{0,40}$"
)
# "bày tỏ vui mừng gặp lại X": glad to see X again, at the meeting in progress; "mời A và
# B gặp lại nhau": an invitation, no meeting told yet
NOT_AGAIN = re.compile(
    r"\b(?:vui|mừng|hân hạnh|vinh dự|xúc động|cảm động|phấn khởi)\s+(?:khi\s+)?(?:được\s+)?$"
    r"|\bmời\b[^,;.]{0,60}$",
    re.IGNORECASE,
)
SIDES_REACH = 1  # sentences back where the talks whose sides meet again may be told


def is_again(reader: Reader, d: Draft) -> bool:
    """Whether a draft tells a further meeting ("gặp lại"; not "vui mừng gặp lại X", nor
    "mời … gặp lại nhau")."""
    word = d.cue.trigger.vi if d.cue.trigger else ""
    return (
        d.event.kind == "meeting"
        and word.lower() in AGAIN_WORDS
        and not NOT_AGAIN.search(reader.body, max(0, d.cue.start - 70), d.cue.start)
    )


def apart(reader: Reader, d: Draft, e: Draft) -> bool:
    """A further meeting is not the one told before it (the draft read first)."""
    return (e.sentence, e.cue.start) < (d.sentence, d.cue.start) and is_again(reader, d)


def settle(reader: Reader) -> None:
    """A further meeting agreed on is planned, and undated unless the text dates it; one
    whose subject is "hai bên", "các bên" takes the people and parties of the talks told just
    before it when it names none."""
    body = reader.body
    for i, d in enumerate(reader.drafts):
        if not is_again(reader, d):
            continue
        start = reader.doc.sentences[d.sentence][0]
        lead = body[max(start, d.cue.start - 60) : d.cue.start]
        if AGREED.search(lead):
            d.event.status = "planned"
        if not d.own_date:  # its day is the text's to give, not the talks' before it
            d.event.date, d.undated = None, True
        if d.people or not BOTH_SIDES.search(lead):
            continue
        talks = next(
            (
                e
                for e in reversed(reader.drafts[:i])
                if e.event.kind == "meeting"
                and (len(set(e.people)) >= 2 or len(set(e.event.parties)) >= 2)
                and d.sentence - e.sentence <= SIDES_REACH
                and not is_again(reader, e)
            ),
            None,
        )
        if talks is not None:
            d.people = list(dict.fromkeys(talks.people))
            d.event.parties = list(dict.fromkeys([*d.event.parties, *talks.event.parties]))
