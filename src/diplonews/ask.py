"""Questions in Vietnamese (with or without diacritics) or English, answered from the
stored record with the evidence sentences behind the answer.

No language model: a question is read into an intent (`lexicons/questions.tsv`) and
slots (parties, series, edition, period, person, topic) with the same lexicons as
extraction, matched on folded text so "Han Quoc" is "Hàn Quốc". The slots become a
query of `diplonews.api`; the answer is a sentence (`lexicons/answers.tsv`) over the
structured facts it was built from. When the record cannot answer, the answer says
so and gives the closest facts it holds instead: it never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from diplonews import api, cues
from diplonews.lexicons import Lexicons, Matcher, load, read_rows
from diplonews.models import StoredEvent
from diplonews.resolve import loose_key
from diplonews.searching import fold
from diplonews.store import Store, queries

MAX_EVENTS = 20  # events listed in one answer
PROPOSAL = re.compile(r"\b(?:đề xuất|đề nghị|kiến nghị)\b", re.IGNORECASE)
_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(
    rf"(?:tu|from|giai doan|between)?\s*(?:nam\s+)?{_YEAR}\s*(?:-|–|den|toi|to|and|and)\s*(?:nam\s+)?{_YEAR}"
)
_SINCE = re.compile(rf"\b(?:sau|tu|since|after|from)\s+(?:nam\s+)?{_YEAR}")
_YEAR_ONLY = re.compile(rf"\b{_YEAR}\b")
_EDITION = re.compile(r"\b(?:lan thu|khoa|edition|ky)\s+(\w+)|\b(\d{1,3})(?:st|nd|rd|th)\b")
_ENGLISH = re.compile(r"\b(?:who|what|when|where|which|how|did|does|is|was|list|the)\b")
LEVELS = {  # title level (titles.tsv) → meeting level, highest first
    "head_of_state": "summit",
    "head_of_government": "summit",
    "minister": "ministerial",
    "vice_minister": "vice_ministerial",
    "ambassador": "ambassador",
}


@dataclass
class Question:
    text: str
    folded: str
    lang: str  # "vi" or "en": the language of the answer
    intent: str | None
    parties: list[str] = field(default_factory=list)
    series: str | None = None
    edition: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    person_ids: list[int] = field(default_factory=list)
    topic: str | None = None  # "trade" or "investment"


@dataclass
class Answer:
    answer: str
    facts: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    found: bool = True  # False: "not in the record", the facts are the closest held

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "found": self.found,
            "facts": self.facts,
            "evidence": self.evidence,
        }


# --- the language of questions -------------------------------------------------------


@lru_cache(maxsize=1)
def intents() -> list[tuple[str, re.Pattern[str]]]:
    source = resources.files("diplonews") / "lexicons" / "questions.tsv"
    return [(row["intent"], re.compile(row["pattern"])) for row in read_rows(source)]


@lru_cache(maxsize=1)
def sentences() -> dict[str, dict[str, str]]:
    source = resources.files("diplonews") / "lexicons" / "answers.tsv"
    table: dict[str, dict[str, str]] = {"vi": {}, "en": {}}
    for row in read_rows(source):
        table["vi"][row["key"]] = row["vi"]
        table["en"][row["key"]] = row["en"]
    return table


@dataclass(eq=False)
class FoldedLexicons:
    """Party names, meeting words and series names, matched on folded text."""

    english: Matcher  # party names in English, folded
    parties: Matcher  # every party name, folded: for questions typed without diacritics
    triggers: Matcher
    series: Matcher
    levels: dict[str, str]  # English title → level


_FOLDED: dict[int, FoldedLexicons] = {}


def folded_lexicons(lex: Lexicons) -> FoldedLexicons:
    cached = _FOLDED.get(id(lex))
    if cached is not None:
        return cached
    english, parties = Matcher(caseless=True), Matcher(caseless=True)
    triggers, series = Matcher(caseless=True), Matcher(caseless=True)
    for code, party in lex.parties.items():
        for form in (party.name_en, party.short_en):
            english.add(fold(form), code)
        for form in (party.name_en, party.short_en, *lex.party_forms.get(code, [])):
            if form != code:
                parties.add(fold(form), code)
    for form, (_, payloads) in lex.triggers.automaton.items():
        for trigger in payloads:
            if trigger.kind != "-" and trigger.series_suffix not in ("", "-"):
                triggers.add(fold(form), trigger.series_suffix)
    for form, (_, payloads) in lex.series.automaton.items():
        for item in payloads:
            series.add(fold(form), item.name_en)
            series.add(fold(item.name_en), item.name_en)
    levels: dict[str, str] = {}
    for _, payloads in lex.titles.automaton.values():
        for title in payloads:
            levels.setdefault(title.en, title.level)
    built = FoldedLexicons(
        english.finish(), parties.finish(), triggers.finish(), series.finish(), levels
    )
    _FOLDED[id(lex)] = built
    return built


def read(store: Store, text: str, lexicons: Lexicons | None = None) -> Question:
    """A question's intent and slots."""
    lex = lexicons or load()
    folded_lex = folded_lexicons(lex)
    text = " ".join(text.split())
    folded = fold(text)  # one character for one: spans line up with `text`
    english = text.lower() == folded and bool(_ENGLISH.search(folded))
    intent = next((name for name, pattern in intents() if pattern.search(folded)), None)
    question = Question(text, folded, "en" if english else "vi", intent)
    question.parties = _parties(text, folded, lex, folded_lex)
    question.series = _stored_series(store, folded) or _series(
        folded, question.parties, folded_lex, lex
    )
    question.edition = _edition(folded)
    question.date_from, question.date_to = _period(folded)
    question.person_ids = _people(store, text)
    if re.search(r"\b(?:dau tu|fdi|invest\w*)\b", folded):
        question.topic = "investment"
    elif re.search(r"\b(?:thuong mai|kim ngach|trade)\b", folded):
        question.topic = "trade"
    return question


