"""The interactive pages: a relationship's or a person's timeline, and the graph of
who meets whom.

Both pages are whole without JavaScript: the server filters by the query parameters,
lays the marks out and draws the SVG, each mark a link. `static/timeline.js` and
`static/graph.js` then add zoom, live filters mirrored in the URL, highlighting and
dragging; the timeline script lays the marks out again with the same rules as
`_lay_out` below (lanes by kind, rows stacked so marks never overlap).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.kb.store import Store
from diplonews.web.deps import LexiconsDep, language, parse_id, store_of
from diplonews.web.rendering import page, wording
from diplonews.web.wording import Wording

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(store_of)]

KINDS = ("meeting", "visit", "call")
STATUSES = ("held", "planned")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_PARAMS = {"date_from": "from", "date_to": "to"}  # TimelineFilter's fields as query parameters
_FILTERS = [(f, _PARAMS.get(f, f)) for f in ("kind", "status", "series", "party", *_PARAMS)]

# Timeline geometry, in SVG pixels (timeline.js holds the same numbers).
TL_WIDTH, TL_MARGIN, TL_TOP = 960, 14, 4
LANE_HEAD, ROW, LANE_GAP, AXIS, MAX_ROWS = 18, 20, 6, 26, 6
CHAR_PX = 6.4  # estimated width of a 12 px label character
TICK_STEPS = (1 / 12, 0.25, 0.5, 1, 2, 5, 10, 20, 50)

# Graph geometry.
GRAPH_W, GRAPH_H = 900, 620
LABEL_PX = 7.8  # estimated width of a 13 px label character
GRAPH_NODES = {"parties": 40, "people": 60}
TOP_PAIRS = 40


# --- the timeline ----------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineFilter:
    """What the list shows: the query parameters kind, status, series, party, from, to
    (timeline.js applies the same rules in the browser)."""

    kind: str = ""
    status: str = ""
    series: str = ""
    party: str = ""
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def from_query(
        cls, query: Mapping[str, str], lexicons: api.Lexicons | None = None
    ) -> TimelineFilter:
        value = {name: (query.get(param) or "").strip() for name, param in _FILTERS}
        for name, allowed in (("kind", KINDS), ("status", STATUSES)):
            if value[name] and value[name] not in allowed:
                raise DiplonewsError(
                    f"{name} must be one of {', '.join(allowed)}, not {value[name]!r}"
                )
        for name, param in (("date_from", "from"), ("date_to", "to")):
            if value[name] and not _DATE.fullmatch(value[name]):
                raise DiplonewsError(
                    f"{param} must be a year or an ISO date (2021, 2021-06), not {value[name]!r}"
                )
        if value["party"]:
            value["party"] = api.party_codes([value["party"]], lexicons)[0]
        return cls(**value)

    def params(self) -> dict[str, str]:
        return {param: getattr(self, name) for name, param in _FILTERS if getattr(self, name)}

    def within(self, start: str | None, end: str | None = None) -> bool:
        """Whether a date (or a period) overlaps the period asked for, each compared at
        the coarser of the two precisions: "2021" overlaps from=2021-06."""
        if self.date_from:
            last = end or start
            n = min(len(last or ""), len(self.date_from))
            if not last or last[:n] < self.date_from[:n]:
                return False
        if self.date_to:
            n = min(len(start or ""), len(self.date_to))
            if not start or start[:n] > self.date_to[:n]:
                return False
        return True

    def keeps(self, item: api.TimelineItem) -> bool:
        if item.milestone is not None:
            return self.within(item.milestone.start, item.milestone.end)
        e = item.event
        if e is None:
            return False
        return (
            (not self.kind or e.kind == self.kind)
            and (not self.status or e.status == self.status)
            and (not self.series or (e.series or "").casefold() == self.series.casefold())
            and (not self.party or self.party in e.parties)
            and self.within(e.date)
        )


def _period(date: str) -> tuple[float, float]:
    """A date as a span of fractional years: a day is a point, a month or a year its
    whole length."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year, year + 1
    month = year + (parts[1] - 1) / 12
    if len(parts) == 2:
        return month, month + 1 / 12
    day = month + (parts[2] - 0.5) / (12 * 31)
    return day, day


