"""CPU accounting of a Spark job, for measuring on a shared machine.

Wall-clock rates mean nothing while other processes share the cores; CPU seconds
suffer much less. This measures a `spark-extract` run (a child process) by:

- the CPU seconds (user + system) of the whole job: the driver, the JVM it starts
  and the Python workers. The measuring process becomes a *child subreaper* (Linux
  `prctl`), so that descendants orphaned when their parent exits without waiting (the
  JVM, when the driver closes its stdin) are reparented to it and reaped:
  `getrusage(RUSAGE_CHILDREN)` then holds the driver, the JVM and PySpark's daemon
  exactly. Not the Python workers: the daemon forks them with SIGCHLD ignored, and
  the kernel discards the usage of children reaped that way. Their CPU comes from
  the samples below (each worker's own time at the last sample that saw it alive: a
  worker lives across tasks, so that misses well under a second in all);
- a timeline sampled from /proc every tenth of a second: each process's own CPU
  time, by role (driver, JVM, Python workers), so that the total can be split by
  phase and role;
- the task timeline of Spark's event log: when each task ran, hence the *idle slot
  time* (task slots of the master left without a task: stages waiting on the driver,
  the last straggler tasks) and the CPU spent meanwhile.

From those, `quiet_estimate` gives the per-core efficiency that the run would have on
a quiet machine with as many cores as task slots: the work of the times when every
slot has a task is spread over all cores, the rest is taken as running on one core
(driver planning, JVM start, a single straggler: mostly one busy thread).
"""

from __future__ import annotations

import ctypes
import itertools
import json
import os
import resource
import subprocess
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PR_SET_CHILD_SUBREAPER = 36
TICK = os.sysconf("SC_CLK_TCK")
ROLES = ("driver", "jvm", "workers")


