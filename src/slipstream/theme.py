"""The theme and chrome settings the browser gets when a tab connects (``client`` of the
``session`` message): the ``[theme]`` options that are set, by section, and the ``client.*``
options that shape the toolbar and menu.

Values come from config files, so they are checked here before they reach the page: strings
short and free of characters that could end a CSS value, font files only from the app's own
static folder or an https URL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from slipstream.config_options import THEME_SECTIONS
from slipstream.theme_colors import DARK, LIGHT, derived_colors

_SAFE_TEXT = re.compile(r"[^;{}<>\\\x00-\x1f]{1,300}")
_FONT_URL = re.compile(r"(app/static/|/app/static/|https://)[A-Za-z0-9._~/%+-]+(\?[A-Za-z0-9._~=&%+-]*)?")


def _clean(value: Any) -> Any:
    """``value`` if it is safe to put in a CSS variable, else None."""
    if isinstance(value, bool) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        return value if _SAFE_TEXT.fullmatch(value) else None
    if isinstance(value, list):
        items = [_clean(item) for item in value if not isinstance(item, (list, dict))]
        return [item for item in items if item is not None][:20]
    return None


def _font_faces(value: Any) -> list[dict[str, Any]]:
    faces: list[dict[str, Any]] = []
    for face in value if isinstance(value, list) else []:
        if not isinstance(face, Mapping):
            continue
        family, url = face.get("family"), face.get("url")
        if not (isinstance(family, str) and _SAFE_TEXT.fullmatch(family) and isinstance(url, str)):
            continue
        if not _FONT_URL.fullmatch(url):
            continue
        entry: dict[str, Any] = {"family": family, "url": url}
        for key in ("weight", "style", "unicodeRange"):
            cleaned = _clean(face.get(key))
            if isinstance(cleaned, (str, int)):
                entry[key] = str(cleaned)
        faces.append(entry)
    return faces


def theme_payload(options: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The theme options that are set, as ``{section: {key: value}}`` (sections ``theme``,
    ``theme.sidebar``, ``theme.light``...); empty when the app has no custom theme."""
    payload: dict[str, dict[str, Any]] = {}
    for name, value in options.items():
        section, _, key = name.rpartition(".")
        if section not in THEME_SECTIONS or value is None:
            continue
        cleaned = _font_faces(value) if key == "fontFaces" else _clean(value)
        if cleaned is not None and cleaned != []:
            payload.setdefault(section, {})[key] = cleaned
    _add_derived(payload)
    return payload


def _add_derived(payload: dict[str, dict[str, Any]]) -> None:
    """Put the colours the set options imply into each mode's sections (``theme.light``,
    ``theme.dark.sidebar``...), where the browser takes them like options set there."""
    for mode, palette in (("light", LIGHT), ("dark", DARK)):
        main = {**payload.get("theme", {}), **payload.get(f"theme.{mode}", {})}
        main_derived = derived_colors(main, palette)
        resolved = {**palette, **{k: v for k, v in main.items() if isinstance(v, str)}, **main_derived}
        # The sidebar is drawn on the main theme's secondary background.
        sidebar_base = {
            **resolved,
            "backgroundColor": resolved["secondaryBackgroundColor"],
            "secondaryBackgroundColor": resolved["backgroundColor"],
        }
        sidebar = {**payload.get("theme.sidebar", {}), **payload.get(f"theme.{mode}.sidebar", {})}
        derived = {f"theme.{mode}": main_derived, f"theme.{mode}.sidebar": derived_colors(sidebar, sidebar_base)}
        for name, colors in derived.items():
            if colors:
                payload.setdefault(name, {}).update(colors)


def _theme_switcher(options: Mapping[str, Any]) -> bool:
    """Whether viewers may switch between light and dark: always without a custom theme; with
    one, only when it has a light or a dark variant (1.67 hides the switcher otherwise)."""
    sections = {name.rpartition(".")[0] for name, value in options.items() if value is not None}
    if sections & {f"theme.{mode}{part}" for mode in ("light", "dark") for part in ("", ".sidebar")}:
        return True
    return not sections & {"theme", "theme.sidebar"}


def client_settings(options: Mapping[str, Any]) -> dict[str, Any]:
    """What the browser's chrome needs from the options."""
    from slipstream import __version__

    return {
        "toolbar_mode": str(options["client.toolbarMode"]),
        "show_sidebar_navigation": bool(options["client.showSidebarNavigation"]),
        "disable_data_export": bool(options["client.disableDataExport"]),
        "theme": theme_payload(options),
        "theme_switcher": _theme_switcher(options),
        "version": __version__,
    }
