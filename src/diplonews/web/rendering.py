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

from diplonews import __version__, api
from diplonews.web.deps import LANGUAGES, language
from diplonews.web.wording import Wording

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
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
    return table


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every value, whatever the template's name
        auto_reload=False,  # templates are package data: no stat() per page
        undefined=jinja2.StrictUndefined,  # a misspelt variable fails the test, not the page
    )
)
templates.env.globals["version"] = __version__


def wording(request: Request) -> Wording:
    """How the request's page names things, in its language (see `Wording`)."""
    lang = language(request)
    return Wording(lang, labels()[lang], getattr(request.app.state, "lexicons", None))


def page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """Render a template with the request's language, its labels, and the `Wording` that
    names events, parties and places in that language (`w`; `names`: party names)."""
    lang = language(request)
    text = labels()[lang]
    lexicons = getattr(request.app.state, "lexicons", None)
    names = api.party_names(lang, lexicons=lexicons)
    response = templates.TemplateResponse(
        request,
        name,
        {"lang": lang, "t": text, "w": wording(request), "names": names, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response
