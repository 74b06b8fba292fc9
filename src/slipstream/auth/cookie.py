"""Sealed cookies: JSON encrypted and signed with a key drawn from the cookie secret.

A sealed value is a Fernet token (AES-CBC with an HMAC-SHA256 over it and its time of making):
the browser can neither read nor change it, and it tells its own age, so an old one is refused
without any server state. Each purpose (the identity, a login in progress) has its own key, so
a value sealed for one is refused for the other. A value too long for one cookie is split over
numbered ones (``NAME_1``, ``NAME_2``...), ``NAME`` saying how many.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

USER_COOKIE = "_slipstream_user"
FLOW_COOKIE = "_slipstream_auth_flow"
USER_MAX_AGE = 30 * 24 * 3600  # as Streamlit: a login lasts 30 days unless the user logs out
FLOW_MAX_AGE = 10 * 60  # time to get through the provider's pages
CHUNK = 3800  # characters of one cookie's value (browsers keep about 4096 bytes a cookie)
MAX_CHUNKS = 4
_CHUNKED = "chunks-"


class BadSeal(Exception):
    """A sealed value that is forged, damaged, too old, or sealed with another secret."""


class Sealer:
    """Seals and opens JSON objects for one purpose, with the key drawn from ``secret``."""

    def __init__(self, secret: str, purpose: str) -> None:
        from cryptography.fernet import Fernet
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"slipstream.auth", info=purpose.encode()).derive(
            secret.encode()
        )
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, value: Mapping[str, Any]) -> str:
        return self._fernet.encrypt(json.dumps(value, separators=(",", ":")).encode()).decode("ascii")

    def open(self, sealed: str, max_age: int) -> dict[str, Any]:
        from cryptography.fernet import InvalidToken

        try:
            value = json.loads(self._fernet.decrypt(sealed.encode("ascii"), ttl=max_age))
        except (InvalidToken, UnicodeError, ValueError):
            raise BadSeal from None
        if not isinstance(value, dict):
            raise BadSeal
        return value


def set_cookie(response: Response, name: str, value: str, *, path: str, max_age: int, secure: bool) -> None:
    """Set ``name`` (split over numbered cookies when long): HttpOnly, SameSite=Lax."""
    parts = [value[start : start + CHUNK] for start in range(0, len(value), CHUNK)] or [""]
    if len(parts) > MAX_CHUNKS:
        raise ValueError(f"the cookie {name} would need {len(parts)} cookies; at most {MAX_CHUNKS} are kept")

    def put(cookie: str, text: str) -> None:
        response.set_cookie(cookie, text, max_age=max_age, path=path, secure=secure, httponly=True, samesite="lax")

    if len(parts) == 1:
        put(name, parts[0])
        return
    put(name, f"{_CHUNKED}{len(parts)}")
    for number, part in enumerate(parts, 1):
        put(f"{name}_{number}", part)


def read_cookie(cookies: Mapping[str, str], name: str) -> str | None:
    """The value of ``name`` (its numbered parts joined), or None when absent or incomplete."""
    value = cookies.get(name)
    if value is None or not value.startswith(_CHUNKED):
        return value
    count = value[len(_CHUNKED) :]
    if not count.isdigit() or not 1 <= int(count) <= MAX_CHUNKS:
        return None
    parts = [cookies.get(f"{name}_{number}") for number in range(1, int(count) + 1)]
    return None if any(part is None for part in parts) else "".join(part or "" for part in parts)


def delete_cookie(response: Response, cookies: Mapping[str, str], name: str, *, path: str) -> None:
    """Remove ``name`` and every numbered part of it the browser sent."""
    for cookie in cookies:
        if cookie == name or (cookie.startswith(f"{name}_") and cookie[len(name) + 1 :].isdigit()):
            response.delete_cookie(cookie, path=path, httponly=True, samesite="lax")
