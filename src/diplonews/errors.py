"""The one exception tree of diplonews: the CLI turns each into a one-line message."""


class DiplonewsError(Exception):
    """Base of every error diplonews raises on purpose."""


class InputError(DiplonewsError):
    """An input file cannot be read as an article (empty, binary, undecodable, too big)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LexiconError(DiplonewsError):
    """A lexicon file is malformed."""


class StoreError(DiplonewsError):
    """The store cannot be opened or used: corrupt, unreachable, or from a newer version."""


class FeedError(DiplonewsError):
    """A feeds config is invalid, or a page or feed cannot be fetched."""
