"""st.text_input's kinds of text (email, URL, phone, search) and its browser-side rules: the
pattern a value must match before it is sent (``validate``) and the pause after which typing is
sent without Enter (``live``)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from slipstream.errors import StreamlitAPIException


class InputKind(NamedTuple):
    icon: str | None
    placeholder: str | None
    autocomplete: str | None
    pattern: str | None
    message: str | None


KINDS = {
    "default": InputKind(None, None, None, None, None),
    "password": InputKind(None, None, "new-password", None, None),
    "email": InputKind(
        ":material/mail:", "you@example.com", "email", r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address."
    ),
    "url": InputKind(
        ":material/link:",
        "https://example.com",
        "url",
        r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$",
        "Enter a valid URL.",
    ),
    "phone": InputKind(":material/call:", "+1 234 567 8900", "tel", None, None),
    "search": InputKind(":material/search:", "Search", "off", None, None),
}

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$")
_UNIT_MS = {"ms": 1.0, "s": 1000.0, "m": 60000.0, None: 1000.0}
LIVE_DEFAULT_MS = 250
LIVE_MAX_MS = 60000


def check_kind(kind: Any) -> InputKind:
    if isinstance(kind, str) and kind in KINDS:
        return KINDS[kind]
    names = ", ".join(repr(k) for k in KINDS)
    raise StreamlitAPIException(f"Invalid `type` value. Supported values: {names}. Got {kind!r}.")


def check_validate(validate: Any, kind: InputKind) -> tuple[str | None, str | None]:
    """The pattern and message the browser checks a value against before sending it: the kind's
    own rule by default, none for ``""``."""
    if validate is None:
        return kind.pattern, kind.message
    if isinstance(validate, str):
        return (validate or None), None
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(part, str) for part in validate):
            return (validate[0] or None), validate[1]
        raise StreamlitAPIException(
            "Invalid `validate` value. Supported values: a regex string, a (regex, message) tuple of strings."
        )
    raise StreamlitAPIException(
        f"Invalid `validate` type. Expected one of: None, str, tuple. Provided type: {type(validate).__name__}."
    )


def check_live(live: Any) -> int | None:
    """The pause in milliseconds after which typing is sent, or None (sent on Enter and blur)."""
    if live is False:
        return None
    if live is True:
        return LIVE_DEFAULT_MS
    if not isinstance(live, str):
        raise StreamlitAPIException(
            f"Invalid `live` type. Expected one of: bool, str. Provided type: {type(live).__name__}. Use True "
            "for a 250ms pause, or a duration string like '300ms' or '0.5s' (units must be written)."
        )
    match = _DURATION.match(live)
    if match is None:
        raise StreamlitAPIException(f"Invalid `live` value {live!r}: use a duration such as '250ms', '0.5s' or '1m'.")
    ms = float(match.group(1)) * _UNIT_MS[match.group(2)]
    if ms > LIVE_MAX_MS:
        raise StreamlitAPIException(
            f"The `live` parameter, set to {live}, is outside the required range [0ms, 1m]. Use True for the "
            "250ms default, '0ms' to send every change, or a duration up to '1m'."
        )
    return round(ms)
