"""The interactive pages: a relationship's or a person's timeline, and the graph of
who meets whom."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
