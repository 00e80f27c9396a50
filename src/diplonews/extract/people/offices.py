"""The holder's name after an office the lexicons do not know in full.

"Bộ trưởng Bộ Chiến lược và Tài chính Choo Kyung Ho", "Phó Chủ tịch Hội đồng Nhân dân
Tối cao Yang Hyong Sop": an office's own name is capitalised too, so the holder's name
is told apart by a known family name, a foreign run of words or the end of a list item.
Its own module because this guess is looser than plain name reading and is tried only
after it fails.
"""

from __future__ import annotations

import re

from diplonews.extract.people.names import (
    INITIALLED,
    PLACE_BEFORE,
    TOKEN,
    Found,
    ends_name,
    is_capitalised,
    read_name,
    skip_spaces,
)
from diplonews.text import has_vietnamese_letters

# Lower-case words that end the search for a name after an office: verbs and function words
# of the clause go on with something else ("Thứ trưởng đã gặp …", "Bộ trưởng cho biết …").
# Single words (an office's name may hold "nghị", "hội", "về").
CLAUSE_WORDS = frozenset(
    (
        "đã",
        "sẽ",
        "đang",
        "vừa",
        "có",
        "cho",
        "là",
        "được",
        "với",
        "tại",
        "ở",
        "gặp",
        "tiếp",
        "thăm",
        "nói",
        "khi",
        "trong",
        "này",
        "đó",
        "người",
        "cũng",
        "không",
        "rằng",
        "ngày",
        "sáng",
        "chiều",
        "tối",
        "hôm",
        "cùng",
        "các",
        "những",
        "nhiều",
        "đến",
        "tới",
        "sang",
        "từ",
        "đi",
        "dự",
        "nhận",
        "mời",
        "thì",
        "mà",
        "nhưng",
        "để",
        "theo",
        "sau",
        "trước",
    )
)
PAREN_ACRONYM = re.compile(r"\([A-Z][A-Za-z&-]{1,10}\)")
HONORIFIC_WORDS = frozenset({"ông", "bà", "Ông", "Bà", "ngài", "Ngài"})
OFFICE_REACH = 18  # tokens: an office's name is seldom longer


def name_after_office(body: str, pos: int, found: Found) -> tuple[int, int] | None:
    """The name that follows an office the lexicons do not know in full: "Bộ trưởng Bộ
    Chiến lược và Tài chính Choo Kyung Ho;", "Phó Chủ tịch Hội đồng Nhân dân Tối cao Yang
    Hyong Sop dẫn đầu …". Names of offices write one capital per phrase ("Bộ Lao động",
    "Hội đồng Nhân dân"), so the name is the first run of two or more capitalised words
    that starts with a known family name, or that runs up to the end of a list item."""
    run: list[tuple[int, int]] = []
    lower = 0  # lower-case words in a row: an office's name has few
    first = TOKEN.match(body, skip_spaces(body, pos))
    # "Thủ tướng nước chủ nhà X": no office's name opens the stretch, so only a known family
    # name or a transcribed name ends it, not the end of the clause.
    loose = bool(first) and first.group()[:1].islower()  # type: ignore[union-attr]
    p = pos
    for _ in range(OFFICE_REACH):
        q = skip_spaces(body, p)
        # a regex call costs ~2,000 instructions of set-up: the bracket is tested first
        acronym = PAREN_ACRONYM.match(body, q) if body.startswith("(", q) else None
        if acronym:  # "Tổ chức Quốc tế Pháp ngữ (OIF) Abdou Diouf"
            if skip_spaces(body, pos) == q:  # right after the title: the name follows
                return read_name(body, skip_spaces(body, acronym.end()), found)
            p, run = acronym.end(), []
            continue
        inside = skip_spaces(body, q + 1) if body.startswith("(", q) else -1
        if inside in found.parties:
            close = skip_spaces(body, found.parties[inside][0])
            if body.startswith(")", close):
                # "đại giáo chủ giáo đường al-Azhar (Ai Cập) Mohamed Sayed Tantawi": the
                # state of the office, put in brackets; the holder follows
                p, run = close + 1, []
                continue
        if q >= len(body) or body[q] in '.;:()[]\n"“”':
            break
        if body[q] == ",":
            nxt = TOKEN.match(body, skip_spaces(body, q + 1))
            if not nxt or not is_capitalised(nxt.group()):
                break
            p, run = q + 1, []
            continue
        t = TOKEN.match(body, q)
        if not t:
            break
        word = t.group()
        if q in found.titles and not (run or office_word_before(body, q)):
            return None  # "… trao tặng Tổng Bí thư X": another official's own title
        if run and ends_name(body, q, t.group(), found):
            # a caption word ends a name ("… Toàn cảnh"); an English one ends a firm's
            # ("Velvet Silver Media"), so the run before it was no name
            span = None if t.group().isascii() else run_name(body, run, found, True, loose)
            if span:
                return span
            p, run = t.end(), []
            continue
        place_end = next((b for a, b in found.place_spans if a <= q < b), None)
        if q in found.titles or q in found.parties or place_end is not None:
            p = (found.parties.get(q) or found.titles.get(q) or (place_end,))[0] or t.end()
            run = []
            continue
        core = word.rstrip(".,;:")
        if core in HONORIFIC_WORDS:
            return None  # "… gặp lại ông X": someone else, named after an honorific
        if (
            run
            and core in found.words.particles
            and particle_inside(body, t.end(), found.words.particles)
        ):
            p = t.end()  # "Tổng thư ký Liên minh Jaap de Hoop Scheffer": inside the name
            continue
        if not is_capitalised(core) or (len(core) > 1 and core.isupper()):
            lower = lower + 1 if not is_capitalised(core) else 0
            if core.lower() in CLAUSE_WORDS and not is_capitalised(core) or lower > 4:
                return None
            p, run = t.end(), []
            continue
        lower = 0
        run.append((q, q + len(core)))
        p = q + len(core)
        span = run_name(body, run, found, loose=loose)
        if span:
            return span
    return None


