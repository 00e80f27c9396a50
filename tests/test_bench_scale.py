"""The scaling table's CPU split (bench/scale.py): a process's own CPU, sampled until it
ends, is its share of what it and its children used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

# Half a second of CPU in the child itself, then a grandchild's, which only wait4 counts.
BURN = (
    "import subprocess, sys, time\n"
    "end = time.process_time() + 0.5\n"
    "while time.process_time() < end: pass\n"
    "subprocess.run([sys.executable, '-c', "
    "'import time\\nend = time.process_time() + 0.5\\nwhile time.process_time() < end: pass'])\n"
)


@pytest.fixture
def scale(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))
    # bench's `corpus` and `bench_store`, not tests/corpus.py that other tests imported
    # under the same name (monkeypatch puts theirs back afterwards)
    for name in ("corpus", "bench_store", "scale"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import scale as module

    return module


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_own_cpu_counts_the_process_not_its_children(scale: ModuleType) -> None:
    child = subprocess.Popen([sys.executable, "-c", BURN])
    own = scale.OwnCpu(child.pid, every=0.02)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    alone = own.stop()
    total = usage.ru_utime + usage.ru_stime
    assert 0.4 <= alone <= total - 0.4


def test_cpu_split_per_article(scale: ModuleType) -> None:
    ingest = scale.Ingest(10.0, 3.0, 100.0, "", main_cpu_seconds=1.0, server_cpu_seconds=0.5)
    row = scale.Row(1000, 2_000_000, None, "PostgreSQL", ingest, {})
    assert scale.cpu_split(row) == (
        "ingest CPU ms/article: main process 1.00, workers 2.00, PostgreSQL server 0.50"
    )
