"""Photo captions that name a meeting: the officials they show took part in it.

A caption sits outside the body (clean.py sets it aside), but news photos of a summit
name who is in them: "Tổng thống Hàn Quốc Moon Jae-in … và các nhà lãnh đạo … đã tham gia
Hội nghị thượng đỉnh Hàn Quốc-Mekong lần thứ nhất … Từ trái sang là Thủ tướng Lào
Thongloun Sisoulith, …". When a caption names, in the same words, exactly one meeting
of a mechanism that the body reports, the officials it names (people the record
already holds) are participants of that meeting.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.people.mentions import find_mentions
from diplonews.extract.record import Participant

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# The photo's credit closing the caption: "(Ảnh: Ban tổ chức Hội nghị …)".
CREDIT = re.compile(r"\((?:Ảnh|Nguồn|Photo)\b[^()]*\)\s*$", re.IGNORECASE)
MIN_NAME_WORDS = 3  # "Hội nghị Cấp cao X": an event's name long enough to be its own


def caption_participants(reader: Reader, drafts: list[Draft]) -> None:
    """Officials a caption names at a meeting become its participants."""
    asides = [a for a in reader.doc.asides if a not in reader.body]
    if not asides:
        return  # most articles: no caption of their own
    meetings = [
        d.event
        for d in drafts
        if d.event.kind == "meeting"
        and d.event.series
        and d.event.name
        and len(d.event.name.split()) >= MIN_NAME_WORDS
    ]
    if not meetings:
        return
    people = {p.name: p for p in reader.doc.record.people}
    for aside in asides:
        credit = CREDIT.search(aside)
        text = aside[: credit.start()] if credit else aside
        named = [e for e in meetings if e.name and e.name in text]
        if len(named) != 1:
            continue  # no meeting, or several: the photo is not placed at one
        event = named[0]
        present = {p.name for p in event.participants}
        for mention in find_mentions(text, reader.lex):
            person = people.get(mention.name or "")
            if person is None or person.name in present or not mention.titles:
                continue
            title = person.lead_title or next(iter(person.titles[-1:]), None)
            event.participants.append(Participant(person.name, person.country, title))
            present.add(person.name)
            if person.country and person.country not in event.parties:
                event.parties = sorted([*event.parties, person.country])
