"""Answers built from more than an event's fields: envoys received, what was adopted
or agreed, figures, who an official is, what a party proposed, when two sides last met."""

from __future__ import annotations

import re
from typing import Any

from diplonews.extract import milestones
from diplonews.extract.events import outcomes as adoption
from diplonews.extract.lexicons import Lexicons
from diplonews.kb.models import StoredEvent, StoredFigure
from diplonews.kb.store import Store, queries
from diplonews.qa.core import (
    MAX_EVENTS,
    Answer,
    asked,
    evidence,
    fact,
    filters,
    found_answer,
    in_period,
    none_recorded,
    select,
)
from diplonews.qa.questions import Question, folded_lexicons
from diplonews.qa.wording import Words
from diplonews.text import fold

PROPOSAL = re.compile(r"\b(?:đề xuất|đề nghị|kiến nghị)\b", re.IGNORECASE)
AGREEMENT = re.compile(r"\b(?:nhất trí|thống nhất|thông qua|ký kết|thoả thuận|thỏa thuận)\b")
ADOPTION = re.compile(r"\b(?:thông qua|ký kết|ký|công bố)\b")
AGREED = r"\b(?:nhat tri|thong nhat|thoa thuan|cam ket|agree\w*)\b"  # folded question
FIRST = r"\b(?:first|lan dau|dau tien)\b"  # "when did they first meet" (folded question)
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")
GLUED = re.compile(r"(?<=[^\W\d_]{2}[.!?])(?=[^\W\d_])")  # "năm ngoái.Phát ngôn viên"
ENVOY = re.compile(r"ambassador|envoy|chargé", re.IGNORECASE)
LEVELS = {  # title level (titles.tsv) → meeting level, highest first
    "head_of_state": "summit",
    "head_of_government": "summit",
    "minister": "ministerial",
    "vice_minister": "vice_ministerial",
    "ambassador": "ambassador",
}
TOPICS = {
    "trade": ["trade", "export", "import"],
    "investment": ["invest", "fdi"],
    "visitors": ["visitor", "tourist"],
    "exports": ["export"],
    "workers": ["worker", "labour", "labor"],
    "students": ["student"],
}


# --- envoys --------------------------------------------------------------------------


def envoys(store: Store, q: Question, w: Words) -> Answer:
    """Ambassadors the asked official received: one line per reception day."""
    events = select(store, q, w.lex, kinds=("meeting",))
    lines, shown = [], []
    for event in events:
        guests = [p for p in event.participants if not asked(q, p) and p.role != "chair"]
        named = [p for p in guests if ENVOY.search(p.title or "")]
        if not named and "dai su" in fold(event.name or "").lower():
            named = guests
        hosts = [w.name(p.name) for p in event.participants if asked(q, p) or p.role == "chair"]
        listed = [w("envoy", country=w.country(p.country), name=w.name(p.name)) for p in named]
        if not named and not guests and _names_envoys(event):
            home = {p.country for p in event.participants}
            listed = [w("envoys_of", country=w.country(c)) for c in event.parties if c not in home]
        if not listed:
            continue
        host = w.join(hosts[:1] or q.names[:1])
        lines.append((event.date or "", host, listed, event))
        shown.append(event)
    if not shown:
        return _received(store, q, w, events)
    by_day: dict[tuple[str, str], list[str]] = {}
    for day, host, listed, _ in lines:
        by_day.setdefault((day, host), []).extend(listed)
    text = [
        w(
            "envoys",
            host=host,
            count=w.count(len(listed), "envoy"),
            envoys=w.join(listed),
            date=w.date(day or None),
        )
        for (day, host), listed in by_day.items()
    ]
    return found_answer(text, shown)


def _received(store: Store, q: Question, w: Words, events: list[StoredEvent]) -> Answer:
    """The asked person is the envoy ("To whom did Ambassador X present his
    credentials?"): who received them, when and where."""
    lines, shown = [], []
    for event in events:
        guests = [
            p
            for p in event.participants
            if asked(q, p) and p.role != "chair" and ENVOY.search(p.title or "")
        ]
        hosts = [p for p in event.participants if not asked(q, p)]
        if not guests or not hosts:
            continue
        key = "envoy_received_planned" if event.status == "planned" else "envoy_received"
        where = " " + w("at_place", place=w.place(event.location)) if event.location else ""
        lines.append(
            w(
                key,
                envoy=w.join([w.name(p.name) for p in guests]),
                hosts=w.join([w.person(p) for p in hosts]),
                date=w.event_date(event),
                place=where,
            )
        )
        shown.append(event)
    if not shown:
        return none_recorded(store, q, w, "envoy", kinds=("meeting",))
    return found_answer(lines, shown)


