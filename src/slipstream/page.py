"""st.set_page_config: the browser tab's title and icon, the layout, the sidebar's first state."""

from __future__ import annotations

from typing import Any

from slipstream.elements._icons import check_material, is_emoji, random_emoji
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context

LAYOUTS = ("centered", "wide")
SIDEBAR_STATES = ("auto", "expanded", "collapsed")


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
    ctx = get_run_context()
    if ctx is None:
        return
    ctx.session.view.set_page_config(
        {
            "title": None if page_title is None else str(page_title),
            "icon": icon,
            "layout": layout or "centered",
            "sidebar": initial_sidebar_state or "auto",
        }
    )
