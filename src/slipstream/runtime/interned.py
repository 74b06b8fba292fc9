"""Equal values held once per process, whichever session holds them.

Every tab of an app is shown mostly the same elements, at the same paths: a view that keeps its
own copy of each encoded element and of each path holds the same bytes as the thousand views
beside it. Views keep the interned value instead, so an idle tab costs its own state and little
more. A table forgets a value once no view holds it any more: at once when a view lets it go
(``release``), else at a sweep (when the table has doubled since its last one, so a sweep costs a
constant time per value added). Forgetting at once matters for memory: a value that outlives a
burst of other small objects (an attack's) keeps the allocator's arena it sits in.
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


def _refs(value: object) -> int:
    return sys.getrefcount(value)


def _released_refcount() -> int:
    """What ``release`` counts for a value that only the table and the caller of release hold."""
    probe: Interned[bytes] = Interned()
    value = probe(bytes(bytearray(b"probe")))
    return _as_in_release(probe, value)


def _as_in_release(table: Interned[bytes], value: bytes) -> int:  # a frame as deep as release's
    return _refs(value)


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

    def release(self, value: T) -> None:
        """The caller lets ``value`` go (its last reference is the caller's own): forget it now if
        nothing else holds it."""
        if self._table.get(value) is value and _refs(value) <= _RELEASED:
            del self._table[value]

    def release_all(self, values: list[T]) -> None:
        """``release`` each of ``values``, emptying the list (so that it holds none of them)."""
        while values:
            value = values.pop()
            self.release(value)

    def _sweep(self) -> None:
        for held in list(self._table):
            if sys.getrefcount(held) <= _ALONE:
                self._table.pop(held, None)
        self._sweep_at = max(MIN_SWEEP, 2 * len(self._table))


_RELEASED = _released_refcount()

# What views hold: encoded elements, and the paths they are at.
element_bytes: Interned[bytes] = Interned()
paths: Interned[tuple[int, ...]] = Interned()
