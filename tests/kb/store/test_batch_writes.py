"""What a write batch reads ahead or sends without waiting changes nothing stored: the
people read for a batch (`KnownPeople`) resolve names as the store would, and
PostgreSQL numbers the rows a batch inserts as one `nextval` a row would."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplonews.kb import resolve
from diplonews.kb.store import Store, open_store
from diplonews.kb.store.known_people import KnownPeople
from diplonews.kb.store.writes import resolve_person

# Spellings of a few people (as Vietnamese news writes them) that share keys in
# different ways: the same strict key, the same loose key, vowels that differ.
NAMES = [
    "Nguyễn Quốc Dũng",
    "Nguyen Quoc Dung",
    "Nguyễn Quốc Dụng",
    "Yeo Seung-bae",
    "Yeo Seung Bae",
    "Yeo Sung-bae",
    "Chung Eui-yong",
    "Chung Eui-young",
    "Kim Gunn",
    "Kim Gun",
    "Kim Jong",
]
COUNTRIES = [None, "VNM", "KOR"]
REPORTS = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(COUNTRIES)), max_size=14)


Reports = list[tuple[str, str | None]]


def _resolved(store: Store, stored: Reports, reports: Reports, ahead: bool) -> list[int]:
    with store.transaction():
        for name, country in stored:
            resolve_person(store, name, country)
        people = KnownPeople(store, [name for name, _ in reports]) if ahead else None
        return [resolve_person(store, name, country, people) for name, country in reports]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stored=REPORTS, reports=REPORTS)
def test_known_people_resolve_names_as_the_store_does(stored: Reports, reports: Reports) -> None:
    """The same names resolved one statement each and from the people read ahead give
    the same people, countries filled in alike, whatever the store held before."""
    found = []
    for ahead in (False, True):
        store = open_store(":memory:")
        try:
            ids = _resolved(store, stored, reports, ahead)
            found.append((ids, store.query("SELECT * FROM people ORDER BY id")))
        finally:
            store.close()
    assert found[0] == found[1]


def _keys(name: str) -> tuple[str, str, str]:
    return resolve.strict_key(name), resolve.loose_key(name), resolve.skeleton_key(name)


def test_known_people_answer_only_for_the_names_read(store: Store) -> None:
    with store.transaction():
        resolve_person(store, "Kim Gunn", "KOR")
    people = KnownPeople(store, ["Kim Gun"])
    assert people.candidates(*_keys("Kim Gun"), "KOR", 200) == [(1, "Kim Gunn", "KOR")]
    assert people.candidates(*_keys("Kim Jong"), None, 200) is None


def test_known_people_same_on_each_backend(store: Store) -> None:
    reports = [(name, COUNTRIES[n % 3]) for n, name in enumerate(NAMES * 2)]
    alone = open_store(":memory:")
    try:
        expected = _resolved(alone, reports[:5], reports, False)
    finally:
        alone.close()
    assert _resolved(store, reports[:5], reports, True) == expected


# --- PostgreSQL: ids reserved for a batch ---------------------------------------------


def _insert_person(store: Store, name: str) -> int:
    return store.insert(
        "INSERT INTO people (name, country, strict_key, loose_key, skeleton_key) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        (name, None, name, name, name),
    )


@pytest.mark.postgres
def test_batch_numbers_rows_as_nextval_would(postgres_url: str) -> None:
    store = open_store(postgres_url)
    try:
        with store.batch():
            assert [_insert_person(store, f"a{n}") for n in range(40)] == list(range(1, 41))
        with store.transaction():  # outside a batch: the sequence's own next value
            assert _insert_person(store, "b") == 41
        with store.batch():  # three of a block: the rest goes back
            assert [_insert_person(store, f"c{n}") for n in range(3)] == [42, 43, 44]
        with store.transaction():
            assert _insert_person(store, "d") == 45
        stored = store.query("SELECT id, name FROM people ORDER BY id")
        assert [row[0] for row in stored] == list(range(1, 46))
    finally:
        store.close()


@pytest.mark.postgres
def test_batch_ids_of_an_undone_savepoint_are_not_reused(postgres_url: str) -> None:
    """As with `nextval`: a rolled-back insert leaves its id unused; nothing collides."""
    store = open_store(postgres_url)
    try:
        with store.batch():
            assert _insert_person(store, "a") == 1
            with pytest.raises(RuntimeError), store.transaction():
                assert _insert_person(store, "b") == 2
                raise RuntimeError("undone")
            assert _insert_person(store, "c") == 3
        with pytest.raises(RuntimeError), store.batch():
            _insert_person(store, "d")
            raise RuntimeError("batch undone")
        with store.batch():
            later = _insert_person(store, "e")
        with store.transaction():
            last = _insert_person(store, "f")
        names = [row[0] for row in store.query("SELECT name FROM people ORDER BY id")]
        assert names == ["a", "c", "e", "f"]
        assert 3 < later < last
    finally:
        store.close()


@pytest.mark.postgres
def test_batch_insert_errors_surface_in_the_batch(postgres_url: str) -> None:
    """An insert sent without waiting still fails its savepoint, not a later one."""
    import psycopg

    store = open_store(postgres_url)
    try:
        with store.batch():
            with pytest.raises(psycopg.errors.NotNullViolation), store.transaction():
                store.insert(
                    "INSERT INTO people (name, country, strict_key, loose_key, skeleton_key) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id",
                    (None, None, "x", "x", "x"),
                )
            assert _insert_person(store, "kept") == 2
        assert store.query("SELECT id, name FROM people") == [(2, "kept")]
    finally:
        store.close()


@pytest.mark.postgres
def test_batch_without_the_right_to_set_a_sequence_waits_for_each_id(postgres_url: str) -> None:
    """A role that may take the next value of a sequence but not set it: ids as before."""
    store = open_store(postgres_url)
    try:
        sequence = store.query("SELECT pg_get_serial_sequence('people', 'id')")[0][0]
        store.execute(f"REVOKE UPDATE ON SEQUENCE {sequence} FROM CURRENT_USER")
        with store.batch():
            assert [_insert_person(store, f"a{n}") for n in range(3)] == [1, 2, 3]
        with store.transaction():
            assert _insert_person(store, "b") == 4
    finally:
        store.close()


# --- MinHash bands written at the end of a batch --------------------------------------


def test_batch_bands_a_store_already_holds_are_kept_once(store: Store) -> None:
    """Bands are written without a conflict check only for articles whose every key the
    batch looked up and found without them: a row the store holds already (of a key
    looked up, or of one not looked up) is kept once, not refused."""
    from diplonews.extract.lexicons import load
    from diplonews.kb.store import writes

    with store.transaction():
        store.executemany(
            "INSERT INTO minhash_bands (band_key, article_id) VALUES (?, ?)", [(2, 7), (4, 8)]
        )
    with store.batch():
        writer = writes.Writer(store, load())
        writer.looked_up = {1, 2, 3, 5, 6}  # key 4 not looked up
        writer.stored = writes.stored_bands(store, writer.looked_up)
        writer.bands = {7: (b"", [1, 2, 3]), 8: (b"", [4, 5]), 9: (b"", [6])}
        assert writer._unseen_bands() == {9}
        writer.finish()
    rows = store.query("SELECT band_key, article_id FROM minhash_bands ORDER BY 1, 2")
    assert [tuple(r) for r in rows] == [(1, 7), (2, 7), (3, 7), (4, 8), (5, 8), (6, 9)]
