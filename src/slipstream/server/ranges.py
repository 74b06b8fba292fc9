"""HTTP Range requests, as browsers send them for audio and video."""

from __future__ import annotations


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
