"""Questions in Vietnamese (with or without diacritics) or English, answered from the
stored record with the evidence sentences behind the answer.

No language model: `questions.parse` turns a question into an intent and slots; every
slot the question states (people, counterpart, parties, series, edition, period, kind,
place) constrains the events the answer is built from (`select`). The answer is
composed from the record's fields in the question's language (`qa/wording.py`,
`lexicons/answers.tsv`). When nothing in the record fits every slot, the answer says
so ("no phone call of Tô Lâm is recorded in 2021") and gives the closest facts as
facts, never as the answer: it never guesses.
"""

from __future__ import annotations

import re
from datetime import date

from diplonews.extract.lexicons import Lexicons, load
from diplonews.kb.models import StoredEvent
from diplonews.kb.store import Store
from diplonews.qa import facts as more
from diplonews.qa.core import (
    MAX_EVENTS,
    Answer,
    around,
    asked,
    curated,
    filters,
    found_answer,
    hosting,
    named_city,
    named_destination,
    named_events,
    narrowed,
    none_recorded,
    place,
    prefer_planned,
    reported_with,
    select,
    similar_series,
    visit_date,
    visit_place,
)
from diplonews.qa.questions import Question, parse
from diplonews.qa.stated_days import latest_years, stated_day
from diplonews.qa.wording import Words, sentences

__all__ = ["Answer", "ask", "select", "sentences"]

# A question that asks who did it, not what someone did ("Ai thăm …", "Which leaders …")
_ASKS_WHO = re.compile(r"(?:ai|who|which|what|nhung|cac|lanh dao nao|nuoc nao)\b")
EVENT_INTENTS = ("chair", "attend", "when", "where", "online", "outcomes", "happened")
_ASKS_COUNTRY = re.compile(r"\b(?:nuoc nao|ben nao|quoc gia nao|which countr\w*|what countr\w*)\b")
UPCOMING = re.compile(r"\b(?:sap toi|sap dien ra|se dien ra|tiep theo|upcoming|next|coming)\b")


def ask(store: Store, text: str, lexicons: Lexicons | None = None) -> Answer:
    """Answer a question from the record, with its evidence; names are read with
    `lexicons` (None: the shipped set), the same set for the question and the answer."""
    lex = lexicons or load()
    question = parse(store, text, lex)
    words = Words(question.lang, lex)
    if question.unknown_names:  # someone the record does not hold: never left out
        text = words("unknown_names", names=words.join(question.unknown_names))
        return Answer(text, found=False)
    if question.intent in EVENT_INTENTS and not (
        question.parties or question.series or question.person_ids
    ):
        named = named_events(store, question, lex)
        if named:
            return curated(_render_events(store, question, words, named), question.lang)
    placed = question.location is not None and question.intent is not None
    if question.intent == "planned" and not (
        question.parties or question.series or question.person_ids or placed
    ):
        return _planned(store, question, words)  # "What meetings are planned?"
    if question.intent == "figures" and question.topic and not question.person_ids:
        return more.figures(store, question, words)  # a topic is slot enough: Vietnam's own
    if not (question.parties or question.series or question.person_ids or placed):
        if question.intent in ("who_is", "whom_met", "met", "visit", "envoys"):
            return Answer(words("not_found"), found=False)  # a name the record does not hold
        return Answer(words("no_question"), found=False)
    handler = HANDLERS.get(question.intent or "", _events)
    if question.intent in ("met", "whom_met") and not question.people:
        asks_who = bool(_ASKS_WHO.match(question.folded))  # "Ai thăm Việt Nam năm 2023?"
        if question.kind == "visit" and (len(question.parties) >= 2 or asks_who):
            return _visits(store, question, words)
        if len(question.parties) >= 2 or question.series or _ASKS_COUNTRY.search(question.folded):
            return _met(store, question, words)  # "ai gặp ai giữa Việt Nam và Lào"
        return Answer(words("not_found"), found=False)  # whom did someone the record lacks meet
    if question.intent in ("list", "count", "planned") and question.kind == "visit":
        handler = handler if question.intent == "count" else _visits  # planned ones first
    return curated(handler(store, question, words), question.lang)


