"""Records found the way users name things: parties ("KOR", "Korea", "Hàn Quốc",
"han quoc") and series ("Đối thoại ASEAN-Hàn Quốc" is the ASEAN-Korea Dialogue), and
events filtered by them. The API and the answers to questions both read through here.

Below them, the browse lists (`browse`): events, people, articles and series as a
table one can filter, sort, page through and download, with facet counts, named by
query-string parameters (`read_view`) so that every view has a stable URL."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO
from urllib.parse import urlencode

from diplonews.errors import DiplonewsError
from diplonews.extract.events import cues
from diplonews.extract.lexicons import Lexicons, load
from diplonews.kb import periods, sources, titles
from diplonews.kb.models import StoredEvent
from diplonews.kb.store import Store, listing, queries
from diplonews.kb.store.queries import EventFilter
from diplonews.text import fold

# --- names as users write them -------------------------------------------------------


def _party_index(lexicons: Lexicons) -> dict[str, str]:
    """Folded names and codes → code; built once per set of lexicons (`Lexicons.derive`)."""
    index: dict[str, str] = {}
    for code, party in lexicons.parties.items():
        for form in (party.name_en, party.short_en, *lexicons.party_forms.get(code, [])):
            index.setdefault(fold(form), code)
    for code in lexicons.parties:
        index[fold(code)] = code
    return index


def party_codes(names: Iterable[str], lexicons: Lexicons | None = None) -> list[str]:
    """Party codes for names as a user writes them; an unknown name is an error."""
    lex = lexicons or load()
    index = lex.derive("kb.party_index", _party_index)
    codes = []
    for name in names:
        code = name.strip() if name.strip() in lex.parties else index.get(fold(name.strip()))
        if code is None:
            raise DiplonewsError(f"unknown party {name!r}: give a code (KOR) or a name (Korea)")
        codes.append(code)
    return codes


def series_name(text: str, lexicons: Lexicons | None = None) -> str:
    """The canonical series a user means, named the way extraction names it: a
    meeting word and the parties ("Hội nghị Cấp cao Hàn-ASEAN" → "ASEAN-Korea
    Summit"), or a fixed name the lexicon knows; otherwise the text as given (the
    English name, matched case-insensitively)."""
    lex = lexicons or load()
    codes = [code for _, _, found in lex.party_names.find(text) for code in found]
    for piece in re.split(r"[-–—\s]+", text):
        if piece in lex.party_short:
            codes.append(lex.party_short[piece])
    for _, _, triggers in lex.triggers.find(text):
        suffixes = [t.series_suffix for t in triggers if t.series_suffix not in ("", "-")]
        composed = cues.series_name(codes, suffixes[0], lex) if suffixes else None
        if composed:
            return composed
    for _, _, found in lex.series.find(text):
        return str(found[0].name_en)
    return text.strip()


def date_bound(value: str | int | None, what: str) -> str | None:
    """A year or ISO date bound that exists (`periods.check_date`); None for none."""
    return periods.check_date(value, what)


# --- events -------------------------------------------------------------------------


def events(
    store: Store,
    *,
    parties: Sequence[str] = (),
    series: str | None = None,
    year_from: str | int | None = None,
    year_to: str | int | None = None,
    person: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    newest_first: bool = True,
    limit: int = 100,
    offset: int = 0,
    lexicons: Lexicons | None = None,
) -> list[StoredEvent]:
    """Events with every given party, of a series, in a period, attended by a person;
    party and series names read with `lexicons` (None: the shipped set)."""
    lex = lexicons or load()
    where = EventFilter(
        parties=party_codes(parties, lex) if parties else (),
        series=series_name(series, lex) if series else None,
        date_from=date_bound(year_from, "--from"),
        date_to=date_bound(year_to, "--to"),
        person_ids=queries.find_people(store, person) if person else None,
        status=status,
        kind=kind,
        newest_first=newest_first,
        limit=limit,
        offset=offset,
    )
    return queries.events(store, where)


# --- the browse lists: filters, order, pages, facets ----------------------------------
#
# A list is named by a table and its parameters as a query string gives them, so one
# parser serves the web pages, their .csv and .json, the /api twins and the CLI, and
# every view has a stable URL: the same parameters, the same rows.

EVENT_KINDS = ("meeting", "visit", "call")
EVENT_STATUSES = ("held", "planned")
DEFAULT_SIZE = 50  # rows a page shows
MAX_SIZE = 200  # the largest page one can ask for
MAX_ROWS = 100_000  # the deepest row a page may start at, and an export's length
_YEAR = re.compile(r"\d{4}")
_ID = re.compile(r"[0-9]{1,18}")
Params = Sequence[tuple[str, str]]  # a query string's (name, value) pairs, in order


@dataclass
class TableSpec:
    """What a list accepts: its filters (`multiple`: may be given more than once), its
    sort keys and default order, and the columns of its rows (the CSV's)."""

    filters: tuple[str, ...]
    multiple: tuple[str, ...]
    sorts: tuple[str, ...]
    default_sort: str
    columns: tuple[str, ...]


TABLES = {
    "events": TableSpec(
        ("kind", "status", "party", "year", "series", "outlet", "person", "from", "to"),
        ("party",),
        tuple(listing.EVENT_SORTS),
        "-date",
        (
            "id",
            "date",
            "title",
            "title_vi",
            "name",
            "kind",
            "status",
            "parties",
            "series",
            "edition",
            "format",
            "location",
            "participants",
            "sources",
            "url",
            "evidence",
            "permalink",
        ),
    ),
    "people": TableSpec(
        ("country", "title", "party", "name"),
        (),
        tuple(listing.PERSON_SORTS),
        "-events",
        (
            "id",
            "name",
            "country",
            "title",
            "titles",
            "aliases",
            "events",
            "first_seen",
            "last_seen",
            "permalink",
        ),
    ),
    "articles": TableSpec(
        ("outlet", "year"),
        (),
        tuple(listing.ARTICLE_SORTS),
        "-published",
        ("id", "title", "published", "outlet", "url", "events", "permalink"),
    ),
    "series": TableSpec(
        ("party", "kind"),
        (),
        tuple(listing.SERIES_SORTS),
        "-last",
        ("series", "events", "first", "last", "latest_edition", "parties", "permalink"),
    ),
}


@dataclass
class FacetValue:
    value: str  # as the filter takes it: a code, a year, an outlet's name, a person's id
    count: int
    label: str | None = None  # a person's name; None: the value says it
    selected: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "label": self.label,
            "count": self.count,
            "selected": self.selected,
        }


