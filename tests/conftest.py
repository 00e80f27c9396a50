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