@dataclass
class Mark:
    """One event or milestone on the axis."""

    key: str
    lane: str
    shape: str  # dot (a day), span (a month or a year), diamond (a milestone), bar (a period)
    t0: float
    t1: float
    href: str
    title: str
    classes: str
    label: str = ""
    x0: float = 0.0
    x1: float = 0.0
    y: float = 0.0


@dataclass
class Lane:
    name: str
    top: float = 0.0
    height: float = 0.0


@dataclass
class Axis:
    width: int
    height: float
    start: float  # the years shown
    end: float
    lanes: list[Lane]
    marks: list[Mark]
    ticks: list[tuple[float, str, str]] = field(default_factory=list)  # x, text, anchor
    axis_y: float = 0.0


def _flipped(mark: Mark, width: float) -> bool:
    """Whether a milestone's label goes left of it, the right side being too short."""
    label = len(mark.label) * CHAR_PX
    if mark.shape == "diamond":
        return mark.x0 + 14 + label > width and mark.x0 - 14 - label >= 0
    if mark.shape == "bar":
        bar = max(mark.x1 - mark.x0, 6)
        outside = bar < label + 10
        return outside and mark.x0 + bar + 6 + label > width and mark.x0 - 6 - label >= 0
    return False


def _extent(mark: Mark, width: float) -> tuple[float, float]:
    """The pixels a mark and its label take along the axis."""
    label = len(mark.label) * CHAR_PX
    flipped = _flipped(mark, width)
    if mark.shape == "dot":
        return mark.x0 - 7, mark.x0 + 7
    if mark.shape == "diamond":
        return (
            (mark.x0 - 14 - label, mark.x0 + 8) if flipped else (mark.x0 - 8, mark.x0 + 14 + label)
        )
    if mark.shape == "span":
        bar = max(mark.x1 - mark.x0, 10)
        middle = (mark.x0 + mark.x1) / 2
        return middle - bar / 2 - 2, middle + bar / 2 + 2
    bar = max(mark.x1 - mark.x0, 6)
    if flipped:
        return mark.x0 - 6 - label, mark.x0 + bar + 2
    return mark.x0 - 2, mark.x0 + bar + (4 + label if bar < label + 10 else 0) + 2


def _shape(
    mark: Mark, width: float
) -> tuple[str, dict[str, str], tuple[str, str, str, str] | None]:
    """The SVG element of a mark, its attributes, and where its label goes (x, y,
    class, text-anchor)."""
    x, y = mark.x0, mark.y
    label_y = f"{y + 4:.1f}"
    flipped = _flipped(mark, width)
    if mark.shape == "dot":
        return "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "6"}, None
    if mark.shape == "span":
        bar = max(mark.x1 - x, 10)
        left = (x + mark.x1) / 2 - bar / 2
        box = {"x": f"{left:.1f}", "y": f"{y - 6:.1f}", "width": f"{bar:.1f}", "height": "12"}
        return "rect", box | {"rx": "4"}, None
    if mark.shape == "diamond":
        d = f"M{x:.1f} {y - 7:.1f}L{x + 7:.1f} {y:.1f}L{x:.1f} {y + 7:.1f}L{x - 7:.1f} {y:.1f}Z"
        at = f"{x - 11:.1f}" if flipped else f"{x + 11:.1f}"
        return "path", {"d": d}, (at, label_y, "tl-label", "end" if flipped else "start")
    bar = max(mark.x1 - x, 6)
    box = {"x": f"{x:.1f}", "y": f"{y - 7:.1f}", "width": f"{bar:.1f}", "height": "14"}
    if bar >= len(mark.label) * CHAR_PX + 10:
        label = (f"{x + 5:.1f}", label_y, "tl-label inside", "start")
    elif flipped:
        label = (f"{x - 4:.1f}", label_y, "tl-label", "end")
    else:
        label = (f"{x + bar + 4:.1f}", label_y, "tl-label", "start")
    return "rect", box | {"rx": "3"}, label


