"""Same-origin check for websocket connections."""

from __future__ import annotations

from urllib.parse import urlsplit


def origin_allowed(origin: str | None, host: str | None, allowed: list[str]) -> bool:
    """A browser's websocket may connect only from a page of this server (or an allowed origin).

    Clients that send no Origin (not browsers) are let through: the check exists to stop other
    web pages from driving a user's session.
    """
    if origin is None:
        return True
    if origin in allowed or "*" in allowed:
        return True
    netloc = urlsplit(origin).netloc
    return bool(host) and netloc.lower() == (host or "").lower()