# --- answers about events ------------------------------------------------------------


def _events(store: Store, q: Question, w: Words) -> Answer:
    """Who chaired / attended; when, where, online; what was adopted or agreed."""
    kinds = ("call",) if q.kind == "call" else None
    events = select(store, q, w.lex, kinds=kinds) or similar_series(store, q, w.lex)
    if not events and q.intent == "outcomes" and len(q.people) >= 2:
        said = more.agreed_by_all(store, q, w)  # the record misses one side, a sentence not
        if said is not None:
            return said
    if not events and (undated := _undated_fits(store, q, w, kinds)):
        # "Who co-chaired the Joint Committee in 2015?" over an article that gives no
        # year: the edition that fits every other slot, said to lack the asked period
        answer = _render_events(store, q, w, narrowed(prefer_planned(undated, q), q))
        lead = w("undated_fit", period=w.period(q.date_from, q.date_to))
        answer.answer = f"{lead} {answer.answer}"
        return answer
    if not events:
        return none_recorded(store, q, w, q.kind or "event", kinds=kinds)
    return _render_events(store, q, w, narrowed(prefer_planned(events, q), q))


def _undated_fits(
    store: Store, q: Question, w: Words, kinds: tuple[str, ...] | None
) -> list[StoredEvent]:
    """Events that fit every slot but the period, whose record gives no date (the
    article wrote no year): they may be the ones asked for, the record cannot tell.
    A day the report does state must still fall in the asked month, and the latest
    year its article names in the asked period; an article naming no year is kept only
    when none fits so."""
    if not (q.date_from or q.date_to):
        return []
    fits, unknown = [], []  # an article naming a year of the period; naming none
    # the months asked: by name, or by a period of one month
    one_month = q.date_from[5:7] if q.date_from and q.date_from == q.date_to else ""
    months = {int(m) for m in (q.month, one_month) if m}
    for event in select(store, q, w.lex, kinds=kinds, relax=1):
        if event.date:
            continue
        day = stated_day(event)
        if day and months and any(day.month != m for m in months):
            continue
        latest = latest_years(store, event)
        if not latest:
            unknown.append(event)
        elif any(
            (not q.date_from or year >= int(q.date_from[:4]))
            and (not q.date_to or year <= int(q.date_to[:4]))
            for year in latest
        ):
            fits.append(event)
    return fits or unknown


def _render_events(store: Store, q: Question, w: Words, events: list[StoredEvent]) -> Answer:
    events = events[:MAX_EVENTS]
    lines = []
    for event in events:
        title, date = w.event(event), w.event_date(event)
        chairs = [w.person(p) for p in event.participants if p.role == "chair"]
        people = [w.person(p) for p in event.participants]
        if q.intent == "chair":
            key = "chair" if chairs else "chair_none"
            if not chairs and _one_per_side(event):  # a bilateral meeting: each side's head
                key = "chair_sides"
            lines.append(w(key, event=title, date=date, people=w.join(chairs or people)))
        elif q.intent == "attend":
            key = "attend" if people else "attend_none"
            lines.append(w(key, event=title, date=date, people=w.join(people)))
        elif q.intent == "where":
            city = event.location
            if not city and event.kind == "visit":
                city = visit_place(store, event, w.lex)
            city = city or named_city(event, w.lex)
            where = w.place(city) if city else ""
            if not city and event.kind == "visit":  # no city: the state it goes to
                where = w.join([w.country(c) for c in _hosts(event)])
            elif not city and (goes_to := named_destination(event, w.lex)):
                where = w.country(goes_to)
            key = "where" if where else "where_unknown"
            if where and event.status == "planned":
                key = "where_planned"
            lines.append(w(key, event=title, place=where, date=date))
        elif q.intent == "online":
            key = {"online": "online", "in_person": "in_person"}.get(
                event.format or "", "format_unknown"
            )
            lines.append(w(key, event=title, date=date, place=place(w, event, title)))
        elif q.intent == "outcomes":
            return more.outcomes(store, q, w, events)
        elif q.intent == "happened":  # what took place: the event and who took part
            key = "happened" if people else "happened_nobody"
            where = place(w, event, title)
            lines.append(w(key, event=title, date=date, place=where, people=w.join(people)))
        else:  # when, and any question about an event
            key = "when_planned" if event.status == "planned" else "when"
            # not "on a date the record does not give"; days stated without a year are a date
            key += "" if event.date or stated_day(event) else "_undated"
            lines.append(w(key, event=title, date=date, place=place(w, event, title)))
    answer = found_answer([line[:1].upper() + line[1:] for line in lines], events)
    if q.intent == "chair" and not any(
        p.role == "chair" or _one_per_side(e) for e in events for p in e.participants
    ):
        answer.found = False  # the events are known, who chaired them is not
    if q.intent == "attend" and not any(e.participants for e in events):
        answer.found = False
    return answer