def _names_envoys(event: StoredEvent) -> bool:
    """The event's own words say it received ambassadors it does not name ("các Đại sứ
    từ 11 quốc gia thành viên ASEAN")."""
    said = " ".join([event.name or ""] + [s.evidence or "" for s in event.sources])
    return "dai su" in fold(said).lower()


# --- outcomes ------------------------------------------------------------------------


def outcomes(store: Store, q: Question, w: Words, events: list[StoredEvent]) -> Answer:
    """Documents adopted at the events; when the record names none, the sentences of
    their articles that report what the sides agreed (quoted in Vietnamese answers,
    given as evidence in English ones)."""
    adopted = [e for e in events if e.outcomes]
    if adopted:
        lines = []
        for e in adopted:
            names = _vietnamese_names(store, e, w) if w.lang == "vi" else {}
            lines.append(
                w(
                    "outcomes",
                    event=w.event(e),
                    date=w.event_date(e),
                    outcomes="; ".join(names.get(o) or _document(o, w) for o in e.outcomes),
                )
            )
        answer = found_answer(lines, adopted)
        if re.search(AGREED, q.folded):  # what they agreed: the sentence that says it too
            said = _agreed(store, q, w, adopted[:3], True)
            if said is not None and w.lang == "vi":
                answer.answer += " " + " ".join(f"“{s['sentence']}”" for s in said[2][:2])
            if said is not None:
                answer.evidence = said[2][:3] + answer.evidence
        return answer
    asks_agreed = bool(re.search(AGREED, q.folded))
    best = _agreed(store, q, w, events[:5], asks_agreed)
    if q.people and (best is None or not any(_names(best[2][0]["sentence"], n) for n in q.names)):
        # the articles on the asked people's other events may report it, in a sentence
        # that names them all
        ids = set().union(*(queries.events_of_people(store, group) for group in q.people))
        others = [e for e in queries.events_by_id(store, sorted(ids)[:20]) if e not in events]
        found = _agreed(store, q, w, others, asks_agreed)
        if found is not None and all(_names(found[2][0]["sentence"], n) for n in q.names):
            best = found
    if best is not None:
        _, event, agreed = best
        quoted = " ".join(f"“{s['sentence']}”" for s in agreed[:3])
        text = w("agreed", event=w.event(event), date=w.event_date(event), sentences=quoted)
        return Answer(text, [fact(event)], agreed[:5] + evidence([event], 3))
    answer = found_answer([w("outcomes_none", event=w.event(events[0]))], events[:3])
    answer.found = False
    return answer


def agreed_by_all(store: Store, q: Question, w: Words) -> Answer | None:
    """What the asked people agreed, when no event of the record lists them all: a
    sentence of an article on one of their events that reports an agreement and names
    every one of them ("Musharraf và Vajpayee nhất trí …"). The people still constrain
    the answer, through the sentence rather than the event's participants."""
    ids = set().union(*(queries.events_of_people(store, group) for group in q.people))
    asks_agreed = bool(re.search(AGREED, q.folded))
    best: tuple[int, StoredEvent, list[dict[str, Any]]] | None = None
    read: dict[int, bool] = {}  # article → it names every asked person
    for event in queries.events_by_id(store, sorted(ids)[-20:]):
        for source in event.sources[:2]:
            if source.article_id not in read:
                article = queries.article(store, source.article_id)
                body = article.body if article is not None else ""
                read[source.article_id] = all(_names(body, n) for n in q.names)
        if not any(read[s.article_id] for s in event.sources[:2]):
            continue  # no article of it names them all: no sentence can
        found = _agreed(store, q, w, [event], asks_agreed)
        if found is None:
            continue
        named = [s for s in found[2] if all(_names(s["sentence"], n) for n in q.names)]
        if named and (best is None or found[0] > best[0]):
            best = (found[0], event, named)
    if best is None:
        return None
    _, event, agreed = best
    quoted = " ".join(f"“{s['sentence']}”" for s in agreed[:3])
    text = w("agreed", event=w.event(event), date=w.event_date(event), sentences=quoted)
    return Answer(text, [fact(event)], agreed[:5] + evidence([event], 3))


