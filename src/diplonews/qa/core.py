"""What every answer is built on: the `Answer`, the events that fit every slot of a
question (`select`), the facts and evidence sentences kept with an answer, and the
"none recorded" answer that says which slots the record cannot fill."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from diplonews.extract.lexicons import Lexicons
from diplonews.kb import browse
from diplonews.kb.models import StoredEvent, StoredParticipant
from diplonews.kb.store import Store, queries
from diplonews.qa.questions import Question
from diplonews.qa.wording import Words
from diplonews.text import fold

MAX_EVENTS = 20  # events listed in one answer


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


CORRECTED_NOTE = {
    "vi": "(Câu trả lời dựa trên dữ kiện đã được biên tập viên sửa: {which}.)",
    "en": "(This answer rests on facts an editor corrected: {which}.)",
}


def curated(answer: Answer, lang: str) -> Answer:
    """Say when an answer rests on a fact an editor corrected (`kb.corrections`)."""
    which = [
        f"#{f['event_id']} {', '.join(f['corrected'])}" for f in answer.facts if f.get("corrected")
    ]
    if which and answer.found:
        note = CORRECTED_NOTE["vi" if lang == "vi" else "en"]
        answer.answer = f"{answer.answer} {note.format(which='; '.join(which))}"
    return answer


# --- selecting events: every slot of the question is a filter ----------------------


def select(
    store: Store,
    q: Question,
    lex: Lexicons,
    *,
    kinds: Iterable[str] | None = None,
    status: str | None = None,
    relax: int = 0,
    limit: int = 500,
) -> list[StoredEvent]:
    """Events that fit every slot of the question, newest first (of the `limit` newest
    the store gives for the question's parties, series and period). `relax` 1 drops the
    period, 2 the place and the counterparts too: the closest facts, never the answer.
    A state counts as a party of an event of a bloc it belongs to ("Việt Nam" and an
    ASEAN meeting)."""
    if q.people:
        groups = q.people if relax < 2 else q.people[:1]
        ids: set[int] | None = None
        for group in groups:
            held = queries.events_of_people(store, group)
            ids = held if ids is None else ids & held
        events = queries.events_by_id(store, sorted(ids or ()))
    else:
        bounded = relax < 1 and q.date_from is not None
        wanted_kinds = sorted(set(kinds)) if kinds else []
        key = (
            tuple(() if q.series else outer_parties(q.parties, lex)),
            q.series,
            q.date_from[:4] if bounded and q.date_from else None,
            q.date_to[:4] if bounded and q.date_to else None,
            status,
            wanted_kinds[0] if len(wanted_kinds) == 1 else None,
            limit,
        )
        if key not in q.cache:  # one read per filter set, however often an answer asks
            q.cache[key] = browse.events(
                store,
                parties=key[0],
                series=key[1],
                year_from=key[2],
                year_to=key[3],
                status=key[4],
                kind=key[5],
                limit=limit,
                lexicons=lex,
            )
        events = q.cache[key]
    wanted = set(kinds) if kinds else None
    kept = []
    for event in events:
        if event.status == "rejected":  # an editor said it is not a diplomatic event
            continue
        if wanted and event.kind not in wanted:
            continue
        if status and event.status != status:
            continue
        if q.series and event.series != q.series:
            continue
        if q.edition is not None and event.edition != q.edition:
            continue
        if (
            q.parties
            and not q.series
            and relax < 2
            and not set(q.parties) <= with_members(event.parties, lex) | hosting(event, lex)
        ):
            continue
        if relax < 2 and set(q.reference) & set(event.parties):  # "sau Cuba": elsewhere
            continue
        if relax < 1 and (q.date_from or q.date_to) and not in_period(event.date, q):
            continue
        if relax < 1 and q.month and (event.date or "")[5:7] not in (q.month, ""):
            continue
        if relax < 2 and q.location and not _at(event, q):
            continue
        kept.append(event)
    kept.sort(key=lambda e: (e.date or "", e.verified, e.id), reverse=True)  # verified first
    return kept


def prefer_planned(events: list[StoredEvent], q: Question) -> list[StoredEvent]:
    """A question about what is planned is answered from the planned events when the
    record holds any that fit."""
    if not q.planned:
        return events
    planned = [e for e in events if e.status == "planned"]
    return planned or events


def with_members(parties: Iterable[str], lex: Lexicons) -> set[str]:
    """An event's parties with the member states of its blocs and groups."""
    found = set(parties)
    for code in list(found):
        party = lex.parties.get(code)
        if party is not None and party.kind in ("bloc", "group"):
            found |= set(party.members)
    return found


def hosting(event: StoredEvent, lex: Lexicons) -> set[str]:
    """The state of the city an event is placed in: a visit to Hanoi is a visit to
    Vietnam even when the record lists only the visitor's side as a party. A call has
    no place of its own (SCHEMA)."""
    if not event.location or event.kind == "call":
        return set()
    country = lex.derive("qa.city_countries", _city_countries).get(event.location)
    return {country} if country else set()


def _city_countries(lex: Lexicons) -> dict[str, str]:
    """City (English name) → its country, from the places lexicon."""
    found: dict[str, str] = {}
    for _, payloads, _ in lex.places.automaton.values():
        for city in payloads:
            if city.country:
                found.setdefault(city.name_en, city.country)
    return found


def outer_parties(parties: list[str], lex: Lexicons) -> list[str]:
    """The parties without the states that belong to a bloc the question also names:
    what an event must list itself."""
    inside: set[str] = set()
    for code in parties:
        party = lex.parties.get(code)
        if party is not None and party.kind in ("bloc", "group"):
            inside |= set(party.members) - {code}
    return [p for p in parties if p not in inside]


_GENERIC_LINES = (  # words that name no particular meeting
    "hoi nghi cap cao cuoc hop cac nhung lan thu gap dam dien ra o dau tai ngay nao",
    "khi va voi cua thuong dinh dac biet ky nam thang trong the of and a an in at on to",
    "summit meeting talks dialogue did was were held where when who which what",
)
_GENERIC = frozenset(word for line in _GENERIC_LINES for word in line.split())


def narrowed(events: list[StoredEvent], q: Question) -> list[StoredEvent]:
    """Of several events, those whose name as the article writes it shares three words
    in a row with the question ("Cuộc họp các quan chức cấp cao ASEAN"), when any
    does: the question names the meeting, not only its parties."""
    if len(events) < 2:
        return events
    words = q.folded.lower().replace("đ", "d").split()
    phrases = {
        " ".join(words[i : i + 3])
        for i in range(len(words) - 2)
        if not set(words[i : i + 3]) <= _GENERIC  # "hoi nghi cap cao" names no meeting
    }
    if not phrases:
        return events
    named = [
        e
        for e in events
        if any(p in " ".join(fold(e.name or "").lower().replace("đ", "d").split()) for p in phrases)
    ]
    return named or events


def around(
    store: Store, q: Question, lex: Lexicons, kinds: Iterable[str] | None = None
) -> list[StoredEvent]:
    """Events of the asked people held around a meeting of the series the question
    names ("on the sidelines of the BRICS summit", "for the 12th strategic dialogue"):
    reported by the same article, or in the same city in the same month. The series
    places the question; it is not the kind of event asked about."""
    if not (q.series or q.edition is not None) or not q.people:
        return []
    anchors = [e for e in select(store, q, lex) if e.kind != "visit"]
    anchors = anchors or similar_series(store, q, lex)
    loose = Question(q.text, q.folded, q.lang, q.intent)
    loose.people, loose.parties, loose.location = q.people, q.parties, q.location
    loose.location_country, loose.location_text = q.location_country, q.location_text
    loose.date_from, loose.date_to, loose.month = q.date_from, q.date_to, q.month
    if not anchors:  # the record holds no meeting of the series to stand beside
        return _among_series_parties(store, loose, lex, kinds)
    articles = {s.article_id for a in anchors for s in a.sources}
    places = {(a.location, (a.date or "")[:7]) for a in anchors if a.location and a.date}
    anchor_ids = {a.id for a in anchors}
    return [
        e
        for e in select(store, loose, lex, kinds=kinds)
        if e.id not in anchor_ids
        and (
            articles & {s.article_id for s in e.sources}
            or (e.location, (e.date or "")[:7]) in places
        )
    ]


def _among_series_parties(
    store: Store, loose: Question, lex: Lexicons, kinds: Iterable[str] | None
) -> list[StoredEvent]:
    """When the record holds no meeting of the series a question names as its setting
    ("hội đàm riêng với ai khi dự Hội nghị cấp cao Mê Công - Nhật Bản"), the asked
    people's events among the series' own parties: those whose parties are every party
    of the question, a group standing for all its members; or two or more of them, told
    by an article that names every party of the question (the talks held beside it)."""
    wanted = list(loose.parties)
    if not wanted:
        return []
    loose.parties = []
    within = with_members(wanted, lex)
    found = []
    for event in select(store, loose, lex, kinds=kinds):
        held = set(event.parties)
        if all(code in held or _all_members(code, held, lex) for code in wanted) or (
            len(held) >= 2 and held <= within and _told_beside(store, event, wanted, lex)
        ):
            found.append(event)
    return found


def _told_beside(store: Store, event: StoredEvent, wanted: list[str], lex: Lexicons) -> bool:
    """Whether an article reporting the event names every party the question asks for."""
    ids = sorted({s.article_id for s in event.sources})
    for article in queries.articles_by_id(store, ids):
        named = {payloads[0] for _, _, payloads in lex.party_names.find(article.body)}
        if set(wanted) <= named:
            return True
    return False


def _all_members(code: str, held: set[str], lex: Lexicons) -> bool:
    members = with_members([code], lex) - {code}
    return bool(members) and members <= held


def in_period(date: str | None, q: Question) -> bool:
    """The event's date falls in the question's period, compared at the coarser of the
    two precisions ("2025-08" is in "2025-08-06", and "2025-08-06" in "2025")."""
    if not date:
        return False
    if q.date_from:
        n = min(len(date), len(q.date_from))
        if date[:n] < q.date_from[:n]:
            return False
    if q.date_to:
        n = min(len(date), len(q.date_to))
        if date[:n] > q.date_to[:n]:
            return False
    return True


def _at(event: StoredEvent, q: Question) -> bool:
    """The event is in the question's city: its location, or, when the record gives
    none, a meeting or visit in the city's country, or evidence that names the city."""
    if event.location == q.location:
        return True
    if event.location is not None:
        return False
    if q.location_country in event.parties and event.kind != "call":
        return True
    named = fold(q.location_text or q.location or "").lower()
    return any(named and named in fold(s.evidence or "").lower() for s in event.sources)


def fact(event: StoredEvent) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "kind": event.kind,
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
        "verified": event.verified,
        "corrected": event.corrected,
    }


