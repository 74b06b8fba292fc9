"""The blobs a cached function's elements point at, held with its recording.

The blob store drops payloads beyond its budget, and a new process starts with none; a replayed
image or chart would then point at nothing. So a recording keeps the very Blob objects its
elements name (no second copy of the bytes while the store holds them too), puts back on replay
those the store has lost, and carries their bytes when it is pickled for persist="disk".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slipstream.runtime.blobs import Blob

_BLOB_URL = re.compile(r"_slipstream/blob/([0-9a-f]{64})")


def blob_digests(value: Any) -> set[str]:
    """The digests of the blob URLs among ``value``'s strings, however deeply nested."""
    found: set[str] = set()
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found.update(_BLOB_URL.findall(item))
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return found


class HeldBlobs:
    """Blobs by digest. One the store had not received yet when its element was recorded (a
    promised blob, written after its element goes out) is looked up again by ``settle``."""

    def __init__(self) -> None:
        self._blobs: dict[str, Blob | None] = {}

    def __len__(self) -> int:
        return len(self._blobs)

    @property
    def nbytes(self) -> int:
        """The bytes of the blobs held (what they cost the cache while it keeps them alive)."""
        return sum(len(blob.data) for blob in self._blobs.values() if blob is not None)

    def hold(self, element: dict[str, Any]) -> None:
        from slipstream.runtime.blobs import current_blobs

        for digest in blob_digests(element):
            if self._blobs.get(digest) is None:
                self._blobs[digest] = current_blobs().get(digest)

    def settle(self) -> None:
        """Look up the blobs still missing, once the recorded function has returned; forget
        those the store has not got even then."""
        from slipstream.runtime.blobs import current_blobs

        for digest in [d for d, blob in self._blobs.items() if blob is None]:
            blob = current_blobs().get(digest)
            if blob is None:
                del self._blobs[digest]
            else:
                self._blobs[digest] = blob

    def restore(self) -> None:
        """Put back in the blob store every held blob it has dropped.

        Where the store has the blob already, hold its object instead of ours: a recording read
        from disk then stops keeping a copy of bytes the store also keeps.
        """
        from slipstream.runtime.blobs import current_blobs

        for digest, blob in list(self._blobs.items()):
            if blob is not None:
                self._blobs[digest] = current_blobs().restore(digest, blob)

    def __getstate__(self) -> dict[str, tuple[bytes, str, str | None]]:
        return {
            digest: (bytes(blob.data), blob.mimetype, blob.filename)
            for digest, blob in self._blobs.items()
            if blob is not None
        }

    def __setstate__(self, state: dict[str, tuple[bytes, str] | tuple[bytes, str, str | None]]) -> None:
        from slipstream.runtime.blobs import Blob

        # (data, mimetype) from files written before downloads kept their name
        self._blobs = {digest: Blob(*fields) for digest, fields in state.items()}