def _names(sentence: str, name: str) -> bool:
    """The sentence names the person: the whole name, or for a foreign name its first
    or last word ("Koizumi", "Roh Moo-hyun")."""
    said = " " + " ".join(re.sub(r"[-‐]", " ", fold(sentence).lower()).split()) + " "
    words = re.sub(r"[-‐]", " ", fold(name).lower()).split()
    if f" {' '.join(words)} " in said:
        return True
    foreign = fold(name) == name.lower()
    return foreign and any(
        len(word) >= 4 and f" {word} " in said for word in words[:1] + words[-1:]
    )


def _agreed(
    store: Store, q: Question, w: Words, events: list[StoredEvent], asks_agreed: bool
) -> tuple[int, StoredEvent, list[dict[str, Any]]] | None:
    """Of the sentences of the events' articles that report an agreement (or, for what
    was adopted, a document adopted), those most about what the question names."""
    best: tuple[int, StoredEvent, list[dict[str, Any]]] | None = None
    for event in events:
        agreed = _sentences(store, event, AGREEMENT)
        if not asks_agreed:  # what was adopted: a sentence that adopts a kind of document
            agreed = [
                s
                for s in agreed
                if ADOPTION.search(s["sentence"]) and w.lex.documents.find(s["sentence"])
            ]
        if not agreed:
            continue
        agreed.sort(key=lambda s: -_overlap(s["sentence"], q))
        score = _overlap(agreed[0]["sentence"], q)
        if best is None or score > best[0]:
            best = (score, event, agreed)
    return best


def split_sentences(body: str) -> list[str]:
    """The body's sentences, also where a page glued one to the next without a space
    ("… năm ngoái.Phát ngôn viên …"): a full stop after a word and before a capital."""
    found = []
    for piece in SENTENCE.split(body):
        start = 0
        for match in GLUED.finditer(piece):
            if piece[match.start()].isupper():
                found.append(piece[start : match.start()])
                start = match.start()
        found.append(piece[start:])
    return found


def _overlap(sentence: str, q: Question) -> int:
    """Words of the question (three letters or more) that the sentence holds: which of
    the sentences that report an agreement is about what the question names."""
    said = set(fold(sentence).lower().replace("đ", "d").split())
    asked = {word for word in q.folded.lower().replace("đ", "d").split() if len(word) >= 3}
    asked |= {part for name in q.names for part in fold(name).lower().split()}
    return len(said & asked)


