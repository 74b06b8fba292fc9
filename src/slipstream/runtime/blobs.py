"""Content-addressed payloads: large data travels by hash over HTTP, cached for good.

The same bytes always get the same URL, so a browser downloads them once; the store keeps
payloads in memory up to a byte budget, dropping the least recently used. A download is stored
apart from the same bytes shown inline (its digest covers its file name too), so it is always
served as an attachment, whichever URL opens it.

A producer that can name its content before making it (by a hash of what it encodes) may
``promise`` a blob: the URL can go to the browser at once, and a request for it waits until the
promise is kept or broken.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Protocol

BLOB_PREFIX = "/_slipstream/blob/"
_NAME = re.compile(r"^([0-9a-f]{64})(\.[A-Za-z0-9]{1,10})?$")
# Starts what a download's digest covers, so it never equals the digest of bytes shown inline.
_DOWNLOAD_TAG = b"slipstream download\0"


@dataclass(frozen=True, slots=True)
class Blob:
    data: bytes | memoryview
    mimetype: str
    filename: str | None = None  # served as an attachment of this name; None: inline


class Promise:
    """A blob named before it exists: ``keep`` it with the bytes, or ``break_`` it."""

    def __init__(self, settle: Callable[[str, Blob | None], None], digest: str, mimetype: str, url: str) -> None:
        self.url = url
        self._settle = settle
        self._digest = digest
        self._mimetype = mimetype

    def keep(self, data: bytes | memoryview) -> None:
        self._settle(self._digest, Blob(data, self._mimetype))

    def break_(self) -> None:
        self._settle(self._digest, None)


class BlobStorage(Protocol):
    """What an app's blob storage does. ``BlobStore`` keeps the blobs in this process's memory;
    a store shared by several server processes would take and give the same bytes and names."""

    def put(
        self,
        data: bytes | bytearray | memoryview,
        mimetype: str = "application/octet-stream",
        extension: str = "",
        *,
        download_name: str | None = None,
    ) -> str: ...

    def promise(self, key: str, mimetype: str = "application/octet-stream", extension: str = "") -> Promise | str: ...

    def restore(self, name: str, blob: Blob) -> Blob: ...

    def get(self, name: str) -> Blob | None: ...

    def has(self, url: str) -> bool: ...

    async def wait(self, name: str, timeout: float = 120.0) -> Blob | None: ...


class BlobStore:
    def __init__(self, max_bytes: int = 512 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._blobs: OrderedDict[str, Blob] = OrderedDict()
        self._pending: dict[str, Future[Blob | None]] = {}
        self._size = 0
        self._lock = threading.Lock()

    def put(
        self,
        data: bytes | bytearray | memoryview,
        mimetype: str = "application/octet-stream",
        extension: str = "",
        *,
        download_name: str | None = None,
    ) -> str:
        """Store ``data``; return its URL path (relative to the app's root). With ``download_name``
        it is served as an attachment of that name."""
        if download_name is None:
            digest = hashlib.sha256(data).hexdigest()
        else:
            digest = _download_digest(data, download_name, mimetype)
        with self._lock:
            if digest in self._blobs:
                self._blobs.move_to_end(digest)
            else:
                payload = data if isinstance(data, bytes | memoryview) else bytes(data)
                self._add(digest, Blob(payload, mimetype, download_name))
        return _url(digest, extension)

    def promise(self, key: str, mimetype: str = "application/octet-stream", extension: str = "") -> Promise | str:
        """The URL of the content that ``key`` names: a str when the store holds it or another
        producer has promised it already, else a Promise this caller must keep or break."""
        digest = hashlib.sha256(key.encode()).hexdigest()
        url = _url(digest, extension)
        with self._lock:
            if digest in self._blobs:
                self._blobs.move_to_end(digest)
                return url
            if digest in self._pending:
                return url
            self._pending[digest] = Future()
        return Promise(self._settle, digest, mimetype, url)

    def restore(self, name: str, blob: Blob) -> Blob:
        """Put ``blob`` back under ``name`` (``<sha256hex>[.ext]``) unless the store holds it, which
        also keeps a pending promise for it; return the blob the store now holds under that name."""
        match = _NAME.match(name)
        if match is None:
            raise ValueError(f"restore: {name!r} is not a blob name (<sha256hex>[.ext])")
        digest = match.group(1)
        with self._lock:
            held = self._blobs.get(digest)
            if held is not None:
                self._blobs.move_to_end(digest)
                return held
            future = self._pending.pop(digest, None)
            self._add(digest, blob)
        if future is not None:
            future.set_result(blob)
        return blob

    def _settle(self, digest: str, blob: Blob | None) -> None:
        with self._lock:
            future = self._pending.pop(digest, None)
            if blob is not None and digest not in self._blobs:
                self._add(digest, blob)
        if future is not None and not future.done():
            future.set_result(blob)

    def _add(self, digest: str, blob: Blob) -> None:
        self._blobs[digest] = blob
        self._size += len(blob.data)
        while self._size > self.max_bytes and len(self._blobs) > 1:
            _, dropped = self._blobs.popitem(last=False)
            self._size -= len(dropped.data)

    def get(self, name: str) -> Blob | None:
        match = _NAME.match(name)
        if match is None:
            return None
        with self._lock:
            blob = self._blobs.get(match.group(1))
            if blob is not None:
                self._blobs.move_to_end(match.group(1))
            return blob

    def has(self, url: str) -> bool:
        """Whether the blob at ``url`` is stored or promised."""
        match = _NAME.match(url.rsplit("/", 1)[-1])
        if match is None:
            return False
        with self._lock:
            return match.group(1) in self._blobs or match.group(1) in self._pending

    async def wait(self, name: str, timeout: float = 120.0) -> Blob | None:
        """The blob, once a promise for it is kept; None for an unknown name, a broken promise or
        one not kept within ``timeout`` seconds."""
        match = _NAME.match(name)
        if match is None:
            return None
        with self._lock:
            future = self._pending.get(match.group(1))
        if future is not None:
            try:
                await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), timeout)
            except TimeoutError:
                return None
        return self.get(name)

    def __len__(self) -> int:
        return len(self._blobs)


def _download_digest(data: bytes | bytearray | memoryview, name: str, mimetype: str) -> str:
    # Fed piece by piece: joining them would copy the data. Lengths keep the pieces apart.
    hasher = hashlib.sha256(_DOWNLOAD_TAG)
    for text in (name, mimetype):
        encoded = text.encode("utf-8", "surrogatepass")
        hasher.update(len(encoded).to_bytes(8, "big"))
        hasher.update(encoded)
    hasher.update(data)
    return hasher.hexdigest()


def _url(digest: str, extension: str) -> str:
    return f"{BLOB_PREFIX.lstrip('/')}{digest}{extension}"


def current_blobs() -> BlobStorage:
    """The blob store of the app whose script runs on this thread, else the default app's."""
    from slipstream.runtime.app_runtime import current_app

    return current_app().blobs


blob_store = BlobStore()  # the process's default app's: for code that runs outside any app
