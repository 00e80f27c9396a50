"""Series names composed from a mechanism's Vietnamese name (SCHEMA: series names).

A recurring mechanism that the series lexicon does not list is named by its words:
"<mechanism> <party>-<party>" becomes "<Party>-<Party> <Mechanism>", the mechanism in
English with its modifiers in the reverse order ("Đối thoại Chiến lược Ngoại giao-Quốc
phòng Việt Nam-Ấn Độ" → "Vietnam-India Diplomacy-Defence Strategic Dialogue"). Words
joined by a hyphen, a comma or "và" stay together in their own order ("Chính trị, An ninh
và Quốc phòng" → "Political, Security and Defence"). Parties: ASEAN or Mekong first,
else Vietnam, else as the article writes them.
"""

from __future__ import annotations

import re

from diplonews.extract.lexicons import Lexicons

HOME = "VNM"
FIRST = ("ASEAN", "MEKONG")  # blocs and groups named first, before any state
# What may stand between the words of a mechanism's name.
JOINER = re.compile(r"\s*(?:[-–]|,|,?\s+và)\s*$")
# "Kỳ họp lần thứ 13 UBHH …": the session of a body is a meeting of that body.
SESSION = re.compile(
    r"^(?:kỳ họp|phiên họp|cuộc họp|hội nghị)(?:\s+(?:lần\s+)?thứ\s+\w+)?\s+(?=(?:ủy|uỷ)\s+ban|ubhh|hội\s+đồng|nhóm)",
    re.IGNORECASE,
)
EDITION_WORDS = re.compile(r"\s+(?:lần\s+)?thứ\s+\w+\s*", re.IGNORECASE)


def mechanism(words: str, lex: Lexicons) -> str | None:
    """The English name of a mechanism's words ("Đối thoại Chính sách Quốc phòng" →
    "Defence Policy Dialogue"), or None when a word is not a mechanism's word."""
    text = SESSION.sub("", words.strip())
    text = EDITION_WORDS.sub(" ", text).strip(" -–,")
    if not text:
        return None
    found = lex.mechanisms.find(text)
    groups: list[list[tuple[str, str]]] = []  # modifiers, coordinated ones together
    head = None
    at = 0
    for start, end, payloads in found:
        if start < at:
            continue
        gap = text[at:start]
        english, role = payloads[0]
        if head is None:
            if gap.strip() or role != "head":
                return None
            head = english
        elif role == "filler":
            pass
        elif gap.strip() and not JOINER.match(gap) or role == "head":
            return None
        elif gap.strip() and groups:
            joiner = gap.strip()
            groups[-1].append(
                ("-" if joiner in "-–" else ", " if joiner == "," else " and ", english)
            )
        else:
            groups.append([("", english)])
        at = end
    if head is None or text[at:].strip():
        return None
    modifiers = []
    for group in reversed(groups):
        words_en = "".join(
            (joiner if i else "") + english for i, (joiner, english) in enumerate(group)
        )
        # "Political, Security and Defence": the last joiner of a list is "and"
        modifiers.append(words_en.replace(", and ", " and "))
    return " ".join(modifiers + [head])


def ordered(parties: list[str], lex: Lexicons) -> list[str]:
    """Parties in the order a composed series name lists them."""
    known = list(dict.fromkeys(p for p in parties if lex.party(p)))
    first = [p for p in known if getattr(lex.party(p), "kind", "") in ("bloc", "group")]
    home = [p for p in known if p == HOME and p not in first]
    return first + home + [p for p in known if p not in first and p not in home]


def compose(words: str, parties: list[str], lex: Lexicons) -> str | None:
    """ "Vietnam-India Diplomacy-Defence Strategic Dialogue" from the words of the
    mechanism and the parties its name joins, or None."""
    if len(set(parties)) < 2:
        return None
    name = mechanism(words, lex)
    if name is None:
        return None
    short = [getattr(lex.party(p), "short_en", p) for p in ordered(parties, lex)]
    return f"{'-'.join(short)} {name}"
