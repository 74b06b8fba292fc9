"""Content-addressed payloads: large data travels by hash over HTTP, cached for good.

The same bytes always get the same URL, so a browser downloads them once; the store keeps
payloads in memory up to a byte budget, dropping the least recently used.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

BLOB_PREFIX = "/_slipstream/blob/"
_NAME = re.compile(r"^([0-9a-f]{64})(\.[A-Za-z0-9]{1,10})?$")


@dataclass(frozen=True, slots=True)
class Blob:
    data: bytes
    mimetype: str


class BlobStore:
    def __init__(self, max_bytes: int = 512 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._blobs: OrderedDict[str, Blob] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def put(self, data: bytes | bytearray, mimetype: str = "application/octet-stream", extension: str = "") -> str:
        """Store ``data``; return its URL path (relative to the app's root)."""
        digest = hashlib.sha256(data).hexdigest()
        with self._lock:
            if digest in self._blobs:
                self._blobs.move_to_end(digest)
            else:
                self._blobs[digest] = Blob(bytes(data), mimetype)
                self._size += len(data)
                while self._size > self.max_bytes and len(self._blobs) > 1:
                    _, dropped = self._blobs.popitem(last=False)
                    self._size -= len(dropped.data)
        return f"{BLOB_PREFIX.lstrip('/')}{digest}{extension}"

    def get(self, name: str) -> Blob | None:
        match = _NAME.match(name)
        if match is None:
            return None
        with self._lock:
            blob = self._blobs.get(match.group(1))
            if blob is not None:
                self._blobs.move_to_end(match.group(1))
            return blob

    def __len__(self) -> int:
        return len(self._blobs)


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """The (start, end-inclusive) of a single ``bytes=`` range, or None when unsatisfiable."""
    if not header.startswith("bytes=") or "," in header:
        return None
    first, _, last = header[6:].strip().partition("-")
    try:
        if first == "":
            length = int(last)
            if length <= 0:
                return None
            return max(0, size - length), size - 1
        start = int(first)
        end = int(last) if last else size - 1
    except ValueError:
        return None
    if start >= size or end < start:
        return None
    return start, min(end, size - 1)


# One store per process: every session and app of the process shares it.
blob_store = BlobStore()