def _one_per_side(event: StoredEvent) -> bool:
    """A meeting of two parties whose record names one official of each: who led
    each side, when the record says nobody chaired."""
    countries = [p.country for p in event.participants]
    return (
        event.kind == "meeting"
        and len(event.parties) == 2
        and len(countries) == 2
        and set(countries) == set(event.parties)
    )


def _met(store: Store, q: Question, w: Words) -> Answer:
    """Who met, called or received whom: the counterparts of the asked people in the
    events that fit every slot (a visit counts its hosts and the meetings held during it)."""
    kinds = ("call",) if q.kind == "call" else None
    events = around(store, q, w.lex, kinds)  # met on the sidelines of a named meeting
    events += [e for e in select(store, q, w.lex, kinds=kinds) if e not in events]
    events = prefer_planned(events, q)
    if not events:
        return none_recorded(store, q, w, "call" if q.kind == "call" else "meeting", kinds=kinds)
    own = {p.country for e in events for p in e.participants if asked(q, p) and p.country}
    if not q.people and q.parties:  # "who met whom between Vietnam and Laos": the first side
        own = {q.parties[0]}
    wanted = [c for c in q.parties if c not in own]
    asks_country = bool(_ASKS_COUNTRY.search(q.folded))
    lines, shown = [], []
    for event in events[:MAX_EVENTS]:
        others = [p for p in event.participants if not asked(q, p)]
        if not others and len(q.people) >= 2:  # "who received X's call on Y": Y, named
            others = [p for p in event.participants if p.person_id not in q.people[0]]
        if not q.people:
            others = [p for p in others if p.country not in own]
        if wanted and any(p.country in wanted for p in others):
            others = [p for p in others if p.country in wanted]
        people = [w.person(p) for p in others]
        if asks_country:  # "which countries did X meet": the other sides' states
            sides = [c for c in event.parties if c not in own and c not in q.parties[:1]]
            people = [w.country(c) for c in sides] if not q.people else people
        if not people:  # a counterpart the article does not name: their country
            home = {p.country for p in event.participants} | own
            people = [w("someone_of", country=w.country(c)) for c in event.parties if c not in home]
        if not people:
            continue
        mine = [p for p in event.participants if asked(q, p) and p not in others]
        who = w.join([w.name(p.name) for p in mine]) or w.join(q.names[:1])
        if not q.people:
            who = w.join([w.name(p.name) for p in event.participants if p.country in own])
            who = who if who != "—" else w.join([w.country(c) for c in sorted(own)])
        key = "met_planned" if event.status == "planned" else "met"
        title = w.event(event)
        lines.append(
            w(
                key,
                who=who,
                event=title,
                date=w.event_date(event),
                place=place(w, event, title),
                people=w.join(people),
            )
        )
        shown.append(event)
    if not shown:
        return none_recorded(store, q, w, "meeting", kinds=kinds)
    return found_answer(lines, shown)


