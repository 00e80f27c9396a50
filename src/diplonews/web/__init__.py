"""The web application: a JSON API (`/api/…`, described at `/docs`) and pages over it.

`create_app(store_url)` builds it; `diplonews serve` runs it with uvicorn. Routes are
thin: they parse, call `diplonews.api`, and render JSON or a template.
"""

from diplonews.web.app import create_app

__all__ = ["create_app"]
