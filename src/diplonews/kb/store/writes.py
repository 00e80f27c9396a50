"""Writing into the knowledge base: an extracted article in, resolved records out.

`Writer.add_article` stores one distinct article and resolves what it reports
against what the store holds: each person to one `people` row
(`resolve.same_person`), each event to an existing event (`resolve.best_match` over
the `candidates` found by index) or a new one, whose fields are then reconciled from
all its reports. `Writer.forget_source` undoes a source whose file changed. Every
function runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Any

from diplonews import __version__
from diplonews.errors import StoreError
from diplonews.extract.lexicons import Lexicons
from diplonews.kb import dedupe, resolve
from diplonews.kb.resolve import EventView
from diplonews.kb.search import fold_fast
from diplonews.kb.store.base import Store
from diplonews.kb.store.known_people import KnownPeople, reported_names
from diplonews.text import fold

CANDIDATE_LIMIT = 200  # events or people looked at for one report; more means a bad key
LOOKUP_CHUNK = 500  # values in one IN (...) list


@dataclass
class Prepared:
    """One article read and extracted, ready to store (built in worker processes)."""

    source: str  # the copy's key: a file path, or path#doc_id for a JSONL line
    doc_id: str
    url: str | None
    content_hash: str
    record: dict[str, Any]  # the extraction record (SCHEMA.md)
    body: str
    spans: list[tuple[int, int] | None]  # each event's evidence sentence in `body`
    signature: bytes  # MinHash of the body
    milestones: list[dict[str, Any]] = field(default_factory=list)
    bands: list[int] = field(default_factory=list)  # dedupe.band_keys(signature), if computed
    folded: tuple[str, str] | None = None  # fold(title or ""), fold(body), if computed
    path: str = ""  # where it was read, for messages: a file, or `file.jsonl:LINE`
    warnings: list[str] = field(default_factory=list)  # values extraction left out, and why

    @property
    def seen(self) -> str | None:
        """The date the article speaks from: its publication, else its latest event."""
        if self.record.get("published"):
            return str(self.record["published"])
        dates = [e["date"] for e in self.record.get("events") or [] if e.get("date")]
        return max(dates) if dates else None

    def band_keys(self) -> list[int]:
        return self.bands or dedupe.band_keys(self.signature)


# What `Writer.forget_pending` goes back to: the pending bands and search entries.
Mark = tuple[dict[int, tuple[bytes, list[int]]], dict[int, tuple[str, str]]]


# json.dumps(value, ensure_ascii=False) without building an encoder for every call.
_to_json = json.JSONEncoder(ensure_ascii=False).encode
_clock: list[tuple[int, str]] = [(-1, "")]  # the second `_now` last formatted, as text


def _now() -> str:
    """The time in UTC to the second (formatted once a second, not once a row)."""
    second = int(time.time())
    known, text = _clock[0]
    if second != known:
        text = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(second))
        _clock[0] = (second, text)
    return text


# --- files and copies --------------------------------------------------------------


def file_unchanged(store: Store, path: str, size: int, mtime_ns: int) -> bool:
    """Whether this diplonews read the file as it is now (another version reads it again)."""
    rows = store.query("SELECT size, mtime_ns, extractor FROM files WHERE path = ?", (path,))
    return bool(rows) and tuple(rows[0]) == (size, mtime_ns, __version__)


def mark_file(store: Store, path: str, size: int, mtime_ns: int) -> None:
    store.execute("DELETE FROM files WHERE path = ?", (path,))
    store.execute(
        "INSERT INTO files (path, size, mtime_ns, extractor) VALUES (?, ?, ?, ?)",
        (path, size, mtime_ns, __version__),
    )


_SOURCE_ROW = (
    "SELECT c.source, c.content_hash, c.article_id, a.extractor, a.content_hash FROM copies c "
    "JOIN articles a ON a.id = c.article_id WHERE c.source"
)


def source_state(store: Store, source: str, content_hash: str) -> tuple[str, int | None]:
    """What to do with a source read now, and the article it gave before: "new";
    "unchanged" (same text, extracted by this diplonews); "replaced" (its text
    changed); "refresh" (same text, extracted by another diplonews: extract again)."""
    rows = store.query(f"{_SOURCE_ROW} = ?", (source,))
    return _state(rows[0][1:] if rows else None, content_hash)


def source_states(store: Store, sources: list[tuple[str, str]]) -> list[tuple[str, int | None]]:
    """`source_state` of many (source, content hash), in a statement per 500 sources."""
    known: dict[str, tuple[Any, ...]] = {}
    names = sorted({source for source, _ in sources})
    for start in range(0, len(names), LOOKUP_CHUNK):
        chunk = names[start : start + LOOKUP_CHUNK]
        for row in store.query(f"{_SOURCE_ROW} IN ({', '.join('?' for _ in chunk)})", chunk):
            known[str(row[0])] = row[1:]
    return [_state(known.get(source), content_hash) for source, content_hash in sources]


def _state(row: tuple[Any, ...] | None, content_hash: str) -> tuple[str, int | None]:
    if row is None:
        return "new", None
    known_hash, article_id, extractor, article_hash = row
    if known_hash != content_hash:
        return "replaced", int(article_id)
    if extractor != __version__ and article_hash == content_hash:
        return "refresh", int(article_id)  # its own text: a copy's would change the body
    return "unchanged", int(article_id)


def article_with_hash(store: Store, content_hash: str) -> int | None:
    rows = store.query("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))
    if rows:
        return int(rows[0][0])
    rows = store.query("SELECT article_id FROM copies WHERE content_hash = ?", (content_hash,))
    return int(rows[0][0]) if rows else None


def stored_hashes(store: Store, hashes: Iterable[str]) -> set[str]:
    """Which of these texts (content hashes) the store holds, as an article or a copy."""
    ordered = sorted(set(hashes))
    return _present(
        store, "SELECT content_hash FROM articles WHERE content_hash IN ({marks})", ordered
    ) | _present(store, "SELECT content_hash FROM copies WHERE content_hash IN ({marks})", ordered)


def _present(store: Store, sql: str, values: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), LOOKUP_CHUNK):
        chunk = values[start : start + LOOKUP_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update(str(r[0]) for r in store.query(sql.format(marks=marks), chunk))
    return found


class Lookups:
    """Which of a batch's sources and texts the store holds, read in a few statements
    under the writer lock instead of two or three per article. Only a "no" is taken
    from here: a source or text the store holds, or that the batch wrote since (`wrote`),
    is looked up again row by row, as it may have changed."""

    def __init__(self, store: Store, items: list[Prepared]) -> None:
        self.store = store
        sources = sorted({item.source for item in items})
        hashes = sorted({item.content_hash for item in items})
        self.sources = _present(
            store, "SELECT source FROM copies WHERE source IN ({marks})", sources
        )
        self.hashes = stored_hashes(store, hashes)

    def source_state(self, source: str, content_hash: str) -> tuple[str, int | None]:
        if source not in self.sources:
            return "new", None
        return source_state(self.store, source, content_hash)

    def article_with_hash(self, content_hash: str) -> int | None:
        if content_hash not in self.hashes:
            return None
        return article_with_hash(self.store, content_hash)

    def wrote(self, source: str, content_hash: str) -> None:
        self.sources.add(source)
        self.hashes.add(content_hash)


def add_copy(
    store: Store,
    source: str,
    article_id: int,
    doc_id: str,
    url: str | None,
    content_hash: str,
    similarity: float,
) -> None:
    store.execute(
        "INSERT INTO copies (source, article_id, doc_id, url, content_hash, similarity, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (source, article_id, doc_id, url, content_hash, similarity, _now()),
    )


def near_duplicate(
    store: Store, signature: bytes, keys: list[int] | None = None, folded: str = ""
) -> tuple[int, float] | None:
    """The stored article most like this one, if it is a near-duplicate (`keys`: the
    signature's band keys, when already computed; `folded`: its folded body, which
    settles a likeness the signatures leave in doubt, `_likeness`)."""
    keys = sorted(set(keys or dedupe.band_keys(signature)))
    if not keys:
        return None
    marks = ", ".join("?" for _ in keys)
    rows = store.query(
        f"SELECT DISTINCT article_id FROM minhash_bands WHERE band_key IN ({marks}) "
        "ORDER BY article_id LIMIT ?",
        (*keys, CANDIDATE_LIMIT),
    )
    return _most_like(store, signature, [int(r[0]) for r in rows], folded)


def _most_like(
    store: Store, signature: bytes, ids: list[int], folded: str = ""
) -> tuple[int, float] | None:
    """Of these stored articles, the one most like `signature`, if a near-duplicate."""
    if not ids:
        return None
    best: tuple[int, float] | None = None
    for article_id, stored in store.query(
        f"SELECT id, minhash FROM articles WHERE id IN ({', '.join('?' for _ in ids)}) ORDER BY id",
        ids,
    ):
        score = _likeness(store, bytes(stored), int(article_id), signature, folded)
        if score >= dedupe.THRESHOLD and (best is None or score > best[1]):
            best = (int(article_id), score)
    return best


def _likeness(
    store: Store, stored: bytes, article_id: int, signature: bytes, folded: str, body: str = ""
) -> float:
    """How like a stored article (its signature, its id, its folded body if known) an
    article is: the estimate of the signatures, or, where it falls within
    `dedupe.DOUBT` of the threshold, the Jaccard similarity of the two bodies' shingles
    (`dedupe.jaccard`), so that whether two articles are one does not hang on the hash
    functions. Without both bodies (one signed from a whole text), the estimate."""
    score = dedupe.similarity(stored, signature)
    if not folded or abs(score - dedupe.THRESHOLD) > dedupe.DOUBT:
        return score
    if not body:
        rows = store.query("SELECT body FROM articles WHERE id = ?", (article_id,))
        body = fold_fast(rows[0][0]) if rows and rows[0][0] else ""
    return dedupe.jaccard(folded, body) if body else score


def stored_bands(store: Store, keys: Iterable[int]) -> dict[int, list[int]]:
    """Band key → the stored articles with that band, for many keys in a few statements
    (one on PostgreSQL, whose planner takes long over a list of 500 values)."""
    found: dict[int, list[int]] = {}
    ordered = sorted(set(keys))
    if store.dialect == "postgresql":
        rows = store.query(
            "SELECT band_key, article_id FROM minhash_bands WHERE band_key = ANY(?::bigint[])",
            (ordered,),
        )
    else:
        rows = []
        for start in range(0, len(ordered), LOOKUP_CHUNK):
            chunk = ordered[start : start + LOOKUP_CHUNK]
            rows += store.query(
                "SELECT band_key, article_id FROM minhash_bands "
                f"WHERE band_key IN ({','.join(['?'] * len(chunk))})",
                chunk,
            )
    for key, article_id in rows:
        found.setdefault(int(key), []).append(int(article_id))
    return found


def sign_again(store: Store) -> None:
    """Sign every stored article again when the store holds signatures of an older
    scheme (`dedupe.OLD_SCHEMES`, migration 0009), so that new articles find old ones:
    from its stored body, the text it was signed from. An article stored with no body
    was signed from its whole text, which the store does not keep: it is signed with
    nothing (found by its exact hash alone, as an empty text). A scheme this diplonews
    does not know is refused."""
    rows = store.query("SELECT name FROM minhash_scheme WHERE id = 1")
    scheme = str(rows[0][0]) if rows else dedupe.SCHEME
    if scheme == dedupe.SCHEME:
        return
    if scheme not in dedupe.OLD_SCHEMES:
        raise StoreError(
            f"{store.location}: MinHash signatures of an unknown scheme {scheme!r} "
            f"(this is diplonews {__version__}, which signs with {dedupe.SCHEME!r}): "
            "upgrade diplonews"
        )
    store.execute("DELETE FROM minhash_bands")
    last = 0
    while True:
        signed: list[tuple[bytes, int]] = []
        bands: list[tuple[int, int]] = []
        rows = store.query(
            "SELECT id, body FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, LOOKUP_CHUNK)
        )
        for article_id, body in rows:
            signature = dedupe.signature_of_folded(fold_fast(body)) if body else b""
            signed.append((signature, int(article_id)))
            bands += [(key, int(article_id)) for key in sorted(set(dedupe.band_keys(signature)))]
            last = int(article_id)
        if not rows:
            break
        store.executemany("UPDATE articles SET minhash = ? WHERE id = ?", signed)
        store.executemany(
            "INSERT INTO minhash_bands (band_key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            bands,
        )
    store.execute("UPDATE minhash_scheme SET name = ? WHERE id = 1", (dedupe.SCHEME,))


def _extracted(item: Prepared) -> dict[str, Any]:
    """The columns of `articles` that extraction gives (a newer version rewrites them)."""
    record = item.record
    return {
        "title": record.get("title"),
        "published": record.get("published"),
        "credits": _to_json(record.get("credits") or []),
        "body": item.body,
        "record": _to_json(record),
        "minhash": item.signature,
        "extractor": __version__,
        "added_at": _now(),
    }


def _band_rows(bands: dict[int, tuple[bytes, list[int]]]) -> list[tuple[int, int]]:
    """(band key, article) of these articles' bands, in that order: sorted by key alone,
    articles taken in order (a stable sort), twice as fast as comparing tuples."""
    rows = [(key, a) for a in sorted(bands) for key in bands[a][1]]
    rows.sort(key=itemgetter(0))
    return rows


# --- articles ------------------------------------------------------------------------


class Writer:
    """Writes articles within one transaction (one ingest batch).

    Search entries of people and events are rewritten once per batch, in `finish`,
    rather than once per article that mentions them: a head of state reported by a
    thousand articles would otherwise cost a thousand rewrites of a growing entry.
    The MinHash bands of the batch's articles are written in `finish` too, in one
    statement in key order (32 rows an article were a third of the writing): until
    then `near_duplicate` finds them here. So are the articles' own search entries:
    SQLite's FTS5 writes its pending entries out at the end of every savepoint, and
    an article's savepoint (`ingest`) made one index segment per article, which then
    had to be merged. `look_up_bands` reads the stored bands of a whole batch in a few
    statements. A caller whose article fails after `add_article` calls
    `forget_pending(mark)` with the `mark()` taken before it."""

    def __init__(self, store: Store, lexicons: Lexicons) -> None:
        self.store = store
        self.lexicons = lexicons
        self.dirty_people: set[int] = set()
        self.dirty_events: set[int] = set()
        self.bands: dict[int, tuple[bytes, list[int]]] = {}  # article: signature, band keys
        self.pending_keys: set[int] = set()  # the band keys of `bands`
        self.entries: dict[int, tuple[str, str]] = {}  # article: folded title, body to index
        # Band key: stored articles with it, for the keys of the batch (`look_up_bands`);
        # None: look each article's up (and after any stored band was deleted).
        self.stored: dict[int, list[int]] | None = None
        self.looked_up: set[int] = set()  # the keys `stored` answers for
        # The people the batch's names may be (`look_up_people`); None: ask the store.
        self.people: KnownPeople | None = None
        sign_again(store)

    def mark(self) -> Mark:
        return dict(self.bands), dict(self.entries)

    def forget_pending(self, mark: Mark) -> None:
        """The bands and search entries as they were at `mark` (the savepoint since was
        undone)."""
        self.bands, self.entries = dict(mark[0]), dict(mark[1])
        self.people = None  # it may hold people the savepoint added
        self.pending_keys = {key for _, keys in self.bands.values() for key in keys}

    def look_up_bands(self, items: Iterable[Prepared]) -> None:
        """Read which stored articles share a band with these (the batch to come)."""
        self.looked_up = set(chain.from_iterable(i.band_keys() for i in items))
        self.stored = stored_bands(self.store, self.looked_up)

    def _unseen_bands(self) -> set[int]:
        """The batch's articles none of whose bands the store holds: each of their keys
        was looked up (under the writer lock, before the batch wrote a band) and not
        found with them. Empty once the lookup no longer holds (a band was deleted)."""
        if self.stored is None:
            return set()
        unseen = set()
        for article_id, (_, keys) in self.bands.items():
            if self.looked_up.issuperset(keys) and not any(
                article_id in self.stored[key] for key in self.stored.keys() & keys
            ):
                unseen.add(article_id)
        return unseen

    def look_up_people(self, items: Iterable[Prepared]) -> None:
        """Read which stored people share a name key with those of these articles."""
        self.people = KnownPeople(self.store, (n for i in items for n in reported_names(i.record)))

    def _drop_bands(self, article_id: int) -> None:
        if self.bands.pop(article_id, None) is not None:
            self.pending_keys = {key for _, keys in self.bands.values() for key in keys}

    def near_duplicate(self, item: Prepared) -> tuple[int, float] | None:
        """The article, stored or added in this batch, most like this one, if it is a
        near-duplicate."""
        keys = item.band_keys()
        folded = (item.folded[1] if item.folded else fold_fast(item.body)) if item.body else ""
        if self.stored is None:
            best = near_duplicate(self.store, item.signature, keys, folded)
        else:
            found = self.stored.keys() & keys  # mostly none
            stored = sorted({a for key in found for a in self.stored[key]})
            best = _most_like(self.store, item.signature, stored[:CANDIDATE_LIMIT], folded)
        pending: list[int] = []
        if not self.pending_keys.isdisjoint(keys):  # rare: scan the batch's articles
            wanted = set(keys)
            pending = sorted(a for a, (_, ks) in self.bands.items() if not wanted.isdisjoint(ks))
        for article_id in pending[:CANDIDATE_LIMIT]:
            entry = self.entries.get(article_id)  # its folded body, not indexed yet
            score = _likeness(
                self.store,
                self.bands[article_id][0],
                article_id,
                item.signature,
                folded,
                entry[1] if entry else "",
            )
            if score >= dedupe.THRESHOLD and (best is None or score > best[1]):
                best = (article_id, score)
        return best

    def finish(self) -> None:
        """Write the batch's bands and its articles' search entries, bring the search
        entries of what this batch touched up to date, and raise the store's
        generation: what readers computed before this batch is stale."""
        rows = _band_rows(self.bands)
        if self.store.dialect == "postgresql" and rows:  # one statement, not a row each
            # ON CONFLICT makes each row a speculative insertion, which costs the server
            # more than the insert: asked only of the rows the store may hold already.
            unseen = self._unseen_bands()
            for part, guard in (
                (_band_rows({a: self.bands[a] for a in unseen}), ""),
                (
                    _band_rows({a: b for a, b in self.bands.items() if a not in unseen}),
                    " ON CONFLICT DO NOTHING",
                ),
            ):
                if part:
                    self.store.execute(
                        "INSERT INTO minhash_bands (band_key, article_id) "
                        "SELECT * FROM unnest(?::integer[], ?::integer[])" + guard,
                        ([key for key, _ in part], [a for _, a in part]),
                    )
        else:
            self.store.executemany(
                "INSERT INTO minhash_bands (band_key, article_id) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                rows,
            )
        self.bands.clear()
        self.pending_keys.clear()
        self.store.execute("UPDATE generation SET value = value + 1 WHERE id = 1")
        # All of the batch's search entries in one call: the store writes them in the
        # order its index takes them fastest (FTS5: by rowid, one segment a batch).
        entries: list[tuple[str, int, tuple[str, str] | None]] = [
            ("article", article_id, text) for article_id, text in sorted(self.entries.items())
        ]
        people = person_entries(self.store, sorted(self.dirty_people), self.lexicons)
        entries += [("person", person_id, entry) for person_id, entry in people.items()]
        events = event_entries(self.store, sorted(self.dirty_events), self.lexicons)
        entries += [("event", event_id, entry) for event_id, entry in events.items()]
        self.store.index_many(entries)
        self.entries.clear()
        self.dirty_people.clear()
        self.dirty_events.clear()

    def add_article(self, item: Prepared) -> int:
        """Store a new distinct article and resolve its people and events; its id."""
        store = self.store
        columns = {"doc_id": item.doc_id, "content_hash": item.content_hash, "url": item.url}
        columns.update(_extracted(item))
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        article_id = store.insert(
            f"INSERT INTO articles ({names}) VALUES ({marks}) RETURNING id", list(columns.values())
        )
        add_copy(store, item.source, article_id, item.doc_id, item.url, item.content_hash, 1.0)
        self._add_contents(article_id, item)
        return article_id

    def _add_contents(self, article_id: int, item: Prepared) -> None:
        """Everything extraction gave an article, resolved: its signature's bands, its
        search entry, people, events, figures and milestones."""
        store = self.store
        record = item.record
        keys = sorted(set(item.band_keys()))
        self.bands[article_id] = (item.signature, keys)  # written in `finish`
        self.pending_keys.update(keys)
        # Indexed in `finish`, with the batch's other articles.
        self.entries[article_id] = item.folded or (fold(record.get("title") or ""), fold(item.body))
        people = self._add_people(article_id, item)
        for position, event in enumerate(record.get("events") or []):
            span = item.spans[position] if position < len(item.spans) else None
            self._add_event(article_id, position, event, span, people)
        if record.get("figures"):  # most articles have none: no statement then
            store.executemany(
                "INSERT INTO figures (article_id, what, value, unit, year, evidence) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (article_id, f["what"], f["value"], f["unit"], f.get("year"), f.get("evidence"))
                    for f in record["figures"]
                ],
            )
        if not item.milestones:
            return
        store.executemany(
            "INSERT INTO milestones (article_id, kind, parties, label, start_date, end_date, "
            "holder, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    m["kind"],
                    "|".join(sorted(m["parties"])),
                    m["label"],
                    m.get("start"),
                    m.get("end"),
                    m.get("holder"),
                    m.get("evidence"),
                )
                for m in item.milestones
            ],
        )

    def _remove_contents(self, article_id: int) -> None:
        """Undo `_add_contents`: the events and people the article reported are
        reconciled from their other reports, or go when it was their only one."""
        store = self.store
        self.people = None  # people may go: ask the store from now on
        events = [
            int(r[0])
            for r in store.query(
                "SELECT DISTINCT event_id FROM mentions WHERE article_id = ?", (article_id,)
            )
        ]
        people = [
            int(r[0])
            for r in store.query(
                "SELECT DISTINCT person_id FROM person_mentions WHERE article_id = ?",
                (article_id,),
            )
        ]
        for table in ("mentions", "person_mentions", "figures", "milestones"):
            store.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self._drop_bands(article_id)
        self.stored = None  # stored bands go: look them up again
        for (signature,) in store.query("SELECT minhash FROM articles WHERE id = ?", (article_id,)):
            keys = sorted(set(dedupe.band_keys(bytes(signature))))
            if not keys:  # signed with nothing: no bands
                continue
            store.execute(  # found by its keys: the index has no other way to the article
                "DELETE FROM minhash_bands WHERE article_id = ? AND band_key IN "
                f"({', '.join('?' for _ in keys)})",
                (article_id, *keys),
            )
        if self.entries.pop(article_id, None) is None:  # else not indexed yet
            store.unindex_text("article", article_id)
        for person_id in people:
            if store.query(
                "SELECT 1 FROM person_mentions WHERE person_id = ? LIMIT 1", (person_id,)
            ):
                self.dirty_people.add(person_id)
                continue
            store.execute(
                "UPDATE event_participants SET person_id = NULL WHERE person_id = ?",
                (person_id,),
            )
            store.execute("DELETE FROM people WHERE id = ?", (person_id,))
            store.unindex_text("person", person_id)
            self.dirty_people.discard(person_id)
        for event_id in events:
            if reconcile_event(store, event_id):
                self.dirty_events.add(event_id)
            else:
                self.dirty_events.discard(event_id)

    def refresh_article(self, article_id: int, item: Prepared) -> None:
        """Re-extracted text of a stored article (a newer diplonews): its record is
        replaced, its copies kept."""
        self._remove_contents(article_id)
        columns = _extracted(item)
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.store.execute(
            f"UPDATE articles SET {assignments} WHERE id = ?", [*columns.values(), article_id]
        )
        self._add_contents(article_id, item)

    def _add_people(self, article_id: int, item: Prepared) -> dict[str, int]:
        """Resolve the article's people (and participants it names only in events):
        strict name key → person id."""
        reported: dict[str, dict[str, Any]] = {}
        for person in item.record.get("people") or []:
            reported.setdefault(resolve.strict_key(person["name"]), dict(person))
        for event in item.record.get("events") or []:
            for participant in event.get("participants") or []:
                key = resolve.strict_key(participant["name"])
                known = reported.setdefault(
                    key, {"name": participant["name"], "country": None, "titles": []}
                )
                known["country"] = known.get("country") or participant.get("country")
                if participant.get("title") and participant["title"] not in known["titles"]:
                    known["titles"] = [*known["titles"], participant["title"]]
        ids = {}
        mentions = []
        for key, person in reported.items():
            person_id = resolve_person(
                self.store, person["name"], person.get("country"), self.people
            )
            ids[key] = person_id
            mentions.append(
                (
                    person_id,
                    article_id,
                    person["name"],
                    person.get("country"),
                    _to_json(person.get("titles") or []),
                    item.seen,
                )
            )
            self.dirty_people.add(person_id)
        if mentions:  # the article's mentions in one statement, in the same order
            self.store.executemany(
                "INSERT INTO person_mentions (person_id, article_id, name, country, titles, seen) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                mentions,
            )
        return ids

    def _add_event(
        self,
        article_id: int,
        position: int,
        event: dict[str, Any],
        span: tuple[int, int] | None,
        people: dict[str, int],
    ) -> int:
        store = self.store
        report = dict(event)
        report["participants"] = [
            {**p, "person_id": people.get(resolve.strict_key(p["name"]))}
            for p in event.get("participants") or []
        ]
        view = EventView(
            kind=event["kind"],
            date=event.get("date"),
            series=event.get("series"),
            edition=event.get("edition"),
            parties=frozenset(event.get("parties") or []),
            people=frozenset(p["person_id"] for p in report["participants"] if p["person_id"]),
            articles=frozenset({article_id}),
        )
        event_id = resolve.best_match(event_views(store, candidates(store, view)), view)
        if event_id is None:
            event_id = store.insert(
                "INSERT INTO events (kind, status, parties, outcomes) VALUES (?, ?, ?, ?) "
                "RETURNING id",
                (event["kind"], event.get("status") or "held", "[]", "[]"),
            )
        store.execute(
            "INSERT INTO mentions (event_id, article_id, position, record, evidence, "
            "evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                article_id,
                position,
                _to_json(report),
                event.get("evidence"),
                span[0] if span else None,
                span[1] if span else None,
            ),
        )
        if reconcile_event(store, event_id):
            self.dirty_events.add(event_id)
        return event_id

    def forget_source(self, source: str) -> None:
        """A source whose text changed: drop its copy, and its article if no other copy
        is left."""
        store = self.store
        rows = store.query("SELECT article_id FROM copies WHERE source = ?", (source,))
        store.execute("DELETE FROM copies WHERE source = ?", (source,))
        if not rows:
            return
        article_id = int(rows[0][0])
        if store.query("SELECT 1 FROM copies WHERE article_id = ? LIMIT 1", (article_id,)):
            return
        self._remove_contents(article_id)
        store.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def resolve_person(
    store: Store, name: str, country: str | None, people: KnownPeople | None = None
) -> int:
    """The id of the stored person this name and country are, created if none is
    (`people`: the batch's, read before, kept up to date here)."""
    strict = resolve.strict_key(name)
    loose = resolve.loose_key(name)
    skeleton = resolve.skeleton_key(name)
    candidates: list[Any] | None = None
    if people is not None:
        candidates = people.candidates(strict, loose, skeleton, country, CANDIDATE_LIMIT)
    if candidates is None:
        candidates = store.query(
            "SELECT id, name, country FROM people WHERE strict_key = ? OR loose_key = ? "
            "OR (skeleton_key = ? AND country = ?) ORDER BY id LIMIT ?",
            (strict, loose, skeleton, country, CANDIDATE_LIMIT),
        )
    candidates.sort(key=lambda row: (resolve.strict_key(row[1]) != strict, row[0]))
    for person_id, known_name, known_country in candidates:
        if resolve.same_person(known_name, known_country, name, country):
            if known_country is None and country is not None:
                store.execute("UPDATE people SET country = ? WHERE id = ?", (country, person_id))
                if people is not None:
                    people.country_set(int(person_id), country)
            return int(person_id)
    person_id = store.insert(
        "INSERT INTO people (name, country, strict_key, loose_key, skeleton_key) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        (name, country, strict, loose, skeleton),
    )
    if people is not None:
        people.added(person_id, name, country, strict, loose, skeleton)
    return person_id


def reindex_person(store: Store, person_id: int, lexicons: Lexicons) -> None:
    store.index_many([("person", person_id, person_entry(store, person_id, lexicons))])


def person_entry(store: Store, person_id: int, lexicons: Lexicons) -> tuple[str, str] | None:
    """A person's search entry (folded title and body); None when no article names them."""
    return person_entries(store, [person_id], lexicons)[person_id]


def person_entries(
    store: Store, ids: list[int], lexicons: Lexicons
) -> dict[int, tuple[str, str] | None]:
    """`person_entry` of each of these people, in a statement per 500."""
    found: dict[int, list[tuple[Any, ...]]] = {person_id: [] for person_id in ids}
    for start in range(0, len(ids), LOOKUP_CHUNK):
        chunk = ids[start : start + LOOKUP_CHUNK]
        for person_id, *row in store.query(
            "SELECT person_id, name, country, titles FROM person_mentions "
            f"WHERE person_id IN ({', '.join('?' for _ in chunk)}) "
            "GROUP BY person_id, name, country, titles ORDER BY person_id, MIN(id)",
            chunk,
        ):
            found[int(person_id)].append(tuple(row))
    return {person_id: _person_entry(rows, lexicons) for person_id, rows in found.items()}


def _person_entry(rows: list[tuple[Any, ...]], lexicons: Lexicons) -> tuple[str, str] | None:
    if not rows:
        return None
    names = dict.fromkeys(row[0] for row in rows)
    titles = dict.fromkeys(t for row in rows for t in json.loads(row[2]))
    countries = {row[1] for row in rows if row[1]}
    country_names = [
        lexicons.parties[c].name_en for c in sorted(countries) if c in lexicons.parties
    ]
    return fold(" ".join(names)), fold(" ".join([*titles, *countries, *country_names]))


# --- events --------------------------------------------------------------------------


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


# A stored date `e.date` and a report's date agree when one begins the other.
_DATES_AGREE = "(e.date = substr(?, 1, length(e.date)) OR substr(e.date, 1, ?) = ?)"


def candidates(store: Store, view: EventView) -> list[int]:
    """Stored events that could be this report, found by index: events with one of its
    participants, events of its parties on its very day, events of its series. Only
    these can pass `resolve.match_score`, whatever else the store holds."""
    ids: set[int] = set()
    date = view.date
    if view.people:
        marks = ", ".join("?" for _ in view.people)
        rows = store.query(
            "SELECT DISTINCT e.id FROM event_participants p JOIN events e ON e.id = p.event_id "
            f"WHERE p.person_id IN ({marks}) AND e.kind = ? "
            + (f"AND e.date IS NOT NULL AND {_DATES_AGREE} " if date else "AND e.series = ? ")
            + "LIMIT ?",
            (
                *sorted(view.people),
                view.kind,
                *((date, len(date), date) if date else (view.series,)),
                CANDIDATE_LIMIT,
            ),
        )
        ids.update(int(r[0]) for r in rows)
    if date and len(date) >= 10 and view.parties:
        marks = ", ".join("?" for _ in view.parties)
        rows = store.query(
            "SELECT DISTINCT e.id FROM events e JOIN event_parties p ON p.event_id = e.id "
            f"WHERE e.date = ? AND e.kind = ? AND p.party IN ({marks}) LIMIT ?",
            (date, view.kind, *sorted(view.parties), CANDIDATE_LIMIT),
        )
        ids.update(int(r[0]) for r in rows)
    if view.series:
        rows = store.query(
            "SELECT e.id FROM events e WHERE e.series = ? AND e.kind = ? AND "
            f"(e.edition = ? OR (e.date IS NOT NULL AND {_DATES_AGREE})) LIMIT ?",
            (view.series, view.kind, view.edition, date, len(date or ""), date, CANDIDATE_LIMIT),
        )
        ids.update(int(r[0]) for r in rows)
    return sorted(ids)


def event_views(store: Store, ids: list[int]) -> list[tuple[int, EventView]]:
    """What resolution needs of these events, in four statements whatever their number."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    parties: dict[int, set[str]] = {i: set() for i in ids}
    people: dict[int, set[int]] = {i: set() for i in ids}
    articles: dict[int, set[int]] = {i: set() for i in ids}
    for event_id, party in store.query(
        f"SELECT event_id, party FROM event_parties WHERE event_id IN ({marks})", ids
    ):
        parties[int(event_id)].add(party)
    for event_id, person_id in store.query(
        f"SELECT event_id, person_id FROM event_participants WHERE event_id IN ({marks}) "
        "AND person_id IS NOT NULL",
        ids,
    ):
        people[int(event_id)].add(int(person_id))
    for event_id, article_id in store.query(
        f"SELECT event_id, article_id FROM mentions WHERE event_id IN ({marks})", ids
    ):
        articles[int(event_id)].add(int(article_id))
    return [
        (
            int(event_id),
            EventView(
                kind=kind,
                date=date,
                series=series,
                edition=edition,
                parties=frozenset(parties[int(event_id)]),
                people=frozenset(people[int(event_id)]),
                articles=frozenset(articles[int(event_id)]),
            ),
        )
        for event_id, kind, date, series, edition in store.query(
            f"SELECT id, kind, date, series, edition FROM events WHERE id IN ({marks}) ORDER BY id",
            ids,
        )
    ]


def reconcile_event(store: Store, event_id: int) -> bool:
    """Rewrite an event's fields from its reports; delete it when none is left."""
    rows = store.query(
        "SELECT m.record FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.event_id = ? ORDER BY a.published IS NOT NULL, a.published, m.id",
        (event_id,),
    )
    store.execute("DELETE FROM event_parties WHERE event_id = ?", (event_id,))
    store.execute("DELETE FROM event_participants WHERE event_id = ?", (event_id,))
    if not rows:
        store.execute("DELETE FROM events WHERE id = ?", (event_id,))
        store.unindex_text("event", event_id)
        return False
    merged = resolve.reconcile([json.loads(r[0]) for r in rows])
    store.execute(
        "UPDATE events SET kind = ?, status = ?, name = ?, series = ?, edition = ?, date = ?, "
        "year = ?, format = ?, location = ?, parties = ?, outcomes = ? WHERE id = ?",
        (
            merged.kind,
            merged.status,
            merged.name,
            merged.series,
            merged.edition,
            merged.date,
            _year(merged.date),
            merged.format,
            merged.location,
            json.dumps(merged.parties),
            json.dumps(merged.outcomes, ensure_ascii=False),
            event_id,
        ),
    )
    store.executemany(
        "INSERT INTO event_parties (event_id, party) VALUES (?, ?)",
        [(event_id, party) for party in merged.parties],
    )
    cited = sorted({int(p["person_id"]) for p in merged.participants if p.get("person_id")})
    known = (
        {  # a person forgotten with the article that named them is not linked
            int(r[0])
            for r in store.query(
                f"SELECT id FROM people WHERE id IN ({', '.join('?' for _ in cited)})", cited
            )
        }
        if cited
        else set()
    )
    store.executemany(
        "INSERT INTO event_participants (event_id, position, person_id, name, country, title, "
        "role) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                event_id,
                n,
                p.get("person_id") if p.get("person_id") in known else None,
                p["name"],
                p.get("country"),
                p.get("title"),
                p["role"],
            )
            for n, p in enumerate(merged.participants)
        ],
    )
    return True