def particle_inside(body: str, end: int, particles: frozenset[str]) -> bool:
    """Whether a name particle goes on into a capitalised word ("de Hoop", "van der Berg"),
    as one inside a foreign name does, rather than opening the clause ("do …")."""
    nxt = TOKEN.match(body, skip_spaces(body, end))
    if nxt and nxt.group() in particles:
        nxt = TOKEN.match(body, skip_spaces(body, nxt.end()))
    return bool(nxt and is_capitalised(nxt.group()) and nxt.group().isascii())


def office_place_country(found: Found, start: int, end: int, body: str = "") -> str | None:
    """The state of a place named in an office ("người phát ngôn Nhà Trắng" → USA,
    "Thị trưởng Seoul" → KOR) between a title and its holder's name; not an envoy's post
    ("Đại sứ tại Hà Nội")."""
    return next(
        (
            c
            for s, c in found.place_countries.items()
            if start <= s < end and not body[max(0, s - 4) : s].endswith(("tại ", "ở "))
        ),
        None,
    )


def foreign_run(words: list[str]) -> bool:
    """Two or more capitalised words in plain Latin letters, none a Vietnamese syllable:
    a foreign name after an office ("Bộ trưởng Nội thương Shafie Apdal nói"); its first
    word may carry glued initials, as 2000s news writes them ("… nước CHND Bangladesh
    M.Morshed Khan")."""
    if len(words) >= 2 and INITIALS_GLUED.match(words[0]):
        words = [INITIALS_GLUED.sub("", words[0], count=1), *words[1:]]
    return len(words) >= 2 and all(
        w.isascii() and w.isalpha() and len(w) > 2 and not w.isupper() for w in words
    )


# Initials glued to the name they open: "M." of "M.Morshed", "G.W." of "G.W.Bush".
INITIALS_GLUED = re.compile(r"(?:[A-Z]\.){1,2}(?=[A-Z][a-z])")


def office_word_before(body: str, pos: int) -> bool:
    """Whether a capitalised word stands right before `pos`: "Văn phòng Tổng thống" names
    an office after a title, "trao tặng Tổng Bí thư" turns to another official."""
    m = LAST_WORD.search(body, max(0, pos - 20), pos)
    return bool(m and is_capitalised(m.group(1)))


LAST_WORD = re.compile(r"(\w+)\s+$")


def run_name(
    body: str,
    run: list[tuple[int, int]],
    found: Found,
    closed: bool = False,
    loose: bool = False,
) -> tuple[int, int] | None:
    """A name in a run of capitalised words once the run is over: from its family name,
    or the whole run when it closes a list item."""
    end = run[-1][1]
    after = skip_spaces(body, end)
    nxt = TOKEN.match(body, after)
    if (
        not closed
        and nxt
        and is_capitalised(nxt.group())
        and after not in found.titles
        and after not in found.parties
    ):
        return None  # the run goes on
    words = [body[a:b] for a, b in run]
    first = next((i for i, w in enumerate(words) if w in found.surnames), None)
    if first is None:
        closes = (
            not loose
            and (after >= len(body) or body[after] in ";.\n" or body[end : end + 1] in ";.")
        ) or all("-" in w for w in words)  # "Sin-dô A-bê": a name transcribed by syllables
        closes = closes or foreign_run(words)
        while words and words[0] in found.words.stops:
            words, run = words[1:], run[1:]
        if not closes:
            return None
        first = 0
    family_country = found.surnames.get(words[first]) if first < len(words) else None
    if (
        family_country
        and family_country != "VNM"
        and not has_vietnamese_letters(words[first])
        and not all(w.isascii() for w in words[first + 1 :])
    ):
        return None  # "Ban Quản lý": a foreign family name does not go on in Vietnamese
    single = len(run) - first == 1 and INITIALLED.fullmatch(words[first])  # "S.McClellan"
    if (
        len(run) - first < 2
        and not single
        or PLACE_BEFORE.search(body[max(0, run[first][0] - 30) : run[first][0]])
    ):
        return None
    return run[first][0], end
