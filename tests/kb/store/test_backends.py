"""SQLite and PostgreSQL agree: the same articles ingested into each give the same
answers, field for field, ids included (both number rows from 1 in insertion order).

Needs a PostgreSQL server: $DIPLONEWS_TEST_POSTGRES (see tests/conftest.py).
"""

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplonews import api
from diplonews.kb.store import Store, open_store

pytestmark = pytest.mark.postgres

# Two reports of one meeting (7 June 2021, Seoul), each naming another Vietnamese
# deputy minister; only the first article carries a publication date. Which report
# comes first decides the order of participants and sources.
DATED = (
    "Ngày 7/6/2021, tại Seoul, Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae đã hội đàm với "
    "Thứ trưởng Ngoại giao Việt Nam Nguyễn Quốc Dũng về hợp tác song phương giữa hai nước "
    "trong lĩnh vực y tế và thương mại."
)
UNDATED = (
    "Chiều 7/6/2021 tại Seoul, Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae đã có cuộc hội "
    "đàm với Thứ trưởng Bộ Ngoại giao Việt Nam Nguyễn Minh Vũ. Hai bên nhất trí thúc đẩy hợp "
    "tác kinh tế, văn hóa và giáo dục trong thời gian tới, đồng thời trao đổi về tình hình "
    "khu vực."
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and dev articles, plus the two reports above, in one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    data = Path(__file__).parents[2] / "data"
    for path in sorted((data / "seeds").glob("*.txt")) + sorted((data / "dev").glob("*.txt")):
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    lines = [
        {"id": "dated", "text": DATED, "published": "2021-06-08"},
        {"id": "undated", "text": UNDATED},
    ]
    (folder / "reports.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def stores(
    corpus: Path, module_postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Store]]:
    """The corpus ingested into a store of each backend."""
    opened = {
        "sqlite": open_store(str(tmp_path_factory.mktemp("sqlite") / "store.db")),
        "postgresql": open_store(module_postgres_url),
    }
    try:
        for store in opened.values():
            report = api.ingest(store, [corpus], workers=1)
            assert report.failed == 0, report.errors
        yield opened
    finally:
        for store in opened.values():
            store.close()


def _both(stores: dict[str, Store], ask: Any) -> tuple[Any, Any]:
    return ask(stores["sqlite"]), ask(stores["postgresql"])


def _dicts(items: list[Any]) -> list[dict[str, Any]]:
    return [item.to_dict() for item in items]


def test_backends_count_the_same(stores: dict[str, Store]) -> None:
    lite, pg = _both(stores, api.counts)
    assert lite == pg
    assert lite["articles"] == 31


@pytest.mark.parametrize(
    "where",
    [
        {"limit": 1000},
        {"limit": 1000, "newest_first": False},
        {"parties": ["ASEAN", "Hàn Quốc"]},
        {"parties": ["VNM"], "year_from": 2021, "year_to": "2021-06"},
        {"series": "ASEAN Regional Forum"},
        {"person": "Yeo Seung-bae"},
        {"status": "planned"},
        {"kind": "call", "newest_first": False},
        {"limit": 7, "offset": 5},
    ],
    ids=lambda where: ",".join(where),
)
def test_backends_find_the_same_events(stores: dict[str, Store], where: dict[str, Any]) -> None:
    lite, pg = _both(stores, lambda store: _dicts(api.events(store, **where)))
    assert lite == pg
    assert lite


def test_backends_order_undated_reports_alike(stores: dict[str, Store]) -> None:
    """An article without a publication date sorts the same on both (SQLite puts NULL
    first, PostgreSQL last, unless the SQL says)."""
    lite, pg = _both(stores, lambda store: _dicts(api.events(store, person="Nguyễn Minh Vũ")))
    assert lite == pg
    assert {"dated", "undated"} <= {s["doc_id"] for s in lite[0]["sources"]}


@pytest.mark.parametrize("name", ["Yeo Seung-bae", "yeo seung bae", "Bùi Thanh Sơn", None])
def test_backends_find_the_same_people(stores: dict[str, Store], name: str | None) -> None:
    lite, pg = _both(stores, lambda store: _dicts(api.people(store, name, limit=500)))
    assert lite == pg
    assert lite