def reindex_event(store: Store, event_id: int, lexicons: Lexicons) -> None:
    store.index_many([("event", event_id, event_entry(store, event_id, lexicons))])


def event_entry(store: Store, event_id: int, lexicons: Lexicons) -> tuple[str, str] | None:
    """An event's search entry (folded title and body); None when it is gone."""
    return event_entries(store, [event_id], lexicons)[event_id]


def event_entries(
    store: Store, ids: list[int], lexicons: Lexicons
) -> dict[int, tuple[str, str] | None]:
    """`event_entry` of each of these events, in three statements per 500."""
    fields: dict[int, tuple[Any, ...]] = {}
    evidence: dict[int, list[str]] = {event_id: [] for event_id in ids}
    participants: dict[int, list[str]] = {event_id: [] for event_id in ids}
    for start in range(0, len(ids), LOOKUP_CHUNK):
        chunk = ids[start : start + LOOKUP_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for event_id, *row in store.query(
            "SELECT id, name, series, location, parties, outcomes FROM events "
            f"WHERE id IN ({marks})",
            chunk,
        ):
            fields[int(event_id)] = tuple(row)
        for event_id, text in store.query(
            f"SELECT event_id, evidence FROM mentions WHERE event_id IN ({marks}) "
            "AND evidence IS NOT NULL ORDER BY event_id, id",
            chunk,
        ):
            evidence[int(event_id)].append(str(text))
        for event_id, name in store.query(
            f"SELECT event_id, name FROM event_participants WHERE event_id IN ({marks}) "
            "ORDER BY event_id, position",
            chunk,
        ):
            participants[int(event_id)].append(str(name))
    return {
        event_id: _event_entry(
            fields[event_id], evidence[event_id], participants[event_id], lexicons
        )
        if event_id in fields
        else None
        for event_id in ids
    }


def _event_entry(
    fields: tuple[Any, ...], evidence: list[str], participants: list[str], lexicons: Lexicons
) -> tuple[str, str]:
    name, series, location, parties, outcomes = fields
    party_names = [
        form
        for code in json.loads(parties)
        for form in [code, *lexicons.party_forms.get(code, [])[:2]]
        + ([lexicons.parties[code].name_en] if code in lexicons.parties else [])
    ]
    title = " ".join(filter(None, [name, series, location, *party_names]))
    body = " ".join([*evidence, *participants, *json.loads(outcomes)])
    return fold(title), fold(body)