def _lay_out(axis: Axis) -> None:
    """Place each mark: x from its dates, its lane by kind, rows stacked in a lane so
    that no two marks (and milestone labels) overlap."""
    span = (axis.width - 2 * TL_MARGIN) / (axis.end - axis.start)
    y = float(TL_TOP)
    for lane in axis.lanes:
        rows: list[float] = []
        for mark in sorted(
            (m for m in axis.marks if m.lane == lane.name), key=lambda m: (m.t0, m.key)
        ):
            mark.x0 = TL_MARGIN + (mark.t0 - axis.start) * span
            mark.x1 = TL_MARGIN + (mark.t1 - axis.start) * span
            left, right = _extent(mark, axis.width)
            row = next((i for i, end in enumerate(rows) if end + 3 <= left), None)
            if row is None and len(rows) < MAX_ROWS:
                rows.append(right)
                row = len(rows) - 1
            elif row is None:  # a crowded lane: onto the row that ends first
                row = min(range(len(rows)), key=rows.__getitem__)
            rows[row] = max(rows[row], right)
            mark.y = y + LANE_HEAD + row * ROW + ROW / 2
        lane.top, lane.height = y, LANE_HEAD + max(1, len(rows)) * ROW + 4
        y += lane.height + LANE_GAP
    axis.axis_y = y
    axis.height = y + AXIS
    step = next((s for s in TICK_STEPS if s * span >= 64), TICK_STEPS[-1])
    first, last = math.ceil(axis.start / step - 1e-9), math.floor(axis.end / step + 1e-9)
    for k in range(first, last + 1):
        t = k * step
        year = math.floor(t + 1e-9)
        text = str(year) if step >= 1 else f"{round((t - year) * 12) + 1:02d}/{year}"
        x = TL_MARGIN + (t - axis.start) * span
        anchor = "start" if x < 30 else "end" if x > axis.width - 30 else "middle"
        axis.ticks.append((x, text, anchor))


def _axis(items: list[api.TimelineItem], where: TimelineFilter, wording: Wording) -> Axis | None:
    marks: list[Mark] = []
    for item in items:
        m, e = item.milestone, item.event
        if item.date is None or not _DATE.fullmatch(item.date):
            continue  # listed, not placed
        if m is not None and m.start:
            t0, t1 = _period(m.start)
            if m.end and _DATE.fullmatch(m.end):
                t1 = _period(m.end)[1]
            else:  # a step taken in a year: a point in its middle
                t0 = t1 = (t0 + t1) / 2
            period = f"{m.start}–{m.end}" if m.end else m.start
            holder = f" ({wording.party(m.holder)})" if m.holder else ""
            label = wording.milestone(m.label)
            marks.append(
                Mark(
                    key=_key(item),
                    lane="milestone",
                    shape="bar" if m.end else "diamond",
                    t0=t0,
                    t1=t1,
                    href="#" + _key(item),  # its row in the list, with the evidence
                    title=f"{period} · {label}{holder}",
                    classes=f"tl-mark milestone ms-{m.kind}",
                    label=f"{label}{holder}",
                )
            )
        elif e is not None and e.date:
            t0, t1 = _period(e.date)
            name = wording.event(e)
            marks.append(
                Mark(
                    key=_key(item),
                    lane=e.kind,
                    shape="dot" if t0 == t1 else "span",
                    t0=t0,
                    t1=t1,
                    href=f"/events/{e.id}",
                    title=f"{e.date} · {name}",
                    classes=f"tl-mark event kind-{e.kind} status-{e.status}",
                )
            )
    if not marks:
        return None
    start = math.floor(min(m.t0 for m in marks))
    end = math.ceil(max(m.t1 for m in marks) + 1e-9)
    if where.date_from:
        start = int(where.date_from[:4])
    if where.date_to:
        end = int(where.date_to[:4]) + 1
    end = max(end, start + 1)
    lanes = [Lane(n) for n in ("milestone", *KINDS) if any(m.lane == n for m in marks)]
    axis = Axis(TL_WIDTH, 0.0, start, end, lanes, marks)
    _lay_out(axis)
    return axis


