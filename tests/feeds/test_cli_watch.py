"""`diplonews watch` and `diplonews sources` through the real CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from sites import Site, rss_source, write_config
from typer.testing import CliRunner
from werkzeug import Response

from diplonews.cli import main as cli


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "250"})
    return result.exit_code, result.stdout, result.stderr


def test_cli_watch_once_logs_json_and_sources_shows_health(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site("Báo Thử")
    site.article(1)
    site.article(2)
    site.handle("/mat.html", lambda request: Response("", status=404))
    site.list("/mat.html")
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)])
    db = tmp_path / "kb.db"
    code, _, err = run(
        "watch", "--config", config, "--db", db, "--once", "--log-json", "--workers", "0"
    )
    assert code == 0, err
    events = [json.loads(line) for line in err.splitlines()]
    assert [e["event"] for e in events][-1] == "round"
    assert events[-1]["added"] == 2 and events[-1]["failed"] == 1
    poll = next(e for e in events if e["event"] == "poll")
    assert poll["ok"] and poll["new"] == 3
    failed = next(e for e in events if e["event"] == "page")
    assert failed["error"] == "HTTP 404" and failed["url"].endswith("/mat.html")

    code, out, _ = run("sources", "--db", db, "--format", "json")
    assert code == 0
    data = json.loads(out)
    (source,) = data["sources"]
    assert source["name"] == "Báo Thử" and source["articles_added"] == 2
    assert source["pages"] == {"seen": 0, "fetched": 0, "stored": 2, "failed": 1}
    assert source["last_success"] and source["last_error"] is None
    assert data["last_updated"]

    code, out, _ = run("sources", "--db", db)
    assert code == 0 and "Báo Thử" in out and "2 (+0 copies)" in out and "2 / 0 / 1" in out

    code, out, _ = run("sources", "Báo Thử", "--db", db, "--format", "json")
    pages = json.loads(out)
    assert {p["state"] for p in pages} == {"stored", "failed"}
    assert all(p["outlet"] == "Báo Thử" for p in pages if p["state"] == "stored")

    code, _, err = run("sources", "Không có", "--db", db)
    assert code == 2 and "no source named 'Không có'" in err


def test_cli_watch_logs_key_values_without_json(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()
    site.article(1)
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)])
    code, _, err = run(
        "watch", "--config", config, "--db", tmp_path / "kb.db", "--once", "--workers", "0"
    )
    assert code == 0, err
    assert err.splitlines()[-1].split()[1] == "event=round"
    assert "added=1" in err.splitlines()[-1]


def test_cli_watch_bad_config_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[[source]]\nname = "a"\nurl = "file:///etc/passwd"\n', encoding="utf-8")
    code, _, err = run("watch", "--config", config, "--db", tmp_path / "kb.db", "--once")
    assert code == 2
    assert err.strip().splitlines() == [
        f"diplonews: {config}: source 'a'.url: only http:// and https:// URLs ('file:///etc/passwd')"
    ]
    assert not (tmp_path / "kb.db").exists()
