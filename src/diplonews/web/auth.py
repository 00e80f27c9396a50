"""Who is asking: web logins (sessions), API tokens, CSRF, the login rate limit, and
the private mode.

Without any account the application is what it always was: public and read-only;
every write answers 403. With accounts, reading stays public (unless `private`) and
writing needs an editor or admin: a session cookie from `/login` (HttpOnly,
SameSite=Lax, Secure over HTTPS, a new id at every login) plus the session's CSRF
token in every form (`csrf`) or `X-CSRF-Token` header; or an API token as
`Authorization: Bearer dn_…` (no cookie, so no CSRF). A failed login says the same
whether the name exists or not, and is counted per name and per address
(`accounts.login_blocked`).

`Viewer`, an ASGI middleware outside the page cache, finds the request's account
once, in `scope["state"]["viewer"]`; in private mode it turns away anyone without
one but from the login page.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.kb.accounts import Session, User
from diplonews.kb.store import Store
from diplonews.web.deps import store_of
from diplonews.web.rendering import page

SESSION_COOKIE = "diplonews_session"
LOGIN_CSRF_COOKIE = "diplonews_login"  # double-submit token of the login form itself
OPEN_PATHS = ("/login", "/static/")  # what private mode shows to anyone

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(store_of)]


class Viewer:
    """ASGI middleware: the request's account (session cookie or bearer token), and
    the private mode's gate."""

    def __init__(self, app: ASGIApp, stores: Any, private: bool = False) -> None:
        self.app = app
        self.stores = stores
        self.private = private

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        viewer: Session | User | None = None
        bearer = headers.get("authorization", "")
        cookie = cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE)
        state = scope.setdefault("state", {})
        try:
            store = self.stores.get()
            state["accounts"] = api.accounts.has_accounts(store)
        except DiplonewsError:  # the application answers with the store's error
            await self.app(scope, receive, send)
            return
        if state["accounts"] and (bearer or cookie):
            if bearer:
                scheme, _, token = bearer.partition(" ")
                if scheme.lower() == "bearer":
                    viewer = api.accounts.token_user(store, token.strip())
                state["bearer"] = True  # a bad token is refused, never taken as anonymous
            elif cookie:
                viewer = api.accounts.session(store, cookie)
        state["viewer"] = viewer
        if self.private and viewer is None and not scope["path"].startswith(OPEN_PATHS):
            response: Response
            if scope["path"].startswith("/api/") or scope["method"] != "GET":
                response = JSONResponse({"detail": "log in first (private server)"}, 401)
            else:
                target = quote(scope["path"], safe="/")
                response = RedirectResponse(f"/login?next={target}", 303)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def viewer_of(request: Request) -> Session | User | None:
    return request.scope.get("state", {}).get("viewer")


def user_of(request: Request) -> User | None:
    viewer = viewer_of(request)
    return viewer.user if isinstance(viewer, Session) else viewer


class Refused(Exception):
    """A write without the right to make it: 401 (who are you?) or 403 (not you)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def refused(request: Request, exc: Refused) -> Response:
    if request.url.path.startswith("/api/"):
        headers = {"www-authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse({"detail": exc.message}, exc.status, headers=headers)
    if exc.status == 401 and request.method == "GET":
        return RedirectResponse(f"/login?next={quote(request.url.path, safe='/')}", 303)
    return page(request, "error.html", {"message": exc.message}, exc.status)


def writer(request: Request, csrf: str | None = None, *, admin: bool = False) -> User:
    """The account allowed to make this write, checked on the server: logged in, the
    right role, and, for a session, the session's CSRF token."""
    store: Store = request.app.state.stores.get()
    if not api.accounts.has_accounts(store):
        raise Refused(403, "this server is read-only: it has no accounts")
    viewer = viewer_of(request)
    if viewer is None:
        raise Refused(401, "log in to make changes")
    if isinstance(viewer, Session):
        sent = csrf or request.headers.get("x-csrf-token") or ""
        if not hmac.compare_digest(sent.encode(), viewer.csrf.encode()):
            raise Refused(403, "the form has expired or did not come from this site (CSRF)")
        account = viewer.user
    else:
        account = viewer
    if admin and not account.is_admin:
        raise Refused(403, "only an admin may do this")
    return account


def csrf_of(request: Request) -> str:
    viewer = viewer_of(request)
    return viewer.csrf if isinstance(viewer, Session) else ""


def _safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site only (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    parts = urlsplit(target)
    return "/" if parts.scheme or parts.netloc or "\\" in target else target


def _login_page(request: Request, message: str | None, status: int, target: str) -> Response:
    token = secrets.token_urlsafe(24)
    response = page(
        request, "login.html", {"message": message, "csrf": token, "next": target}, status
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/login",
    )
    response.headers["cache-control"] = "no-store"
    return response


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return _login_page(request, None, 200, _safe_next(next))


@router.post("/login")
def login(
    request: Request,
    store: StoreDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=2000)] = "",
    csrf: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    target = _safe_next(next)
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(csrf.encode(), expected.encode()):
        return _login_page(request, "login_expired", 403, target)
    address = request.client.host if request.client else "unknown"
    if api.accounts.login_blocked(store, username, address):
        return _login_page(request, "login_blocked", 429, target)
    account = api.accounts.authenticate(store, username, password)
    if account is None:
        api.accounts.login_failed(store, username, address)
        return _login_page(request, "login_failed", 401, target)
    api.accounts.login_succeeded(store, username)
    old = request.cookies.get(SESSION_COOKIE)
    if old:  # whatever id the browser came with is never kept (no session fixation)
        api.accounts.end_session(store, old)
    session_id, _ = api.accounts.new_session(store, account)
    response = RedirectResponse(target, 303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=api.accounts.SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(
    request: Request, store: StoreDep, csrf: Annotated[str, Form(max_length=200)] = ""
) -> Response:
    viewer = viewer_of(request)
    if isinstance(viewer, Session):
        if not hmac.compare_digest(csrf.encode(), viewer.csrf.encode()):
            raise Refused(403, "the form has expired or did not come from this site (CSRF)")
        session_id = request.cookies.get(SESSION_COOKIE, "")
        api.accounts.end_session(store, session_id)
    response = RedirectResponse("/", 303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
