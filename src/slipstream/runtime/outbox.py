"""Messages waiting to go to one browser tab, coalesced into frames.

The script thread appends; whoever drains the outbox (the server's event loop, or a test) gets
every message queued since the last drain as one frame. Unchanged siblings in a row collapse into
a single ``keep`` message, per container, until the next other message (elements written round
robin into columns still make one keep per column). A kept container whose every descendant was
kept too before that message is confirmed whole by one ``tree`` keep, so an unchanged app costs a
few bytes however many containers it has (a chat's 500 messages: one message).

Keeps are held back while a run is young: a run that ends within ``KEEPS_HELD`` seconds (most
do) sends none, since its ``run_end`` names what it removed and the browser takes everything else
as confirmed. Past that the held keeps go out (``release_keeps``), so that a slow run shows as
stale only what it has not confirmed yet.

Text appended to one element (st.write_stream's chunks) is merged into one ``append`` message
until the next other message.

What a tab has not read is bounded. When whole runs pile up unread, the view replaces them with
one snapshot of what the tab must end up showing (``replace_runs``): a newer run's state replaces
an older one. Past ``limit`` bytes the outbox gives up on the connection: it drops what it holds,
tells ``on_overflow``, and discards everything until a tab attaches again (which resends all).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import orjson

from slipstream.runtime import wire

Path = tuple[int, ...]

# How long a run holds its keeps back: well under the browser's delay before it fades what a run
# has not confirmed (STALE_AFTER_MS in frontend/src/store.ts), which counts from later still.
KEEPS_HELD = 0.25

# Messages that only describe what the tab shows: a snapshot of the view stands in for them.
_STATE_KINDS = frozenset({"run_start", "run_end", "el", "upd", "patch", "keep", "append", "page_config"})


def sized(data: bytes) -> bytes:
    """A copy of orjson's output of its own length: orjson's bytes keep a buffer of at least
    4 KiB whatever they hold, so a session keeping 50 small ones would hold 200 KiB."""
    return bytes(memoryview(data))


def element_message(path: Path, encoded_element: bytes, *, clear: bool = False) -> bytes:
    tail = b',"clear":true}' if clear else b"}"
    return b'{"t":"el","p":' + orjson.dumps(path) + b',"e":' + encoded_element + tail


class Outbox:
    def __init__(self, on_ready: Callable[[], None] | None = None, *, limit: int | None = None) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._parts: list[bytes] = []
        self._size = 0
        self._events: list[bytes] = []  # the queued parts that are not view state, in order
        self._runs = 0  # run_start messages queued
        # Pending keeps, in order, until the next other message: each path kept, and for a kept
        # container, how many of its descendants are still to be kept for its subtree to be whole.
        self._keeps: list[Path] = []
        self._missing: dict[Path, int] = {}
        # A pending append: the path and its pieces of text, until the next other message.
        self._append_path: Path | None = None
        self._append_text: list[str] = []
        self._on_ready = on_ready
        self._on_overflow: Callable[[], None] | None = None
        self._discarding = False
        self._holding: int | None = None  # the run whose keeps are held back

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

    def put_run_start(self, run: int, scopes: list[Path] | None = None) -> None:
        """Run ``run`` starts (drawing only below ``scopes``, if given); its keeps are held."""
        self._append(wire.run_start(run, scopes), "run_start")
        with self._lock:
            self._holding = run

    def put_run_end(self, run: int, status: str, drop: list[Path] | None) -> None:
        """Run ``run`` ended; ``drop``: what it removed, or None when the tab is to remove
        everything the run did not send or confirm. Keeps still held are not needed any more."""
        with self._lock:
            if self._holding == run:
                self._holding = None
                self._keeps, self._missing = [], {}
        message = wire.run_end(run, status, drop) if drop is not None else wire.run_end_whole(run, status)
        self._append(message, "run_end")

    def release_keeps(self, run: int) -> None:
        """Run ``run`` has gone on for a while: send its keeps from now on."""
        with self._lock:
            if self._holding != run:
                return
            self._holding = None
            was_empty = not self._parts and self._append_path is None
            self._flush_keeps()
            ready = was_empty and bool(self._parts)
        if ready:
            self._notify()

    def put_element(self, path: Path, encoded_element: bytes, *, clear: bool = False) -> None:
        """Put an element at ``path``; ``clear``: a container that drops its children."""
        self._append(element_message(path, encoded_element, clear=clear), "el")

    def put_patch(self, path: Path, encoded_fields: bytes) -> None:
        """The element at ``path`` keeps its type; these fields changed."""
        self._append(wire.patch(path, encoded_fields), "patch")

    def put_update(self, path: Path, encoded_element: bytes) -> None:
        """The container at ``path`` changed but keeps its children (st.status's update)."""
        self._append(b'{"t":"upd","p":' + orjson.dumps(path) + b',"e":' + encoded_element + b"}", "upd")

    def put_keep(self, path: Path, descendants: int = 0) -> None:
        """The element at ``path`` is unchanged; ``descendants``: how many elements the browser
        holds inside it (a container)."""
        with self._lock:
            if self._discarding:
                return
            was_empty = self._empty() and self._holding is None
            self._flush_append()
            for depth in range(2, len(path)):
                above = path[:depth]
                if above in self._missing:
                    self._missing[above] -= 1
            self._keeps.append(path)
            if descendants:
                self._missing[path] = descendants
        if was_empty:
            self._notify()

    def put_append(self, path: Path, text: str) -> None:
        """Append ``text`` to the body of the text element at ``path``."""
        overflow: Callable[[], None] | None = None
        with self._lock:
            if self._discarding:
                return
            was_empty = self._empty()
            if self._append_path != path:
                self._flush_keeps()
                self._flush_append()
                self._append_path = path
            self._append_text.append(text)
            self._size += len(text)
            overflow = self._check_limit()
        if overflow is not None:
            overflow()
        elif was_empty:
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
            self._parts, self._keeps, self._missing = [], [], {}
            self._append_path, self._append_text = None, []
            self._size = 0
            for part in [*self._events, *snapshot]:
                self._add(part)
            self._runs = 1

    def _flush_keeps(self) -> None:
        """Turn the pending keeps into messages, ahead of any later message: siblings in a row
        make one message, and a container kept with all its descendants one ``tree`` keep that
        stands for them too. Not while they are held. Lock held."""
        if not self._keeps or self._holding is not None:
            return
        whole = {p for p, missing in self._missing.items() if missing <= 0}
        runs: dict[Path, list[int]] = {}  # per parent: its open run [first, count, tree (-1: either)]
        for path in self._keeps:
            if whole and any(path[:depth] in whole for depth in range(2, len(path))):
                continue  # a tree keep above stands for it
            parent, index = path[:-1], path[-1]
            tree = 1 if path in whole else 0 if path in self._missing else -1
            run = runs.get(parent)
            if run is not None and run[0] + run[1] == index and (tree < 0 or run[2] < 0 or run[2] == tree):
                run[1] += 1
                run[2] = max(run[2], tree)
                continue
            if run is not None:
                self._add(self._keep_message(parent, *run))
            runs[parent] = [index, 1, tree]
        for parent, run in runs.items():
            self._add(self._keep_message(parent, *run))
        self._keeps, self._missing = [], {}

    @staticmethod
    def _keep_message(parent: Path, first: int, count: int, tree: int) -> bytes:
        return wire.keep((*parent, first), count, tree > 0)

    def _flush_append(self) -> None:
        """Turn the pending append into a message. Lock held."""
        if self._append_path is None:
            return
        text = "".join(self._append_text)
        self._size -= sum(map(len, self._append_text))
        self._add(b'{"t":"append","p":' + orjson.dumps(self._append_path) + b',"s":' + orjson.dumps(text) + b"}")
        self._append_path, self._append_text = None, []

    def _empty(self) -> bool:
        held = self._holding is not None
        return not self._parts and (held or not self._keeps) and self._append_path is None

    def _check_limit(self) -> Callable[[], None] | None:
        """Past the limit: drop everything and give up on the connection. Lock held."""
        if self.limit is None or self._size <= self.limit:
            return None
        overflow = self._on_overflow
        self._clear()
        self._discarding = True
        return overflow

    def _add(self, part: bytes) -> None:
        self._parts.append(part)
        self._size += len(part)

    def _clear(self) -> None:
        self._parts, self._events, self._keeps, self._missing = [], [], [], {}
        self._append_path, self._append_text = None, []
        self._size = self._runs = 0

    def _append(self, part: bytes, kind: object) -> None:
        overflow: Callable[[], None] | None = None
        with self._lock:
            if self._discarding:
                return
            was_empty = self._empty()
            self._flush_keeps()
            self._flush_append()
            self._add(part)
            if kind == "run_start":
                self._runs += 1
            elif kind not in _STATE_KINDS:
                self._events.append(part)
            overflow = self._check_limit()
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
            self._flush_append()
            if not self._parts:
                return None
            parts = self._parts
            self._parts, self._events = [], []
            self._size = self._runs = 0
        return b"[" + b",".join(parts) + b"]"

    def __len__(self) -> int:
        """Bytes queued."""
        return self._size
