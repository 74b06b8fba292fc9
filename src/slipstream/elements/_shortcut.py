"""Keyboard shortcuts of buttons (``shortcut="Ctrl+K"``), checked and written one way.

A shortcut is modifiers and one key joined by "+", in any case and with any spacing. It is sent
to the browser lower case, modifiers first in a fixed order ("ctrl+shift+k"), with each alias
written as its one name (Mod and Control are ctrl, Meta and Command are cmd, Option is alt).
"""

from __future__ import annotations

import re
from typing import Any

from slipstream.errors import StreamlitAPIException

_MODIFIERS = {
    "ctrl": "ctrl",
    "control": "ctrl",
    "mod": "ctrl",
    "cmd": "cmd",
    "command": "cmd",
    "meta": "cmd",
    "alt": "alt",
    "option": "alt",
    "shift": "shift",
}
_MODIFIER_ORDER = ("ctrl", "cmd", "alt", "shift")
_KEYS = {
    "backspace": "backspace",
    "delete": "delete",
    "del": "delete",
    "down": "down",
    "arrowdown": "down",
    "end": "end",
    "enter": "enter",
    "return": "enter",
    "esc": "escape",
    "escape": "escape",
    "home": "home",
    "left": "left",
    "arrowleft": "left",
    "pagedown": "pagedown",
    "pageup": "pageup",
    "right": "right",
    "arrowright": "right",
    "space": "space",
    "tab": "tab",
    "up": "up",
    "arrowup": "up",
}
_FUNCTION_KEY = re.compile(r"f\d+")
# The browser's own: copying and reloading.
_RESERVED = ("c", "r")


def _key_name(token: str) -> str:
    if token in _KEYS:
        return _KEYS[token]
    if _FUNCTION_KEY.fullmatch(token) or (len(token) == 1 and token.isalnum()):
        return token
    raise StreamlitAPIException(
        f"The `shortcut` {token!r} is not a key: use a single letter or digit, a function key (F1...), or "
        "one of Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Space, Tab, Up."
    )


def check_shortcut(shortcut: Any) -> str | None:
    """``shortcut`` written the one way the browser matches it, or None for no shortcut."""
    if shortcut is None:
        return None
    if not isinstance(shortcut, str):
        raise StreamlitAPIException(
            f"Invalid `shortcut` type. Expected one of: str. Provided type: {type(shortcut).__name__}."
        )
    tokens = [token.strip().lower() for token in shortcut.split("+")]
    if not any(tokens):
        raise StreamlitAPIException("The `shortcut` must contain at least one key or modifier.")
    modifiers: set[str] = set()
    keys: list[str] = []
    for token in filter(None, tokens):
        if token in _MODIFIERS:
            modifiers.add(_MODIFIERS[token])
        else:
            keys.append(_key_name(token))
    if len(keys) > 1:
        raise StreamlitAPIException(f"The `shortcut` {shortcut!r} may only specify a single non-modifier key.")
    if not keys:
        raise StreamlitAPIException(
            f"The `shortcut` {shortcut!r} must include a non-modifier key such as 'K' or 'Ctrl+K'."
        )
    if keys[0] in _RESERVED:
        raise StreamlitAPIException("The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers.")
    return "+".join([*(m for m in _MODIFIER_ORDER if m in modifiers), keys[0]])


def check_icon_position(icon_position: Any) -> str:
    if icon_position in ("left", "right"):
        return str(icon_position)
    raise StreamlitAPIException(
        f"Invalid `icon_position` value. Supported values: 'left', 'right'. Got {icon_position!r}."
    )


def check_button_wrap(wrap: Any) -> bool | None:
    """None: the layout decides (one line in a row of elements); True: the label wraps; False: one line."""
    if wrap is None or isinstance(wrap, bool):
        return wrap
    raise StreamlitAPIException(f"Invalid `wrap` value. Supported values: True, False, None. Got {wrap!r}.")


def button_extras(icon_position: Any, shortcut: Any, wrap: Any) -> dict[str, Any]:
    """The fields every kind of button has for its icon's side, its shortcut and its wrapping."""
    return {
        "icon_position": check_icon_position(icon_position),
        "shortcut": check_shortcut(shortcut),
        "wrap": check_button_wrap(wrap),
    }
