"""Response headers that keep script out of the app's origin.

Blobs are shared by every session, and an app may store bytes and a type a user chose; opened
directly, such a blob must neither run script as the app nor pose as another type. Pages must not
be framed by other origins unless ``server.frameAncestors`` allows them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # the server's first page goes out with these headers before Starlette is loaded
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

NOSNIFF = {"X-Content-Type-Options": "nosniff"}

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
# type/subtype with parameters, in the printable ASCII a header may carry (RFC 9110, 8.3.1)
_MIMETYPE = re.compile(rf'({_TOKEN}/{_TOKEN})((?:[ \t]*;[ \t]*{_TOKEN}=(?:{_TOKEN}|"[\t !#-\[\]-~]*"))*)')

# Types a browser shows without running script from the blob: media in <img>, <audio> and
# <video>, fonts, PDF in the browser's own viewer (which runs apart from the page's origin, and
# which some browsers do not render under a CSP sandbox), and the data the frontend fetches.
_INERT_FAMILIES = ("image/", "audio/", "video/", "font/")
_INERT_TYPES = frozenset({"application/pdf", "application/json", "application/vnd.apache.arrow.stream"})
# Markup a browser parses into a scriptable document, whatever family claims it (image/svg+xml).
_MARKUP = ("html", "xml", "svg", "xsl")


def content_type(mimetype: str) -> str:
    """The Content-Type to serve for a blob an app stored as ``mimetype``: the type lowercased,
    with its parameters; application/octet-stream for a value that is not a valid type, and for
    multipart and message types, which a browser may split into documents of their own."""
    match = _MIMETYPE.fullmatch(mimetype.strip())
    if match is None:
        return "application/octet-stream"
    essence = match.group(1).lower()
    if essence.startswith(("multipart/", "message/")):
        return "application/octet-stream"
    return essence + match.group(2)


def may_run_script(mimetype: str) -> bool:
    """Whether a blob of ``mimetype``, opened directly, could run script. The rule: only the
    inert families and types above, and none with markup in its name, are safe; everything
    else, an empty or unparsable type included, is treated as a document."""
    match = _MIMETYPE.fullmatch(mimetype.strip())
    if match is None:
        return True
    essence = match.group(1).lower()
    if any(word in essence for word in _MARKUP):
        return True
    return not (essence in _INERT_TYPES or essence.startswith(_INERT_FAMILIES))


def content_disposition(filename: str) -> str:
    """``attachment`` with ``filename`` (RFC 6266): an ASCII fallback without quotes, backslashes,
    path separators or control characters, and the exact name percent-encoded (RFC 5987), which
    browsers prefer. Neither part can end the header or start another."""
    decomposed = unicodedata.normalize("NFKD", filename)
    ascii_name = "".join(c for c in decomposed if not unicodedata.combining(c))  # é -> e
    fallback = "".join(c if " " <= c <= "~" and c not in '"\\/' else "_" for c in ascii_name).strip() or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='', errors='replace')}"


def blob_headers(mimetype: str, filename: str | None) -> dict[str, str]:
    """The headers every blob response carries, whatever its status."""
    headers = dict(NOSNIFF)
    if may_run_script(mimetype):
        # No script, plugin or form, and an opaque origin: the document cannot act as the app.
        headers["Content-Security-Policy"] = "sandbox"
    if filename is not None:
        headers["Content-Disposition"] = content_disposition(filename)
    return headers


def frame_headers(origins: list[str]) -> dict[str, str]:
    """Who may frame the app's responses: its own origin, plus ``origins`` (checked by
    config.check_frame_ancestors); ``*`` allows any."""
    if "*" in origins:
        return {"Content-Security-Policy": "frame-ancestors *"}
    if origins:
        return {"Content-Security-Policy": "frame-ancestors 'self' " + " ".join(origins)}
    # For browsers that know X-Frame-Options but not frame-ancestors.
    return {"Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN"}


class PageHeaders:
    """ASGI middleware adding nosniff, a referrer policy and the frame policy to every HTTP
    response. A Content-Security-Policy the response sets (a blob's sandbox) is kept, with the
    frame policy added to it."""

    def __init__(self, app: ASGIApp, frame_ancestors: list[str]) -> None:
        self.app = app
        frame = frame_headers(frame_ancestors)
        self._policy = frame.pop("Content-Security-Policy")
        self._headers = {**NOSNIFF, "Referrer-Policy": "strict-origin-when-cross-origin", **frame}

    def _with_headers(self, raw: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        """A response's raw headers with ours added where it has none of that name, and its one
        Content-Security-Policy the response's own (if any) followed by the frame policy."""
        csp = b"content-security-policy"
        given = list(raw)
        headers = [(name, value) for name, value in given if name.lower() != csp]
        own = [value.decode("latin-1") for name, value in given if name.lower() == csp]
        present = {name.lower() for name, _ in headers}
        for name, value in self._headers.items():
            if name.lower().encode() not in present:
                headers.append((name.lower().encode(), value.encode("latin-1")))
        policy = f"{own[0]}; {self._policy}" if own else self._policy
        headers.append((csp, policy.encode("latin-1")))
        return headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = self._with_headers(message.get("headers", []))
            await send(message)

        await self.app(scope, receive, send_with_headers)