@dataclass
class Facet:
    name: str  # the filter it sets
    values: list[FacetValue]
    more: bool = False  # values left out (the most frequent are shown)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "values": [v.to_dict() for v in self.values], "more": self.more}


@dataclass
class View:
    """A list's parameters, read and checked: filters as they go in a URL, order, page."""

    table: str
    filters: dict[str, list[str]]
    sort: str  # a key of the table's sorts
    descending: bool
    page: int
    size: int
    start: int | None = None  # a row to start at instead of the page's (the API's offset)

    @property
    def offset(self) -> int:
        return self.start if self.start is not None else (self.page - 1) * self.size

    @property
    def sort_param(self) -> str:
        return f"-{self.sort}" if self.descending else self.sort

    def params(self, **changes: Any) -> list[tuple[str, str]]:
        """The view's query-string pairs (what differs from the defaults), with
        `changes` applied: a filter name → a value, a list of values or None (removed);
        `sort`, `page`, `size`."""
        spec = TABLES[self.table]
        filters = {name: list(values) for name, values in self.filters.items()}
        for name, value in changes.items():
            if name in spec.filters:
                if value is None:
                    filters.pop(name, None)
                else:
                    filters[name] = (
                        [str(v) for v in value] if isinstance(value, list) else [str(value)]
                    )
        pairs = [(name, v) for name in spec.filters for v in filters.get(name, [])]
        sort = changes.get("sort", self.sort_param)
        if sort != spec.default_sort:
            pairs.append(("sort", sort))
        size = int(changes.get("size", self.size))
        if size != DEFAULT_SIZE:
            pairs.append(("size", str(size)))
        restarted = any(k in spec.filters or k in ("sort", "size") for k in changes)
        page = int(changes.get("page", 1 if restarted else self.page))
        if page != 1:
            pairs.append(("page", str(page)))
        return pairs