def _sentences(store: Store, event: StoredEvent, pattern: re.Pattern[str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for source in event.sources[:2]:
        article = queries.article(store, source.article_id)
        if article is None:
            continue
        for sentence in split_sentences(article.body):
            sentence = sentence.strip()
            if pattern.search(sentence) and sentence not in {f["sentence"] for f in found}:
                found.append(
                    {
                        "article": source.doc_id,
                        "article_id": source.article_id,
                        "event_id": event.id,
                        "sentence": sentence,
                    }
                )
    return found


def _vietnamese_names(store: Store, event: StoredEvent, w: Words) -> dict[str, str]:
    """The event's documents as its articles name them in Vietnamese, by the English
    name the record holds ("Joint Statement on …" → "Tuyên bố chung về …")."""
    found: dict[str, str] = {}
    for source in event.sources[:2]:
        article = queries.article(store, source.article_id)
        if article is not None:
            for english, said in adoption.adopted_in(article.body, w.lex):
                found.setdefault(english, said[:1].upper() + said[1:])
    return found


def _document(outcome: str, w: Words) -> str:
    """An adopted document in the answer's language. Extraction may keep the
    Vietnamese words after the document's kind ("Plan: hợp tác …"): an English answer
    says the name is Vietnamese, a Vietnamese one gives the kind its Vietnamese name
    ("Kế hoạch hợp tác …")."""
    head, sep, rest = outcome.partition(":")
    if not sep or fold(rest) == rest:
        return outcome
    if w.lang == "en":
        level = _level_set_up(rest)
        if level:  # "Tuyên bố chung về việc thiết lập quan hệ đối tác chiến lược toàn diện"
            return f"{head.strip()} on the {level}"
        return f"{head.strip()} (named in Vietnamese in the article)"
    kind = _vietnamese_kinds(w.lex).get(head.strip())
    return f"{kind} {rest.strip()}" if kind else outcome


SETTING_UP = re.compile(r"\b(?:thiết lập|xác lập|nâng cấp|nâng tầm)\b", re.IGNORECASE)


def _level_set_up(said: str) -> str | None:
    """'establishment of the Comprehensive Strategic Partnership': what a document's
    Vietnamese name says it sets up or raises the relationship to (milestones.tsv), the
    longest level named after the verb."""
    verb = SETTING_UP.search(said)
    if verb is None:
        return None
    hits = [h for h in milestones.levels().find(said) if h[0] >= verb.end()]
    if not hits:
        return None
    _, _, found = max(hits, key=lambda h: h[1] - h[0])
    what = "upgrade to" if verb.group().lower().startswith("nâng") else "establishment of"
    return f"{what} the {found[0].label}"


def _vietnamese_kinds(lex: Lexicons) -> dict[str, str]:
    """English kind of document → its shortest Vietnamese head noun, capitalised."""
    return lex.derive("qa.document_kinds", _build_vietnamese_kinds)


def _build_vietnamese_kinds(lex: Lexicons) -> dict[str, str]:
    found: dict[str, str] = {}
    for form, (_, payloads, _) in lex.documents.automaton.items():
        for kind in payloads:
            best = found.get(str(kind))
            if best is None or len(form) < len(best):
                found[str(kind)] = form[:1].upper() + form[1:]
    return found


# --- figures -------------------------------------------------------------------------

# "according to the ambassador in 2019", "theo Đại sứ năm 2019": the year is when the
# figure was reported (the article's), not the year the figure is of.
AS_REPORTED = re.compile(r"\baccording to\b|\btheo (?!doi\b|do\b|sau\b)")


def figures(store: Store, q: Question, w: Words) -> Answer:
    """Figures on the question's topic whose description, sentence or article names the
    question's parties, in its year when it names one."""
    topic = q.topic or "trade"
    found = queries.figures(store, [TOPICS[topic]])
    named = queries.article_parties(store, sorted({f.article_id for f in found}))
    found = [f for f in found if _about(f, q.parties, w.lex, named.get(f.article_id, set()))]
    if q.date_from:
        year = q.date_from[:4]
        reported = AS_REPORTED.search(q.folded) is not None
        found = [
            f
            for f in found
            if (f.year is not None and in_period(str(f.year), q))
            or (f.year is None and (year in (f.evidence or "") or (f.published or "")[:4] == year))
            or (reported and (f.published or "")[:4] == year)
        ]
    if not found:
        return none_recorded(store, q, w, "figure")
    sides = " " + w.join([w.country(c) for c in q.parties]) if q.parties else ""
    text = w("figures", topic=w(f"topic_{topic}"), sides=sides)
    items: dict[str, list[str]] = {}  # what (the sentence, in Vietnamese) → its values
    for f in found[:10]:
        what = f.what if w.lang == "en" else _clause(f)
        items.setdefault(what, []).append(f"{_value(f, w)}{f' ({f.year})' if f.year else ''}")
    shown = [w("figure_item", what=what, value=", ".join(v), year="") for what, v in items.items()]
    sentences = [
        {"article": f.doc_id, "article_id": f.article_id, "sentence": f.evidence}
        for f in found[:10]
        if f.evidence
    ]
    return Answer(text + " " + "; ".join(shown) + ".", [f.to_dict() for f in found[:10]], sentences)


def _clause(figure: StoredFigure) -> str:
    """A figure described in Vietnamese: its sentence, quoted (the record's description
    is English), up to 160 characters."""
    said = " ".join((figure.evidence or "").split())
    if not said:
        return figure.what
    return f"“{said[:157]}…”" if len(said) > 160 else f"“{said}”"


def _about(figure: StoredFigure, parties: list[str], lex: Lexicons, article: set[str]) -> bool:
    """The figure is about the question's parties: its sentence, its description or its
    article names them (Vietnam may go unnamed)."""
    if not parties:
        return True
    named = {c for _, _, codes in lex.party_names.find(figure.evidence or "") for c in codes}
    named |= {
        code
        for code in parties
        if (party := lex.parties.get(code))
        and any(n and n.lower() in figure.what.lower() for n in (party.short_en, party.name_en))
    }
    named |= article
    return set(parties) <= named | {"VNM"} and bool(set(parties) & named)


def _value(figure: StoredFigure, w: Words) -> str:
    value, unit = figure.value, figure.unit
    point = "," if w.lang == "vi" else "."  # "6,6%" in Vietnamese, "6.6%" in English
    if unit == "percent":
        return f"{value:g}%".replace(".", point)
    if unit == "times":
        return w("times", number=f"{value:g}".replace(".", point))
    if unit == "people":
        unit = w("people")
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            number = f"{value / size:.2f}".rstrip("0").rstrip(".")
            if w.lang == "vi":
                return f"{number.replace('.', ',')} {w(word)} {unit}"
            return f"{unit} {number} {w(word)}" if unit != "people" else f"{number} {w(word)}"
    number = f"{value:,.0f}"
    return number.replace(",", ".") + f" {unit}" if w.lang == "vi" else f"{number} {unit}"


# --- people --------------------------------------------------------------------------


def who_is(store: Store, q: Question, w: Words) -> Answer:
    if not q.person_ids:
        return Answer(w("not_found"), found=False)
    person = queries.person(store, q.person_ids[0])
    if person is None:
        return Answer(w("not_found"), found=False)
    titles = "; ".join(
        f"{w.title(t.title) or t.title}{w.seen(t.first_seen, t.last_seen)}" for t in person.titles
    )
    events = queries.events_by_id(store, person.event_ids)
    if q.intent == "whom_met":
        met = queries.met_with(store, person.id, 20)
        text = w("whom_met", name=person.name, people=w.join([f"{n} ({k})" for _, n, k in met]))
        found: list[dict[str, Any]] = [{"person_id": i, "name": n, "events": k} for i, n, k in met]
    else:
        text = w(
            "who_is", name=person.name, country=w.country(person.country) or "?", titles=titles
        )
        found = [person.to_dict()]
    said = evidence(events) or _naming(store, person.id, person.name)
    return Answer(text, found + [fact(e) for e in events[:MAX_EVENTS]], said)


def _naming(store: Store, person_id: int, name: str) -> list[dict[str, Any]]:
    """Sentences of the person's articles that name them: the evidence of who they are
    when they took part in no event that keeps a sentence."""
    rows = store.query(
        "SELECT DISTINCT article_id FROM person_mentions WHERE person_id = ? LIMIT 3",
        (person_id,),
    )
    found: list[dict[str, Any]] = []
    for article in queries.articles_by_id(store, [int(r[0]) for r in rows]):
        for sentence in split_sentences(article.body or ""):
            if _names(sentence, name) and len(found) < 3:
                found.append(
                    {
                        "article": article.doc_id,
                        "article_id": article.id,
                        "sentence": sentence.strip(),
                    }
                )
    return found


def proposed(store: Store, q: Question, w: Words) -> Answer:
    """Sentences of the articles on the question's events in which the party proposes."""
    if not q.parties:
        return Answer(w("not_found"), found=False)
    code = q.parties[0]
    events = select(store, q, w.lex)[:MAX_EVENTS]
    found = [
        s
        for e in events
        for s in _sentences(store, e, PROPOSAL)
        if _proposes(s["sentence"], code, w.lex)
    ]
    if not found:
        return none_recorded(store, q, w, "event")
    name = w.country(code)
    text = w("proposed", party=name, count=len(found))
    text += " " + " ".join(f"“{f['sentence']}”" for f in found[:3])
    return Answer(text, [fact(e) for e in events], found[:10])


def _proposes(sentence: str, code: str, lex: Lexicons) -> bool:
    """The nearest party named before the verb is it, or the proposal is its."""
    named = [(start, end, codes[0]) for start, end, codes in lex.party_names.find(sentence)]
    for verb in PROPOSAL.finditer(sentence):
        before = [c for s, _, c in named if verb.start() - 100 <= s < verb.start()]
        if before and before[-1] == code:
            return True
        after = [c for s, _, c in named if verb.end() <= s <= verb.end() + 8]
        if after and after[0] == code and " của " in sentence[verb.end() : verb.end() + 8]:
            return True
    return False


def last(store: Store, q: Question, w: Words) -> Answer:
    """When the sides last (or, asked so, first) met, and at what level. A single
    meeting the record holds without a date is still the answer (its date said to be
    missing); several undated ones cannot be ordered, so the closest facts are given."""
    held = [e for e in select(store, q, w.lex) if e.status == "held"]
    events = [e for e in held if e.date] or (held if len(held) == 1 else [])
    if not events:
        return none_recorded(store, q, w, "meeting")
    first = bool(re.search(FIRST, q.folded))
    event = min(events, key=lambda e: e.date or "") if first else events[0]
    level = _level(event, folded_lexicons(w.lex).levels)
    sides = q.names + [w.country(c) for c in q.parties]
    sides += [w.country(c) for c in event.parties if w.country(c) not in sides]
    sides += ["—", "—"]
    text = w(
        "first" if first else "last",
        a=sides[0],
        b=sides[1],
        event=w.event(event),
        date=w.event_date(event),
        level=w(f"level_{level}"),
    )
    return Answer(text, [{**fact(event), "level": level}], evidence([event]))


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


__all__ = ["envoys", "figures", "filters", "last", "outcomes", "proposed", "who_is"]
