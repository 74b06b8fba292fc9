"""Equal values held once per process, whichever session holds them.

Every tab of an app is shown mostly the same elements, at the same paths: a view that keeps its
own copy of each encoded element and of each path holds the same bytes as the thousand views
beside it. Views keep the interned value instead, so an idle tab costs its own state and little
more. A table forgets a value once no view holds it any more (checked when it has doubled since
its last sweep, so a sweep costs a constant time per value added).
"""

from __future__ import annotations

import sys
from collections.abc import Hashable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)

MIN_SWEEP = 4096  # values a table holds before its first sweep


def _alone_refcount() -> int:
    """What sys.getrefcount reports in the sweep's loop for a value only the table holds."""
    table: dict[bytes, bytes] = {}
    value = bytes(bytearray(b"probe"))
    table[value] = value
    del value
    for held in list(table):
        return sys.getrefcount(held)
    raise AssertionError("unreachable")


_ALONE = _alone_refcount()


class Interned(Generic[T]):
    """``intern(value)`` returns the table's equal value (``value`` itself when it is new)."""

    def __init__(self) -> None:
        self._table: dict[T, T] = {}
        self._sweep_at = MIN_SWEEP

    def __call__(self, value: T) -> T:
        kept = self._table.setdefault(value, value)
        if len(self._table) > self._sweep_at:
            self._sweep()
        return kept

    def get(self, value: T) -> T | None:
        return self._table.get(value)

    def __len__(self) -> int:
        return len(self._table)

    def _sweep(self) -> None:
        for held in list(self._table):
            if sys.getrefcount(held) <= _ALONE:
                self._table.pop(held, None)
        self._sweep_at = max(MIN_SWEEP, 2 * len(self._table))


# What views hold: encoded elements, and the paths they are at.
element_bytes: Interned[bytes] = Interned()
paths: Interned[tuple[int, ...]] = Interned()
