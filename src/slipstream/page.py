"""st.set_page_config: the browser tab's title and icon, the layout, the sidebar's first state."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from slipstream.elements._icons import check_material, is_emoji, random_emoji
from slipstream.errors import StreamlitAPIException, StreamlitValueError
from slipstream.runtime.context import get_run_context

LAYOUTS = ("centered", "wide")
SIDEBAR_STATES = ("auto", "expanded", "collapsed")
# menu_items' keys, as Streamlit takes them (any case, spaces around ignored), and their fields.
MENU_KEYS = {"get help": "get_help", "report a bug": "report_a_bug", "about": "about"}
MENU_URL_SCHEMES = ("http", "https", "mailto")


def _is_menu_url(value: str) -> bool:
    try:
        url = urlparse(value)
    except ValueError:
        return False
    if url.scheme in ("http", "https"):
        return bool(url.netloc)
    return url.scheme == "mailto" and bool(url.path)


def menu_items_config(menu_items: Mapping[Any, Any] | None) -> dict[str, str | None]:
    """The main menu's items from set_page_config's ``menu_items``, checked as Streamlit checks
    them: the three keys only, links with a full http(s) or mailto URL."""
    config: dict[str, str | None] = {"get_help": None, "report_a_bug": None, "about": None}
    if menu_items is None:
        return config
    if not isinstance(menu_items, Mapping):
        raise StreamlitAPIException(
            f"st.set_page_config: menu_items is {type(menu_items).__name__}; pass a dict such as "
            '{"Get help": "https://...", "Report a bug": "https://...", "About": "markdown"}.'
        )
    for raw_key, value in menu_items.items():
        key = str(raw_key).lower().strip()
        if key not in MENU_KEYS:
            raise StreamlitValueError(
                "menu_items",
                ["'Get help'", "'Report a bug'", "'About'"],
                detail=f"`{key}` is not a supported menu item key.",
            )
        if value is None:
            continue
        if key != "about" and not _is_menu_url(str(value)):
            raise StreamlitAPIException(
                f'"{value}" is not a valid URL. You must use a fully qualified domain beginning with '
                '"http://", "https://", or "mailto:".'
            )
        config[MENU_KEYS[key]] = textwrap.dedent(str(value)) if key == "about" else str(value)
    return config


def _page_icon(icon: Any) -> str | None:
    """What the browser makes the tab's icon from: an emoji, a Material icon, or a string it
    resolves itself (an emoji shortcode such as ":taxi:", a URL)."""
    if not isinstance(icon, str):
        return None
    text = icon.strip()
    if text == "random":
        return random_emoji()
    if text.startswith(":material") and not is_emoji(text):
        return check_material("set_page_config", text)
    return text or None


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str | None = None,
    initial_sidebar_state: str | None = None,
    menu_items: dict[str, Any] | None = None,
) -> None:
    """Configure the page: the tab's title and icon, the layout ("centered" or "wide") and whether
    the sidebar starts expanded or collapsed.

    ``page_icon``: an emoji ("📈"), an emoji shortcode (":chart_with_upwards_trend:"), a Material
    icon (":material/monitoring:"), an image URL, or "random" for a random emoji.
    ``menu_items``: the main menu's own items, ``{"Get help": url, "Report a bug": url,
    "About": markdown}`` (any of them; a value of None leaves that item out).

    Example::

        st.set_page_config(page_title="Sales", page_icon="📈", layout="wide")
    """
    if layout is not None and layout not in LAYOUTS:
        raise StreamlitAPIException(f"st.set_page_config: layout is {layout!r}; use 'centered' or 'wide'.")
    if initial_sidebar_state is not None and initial_sidebar_state not in SIDEBAR_STATES:
        raise StreamlitAPIException(
            f"st.set_page_config: initial_sidebar_state is {initial_sidebar_state!r}; "
            "use 'auto', 'expanded' or 'collapsed'."
        )
    icon = _page_icon(page_icon)
    menu = menu_items_config(menu_items)
    ctx = get_run_context()
    if ctx is None:
        return
    ctx.session.view.set_page_config(
        {
            "title": None if page_title is None else str(page_title),
            "icon": icon,
            "layout": layout or "centered",
            "sidebar": initial_sidebar_state or "auto",
            "menu_items": menu,
        }
    )
