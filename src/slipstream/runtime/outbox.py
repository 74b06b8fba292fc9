"""Messages waiting to go to one browser tab, coalesced into frames.

The script thread appends; whoever drains the outbox (the server's event loop, or a test) gets
every message queued since the last drain as one frame. Unchanged siblings in a row collapse into
a single ``keep`` message, per container, until the next other message (elements written round
robin into columns still make one keep per column), so an unchanged app costs a few bytes per
container.
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
        # Pending keeps: per parent container, its open run (first index, count), in order of appearance.
        self._keeps: dict[Path, tuple[int, int]] = {}
        self._on_ready = on_ready

    def set_listener(self, on_ready: Callable[[], None] | None) -> None:
        """Call ``on_ready`` (from any thread) whenever the outbox goes from empty to not empty."""
        with self._lock:
            self._on_ready = on_ready
            pending = bool(self._parts or self._keeps)
        if pending and on_ready is not None:
            on_ready()

    def put(self, message: dict[str, object]) -> None:
        self._append(orjson.dumps(message))

    def put_element(self, path: Path, encoded_element: bytes) -> None:
        self._append(b'{"t":"el","p":' + orjson.dumps(path) + b',"e":' + encoded_element + b"}")

    def put_keep(self, path: Path) -> None:
        parent, index = path[:-1], path[-1]
        with self._lock:
            run = self._keeps.get(parent)
            if run is not None and run[0] + run[1] == index:
                self._keeps[parent] = (run[0], run[1] + 1)
                return
            was_empty = not self._parts and not self._keeps
            if run is not None:
                self._parts.append(self._keep_message(parent, *self._keeps.pop(parent)))
            self._keeps[parent] = (index, 1)
        if was_empty:
            self._notify()

    @staticmethod
    def _keep_message(parent: Path, first: int, count: int) -> bytes:
        return b'{"t":"keep","p":' + orjson.dumps((*parent, first)) + b',"n":%d}' % count

    def _flush_keeps(self) -> None:
        """Turn the pending keep runs into messages, ahead of any later message. Lock held."""
        for parent, (first, count) in self._keeps.items():
            self._parts.append(self._keep_message(parent, first, count))
        self._keeps = {}

    def _append(self, part: bytes) -> None:
        with self._lock:
            was_empty = not self._parts and not self._keeps
            self._flush_keeps()
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
            self._flush_keeps()
            if not self._parts:
                return None
            parts, self._parts = self._parts, []
        return b"[" + b",".join(parts) + b"]"
