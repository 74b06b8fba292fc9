"""Files uploaded by a session's browser, kept until their widget lets them go or the session ends.

An upload arrives over HTTP before the rerun that names it, so for a while no widget has taken
it. Those *unclaimed* uploads are what a page (or a misbehaving client) can pile up without the
script ever seeing them, so they are bounded per session (server.maxUnclaimedUploads files and
server.maxUnclaimedUploadSize MB; past either the new upload is refused, never an older one
dropped, so a file id the browser was given stays good until it expires), spooled to disk past
SPOOL_THRESHOLD, and freed UNCLAIMED_TTL seconds after they arrived. A widget claims its files
with ``hold``; claimed files stay until the widget lets them go or goes away.
"""

from __future__ import annotations

import io
import logging
import secrets
import tempfile
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from slipstream.config import OPTIONS

log = logging.getLogger("slipstream.uploads")

SPOOL_THRESHOLD = 1024 * 1024  # bytes an upload keeps in memory before it moves to a temp file
UNCLAIMED_TTL = 60.0  # seconds an upload waits for its widget before it is freed

Spool = tempfile.SpooledTemporaryFile[bytes]


class UploadedFile(io.BytesIO):
    """An uploaded file: a BytesIO with the file's ``name``, ``type`` (mimetype), ``size`` and
    ``file_id``."""

    def __init__(self, file_id: str, name: str, mimetype: str, data: bytes) -> None:
        super().__init__(data)  # shares ``data`` until the script writes to the file: no copy
        self.file_id = file_id
        self.name = name
        self.type = mimetype
        self.size = len(data)

    def __repr__(self) -> str:
        return f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, size={self.size})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and other.file_id == self.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)


class UploadRefused(Exception):
    """An upload the store will not take; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(slots=True, eq=False)
class _Stored:
    file_id: str
    widget_id: str
    name: str
    mimetype: str
    size: int
    added: float
    # One of these holds the content: the spool until the script first reads the file, then the
    # bytes its UploadedFile objects share (never both, so a file is never kept twice).
    spool: Spool | None
    data: bytes | None = None
    claimed: bool = False


@dataclass(slots=True, eq=False)
class Incoming:
    """An upload being received: written chunk by chunk, then finished into the store or
    discarded. Its bytes count against the session's bounds while it streams in."""

    store: UploadStore = field(repr=False)
    widget_id: str
    name: str
    mimetype: str
    spool: Spool = field(default_factory=lambda: tempfile.SpooledTemporaryFile(max_size=SPOOL_THRESHOLD))
    size: int = 0

    def write(self, chunk: bytes) -> None:
        self.store._grow(self, len(chunk))
        self.spool.write(chunk)  # past SPOOL_THRESHOLD this is a write of one chunk to the temp file

    def finish(self) -> str:
        """Hand the upload to the store; return its file id."""
        return self.store._finish(self)

    def discard(self) -> None:
        """Free an upload that was not finished (refused, or its client went away); a no-op after
        ``finish``."""
        self.store._forget(self)


class UploadStorage(Protocol):
    """A session's uploaded files: streamed in by the upload route, then claimed by the widget
    they were sent to (``UploadStore`` keeps them in memory, spooled to disk past a size)."""

    limits: dict[str, int]  # widget id -> largest file it takes, in bytes

    def receive(self, widget_id: str, name: str, mimetype: str) -> Incoming: ...

    def add(self, widget_id: str, name: str, mimetype: str, data: bytes) -> str: ...

    def get(self, file_id: str, widget_id: str) -> UploadedFile | None: ...

    def hold(self, widget_id: str, file_ids: list[str]) -> None: ...

    def keep_only(self, widget_ids: set[str]) -> None: ...

    def clear(self) -> None: ...


