"""Messages waiting to go to one browser tab, coalesced into frames.

The script thread appends; whoever drains the outbox (the server's event loop, or a test) gets
every message queued since the last drain as one frame. Consecutive unchanged siblings collapse
into a single ``keep`` message, so an unchanged app costs a few bytes per container.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import orjson

Path = tuple[int, ...]


class Outbox:
    def __init__(self, on_ready: Callable[[], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._parts: list[bytes] = []
        self._keep: tuple[Path, int, int] | None = None  # parent, first index, count
        self._on_ready = on_ready

    def set_listener(self, on_ready: Callable[[], None] | None) -> None:
        """Call ``on_ready`` (from any thread) whenever the outbox goes from empty to not empty."""
        with self._lock:
            self._on_ready = on_ready
            pending = bool(self._parts or self._keep)
        if pending and on_ready is not None:
            on_ready()

    def put(self, message: dict[str, object]) -> None:
        self._append(orjson.dumps(message))

    def put_element(self, path: Path, encoded_element: bytes) -> None:
        self._append(b'{"t":"el","p":' + orjson.dumps(path) + b',"e":' + encoded_element + b"}")

    def put_keep(self, path: Path) -> None:
        parent, index = path[:-1], path[-1]
        with self._lock:
            keep = self._keep
            if keep is not None and keep[0] == parent and keep[1] + keep[2] == index:
                self._keep = (parent, keep[1], keep[2] + 1)
                return
            was_empty = not self._parts and keep is None
            self._flush_keep()
            self._keep = (parent, index, 1)
        if was_empty:
            self._notify()

    def _flush_keep(self) -> bool:
        """Turn the pending keep run into a message; True if there was one. Lock held."""
        keep = self._keep
        if keep is None:
            return False
        parent, first, count = keep
        self._parts.append(b'{"t":"keep","p":' + orjson.dumps((*parent, first)) + b',"n":%d}' % count)
        self._keep = None
        return True

    def _append(self, part: bytes) -> None:
        with self._lock:
            was_empty = not self._parts and self._keep is None
            self._flush_keep()
            self._parts.append(part)
        if was_empty:
            self._notify()

    def _notify(self) -> None:
        listener = self._on_ready
        if listener is not None:
            listener()

    def drain(self) -> bytes | None:
        """Everything queued so far as one frame (a JSON array), or None when nothing is."""
        with self._lock:
            self._flush_keep()
            if not self._parts:
                return None
            parts, self._parts = self._parts, []
        return b"[" + b",".join(parts) + b"]"
