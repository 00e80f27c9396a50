"""The accounts of the people who correct the record: users and roles, passwords,
web sessions, API tokens and the login rate limit.

Passwords are hashed with argon2 (pwdlib); a login for an unknown name still costs a
hash check, so the time taken does not tell which names exist. Session ids and API
tokens are random, shown once and stored as SHA-256 hashes (they carry 256 bits of
randomness: a slow hash would add nothing but a cost to every request). A token is
`dn_<prefix>_<secret>`: the prefix finds its row, the hash of the whole checks it.

A store without any account is public and read-only, as before accounts existed.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass

from pwdlib import PasswordHash

from diplonews.errors import DiplonewsError
from diplonews.kb.store import Store

ROLES = ("editor", "admin")
MIN_PASSWORD = 10  # characters
MAX_PASSWORD = 1024  # characters: argon2 of a megabyte is a denial of service
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
TOKEN_PREFIX = "dn_"
_TOKEN = re.compile(r"dn_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
SESSION_SECONDS = 8 * 3600  # a login lasts a working day
# Login rate limit: failures within the window, per account and per address.
FAILURE_WINDOW = 15 * 60  # seconds
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20

_hasher = PasswordHash.recommended()
# Checked against when the name is unknown, so an unknown name takes as long as a known one.
_DUMMY_HASH = _hasher.hash("not a password of anyone: " + secrets.token_hex(8))


class AccountError(DiplonewsError):
    """An account cannot be made or changed as asked (bad name, role, password)."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    created_at: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "role": self.role, "created_at": self.created_at}


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str
    expires_at: float


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise AccountError(
            f"user name {name!r}: 1 to 64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"password: at most {MAX_PASSWORD} characters")
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"role {role!r}: one of {', '.join(ROLES)}")
    return role


# --- users ---------------------------------------------------------------------------


def has_accounts(store: Store) -> bool:
    """Whether anyone may log in: without accounts the server is public and read-only."""
    return bool(store.query("SELECT 1 FROM users LIMIT 1"))


def _user(row: tuple[object, ...]) -> User:
    return User(int(str(row[0])), str(row[1]), str(row[2]), str(row[3]))


def user(store: Store, name: str) -> User | None:
    rows = store.query("SELECT id, name, role, created_at FROM users WHERE name = ?", (name,))
    return _user(rows[0]) if rows else None


def users(store: Store) -> list[User]:
    rows = store.query("SELECT id, name, role, created_at FROM users ORDER BY name")
    return [_user(row) for row in rows]


def add_user(store: Store, name: str, role: str, password: str) -> User:
    check_name(name)
    _check_role(role)
    hashed = _hasher.hash(check_password(password))
    with store.transaction():
        if user(store, name) is not None:
            raise AccountError(f"user {name!r} exists already")
        now = _now()
        store.execute(
            "INSERT INTO users (name, role, password_hash, created_at, password_changed_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (name, role, hashed, now, now),
        )
    found = user(store, name)
    assert found is not None
    return found


def _known(store: Store, name: str) -> User:
    found = user(store, name)
    if found is None:
        raise AccountError(f"no user {name!r}")
    return found


def set_password(store: Store, name: str, password: str) -> None:
    """A new password ends every session of the account."""
    hashed = _hasher.hash(check_password(password))
    with store.transaction():
        account = _known(store, name)
        store.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
            (hashed, _now(), account.id),
        )
        store.execute("DELETE FROM sessions WHERE user_id = ?", (account.id,))


def set_role(store: Store, name: str, role: str) -> None:
    with store.transaction():
        account = _known(store, name)
        store.execute("UPDATE users SET role = ? WHERE id = ?", (_check_role(role), account.id))