class UploadStore:
    """One session's uploads, by file id.

    The upload route (on the event loop) adds files while the script (on its own thread) reads,
    holds and frees them: every change to the tables is under one lock, and no whole file is
    read or copied while holding it.
    """

    def __init__(
        self,
        *,
        max_files: int = OPTIONS["server.maxUnclaimedUploads"].default,
        max_bytes: int = OPTIONS["server.maxUnclaimedUploadSize"].default << 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``max_files`` and ``max_bytes`` bound the unclaimed uploads (the app's
        server.maxUnclaimedUploads and server.maxUnclaimedUploadSize)."""
        self._files: dict[str, _Stored] = {}
        self._incoming: set[Incoming] = set()  # streaming in, not yet in _files
        self._lock = threading.Lock()
        self._max_files = max_files
        self._max_bytes = max_bytes
        self._clock = clock
        self.limits: dict[str, int] = {}  # widget id -> largest file it takes, in bytes
        # A session dropped without close() must still delete its temp files, and quietly
        # (an unclosed SpooledTemporaryFile warns when collected).
        weakref.finalize(self, _close_all, self._files, self._incoming)

    # ---- receiving (the upload route) -------------------------------------------------------

    def receive(self, widget_id: str, name: str, mimetype: str) -> Incoming:
        """Start an upload for ``widget_id``; raise UploadRefused (429) when the session already
        holds as many unclaimed uploads as it may."""
        with self._lock:
            freed = self._expire_locked()
            count = sum(1 for f in self._files.values() if not f.claimed) + len(self._incoming)
            limit = self._max_files
            incoming = Incoming(self, widget_id, name, mimetype) if count < limit else None
            if incoming is not None:
                self._incoming.add(incoming)
        _close(freed)
        if incoming is None:
            raise UploadRefused(
                429,
                f"this session holds its limit of {limit} uploaded files that no widget has taken yet "
                "(server.maxUnclaimedUploads); submit or remove them, or wait a minute",
            )
        return incoming

    def add(self, widget_id: str, name: str, mimetype: str, data: bytes) -> str:
        """Add a whole file at once (AppTest); return its file id. Bounded like an upload."""
        incoming = self.receive(widget_id, name, mimetype)
        try:
            incoming.write(data)
            return incoming.finish()
        finally:
            incoming.discard()

    def _grow(self, incoming: Incoming, n: int) -> None:
        with self._lock:
            if incoming not in self._incoming:
                raise UploadRefused(404, "the session has ended")
            freed: list[Spool] = []
            limit = self._max_bytes
            if self._unclaimed_bytes_locked() + n > limit:
                freed = self._expire_locked()
            fits = self._unclaimed_bytes_locked() + n <= limit
            if fits:
                incoming.size += n
        _close(freed)
        if not fits:
            raise UploadRefused(
                413,
                f"uploaded files that no widget has taken yet would pass this session's limit of "
                f"{limit / (1024 * 1024):g} MB (server.maxUnclaimedUploadSize); submit or remove some first",
            )

    def _finish(self, incoming: Incoming) -> str:
        file_id = secrets.token_urlsafe(12)
        stored = _Stored(
            file_id, incoming.widget_id, incoming.name, incoming.mimetype, incoming.size, self._clock(), incoming.spool
        )
        with self._lock:
            ours = incoming in self._incoming
            if ours:
                self._incoming.discard(incoming)
                self._files[file_id] = stored
        if not ours:
            raise UploadRefused(404, "the session has ended")
        return file_id

    def _forget(self, incoming: Incoming) -> None:
        with self._lock:
            ours = incoming in self._incoming
            self._incoming.discard(incoming)
        if ours:
            incoming.spool.close()

    # ---- the script's side (widgets) --------------------------------------------------------

    def get(self, file_id: str, widget_id: str) -> UploadedFile | None:
        """The file ``file_id`` of ``widget_id``, or None when there is no such file (anymore)."""
        with self._lock:
            stored = self._files.get(file_id)
            if stored is None or stored.widget_id != widget_id:
                return None
            data, spool = stored.data, stored.spool
            stored.spool = None  # ours to read now: expiring the file meanwhile will not close it
        if data is None:
            if spool is None:  # another thread is reading it in; only one script thread reads files
                return None
            try:
                spool.seek(0)
                data = spool.read()  # off the lock: the event loop keeps receiving meanwhile
            except OSError as exc:
                log.warning("could not read back uploaded file %r: %s", stored.name[:80], exc)
                data = None
            finally:
                spool.close()
            with self._lock:
                if self._files.get(file_id) is not stored:
                    return None  # freed while it was read
                if data is None:
                    del self._files[file_id]
                    return None
                stored.data = data
        return UploadedFile(stored.file_id, stored.name, stored.mimetype, data)

    def hold(self, widget_id: str, file_ids: list[str]) -> None:
        """The widget now holds ``file_ids``: they stay until it lets them go, and the files it
        held before and not now are freed. Its uploads not yet submitted are left to expire."""
        keep = set(file_ids)
        freed: list[Spool] = []
        with self._lock:
            for stored in [f for f in self._files.values() if f.widget_id == widget_id]:
                if stored.file_id in keep:
                    stored.claimed = True
                elif stored.claimed:
                    freed.extend(self._drop_locked(stored))
        _close(freed)

    def keep_only(self, widget_ids: set[str]) -> None:
        """Free the files of widgets that are gone, and unclaimed files past UNCLAIMED_TTL."""
        with self._lock:
            freed = self._expire_locked()
            for stored in [f for f in self._files.values() if f.widget_id not in widget_ids]:
                freed.extend(self._drop_locked(stored))
            self.limits = {w: limit for w, limit in self.limits.items() if w in widget_ids}
        _close(freed)

    def clear(self) -> None:
        """Free every file, and refuse the uploads still streaming in (the session has ended)."""
        with self._lock:
            freed = [f.spool for f in self._files.values() if f.spool is not None]
            freed.extend(i.spool for i in self._incoming)
            self._files.clear()
            self._incoming.clear()
        _close(freed)

    def __len__(self) -> int:
        return len(self._files)

    # ---- helpers, called with the lock held -------------------------------------------------

    def _expire_locked(self) -> list[Spool]:
        cutoff = self._clock() - UNCLAIMED_TTL
        freed: list[Spool] = []
        for stored in [f for f in self._files.values() if not f.claimed and f.added < cutoff]:
            freed.extend(self._drop_locked(stored))
        return freed

    def _drop_locked(self, stored: _Stored) -> list[Spool]:
        del self._files[stored.file_id]
        return [stored.spool] if stored.spool is not None else []

    def _unclaimed_bytes_locked(self) -> int:
        held = sum(f.size for f in self._files.values() if not f.claimed)
        return held + sum(i.size for i in self._incoming)


def _close(spools: list[Spool]) -> None:
    """Close (and so delete) temp files; outside the lock, since each close may touch the disk."""
    for spool in spools:
        spool.close()


def _close_all(files: dict[str, _Stored], incoming: set[Incoming]) -> None:
    _close([f.spool for f in files.values() if f.spool is not None])
    _close([i.spool for i in incoming])
