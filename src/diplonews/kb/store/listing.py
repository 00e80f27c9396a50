"""The SQL behind the browse lists (`kb.browse`): one page of events, people, articles
or series under filters, in a chosen order, with the total and the facet counts.

A filter is a `Where`: SQL conditions on the list's main table (aliased `e`, `p`, `a`)
and their parameters; every value is a parameter, and the only text put into SQL is
a column chosen from a fixed table of sort keys or a run of `?` marks. Each facet is
one GROUP BY over the filtered rows, served by the indexes of migration 0007.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from diplonews.kb.store.base import Store

FACET_VALUES = 30  # values a facet shows, the most frequent first


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


@dataclass
class Where:
    """Conditions ANDed together, with their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return f"WHERE {' AND '.join(self.clauses)} " if self.clauses else ""


def like_literal(text: str) -> str:
    """`text` for a LIKE pattern with ESCAPE '\\': its own % and _ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- events --------------------------------------------------------------------------

EVENT_SORTS = {
    "date": "e.date",
    "kind": "e.kind",
    "status": "e.status",
    "series": "e.series",
    "location": "e.location",
    "sources": "(SELECT COUNT(*) FROM mentions sm WHERE sm.event_id = e.id)",
    "id": "e.id",
}


def event_where(
    *,
    kind: str | None = None,
    status: str | None = None,
    parties: Sequence[str] = (),
    year: int | None = None,
    series: str | None = None,
    hosts: Sequence[str] | None = None,
    person_ids: Sequence[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Where:
    """Events of a kind and status, with every party, in a year or period, of a series,
    reported by an outlet (its hosts), attended by one of some people. An empty list of
    hosts or people matches nothing."""
    where = Where()
    for column, value in (("kind", kind), ("status", status)):
        if value:
            where.add(f"e.{column} = ?", value)
    if parties:
        codes = sorted(set(parties))
        where.add(
            f"e.id IN (SELECT event_id FROM event_parties WHERE party IN ({_marks(codes)}) "
            "GROUP BY event_id HAVING COUNT(*) = ?)",
            *codes,
            len(codes),
        )
    if year is not None:
        where.add("e.year = ?", year)
    if series:
        where.add("lower(e.series) = lower(?)", series)
    if hosts is not None:
        if not hosts:
            where.add("1 = 0")
        else:
            where.add(
                "e.id IN (SELECT m.event_id FROM mentions m JOIN articles a "
                f"ON a.id = m.article_id WHERE a.host IN ({_marks(hosts)}))",
                *hosts,
            )
    if person_ids is not None:
        if not person_ids:
            where.add("1 = 0")
        else:
            where.add(
                "e.id IN (SELECT event_id FROM event_participants "
                f"WHERE person_id IN ({_marks(person_ids)}))",
                *person_ids,
            )
    if date_from:
        where.add("e.date >= ?", date_from)
    if date_to:
        where.add("substr(e.date, 1, ?) <= ?", len(date_to), date_to)
    return where


def _order(sorts: dict[str, str], key: str, descending: bool, tie: str) -> str:
    column = sorts[key]  # a KeyError here is a bug: keys are checked by kb.browse
    direction = "DESC" if descending else "ASC"
    return f"ORDER BY {column} IS NULL, {column} {direction}, {tie} {direction}"


def event_page(
    store: Store, where: Where, sort: str, descending: bool, limit: int, offset: int
) -> tuple[list[int], int]:
    """Ids of one page of events, and how many match in all."""
    rows = store.query(
        f"SELECT e.id FROM events e {where.sql()}"
        f"{_order(EVENT_SORTS, sort, descending, 'e.id')} LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    )
    total = store.query(f"SELECT COUNT(*) FROM events e {where.sql()}", where.params)
    return [int(r[0]) for r in rows], int(total[0][0])


def event_facets(store: Store, where: Where) -> dict[str, list[tuple[Any, int]]]:
    """(value, events) of each facet of the filtered events, the most frequent first.
    `outlet` gives hosts (named by `kb.sources`), `person` person ids."""
    ids = f"SELECT e.id FROM events e {where.sql()}"
    params = where.params
    facets: dict[str, list[tuple[Any, int]]] = {}
    join = "AND " if where.clauses else "WHERE "
    for name, column in (
        ("kind", "e.kind"),
        ("status", "e.status"),
        ("year", "e.year"),
        ("series", "e.series"),
    ):
        facets[name] = _grouped(
            store,
            f"SELECT {column}, COUNT(*) FROM events e {where.sql()}{join}{column} IS NOT NULL "
            f"GROUP BY {column}",
            params,
        )
    facets["party"] = _grouped(
        store,
        f"SELECT ep.party, COUNT(*) FROM event_parties ep WHERE ep.event_id IN ({ids}) "
        "GROUP BY ep.party",
        params,
    )
    facets["outlet"] = _grouped(
        store,
        "SELECT a.host, COUNT(DISTINCT m.event_id) FROM mentions m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.event_id IN ({ids}) "
        "AND a.host IS NOT NULL GROUP BY a.host",
        params,
        limit=None,
    )
    facets["person"] = _grouped(
        store,
        "SELECT ep.person_id, COUNT(DISTINCT ep.event_id) FROM event_participants ep "
        f"WHERE ep.event_id IN ({ids}) AND ep.person_id IS NOT NULL GROUP BY ep.person_id",
        params,
    )
    return facets


def events_with_hosts(store: Store, where: Where, hosts: Sequence[str]) -> int:
    """Filtered events reported by any of `hosts` (an outlet's exact count)."""
    rows = store.query(
        "SELECT COUNT(DISTINCT m.event_id) FROM mentions m JOIN articles a ON a.id = m.article_id "
        f"WHERE a.host IN ({_marks(hosts)}) AND m.event_id IN "
        f"(SELECT e.id FROM events e {where.sql()})",
        (*hosts, *where.params),
    )
    return int(rows[0][0])


def _grouped(
    store: Store, sql: str, params: Sequence[Any], limit: int | None = FACET_VALUES
) -> list[tuple[Any, int]]:
    rows = store.query(sql, params)
    found = sorted(((value, int(n)) for value, n in rows), key=lambda r: (-r[1], str(r[0])))
    return found if limit is None else found[: limit + 1]  # one more: "more values"


def source_urls(store: Store, event_ids: Sequence[int]) -> dict[int, list[tuple[int, str | None]]]:
    """Event id → (article id, URL) of its sources, earliest published first."""
    found: dict[int, list[tuple[int, str | None]]] = {}
    if not event_ids:
        return found
    for event_id, article_id, url in store.query(
        "SELECT m.event_id, a.id, a.url FROM mentions m JOIN articles a ON a.id = m.article_id "
        f"WHERE m.event_id IN ({_marks(event_ids)}) "
        "ORDER BY m.event_id, a.published IS NULL, a.published, m.id",
        list(event_ids),
    ):
        found.setdefault(int(event_id), []).append((int(article_id), url))
    return found


# --- people --------------------------------------------------------------------------

_ATTENDED = (
    "(SELECT COUNT(DISTINCT ep.event_id) FROM event_participants ep WHERE ep.person_id = p.id)"
)
_LAST_SEEN = "(SELECT MAX(pm.seen) FROM person_mentions pm WHERE pm.person_id = p.id)"
PERSON_SORTS = {
    "events": _ATTENDED,
    "name": "p.name",
    "country": "p.country",
    "last_seen": _LAST_SEEN,
    "id": "p.id",
}


def person_where(
    *,
    country: str | None = None,
    title: str | None = None,
    party: str | None = None,
    person_ids: Sequence[int] | None = None,
) -> Where:
    """People of a country, ever reported with a title, who took part in an event with
    a party, among some ids (a name's matches)."""
    where = Where()
    if country:
        where.add("p.country = ?", country)
    if title:
        where.add(
            "p.id IN (SELECT pm.person_id FROM person_mentions pm "
            "WHERE pm.titles LIKE ? ESCAPE '\\')",
            f'%"{like_literal(title)}"%',
        )
    if party:
        where.add(
            "p.id IN (SELECT ep.person_id FROM event_participants ep JOIN event_parties pa "
            "ON pa.event_id = ep.event_id WHERE pa.party = ?)",
            party,
        )
    if person_ids is not None:
        if not person_ids:
            where.add("1 = 0")
        else:
            where.add(f"p.id IN ({_marks(person_ids)})", *person_ids)
    return where


def person_page(
    store: Store, where: Where, sort: str, descending: bool, limit: int, offset: int
) -> tuple[list[int], int]:
    rows = store.query(
        f"SELECT p.id FROM people p {where.sql()}"
        f"{_order(PERSON_SORTS, sort, descending, 'p.id')} LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    )
    total = store.query(f"SELECT COUNT(*) FROM people p {where.sql()}", where.params)
    return [int(r[0]) for r in rows], int(total[0][0])


def person_facets(store: Store, where: Where) -> dict[str, list[tuple[Any, int]]]:
    ids = f"SELECT p.id FROM people p {where.sql()}"
    params = where.params
    if store.dialect == "postgresql":
        titles = "CROSS JOIN LATERAL jsonb_array_elements_text(pm.titles::jsonb) AS j(value)"
    else:
        titles = "CROSS JOIN json_each(pm.titles) AS j"
    return {
        "country": _grouped(
            store,
            f"SELECT p.country, COUNT(*) FROM people p {where.sql()}"
            + ("AND " if where.clauses else "WHERE ")
            + "p.country IS NOT NULL GROUP BY p.country",
            params,
        ),
        "title": _grouped(
            store,
            f"SELECT j.value, COUNT(DISTINCT pm.person_id) FROM person_mentions pm {titles} "
            f"WHERE pm.person_id IN ({ids}) GROUP BY j.value",
            params,
        ),
        "party": _grouped(
            store,
            "SELECT pa.party, COUNT(DISTINCT ep.person_id) FROM event_participants ep "
            "JOIN event_parties pa ON pa.event_id = ep.event_id "
            f"WHERE ep.person_id IN ({ids}) GROUP BY pa.party",
            params,
        ),
    }


def person_stats(store: Store, ids: Sequence[int]) -> dict[int, tuple[int, str | None, str | None]]:
    """Person id → (events attended, first seen, last seen)."""
    if not ids:
        return {}
    marks = _marks(ids)
    attended = {
        int(person_id): int(n)
        for person_id, n in store.query(
            "SELECT person_id, COUNT(DISTINCT event_id) FROM event_participants "
            f"WHERE person_id IN ({marks}) GROUP BY person_id",
            list(ids),
        )
    }
    seen = {
        int(person_id): (first, last)
        for person_id, first, last in store.query(
            "SELECT person_id, MIN(seen), MAX(seen) FROM person_mentions "
            f"WHERE person_id IN ({marks}) GROUP BY person_id",
            list(ids),
        )
    }
    return {i: (attended.get(i, 0), *seen.get(i, (None, None))) for i in ids}


# --- articles ------------------------------------------------------------------------

ARTICLE_SORTS = {
    "published": "a.published",
    "title": "a.title",
    "outlet": "a.host",
    "events": "(SELECT COUNT(DISTINCT am.event_id) FROM mentions am WHERE am.article_id = a.id)",
    "id": "a.id",
}


def article_where(*, hosts: Sequence[str] | None = None, year: int | None = None) -> Where:
    where = Where()
    if hosts is not None:
        if not hosts:
            where.add("1 = 0")
        else:
            where.add(f"a.host IN ({_marks(hosts)})", *hosts)
    if year is not None:
        where.add("a.published >= ? AND a.published < ?", f"{year:04d}", f"{year + 1:04d}")
    return where


def article_page(
    store: Store, where: Where, sort: str, descending: bool, limit: int, offset: int
) -> tuple[list[int], int]:
    rows = store.query(
        f"SELECT a.id FROM articles a {where.sql()}"
        f"{_order(ARTICLE_SORTS, sort, descending, 'a.id')} LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    )
    total = store.query(f"SELECT COUNT(*) FROM articles a {where.sql()}", where.params)
    return [int(r[0]) for r in rows], int(total[0][0])


def article_facets(store: Store, where: Where) -> dict[str, list[tuple[Any, int]]]:
    join = "AND " if where.clauses else "WHERE "
    return {
        "outlet": _grouped(
            store,
            f"SELECT a.host, COUNT(*) FROM articles a {where.sql()}{join}a.host IS NOT NULL "
            "GROUP BY a.host",
            where.params,
            limit=None,
        ),
        "year": _grouped(
            store,
            f"SELECT substr(a.published, 1, 4), COUNT(*) FROM articles a {where.sql()}{join}"
            "a.published IS NOT NULL GROUP BY substr(a.published, 1, 4)",
            where.params,
        ),
    }


def article_rows(
    store: Store, ids: Sequence[int]
) -> dict[int, tuple[str, str | None, str | None, str | None, str | None, str, int]]:
    """Article id → (doc_id, title, published, url, host, the body's first 600
    characters, events reported): what a list shows, without whole bodies."""
    if not ids:
        return {}
    marks = _marks(ids)
    events = {
        int(article_id): int(n)
        for article_id, n in store.query(
            "SELECT article_id, COUNT(DISTINCT event_id) FROM mentions "
            f"WHERE article_id IN ({marks}) GROUP BY article_id",
            list(ids),
        )
    }
    return {
        int(r[0]): (r[1], r[2], r[3], r[4], r[5], r[6] or "", events.get(int(r[0]), 0))
        for r in store.query(
            "SELECT id, doc_id, title, published, url, host, substr(body, 1, 600) "
            f"FROM articles WHERE id IN ({marks})",
            list(ids),
        )
    }


def hosts(store: Store) -> list[str]:
    """Every host an article came from."""
    return [
        str(r[0]) for r in store.query("SELECT DISTINCT host FROM articles WHERE host IS NOT NULL")
    ]


# --- series --------------------------------------------------------------------------

SERIES_SORTS = {
    "series": "e.series",
    "editions": "COUNT(*)",
    "first": "MIN(e.date)",
    "last": "MAX(e.date)",
}


def series_where(*, party: str | None = None, kind: str | None = None) -> Where:
    """Events of recurring mechanisms, with a party, of a kind."""
    where = Where(["e.series IS NOT NULL"])
    if party:
        where.add("e.id IN (SELECT event_id FROM event_parties WHERE party = ?)", party)
    if kind:
        where.add("e.kind = ?", kind)
    return where


def series_page(
    store: Store, where: Where, sort: str, descending: bool, limit: int, offset: int
) -> tuple[list[tuple[str, int, str | None, str | None, int | None]], int]:
    """(series, events, first date, last date, latest edition) of one page, and how many
    series match."""
    column = SERIES_SORTS[sort]
    direction = "DESC" if descending else "ASC"
    rows = store.query(
        "SELECT e.series, COUNT(*), MIN(e.date), MAX(e.date), MAX(e.edition) FROM events e "
        f"{where.sql()}GROUP BY e.series "
        f"ORDER BY {column} IS NULL, {column} {direction}, e.series {direction} LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    )
    total = store.query(
        f"SELECT COUNT(DISTINCT e.series) FROM events e {where.sql()}", where.params
    )
    return (
        [
            (str(s), int(n), first, last, int(ed) if ed is not None else None)
            for s, n, first, last, ed in rows
        ],
        int(total[0][0]),
    )


def series_parties(store: Store, where: Where, names: Sequence[str]) -> dict[str, list[str]]:
    """Series → its parties, the most frequent first (over the filtered events)."""
    if not names:
        return {}
    rows = store.query(
        "SELECT e.series, ep.party, COUNT(*) FROM events e JOIN event_parties ep "
        f"ON ep.event_id = e.id {where.sql()}AND e.series IN ({_marks(names)}) "
        "GROUP BY e.series, ep.party",
        (*where.params, *names),
    )
    found: dict[str, list[tuple[int, str]]] = {}
    for series, party, n in rows:
        found.setdefault(str(series), []).append((-int(n), str(party)))
    return {s: [p for _, p in sorted(parties)] for s, parties in found.items()}


def series_facets(store: Store, where: Where) -> dict[str, list[tuple[Any, int]]]:
    return {
        "party": _grouped(
            store,
            "SELECT ep.party, COUNT(DISTINCT e.series) FROM events e JOIN event_parties ep "
            f"ON ep.event_id = e.id {where.sql()}GROUP BY ep.party",
            where.params,
        ),
        "kind": _grouped(
            store,
            f"SELECT e.kind, COUNT(DISTINCT e.series) FROM events e {where.sql()}GROUP BY e.kind",
            where.params,
        ),
    }