def _key(item: api.TimelineItem) -> str:
    if item.event is not None:
        return f"e{item.event.id}"
    m = item.milestone
    assert m is not None
    return "m-" + re.sub(r"[^A-Za-z0-9]+", "-", f"{m.kind}-{m.start}-{m.end}-{m.label}").strip("-")


@router.get("/timeline")
def timeline(request: Request, store: StoreDep, lexicons: LexiconsDep) -> Response:
    """A relationship (`between=ASEAN,KOR`) or a person (`person=ID`) over time."""
    query = request.query_params
    names = api.party_names(language(request), lexicons=lexicons)
    if query.get("a") or query.get("b"):  # the picker's two fields, to the canonical URL
        between = f"{query.get('a', '').strip()},{query.get('b', '').strip()}"
        return RedirectResponse("/timeline?" + urlencode({"between": between}), 303)
    context: dict[str, object] = {"names": names, "person": None, "codes": []}
    if query.get("person"):
        person_id = parse_id(query["person"].strip())
        if person_id is None:
            raise DiplonewsError(f"person must be a person's number, not {query['person']!r}")
        person = api.person(store, person_id)
        if person is None:
            return page(request, "error.html", {"message": f"no person {query['person']}"}, 404)
        items = [
            api.TimelineItem(e.date, "event", event=e)
            for e in api.events_by_id(store, person.event_ids)
        ]
        context |= {"person": person, "base": {"person": str(person.id)}, "heading": person.name}
    elif query.get("between"):
        sides = [s.strip() for s in query["between"].split(",") if s.strip()]
        if len(sides) != 2:
            raise DiplonewsError("between needs two parties separated by a comma: ASEAN,KOR")
        codes = api.party_codes(sides, lexicons)
        if codes[0] == codes[1]:
            raise DiplonewsError(f"between needs two different parties, not {codes[0]} twice")
        items = api.timeline(store, *codes, lexicons=lexicons)
        heading = " – ".join(names.get(code, code) for code in codes)
        context |= {"codes": codes, "base": {"between": ",".join(codes)}, "heading": heading}
    else:
        items = []
        context |= {"base": {}, "heading": ""}
    where = TimelineFilter.from_query(query, lexicons)
    shown = [item for item in items if where.keeps(item)]
    nodes, edges = api.graph(store, lexicons=lexicons)  # the parties that met, for the picker
    context |= {
        "where": where,
        "filtered": bool(where.params()),
        "dated": [i for i in shown if i.date],
        "undated": [i for i in shown if not i.date],
        "total": len(items),
        "axis": _axis(shown, where, wording(request)),
        "key": _key,
        "shape": _shape,
        "series_options": sorted({i.event.series for i in items if i.event and i.event.series}),
        "party_options": sorted({p for i in items if i.event for p in i.event.parties}),
        "known_parties": sorted((n.id, names.get(n.id, n.label)) for n in nodes),
        "pairs": edges[:12],
    }
    return page(request, "timeline.html", context)


# --- the graph -------------------------------------------------------------------------


@dataclass
class Node:
    id: str
    label: str
    events: int
    x: float
    y: float
    r: float
    anchor: str  # its label's side: "start" (right of it) or "end" (left)
    href: str
    classes: str


@dataclass
class Edge:
    source: str
    target: str
    weight: int
    first: str | None
    last: str | None
    coords: tuple[float, float, float, float]
    width: float
    href: str | None  # the pair's timeline (parties)
    classes: str