@lru_cache(maxsize=1)
def ambiguous_words() -> frozenset[str]:
    source = resources.files("diplonews") / "lexicons" / "question_words.tsv"
    return frozenset(row["form"] for row in read_rows(source) if row["role"] == "ambiguous")


def _parties(text: str, folded: str, lex: Lexicons, folded_lex: FoldedLexicons) -> list[str]:
    """Parties as written (with diacritics), as codes in capitals, in compounds
    ("Hàn-ASEAN"), by English names, and, in a question typed without diacritics, by
    folded Vietnamese names — one that is also a common word ("nam") only when
    capitalised."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, codes in lex.party_names.find(text):
        found.append((start, codes[0]))
        taken.append((start, end))
    for match in re.finditer(r"\b[A-Z]{2,6}\b", text):
        party = lex.parties.get(match.group())
        if party and not any(a <= match.start() < b for a, b in taken):
            found.append((match.start(), party.code))
            taken.append(match.span())
    short = {fold(form): code for form, code in lex.party_short.items()}
    for match in re.finditer(r"[\w]+(?:-[\w]+)+", text):  # "Hàn-ASEAN", "han-asean"
        offset = match.start()
        for part in match.group().split("-"):
            code = lex.party_short.get(part) or short.get(fold(part))
            if code and not any(a <= offset < b for a, b in taken):
                found.append((offset, code))
                taken.append((offset, offset + len(part)))
            offset += len(part) + 1
    typed_without_marks = text.lower() == folded
    matcher = folded_lex.parties if typed_without_marks else folded_lex.english
    for start, end, codes in matcher.find(folded):
        if any(a < end and start < b for a, b in taken):
            continue
        written = text[start:end]
        if folded[start:end] in ambiguous_words() and not written[:1].isupper():
            continue
        found.append((start, codes[0]))
    kinds = ("state", "bloc", "group")
    codes = [c for _, c in sorted(found) if getattr(lex.parties.get(c), "kind", "") in kinds]
    return list(dict.fromkeys(codes))


def _stored_series(store: Store, folded: str) -> str | None:
    """The longest series name of the store that the question writes out."""
    names = [
        str(r[0])
        for r in store.query("SELECT DISTINCT series FROM events WHERE series IS NOT NULL")
    ]
    hits = [n for n in names if re.search(rf"(?<!\w){re.escape(fold(n))}(?!\w)", folded)]
    return max(hits, key=len) if hits else None


def _series(folded: str, codes: list[str], folded_lex: FoldedLexicons, lex: Lexicons) -> str | None:
    for _, _, suffixes in folded_lex.triggers.find(folded):
        named = cues.series_name(codes, suffixes[0], lex)
        if named:
            return named
    for _, _, names in folded_lex.series.find(folded):
        return str(names[0])
    return None


def _edition(folded: str) -> int | None:
    from diplonews.lexicons import NUMBER_WORDS

    match = _EDITION.search(folded)
    if not match:
        return None
    word = match.group(1) or match.group(2)
    if word.isdigit():
        return int(word)
    return {fold(k): v for k, v in NUMBER_WORDS.items()}.get(word)


def _period(folded: str) -> tuple[str | None, str | None]:
    if match := _RANGE.search(folded):
        return match.group(1), match.group(2)
    if match := _SINCE.search(folded):
        return match.group(1), None
    years = _YEAR_ONLY.findall(folded)
    if years:
        return years[0], years[0]
    return None, None


def _people(store: Store, text: str) -> list[int]:
    """People named in the question: the longest runs of words that are a stored name."""
    words = re.findall(r"[\w-]+", text)
    found: list[int] = []
    taken: set[int] = set()
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            if taken & set(range(start, start + size)):
                continue
            phrase = " ".join(words[start : start + size])
            rows = store.query(
                "SELECT id FROM people WHERE loose_key = ? ORDER BY id LIMIT 3",
                (loose_key(phrase),),
            )
            if rows:
                found += [int(r[0]) for r in rows]
                taken |= set(range(start, start + size))
    return list(dict.fromkeys(found))


# --- answering -----------------------------------------------------------------------


def ask(store: Store, text: str, lexicons: Lexicons | None = None) -> Answer:
    """Answer a question from the record, with its evidence."""
    question = read(store, text, lexicons)
    say = sentences()[question.lang]
    handler = HANDLERS.get(question.intent or "", _about_events)
    if not (question.parties or question.series or question.person_ids):
        if question.intent in ("who_is", "whom_met"):
            return Answer(say["not_found"], found=False)  # a name the record does not hold
        return Answer(say["no_question"], found=False)
    if question.intent == "planned" and (question.series or question.edition):
        handler = _about_events  # "when is the X meeting planned": that meeting's date
    return handler(store, question, say)


def _label(event: StoredEvent) -> str:
    name = event.name or event.series or event.kind
    if event.series and event.edition and str(event.edition) not in name:
        name = f"{name} ({event.edition})"
    return name


def _fact(event: StoredEvent) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "name": event.name,
        "series": event.series,
        "edition": event.edition,
        "date": event.date,
        "status": event.status,
        "format": event.format,
        "location": event.location,
        "parties": event.parties,
        "participants": [p.to_dict() for p in event.participants],
        "outcomes": event.outcomes,
    }


def _evidence(events: Iterable[StoredEvent], limit: int = 10) -> list[dict[str, Any]]:
    found = []
    for event in events:
        for source in event.sources:
            if source.evidence:
                found.append(
                    {
                        "article": source.doc_id,
                        "article_id": source.article_id,
                        "event_id": event.id,
                        "sentence": source.evidence,
                    }
                )
    return found[:limit]


def _names(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "—"


def _matching(store: Store, q: Question, *, relax: int = 0, **extra: Any) -> list[StoredEvent]:
    """Events the question's slots select; `relax` drops the period (1), then the
    edition and series (2) — for the closest facts."""
    if q.person_ids:
        person_events = [
            e for pid in q.person_ids for e in api.events_by_id(store, _event_ids(store, pid))
        ]
        found = {e.id: e for e in person_events}
        events = sorted(found.values(), key=lambda e: e.date or "", reverse=True)
        if q.parties:
            events = [e for e in events if set(q.parties) <= set(e.parties)] or events
    else:
        series = q.series if relax < 2 else None
        events = api.events(
            store,
            parties=q.parties if not series else (),
            series=series,
            year_from=q.date_from if relax < 1 else None,
            year_to=q.date_to if relax < 1 else None,
            limit=200,
            **extra,
        )
    if relax < 1 and q.person_ids and (q.date_from or q.date_to):
        events = [e for e in events if e.date and _in_period(e.date, q)]
    if q.edition is not None and relax < 2:
        events = [e for e in events if e.edition == q.edition]
    return events


def _event_ids(store: Store, person_id: int) -> list[int]:
    person = api.person(store, person_id)
    return person.event_ids if person else []


def _in_period(date: str, q: Question) -> bool:
    return (not q.date_from or date >= q.date_from) and (
        not q.date_to or date[: len(q.date_to)] <= q.date_to
    )


def _not_found(store: Store, q: Question, say: dict[str, str]) -> Answer:
    closest: list[StoredEvent] = []
    for relax in (1, 2):
        closest = _matching(store, q, relax=relax)
        if closest:
            break
    closest = closest[:3]
    answer = say["not_found"] + (" " + say["closest"] if closest else "")
    return Answer(answer, [_fact(e) for e in closest], _evidence(closest, 3), found=False)


def _about_events(store: Store, q: Question, say: dict[str, str]) -> Answer:
    """who chaired / attended; when, where, online; what was adopted."""
    events = _matching(store, q)[:MAX_EVENTS]
    if not events:
        return _not_found(store, q, say)
    lines = []
    for event in events:
        label = _label(event)
        chairs = [p.name for p in event.participants if p.role == "chair"]
        people = [p.name for p in event.participants]
        if q.intent == "chair":
            key = "chair" if chairs else "chair_none"
            lines.append(say[key].format(event=label, people=_names(chairs or people)))
        elif q.intent == "attend":
            lines.append(say["attend"].format(event=label, people=_names(people)))
        elif q.intent == "where":
            key = "where" if event.location else "where_unknown"
            lines.append(say[key].format(event=label, place=event.location))
        elif q.intent == "online":
            place = f" ({event.location})" if event.location else ""
            key = {"online": "online", "in_person": "in_person"}.get(
                event.format or "", "format_unknown"
            )
            lines.append(say[key].format(event=label, place=place))
        elif q.intent == "outcomes":
            key = "outcomes" if event.outcomes else "outcomes_none"
            lines.append(say[key].format(event=label, outcomes="; ".join(event.outcomes)))
        else:  # when, and any question about an event
            key = "when_planned" if event.status == "planned" else "when"
            lines.append(say[key].format(event=label, date=event.date or "?"))
            if event.location and q.intent != "when":
                lines[-1] += " " + say["where"].format(event=label, place=event.location)
    if q.intent in ("chair", "attend") and not any(e.participants for e in events):
        return _not_found(store, q, say)  # the events are known, who took part is not
    # What the record does not hold (no chair named, no document) is said, not guessed:
    # the events are then the closest facts.
    unknown = (
        q.intent == "chair" and not any(p.role == "chair" for e in events for p in e.participants)
    ) or (q.intent == "outcomes" and not any(e.outcomes for e in events))
    return Answer(" ".join(lines), [_fact(e) for e in events], _evidence(events), found=not unknown)


def _two_sides(q: Question) -> tuple[str, str] | None:
    if len(q.parties) >= 2:
        return q.parties[0], q.parties[1]
    return None


def _between(store: Store, q: Question, **extra: Any) -> list[StoredEvent]:
    """Events of the question's two sides (parties, or people) in its period."""
    if q.person_ids:
        status = extra.get("status")
        return [e for e in _matching(store, q) if status is None or e.status == status]
    return api.events(
        store,
        parties=q.parties[:2],
        series=q.series,
        year_from=q.date_from,
        year_to=q.date_to,
        limit=500,
        **extra,
    )


