"""st.set_page_config: the browser tab's title and icon, the layout, the sidebar's first state."""

from __future__ import annotations

from typing import Any

from slipstream.elements._args import check_icon
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context

LAYOUTS = ("centered", "wide")
SIDEBAR_STATES = ("auto", "expanded", "collapsed")


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str | None = None,
    initial_sidebar_state: str | None = None,
    menu_items: dict[str, Any] | None = None,
) -> None:
    """Configure the page: the tab's title and icon (an emoji), the layout ("centered" or
    "wide") and whether the sidebar starts expanded or collapsed.

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
    icon = None if page_icon is None or not isinstance(page_icon, str) else check_icon("set_page_config", page_icon)
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
