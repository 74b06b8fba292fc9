"""st.context: what is known of the tab a run serves (its request's headers and cookies, its URL,
the browser's time zone, locale and theme).

The server takes headers, cookies and the address from the websocket's request; the browser tells
its time zone, locale, theme and URL in its hello, checked by the protocol (types and lengths).
Outside any app, or in AppTest, each is empty or None.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import InitVar, dataclass, field
from typing import Any, Literal

_KEYS = ("cookies", "headers", "ip_address", "is_embedded", "locale", "theme", "timezone", "timezone_offset", "url")
_LOCAL_ADDRESSES = frozenset({"127.0.0.1", "::1"})
_LENGTHS = struct.Struct("<II")  # a packed header's name and value lengths


def pack_headers(pairs: Iterable[tuple[bytes, bytes]]) -> bytes:
    """Header pairs as one bytes object: each pair's two lengths, then its name and value."""
    return b"".join(_LENGTHS.pack(len(name), len(value)) + name + value for name, value in pairs)


def unpack_headers(packed: bytes) -> list[tuple[bytes, bytes]]:
    """The pairs ``pack_headers`` packed, in their order."""
    pairs: list[tuple[bytes, bytes]] = []
    at = 0
    while at < len(packed):
        name_length, value_length = _LENGTHS.unpack_from(packed, at)
        at += _LENGTHS.size
        pairs.append((packed[at : at + name_length], packed[at + name_length : at + name_length + value_length]))
        at += name_length + value_length
    return pairs


@dataclass(slots=True)
class ClientInfo:
    """One tab's context: from its connection and from its browser.

    ``raw_headers`` is the request's own list (bytes, as the server got it). It is kept packed in
    one bytes object and unpacked only when the script asks: a session held for its TTL keeps one
    allocation for its headers instead of a list, a tuple and two bytes per header. Those small
    objects, made by the thousand in a burst of connections, would otherwise be spread over the
    allocator's arenas that the burst made and keep them from being returned after it."""

    raw_headers: InitVar[Iterable[tuple[bytes, bytes]]] = ()
    ip: str | None = None
    base_url: str | None = None  # the app's root URL as the browser sees it
    timezone: str | None = None
    timezone_offset: int | None = None
    locale: str | None = None
    theme: Literal["light", "dark"] | None = None
    embedded: bool | None = None
    _packed_headers: bytes = field(default=b"", init=False, repr=False)

    def __post_init__(self, raw_headers: Iterable[tuple[bytes, bytes]]) -> None:
        self._packed_headers = pack_headers(raw_headers)

    @property
    def header_pairs(self) -> list[tuple[bytes, bytes]]:
        """The request's headers as the server got them (bytes)."""
        return unpack_headers(self._packed_headers)

    @property
    def headers(self) -> list[tuple[str, str]]:
        return [(name.decode("latin-1"), value.decode("latin-1")) for name, value in self.header_pairs]

    @property
    def cookies(self) -> dict[str, str]:
        from starlette.requests import cookie_parser

        found: dict[str, str] = {}
        for name, value in self.header_pairs:
            if name.lower() == b"cookie":
                found.update(cookie_parser(value.decode("latin-1")))
        return found


def _header_name(name: str) -> str:
    return "-".join(part.capitalize() for part in name.split("-"))


class StreamlitHeaders(Mapping[str, str]):
    """Request headers by name, case-insensitive; a repeated header gives its first value here
    and all of them through ``get_all``."""

    def __init__(self, headers: Iterable[tuple[str, str]]) -> None:
        self._headers: dict[str, list[str]] = {}
        for name, value in headers:
            self._headers.setdefault(_header_name(name), []).append(value)

    def __getitem__(self, key: str) -> str:
        values = self._headers.get(_header_name(key))
        if not values:
            raise KeyError(key)
        return values[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)

    def get_all(self, key: str) -> list[str]:
        """Every value of the header ``key``."""
        return list(self._headers.get(_header_name(key), []))

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}


class StreamlitCookies(Mapping[str, str]):
    """The request's cookies by name."""

    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = dict(cookies)

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def __len__(self) -> int:
        return len(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)


class StreamlitTheme(dict[str, Any]):
    """The browser's theme: ``type`` is "light", "dark" or None; also readable as ``.type``."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


def _client() -> ClientInfo | None:
    from slipstream.runtime.context import get_run_context

    ctx = get_run_context()
    return ctx.session.client if ctx is not None else None


class ContextProxy:
    """``st.context``: read-only facts about the tab the current run serves.

    Example::

        if st.context.theme.type == "dark":
            st.write("Dark mode")
    """

    @property
    def headers(self) -> StreamlitHeaders:
        """The headers of the tab's websocket request."""
        client = _client()
        return StreamlitHeaders(client.headers if client else [])

    @property
    def cookies(self) -> StreamlitCookies:
        """The cookies of the tab's websocket request."""
        client = _client()
        return StreamlitCookies(client.cookies if client else {})

    @property
    def theme(self) -> StreamlitTheme:
        """The browser's theme type ("light" or "dark"), None before it said."""
        client = _client()
        return StreamlitTheme({"type": client.theme if client else None})

    @property
    def timezone(self) -> str | None:
        """The browser's IANA time zone name, such as "Europe/Paris"."""
        client = _client()
        return client.timezone if client else None

    @property
    def timezone_offset(self) -> int | None:
        """Minutes from the browser's local time to UTC (JavaScript's getTimezoneOffset)."""
        client = _client()
        return client.timezone_offset if client else None

    @property
    def locale(self) -> str | None:
        """The browser's language, such as "en-US"."""
        client = _client()
        return client.locale if client else None

    @property
    def url(self) -> str | None:
        """The URL the tab shows, with the current page's path and no query string."""
        from slipstream.runtime.context import get_run_context

        ctx = get_run_context()
        client = ctx.session.client if ctx is not None else None
        if ctx is None or client is None or client.base_url is None:
            return None
        return client.base_url + (ctx.session.location.page_url_path or "")

    @property
    def ip_address(self) -> str | None:
        """The address the tab connects from; None for this machine (127.0.0.1 or ::1)."""
        client = _client()
        if client is None or client.ip in _LOCAL_ADDRESSES:
            return None
        return client.ip

    @property
    def is_embedded(self) -> bool | None:
        """Whether the app is shown embedded (its URL has ``embed=true``)."""
        client = _client()
        return client.embedded if client else None

    def __getitem__(self, key: str) -> Any:
        if key not in _KEYS:
            raise KeyError(f'st.context has no key "{key}". Valid keys are: {", ".join(_KEYS)}.')
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in _KEYS


context = ContextProxy()