def evidence(events: Iterable[StoredEvent], limit: int = 10) -> list[dict[str, Any]]:
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


def found_answer(lines: list[str], events: list[StoredEvent]) -> Answer:
    shown = events[:MAX_EVENTS]
    return Answer(" ".join(lines), [fact(e) for e in shown], evidence(shown))


def none_recorded(
    store: Store,
    q: Question,
    w: Words,
    what: str,
    *,
    kinds: Iterable[str] | None = None,
    status: str | None = None,
) -> Answer:
    """ "No phone call of X with Y is recorded in 2021", with the closest facts."""
    text = w("none_recorded", what=w(f"what_{what}"), filters=filters(store, q, w))
    closest: list[StoredEvent] = []
    for relax in (0, 1, 2) if status else (1, 2):
        closest = select(store, q, w.lex, kinds=kinds, status=status, relax=relax)[:3]
        if closest:
            break
    if closest:
        text += " " + w("closest")
    return Answer(text, [fact(e) for e in closest], evidence(closest, 3), found=False)


def filters(store: Store, q: Question, w: Words) -> str:
    """The question's slots in words: ' of X with Y in Seoul in 2021'."""
    parts = []
    names = q.names[:]
    own = set()
    if names:
        parts.append(w("filter_of", who=names[0]))
        own = {c for pid in q.people[0] if (c := _country(store, pid))}
        if len(names) > 1:
            parts.append(w("filter_with", who=w.join(names[1:])))
    if q.series:
        parts.append(w("filter_series", series=w.series(q.series)))
    others = w.join([w.country(c) for c in q.parties if c not in own])
    if q.parties and not q.series and others != "—":
        if names:
            parts.append(w("filter_with", who=others))
        elif len(q.parties) == 1:  # "no figure of Vietnam", not "between Vietnam"
            parts.append(w("filter_of", who=others))
        else:
            parts.append(w("filter_between", sides=others))
    if q.location:
        parts.append(w("filter_in", place=w.place(q.location)))
    return "".join(" " + part for part in parts) + w.period(q.date_from, q.date_to)


