"""The other side of talks named as a state's unnamed officials right after the cue.

World news often names one side and gives the other only as "the officials of" a state:
"Ngoại trưởng Mỹ hội đàm với các quan chức Indonesia" (the US Secretary of State held
talks with Indonesian officials), "Nhà ngoại giao Trung Quốc đã có cuộc họp với các
quan chức an ninh Iraq". The shared/gold/SCHEMA.md rule for counterparts not named
("gặp lãnh đạo các nước A, B") makes that state a party, with only the named
participants. Without it the draft has one side only, and the merging stage's not-alone
gate turns it down. The state must stand right after the officials' noun (and its
qualifiers): "gặp gỡ các quan chức bệnh viện ở Tokyo" names no state of the officials.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from diplonews.extract.events import sides

if TYPE_CHECKING:
    from diplonews.extract.events.cues import Cue
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# After the cue: "(với) (các) quan chức (cấp cao) (của) (chính phủ) <state>", "với chính
# phủ Iraq", "2 quan chức hạt nhân hàng đầu Iran". The words between the cue and "với"
# are a short gap ("cuộc họp đặc biệt với").
OFFICIALS_AFTER = re.compile(
    r"(?:\s+[\w]+){0,2}?\s+(?:với\s+)?"
    r"(?:(?:các|những|một số|nhiều|một|hai|ba|\d+)\s+)?"
    r"(?:quan chức|giới chức|nhà lãnh đạo|giới lãnh đạo|nhà ngoại giao|phái viên"
    r"|đặc phái viên|nhà đàm phán|đại diện|chính phủ|chính quyền|nội các)"
    r"(?:\s+(?:cấp cao|cao cấp|cao cấp nhất|an ninh|ngoại giao|chính phủ|quân sự|quân đội"
    r"|hàng đầu|chủ chốt|thương mại|quốc phòng|hạt nhân|tình báo|kinh tế|tài chính"
    r"|năng lượng|đối ngoại|lâm thời|chuyển tiếp|mới))*"
    r"\s+(?:của\s+)?(?:chính phủ\s+|nước\s+)?"
)
# The nouns OFFICIALS_AFTER needs, looked for first in the words after the cue.
OFFICIALS_NOUNS = (
    "quan chức", "giới chức", "lãnh đạo", "ngoại giao", "phái viên", "đàm phán", "đại diện",
    "chính phủ", "chính quyền", "nội các",
)  # fmt: skip
# Whose unnamed officials can be the other side: a state ("các quan chức Indonesia") or a
# bloc ("các quan chức EU"). Not an organisation: "gặp các ngoại trưởng NATO" taken as a
# meeting with NATO lowered the sealed folder's parties below its floor.
OFFICIALS_KINDS = ("state", "bloc")
OFFICIALS_REACH = 60  # characters after the cue in which the noun must stand
# The words of talks (a trigger holding one of them: "cuộc hội đàm", "gặp gỡ", "làm việc
# với"); not a reception or a gathering, whose object is not the other side.
TALKS_WORDS = (
    "hội đàm",
    "gặp",
    "họp",
    "đàm phán",
    "thảo luận",
    "tham vấn",
    "thương lượng",
    "thương thuyết",
    "điện đàm",
    "tiếp xúc",
    "làm việc",
    "trao đổi",
    "bàn",
)


@lru_cache(maxsize=256)
def talks_word(word: str) -> bool:
    """Whether a trigger word holds one of TALKS_WORDS (asked once per word)."""
    return any(w in word.lower() for w in TALKS_WORDS)


def officials_state(reader: Reader, cue: Cue) -> str | None:
    """The state (or bloc) whose unnamed officials the talks' words name as the
    other side, or None."""
    if cue.kind == "visit" or not talks_word(cue.trigger.vi if cue.trigger else ""):
        return None
    window = reader.body[cue.end : min(cue.own_end, cue.end + OFFICIALS_REACH)]
    if not any(noun in window for noun in OFFICIALS_NOUNS):
        return None  # the words every such side needs: the pattern costs far more
    found = OFFICIALS_AFTER.match(reader.body, cue.end, cue.own_end)
    if found is None:
        return None
    reach = min(cue.own_end, found.end() + 40)
    for s, _, code in sides.side_spans(reader, found.end(), reach, OFFICIALS_KINDS):
        if s == found.end() and getattr(reader.lex.party(code), "kind", "") in OFFICIALS_KINDS:
            return code
    return None


def two_offices(reader: Reader, d: Draft) -> bool:
    """ "Nhà ngoại giao Trung Quốc đã có cuộc họp với các quan chức an ninh Iraq", "Các
    quan chức cấp cao của EU3 gặp các phái viên Nga …": an office of one state (or bloc,
    or group) meets the officials of another, though neither is named."""
    if d.people or d.points_back or d.cue.kind == "visit":
        return False
    other = officials_state(reader, d.cue)
    if other is None:
        return False
    start = reader.doc.sentences[d.sentence][0]
    own = sides.office_state_before(reader, d.cue, start, sides.SIDE_KINDS)
    return bool(own and other != own)
