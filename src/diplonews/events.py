"""Stage placeholder: replaced by the real stage."""

from diplonews.lexicons import Lexicons
from diplonews.models import Doc


def run(doc: Doc, lex: Lexicons) -> None:
    return None