def _level(event: StoredEvent, levels: dict[str, str]) -> str:
    found = {LEVELS.get(levels.get(p.title or "", ""), "") for p in event.participants}
    for level in ("summit", "ministerial", "vice_ministerial", "ambassador"):
        if level in found:
            return level
    series = (event.series or "").lower()
    if "summit" in series or "leaders" in series:
        return "summit"
    if "ministers" in series:
        return "ministerial"
    return "official" if event.participants else "unknown"


def _last(store: Store, q: Question, say: dict[str, str]) -> Answer:
    events = [e for e in _between(store, q, status="held") if e.date]
    if q.person_ids and len(q.person_ids) >= 2:
        events = [e for e in events if set(q.person_ids) <= {p.person_id for p in e.participants}]
    if not events:
        return _not_found(store, q, say)
    event = max(events, key=lambda e: (e.date or "", e.id))
    level = _level(event, folded_lexicons(load()).levels)
    a, b = _sides(store, q)
    text = say["last"].format(
        a=a, b=b, event=_label(event), date=event.date, level=say[f"level_{level}"]
    )
    return Answer(text, [{**_fact(event), "level": level}], _evidence([event]))


def _sides(store: Store, q: Question) -> tuple[str, str]:
    lex = load()
    names = [lex.parties[c].short_en if c in lex.parties else c for c in q.parties]
    names += [p.name for pid in q.person_ids if (p := api.person(store, pid)) is not None]
    names += ["?", "?"]
    return names[0], names[1]


