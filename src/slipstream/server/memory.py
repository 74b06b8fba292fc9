"""Give memory back to the system after a burst of connections.

Two things keep memory that is no longer used:
- The websocket protocol objects of the ASGI server sit in reference cycles (a parser generator
  that refers back to its connection), so a closed connection, and whatever partial message its
  buffer held, is freed only by a full garbage collection, which Python runs rarely once objects
  are old. ``Reclaimer`` collects after connections have ended.
- glibc's allocator: freeing a large block raises its mmap threshold so later large blocks come
  from the heap, which shrinks only from its top, and every thread may get an arena of its own.
  Fixing the thresholds, capping the arenas and trimming keeps RSS near what is in use (on
  glibc; elsewhere these do nothing).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import os
import sys
import time
from collections.abc import Callable

log = logging.getLogger("slipstream.server")

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8

MMAP_THRESHOLD = 256 * 1024  # blocks this large come straight from (and go back to) the system
TRIM_THRESHOLD = 4 * 1024 * 1024  # free memory at the heap's top past this is returned at once
ARENA_MAX = 4  # arenas shared by all threads (2 cores); glibc's default allows 8 per core


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


_LIBC = _libc()


def tune_allocator() -> None:
    """Set glibc's thresholds for a long-running server process (call once, early)."""
    if _LIBC is None:
        return
    for option, value in ((_M_MMAP_THRESHOLD, MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, TRIM_THRESHOLD)):
        _LIBC.mallopt(option, value)
    _LIBC.mallopt(_M_ARENA_MAX, ARENA_MAX)


def trim() -> None:
    """Return the free memory of every arena to the system."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


class Reclaimer:
    """Collect garbage and trim once a burst is over: connections ended or sessions were freed
    since the last collection, and none in the last tick (or PERIOD has passed, for a burst that
    goes on).
    A full collection pauses every thread for a few milliseconds per 10,000 objects (about 90 per
    idle session), so it waits for a quiet moment rather than running in the middle of a burst;
    meanwhile Python's own collections keep a long burst bounded."""

    PERIOD = 60.0  # seconds

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._ended = 0  # connections ended and sessions freed so far
        self._collected_at = 0  # ... when the last collection ran
        self._ticked_at = 0  # ... at the last tick
        self._last_time = clock()

    def released(self, count: int = 1) -> None:
        """``count`` connections ended or sessions were freed."""
        self._ended += count

    def reclaim(self) -> None:
        """Called on every tick of the server's housekeeping."""
        ended, now = self._ended, self._clock()
        busy = ended != self._ticked_at
        self._ticked_at = ended
        if ended == self._collected_at or (busy and now - self._last_time < self.PERIOD):
            return
        self._collected_at, self._last_time = ended, now
        before = resident_bytes()
        started = time.perf_counter()
        gc.collect()
        trim()
        log.debug(
            "reclaimed %.1f MiB in %.1f ms",
            (before - resident_bytes()) / (1 << 20),
            (time.perf_counter() - started) * 1000,
        )


def resident_bytes() -> int:
    """The process's resident memory (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except OSError:
        return 0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