def _visits(store: Store, q: Question, w: Words) -> Answer:
    """When and where the asked people visited the countries the question names."""
    events = around(store, q, w.lex, ("visit",)) or select(store, q, w.lex, kinds=("visit",))
    visitors = [e for e in events if any(asked(q, p) and p.role != "chair" for p in e.participants)]
    events = prefer_planned(visitors or events, q)
    if q.destination:  # "thăm Angola": visits that go there, not visits from there
        events = [e for e in events if q.destination in _hosts(e)]
    if not events:
        return none_recorded(store, q, w, "visit", kinds=("visit",))
    lines = []
    for event in events[:MAX_EVENTS]:
        guests = [p for p in event.participants if p.role != "chair"]
        if not guests:  # the record marks every participant as host: the destination's guests
            guests = [p for p in event.participants if p.country != q.destination]
        who = w.join(
            [w.name(p.name) for p in guests if asked(q, p)] or [w.name(p.name) for p in guests]
        )
        home = {p.country for p in guests if p.country}
        hosts = [c for c in event.parties if c not in home] or event.parties
        key = "visit_planned" if event.status == "planned" else "visit"
        city = event.location or visit_place(store, event, w.lex)
        where = f" ({w.place(city)})" if city else ""
        day = event.date or visit_date(store, event)
        lines.append(
            w(
                key,
                who=who or w.join(q.names),
                where=w.join([w.country(c) for c in hosts]),
                date=w.date(day) if day else w.event_date(event),
                place=where,
            )
        )
    return found_answer(lines, events)


def _hosts(event: StoredEvent) -> list[str]:
    """The parties a visit goes to: its parties other than its visitors' countries."""
    guests = [p for p in event.participants if p.role != "chair"]
    home = {p.country for p in guests if p.country}
    return [c for c in event.parties if c not in home] or event.parties


def _list(store: Store, q: Question, w: Words) -> Answer:
    """How many, or which, events fit every slot. A list also names the events the
    record holds as announced, marked so; a count counts the held ones."""
    kinds: tuple[str, ...] = (q.kind,) if q.kind else ("meeting", "visit", "call")
    if q.kind == "trip":  # "trips abroad": visits and meetings away from home
        kinds = ("visit", "meeting")
    what = {"call": "call", "visit": "visit", "trip": "trip"}.get(q.kind or "", "meeting")
    fitting = select(store, q, w.lex, kinds=kinds)
    if q.kind == "trip":
        fitting = _trips([e for e in fitting if _abroad(e, q, w.lex)], w.lex)
    events = [e for e in fitting if e.status == "held"]
    if q.intent == "list":
        held = {(e.series, (e.date or "")[:7]) for e in events if e.series}
        events += [
            e
            for e in fitting
            if e.status == "planned"
            and (not e.series or (e.series, (e.date or "")[:7]) not in held)
        ]
        events.sort(key=lambda e: (e.date or "", e.id), reverse=True)
    if not events:
        return none_recorded(store, q, w, what, kinds=kinds)
    count = w.count(len(events), what)
    if q.intent == "count":
        text = w("count", count=count, filters=filters(store, q, w))
    else:
        text = w("list", count=count, filters=filters(store, q, w))
        items = [
            w(
                "list_item_planned" if e.status == "planned" else "list_item",
                event=w.event(e),
                date=w.event_date(e),
                place=place(w, e, w.event(e)),
            )
            for e in events
        ]
        text += " " + "; ".join(items[:MAX_EVENTS]) + "."
    return found_answer([text], events)


def _trips(events: list[StoredEvent], lex: Lexicons) -> list[StoredEvent]:
    """One entry per trip: a meeting held in a state the person visits that month is
    part of the visit ("talks with Lula" during the visit to Brazil)."""
    visited = {(c, (e.date or "")[:7]) for e in events if e.kind == "visit" for c in _hosts(e)}
    return [
        e
        for e in events
        if e.kind == "visit" or not any((c, (e.date or "")[:7]) in visited for c in hosting(e, lex))
    ]


