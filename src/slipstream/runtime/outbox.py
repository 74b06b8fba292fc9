"""Messages waiting to go to one browser tab, coalesced into frames.

The script thread appends; whoever drains the outbox (the server's event loop, or a test) gets
every message queued since the last drain as one frame. Unchanged siblings in a row collapse into
a single ``keep`` message, per container, until the next other message (elements written round
robin into columns still make one keep per column), so an unchanged app costs a few bytes per
container.

What a tab has not read is bounded. When whole runs pile up unread, the view replaces them with
one snapshot of what the tab must end up showing (``replace_runs``): a newer run's state replaces
an older one. Past ``limit`` bytes the outbox gives up on the connection: it drops what it holds,
tells ``on_overflow``, and discards everything until a tab attaches again (which resends all).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import orjson

Path = tuple[int, ...]

# Messages that only describe what the tab shows: a snapshot of the view stands in for them.
_STATE_KINDS = frozenset({"run_start", "run_end", "el", "upd", "keep", "page_config"})


def sized(data: bytes) -> bytes:
    """A copy of orjson's output of its own length: orjson's bytes keep a buffer of at least
    4 KiB whatever they hold, so a session keeping 50 small ones would hold 200 KiB."""
    return bytes(memoryview(data))


def element_message(path: Path, encoded_element: bytes) -> bytes:
    return b'{"t":"el","p":' + orjson.dumps(path) + b',"e":' + encoded_element + b"}"


class Outbox:
    def __init__(self, on_ready: Callable[[], None] | None = None, *, limit: int | None = None) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._parts: list[bytes] = []
        self._size = 0
        self._events: list[bytes] = []  # the queued parts that are not view state, in order
        self._runs = 0  # run_start messages queued
        # Pending keeps: per parent container, its open run (first index, count), in order of appearance.
        self._keeps: dict[Path, tuple[int, int]] = {}
        self._on_ready = on_ready
        self._on_overflow: Callable[[], None] | None = None
        self._discarding = False

    def attach(self, on_ready: Callable[[], None], on_overflow: Callable[[], None] | None = None) -> None:
        """A tab connected: drop what was queued for nobody, and call ``on_ready`` (from any thread)
        whenever the outbox goes from empty to not empty, ``on_overflow`` when it holds too much."""
        with self._lock:
            self._clear()
            self._discarding = False
            self._on_ready = on_ready
            self._on_overflow = on_overflow

    def detach(self) -> None:
        """The tab is gone: hold nothing until one attaches again."""
        with self._lock:
            self._clear()
            self._discarding = True
            self._on_ready = None
            self._on_overflow = None

    def put(self, message: dict[str, object]) -> None:
        self._append(sized(orjson.dumps(message)), message.get("t"))

    def put_element(self, path: Path, encoded_element: bytes) -> None:
        self._append(element_message(path, encoded_element), "el")

    def put_update(self, path: Path, encoded_element: bytes) -> None:
        """The container at ``path`` changed but keeps its children (st.status's update)."""
        self._append(b'{"t":"upd","p":' + orjson.dumps(path) + b',"e":' + encoded_element + b"}", "upd")

    def put_keep(self, path: Path) -> None:
        parent, index = path[:-1], path[-1]
        with self._lock:
            if self._discarding:
                return
            run = self._keeps.get(parent)
            if run is not None and run[0] + run[1] == index:
                self._keeps[parent] = (run[0], run[1] + 1)
                return
            was_empty = not self._parts and not self._keeps
            if run is not None:
                self._add(self._keep_message(parent, *self._keeps.pop(parent)))
            self._keeps[parent] = (index, 1)
        if was_empty:
            self._notify()

    def unsent_runs(self) -> int:
        """How many runs have messages queued (a run whose start was already read counts as none)."""
        with self._lock:
            return self._runs

    def replace_runs(self, snapshot: list[bytes]) -> None:
        """Put ``snapshot`` (one run's worth of view state) in place of every queued view message;
        other messages stay, ahead of it."""
        with self._lock:
            if self._discarding:
                return
            self._parts, self._keeps = [], {}
            self._size = 0
            for part in [*self._events, *snapshot]:
                self._add(part)
            self._runs = 1

    @staticmethod
    def _keep_message(parent: Path, first: int, count: int) -> bytes:
        return b'{"t":"keep","p":' + orjson.dumps((*parent, first)) + b',"n":%d}' % count

    def _flush_keeps(self) -> None:
        """Turn the pending keep runs into messages, ahead of any later message. Lock held."""
        for parent, (first, count) in self._keeps.items():
            self._add(self._keep_message(parent, first, count))
        self._keeps = {}

    def _add(self, part: bytes) -> None:
        self._parts.append(part)
        self._size += len(part)

    def _clear(self) -> None:
        self._parts, self._events, self._keeps = [], [], {}
        self._size = self._runs = 0

    def _append(self, part: bytes, kind: object) -> None:
        overflow: Callable[[], None] | None = None
        with self._lock:
            if self._discarding:
                return
            was_empty = not self._parts and not self._keeps
            self._flush_keeps()
            self._add(part)
            if kind == "run_start":
                self._runs += 1
            elif kind not in _STATE_KINDS:
                self._events.append(part)
            if self.limit is not None and self._size > self.limit:
                overflow = self._on_overflow
                self._clear()
                self._discarding = True
        if overflow is not None:
            overflow()
        elif was_empty:
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
            parts = self._parts
            self._clear()
        return b"[" + b",".join(parts) + b"]"

    def __len__(self) -> int:
        """Bytes queued."""
        return self._size
