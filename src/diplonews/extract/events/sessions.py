"""An international organisation's own sessions, told in world news as the body meeting:
"Hội đồng Thống đốc IAEA sẽ nhóm họp tại Vienna", "Hội đồng Bảo an LHQ đã họp khẩn về
…", "cuộc họp của IAEA tại Vienna tuần này", "phiên họp kín của Hội đồng Bảo an".

The organisation takes part as such (SCHEMA: blocs and organisations), so such a session
is an event even when no official is named, with the organisation as its party and the
series of its organ (lexicons/sessions.tsv). The session is read as a series hit over the
body and its verb, or over the noun of the meeting and the body, so the reader treats it
as a named meeting. A call for the body to meet ("kêu gọi HĐBA họp khẩn", "yêu cầu một
phiên họp khẩn cấp của Hội đồng Bảo an") is a wish, not a session; a press conference
("họp báo") is none. A summit told the same way ("cuộc họp thượng đỉnh kéo dài 3 ngày
của G8") is the summit series.tsv names "Hội nghị Cấp cao <that body>".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from diplonews.extract.events import addresses
from diplonews.extract.events.cues import PLURAL_BEFORE
from diplonews.extract.lexicons import Lexicons, Series, read_rows, split_forms
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# Between the body and its verb: tense, time and plan words ("sẽ", "hôm qua", "ngày 3/5",
# "dự kiến sẽ"); not a modal ("cần", "nên", "có thể"), which asks for a session.
ADVERBS = (
    r"(?:\s+(?:đã|sẽ|vừa|đang|cũng|mới|lại|hôm nay|hôm qua|ngày mai|tuần này|tuần tới|tuần sau"
    r"|sáng nay|chiều nay|tối nay|đêm qua|dự kiến|theo kế hoạch|(?:hôm |vào )?thứ \w+"
    r"|(?:hôm |vào )?ngày \d{1,2}(?:/\d{1,2}(?:/\d{2,4})?)?),?)*"
)
# The verb of meeting: "họp", "nhóm họp", "triệu tập (một) phiên họp"; not "họp báo".
VERB = (
    r"\s+(?:nhóm họp|họp|(?:triệu tập|tiến hành|mở|có)\s+(?:một\s+)?(?:cuộc|phiên) họp)"
    r"(?!\s*báo)(?!\w)"
)
# Before an act, how the body acted: "nhất trí thông qua", "đồng loạt bỏ phiếu"
ACT_ADVERBS = (
    r"(?:\s+(?:nhất trí|đồng loạt|chính thức|cuối cùng|dự định"
    r"|(?:hôm|vào|ngày) \d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?),?)*"
)
# "15 nước thành viên Hội đồng Bảo an đã nhóm họp": the body, by its members
MEMBERS = r"(?:(?:[Cc]ác\s+)?(?:\d+\s+)?(?:nước\s+)?thành viên\s+(?:của\s+)?)?"
# What stands before the body when it is the subject of "họp": the start of a clause, or
# a word that opens one ("khi", "giữa lúc", "Dự kiến", "Theo kế hoạch", "hôm nay");
# not a noun the body qualifies ("9 chuyên gia bầu cử LHQ đã họp với …": the experts).
SUBJECT_BEFORE = re.compile(
    r"(?:^|[,;:]|\b(?:khi|lúc|giữa lúc|sau khi|trước khi|trong khi|dự kiến|theo kế hoạch"
    r"|hôm nay|hôm qua|ngày mai|tuần tới|tuần này|đêm qua|sáng nay|và|rằng|là|nhưng|song)"
    r"|\d)\s*$",
    re.IGNORECASE,
)
# "Trưởng ban điều hành cuộc họp của …", "Chủ tịch phiên họp của HĐBA": an officer's title
OFFICER_BEFORE = re.compile(
    r"\b(?:[Tt]rưởng|[Cc]hủ tịch|[Tt]ổng thư ký|[Tt]hư ký|[Pp]hát ngôn viên|[Gg]iám đốc)\b"
    r"[^,;.:]{0,25}$"
)
# The noun of a session, up to four words and "của" before the body: "cuộc họp kéo dài 3
# ngày của", "phiên họp kín của", "cuộc họp bất thường của các nước thành viên".
NOUN = (
    r"(?<!\w)(?:[Cc]uộc họp|[Pp]hiên họp|[Kk]ỳ họp|[Kk]hóa họp|[Kk]hoá họp|[Bb]uổi họp"
    r"|[Hh]ội nghị)(?!\s*báo)(?:\s+[^\s,;.:()\"“”]+){0,4}?\s+của\s+"
    r"(?:(?:các|\d+)\s+(?:nước|quốc gia|thành viên)\s+(?:thành viên\s+)?(?:của\s+)?)?"
)
# "cuộc họp thượng đỉnh của NATO": a summit, named by series.tsv, not the body's session
SUMMIT_WORDS = re.compile(r"\b(?:thượng đỉnh|cấp cao)\b", re.IGNORECASE)
# "kêu gọi Hội đồng Bảo an họp khẩn", "yêu cầu triệu tập một phiên họp của HĐBA",
# "muốn HĐBA họp": a session asked for, in the clause before the body or the noun
CALLED = re.compile(
    r"\b(?:kêu gọi|yêu cầu|đề nghị|đề xuất|đòi|muốn|hối thúc|thúc giục|kiến nghị)"
    r"[^,;.:]{0,50}$",
    re.IGNORECASE,
)


# After the organisation's name: its acronym in brackets, "LHQ" after the Council's name
# ("Cơ quan Năng lượng Nguyên tử Quốc tế (IAEA)", "Hội đồng Bảo an Liên Hiệp Quốc (LHQ)")
NAME_TAIL = re.compile(
    r"(?:\s*\([^()]{1,60}\))?(?:\s+(?:của\s+)?(?:LHQ|Liên [Hh](?:ợp|iệp) [Qq]uốc))?"
)
VERB_AFTER = re.compile(ADVERBS + VERB)
NOUN_BEFORE = re.compile(NOUN + r"$")
MEMBERS_BEFORE = re.compile(MEMBERS + r"$")
REACH = 90  # characters before the name where a noun or an organ may stand
# An organ's row: its words before the name, its series, the acts that tell a session
SessionRow = tuple[re.Pattern[str] | None, Series, re.Pattern[str] | None]


@lru_cache(maxsize=1)
def session_rows() -> dict[str, list[SessionRow]]:
    """Per organisation code: (its organ's words, to find before its name, or None for
    the organisation itself; the series of their sessions; the acts that tell one, or
    None), organs first."""
    rows: dict[str, list[SessionRow]] = {}
    for row in read_rows(resources.files("diplonews.extract") / "lexicons" / "sessions.tsv"):
        organs = split_forms(row["organs"]) if row["organs"] != "-" else []
        words = "|".join(re.escape(o) for o in sorted(organs, key=len, reverse=True))
        organ = (
            re.compile(r"(?<!\w)(?:" + words + r")\s+(?:của\s+)?$", re.IGNORECASE)
            if words
            else None
        )
        series = Series(row["series_en"], (row["party"],))
        rows.setdefault(row["body"], []).append((organ, series, acts_after(row["acts"])))
    for found in rows.values():
        found.sort(key=lambda r: r[0] is None)
    return rows


def acts_after(cell: str) -> re.Pattern[str] | None:
    """The acts of a row ("thông qua|bỏ phiếu|lên án"), as the verb after the body."""
    acts = split_forms(cell) if cell != "-" else []
    if not acts:
        return None
    words = "|".join(re.escape(a) for a in sorted(acts, key=len, reverse=True))
    return re.compile(ADVERBS + ACT_ADVERBS + ADVERBS + r"\s+(?:" + words + r")(?!\w)")


def may_tell(body: str) -> bool:
    return "họp" in body or "ội nghị" in body


@lru_cache(maxsize=1)
def acting() -> frozenset[str]:
    """The organisations whose acts tell a session (a row with acts)."""
    return frozenset(code for code, rows in session_rows().items() if any(r[2] for r in rows))


def may_act(names: list[tuple[int, int, list[str]]]) -> bool:
    """Whether the party names of a text (lexicon hits) name a body whose acts tell a
    session, so that its sentences are worth reading."""
    codes = acting()
    return any(found[0] in codes for _, _, found in names)


def sessions(
    body: str, sentences: list[tuple[int, int]], parties: list[tuple[int, int, str]], lex: Lexicons
) -> list[tuple[int, int, list[Series]]]:
    """Series hits over the sessions the body tells, found from the organisations'
    names (`parties`, the reader's party spans): the body and its verb, or the noun of
    the meeting and the body; and the summits of a bloc or an organisation told as
    "cuộc họp thượng đỉnh (…) của <it>"."""
    telling = may_tell(body)
    if not telling and not any(code in acting() for _, _, code in parties):
        return []
    rows = session_rows()
    found: list[tuple[int, int, list[Series]]] = []
    starts = [s for s, _ in sentences]
    for s, e, code in sorted(parties):
        if found and s < found[-1][1]:
            continue
        sentence = starts[bisect_right(starts, s) - 1] if starts else 0
        lo = max(sentence, s - REACH)
        tail = NAME_TAIL.match(body, e)
        end = tail.end() if tail else e
        summit = summit_of(body, lo, s, e, lex) if telling else None
        if summit:
            found.append(summit)
            continue
        if code not in rows:
            continue
        for organ, series, acts in rows[code]:
            start = s
            if organ is not None:
                named = organ.search(body, lo, s)
                if named is None:
                    continue
                start = named.start()
            hit = (telling and session_at(body, sentence, start, end, series)) or act_at(
                body, sentence, start, end, series, acts
            )
            if hit:
                found.append(hit)
                break
    return found


# "cuộc họp thượng đỉnh kéo dài 2 ngày của", "hội nghị cấp cao gần đây của các nước":
# the noun of a summit before the name of whose it is
SUMMIT_BEFORE = re.compile(
    r"(?<!\w)(?:[Cc]uộc họp|[Hh]ội nghị)\s+(?:thượng đỉnh|cấp cao)"
    r"(?:\s+[^\s,;.:()\"“”]+){0,4}?\s+của\s+(?:các nước\s+)?$"
)


def summit_of(
    body: str, lo: int, start: int, end: int, lex: Lexicons
) -> tuple[int, int, list[Series]] | None:
    """ "cuộc họp thượng đỉnh của EU" is the summit that series.tsv names "Hội nghị Cấp
    cao EU" (the European Council), with its parties: the series of the bloc or the
    organisation named after "của"."""
    noun = SUMMIT_BEFORE.search(body, lo, start)
    if noun is None or PLURAL_BEFORE.search(body, max(lo, noun.start() - 10), noun.start()):
        return None
    name = "Hội nghị Cấp cao " + body[start:end]
    hits = [h for h in lex.series.find(name) if h[0] == 0 and h[1] == len(name)]
    return (noun.start(), end, [hits[0][2][0]]) if hits else None


def session_at(
    body: str, sentence: int, start: int, end: int, series: Series
) -> tuple[int, int, list[Series]] | None:
    """The session told around the body named at start…end, if any."""
    lo = max(sentence, start - REACH)
    verb = VERB_AFTER.match(body, end)
    if verb:
        members = MEMBERS_BEFORE.search(body, lo, start)
        begin = members.start() if members and members.end() > members.start() else start
        if not opens_clause(body, sentence, begin):
            return None  # "9 chuyên gia bầu cử LHQ đã họp": the body qualifies a noun
        span = (begin, verb.end())
    else:
        noun = NOUN_BEFORE.search(body, lo, start)
        if noun is None:
            return None
        if (
            PLURAL_BEFORE.search(body, max(sentence, noun.start() - 10), noun.start())
            or OFFICER_BEFORE.search(body, max(sentence, noun.start() - 40), noun.start())
            or SUMMIT_WORDS.search(body, noun.start(), start)
        ):
            return None
        span = (noun.start(), end)
    if CALLED.search(body, sentence, span[0]):
        return None
    if addresses.ADDRESS.search(body, max(sentence, span[0] - 30), span[1]):
        return None  # "phát biểu trước phiên họp của HĐBA": an address (addresses.py)
    return span[0], span[1], [series]


# Before a body that acts, a word that makes the act a wish, a condition or a forecast:
# "nếu HĐBA thông qua", "hy vọng, Hội đồng Bảo an sẽ lên án", "trước khi HĐBA bỏ phiếu",
# "vài ngày nữa là HĐBA thông qua", "được hỏi về việc HĐBA sẽ áp đặt …"
UNREAL_BEFORE = re.compile(
    r"\b(?:nếu|giả sử|trường hợp|chỉ khi|một khi|hy vọng|mong|muốn|có thể|trước khi"
    r"|chờ|đợi|để|nữa|hỏi)\b",
    re.IGNORECASE,
)
# "Đại sứ Mỹ cho biết Hội đồng Bảo an đã thông qua …": the act reported; "việc HĐBA
# nhất trí thông qua nghị quyết": the act as a fact
REPORTED_BEFORE = re.compile(
    r"\b(?:cho biết|cho hay|nói|tuyên bố|thông báo|khẳng định|xác nhận|việc)\s*$",
    re.IGNORECASE,
)


def opens_clause(body: str, sentence: int, begin: int) -> bool:
    """Whether the body named at `begin` opens its clause: the sentence starts there
    (a search from `sentence` never sees "^" there), or SUBJECT_BEFORE stands before it."""
    return not body[sentence:begin].strip() or bool(SUBJECT_BEFORE.search(body, sentence, begin))


def act_at(
    body: str,
    sentence: int,
    start: int,
    end: int,
    series: Series,
    acts: re.Pattern[str] | None,
) -> tuple[int, int, list[Series]] | None:
    """The session an act of the body tells ("Hội đồng Bảo an LHQ hôm qua lên án …",
    "HĐBA đã nhất trí thông qua nghị quyết"): a body that adopts, votes or condemns as
    such has sat. The body must be the subject, and nothing before it in the sentence
    may make the act a wish, a condition or a forecast."""
    if acts is None:
        return None
    verb = acts.match(body, end)
    if verb is None:
        return None
    lo = max(sentence, start - REACH)
    members = MEMBERS_BEFORE.search(body, lo, start)
    begin = members.start() if members and members.end() > members.start() else start
    if not (
        opens_clause(body, sentence, begin) or REPORTED_BEFORE.search(body, sentence, begin)
    ) or UNREAL_BEFORE.search(body, sentence, begin):
        return None
    if CALLED.search(body, sentence, begin):
        return None
    return begin, end, [series]  # the body's name: "Hội đồng Bảo an LHQ", as the news names it


@lru_cache(maxsize=1)
def session_series() -> frozenset[Series]:
    """The series sessions.tsv gives (with its party), to know a session's cue again."""
    rows = read_rows(resources.files("diplonews.extract") / "lexicons" / "sessions.tsv")
    return frozenset(Series(row["series_en"], (row["party"],)) for row in rows)


def is_session(d: Draft) -> bool:
    """Whether a draft is an organisation's own session: an event on its own."""
    return d.cue.series is not None and d.cue.series in session_series()


@lru_cache(maxsize=1)
def act_words() -> re.Pattern[str]:
    """Every row's acts, to know a session told by an act by what follows its cue."""
    rows = read_rows(resources.files("diplonews.extract") / "lexicons" / "sessions.tsv")
    acts = "|".join(sorted({r["acts"] for r in rows if r["acts"] != "-"}))
    return acts_after(acts) or re.compile(r"(?!)")


PLAN_WORDS = re.compile(r"\b(?:sẽ|dự kiến|dự định|theo kế hoạch|ngày mai|tuần tới|tuần sau)\b")


def by_act(body: str, d: Draft) -> bool:
    """Whether a session is told by an act of the body ("HĐBA hôm qua lên án"): the
    people of its sentence are whom it acted on or who reported it, not who sat."""
    return act_words().match(body, d.cue.end) is not None


# "tại Vienna, Áo", "ở Vienna (Áo)": the state named after the city is where, not who
AFTER_CITY = re.compile(r"\s*(?:,|\(|-|–)\s*$")


def settle_parties(reader: Reader, d: Draft) -> None:
    """A session's parties are the organisation and the states taking part. At a session
    of an organ with a fixed series (the Security Council, the IAEA Board) those are the
    states of the officials named at it ("Ngoại trưởng Iraq phát biểu tại phiên họp của
    HĐBA"): the other states of the sentence are its topics ("họp khẩn về Haiti") or the
    drafters of a text ("dự thảo do Mỹ và Pháp đưa ra"). At any session, a state named
    only after the city says where the body sits ("tại Vienna, Áo")."""
    if not is_session(d):
        return
    if by_act(reader.body, d):
        d.people, d.chairs = [], set()  # "HĐBA lên án Tổng thống Iran …": whom it acted on
        # its tense is its own ("HĐBA dự định sẽ bỏ phiếu"), not the sentence's
        act = act_words().match(reader.body, d.cue.end)
        told = act.group() if act else ""
        d.event.status = "planned" if PLAN_WORDS.search(told) else "held"
    series = d.cue.series
    own = set(series.parties) if series else set()
    if series and series.name_en:
        people = reader.doc.record.people
        states = {
            str(people[p].country) for p in d.people if 0 <= p < len(people) and people[p].country
        }
        keep = [c for c in d.event.parties if c in own or c in states]
    else:
        start, end = reader.doc.sentences[d.sentence]
        seats: set[str] = set()
        others: set[str] = set()
        for s, _, code in within(reader.parties, start, end):
            after_city = any(
                e <= s and AFTER_CITY.fullmatch(reader.body, e, s)
                for _, e, _ in within(reader.places, max(start, s - 40), s)
            )
            (seats if after_city else others).add(code)
        keep = [c for c in d.event.parties if c not in seats - others]
    d.event.parties = keep + sorted(own - set(keep))


SITTING_WORDS = ("họp", "phiên", "kỳ", "khóa", "khoá", "hội nghị")


def apart(d: Draft, e: Draft) -> bool:
    """Whether a mention `d` stays apart from the session `e` told before it: talks told
    after a session of an organisation ("các cuộc đàm phán giữa Moscow và Tehran" after
    "khi hội đồng IAEA nhóm họp") are other talks, not the session told again; only a
    word of sitting ("cuộc họp này", "tại phiên họp") points back to it."""
    if not is_session(e) or is_session(d):
        return False
    word = d.cue.trigger.vi.lower() if d.cue.trigger else ""
    return not any(w in word for w in SITTING_WORDS)