def _abroad(event: StoredEvent, q: Question, lex: Lexicons) -> bool:
    """The event takes the asked person away from home: a visit they make, or a
    meeting held in another state's city."""
    own = {p.country for p in event.participants if asked(q, p) and p.country}
    if not own:
        return False
    if event.kind == "visit":
        guest = any(asked(q, p) and p.role != "chair" for p in event.participants)
        return guest and not own & set(_hosts(event))
    held_in = hosting(event, lex)
    return bool(held_in) and not own & held_in


def _planned(store: Store, q: Question, w: Words) -> Answer:
    """Meetings and visits announced as planned that fit every slot; when the record
    has since seen them held, the held ones."""
    unslotted = not (q.parties or q.series or q.person_ids or q.location)
    events = select(store, q, w.lex, status="planned", limit=100 if unslotted else 500)
    if not events and q.kind == "meeting" and (q.series or q.people):
        # "Which upcoming meetings did the ASEAN SOM prepare for?": the record holds the
        # named meeting as held; the planned meetings its articles report
        anchors = [e for e in select(store, q, w.lex) if e.status == "held"]
        events = [e for e in reported_with(store, anchors) if e.status == "planned"]
        events.sort(key=lambda e: (e.date or "", e.id))
        if events:  # upcoming as seen from the named meeting, not from today
            items = [
                w("planned_item", event=w.event(e), date=w.event_date(e), place=place(w, e))
                for e in events[:MAX_EVENTS]
            ]
            anchor = anchors[0]
            text = w(
                "prepared",
                event=w.event(anchor),
                date=w.event_date(anchor),
                place=place(w, anchor),
                events="; ".join(items),
            )
            return found_answer([text[:1].upper() + text[1:]], events + anchors[:1])
    if not events and (q.series or len(q.people) >= 2 or q.edition):
        return _events(store, q, w)
    if UPCOMING.search(q.folded):  # "sắp tới", "next": on or after today
        return _ahead(store, q, w, events)
    if not events:
        return none_recorded(store, q, w, "planned")
    items = [
        w("planned_item", event=w.event(e), date=w.event_date(e), place=place(w, e))
        for e in events[:MAX_EVENTS]
    ]
    return found_answer(
        [w("planned", filters=filters(store, q, w), events="; ".join(items))], events
    )


def _ahead(store: Store, q: Question, w: Words, events: list[StoredEvent]) -> Answer:
    """Planned events dated on or after today; those announced without a date are
    listed apart, as announced when their article was published, never as upcoming."""
    today = date.today().isoformat()
    ahead = [e for e in events if e.date and e.date >= today[: len(e.date)]]
    undated = [e for e in events if not e.date]
    if not ahead and not undated:
        return none_recorded(store, q, w, "planned_ahead", status="planned")
    lines = []
    if ahead:
        items = [
            w("planned_item", event=w.event(e), date=w.event_date(e), place=place(w, e))
            for e in ahead[:MAX_EVENTS]
        ]
        lines.append(w("planned", filters=filters(store, q, w), events="; ".join(items)))
    else:
        lines.append(w("none_ahead", filters=filters(store, q, w)))
    if undated:
        items = [_announced(w, e) for e in undated[: MAX_EVENTS - len(ahead[:MAX_EVENTS])]]
        lines.append(w("announced", events="; ".join(items)))
    return found_answer(lines, ahead + undated)


def _announced(w: Words, event: StoredEvent) -> str:
    """An event announced without a date, with when it was announced: the publication
    of its first article, when the record has it."""
    published = sorted(s.published for s in event.sources if s.published)
    if not published:
        return w("announced_undated", event=w.event(event), place=place(w, event))
    when = w.bare_date(published[0][:7])
    return w("announced_item", event=w.event(event), published=when, place=place(w, event))


HANDLERS = {
    "chair": _events,
    "attend": _events,
    "when": _events,
    "where": _events,
    "online": _events,
    "outcomes": _events,
    "happened": _events,
    "met": _met,
    "visit": _visits,
    "envoys": more.envoys,
    "planned": _planned,
    "count": _list,
    "list": _list,
    "figures": more.figures,
    "who_is": more.who_is,
    "whom_met": more.who_is,
    "proposed": more.proposed,
    "last": more.last,
}
