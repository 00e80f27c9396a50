"""Pages from templates: autoescaped Jinja2, with the reader's language and its labels."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from diplonews import __version__, api
from diplonews.web.deps import LANGUAGES, language
from diplonews.web.wording import Wording

HERE = Path(__file__).parent


class Labels(dict[str, str]):
    """The labels of one language: a dict whose keys are attributes too. Jinja reads
    `{{ t.nav_home }}` as `getattr(t, "nav_home")` first and `t["nav_home"]` only after
    an AttributeError, raised and caught for each of the hundred-odd labels a page
    shows; as attributes they are found at once. Not to be changed once made."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__(table)
        self.__dict__.update(table)


@lru_cache(maxsize=1)
def labels() -> dict[str, Labels]:
    """UI labels by language, from the `labels*.tsv` files (key, vi, en)."""
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    folder = resources.files("diplonews.web")
    for source in sorted(folder.iterdir(), key=lambda f: f.name):
        if not (source.name.startswith("labels") and source.name.endswith(".tsv")):
            continue
        with source.open(encoding="utf-8") as handle:
            rows = csv.DictReader(
                (line for line in handle if line.strip() and not line.startswith("#")),
                delimiter="\t",
            )
            for row in rows:
                for lang in LANGUAGES:
                    table[lang][row["key"]] = row[lang]
    return {lang: Labels(found) for lang, found in table.items()}


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every value, whatever the template's name
        auto_reload=False,  # templates are package data: no stat() per page
        undefined=jinja2.StrictUndefined,  # a misspelt variable fails the test, not the page
    )
)
templates.env.globals["version"] = __version__


def _viewer(request: Request) -> dict[str, Any]:
    """Who is reading (`web.auth.Viewer` put them in the request's state): the header
    offers to log in only where there are accounts, and editors get their forms."""
    state = request.scope.get("state", {})
    viewer = state.get("viewer")
    return {
        "viewer": getattr(viewer, "user", viewer),
        "csrf": getattr(viewer, "csrf", ""),
        "accounts_on": bool(state.get("accounts")),
    }


def shared(request: Request) -> dict[str, Any]:
    """What every page in the request's language shares, made once per application and
    language: the labels `t`, the party `names`, the `Wording` `w` and the macros of
    `_macros.html` over them, `m`. Pages used to import the macros with their own
    context: a module built anew each render, whose macros and context referred to
    each other, so every object of the page was left to the garbage collector instead
    of freed as it went (about 100 objects a page, 11% of a first render's CPU)."""
    lang = language(request)
    state = request.app.state
    made: dict[str, dict[str, Any]] | None = getattr(state, "page_shared", None)
    if made is None:
        made = state.page_shared = {}
    found = made.get(lang)
    if found is None:
        lexicons = getattr(state, "lexicons", None)
        text = labels()[lang]
        names = api.party_names(lang, lexicons=lexicons)
        found = {"t": text, "names": names, "w": Wording(lang, text, lexicons)}
        plain = plain_macros(text, names)
        # the other macros call these by name, pages as `m.when`
        macros = templates.env.get_template("_macros.html").make_module({**found, **plain})
        for name, function in plain.items():
            setattr(macros, name, function)
        found["m"] = macros
        made[lang] = found
    return found


def plain_macros(text: Labels, names: dict[str, str]) -> dict[str, Any]:
    """The three smallest macros every page calls (`when`, `kind`, `parties`) as
    Python functions over the language's labels and party names. As Jinja macros each
    call cost a new frame and context (`Macro.__call__`), 5-8 µs, about thirty
    times a person page; these give the same markup, every value escaped."""
    undated = Markup('<span class="muted">{}</span>').format(text["undated"])

    def when(value: Any) -> Markup:
        if not value:
            return undated
        shown = escape(value)
        return Markup(f'<time datetime="{shown}">{shown}</time>')

    def kind(value: Any) -> Markup:
        return escape(text.get(f"kind_{value}", value))

    def parties(codes: Any, sep: str = ", ") -> Markup:
        return escape(sep).join(names.get(code, code) for code in codes)

    return {"when": when, "kind": kind, "parties": parties}


def wording(request: Request) -> Wording:
    """How the request's page names things, in its language (see `Wording`)."""
    wording: Wording = shared(request)["w"]
    return wording


def page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """Render a template with the request's language, its labels, and the `Wording` that
    names events, parties and places in that language (`w`; `names`: party names; `m`:
    the macros)."""
    lang = language(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"lang": lang, **shared(request), **_viewer(request), **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response