@dataclass
class Listing:
    """One page of a list: its rows (plain values, the CSV's columns), the models behind
    them for pages to draw, how many match in all, and the facet counts."""

    view: View
    total: int
    rows: list[dict[str, Any]]
    items: list[Any]
    facets: list[Facet] = field(default_factory=list)

    @property
    def columns(self) -> tuple[str, ...]:
        return TABLES[self.view.table].columns

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.view.size))

    @property
    def has_next(self) -> bool:
        return (
            self.view.offset + len(self.rows) < self.total
            and self.view.page * self.view.size < MAX_ROWS
        )

    def to_dict(self) -> dict[str, Any]:
        view = self.view
        return {
            "table": view.table,
            "filters": view.filters,
            "sort": view.sort_param,
            "page": view.page,
            "size": view.size,
            "total": self.total,
            "pages": self.pages,
            "columns": list(self.columns),
            "rows": self.rows,
            "facets": [f.to_dict() for f in self.facets],
        }


def read_view(table: str, params: Params) -> View:
    """A list's parameters from query-string pairs; a bad value is a `DiplonewsError`
    naming the parameter. Parameters the list does not take are ignored (`lang`)."""
    spec = TABLES.get(table)
    if spec is None:
        raise DiplonewsError(f"unknown list {table!r}; choose one of {', '.join(TABLES)}")
    filters: dict[str, list[str]] = {}
    sort, page, size = spec.default_sort, "1", str(DEFAULT_SIZE)
    for name, raw in params:
        value = raw.strip()
        if name in spec.filters and value:
            if name in spec.multiple:
                filters.setdefault(name, []).append(value)
            else:
                filters[name] = [value]
        elif name == "sort" and value:
            sort = value
        elif name == "page" and value:
            page = value
        elif name == "size" and value:
            size = value
    key = sort.removeprefix("-")
    if key not in spec.sorts:
        raise DiplonewsError(
            f"sort: {sort!r} is not a column to sort by; choose one of "
            f"{', '.join(spec.sorts)} (with '-' before it: descending)"
        )
    number, per_page = _whole(page, "page"), _whole(size, "size")
    if number < 1:
        raise DiplonewsError(f"page: {page!r} is not a page number (1, 2, …)")
    if not 1 <= per_page <= MAX_SIZE:
        raise DiplonewsError(f"size: {size!r} rows a page; give 1 to {MAX_SIZE}")
    if (number - 1) * per_page >= MAX_ROWS:
        raise DiplonewsError(f"page: {page!r} starts past row {MAX_ROWS:,}; narrow the filters")
    return View(table, filters, key, sort.startswith("-"), number, per_page)


def _whole(text: str, what: str) -> int:
    if not _ID.fullmatch(text):
        raise DiplonewsError(f"{what}: {text!r} is not a whole number")
    return int(text)


def _one(view: View, name: str) -> str | None:
    values = view.filters.get(name)
    return values[-1] if values else None


def _year(text: str | None, what: str = "year") -> int | None:
    if text is None:
        return None
    if not _YEAR.fullmatch(text):
        raise DiplonewsError(f"{what}: {text!r} is not a year (2021)")
    return int(text)


def _choice(text: str | None, choices: Sequence[str], what: str) -> str | None:
    if text is not None and text not in choices:
        raise DiplonewsError(f"{what}: {text!r} is not one of {', '.join(choices)}")
    return text


