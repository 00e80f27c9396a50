"""Bounded work per article: a very long body is read in pieces.

The stages after `meta` relate every mention of a document to the others (people to
earlier people, event reports to earlier events), which costs more than linear time
in the number of mentions. A news article has tens of them; a page of megabytes
(a saved archive, a hostile upload) has tens of thousands, and its extraction would
take minutes. So a body longer than `WINDOW` is cut at line breaks into pieces of at
most `WINDOW` characters, each piece goes through those stages as a document of its
own, and the pieces' results are joined: evidence offsets are moved back into the
whole body, people of the same name become one, identical facts are kept once. Time
is then linear in the length of the text. Events and people are not joined across
pieces; the article's warnings say so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from diplonews.extract import clean, meta
from diplonews.extract.doc import Doc
from diplonews.extract.lexicons import Lexicons

# Characters of body read as one document: 2.6 times the longest article of the 20,000
# of ../shared/corpus/vntc_subset.jsonl (76,262 characters), so a real article is read
# whole. Lines are at most `clean.MAX_LINE` long, so every piece holds whole lines.
WINDOW = 200_000

Stage = Callable[[Doc, Lexicons], None]
WHOLE_TEXT = (clean.run, meta.run)  # stages that read the text line by line, in linear time


def run(doc: Doc, lex: Lexicons, stages: Sequence[Stage]) -> None:
    """Run `stages` over `doc`, the body in pieces when it is longer than `WINDOW`."""
    later: list[Stage] = []
    for stage in stages:
        if stage in WHOLE_TEXT and not later:
            stage(doc, lex)
        else:
            later.append(stage)
    if len(doc.body) <= WINDOW:
        for stage in later:
            stage(doc, lex)
        return
    found = pieces(doc.body)
    for offset, text in found:
        part = _part(doc, text)
        for stage in later:
            stage(part, lex)
        _join(doc, part, offset)
    doc.warnings.append(
        f"body of {len(doc.body):,} characters read in {len(found)} pieces of at most "
        f"{WINDOW:,}: events and people are not joined across pieces"
    )


def pieces(body: str) -> list[tuple[int, str]]:
    """(offset, text) of consecutive runs of whole lines of at most `WINDOW` characters
    (a longer line, which `clean` does not leave, is cut where it must be)."""
    found: list[tuple[int, str]] = []
    start = 0
    while start < len(body):
        end = min(start + WINDOW, len(body))
        if end < len(body):
            cut = body.rfind("\n", start, end)
            end = cut if cut > start else end
        found.append((start, body[start:end]))
        start = end + 1 if end < len(body) and body[end] == "\n" else end
    return found


def _part(doc: Doc, text: str) -> Doc:
    """A piece of `doc`'s body as a document of its own, with what clean and meta found."""
    part = Doc(doc_id=doc.doc_id, raw=text, published_hint=doc.published_hint, url=doc.url)
    part.body = text
    part.sentences = clean.split_sentences(text)
    part.asides = list(doc.asides)
    part.record.title = doc.record.title
    part.record.published = doc.record.published
    part.record.credits = list(doc.record.credits)
    part.record.body_end = doc.record.body_end
    return part


def _join(doc: Doc, part: Doc, offset: int) -> None:
    """Add what the stages found in a piece to the whole document."""
    record = doc.record
    if doc.anchor_year is None:
        doc.anchor_year = part.anchor_year
    for event in part.record.events:
        if event.evidence_span is not None:
            start, end = event.evidence_span
            event.evidence_span = (start + offset, end + offset)
        record.events.append(event)
    people = {person.name: person for person in record.people}
    for person in part.record.people:
        known = people.get(person.name)
        if known is None:
            people[person.name] = person
            record.people.append(person)
            continue
        known.country = known.country or person.country
        known.titles.extend(t for t in person.titles if t not in known.titles)
    seen_figures = {repr(f.to_dict()) for f in record.figures}
    for figure in part.record.figures:
        if repr(figure.to_dict()) not in seen_figures:
            seen_figures.add(repr(figure.to_dict()))
            record.figures.append(figure)
    seen_steps = {repr(m.to_dict()) for m in doc.milestones}
    for milestone in part.milestones:
        if repr(milestone.to_dict()) not in seen_steps:
            seen_steps.add(repr(milestone.to_dict()))
            doc.milestones.append(milestone)
    doc.warnings.extend(w for w in part.warnings if w not in doc.warnings)
