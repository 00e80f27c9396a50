"""Stable identities of events and people, which corrections are keyed to.

Store ids change when an article is re-ingested or re-extracted: an event is its
reports, a person their name. So a correction names its target the way the record
itself does: an event by the sources that report it and the evidence sentence of each
report (offsets, and the sentence itself); a person by their name key, country and the
spellings articles give. `find_event` and `find_person` give the store id such an
identity has now, or None when it has vanished (the reports are gone, the sentence
rewritten past recognition).

An event's report is found again, in order of trust: the same text (content hash) with
the same offsets; the same source or text with the same sentence (folded); the same
source with a sentence at least `SIMILAR`% alike (an edited article).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rapidfuzz import fuzz

from diplonews.kb import resolve
from diplonews.kb.store import Store
from diplonews.text import fold

SIMILAR = 90  # rapidfuzz ratio of two folded evidence sentences that are one edited


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def event_target(store: Store, event_id: int) -> dict[str, Any] | None:
    """The identity of a stored event: each report's article (hash, doc id, sources)
    and evidence (offsets and sentence)."""
    rows = store.query(
        "SELECT m.article_id, a.content_hash, a.doc_id, m.evidence, m.evidence_start, "
        "m.evidence_end FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.event_id = ? ORDER BY m.id",
        (event_id,),
    )
    if not rows:
        return None
    article_ids = sorted({int(r[0]) for r in rows})
    sources: dict[int, list[str]] = {i: [] for i in article_ids}
    for article_id, source in store.query(
        f"SELECT article_id, source FROM copies WHERE article_id IN ({_marks(article_ids)}) "
        "ORDER BY source",
        article_ids,
    ):
        sources[int(article_id)].append(str(source))
    return {
        "mentions": [
            {
                "hash": content_hash,
                "doc": doc_id,
                "sources": sources[int(article_id)],
                "start": start,
                "end": end,
                "evidence": evidence,
            }
            for article_id, content_hash, doc_id, evidence, start, end in rows
        ]
    }


def _articles(store: Store, anchor: dict[str, Any]) -> dict[int, str]:
    """Stored articles that hold the anchor's report: article id → its content hash."""
    ids: set[int] = set()
    for (article_id,) in store.query(
        "SELECT id FROM articles WHERE content_hash = ? "
        "UNION SELECT article_id FROM copies WHERE content_hash = ?",
        (anchor["hash"], anchor["hash"]),
    ):
        ids.add(int(article_id))
    sources = list(anchor.get("sources") or [])
    if sources:
        rows = store.query(
            f"SELECT article_id FROM copies WHERE source IN ({_marks(sources)})", sources
        )
        ids.update(int(r[0]) for r in rows)
    if not ids and anchor.get("doc"):
        rows = store.query("SELECT article_id FROM copies WHERE doc_id = ?", (anchor["doc"],))
        ids.update(int(r[0]) for r in rows)
    if not ids:
        return {}
    found = sorted(ids)
    return {
        int(i): str(h)
        for i, h in store.query(
            f"SELECT id, content_hash FROM articles WHERE id IN ({_marks(found)})", found
        )
    }


def _report_event(store: Store, anchor: dict[str, Any]) -> int | None:
    articles = _articles(store, anchor)
    if not articles:
        return None
    ids = sorted(articles)
    rows = store.query(
        "SELECT event_id, article_id, evidence, evidence_start, evidence_end FROM mentions "
        f"WHERE article_id IN ({_marks(ids)}) ORDER BY id",
        ids,
    )
    wanted = fold(anchor.get("evidence") or "")
    best: tuple[float, int] | None = None
    for event_id, article_id, evidence, start, end in rows:
        same_text = articles[int(article_id)] == anchor["hash"]
        if (
            same_text
            and anchor.get("start") is not None
            and (start, end)
            == (
                anchor["start"],
                anchor["end"],
            )
        ):
            return int(event_id)
        if not wanted or not evidence:
            continue
        folded = fold(evidence)
        score = 100.0 if folded == wanted else fuzz.ratio(folded, wanted)
        if score >= SIMILAR and (best is None or score > best[0]):
            best = (score, int(event_id))
    return best[1] if best else None


def find_event(store: Store, target: dict[str, Any]) -> int | None:
    """The stored event most of the target's reports belong to now, if any does."""
    votes: Counter[int] = Counter()
    for anchor in target.get("mentions") or []:
        event_id = _report_event(store, anchor)
        if event_id is not None:
            votes[event_id] += 1
    if not votes:
        return None
    return min(votes, key=lambda event_id: (-votes[event_id], event_id))


def person_target(store: Store, person_id: int) -> dict[str, Any] | None:
    rows = store.query("SELECT name, country, strict_key FROM people WHERE id = ?", (person_id,))
    if not rows:
        return None
    name, country, key = rows[0]
    names = [
        str(r[0])
        for r in store.query(
            "SELECT name FROM person_mentions WHERE person_id = ? GROUP BY name ORDER BY MIN(id)",
            (person_id,),
        )
    ]
    return {"key": key, "name": name, "country": country, "names": names or [name]}


def find_person(store: Store, target: dict[str, Any]) -> int | None:
    """The stored person the target is now: by name key, else by the spellings it had."""
    rows = store.query("SELECT id FROM people WHERE strict_key = ? ORDER BY id", (target["key"],))
    if rows:
        return int(rows[0][0])
    names = list(target.get("names") or [])
    if not names:
        return None
    rows = store.query(
        f"SELECT person_id, COUNT(*) FROM person_mentions WHERE name IN ({_marks(names)}) "
        "GROUP BY person_id ORDER BY COUNT(*) DESC, person_id LIMIT 1",
        names,
    )
    return int(rows[0][0]) if rows else None


def person_by_name(store: Store, name: str) -> int | None:
    """A stored person of exactly this name key, for a participant an editor adds."""
    rows = store.query(
        "SELECT id FROM people WHERE strict_key = ? ORDER BY id LIMIT 1",
        (resolve.strict_key(name),),
    )
    return int(rows[0][0]) if rows else None