def outlet_hosts(store: Store, name: str) -> list[str]:
    """The hosts of the store's articles that belong to an outlet (by name or host)."""
    wanted = fold(name.strip())
    return [
        host
        for host in listing.hosts(store)
        if fold(sources.outlet_of_host(host) or "") == wanted or fold(host) == wanted
    ]


def browse(
    store: Store,
    table: str,
    params: Params = (),
    *,
    facets: bool = True,
    window: tuple[int, int] | None = None,
    lexicons: Lexicons | None = None,
) -> Listing:
    """One page of the list `table` (events, people, articles, series) as `params` ask
    (filters, `sort`, `page`, `size`), with its facet counts unless `facets=False`;
    `window`: (limit, offset) rows instead of the page."""
    view = read_view(table, params)
    if window is not None:  # the API's limit and offset
        view.size, view.start = window
    lex = lexicons or load()
    found = _LISTS[table](store, view, facets, lex)
    _keep_selected(store, found)
    return found


def _keep_selected(store: Store, found: Listing) -> None:
    """Every filter in use shows in its facet, selected (so that a click takes it away),
    even when it is not among the most frequent values: it counts every row."""
    for facet in found.facets:
        chosen = {fold(v.value) for v in facet.values if v.selected}
        for value in found.view.filters.get(facet.name, []):
            if fold(value) in chosen:
                continue
            label = None
            if facet.name == "person" and _ID.fullmatch(value):
                label = listing.names(store, [int(value)]).get(int(value))
            facet.values.insert(0, FacetValue(value, found.total, label, True))


def _events(store: Store, view: View, facets: bool, lex: Lexicons) -> Listing:
    parties = party_codes(view.filters.get("party", []), lex)
    view.filters["party"] = parties if parties else []
    if not parties:
        view.filters.pop("party")
    person = _one(view, "person")
    person_ids = None
    if person is not None:
        person_ids = [int(person)] if _ID.fullmatch(person) else queries.find_people(store, person)
    outlet = _one(view, "outlet")
    date_from, date_to = periods.check_period(_one(view, "from"), _one(view, "to"))
    series = _one(view, "series")
    if series:
        series = series_name(series, lex)
        view.filters["series"] = [series]  # the canonical name: one URL for the view
    where = listing.event_where(
        kind=_choice(_one(view, "kind"), EVENT_KINDS, "kind"),
        status=_choice(_one(view, "status"), EVENT_STATUSES, "status"),
        parties=parties,
        year=_year(_one(view, "year")),
        series=series,
        hosts=outlet_hosts(store, outlet) if outlet else None,
        person_ids=person_ids,
        date_from=date_from,
        date_to=date_to,
    )
    ids, total = listing.event_page(
        store, where, view.sort, view.descending, view.size, view.offset
    )
    found = queries.events_by_id(store, ids)
    urls = listing.source_urls(store, ids)
    rows = [_event_row(e, urls.get(e.id, []), lex) for e in found]
    shown = _event_facets(store, where, view) if facets else []
    return Listing(view, total, rows, found, shown)


def event_title(event: StoredEvent, language: str = "en", lexicons: Lexicons | None = None) -> str:
    """What a list calls an event: its title composed from the record (`kb.titles`)."""
    return titles.event_title(event, language, lexicons)


def _event_row(
    event: StoredEvent, urls: list[tuple[int, str | None]], lex: Lexicons
) -> dict[str, Any]:
    first_url = next((url for _, url in urls if sources.web_url(url)), None)
    evidence = next((s.evidence for s in event.sources if s.evidence), None)
    return {
        "id": event.id,
        "date": event.date,
        "title": event_title(event, "en", lex),
        "title_vi": event_title(event, "vi", lex),
        "name": event.name,
        "kind": event.kind,
        "status": event.status,
        "parties": list(event.parties),
        "series": event.series,
        "edition": event.edition,
        "format": event.format,
        "location": event.location,
        "participants": [p.name for p in event.participants],
        "sources": len(event.sources),
        "url": first_url,
        "evidence": evidence,
        "permalink": f"/events/{event.id}",
    }


