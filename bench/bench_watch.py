"""Speed and memory of `diplonews watch`, against local sites.

    python bench/bench_watch.py [--articles N] [--hosts H] [--rounds R] [--workers W]

Serves N distinct articles (bench/corpus.py, default 1,000) as HTML pages from H local
HTTP servers (default 5: five hosts, N/H articles each, one RSS feed each, and a
robots.txt), then measures, on this machine:

- `diplonews watch --once` into a new SQLite store, as a child process, start-up
  included: wall seconds, articles per second, the share of the busy time spent
  fetching (requests on the wire), extracting (trafilatura and the pipeline, in the
  workers) and ingesting (the store's transactions), from the round's JSON log line,
  and the peak RSS of the child and of its largest worker;
- `diplonews watch` as a service over R rounds (default 10) into another store, the
  feeds growing by N/R articles before each round: the RSS of the watching process
  and of its workers after each round (from /proc), so growth would show.

The per-host rate limit (2 requests/s in a polite config) is raised to 1,000 for the
run, as the issue asks: the figure is diplonews's own speed, not the politeness.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import corpus

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-c", "from diplonews.cli.main import main; main()", "watch"]


class Site:
    """One host: a feed listing the articles published so far, and their pages."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.pages: dict[str, bytes] = {}
        self.listed: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                body, kind = site.answer(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def publish(self, name: str, text: str) -> None:
        banner, _, rest = text.partition("\n")
        title, _, body = rest.partition("\n")
        paragraphs = "".join(f"<p>{escape(line)}</p>" for line in body.splitlines() if line)
        path = f"/the-gioi/{name}.html"
        page = (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<meta property='og:site_name' content='Báo {self.number}'></head><body>"
            f"<nav>{escape(banner)}</nav><article><h1>{escape(title)}</h1>{paragraphs}"
            "</article><footer>Bản quyền thuộc về tòa soạn.</footer></body></html>"
        )
        with self.lock:
            self.pages[path] = page.encode()
            self.listed.append((self.base + path, title))

    def answer(self, path: str) -> tuple[bytes | None, str]:
        if path == "/robots.txt":
            return b"User-agent: *\nDisallow: /admin/\n", "text/plain"
        if path == "/rss.xml":
            with self.lock:
                items = "".join(
                    f"<item><title>{escape(t)}</title><link>{escape(u)}</link></item>"
                    for u, t in self.listed
                )
            feed = f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>"
            return feed.encode(), "application/rss+xml"
        with self.lock:
            return self.pages.get(path), "text/html; charset=utf-8"


def write_config(path: Path, sites: list[Site], every: str, workers_rate: float) -> None:
    lines = [
        "[fetch]",
        'contact = "https://example.org/bench"',
        'allow_networks = ["127.0.0.0/8"]',
        f"rate = {workers_rate}",
        "per_host = 4",
        "concurrency = 32",
    ]
    for site in sites:
        lines += ["", "[[source]]", f'name = "Báo {site.number}"', f'url = "{site.base}/rss.xml"']
        lines += ['kind = "rss"', f'every = "{every}"', "max_items = 100000"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def rss_of(pid: int) -> int:
    """Resident set of a process, in bytes (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def children_of(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def cpu_of(pid: int) -> float:
    """CPU seconds (user and system) a process has used so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def once(sites: list[Site], folder: Path, workers: int) -> dict[str, float]:
    config = folder / "once.toml"
    write_config(config, sites, "15m", 1000)
    db = folder / "once.db"
    command = [*COMMAND, "--config", str(config), "--db", str(db), "--once", "--log-json"]
    command += ["--workers", str(workers)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak_worker = 0
    cpu: dict[int, float] = {}  # the latest CPU seconds seen of each process
    while child.poll() is None:
        workers = children_of(child.pid)
        peak_worker = max([peak_worker, *(rss_of(p) for p in workers)])
        for pid in (child.pid, *workers):
            cpu[pid] = max(cpu.get(pid, 0.0), cpu_of(pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    err = child.stderr.read() if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"watch failed ({child.returncode}): {err[-2000:]}")
    report = json.loads(err.splitlines()[-1])
    peak_self = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    busy = report["fetch_seconds"] + report["extract_seconds"] + report["ingest_seconds"]
    return {
        "seconds": seconds,
        "stored": report["added"] + report["duplicates"],
        "added": report["added"],
        "duplicates": report["duplicates"],
        "failed": report["failed"],
        "round_seconds": report["seconds"],
        "fetch_share": report["fetch_seconds"] / busy,
        "extract_share": report["extract_seconds"] / busy,
        "ingest_share": report["ingest_seconds"] / busy,
        "fetch_seconds": report["fetch_seconds"],
        "extract_seconds": report["extract_seconds"],
        "ingest_seconds": report["ingest_seconds"],
        "cpu_watch": cpu.get(child.pid, 0.0),  # the last sample before it ended
        "cpu_workers": sum(v for pid, v in cpu.items() if pid != child.pid),
        "peak_rss": peak_self,
        "peak_worker_rss": peak_worker,
    }


def service(
    sites: list[Site], folder: Path, articles: list[tuple[str, str]], rounds: int, workers: int
) -> list[tuple[int, int, int, int, int]]:
    """(round, articles stored so far, RSS of watch, RSS of its workers, store bytes)
    after each round."""
    config = folder / "service.toml"
    write_config(config, sites, "1s", 1000)
    db = folder / "service.db"
    command = [*COMMAND, "--config", str(config), "--db", str(db), "--log-json"]
    command += ["--workers", str(workers)]
    share = len(articles) // rounds
    for number, (name, text) in enumerate(articles[:share]):
        sites[number % len(sites)].publish(name, text)
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    found: list[tuple[int, int, int, int, int]] = []
    stored = 0
    assert child.stderr is not None
    for line in child.stderr:
        event = json.loads(line)
        if event.get("event") != "round":
            continue
        stored += event["added"] + event["duplicates"]
        workers_rss = sum(rss_of(p) for p in children_of(child.pid))
        size = sum(f.stat().st_size for f in folder.glob("service.db*"))
        found.append((event["round"], stored, rss_of(child.pid), workers_rss, size))
        done = len(found)
        if done >= rounds:
            break
        start = share * done
        for number, (name, text) in enumerate(articles[start : start + share], start):
            sites[number % len(sites)].publish(name, text)
    child.terminate()
    child.wait(timeout=60)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    workers = args.workers if args.workers is not None else min(4, os.cpu_count() or 1)
    articles = [(a.name, a.text) for a in corpus.generate(args.articles)]
    mb = 1024 * 1024
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as tmp:
        folder = Path(tmp)
        sites = [Site(number) for number in range(1, args.hosts + 1)]
        for number, (name, text) in enumerate(articles):
            sites[number % args.hosts].publish(name, text)
        figures = once(sites, folder, workers)
        print(
            f"watch --once: {args.articles:,} articles over {args.hosts} hosts, "
            f"{workers} workers: {figures['seconds']:.1f} s wall, "
            f"{figures['stored'] / figures['seconds']:.1f} articles/s "
            f"({figures['added']:.0f} articles + {figures['duplicates']:.0f} copies, "
            f"{figures['failed']:.0f} failed; round {figures['round_seconds']:.1f} s)"
        )
        print(
            f"busy time: fetching {figures['fetch_share']:.0%} ({figures['fetch_seconds']:.1f} s), "
            f"extracting {figures['extract_share']:.0%} ({figures['extract_seconds']:.1f} s), "
            f"ingesting {figures['ingest_share']:.0%} ({figures['ingest_seconds']:.1f} s)"
        )
        # CPU: the workers read and extract pages; the watching process fetches (HTTP,
        # feeds, state commits, the event loop) and ingests (store transactions).
        total = figures["cpu_watch"] + figures["cpu_workers"]
        print(
            f"CPU {total:.1f} s: workers (reading and extracting) "
            f"{figures['cpu_workers'] / total:.0%}, watching process (fetching, storing) "
            f"{figures['cpu_watch'] / total:.0%}, sampled every 50 ms"
        )
        print(
            f"peak RSS: watch {figures['peak_rss'] / mb:.0f} MB, "
            f"largest worker {figures['peak_worker_rss'] / mb:.0f} MB"
        )
        for site in sites:
            site.pages.clear()
            site.listed.clear()
        for number, stored, own, workers_rss, size in service(
            sites, folder, articles, args.rounds, workers
        ):
            print(
                f"service round {number:2d}: {stored:5,} stored, watch RSS {own / mb:.0f} MB, "
                f"workers RSS {workers_rss / mb:.0f} MB, store {size / mb:.0f} MB"
            )
        for site in sites:
            site.server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
