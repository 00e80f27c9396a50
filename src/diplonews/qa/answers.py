"""Questions in Vietnamese (with or without diacritics) or English, answered from the
stored record with the evidence sentences behind the answer.

No language model: `questions.parse` turns a question into an intent and slots; the
slots become a query of `diplonews.api`; the answer is a sentence
(`lexicons/answers.tsv`) over the structured facts it was built from. When the record
cannot answer, the answer says so and gives the closest facts it holds instead: it
never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from diplonews.extract.lexicons import Lexicons, load, read_rows
from diplonews.kb import browse
from diplonews.kb.models import StoredEvent
from diplonews.kb.store import Store, queries
from diplonews.qa.questions import Question, folded_lexicons, parse

MAX_EVENTS = 20  # events listed in one answer
PROPOSAL = re.compile(r"\b(?:đề xuất|đề nghị|kiến nghị)\b", re.IGNORECASE)
LEVELS = {  # title level (titles.tsv) → meeting level, highest first
    "head_of_state": "summit",
    "head_of_government": "summit",
    "minister": "ministerial",
    "vice_minister": "vice_ministerial",
    "ambassador": "ambassador",
}


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
def sentences() -> dict[str, dict[str, str]]:
    source = resources.files("diplonews.extract") / "lexicons" / "answers.tsv"
    table: dict[str, dict[str, str]] = {"vi": {}, "en": {}}
    for row in read_rows(source):
        table["vi"][row["key"]] = row["vi"]
        table["en"][row["key"]] = row["en"]
    return table


# --- answering -----------------------------------------------------------------------


def ask(store: Store, text: str, lexicons: Lexicons | None = None) -> Answer:
    """Answer a question from the record, with its evidence; names are read with
    `lexicons` (None: the shipped set), the same set for the question and the answer."""
    lex = lexicons or load()
    question = parse(store, text, lex)
    say = sentences()[question.lang]
    handler = HANDLERS.get(question.intent or "", _about_events)
    if not (question.parties or question.series or question.person_ids):
        if question.intent in ("who_is", "whom_met"):
            return Answer(say["not_found"], found=False)  # a name the record does not hold
        return Answer(say["no_question"], found=False)
    if question.intent == "planned" and (question.series or question.edition):
        handler = _about_events  # "when is the X meeting planned": that meeting's date
    return handler(store, question, say, lex)


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


def _matching(
    store: Store, q: Question, lex: Lexicons, *, relax: int = 0, **extra: Any
) -> list[StoredEvent]:
    """Events the question's slots select; `relax` drops the period (1), then the
    edition and series (2) — for the closest facts."""
    if q.person_ids:
        person_events = [
            e for pid in q.person_ids for e in queries.events_by_id(store, _event_ids(store, pid))
        ]
        found = {e.id: e for e in person_events}
        events = sorted(found.values(), key=lambda e: e.date or "", reverse=True)
        if q.parties:
            events = [e for e in events if set(q.parties) <= set(e.parties)] or events
    else:
        series = q.series if relax < 2 else None
        events = browse.events(
            store,
            parties=q.parties if not series else (),
            series=series,
            year_from=q.date_from if relax < 1 else None,
            year_to=q.date_to if relax < 1 else None,
            limit=200,
            lexicons=lex,
            **extra,
        )
    if relax < 1 and q.person_ids and (q.date_from or q.date_to):
        events = [e for e in events if e.date and _in_period(e.date, q)]
    if q.edition is not None and relax < 2:
        events = [e for e in events if e.edition == q.edition]
    return events


def _event_ids(store: Store, person_id: int) -> list[int]:
    person = queries.person(store, person_id)
    return person.event_ids if person else []


def _in_period(date: str, q: Question) -> bool:
    return (not q.date_from or date >= q.date_from) and (
        not q.date_to or date[: len(q.date_to)] <= q.date_to
    )


def _not_found(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
    closest: list[StoredEvent] = []
    for relax in (1, 2):
        closest = _matching(store, q, lex, relax=relax)
        if closest:
            break
    closest = closest[:3]
    answer = say["not_found"] + (" " + say["closest"] if closest else "")
    return Answer(answer, [_fact(e) for e in closest], _evidence(closest, 3), found=False)


def _about_events(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
    """who chaired / attended; when, where, online; what was adopted."""
    events = _matching(store, q, lex)[:MAX_EVENTS]
    if not events:
        return _not_found(store, q, say, lex)
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
        return _not_found(store, q, say, lex)  # the events are known, who took part is not
    # What the record does not hold (no chair named, no document) is said, not guessed:
    # the events are then the closest facts.
    unknown = (
        q.intent == "chair" and not any(p.role == "chair" for e in events for p in e.participants)
    ) or (q.intent == "outcomes" and not any(e.outcomes for e in events))
    return Answer(" ".join(lines), [_fact(e) for e in events], _evidence(events), found=not unknown)


def _between(store: Store, q: Question, lex: Lexicons, **extra: Any) -> list[StoredEvent]:
    """Events of the question's two sides (parties, or people) in its period."""
    if q.person_ids:
        status = extra.get("status")
        return [e for e in _matching(store, q, lex) if status is None or e.status == status]
    return browse.events(
        store,
        parties=q.parties[:2],
        series=q.series,
        year_from=q.date_from,
        year_to=q.date_to,
        limit=500,
        lexicons=lex,
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


def _last(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
    events = [e for e in _between(store, q, lex, status="held") if e.date]
    if q.person_ids and len(q.person_ids) >= 2:
        events = [e for e in events if set(q.person_ids) <= {p.person_id for p in e.participants}]
    if not events:
        return _not_found(store, q, say, lex)
    event = max(events, key=lambda e: (e.date or "", e.id))
    level = _level(event, folded_lexicons(lex).levels)
    a, b = _sides(store, q, lex)
    text = say["last"].format(
        a=a, b=b, event=_label(event), date=event.date, level=say[f"level_{level}"]
    )
    return Answer(text, [{**_fact(event), "level": level}], _evidence([event]))


def _sides(store: Store, q: Question, lex: Lexicons) -> tuple[str, str]:
    names = [lex.parties[c].short_en if c in lex.parties else c for c in q.parties]
    names += [p.name for pid in q.person_ids if (p := queries.person(store, pid)) is not None]
    names += ["?", "?"]
    return names[0], names[1]


def _period_words(q: Question, say: dict[str, str]) -> str:
    if q.date_from and q.date_to and q.date_from == q.date_to:
        return " " + say["period_year"].format(year=q.date_from)
    if q.date_from or q.date_to:
        return " " + say["period_from_to"].format(start=q.date_from or "…", end=q.date_to or "…")
    return ""


def _list(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
    events = [e for e in _between(store, q, lex) if e.status == "held"]
    if not events:
        return _not_found(store, q, say, lex)
    a, b = _sides(store, q, lex)
    key = "count" if q.intent == "count" else "list"
    text = say[key].format(a=a, b=b, period=_period_words(q, say), count=len(events))
    if key == "list":
        shown = events[:MAX_EVENTS]
        text += " " + "; ".join(f"{e.date or '?'} {_label(e)}" for e in shown) + "."
    return Answer(text, [_fact(e) for e in events[:MAX_EVENTS]], _evidence(events[:MAX_EVENTS]))


def _planned(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
    """Planned meetings still ahead (or undated); when none is, the latest announced
    ones as the closest facts."""
    a, b = _sides(store, q, lex)
    today = date.today().isoformat()
    planned = sorted(
        _between(store, q, lex, status="planned"), key=lambda e: (e.date is None, e.date or "")
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


def _figures(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
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
        return _not_found(store, q, say, lex)
    a, b = _sides(store, q, lex)
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


def _who_is(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
    if not q.person_ids:
        return _not_found(store, q, say, lex)
    person = queries.person(store, q.person_ids[0])
    if person is None:
        return _not_found(store, q, say, lex)
    titles = "; ".join(
        f"{t.title} ({t.first_seen or '?'}–{t.last_seen or '?'})" for t in person.titles
    )
    events = queries.events_by_id(store, person.event_ids)
    if q.intent == "whom_met":
        met = queries.met_with(store, person.id, 20)
        text = say["whom_met"].format(
            name=person.name, people=_names([f"{n} ({k})" for _, n, k in met])
        )
        facts = [{"person_id": i, "name": n, "events": k} for i, n, k in met]
    else:
        text = say["who_is"].format(name=person.name, country=person.country or "?", titles=titles)
        facts = [person.to_dict()]
    return Answer(text, facts + [_fact(e) for e in events[:MAX_EVENTS]], _evidence(events))


def _proposed(store: Store, q: Question, say: dict[str, str], lex: Lexicons) -> Answer:
    """Sentences of the articles on the question's events in which the party proposes;
    when its events hold none, those of its other events, as the closest facts."""
    if not q.parties:
        return _not_found(store, q, say, lex)
    code = q.parties[0]
    for relax in (0, 1, 2):
        events = _matching(store, q, lex, relax=relax)[:MAX_EVENTS]
        found = _proposals(store, events, code, lex)
        if found:
            break
    if not found:
        return _not_found(store, q, say, lex)
    name = lex.parties[code].short_en if code in lex.parties else code
    text = say["proposed"].format(party=name, count=len(found))
    text += " " + " ".join(f"“{f['sentence']}”" for f in found[:3])
    if relax:
        text = say["not_found"] + " " + say["closest"] + " " + text
    return Answer(text, [_fact(e) for e in events], found[:10], found=relax == 0)


def _proposals(
    store: Store, events: list[StoredEvent], code: str, lex: Lexicons
) -> list[dict[str, Any]]:
    """Sentences where `code` proposes: the nearest party named before the verb is it
    ("Thứ trưởng Ngoại giao Hàn Quốc đề xuất …"), or the proposal is its ("những đề
    xuất của Hàn Quốc")."""
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for event in events:
        for source in event.sources:
            article = queries.article(store, source.article_id)
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