def remove_user(store: Store, name: str) -> None:
    """The account, its sessions and tokens go; its corrections stay in the log."""
    with store.transaction():
        account = _known(store, name)
        for table in ("sessions", "api_tokens"):
            store.execute(f"DELETE FROM {table} WHERE user_id = ?", (account.id,))
        store.execute("DELETE FROM users WHERE id = ?", (account.id,))


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user, when the name and password match; None otherwise, in about the same
    time whether or not the name exists."""
    rows = store.query(
        "SELECT id, name, role, created_at, password_hash FROM users WHERE name = ?", (name,)
    )
    if not rows or len(password) > MAX_PASSWORD:
        _hasher.verify(password[:MAX_PASSWORD], _DUMMY_HASH)
        return None
    valid, rehashed = _hasher.verify_and_update(password, str(rows[0][4]))
    if not valid:
        return None
    account = _user(rows[0])
    if rehashed is not None:  # the library's parameters moved on: keep the stronger hash
        with store.transaction():
            store.execute("UPDATE users SET password_hash = ? WHERE id = ?", (rehashed, account.id))
    return account


# --- API tokens ----------------------------------------------------------------------


def new_token(store: Store, name: str) -> str:
    """A new API token for the account, to show once: only its hash is kept."""
    prefix = secrets.token_hex(6)
    token = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with store.transaction():
        account = _known(store, name)
        store.execute(
            "INSERT INTO api_tokens (user_id, prefix, token_hash, created_at) VALUES (?, ?, ?, ?)",
            (account.id, prefix, _sha256(token), _now()),
        )
    return token


def revoke_tokens(store: Store, name: str) -> int:
    with store.transaction():
        account = _known(store, name)
        count = len(store.query("SELECT id FROM api_tokens WHERE user_id = ?", (account.id,)))
        store.execute("DELETE FROM api_tokens WHERE user_id = ?", (account.id,))
    return count


def token_user(store: Store, token: str) -> User | None:
    """The account a bearer token belongs to; None for anything else (a token of
    another shape, another prefix, a revoked one)."""
    match = _TOKEN.fullmatch(token)
    if match is None:
        return None
    rows = store.query(
        "SELECT u.id, u.name, u.role, u.created_at, t.token_hash FROM api_tokens t "
        "JOIN users u ON u.id = t.user_id WHERE t.prefix = ?",
        (match.group(1),),
    )
    if not rows or not hmac.compare_digest(str(rows[0][4]), _sha256(token)):
        return None
    return _user(rows[0])


# --- sessions ------------------------------------------------------------------------


def new_session(store: Store, account: User, seconds: float = SESSION_SECONDS) -> tuple[str, str]:
    """A new session (its id, for the cookie, and its CSRF token): a login always gets
    a new id, whatever the browser sent (no session fixation)."""
    session_id = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = time.time()
    with store.transaction():
        store.execute("DELETE FROM sessions WHERE expires_at < ?", (now,))
        store.execute(
            "INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (_sha256(session_id), account.id, csrf, now, now + seconds),
        )
    return session_id, csrf


def session(store: Store, session_id: str) -> Session | None:
    if not session_id or len(session_id) > 128:
        return None
    rows = store.query(
        "SELECT u.id, u.name, u.role, u.created_at, s.csrf, s.expires_at FROM sessions s "
        "JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?",
        (_sha256(session_id),),
    )
    if not rows or float(rows[0][5]) < time.time():
        return None
    return Session(_user(rows[0]), str(rows[0][4]), float(rows[0][5]))


def end_session(store: Store, session_id: str) -> None:
    with store.transaction():
        store.execute("DELETE FROM sessions WHERE id_hash = ?", (_sha256(session_id),))


# --- the login rate limit ------------------------------------------------------------


def _keys(name: str, address: str) -> list[tuple[str, int]]:
    return [
        (f"user:{name[:64]}", MAX_FAILURES_PER_ACCOUNT),
        (f"addr:{address[:64]}", MAX_FAILURES_PER_ADDRESS),
    ]


def login_blocked(store: Store, name: str, address: str) -> bool:
    """Whether too many logins failed lately for this name or from this address (the
    name is counted whether or not it exists: the limit tells nothing about it)."""
    since = time.time() - FAILURE_WINDOW
    for key, limit in _keys(name, address):
        rows = store.query(
            "SELECT COUNT(*) FROM login_failures WHERE key = ? AND at > ?", (key, since)
        )
        if int(rows[0][0]) >= limit:
            return True
    return False


def login_failed(store: Store, name: str, address: str) -> None:
    now = time.time()
    with store.transaction():
        store.execute("DELETE FROM login_failures WHERE at < ?", (now - FAILURE_WINDOW,))
        store.executemany(
            "INSERT INTO login_failures (key, at) VALUES (?, ?)",
            [(key, now) for key, _ in _keys(name, address)],
        )


def login_succeeded(store: Store, name: str) -> None:
    with store.transaction():
        store.execute("DELETE FROM login_failures WHERE key = ?", (f"user:{name[:64]}",))
