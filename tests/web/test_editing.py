"""Editors at work, and everyone else kept out: logins, CSRF, the rate limit, roles,
tokens, escaping, the read-only log, and the page cache dropping exactly what an edit
touched. Over a store of the seed articles with an editor and an admin."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.kb import accounts, corrections
from diplonews.web import create_app
from diplonews.web.auth import SESSION_COOKIE

PASSWORD = "editor password 1"
ADMIN_PASSWORD = "admin password 12"


@pytest.fixture
def db(web_db: str, tmp_path: Path) -> str:
    """A copy of the seed store with an editor (ed) and an admin (ad)."""
    path = tmp_path / "curated.db"
    shutil.copy(web_db, path)
    store = api.open_store(str(path))
    try:
        accounts.add_user(store, "ed", "editor", PASSWORD)
        accounts.add_user(store, "ad", "admin", ADMIN_PASSWORD)
    finally:
        store.close()
    return str(path)


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, cache_mb=8)) as opened:
        yield opened


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]*)"', html)
    assert found, "no CSRF field in the form"
    return found.group(1)


def login(client: TestClient, name: str = "ed", password: str = PASSWORD) -> int:
    token = _csrf(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": name, "password": password, "csrf": token},
        follow_redirects=False,
    )
    return response.status_code


def _event(db: str) -> tuple[int, str | None]:
    store = api.open_store(db)
    try:
        found = api.events(store, person="Yeo Seung-bae", limit=1)[0]
        return found.id, found.date
    finally:
        store.close()


def _log(db: str) -> list[corrections.Correction]:
    store = api.open_store(db)
    try:
        return corrections.changes(store)
    finally:
        store.close()


def _token(db: str, name: str) -> str:
    store = api.open_store(db)
    try:
        return accounts.new_token(store, name)
    finally:
        store.close()


def _edit_form(client: TestClient, event_id: int, **fields: str) -> int:
    data = {"action": "set", "field": "date", "value": "2021-06-09", "reason": "release"}
    data.update(fields)
    response = client.post(f"/events/{event_id}/correct", data=data, follow_redirects=False)
    return response.status_code


# --- without accounts: as before ------------------------------------------------------


def test_editing_without_accounts_the_server_is_read_only(web_db: str) -> None:
    with TestClient(create_app(web_db, cache_mb=0)) as anonymous:
        assert "/login" not in anonymous.get("/").text
        event_id = 1
        before = anonymous.get(f"/api/events/{event_id}").json()
        response = anonymous.patch(f"/api/events/{event_id}", json={"date": "1999", "reason": "x"})
        assert response.status_code == 403
        assert anonymous.get(f"/api/events/{event_id}").json() == before


# --- logging in -----------------------------------------------------------------------


def test_editing_login_sets_a_safe_cookie_renewed_at_login(client: TestClient, db: str) -> None:
    fixed = "attacker-chosen-session-id"
    token = _csrf(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "ed", "password": PASSWORD, "csrf": token},
        headers={"cookie": f"{SESSION_COOKIE}={fixed}; diplonews_login={token}"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    header = next(v for k, v in response.headers.multi_items()
                  if k == "set-cookie" and v.startswith(SESSION_COOKIE))  # fmt: skip
    issued = header.split(";")[0].split("=", 1)[1]
    assert issued != fixed
    assert "HttpOnly" in header and "SameSite=lax" in header and "Secure" not in header
    store = api.open_store(db)
    try:
        assert accounts.session(store, fixed) is None
        assert accounts.session(store, issued) is not None
    finally:
        store.close()


def test_editing_login_cookie_flags(db: str) -> None:
    with TestClient(create_app(db, cache_mb=0), base_url="https://testserver") as secure:
        token = _csrf(secure.get("/login").text)
        response = secure.post(
            "/login",
            data={"username": "ed", "password": PASSWORD, "csrf": token},
            follow_redirects=False,
        )
    header = next(v for k, v in response.headers.multi_items() if k == "set-cookie"
                  and v.startswith(SESSION_COOKIE))  # fmt: skip
    assert "HttpOnly" in header and "SameSite=lax" in header and "Secure" in header


def test_editing_login_form_needs_its_csrf_token(client: TestClient) -> None:
    client.get("/login")
    response = client.post(
        "/login", data={"username": "ed", "password": PASSWORD, "csrf": "forged"}
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_editing_login_does_not_tell_which_names_exist(client: TestClient) -> None:
    def attempt(name: str) -> tuple[int, str]:
        token = _csrf(client.get("/login").text)
        response = client.post(
            "/login", data={"username": name, "password": "wrong password", "csrf": token}
        )
        return response.status_code, re.sub(r'value="[^"]*"', "", response.text)

    assert attempt("ed") == attempt("nobody-here")


def test_editing_brute_force_is_stopped_per_account(client: TestClient) -> None:
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        assert login(client, "ed", "wrong password") == 401
    assert login(client, "ed", PASSWORD) == 429  # even the right password, for a while
    assert login(client, "ad", ADMIN_PASSWORD) == 303  # another account is not locked


def test_editing_brute_force_is_stopped_per_address(client: TestClient) -> None:
    for number in range(accounts.MAX_FAILURES_PER_ADDRESS):
        login(client, f"guess{number}", "wrong password")
    assert login(client, "ed", PASSWORD) == 429


def test_editing_logout_ends_the_session(client: TestClient, db: str) -> None:
    login(client)
    event_id, _ = _event(db)
    page = client.get(f"/events/{event_id}").text
    assert "ed" in page and 'action="/logout"' in page
    client.post("/logout", data={"csrf": _csrf(page)})
    assert _edit_form(client, event_id, csrf="x") == 401


# --- writes are checked on the server -------------------------------------------------


def test_editing_write_without_login_is_refused(client: TestClient, db: str) -> None:
    event_id, date = _event(db)
    assert (
        client.patch(f"/api/events/{event_id}", json={"date": "1999", "reason": "x"}).status_code
        == 401
    )
    assert _edit_form(client, event_id) == 401
    assert _event(db) == (event_id, date)
    assert _log(db) == []


@pytest.mark.parametrize("csrf", [None, "", "forged-token"])
def test_editing_form_without_the_csrf_token_is_refused(
    client: TestClient, db: str, csrf: str | None
) -> None:
    login(client)
    event_id, date = _event(db)
    fields = {} if csrf is None else {"csrf": csrf}
    assert _edit_form(client, event_id, **fields) == 403
    # Nor through the API with the session cookie alone.
    response = client.patch(f"/api/events/{event_id}", json={"date": "1999", "reason": "x"})
    assert response.status_code == 403
    assert _event(db) == (event_id, date)
    assert _log(db) == []


def test_editing_form_with_the_csrf_token_changes_the_event(client: TestClient, db: str) -> None:
    login(client)
    event_id, _ = _event(db)
    token = _csrf(client.get(f"/events/{event_id}").text)
    assert _edit_form(client, event_id, csrf=token) == 303
    assert _event(db) == (event_id, "2021-06-09")
    page = client.get(f"/events/{event_id}").text
    assert "curation-marks" in page and f"/changes?kind=event&amp;ref={event_id}" in page
    history = client.get(f"/changes?kind=event&ref={event_id}&field=date").text
    assert "release" in history and "2021-06-09" in history


def test_editing_editor_cannot_manage_users(client: TestClient, db: str) -> None:
    editor = {"authorization": f"Bearer {_token(db, 'ed')}"}
    admin = {"authorization": f"Bearer {_token(db, 'ad')}"}
    new = {"name": "mallory", "role": "admin", "password": "mallory password"}
    assert client.get("/api/users", headers=editor).status_code == 403
    assert client.post("/api/users", json=new, headers=editor).status_code == 403
    assert client.delete("/api/users/ad", headers=editor).status_code == 403
    assert [u["name"] for u in client.get("/api/users", headers=admin).json()] == ["ad", "ed"]
    assert client.post("/api/users", json=new, headers=admin).status_code == 201


def test_editing_token_with_a_wrong_prefix_is_refused(client: TestClient, db: str) -> None:
    token = _token(db, "ed")
    event_id, date = _event(db)
    for bad in ("xx_" + token[3:], token[:-2], "Basic " + token):
        headers = {"authorization": bad if bad.startswith("Basic") else f"Bearer {bad}"}
        response = client.patch(
            f"/api/events/{event_id}", json={"date": "1999", "reason": "x"}, headers=headers
        )
        assert response.status_code == 401
    assert _event(db) == (event_id, date)
    assert _log(db) == []


def test_editing_api_patch_with_a_token(client: TestClient, db: str) -> None:
    headers = {"authorization": f"Bearer {_token(db, 'ed')}"}
    event_id, _ = _event(db)
    body = {
        "date": "2021-06-08",
        "participants": [{"op": "add", "name": "Nguyễn Quốc Dũng", "role": "participant"}],
        "verified": True,
        "reason": "checked against the release",
    }
    response = client.patch(f"/api/events/{event_id}", json=body, headers=headers)
    assert response.status_code == 200
    assert [c["action"] for c in response.json()] == ["set", "participant", "verify"]
    shown = client.get(f"/api/events/{event_id}").json()
    assert shown["date"] == "2021-06-08" and shown["verified"]
    assert set(shown["corrected"]) == {"date", "participants"}
    refused = client.patch(f"/api/events/{event_id}", json={"date": "2021-13-01", "reason": "x"},
                           headers=headers)  # fmt: skip
    assert refused.status_code == 400 and "date" in refused.json()["detail"]
    assert (
        client.patch(f"/api/events/{event_id}", json={"date": "2021"}, headers=headers).status_code
        == 400
    )


def test_editing_the_log_cannot_be_edited(client: TestClient, db: str) -> None:
    headers = {"authorization": f"Bearer {_token(db, 'ad')}"}
    event_id, _ = _event(db)
    client.patch(
        f"/api/events/{event_id}", json={"verified": True, "reason": "ok"}, headers=headers
    )
    before = [c.to_dict() for c in _log(db)]
    for method in ("PUT", "PATCH", "DELETE", "POST"):
        for url in ("/api/changes", f"/api/changes/{before[0]['id']}", "/changes"):
            response = client.request(method, url, json={"reason": "rewrite"}, headers=headers)
            assert response.status_code in (404, 405), (method, url)
    assert [c.to_dict() for c in _log(db)] == before


def test_editing_reason_and_values_are_escaped(client: TestClient, db: str) -> None:
    headers = {"authorization": f"Bearer {_token(db, 'ed')}"}
    event_id, _ = _event(db)
    script = "<script>alert(1)</script>"
    image = '<img src=x onerror="alert(2)">'
    body = {"location": image, "name": script, "reason": script + image}
    assert client.patch(f"/api/events/{event_id}", json=body, headers=headers).status_code == 200
    for url in (f"/events/{event_id}", "/changes", f"/changes?kind=event&ref={event_id}"):
        html = client.get(url).text
        assert script not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html or "\\u003cscript\\u003e" in html, url


# --- the page cache -------------------------------------------------------------------


def test_editing_drops_exactly_the_pages_it_touched(client: TestClient, db: str) -> None:
    event_id, _ = _event(db)
    store = api.open_store(db)
    try:
        stored = api.event(store, event_id)
        assert stored is not None
        inside = {p.person_id for p in stored.participants if p.person_id}
        outside = next(
            p.id for p in api.people(store, limit=100)
            if p.id not in inside and event_id not in p.event_ids
        )  # fmt: skip
        other_event = next(e.id for e in api.events(store, limit=50) if e.id != event_id)
    finally:
        store.close()
    urls = [f"/events/{event_id}", f"/people/{min(inside)}", f"/people/{outside}",
            f"/events/{other_event}", "/"]  # fmt: skip
    for url in urls * 2:  # rendered twice: kept
        client.get(url)
    assert all(client.get(url).headers["x-cache"] == "hit" for url in urls)
    headers = {"authorization": f"Bearer {_token(db, 'ed')}"}
    client.patch(
        f"/api/events/{event_id}", json={"verified": True, "reason": "ok"}, headers=headers
    )
    after = {url: client.get(url).headers["x-cache"] for url in urls}
    assert after == {
        f"/events/{event_id}": "miss",
        f"/people/{min(inside)}": "miss",
        f"/people/{outside}": "hit",
        f"/events/{other_event}": "hit",
        "/": "miss",
    }
    assert "verified" in client.get(f"/events/{event_id}").text


def test_editing_logged_in_pages_are_never_kept(client: TestClient, db: str) -> None:
    event_id, _ = _event(db)
    client.get(f"/events/{event_id}")
    login(client)
    page = client.get(f"/events/{event_id}")
    assert "x-cache" not in page.headers
    assert 'action="/events/' in page.text  # the editor's forms


# --- private mode ---------------------------------------------------------------------


def test_editing_private_server_needs_a_login_to_read(db: str) -> None:
    with TestClient(create_app(db, cache_mb=8, private=True)) as private:
        response = private.get("/", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")
        assert private.get("/api/events").status_code == 401
        assert private.get("/login").status_code == 200
        assert login(private) == 303
        assert private.get("/api/events").status_code == 200


def test_editing_person_forms_rename_and_split(client: TestClient, db: str) -> None:
    login(client)
    store = api.open_store(db)
    try:
        yeo = api.people(store, "Yeo Seung-bae")[0].id
        teo = api.people(store, "Emaleen Abdul Rahman Teo")[0].id
    finally:
        store.close()
    csrf = _csrf(client.get(f"/people/{yeo}").text)
    data = {"csrf": csrf, "action": "set", "field": "title", "value": "Vice Minister",
            "reason": "official title"}  # fmt: skip
    assert (
        client.post(f"/people/{yeo}/correct", data=data, follow_redirects=False).status_code == 303
    )
    page = client.get(f"/people/{yeo}").text
    assert "Vice Minister" in page and "curation-marks" in page
    merge = {"csrf": csrf, "action": "merge", "other": str(teo), "reason": "test"}
    assert (
        client.post(f"/people/{yeo}/correct", data=merge, follow_redirects=False).status_code == 303
    )
    assert client.get(f"/api/people/{teo}").status_code == 404
    split = {"csrf": csrf, "action": "split", "value": "Emaleen Abdul Rahman Teo", "reason": "two"}
    assert (
        client.post(f"/people/{yeo}/correct", data=split, follow_redirects=False).status_code == 303
    )
    found = client.get("/api/people", params={"name": "Emaleen Abdul Rahman Teo"}).json()
    assert found and found[0]["id"] != yeo


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil"])
def test_editing_login_never_redirects_off_site(client: TestClient, target: str) -> None:
    token = _csrf(client.get("/login", params={"next": target}).text)
    response = client.post(
        "/login",
        data={"username": "ed", "password": PASSWORD, "csrf": token, "next": target},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_editing_api_with_a_session_needs_the_csrf_header(client: TestClient, db: str) -> None:
    login(client)
    event_id, _ = _event(db)
    csrf = _csrf(client.get(f"/events/{event_id}").text)
    body = {"location": "Seoul", "reason": "the release"}
    response = client.patch(f"/api/events/{event_id}", json=body, headers={"x-csrf-token": csrf})
    assert response.status_code == 200
    assert client.get(f"/api/events/{event_id}").json()["location"] == "Seoul"
