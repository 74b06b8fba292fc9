"""st.pagination: numbered page buttons with previous/next arrows; its value is a 1-based page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_width
from slipstream.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueOutOfRangeError,
)
from slipstream.runtime.bound_widgets import int_codec
from slipstream.runtime.widgets import Key, register


def _is_int(value: Any) -> bool:
    # True is an int to Python but no page count or page number to Streamlit
    return isinstance(value, int) and not isinstance(value, bool)


def pagination(
    num_pages: int,
    *,
    default: int = 1,
    max_visible_pages: int | None = 7,
    width: int | str = "content",
    key: Key = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    disabled: bool = False,
    bind: Any = None,
    persist_state: Any = None,
) -> int:
    """Show page buttons between previous and next arrows; return the selected page, from 1.

    ``max_visible_pages`` caps how many page buttons and ellipses show (``None``: as many as fit,
    0: the arrows alone); the first and last pages stay in view.

    Example::

        page = st.pagination(len(rows) // 10 + 1, key="page")
        st.table(rows[(page - 1) * 10 : page * 10])
    """
    fn = "pagination"
    if not _is_int(num_pages) or num_pages < 1:
        raise StreamlitAPIException(
            f"st.pagination: `num_pages` must be an int of at least 1, got {num_pages!r}. Pass the number of pages."
        )
    if not _is_int(default):
        raise StreamlitInvalidParameterTypeError("default", type(default).__name__, ["int"])
    if not 1 <= default <= num_pages:
        raise StreamlitValueOutOfRangeError("default", default, 1, num_pages)
    if max_visible_pages is not None and (not _is_int(max_visible_pages) or max_visible_pages < 0):
        raise StreamlitAPIException(
            f"st.pagination: `max_visible_pages` must be an int of at least 0 or None, got {max_visible_pages!r}."
        )
    shown_width = check_width(fn, width)

    def fits(value: Any) -> bool:
        return _is_int(value) and 1 <= value <= num_pages

    def from_browser(value: Any) -> int:
        if not fits(value):
            raise ValueError(f"{value!r} is not a page from 1 to {num_pages}")
        return int(value)

    wid, current = register(
        fn,
        key=key,
        identity={"num_pages": num_pages, "default": default, "max_visible_pages": max_visible_pages, "width": width},
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        # a page that no longer exists (num_pages shrank, or session_state set it) is the default again
        accept=fits,
        value_given=True,  # Streamlit warns about a session_state value for any pagination
        shown=lambda page: {"value": page},
        bind=bind,
        persist_state=persist_state,
        url=int_codec(from_browser),
    )
    emit_element(
        {
            "type": "pagination",
            "id": wid,
            "value": current,
            "default": default,
            "num_pages": num_pages,
            "max_visible_pages": max_visible_pages,
            "disabled": bool(disabled),
            "width": shown_width,
        }
    )
    return current  # type: ignore[no-any-return]
