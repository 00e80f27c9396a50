"""People stage: officials named in the body, their titles and countries, coreference.

A mention is a title chain followed by a name ("Thứ trưởng Ngoại giao Hàn Quốc Yeo
Seung-bae"), an honorific and a name with an apposition ("ông Sakai Manabu, Phó Chánh
văn phòng Nội các Nhật Bản"), a later short form ("ông Gunn", "Tổng thống Lee") or a
title alone that points back to someone already named ("Thứ trưởng Ngoại giao Hàn
Quốc đề xuất…"). Mentions are resolved to people; `doc.mentions` keeps them with their
offsets so the events stage can tell who takes part in what.

The package, by purpose: `names` reads a personal name where one starts; `titles` and
`offices` read the offices around it and the state they name; `mentions` finds every
mention in a body; `resolving` joins mentions into people; `family_names` adds the later
mentions by family name alone; `stage` runs them in order.
"""

from diplonews.extract.people.mentions import find_mentions
from diplonews.extract.people.stage import run

__all__ = ["find_mentions", "run"]
