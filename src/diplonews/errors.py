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


class InvalidInput(DiplonewsError):
    """A value a user gave cannot be used: a date that does not exist, an empty period.

    `key` and `params` name the message for a page in the reader's language (the web
    labels' `error_<key>`); `str()` is the English one-liner. Status 422 on the web."""

    status = 422

    def __init__(self, message: str, key: str = "", **params: object) -> None:
        super().__init__(message)
        self.key = key
        self.params = params