def _country(store: Store, person_id: int) -> str | None:
    person = queries.person(store, person_id)
    return person.country if person else None


def asked(q: Question, participant: StoredParticipant) -> bool:
    return any(participant.person_id in group for group in q.people)


def place(w: Words, event: StoredEvent, title: str = "") -> str:
    """' in Hanoi', or nothing when the record does not place the event or its
    composed `title` already says where."""
    if not event.location or (title and w.place(event.location) in title):
        return ""
    return " " + w("at_place", place=w.place(event.location))


def similar_series(store: Store, q: Question, lex: Lexicons) -> list[StoredEvent]:
    """When the record holds no event of the series the question names ("ASEAN-Korea
    Special Summit"), the events of its parties whose series ends the same way ("…
    Commemorative Summit"), under every other slot: the name differs, not the meeting."""
    if not q.series:
        return []
    head, tail = q.series.split()[0], q.series.split()[-1]
    parties = q.parties
    loose = Question(q.text, q.folded, q.lang, q.intent)
    loose.edition, loose.date_from, loose.date_to = q.edition, q.date_from, q.date_to
    loose.people, loose.location, loose.location_country = q.people, q.location, q.location_country
    loose.month = q.month
    return [
        e
        for e in select(store, loose, lex)
        if e.series
        and e.series.split()[-1] == tail
        and (
            e.series.split("-")[0].split()[0] == head.split("-")[0]
            and set(parties) <= set(e.parties)  # every party the question names
        )
    ]


