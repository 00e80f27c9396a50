"""Records and scores as Rich renderables, for the CLI's human-readable output.

Works on the schema's plain dicts (what `Article.to_dict()` gives and the gold files
hold), so a gold record renders the same way as an extracted one. Every string
from an article goes in as `Text`, never as markup: articles contain brackets.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from diplonews.extract.lexicons import Lexicons
from diplonews.kb.titles import event_title, party_name


def _text(value: Any, style: str = "") -> Text:
    return Text("—" if value is None or value == "" else str(value), style=style)


def _joined(values: Iterable[Any] | None) -> Text:
    return _text(", ".join(str(v) for v in values or []) or None)


def _participant(person: dict[str, Any]) -> str:
    details = ", ".join(str(x) for x in (person.get("country"), person.get("title")) if x)
    label = f"{person.get('name')} ({details})" if details else str(person.get("name"))
    return f"{label} *" if person.get("role") == "chair" else label


def readable(value: Any) -> str:
    """A record's value for a reader: "in_person" → "in person"."""
    return str(value).replace("_", " ")


def _number(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return str(value)


def _events(
    events: list[dict[str, Any]],
    title: str = "Events (* chair)",
    lexicons: Lexicons | None = None,
    reported: bool = True,
) -> Table:
    """Events as the schema has them, each titled from its record ("25th ASEAN-Korea
    Summit"), with what it is, who took part and the article's own wording; stored
    events (with `id` and `sources`) get two more columns. Columns wrap at word
    boundaries: at 80 columns no word is cut."""
    stored = bool(events) and "id" in events[0]
    table = Table(box=box.SIMPLE_HEAD, expand=True, title=title, title_justify="left")
    if stored:
        table.add_column("id", justify="right", no_wrap=True, style="dim")
    table.add_column("date", no_wrap=True, min_width=7)
    table.add_column("event", ratio=3, min_width=22)
    table.add_column("participants", ratio=2, min_width=14)
    if stored:
        table.add_column("sources", justify="right", no_wrap=True)
    for event in events:
        name = Text(event_title(event, "en", lexicons), style="bold")
        what = [event.get("kind"), event.get("status")]
        what += [event.get("format"), event.get("location")]
        name.append("\n" + " · ".join(readable(x) for x in what if x), style="dim")
        if event.get("parties"):
            name.append("\n" + ", ".join(event["parties"]), style="dim")
        if reported and event.get("name"):
            name.append(f"\nreported as: {event['name']}", style="dim italic")
        cells = [
            _text(event.get("date")),
            name,
            _text("\n".join(_participant(p) for p in event.get("participants") or [])),
        ]
        if stored:  # the sources themselves: `diplonews event ID`
            cells = [_text(event["id"]), *cells, _text(len(event.get("sources") or []))]
        table.add_row(*cells)
    return table


def _people(people: list[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, title="People", title_justify="left")
    for column in ("name", "country", "titles"):
        table.add_column(column, min_width=len(column))
    for person in people:
        table.add_row(
            _text(person.get("name")), _text(person.get("country")), _joined(person.get("titles"))
        )
    return table


def _figures(figures: list[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, title="Figures", title_justify="left")
    table.add_column("what", ratio=3, min_width=12)
    table.add_column("value", justify="right", ratio=2)
    table.add_column("unit")
    table.add_column("year")
    for figure in figures:
        table.add_row(
            _text(figure.get("what")),
            _text(_number(figure.get("value"))),
            _text(figure.get("unit")),
            _text(figure.get("year")),
        )
    return table


def _milestones(milestones: list[dict[str, Any]]) -> Table:
    table = Table("when", "kind", "milestone", "parties", box=box.SIMPLE_HEAD, expand=True)
    table.title, table.title_justify = "Milestones", "left"
    for m in milestones:
        when = "–".join(str(x) for x in (m.get("start"), m.get("end")) if x) or None
        label = str(m.get("label") or "")
        if m.get("holder"):
            label += f" ({m['holder']})"
        table.add_row(_text(when), _text(m.get("kind")), _text(label), _joined(m.get("parties")))
    return table


def article(record: dict[str, Any], milestones: list[dict[str, Any]] | None = None) -> Panel:
    """One article record as a panel: headline facts, then events, people, figures and
    the milestones of relationships the article states."""
    head = Text()
    head.append(str(record.get("title") or "(no title)"), style="bold")
    head.append("\npublished ")
    head.append(str(record.get("published") or "—"), style="cyan")
    head.append("   credits ")
    head.append(", ".join(record.get("credits") or []) or "—", style="cyan")
    parts: list[RenderableType] = [head]
    for key, build in (("events", _events), ("people", _people), ("figures", _figures)):
        items = record.get(key) or []
        parts.append(build(items) if items else Text(f"no {key}", style="dim"))
    if milestones:
        parts.append(_milestones(milestones))
    return Panel(
        Group(*parts),
        title=Text(str(record.get("doc_id")), style="bold magenta"),
        title_align="left",
    )


def report(result: Any) -> Group:
    """An `evaluate.Report` as tables: per-set precision/recall/F1, then field accuracies."""
    sets = Table(title="Sets", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("field", "P", "R", "F1", "tp", "fp", "fn"):
        sets.add_column(column, justify="left" if column == "field" else "right")
    for name, prf in result.sets.items():
        sets.add_row(
            name,
            f"{prf.p:.3f}",
            f"{prf.r:.3f}",
            Text(f"{prf.f1:.3f}", style="bold"),
            str(prf.tp),
            str(prf.fp),
            str(prf.fn),
        )
    accuracies = Table(title="Accuracies", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("field", "accuracy", "right", "total"):
        accuracies.add_column(column, justify="left" if column == "field" else "right")
    for name, acc in result.accuracies.items():
        accuracies.add_row(
            name, Text(f"{acc.value:.3f}", style="bold"), str(acc.right), str(acc.total)
        )
    parts: list[RenderableType] = [sets, accuracies]
    if result.missing:
        parts.append(
            Text("missing from the predictions: " + ", ".join(result.missing), style="yellow")
        )
    parts.append(Text(result.headline()))
    return Group(*parts)


# --- the knowledge base ----------------------------------------------------------------


def stored_events(
    events: list[Any],
    title: str = "Events (* chair)",
    lexicons: Lexicons | None = None,
    reported: bool = False,
) -> Table:
    """Stored events; `reported`: with each one's wording in its first article."""
    return _events([e.to_dict() for e in events], title, lexicons, reported)


def stored_event(event: Any) -> Group:
    """One event with every source article and its evidence sentence."""
    sources = Table(box=box.SIMPLE_HEAD, expand=True, title="Sources", title_justify="left")
    sources.add_column("article", no_wrap=True)
    sources.add_column("published", no_wrap=True)
    sources.add_column("evidence", ratio=4, min_width=20)
    for source in event.sources:
        sources.add_row(_text(source.doc_id), _text(source.published), _text(source.evidence))
    outcomes = _text("; ".join(event.outcomes) or None)
    return Group(
        stored_events([event], title=f"Event {event.id}", reported=True),
        Text("Outcomes: ").append(outcomes),
        sources,
    )


def stored_people(people: list[Any]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, title="People", title_justify="left")
    table.add_column("id", justify="right", style="dim", no_wrap=True)
    table.add_column("name", min_width=12)
    table.add_column("country", no_wrap=True)
    table.add_column("titles (first – last reported)", ratio=3, min_width=16)
    table.add_column("events", justify="right", no_wrap=True)
    for person in people:
        titles = "\n".join(
            f"{t.title} ({t.first_seen or '?'} – {t.last_seen or '?'})" for t in person.titles
        )
        name = Text(person.name)
        if person.aliases:
            name.append("\n" + ", ".join(person.aliases), style="dim")
        table.add_row(
            _text(person.id),
            name,
            _text(person.country),
            _text(titles or None),
            _text(len(person.event_ids)),
        )
    return table


def person_details(
    people: list[Any], attended: dict[int, list[Any]], met: dict[int, list[tuple[int, str, int]]]
) -> Group:
    """Each person with titles over time, the events they attended and whom they met most."""
    parts: list[RenderableType] = [stored_people(people)]
    for person in people:
        parts.append(stored_events(attended.get(person.id, []), f"Events of {person.name}"))
        if met.get(person.id):
            others = ", ".join(f"{n} ({k})" for _, n, k in met[person.id])
            parts.append(Text("Met most: ", style="bold").append(Text(others, style="")))
    return Group(*parts)


def timeline(items: list[Any], a: str, b: str, lexicons: Lexicons | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, title=f"{a} – {b}", title_justify="left")
    for column in ("date", "what", "status"):
        table.add_column(column, no_wrap=True)
    table.add_column("", ratio=4, min_width=20)
    table.add_column("id", justify="right", style="dim", no_wrap=True)
    for item in items:
        if item.event is not None:
            e = item.event
            label = Text(event_title(e, "en", lexicons))
            people = ", ".join(p.name for p in e.participants)
            if people:
                label.append(f"\n{people}", style="dim")
            table.add_row(_text(item.date), _text(e.kind), _text(e.status), label, _text(e.id))
        else:
            m = item.milestone
            period = f"{m.start}–{m.end}" if m.end else (m.start or "")
            holder = f" ({party_name(m.holder, 'en', lexicons)})" if m.holder else ""
            label = Text(f"{m.label}{holder} {period}".strip(), style="bold")
            table.add_row(_text(item.date), _text("milestone"), _text(m.kind), label, _text(None))
    return table


def series(records: list[Any]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, title="Mechanisms", title_justify="left")
    table.add_column("series", min_width=16)
    table.add_column("editions (date, place)", ratio=3, min_width=20)
    for record in records:
        editions = "\n".join(
            " ".join(
                x
                for x in (
                    f"#{e.edition}" if e.edition else "",
                    e.date or "?",
                    e.location or "",
                    "(planned)" if e.status == "planned" else "",
                )
                if x
            )
            + f"  [{e.id}]"
            for e in record.events
        )
        table.add_row(_text(record.series), _text(editions or None))
    return table


def hits(found: list[Any], titles: dict[int, str] | None = None) -> Table:
    """Search hits; an event's hit is labelled with its title when `titles` has it."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, title="Search", title_justify="left")
    table.add_column("kind", no_wrap=True)
    table.add_column("id", justify="right", style="dim", no_wrap=True)
    table.add_column("", ratio=4, min_width=20)
    for hit in found:
        label = (titles or {}).get(hit.id) if hit.kind == "event" else None
        text = Text(label or hit.label, style="bold")
        text.append("\n")
        offset = len(text)
        text.append(hit.snippet.text)
        for start, end in hit.snippet.marks:
            text.stylize("reverse", offset + start, offset + end)
        table.add_row(_text(hit.kind), _text(hit.id), text)
    return table


def answer(result: Any) -> Group:
    """An answer: the sentence, then the evidence sentences with their articles."""
    parts: list[RenderableType] = [Text(result.answer, style="bold" if result.found else "yellow")]
    if result.evidence:
        table = Table(box=box.SIMPLE_HEAD, expand=True, title="Evidence", title_justify="left")
        table.add_column("article", no_wrap=True)
        table.add_column("sentence", ratio=4, min_width=20)
        for item in result.evidence:
            table.add_row(_text(item.get("article")), _text(item.get("sentence")))
        parts.append(table)
    return Group(*parts)
