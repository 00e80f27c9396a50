"""Items at offsets of a text, looked up by range in logarithmic time.

The stages ask, sentence by sentence, which of the document's matches (parties,
triggers, mentions, dates …) fall inside a span. Filtering the whole list each time
costs the number of matches per sentence, so a document of n sentences cost n²: a
5 MB article took minutes. `Spans` keeps the items in their order and their start
offsets sorted beside them, so `within(start, end)` is a bisection plus the items
found.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def _first(item: Any) -> int:
    return int(item[0])


def start_attribute(item: Any) -> int:
    """The start of an item that carries it as `.start` (mentions, dates)."""
    return int(item.start)


class Spans(list[T]):
    """A list whose items start at an offset (`key`, by default `item[0]`).

    Iterated and indexed as the list it is; `within` gives the items whose start lies
    in [start, end), in list order. It is built once and not changed afterwards."""

    def __init__(self, items: Iterable[T] = (), key: Callable[[Any], int] = _first) -> None:
        super().__init__(items)
        if key is _first:  # (start, end, …) tuples: read without a call per item
            rows: list[Any] = self
            starts = [row[0] for row in rows]
            self.longest = max((row[1] - row[0] for row in rows if len(row) > 1), default=0)
        else:
            starts = [key(item) for item in self]
            self.longest = 0
        self._in_order = starts == sorted(starts)  # linear on sorted input, in C
        if self._in_order:
            self._order: list[int] = []
            self._starts = starts
        else:
            self._order = sorted(range(len(starts)), key=starts.__getitem__)
            self._starts = [starts[i] for i in self._order]

    def within(self, start: int, end: int) -> list[T]:
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end, low)
        if self._in_order:
            return self[low:high]
        return [self[i] for i in sorted(self._order[low:high])]


def within(items: Sequence[T], start: int, end: int, key: Callable[[Any], int] = _first) -> list[T]:
    """The items of `items` starting in [start, end): by bisection for `Spans`, by a
    scan for any other sequence."""
    if isinstance(items, Spans):
        return items.within(start, end)
    return [item for item in items if start <= key(item) < end]


def covering(items: Sequence[T], at: int) -> list[T]:
    """The (start, end, …) items with start <= at < end: among the items that start
    within the longest item's length before `at`, for `Spans`."""
    if isinstance(items, Spans):
        candidates = items.within(at - items.longest, at + 1)
    else:
        candidates = list(items)
    return [item for item in candidates if item[0] <= at < item[1]]