def _period_words(q: Question, say: dict[str, str]) -> str:
    if q.date_from and q.date_to and q.date_from == q.date_to:
        return " " + say["period_year"].format(year=q.date_from)
    if q.date_from or q.date_to:
        return " " + say["period_from_to"].format(start=q.date_from or "…", end=q.date_to or "…")
    return ""


def _list(store: Store, q: Question, say: dict[str, str]) -> Answer:
    events = [e for e in _between(store, q) if e.status == "held"]
    if not events:
        return _not_found(store, q, say)
    a, b = _sides(store, q)
    key = "count" if q.intent == "count" else "list"
    text = say[key].format(a=a, b=b, period=_period_words(q, say), count=len(events))
    if key == "list":
        shown = events[:MAX_EVENTS]
        text += " " + "; ".join(f"{e.date or '?'} {_label(e)}" for e in shown) + "."
    return Answer(text, [_fact(e) for e in events[:MAX_EVENTS]], _evidence(events[:MAX_EVENTS]))


def _planned(store: Store, q: Question, say: dict[str, str]) -> Answer:
    """Planned meetings still ahead (or undated); when none is, the latest announced
    ones as the closest facts."""
    a, b = _sides(store, q)
    today = date.today().isoformat()
    planned = sorted(
        _between(store, q, status="planned"), key=lambda e: (e.date is None, e.date or "")
    )
    ahead = [e for e in planned if e.date is None or e.date >= today[: len(e.date)]]
    if not ahead:
        closest = planned[-3:]
        text = say["planned_none"].format(a=a, b=b)
        if closest:
            text += " " + say["closest"]
        return Answer(text, [_fact(e) for e in closest], _evidence(closest, 3), found=False)
    listed = "; ".join(f"{_label(e)} ({e.date or '?'})" for e in ahead[:MAX_EVENTS])
    text = say["planned"].format(a=a, b=b, events=listed)
    return Answer(text, [_fact(e) for e in ahead[:MAX_EVENTS]], _evidence(ahead[:MAX_EVENTS]))