def during(store: Store, visit: StoredEvent) -> list[StoredEvent]:
    """The other events the visit's articles report with one of its visitors: the
    welcome, the talks, the calls on leaders."""
    visitors = sorted({p.person_id for p in visit.participants if p.person_id is not None})
    articles = sorted({s.article_id for s in visit.sources})
    if not visitors or not articles:
        return []
    marks = ",".join("?" * len(articles))
    reported = {
        int(r[0])
        for r in store.query(
            f"SELECT DISTINCT event_id FROM mentions WHERE article_id IN ({marks})",
            tuple(articles),
        )
    }
    ids = (reported & queries.events_of_people(store, visitors)) - {visit.id}
    return queries.events_by_id(store, sorted(ids))


def reported_with(store: Store, anchors: list[StoredEvent]) -> list[StoredEvent]:
    """The other events the anchors' articles report: what a meeting prepared for, the
    talks of a visit."""
    articles = sorted({s.article_id for a in anchors for s in a.sources})
    if not articles:
        return []
    marks = ",".join("?" * len(articles))
    rows = store.query(
        f"SELECT DISTINCT event_id FROM mentions WHERE article_id IN ({marks})", tuple(articles)
    )
    ids = {int(r[0]) for r in rows} - {a.id for a in anchors}
    return queries.events_by_id(store, sorted(ids))


def visit_date(store: Store, visit: StoredEvent) -> str | None:
    """A visit the record does not date takes the earliest date of the events held
    during it."""
    dates = [e.date for e in during(store, visit) if e.date and e.kind != "visit"]
    return min(dates) if dates else None


def visit_place(store: Store, visit: StoredEvent, lex: Lexicons | None = None) -> str | None:
    """A visit the record does not place takes the city of the events held during it,
    or the city of one of its parties that its own evidence sentence names."""
    places = [e.location for e in during(store, visit) if e.location and e.kind != "call"]
    if places:
        return places[0]
    return named_city(visit, lex) if lex is not None else None


def named_city(event: StoredEvent, lex: Lexicons) -> str | None:
    """The city of one of the event's parties that the sentence reporting it names
    ("… lễ đón chính thức … tại Phủ Tổng thống ở thủ đô New Delhi"), for an event the
    record does not place (never a call)."""
    if event.kind == "call":
        return None
    for source in event.sources:
        sentence = source.evidence or ""
        for start, _, cities in lex.places.find(sentence):
            if cities[0].country in event.parties and not LEFT_FROM.search(sentence, 0, start):
                return str(cities[0].name_en)
    return None


# "đã rời Hà Nội, lên đường sang Campuchia", "từ Bắc Kinh trở về": where a traveller sets
# out from or comes back to is not where the event is.
LEFT_FROM = re.compile(r"\b(?:rời(?: khỏi)?|từ|trở về|quay về)\s+(?:thủ đô\s+)?$", re.IGNORECASE)
# "lên đường sang Campuchia tham dự Hội nghị …": the state a delegation goes to for the
# gathering the sentence reports.
GOES_TO = re.compile(r"\b(?:sang|tới|đến)\s+$", re.IGNORECASE)


def named_destination(event: StoredEvent, lex: Lexicons) -> str | None:
    """The party state the sentence reporting an unplaced event sends its delegation to
    ("lên đường sang Campuchia tham dự Hội nghị cấp cao …"), as a code."""
    if event.kind == "call":
        return None
    for source in event.sources:
        sentence = source.evidence or ""
        for start, _, codes in lex.party_names.find(sentence):
            if codes[0] in event.parties and GOES_TO.search(sentence, 0, start):
                return str(codes[0])
    return None


def named_events(store: Store, q: Question, lex: Lexicons) -> list[StoredEvent]:
    """Events whose name, as the article writes it, shares three words in a row with
    a question that names a kind of meeting ("Hội nghị cấp cao tây bán cầu"): a
    meeting no lexicon names."""
    if not lex.triggers.find(q.text):
        return []
    hits = queries.search(store, q.text, limit=10, kinds=("event",))
    words = q.folded.split()
    phrases = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    ids = [h.id for h in hits if any(p in " ".join(fold(h.label).lower().split()) for p in phrases)]
    return [e for e in queries.events_by_id(store, ids) if relaxed_fit(e, q)]


def relaxed_fit(event: StoredEvent, q: Question) -> bool:
    """The event fits the question's period, place and edition."""
    return (
        (not (q.date_from or q.date_to) or in_period(event.date, q))
        and (not q.location or _at(event, q))
        and (q.edition is None or event.edition == q.edition)
    )
