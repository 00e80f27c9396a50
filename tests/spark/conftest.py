"""Fixtures of the Spark tests: one local Spark for the whole session (local[2], bound to
127.0.0.1, no UI), and the test articles (seeds and dev) with a few bad records, as a
folder of .txt files and as a JSONL file, each extracted once by the job.

Without PySpark, PyArrow or Java the tests that need them are skipped, unless
$DIPLONEWS_REQUIRE_SPARK is 1 (as in CI): then they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent.parent / "data"
REQUIRE_SPARK_ENV = "DIPLONEWS_REQUIRE_SPARK"


def _missing(modules: tuple[str, ...], java: bool) -> str | None:
    for module in modules:
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install 'diplonews[spark]')"
    if java and shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "java is not installed (Spark needs Java 17+)"
    return None


def need(*modules: str, java: bool = False) -> None:
    """Skip the test when a module (or Java) is missing; fail instead under CI's flag."""
    missing = _missing(modules, java)
    if missing is None:
        return
    if os.environ.get(REQUIRE_SPARK_ENV) == "1":
        pytest.fail(f"{REQUIRE_SPARK_ENV}=1 but {missing}", pytrace=False)
    pytest.skip(f"Spark tests skipped: {missing}")


@pytest.fixture
def arrow() -> None:
    """For the loader's own tests: PyArrow, no Spark."""
    need("pyarrow")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    need("pyspark", "pyarrow", java=True)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers: this venv's Python
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("diplonews tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        # Start-up over peak speed: C1 only halves the JVM's start on this small corpus.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


# --- the corpus ----------------------------------------------------------------------

JSONL_BAD_LINES = [
    "{not json",  # invalid JSON
    json.dumps({"id": "empty-text", "text": "   "}),  # no text with content
    "",  # a blank line: skipped, not an error
    json.dumps(["a", "list"]),  # not a JSON object
]
HTML_ARTICLE = (
    "<html><head><title>Việt Nam và Hàn Quốc tăng cường hợp tác</title></head><body><article>"
    "<h1>Việt Nam và Hàn Quốc tăng cường hợp tác</h1><p>Ngày 7/6/2021, tại Hà Nội, Bộ trưởng "
    "Ngoại giao Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Hàn Quốc Chung Eui-yong. "
    "Hai bên nhất trí thúc đẩy hợp tác kinh tế, thương mại và đầu tư.</p>"
    "<p>Theo TTXVN</p></article></body></html>"
)


def articles() -> list[Path]:
    return sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "dev").glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles as .txt files in two subfolders (one of them twice), a bad one of each
    kind, and files the walk skips (hidden, unsupported)."""
    folder = tmp_path_factory.mktemp("corpus") / "txt"
    for path in articles():
        (folder / path.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / path.parent.name / path.name)
    # A copy of an article under a name that URIs escape: one article, two copies.
    (folder / "seeds" / "copy of 000 (50%).txt").write_bytes(articles()[0].read_bytes())
    bad = folder / "zz-bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    (bad / ".hidden.txt").write_text("skipped: hidden", encoding="utf-8")
    (bad / "notes.md").write_text("skipped: not an article file", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles as lines of one JSONL file (ids, urls), one HTML page, bad lines."""
    lines = [
        json.dumps(
            {
                "id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "url": f"https://example.org/{path.stem}",
            },
            ensure_ascii=False,
        )
        for path in articles()
    ]
    lines[3:3] = JSONL_BAD_LINES
    lines.append(json.dumps({"id": "page", "html": HTML_ARTICLE}, ensure_ascii=False))
    path = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def run_job(spark: Any) -> Callable[[Path, Path], Any]:
    """The job on the test session: INPUT, OUTPUT → its report."""
    from diplonews.spark import job

    def run(source: Path, output: Path) -> Any:
        return job.run(spark, job.Options(str(source), str(output), partitions=3))

    return run


@pytest.fixture(scope="session")
def txt_output(
    run_job: Callable[[Path, Path], Any],
    corpus_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    output = tmp_path_factory.mktemp("out") / "txt"
    run_job(corpus_dir, output)
    return output


@pytest.fixture(scope="session")
def jsonl_output(
    run_job: Callable[[Path, Path], Any],
    corpus_jsonl: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    output = tmp_path_factory.mktemp("out") / "jsonl"
    run_job(corpus_jsonl, output)
    return output