def _figures(store: Store, q: Question, say: dict[str, str]) -> Answer:
    lex = load()
    groups = []
    for code in q.parties[:2]:
        party = lex.parties.get(code)
        groups.append([w for w in {code, party.short_en, party.name_en} if w] if party else [code])
    topic = q.topic or "trade"
    groups.append(
        ["trade", "export", "import"] if topic == "trade" else ["investment", "fdi", "invest"]
    )
    found = queries.figures(store, groups)
    if q.date_from:
        found = [f for f in found if f.year is None or _in_period(str(f.year), q)] or found
    if not found:
        return _not_found(store, q, say)
    a, b = _sides(store, q)
    text = say["figures"].format(a=a, b=b, topic=say[f"topic_{topic}"])
    shown = [
        f"{f.what}: {f.value:,.0f} {f.unit}" + (f" ({f.year})" if f.year else "")
        for f in found[:10]
    ]
    evidence = [
        {"article": f.doc_id, "article_id": f.article_id, "sentence": f.evidence}
        for f in found[:10]
        if f.evidence
    ]
    return Answer(text + " " + "; ".join(shown) + ".", [f.to_dict() for f in found[:10]], evidence)


def _who_is(store: Store, q: Question, say: dict[str, str]) -> Answer:
    if not q.person_ids:
        return _not_found(store, q, say)
    person = api.person(store, q.person_ids[0])
    if person is None:
        return _not_found(store, q, say)
    titles = "; ".join(
        f"{t.title} ({t.first_seen or '?'}–{t.last_seen or '?'})" for t in person.titles
    )
    events = api.events_by_id(store, person.event_ids)
    if q.intent == "whom_met":
        met = api.met_with(store, person.id, 20)
        text = say["whom_met"].format(
            name=person.name, people=_names([f"{n} ({k})" for _, n, k in met])
        )
        facts = [{"person_id": i, "name": n, "events": k} for i, n, k in met]
    else:
        text = say["who_is"].format(name=person.name, country=person.country or "?", titles=titles)
        facts = [person.to_dict()]
    return Answer(text, facts + [_fact(e) for e in events[:MAX_EVENTS]], _evidence(events))