def become_subreaper() -> bool:
    """Orphaned descendants come to this process (reaped here, counted in its
    RUSAGE_CHILDREN) instead of init. False where the call is not there."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def reap_orphans() -> None:
    """Wait for every descendant reparented here (the JVM and its Python daemon exit
    shortly after the driver)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _stat(pid: str) -> tuple[int, str, float] | None:
    """(parent pid, command name, own CPU seconds) of a process."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            text = stat.read()
    except OSError:
        return None
    name = text[text.index(b"(") + 1 : text.rindex(b")")].decode("utf-8", "replace")
    fields = text.rsplit(b")", 1)[1].split()
    # after ") ": state ppid … utime (14th field of the line: index 11 here) stime
    return int(fields[1]), name, (int(fields[11]) + int(fields[12])) / TICK


class TreeSampler:
    """Own CPU seconds of each process under `root`, by role, sampled in a thread. A
    process counts its own time only (not its reaped children's), at the last sample
    that saw it: the part of a process that ran after its last sample is missed (the
    exact total comes from getrusage)."""

    def __init__(self, root: int, every: float = 0.1) -> None:
        self.root, self.every = root, every
        self.last: dict[int, tuple[str, float]] = {}  # pid: (role, own CPU s)
        self.forked: set[int] = set()  # workers forked by PySpark's daemon
        self.samples: list[tuple[float, dict[str, float]]] = []  # (epoch s, CPU by role)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _role(self, pid: int, name: str) -> str:
        if pid == self.root:
            return "driver"
        return "jvm" if name == "java" else "workers"

    def sample(self) -> None:
        table = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                found = _stat(entry)
                if found is not None:
                    table[int(entry)] = found
        tree, frontier = {self.root}, [self.root]
        children: dict[int, list[int]] = {}
        for pid, (ppid, _, _) in table.items():
            children.setdefault(ppid, []).append(pid)
        while frontier:
            for pid in children.get(frontier.pop(), []):
                if pid not in tree:
                    tree.add(pid)
                    frontier.append(pid)
        for pid in tree:
            if pid in table:
                ppid, name, cpu = table[pid]
                self.last[pid] = (self._role(pid, name), cpu)
                if ppid in table and table[ppid][1] != "java" and ppid != self.root:
                    self.forked.add(pid)
        totals = dict.fromkeys(ROLES, 0.0)
        for role, cpu in self.last.values():
            totals[role] += cpu
        self.samples.append((time.time(), totals))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.every)

    def forked_cpu(self) -> float:
        """Own CPU seconds of the forked workers (which getrusage does not see)."""
        return sum(self.last[pid][1] for pid in self.forked)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def at(self, epoch: float) -> dict[str, float]:
        """CPU by role at a moment, interpolated between samples."""
        before = [s for s in self.samples if s[0] <= epoch]
        after = [s for s in self.samples if s[0] > epoch]
        if not before:
            return dict.fromkeys(ROLES, 0.0)
        if not after:
            return before[-1][1]
        (t0, c0), (t1, c1) = before[-1], after[0]
        share = (epoch - t0) / (t1 - t0)
        return {role: c0[role] + share * (c1[role] - c0[role]) for role in ROLES}


def run_measured(command: list[str], env: dict[str, str]) -> tuple[str, float, TreeSampler]:
    """Run a child to its end and the end of its descendants: (its stdout, CPU seconds
    of the child and all its descendants, the sampler). The CPU seconds are those of
    getrusage plus the forked workers' as sampled."""
    subreaper = become_subreaper()
    before = children_cpu()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    sampler = TreeSampler(child.pid)
    out, _ = child.communicate()
    sampler.stop()
    if subreaper:
        reap_orphans()
    if child.returncode != 0:
        raise RuntimeError(f"{command[:3]} … exited with {child.returncode}")
    return out, children_cpu() - before + sampler.forked_cpu(), sampler


# --- the event log ---------------------------------------------------------------------


@dataclass
class Task:
    stage: int
    launch: float  # epoch s
    finish: float
    jvm_cpu: float  # Executor CPU Time: the task thread in the JVM, s


@dataclass
class Stage:
    ident: int
    name: str
    tasks: list[Task] = field(default_factory=list)
    submitted: float = 0.0
    completed: float = 0.0
    job: str = ""  # the job's description (SparkContext.setJobDescription)


def read_event_log(folder: Path) -> dict[int, Stage]:
    """The stages and tasks of the one application logged in `folder`."""
    stages: dict[int, Stage] = {}
    # One file, or (a rolling log, Spark 4's default) a folder of events_N_… files.
    logs = sorted(
        (p for p in folder.rglob("*") if p.is_file() and not p.name.startswith((".", "appstatus"))),
        key=lambda p: int(p.name.split("_")[1]) if p.name.startswith("events_") else 0,
    )
    if not logs:
        raise RuntimeError(f"{folder}: no event log")
    for log in logs:
        _read_events(log, stages)
    return stages


def _read_events(log: Path, stages: dict[int, Stage]) -> None:
    with log.open(encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            kind = event.get("Event")
            if kind == "SparkListenerJobStart":
                what = (event.get("Properties") or {}).get("spark.job.description")
                for ident in event.get("Stage IDs", []):
                    stage = stages.setdefault(ident, Stage(ident, ""))
                    stage.job = what or ""
            elif kind == "SparkListenerTaskEnd":
                info, metrics = event["Task Info"], event.get("Task Metrics") or {}
                stage = stages.setdefault(event["Stage ID"], Stage(event["Stage ID"], ""))
                stage.tasks.append(
                    Task(
                        event["Stage ID"],
                        info["Launch Time"] / 1000,
                        info["Finish Time"] / 1000,
                        metrics.get("Executor CPU Time", 0) / 1e9,
                    )
                )
            elif kind == "SparkListenerStageCompleted":
                info = event["Stage Info"]
                stage = stages.setdefault(info["Stage ID"], Stage(info["Stage ID"], ""))
                stage.name = info["Stage Name"]
                stage.submitted = info.get("Submission Time", 0) / 1000
                stage.completed = info.get("Completion Time", 0) / 1000


def running(tasks: Iterable[Task]) -> list[tuple[float, int]]:
    """The number of tasks running, as steps: [(from epoch s, count)]."""
    edges = sorted([(t.launch, 1) for t in tasks] + [(t.finish, -1) for t in tasks])
    steps, count = [], 0
    for moment, change in edges:
        count += change
        steps.append((moment, count))
    return steps


@dataclass
class Gaps:
    seconds: float  # wall time with fewer tasks running than slots
    slot_seconds: float  # slot time left without a task
    cpu: float  # CPU seconds of the job spent meanwhile


def gaps(
    steps: list[tuple[float, int]], slots: int, sampler: TreeSampler, start: float, end: float
) -> Gaps:
    """Idle slots between `start` and `end` (epoch s), and the CPU used meanwhile."""
    moments = [start] + [m for m, _ in steps if start < m < end] + [end]
    result = Gaps(0.0, 0.0, 0.0)
    for left, right in itertools.pairwise(moments):
        count = 0
        for moment, value in steps:
            if moment <= left:
                count = value
            else:
                break
        if count < slots and right > left:
            result.seconds += right - left
            result.slot_seconds += (slots - count) * (right - left)
            cpu0, cpu1 = sampler.at(left), sampler.at(right)
            result.cpu += sum(cpu1[r] - cpu0[r] for r in ROLES)
    return result


def quiet_estimate(single_cpu: float, job_cpu: float, gap_cpu: float, slots: int) -> float:
    """Per-core efficiency on a quiet machine with `slots` cores: the one process's time
    (its CPU: it is CPU-bound) over `slots` × the job's time, where the job's CPU spent
    while every slot has a task is spread over all cores and the rest runs on one."""
    wall = (job_cpu - gap_cpu) / slots + gap_cpu
    return single_cpu / (slots * wall)


def report_lines(stages: dict[int, Stage], sampler: TreeSampler, slots: int) -> list[str]:
    """One line per stage: wall, tasks, slot use, CPU by role in its window."""
    lines = []
    header = f"{'stage':<44} {'wall s':>7} {'tasks':>5} {'slots used':>10} {'JVM task CPU':>12} "
    lines.append(header + " ".join(f"{r + ' CPU':>11}" for r in ROLES))
    for stage in sorted((s for s in stages.values() if s.tasks), key=lambda s: s.submitted):
        wall = stage.completed - stage.submitted
        busy = sum(t.finish - t.launch for t in stage.tasks)
        cpu0, cpu1 = sampler.at(stage.submitted), sampler.at(stage.completed)
        used = busy / (slots * wall) if wall > 0 else 0.0
        lines.append(
            f"{stage.ident:>3} {(stage.job or stage.name)[:40]:<40} {wall:>7.1f} {len(stage.tasks):>5} "
            f"{used:>10.0%} {sum(t.jvm_cpu for t in stage.tasks):>12.1f} "
            + " ".join(f"{cpu1[r] - cpu0[r]:>11.1f}" for r in ROLES)
        )
    return lines


def as_dict(value: Any) -> Any:
    return value.__dict__ if hasattr(value, "__dict__") else value
