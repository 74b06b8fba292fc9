"""Where cached values live: bounded in-memory stores, and pickles on disk for persist="disk".

A store belongs to one cached function (in one scope). It evicts the least recently used entry
when ``max_entries`` or ``max_size`` is exceeded, and drops entries older than ``ttl`` when they
are next looked at or when a new entry is added.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from slipstream.caching.payloads import HeldBlobs

log = logging.getLogger("slipstream.caching")

# The clock the stores read; tests replace it to make time pass.
clock: Callable[[], float] = time.monotonic

CACHE_DIR = Path(".slipstream") / "cache"

Recorded = list[tuple[tuple[int, ...], dict[str, Any]]]


@dataclass(slots=True)
class Replay:
    """What a cached function showed: the container (or slot) it was called in, its elements,
    and the blobs those elements point at."""

    base: tuple[int, ...]
    base_is_slot: bool
    elements: Recorded
    blobs: HeldBlobs

    @property
    def nbytes(self) -> int:
        return self.blobs.nbytes


@dataclass(slots=True)
class Entry:
    value: Any  # pickled bytes for cache_data, the object itself for cache_resource
    size: int
    replay: Replay | None = None
    created: float = field(default_factory=lambda: clock())


@dataclass(slots=True)
class Limits:
    ttl: float | None = None
    max_entries: int | None = None
    max_size: int | None = None


class ValueStore(Protocol):
    """A cached function's values of one scope (``Store`` keeps them in this process's memory,
    objects and all, as cache_resource needs)."""

    def keys(self) -> list[str]: ...

    def get(self, key: str) -> Entry | None: ...

    def put(self, key: str, entry: Entry) -> None: ...

    def pop(self, key: str) -> None: ...

    def clear(self) -> None: ...


class PersistedValues(Protocol):
    """``persist="disk"``: a cached function's pickled values by key, in bytes (``DiskStore``
    keeps them in files; a store shared by several processes would keep the same bytes)."""

    def read(self, key: str) -> bytes | None: ...

    def write(self, key: str, data: bytes) -> None: ...

    def delete(self, key: str) -> None: ...

    def clear(self) -> None: ...


class Store:
    """The in-memory ValueStore: least recently used values go first past its limits."""

    def __init__(self, limits: Limits, on_release: Callable[[Any], Any] | None = None) -> None:
        self.limits = limits
        self.on_release = on_release
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._size = 0

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> list[str]:
        with self._lock:
            return list(self._entries)

    def get(self, key: str) -> Entry | None:
        released: list[Entry] = []
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and self._expired(entry, clock()):
                released.append(self._remove(key))
                entry = None
            elif entry is not None:
                self._entries.move_to_end(key)
        self._release(released)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        released: list[Entry] = []
        with self._lock:
            if key in self._entries:
                released.append(self._remove(key))
            now = clock()
            for old_key in [k for k, e in self._entries.items() if self._expired(e, now)]:
                released.append(self._remove(old_key))
            max_entries, max_size = self.limits.max_entries, self.limits.max_size
            while self._entries and max_entries is not None and len(self._entries) >= max_entries:
                released.append(self._remove(next(iter(self._entries))))
            while self._entries and max_size is not None and self._size + entry.size > max_size:
                released.append(self._remove(next(iter(self._entries))))
            if max_size is not None and entry.size > max_size:
                log.warning(
                    "a cached value of %d bytes is larger than max_size=%d; keeping it alone", entry.size, max_size
                )
            if max_entries != 0:
                self._entries[key] = entry
                self._size += entry.size
            else:
                released.append(entry)
        self._release(released)

    def pop(self, key: str) -> None:
        with self._lock:
            released = [self._remove(key)] if key in self._entries else []
        self._release(released)

    def clear(self) -> None:
        with self._lock:
            released = list(self._entries.values())
            self._entries.clear()
            self._size = 0
        self._release(released)

    def _expired(self, entry: Entry, now: float) -> bool:
        ttl = self.limits.ttl
        return ttl is not None and now - entry.created >= ttl

    def _remove(self, key: str) -> Entry:
        entry = self._entries.pop(key)
        self._size -= entry.size
        return entry

    def _release(self, entries: list[Entry]) -> None:
        if self.on_release is None:
            return
        for entry in entries:
            try:
                self.on_release(entry.value)
            except Exception:  # a release hook must not break the app that triggered it
                log.exception("on_release raised")


class KeyLocks:
    """One lock per key being computed, so that concurrent callers of one key compute it once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._locks: dict[str, tuple[threading.RLock, int]] = {}

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._lock:
            lock, users = self._locks.get(key) or (threading.RLock(), 0)
            self._locks[key] = (lock, users + 1)
        lock.acquire()
        try:
            yield
        finally:
            lock.release()
            with self._lock:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)


class DiskStore:
    """Pickles under ``CACHE_DIR`` (relative to the working directory, where the app is started)."""

    def __init__(self, function_key: str, root: Path | None = None) -> None:
        self.root = root or CACHE_DIR
        self.prefix = function_key

    def _path(self, key: str) -> Path:
        return self.root / f"{self.prefix}-{key}.pickle"

    def read(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("could not read the disk cache entry %s: %s", self._path(key), exc)
            return None

    def write(self, key: str, data: bytes) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            temp.write_bytes(data)
            os.replace(temp, path)
        except OSError as exc:
            log.warning("could not write the disk cache entry %s: %s", path, exc)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def clear(self) -> None:
        clear_disk(self.root, f"{self.prefix}-")


def clear_disk(root: Path | None = None, prefix: str = "") -> int:
    """Delete the cache files under ``root`` (whose names start with ``prefix``); return how many."""
    folder = root or CACHE_DIR
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():
        if path.name.startswith(prefix) and path.suffix in (".pickle", ".tmp"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