def _proposed(store: Store, q: Question, say: dict[str, str]) -> Answer:
    """Sentences of the articles on the question's events in which the party proposes;
    when its events hold none, those of its other events, as the closest facts."""
    if not q.parties:
        return _not_found(store, q, say)
    lex = load()
    code = q.parties[0]
    for relax in (0, 1, 2):
        events = _matching(store, q, relax=relax)[:MAX_EVENTS]
        found = _proposals(store, events, code)
        if found:
            break
    if not found:
        return _not_found(store, q, say)
    name = lex.parties[code].short_en if code in lex.parties else code
    text = say["proposed"].format(party=name, count=len(found))
    text += " " + " ".join(f"“{f['sentence']}”" for f in found[:3])
    if relax:
        text = say["not_found"] + " " + say["closest"] + " " + text
    return Answer(text, [_fact(e) for e in events], found[:10], found=relax == 0)


def _proposals(store: Store, events: list[StoredEvent], code: str) -> list[dict[str, Any]]:
    """Sentences where `code` proposes: the nearest party named before the verb is it
    ("Thứ trưởng Ngoại giao Hàn Quốc đề xuất …"), or the proposal is its ("những đề
    xuất của Hàn Quốc")."""
    lex = load()
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for event in events:
        for source in event.sources:
            article = api.article(store, source.article_id)
            if article is None:
                continue
            for sentence in re.split(r"(?<=[.!?])\s+|\n", article.body):
                sentence = sentence.strip()
                if sentence in seen or not _proposes(sentence, code, lex):
                    continue
                seen.add(sentence)
                found.append(
                    {
                        "article": source.doc_id,
                        "article_id": source.article_id,
                        "event_id": event.id,
                        "sentence": sentence,
                    }
                )
    return found


def _proposes(sentence: str, code: str, lex: Lexicons) -> bool:
    named = [(start, end, codes[0]) for start, end, codes in lex.party_names.find(sentence)]
    for verb in PROPOSAL.finditer(sentence):
        before = [c for s, _, c in named if verb.start() - 100 <= s < verb.start()]
        if before and before[-1] == code:
            return True
        after = [c for s, _, c in named if verb.end() <= s <= verb.end() + 8]
        if after and after[0] == code and " của " in sentence[verb.end() : verb.end() + 8]:
            return True
    return False


HANDLERS = {
    "chair": _about_events,
    "attend": _about_events,
    "when": _about_events,
    "where": _about_events,
    "online": _about_events,
    "outcomes": _about_events,
    "proposed": _proposed,
    "last": _last,
    "count": _list,
    "list": _list,
    "figures": _figures,
    "who_is": _who_is,
    "whom_met": _who_is,
    "planned": _planned,
}
