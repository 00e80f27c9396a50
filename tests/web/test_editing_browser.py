"""An editor at work in a real browser (Debian's Chromium, driven by Playwright): logs in,
adds a participant, fixes a date, marks the event verified, logs out; the page shows
the change and its history; a re-ingest of the same article and of a changed one keeps
the fix. No console error, no broken Content-Security-Policy.

Skipped when /usr/bin/chromium is missing, unless DIPLONEWS_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from fastapi import FastAPI

from diplonews import api
from diplonews.kb import accounts
from diplonews.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE_BROWSER_ENV = "DIPLONEWS_REQUIRE_BROWSER"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
SEEDS = Path(__file__).parents[1] / "data" / "seeds"
FIRST = "000_0b6b7282ace4c71e.txt"  # 7 June: Yeo Seung-bae co-chairs the Korea-ASEAN Dialogue
PASSWORD = "editor password 1"
ADDED = "Nguyễn Quốc Dũng"

if not CHROMIUM.exists() and os.environ.get(REQUIRE_BROWSER_ENV) != "1":
    pytest.skip(f"{CHROMIUM} is missing", allow_module_level=True)

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _dialogue(db: str, date: str) -> int:
    store = api.open_store(db)
    try:
        found = [e.id for e in api.events(store, person="Yeo Seung-bae", limit=50)
                 if e.date == date]  # fmt: skip
    finally:
        store.close()
    assert len(found) == 1, found
    return found[0]


def _ingest(db: str, folder: Path) -> None:
    store = api.open_store(db)
    try:
        report = api.ingest(store, [folder], workers=1)
    finally:
        store.close()
    assert report.failed == 0, report.errors


def test_editing_browser_editor_fixes_an_event(
    tmp_path: Path, serve_app: Callable[[FastAPI], AbstractContextManager[str]]
) -> None:
    from playwright.sync_api import expect, sync_playwright

    folder = tmp_path / "articles"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    db = str(tmp_path / "kb.db")
    _ingest(db, folder)
    store = api.open_store(db)
    try:
        accounts.add_user(store, "ed", "editor", PASSWORD)
    finally:
        store.close()
    event_id = _dialogue(db, "2021-06-07")
    errors: list[str] = []

    with serve_app(create_app(db, cache_mb=8)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            context = browser.new_context(locale="en-GB")
            context.set_default_timeout(15_000)
            page = context.new_page()

            def on_console(message: Any) -> None:
                if message.type == "error" and "favicon" not in message.location.get("url", ""):
                    errors.append(message.text)

            page.on("console", on_console)
            page.on("pageerror", lambda error: errors.append(str(error)))

            # Logs in.
            page.goto(f"{base}/login?next=/events/{event_id}")
            page.fill("input[name=username]", "ed")
            page.fill("input[name=password]", PASSWORD)
            page.click("form.login button[type=submit]")
            page.wait_for_url(f"{base}/events/{event_id}*")
            expect(page.locator("strong.viewer")).to_have_text("ed")

            # Adds a participant, with the evidence sentence beside the form.
            expect(page.locator(".evidence-beside mark.evidence").first).to_be_visible()
            form = page.locator("form.edit-participant")
            form.locator("select[name=op]").select_option("add")
            form.locator("input[name=name]").fill(ADDED)
            form.locator("input[name=country]").fill("VNM")
            form.locator("input[name=reason]").fill("named in the release")
            form.locator("button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            expect(page.locator("ul.participants")).to_contain_text(ADDED)

            # Fixes the date.
            form = page.locator("form.edit-field")
            form.locator("select[name=field]").select_option("date")
            form.locator("input[name=value]").fill("2021-06-08")
            form.locator("input[name=reason]").fill("the ministry's release says 8 June")
            form.locator("button[type=submit]").click()
            page.wait_for_load_state("networkidle")

            # Marks it verified, and logs out.
            form = page.locator("form.edit-verify")
            form.locator("input[name=reason]").fill("checked against the release")
            form.locator("button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            page.locator("form.account button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            assert page.locator("form.curation, section.curation").count() == 0

            # Anyone sees the change, and its history one click away.
            _check_page(page, base, event_id)
            page.locator("#marks a.corrected", has_text="date").click()
            page.wait_for_load_state("networkidle")
            expect(page.locator("table.changes")).to_contain_text("2021-06-08")
            expect(page.locator("table.changes")).to_contain_text("8 June")

            # A re-ingest of the same article (a newer extractor) keeps the fix.
            with mock.patch("diplonews.kb.store.writes.__version__", "0.0.0-older"):
                for path in folder.iterdir():
                    path.touch()
                _ingest(db, folder)
            _check_page(page, base, _dialogue(db, "2021-06-08"))

            # And so does a re-ingest of a changed article: every offset moved.
            path = folder / FIRST
            path.write_text("Hà Nội - Tin vắn.\n\n" + path.read_text(encoding="utf-8"), "utf-8")
            _ingest(db, folder)
            _check_page(page, base, _dialogue(db, "2021-06-08"))
        finally:
            browser.close()
    assert not errors, errors


def _check_page(page: Page, base: str, event_id: int) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/events/{event_id}?lang=en")
    page.wait_for_load_state("networkidle")
    expect(page.locator("ul.participants")).to_contain_text(ADDED)
    expect(page.locator("#marks .verified")).to_be_visible()
    expect(page.locator("#marks")).to_contain_text("date")
    expect(page.locator("dl.fields")).to_contain_text("2021")
    page.screenshot(path=str(Path(os.environ.get("TMPDIR", "/tmp")) / "editing-event.png"))