def _facet(
    name: str,
    counted: list[tuple[Any, int]],
    selected: Sequence[str],
    labels: dict[str, str] | None = None,
) -> Facet:
    shown = counted[: listing.FACET_VALUES]
    if name == "year":  # the busiest years, shown in time order, the latest first
        shown = sorted(shown, key=lambda r: str(r[0]), reverse=True)
    values = [
        FacetValue(str(value), count, (labels or {}).get(str(value)), str(value) in selected)
        for value, count in shown
    ]
    return Facet(name, values, len(counted) > listing.FACET_VALUES)


def _outlet_facet(
    counted: list[tuple[Any, int]], selected: Sequence[str], exact: Callable[[list[str]], int]
) -> Facet:
    """Hosts' counts merged by outlet (an outlet with several hosts counted exactly)."""
    by_outlet: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for host, count in counted:
        by_outlet[sources.outlet_of_host(str(host)) or str(host)].append((str(host), count))
    merged = [
        (name, hosts[0][1] if len(hosts) == 1 else exact([h for h, _ in hosts]))
        for name, hosts in by_outlet.items()
    ]
    merged.sort(key=lambda r: (-r[1], fold(r[0])))
    chosen = {fold(s) for s in selected}
    values = [FacetValue(n, c, None, fold(n) in chosen) for n, c in merged[: listing.FACET_VALUES]]
    return Facet("outlet", values, len(merged) > listing.FACET_VALUES)


def _event_facets(store: Store, where: listing.Where, view: View) -> list[Facet]:
    counted = listing.event_facets(store, where)
    people = listing.names(store, [int(v) for v, _ in counted["person"]])
    f = view.filters
    return [
        _facet("kind", counted["kind"], f.get("kind", [])),
        _facet("status", counted["status"], f.get("status", [])),
        _facet("party", counted["party"], f.get("party", [])),
        _facet("year", counted["year"], f.get("year", [])),
        _facet("series", counted["series"], f.get("series", [])),
        _outlet_facet(
            counted["outlet"],
            f.get("outlet", []),
            lambda hosts: listing.events_with_hosts(store, where, hosts),
        ),
        _facet(
            "person", counted["person"], f.get("person", []), {str(k): v for k, v in people.items()}
        ),
    ]


def _people(store: Store, view: View, facets: bool, lex: Lexicons) -> Listing:
    country = _one(view, "country")
    party = _one(view, "party")
    if country:
        country = party_codes([country], lex)[0]
        view.filters["country"] = [country]
    if party:
        party = party_codes([party], lex)[0]
        view.filters["party"] = [party]
    name = _one(view, "name")
    where = listing.person_where(
        country=country,
        title=_one(view, "title"),
        party=party,
        person_ids=queries.find_people(store, name, MAX_ROWS) if name else None,
    )
    ids, total = listing.person_page(
        store, where, view.sort, view.descending, view.size, view.offset
    )
    summaries = listing.person_summaries(store, ids)
    found = [summaries[i] for i in ids if i in summaries]
    rows = []
    for p in found:
        latest = max(p.titles, key=lambda t: t[2] or "", default=None)
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "country": p.country,
                "title": latest[0] if latest else None,
                "titles": [t[0] for t in p.titles],
                "aliases": list(p.aliases),
                "events": p.events,
                "first_seen": p.first_seen,
                "last_seen": p.last_seen,
                "permalink": f"/people/{p.id}",
            }
        )
    shown: list[Facet] = []
    if facets:
        counted = listing.person_facets(store, where)
        f = view.filters
        shown = [
            _facet("country", counted["country"], f.get("country", [])),
            _facet("title", counted["title"], f.get("title", [])),
            _facet("party", counted["party"], f.get("party", [])),
        ]
    return Listing(view, total, rows, found, shown)


