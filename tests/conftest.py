"""Shared fixtures: the test data folders (tests/data; never modified by tests), and
stores of every backend (PostgreSQL ones when $DIPLONEWS_TEST_POSTGRES names a server)."""

import functools
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from diplonews import api
from diplonews.kb.store import Store, open_store

DATA = Path(__file__).parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    """The five seed articles (`*.txt`) with their gold records (`gold.jsonl`)."""
    return DATA / "seeds"


@pytest.fixture
def dev_dir() -> Path:
    """The dev articles (`v*.txt`) with their gold records (`gold.jsonl`)."""
    return DATA / "dev"


@pytest.fixture
def seed_articles(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


# --- stores: the contract suite runs against every backend ---------------------------

POSTGRES_ENV = "DIPLONEWS_TEST_POSTGRES"  # a server URL whose role may CREATE DATABASE
REQUIRE_POSTGRES_ENV = "DIPLONEWS_REQUIRE_POSTGRES"  # "1": no server is a failure (CI)
POSTGRES_HOWTO = (
    f"PostgreSQL tests skipped: set {POSTGRES_ENV}=postgresql://user:pass@host:5432/postgres "
    "(a role allowed to CREATE DATABASE)"
)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The URL of the PostgreSQL server to test against; skips without one, unless CI
    requires it."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if url:
        return url
    if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
        pytest.fail(f"{REQUIRE_POSTGRES_ENV}=1 but {POSTGRES_ENV} is unset", pytrace=False)
    pytest.skip(POSTGRES_HOWTO)


@contextmanager
def fresh_postgres_database(
    server: str, template: str | None = None, *, clause: str | None = None
) -> Iterator[str]:
    """A new database on the server (dropped afterwards), its URL: a copy of `template`,
    else one made by `clause` (what follows CREATE DATABASE name), else an empty one
    that collates the way most servers do, by language (ICU en-US) rather than by code
    point, so a query whose order depends on the database's locale shows up as a
    difference between the backends."""
    import psycopg

    name = f"diplonews_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server, autocommit=True) as admin:
        if template or clause:
            admin.execute(f"CREATE DATABASE {name} {clause or f'TEMPLATE {template}'}")
        else:
            try:
                admin.execute(
                    f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                    "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"
                )
            except psycopg.Error:  # before PostgreSQL 15, or built without ICU
                admin.execute(
                    f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
                )
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            try:  # waits for autovacuum, which FORCE may not stop (not our role's process)
                admin.execute(f"DROP DATABASE IF EXISTS {name}")
            except psycopg.errors.ObjectInUse:  # a connection a failed test left open
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def new_postgres_database(postgres_server: str) -> Callable[..., AbstractContextManager[str]]:
    """`fresh_postgres_database` on the test server: `with new_postgres_database(clause=…)`."""
    return functools.partial(fresh_postgres_database, postgres_server)


@pytest.fixture(scope="session")
def postgres_template(postgres_server: str) -> Iterator[str]:
    """The name of a database holding a new, migrated store, which each test's store
    is a copy of (copying a database is faster than migrating one)."""
    with fresh_postgres_database(postgres_server) as url:
        open_store(url).close()
        yield urlsplit(url).path.lstrip("/")


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new, empty store is: a SQLite file (not yet there), or a fresh PostgreSQL
    database (already migrated)."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    server = request.getfixturevalue("postgres_server")
    with fresh_postgres_database(server, request.getfixturevalue("postgres_template")) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, migrated, empty store of each backend."""
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (no diplonews tables yet)."""
    with fresh_postgres_database(postgres_server) as url:
        yield url


@pytest.fixture(scope="module")
def module_postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh PostgreSQL database that one test module's tests share."""
    with fresh_postgres_database(postgres_server) as url:
        yield url


# --- a user's own lexicon rows (--lexicon) --------------------------------------------

# A country and a series the shipped lexicons do not know: Wonderland (XWL) and its tea
# party with Vietnam.
USER_COUNTRIES = (
    "code\tname_en\tshort_en\tkind\tnames\tshort_forms\tmembers\n"
    "XWL\tRepublic of Wonderland\tWonderland\tstate\tXứ Sở Thần Tiên|Thần Tiên quốc\t\t\n"
)
USER_SERIES = (
    "series_en\tnames\tparties\n"
    "Wonderland Tea Party\tTiệc trà Thần Tiên|Tiệc Trà Thần Tiên\tVNM|XWL\n"
)
# "On 12 March 2024 in Hanoi, Foreign Minister Bùi Thanh Sơn and Wonderland's Foreign
# Minister Alice Liddell co-chaired the 3rd Wonderland Tea Party."
WONDERLAND_ARTICLE = (
    "Hà Nội, ngày 12/3/2024 - Ngày 12/3/2024, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh "
    "Sơn và Bộ trưởng Ngoại giao Xứ Sở Thần Tiên Alice Liddell đã đồng chủ trì Tiệc trà "
    "Thần Tiên lần thứ 3. Hai bên nhất trí thúc đẩy quan hệ Việt Nam - Xứ Sở Thần Tiên.\n"
)


@pytest.fixture(scope="session")
def user_lexicon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A `--lexicon` folder with a new country (Xứ Sở Thần Tiên: XWL, "Wonderland")
    and a new series (Tiệc trà Thần Tiên: "Wonderland Tea Party")."""
    folder = tmp_path_factory.mktemp("user-lexicon")
    (folder / "countries.tsv").write_text(USER_COUNTRIES, encoding="utf-8")
    (folder / "series.tsv").write_text(USER_SERIES, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def user_lexicon_db(tmp_path_factory: pytest.TempPathFactory, user_lexicon: Path) -> str:
    """An SQLite store of the seed articles and one about Wonderland, ingested with
    `user_lexicon` (read-only for the tests that share it)."""
    folder = tmp_path_factory.mktemp("user-lexicon-db")
    article = folder / "wonderland.txt"
    article.write_text(WONDERLAND_ARTICLE, encoding="utf-8")
    store = open_store(str(folder / "kb.db"))
    try:
        report = api.ingest(
            store,
            [*sorted((DATA / "seeds").glob("*.txt")), article],
            lexicon_paths=[user_lexicon],
            workers=1,
        )
    finally:
        store.close()
    assert report.added == 6
    return str(folder / "kb.db")
