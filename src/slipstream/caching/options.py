"""Checking and normalising the decorators' arguments: ttl, max_size, persist, scope, ..."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from slipstream.durations import duration_seconds
from slipstream.errors import StreamlitAPIException

Scope = Literal["global", "session"]

_SIZE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([kmgt]i?b|b)\s*", re.IGNORECASE)
_SIZE_UNITS = {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


@dataclass(frozen=True, slots=True)
class Options:
    decorator: str  # "st.cache_data" or "st.cache_resource", for messages
    ttl: float | None = None
    max_entries: int | None = None
    max_size: int | None = None
    show_spinner: bool | str = True
    show_time: bool = False
    persist: bool = False
    hash_funcs: Mapping[Any, Callable[[Any], Any]] | None = None
    scope: Scope = "global"
    validate: Callable[[Any], bool] | None = None
    on_release: Callable[[Any], Any] | None = None


def parse_ttl(decorator: str, ttl: Any) -> float | None:
    """Seconds from a number, a timedelta or a string such as "1h30m" or "2 days"; None keeps forever."""
    return duration_seconds(decorator, "ttl", ttl)


def parse_max_size(decorator: str, max_size: Any) -> int | None:
    """Bytes from an int or a string with a unit ("500MB", "1.5GiB"; KB and KiB both mean 1024)."""
    if max_size is None:
        return None
    if isinstance(max_size, int) and not isinstance(max_size, bool) and max_size > 0:
        return max_size
    if isinstance(max_size, str):
        match = _SIZE.fullmatch(max_size)
        if match is not None:
            size = int(float(match.group(1)) * _SIZE_UNITS[match.group(2)[0].lower()])
            if size > 0:
                return size
    raise StreamlitAPIException(
        f"{decorator}: max_size={max_size!r} is not a size. Give a positive number of bytes or a string "
        f'with a unit, such as "500MB" or "1.5GiB".'
    )


def check_options(
    decorator: str,
    *,
    ttl: Any,
    max_entries: Any,
    show_spinner: Any,
    show_time: Any,
    hash_funcs: Any,
    scope: Any,
    refresh_mode: Any,
    persist: Any = None,
    max_size: Any = None,
    validate: Any = None,
    on_release: Any = None,
) -> Options:
    if max_entries is not None and (
        not isinstance(max_entries, int) or isinstance(max_entries, bool) or max_entries < 0
    ):
        raise StreamlitAPIException(
            f"{decorator}: max_entries={max_entries!r}; give a whole number of entries (0 or more), or None."
        )
    if persist not in (None, False, True, "disk"):
        raise StreamlitAPIException(
            f"{decorator}: persist={persist!r} is not supported; use persist='disk' (or True), or None."
        )
    if scope not in ("global", "session"):
        raise StreamlitAPIException(f"{decorator}: scope={scope!r}; use 'global' or 'session'.")
    if refresh_mode not in ("foreground", "background"):
        raise StreamlitAPIException(f"{decorator}: refresh_mode={refresh_mode!r}; use 'foreground' or 'background'.")
    if refresh_mode == "background" and ttl is None:
        raise StreamlitAPIException(f"{decorator}: refresh_mode='background' needs a ttl.")
    if not isinstance(show_spinner, (bool, str)):
        raise StreamlitAPIException(
            f"{decorator}: show_spinner={show_spinner!r}; give True, False or the text to show."
        )
    if hash_funcs is not None and not isinstance(hash_funcs, Mapping):
        raise StreamlitAPIException(
            f"{decorator}: hash_funcs must be a dict mapping types (or their full names) to functions, "
            f"got {type(hash_funcs).__name__}."
        )
    for name, func in (("validate", validate), ("on_release", on_release)):
        if func is not None and not callable(func):
            raise StreamlitAPIException(f"{decorator}: {name} must be a function, got {type(func).__name__}.")
    return Options(
        decorator=decorator,
        ttl=parse_ttl(decorator, ttl),
        max_entries=max_entries,
        max_size=parse_max_size(decorator, max_size),
        show_spinner=show_spinner,
        show_time=bool(show_time),
        persist=persist in (True, "disk"),
        hash_funcs=hash_funcs,
        scope=scope,
        validate=validate,
        on_release=on_release,
    )