@dataclass
class ArticleRow:
    """An article as a list shows it: cited like a source."""

    id: int
    title: str
    published: str | None
    outlet: str | None
    url: str | None
    events: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "events": self.events,
            "permalink": f"/articles/{self.id}",
        }


def _articles(store: Store, view: View, facets: bool, lex: Lexicons) -> Listing:
    outlet = _one(view, "outlet")
    where = listing.article_where(
        hosts=outlet_hosts(store, outlet) if outlet else None,
        year=_year(_one(view, "year")),
    )
    ids, total = listing.article_page(
        store, where, view.sort, view.descending, view.size, view.offset
    )
    found = listing.article_rows(store, ids)
    items = []
    for article_id in ids:
        if article_id not in found:
            continue
        doc_id, title, published, url, host, lead, events = found[article_id]
        items.append(
            ArticleRow(
                article_id,
                sources.article_title(title, lead, doc_id),
                published,
                sources.outlet_of_host(host),
                sources.web_url(url),
                events,
            )
        )
    shown: list[Facet] = []
    if facets:
        counted = listing.article_facets(store, where)
        f = view.filters
        shown = [
            _outlet_facet(
                counted["outlet"],
                f.get("outlet", []),
                lambda hosts: sum(n for h, n in counted["outlet"] if h in hosts),
            ),
            _facet("year", counted["year"], f.get("year", [])),
        ]
    return Listing(view, total, [a.to_dict() for a in items], items, shown)


@dataclass
class SeriesRow:
    """A recurring mechanism as a list shows it."""

    series: str
    events: int
    first: str | None
    last: str | None
    latest_edition: int | None
    parties: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "events": self.events,
            "first": self.first,
            "last": self.last,
            "latest_edition": self.latest_edition,
            "parties": list(self.parties),
            "permalink": "/events?" + urlencode({"series": self.series}),
        }


def _series(store: Store, view: View, facets: bool, lex: Lexicons) -> Listing:
    party = _one(view, "party")
    if party:
        party = party_codes([party], lex)[0]
        view.filters["party"] = [party]
    where = listing.series_where(party=party, kind=_choice(_one(view, "kind"), EVENT_KINDS, "kind"))
    page, total = listing.series_page(
        store, where, view.sort, view.descending, view.size, view.offset
    )
    parties = listing.series_parties(store, where, [row[0] for row in page])
    items = [SeriesRow(*row, parties=parties.get(row[0], [])) for row in page]
    shown: list[Facet] = []
    if facets:
        counted = listing.series_facets(store, where)
        f = view.filters
        shown = [
            _facet("party", counted["party"], f.get("party", [])),
            _facet("kind", counted["kind"], f.get("kind", [])),
        ]
    return Listing(view, total, [s.to_dict() for s in items], items, shown)


_LISTS: dict[str, Callable[[Store, View, bool, Lexicons], Listing]] = {
    "events": _events,
    "people": _people,
    "articles": _articles,
    "series": _series,
}


def all_rows(
    store: Store, table: str, params: Params = (), *, lexicons: Lexicons | None = None
) -> Iterator[dict[str, Any]]:
    """Every row of a list's view (its filters and order, every page), a page at a
    time: what its CSV holds. At most `MAX_ROWS`."""
    kept = [(k, v) for k, v in params if k not in ("page", "size")]
    page = 1
    while True:
        found = browse(
            store,
            table,
            [*kept, ("page", str(page)), ("size", str(MAX_SIZE))],
            facets=False,
            lexicons=lexicons,
        )
        yield from found.rows
        if not found.has_next:
            return
        page += 1


def csv_cell(value: Any) -> str:
    """A row's value as a CSV cell: lists joined with "; ", None empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    """Rows as CSV with a header line; rows written."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    written = 0
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
        written += 1
    return written