def test_backends_same_person_and_companions(stores: dict[str, Store]) -> None:
    person_id = api.people(stores["sqlite"], "Yeo Seung-bae")[0].id
    lite, pg = _both(
        stores, lambda store: (api.person(store, person_id), api.met_with(store, person_id))
    )
    assert lite == pg


@pytest.mark.parametrize(
    "query", ["doi thoai asean han quoc", "Yeo Seung-bae", "hội đàm", "APEC", "asean han"]
)
def test_backends_search_finds_the_same_entries(stores: dict[str, Store], query: str) -> None:
    """The same entries, with the same labels and snippets; the order may differ
    (bm25 and ts_rank_cd score differently)."""
    lite, pg = _both(
        stores,
        lambda store: {
            (h.kind, h.id, h.label, json.dumps(h.snippet.to_dict()))
            for h in api.search(store, query, limit=500)
        },
    )
    assert lite == pg
    assert lite


def test_backends_search_ranks_the_best_hit_alike(stores: dict[str, Store]) -> None:
    lite, pg = _both(
        stores, lambda store: [(h.kind, h.id) for h in api.search(store, "yeo seung bae")][:1]
    )
    assert lite == pg


def test_backends_same_timeline(stores: dict[str, Store]) -> None:
    lite, pg = _both(stores, lambda store: _dicts(api.timeline(store, "ASEAN", "KOR")))
    assert lite == pg
    assert lite


def test_backends_same_series(stores: dict[str, Store]) -> None:
    lite, pg = _both(
        stores,
        lambda store: [(s.series, _dicts(s.events)) for s in api.series(store)],
    )
    assert lite == pg
    assert lite
    lite, pg = _both(
        stores,
        lambda store: [
            (s.series, _dicts(s.events)) for s in api.series(store, "Đối thoại ASEAN-Hàn Quốc")
        ],
    )
    assert lite == pg
    assert lite[0][1]


def test_backends_same_milestones_and_articles(stores: dict[str, Store]) -> None:
    lite, pg = _both(
        stores,
        lambda store: (
            _dicts(api.milestones(store)),
            [a.to_dict() for i in range(1, 40) if (a := api.article(store, i))],
        ),
    )
    assert lite == pg


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "graphml", "ics"])
def test_backends_export_the_same(stores: dict[str, Store], fmt: str) -> None:
    def export(store: Store) -> str:
        out = io.StringIO()
        api.export(store, fmt, out)
        return out.getvalue()

    lite, pg = _both(stores, export)
    assert lite == pg


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _without_ids(v)
            for k, v in value.items()
            if k != "doc_id" and not k.endswith(("id", "ids"))
        }
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _content(store: Store) -> list[str]:
    out = io.StringIO()
    api.export(store, "jsonl", out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return sorted(json.dumps(_without_ids(line), ensure_ascii=False) for line in lines)


def test_backends_update_a_changed_source_alike(
    corpus: Path, postgres_url: str, tmp_path: Path
) -> None:
    """Re-ingest after an article changed: its old version is forgotten, its events and
    people re-resolved, the same way, and the generation moves (not before). Ids are left out: SQLite may give a deleted row's
    id again, PostgreSQL never does."""
    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    changed = min(folder.glob("seeds-*.txt"))
    opened = [open_store(str(tmp_path / "store.db")), open_store(postgres_url)]
    try:
        for store in opened:
            api.ingest(store, [folder], workers=1)
        generations = [api.generation(store) for store in opened]
        assert all(g > 0 for g in generations)
        for store in opened:  # nothing changed: nothing written, the same generation
            assert api.ingest(store, [folder], workers=1).added == 0
        assert [api.generation(store) for store in opened] == generations
        with changed.open("a", encoding="utf-8") as text:
            text.write(
                "\nNgày 9/6/2021, Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn đã điện đàm "
                "với Ngoại trưởng Hàn Quốc Chung Eui-yong về hợp tác phòng chống dịch.\n"
            )
        for store in opened:
            report = api.ingest(store, [folder], workers=1)
            assert report.updated == 1 and report.failed == 0
        assert all(api.generation(s) > g for s, g in zip(opened, generations, strict=True))
        lite, pg = (_content(store) for store in opened)
        assert lite == pg
        assert api.counts(opened[0]) == api.counts(opened[1])
    finally:
        for store in opened:
            store.close()