def _positions(
    nodes: list[api.GraphNode], edges: list[api.GraphEdge], sizes: dict[str, tuple[float, float]]
) -> dict[str, tuple[float, float, str]]:
    """A deterministic layout scaled to the SVG, with the side of each label (away from
    the middle of its group). Each group of nodes that met is laid out apart: a spring
    layout with a fixed seed, a circle or a column when small; the groups are then
    shelved in rows, the largest first."""
    import networkx as nx

    if not nodes:
        return {}
    g = nx.Graph()
    g.add_nodes_from(n.id for n in nodes)
    # a pull that grows slowly with the events, so one busy pair does not squash the rest
    g.add_weighted_edges_from((e.source, e.target, 1 + math.log(e.weight)) for e in edges)
    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    row_width = math.sqrt(sum(1.6 * len(c) for c in groups) * GRAPH_W / GRAPH_H)
    raw: dict[str, tuple[float, float, str]] = {}
    x = y = row_height = 0.0
    for group in groups:
        side = math.sqrt(len(group))
        if x > 0 and x + 1.6 * side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        if len(group) <= 2:
            inner = {node: (0.0, i - (len(group) - 1) / 2) for i, node in enumerate(group)}
        elif len(group) <= 5:
            inner = nx.circular_layout(g.subgraph(group))
        else:
            k = 2.4 / math.sqrt(len(group))
            inner = nx.spring_layout(g.subgraph(group), seed=7, k=k, iterations=300)
        for node, p in inner.items():
            dx = float(p[0])
            anchor = "end" if dx < -1e-6 and len(group) > 2 else "start"
            raw[node] = (
                x + 0.8 * side * (1 + 0.8 * dx),
                y + side * (0.5 + 0.4 * float(p[1])),
                anchor,
            )
        x += 1.6 * side
        row_height = max(row_height, side)

    reach = {  # the pixels each node takes left and right of its centre, its label included
        node: (r + 4 + label, r) if raw[node][2] == "end" else (r, r + 4 + label)
        for node, (r, label) in sizes.items()
    }
    xs = _fit({n: p[0] for n, p in raw.items()}, reach, GRAPH_W)
    tall = {node: (max(r, 9) + 6, max(r, 9) + 6) for node, (r, _) in sizes.items()}
    ys = _fit({n: p[1] for n, p in raw.items()}, tall, GRAPH_H)
    return {node: (xs[node], ys[node], p[2]) for node, p in raw.items()}


def _fit(
    values: dict[str, float], reach: dict[str, tuple[float, float]], size: int
) -> dict[str, float]:
    """Scale coordinates to pixels as widely as the SVG allows with every node whole
    inside it (`reach`: the pixels a node takes before and after its coordinate)."""
    low, high = min(values.values()), max(values.values())
    if high - low < 1e-9:
        return {n: size / 2 for n in values}
    unit = {n: (v - low) / (high - low) for n, v in values.items()}

    def offsets(scale: float) -> tuple[float, float]:  # the least and most offset that fit
        least = max(4 + reach[n][0] - scale * u for n, u in unit.items())
        most = min(size - 4 - reach[n][1] - scale * u for n, u in unit.items())
        return least, most

    lo, hi = 0.0, float(size)
    for _ in range(30):
        middle = (lo + hi) / 2
        least, most = offsets(middle)
        lo, hi = (middle, hi) if least <= most else (lo, middle)
    least, most = offsets(lo)
    offset = (least + most) / 2 if least <= most else least
    return {n: round(offset + lo * u, 1) for n, u in unit.items()}


def _box(node: Node) -> tuple[float, float, float, float]:
    """The pixels a node and its label cover: left, right, top, bottom."""
    label = len(node.label) * LABEL_PX + 4
    left, right = node.x - node.r, node.x + node.r
    if node.anchor == "start":
        right += label
    else:
        left -= label
    half = max(node.r, 9)
    return left, right, node.y - half, node.y + half


