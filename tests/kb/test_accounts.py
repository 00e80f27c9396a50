"""Accounts: passwords hashed with argon2, tokens and sessions stored hashed, the login
rate limit per account and per address. Both backends (the contract suite of the
tables of migration 0006)."""

from __future__ import annotations

import pytest

from diplonews.kb import accounts
from diplonews.kb.accounts import AccountError
from diplonews.kb.store import Store

PASSWORD = "correct horse battery"


def test_accounts_none_at_first(store: Store) -> None:
    assert not accounts.has_accounts(store)
    assert accounts.users(store) == []


def test_accounts_password_is_hashed_and_checked(store: Store) -> None:
    made = accounts.add_user(store, "ann", "editor", PASSWORD)
    assert accounts.has_accounts(store)
    stored = store.query("SELECT password_hash FROM users WHERE name = 'ann'")[0][0]
    assert stored.startswith("$argon2") and PASSWORD not in stored
    assert accounts.authenticate(store, "ann", PASSWORD) == made
    assert accounts.authenticate(store, "ann", PASSWORD + "x") is None
    assert accounts.authenticate(store, "nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("ann smith", "editor", PASSWORD, "user name"),
        ("ann", "owner", PASSWORD, "role 'owner'"),
        ("ann", "editor", "short", "at least 10"),
    ],
)
def test_accounts_refuse_bad_input(
    store: Store, name: str, role: str, password: str, message: str
) -> None:
    with pytest.raises(AccountError, match=message):
        accounts.add_user(store, name, role, password)
    assert not accounts.has_accounts(store)


def test_accounts_names_are_unique(store: Store) -> None:
    accounts.add_user(store, "ann", "editor", PASSWORD)
    with pytest.raises(AccountError, match="exists"):
        accounts.add_user(store, "ann", "admin", PASSWORD)


def test_accounts_token_shown_once_stored_hashed(store: Store) -> None:
    made = accounts.add_user(store, "ann", "editor", PASSWORD)
    token = accounts.new_token(store, "ann")
    assert token.startswith("dn_")
    assert accounts.token_user(store, token) == made
    rows = store.query("SELECT prefix, token_hash FROM api_tokens")
    assert token not in {rows[0][0], rows[0][1]}
    wrong_prefix = "xx_" + token[3:]
    assert accounts.token_user(store, wrong_prefix) is None
    assert accounts.token_user(store, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert accounts.revoke_tokens(store, "ann") == 1
    assert accounts.token_user(store, token) is None


def test_accounts_sessions_new_at_each_login_and_end(store: Store) -> None:
    made = accounts.add_user(store, "ann", "admin", PASSWORD)
    first, csrf = accounts.new_session(store, made)
    second, _ = accounts.new_session(store, made)
    assert first != second
    found = accounts.session(store, first)
    assert found is not None and found.user == made and found.csrf == csrf
    assert store.query("SELECT 1 FROM sessions WHERE id_hash = ?", (first,)) == []
    accounts.end_session(store, first)
    assert accounts.session(store, first) is None
    accounts.set_password(store, "ann", PASSWORD + "!")  # ends every other session too
    assert accounts.session(store, second) is None


def test_accounts_expired_session_is_refused(store: Store) -> None:
    made = accounts.add_user(store, "ann", "editor", PASSWORD)
    session_id, _ = accounts.new_session(store, made, seconds=-1)
    assert accounts.session(store, session_id) is None


def test_accounts_rate_limit_per_account_and_address(store: Store) -> None:
    for attempt in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        assert not accounts.login_blocked(store, "ann", f"10.0.0.{attempt}")
        accounts.login_failed(store, "ann", f"10.0.0.{attempt}")
    assert accounts.login_blocked(store, "ann", "10.0.0.99")  # the account, from anywhere
    assert not accounts.login_blocked(store, "bob", "10.0.0.99")
    for attempt in range(accounts.MAX_FAILURES_PER_ADDRESS):
        accounts.login_failed(store, f"user{attempt}", "10.9.9.9")
    assert accounts.login_blocked(store, "carol", "10.9.9.9")  # the address, any name


def test_accounts_removed_user_keeps_corrections_log(store: Store) -> None:
    made = accounts.add_user(store, "ann", "editor", PASSWORD)
    session_id, _ = accounts.new_session(store, made)
    accounts.new_token(store, "ann")
    accounts.remove_user(store, "ann")
    assert accounts.user(store, "ann") is None
    assert accounts.session(store, session_id) is None
    assert store.query("SELECT COUNT(*) FROM api_tokens")[0][0] == 0
    with pytest.raises(AccountError, match="no user"):
        accounts.remove_user(store, "ann")
