"""The counterpart named by rank: "Tập Cận Bình sẽ gặp người đồng cấp Hàn Quốc".

News names the other side of talks by its rank and state ("người đồng cấp Hàn Quốc",
"đồng nhiệm Nhật Bản") when the article names that official elsewhere ("Tổng thống Hàn
Quốc Park Geun Hye"). The peer is the one official of that state in the record who holds
the office of a participant from the other side; with none, or several, the text does
not say who it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.record import Participant
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

PEER = re.compile(r"\b(?:người\s+)?(?:đồng cấp|đồng nhiệm)\s+$")
PEER_WORDS = ("đồng cấp", "đồng nhiệm")
REACH = 12  # characters from "đồng cấp" to the state it names


def named_peers(reader: Reader, drafts: list[Draft]) -> None:
    """Each event whose own words name a peer by state gets that state's official."""
    body = reader.body
    if not any(word in body for word in PEER_WORDS):
        return  # most articles: no scan
    people = reader.doc.record.people
    for d in drafts:
        event, cue = d.event, d.cue
        if event.kind == "visit" or not event.participants:
            continue
        for start, _, code in within(reader.parties, cue.end, cue.own_end):
            if start < cue.end:
                continue
            if not PEER.search(body, max(cue.end, start - REACH - 10), start):
                continue
            if any(p.country == code for p in event.participants):
                break  # the peer is already named
            offices = {p.title for p in event.participants if p.country != code and p.title}
            fits = [p for p in people if p.country == code and p.lead_title in offices]
            if len(fits) == 1:
                peer = fits[0]
                event.participants.append(Participant(peer.name, peer.country, peer.lead_title))
                if code not in event.parties:
                    event.parties = sorted([*event.parties, code])
            break