def _untangle(nodes: list[Node], rounds: int = 80) -> None:
    """Move nodes up or down until no node or label covers another's; the layout's
    shape stays, only crowded labels part."""
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                al, ar, at, ab = _box(a)
                bl, br, bt, bb = _box(b)
                if min(ar, br) - max(al, bl) <= 0 or min(ab, bb) - max(at, bt) <= 0:
                    continue
                push = (min(ab, bb) - max(at, bt)) / 2 + 1
                upper, lower = (a, b) if (a.y, a.id) <= (b.y, b.id) else (b, a)
                upper.y = max(12.0, upper.y - push)
                lower.y = min(GRAPH_H - 12.0, lower.y + push)
                moved = True
        if not moved:
            return


def _graph_url(**params: str) -> str:
    return "/graph?" + urlencode({k: v for k, v in params.items() if v})


@router.get("/graph")
def graph(request: Request, store: StoreDep, lexicons: LexiconsDep) -> Response:
    """Who meets whom (`level=parties|people`, `from`, `to`); `focus` highlights one
    node and lists whom it met."""
    query = request.query_params
    level = query.get("level") or "parties"
    if level not in GRAPH_NODES:
        raise DiplonewsError(f"level must be parties or people, not {level!r}")
    where = TimelineFilter.from_query({"from": query.get("from", ""), "to": query.get("to", "")})
    period = where.params()
    found, links = api.graph(
        store, level, where.date_from or None, where.date_to or None, lexicons=lexicons
    )
    shown = found[: GRAPH_NODES[level]]
    kept = {n.id for n in shown}
    links = [e for e in links if e.source in kept and e.target in kept]
    focus = (query.get("focus") or "").strip()
    if focus and level == "parties":
        focus = api.party_codes([focus], lexicons)[0]
    near = {e.source for e in links if e.target == focus} | {
        e.target for e in links if e.source == focus
    }
    names = api.party_names(language(request), lexicons=lexicons)
    most = max((n.events for n in shown), default=1)
    heaviest = max((e.weight for e in links), default=1)
    labels = {n.id: names.get(n.id, n.label) if level == "parties" else n.label for n in shown}
    radii = {n.id: round(5 + 13 * math.sqrt(n.events / most), 1) for n in shown}
    place = _positions(shown, links, {i: (radii[i], len(labels[i]) * LABEL_PX) for i in radii})
    nodes = []
    for n in shown:
        if level == "people":
            href = f"/people/{n.id[1:]}"
        else:  # a party: focus on it (again: let go)
            href = _graph_url(level=level, **period, focus="" if n.id == focus else n.id)
        state = " is-focus" if n.id == focus else " is-near" if n.id in near else ""
        x, y, side = place[n.id]
        classes = f"node {n.kind}{state}"
        nodes.append(Node(n.id, labels[n.id], n.events, x, y, radii[n.id], side, href, classes))
    _untangle(nodes)
    for node in nodes:
        node.y = round(node.y, 1)
    ends = {node.id: (node.x, node.y) for node in nodes}
    edges = [
        Edge(
            e.source,
            e.target,
            e.weight,
            e.first,
            e.last,
            (*ends[e.source], *ends[e.target]),
            round(1 + 7 * math.sqrt((e.weight - 1) / max(1, heaviest - 1)), 1),
            f"/timeline?{urlencode({'between': f'{e.source},{e.target}'})}"
            if level == "parties"
            else None,
            "edge is-on" if focus in (e.source, e.target) else "edge",
        )
        for e in links
    ]
    context = {
        "level": level,
        "where": where,
        "focus": focus if focus in kept else "",
        "focus_missing": names.get(focus, focus) if focus and focus not in kept else "",
        "unfocus_href": _graph_url(level=level, **period),
        "nodes": nodes,
        "edges": edges,
        "label_of": {n.id: n.label for n in nodes},
        "partners": [e for e in edges if focus in (e.source, e.target)],
        "top": edges[:TOP_PAIRS],
        "total_nodes": len(found),
        "width": GRAPH_W,
        "height": GRAPH_H,
    }
    return page(request, "graph.html", context)
