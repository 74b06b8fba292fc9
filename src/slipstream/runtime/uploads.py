"""Files uploaded by a session's browser, kept until their widget goes away or the session ends."""

from __future__ import annotations

import io
import secrets
import threading
from dataclasses import dataclass


class UploadedFile(io.BytesIO):
    """An uploaded file: a BytesIO with the file's ``name``, ``type`` (mimetype), ``size`` and
    ``file_id``."""

    def __init__(self, file_id: str, name: str, mimetype: str, data: bytes) -> None:
        super().__init__(data)
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


@dataclass(frozen=True, slots=True)
class StoredFile:
    file_id: str
    widget_id: str
    name: str
    mimetype: str
    data: bytes


class UploadStore:
    """One session's uploads, by file id."""

    def __init__(self) -> None:
        self._files: dict[str, StoredFile] = {}
        self._lock = threading.Lock()
        self.limits: dict[str, int] = {}  # widget id -> largest file it takes, in bytes

    def add(self, widget_id: str, name: str, mimetype: str, data: bytes) -> str:
        file_id = secrets.token_urlsafe(12)
        with self._lock:
            self._files[file_id] = StoredFile(file_id, widget_id, name, mimetype, data)
        return file_id

    def get(self, file_id: str, widget_id: str) -> UploadedFile | None:
        with self._lock:
            stored = self._files.get(file_id)
        if stored is None or stored.widget_id != widget_id:
            return None
        return UploadedFile(stored.file_id, stored.name, stored.mimetype, stored.data)

    def keep_only(self, widget_ids: set[str]) -> None:
        """Drop the files of widgets that are gone."""
        with self._lock:
            for fid in [fid for fid, f in self._files.items() if f.widget_id not in widget_ids]:
                del self._files[fid]
            self.limits = {w: limit for w, limit in self.limits.items() if w in widget_ids}

    def hold(self, widget_id: str, file_ids: list[str]) -> None:
        """The widget now holds ``file_ids``: its other files are dropped."""
        keep = set(file_ids)
        with self._lock:
            for fid in [fid for fid, f in self._files.items() if f.widget_id == widget_id and fid not in keep]:
                del self._files[fid]

    def clear(self) -> None:
        with self._lock:
            self._files.clear()

    def __len__(self) -> int:
        return len(self._files)
