"""st.color_picker: a colour as a hex string."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.bound_widgets import text_codec
from slipstream.runtime.context import get_run_context
from slipstream.runtime.widgets import Key, register, user_key

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def _full_hex(color: str) -> str:
    """#abc -> #aabbcc, lower case."""
    if len(color) == 4:
        color = "#" + "".join(c * 2 for c in color[1:])
    return color.lower()


def color_picker(
    label: str,
    value: str | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    bind: Any = None,
    persist_state: Any = None,
) -> str:
    """Show a colour picker; return the colour as a hex string like ``"#1e90ff"``.

    Example::

        color = st.color_picker("Line colour", "#ff4b4b")
    """
    fn = "color_picker"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    default = "#000000" if value is None else value
    if not isinstance(default, str) or not _HEX.match(default):
        raise StreamlitAPIException(
            f"st.color_picker: {value!r} is not a hex colour; use a string like '#ff0000' or '#f00'."
        )

    def from_browser(raw: Any) -> str:
        if not isinstance(raw, str) or not _HEX.match(raw):
            raise ValueError("expected a hex colour like #1e90ff")
        return _full_hex(raw)

    def shown(v: Any) -> dict[str, Any]:
        # Streamlit keeps any text set through session_state; the picker shows only colours.
        return {"value": _full_hex(v if _HEX.match(v) else default)}

    ukey = user_key(key)
    ctx = get_run_context()
    if ukey is not None and ctx is not None and ctx.session.state.set_by_script(ukey):
        held = ctx.session.state.data.get(ukey)
        if not isinstance(held, str):
            raise StreamlitAPIException(
                f"st.color_picker: st.session_state[{ukey!r}] holds {held!r}, a {type(held).__name__}; "
                "set it to a hex colour string like '#ff0000'."
            )

    wid, current = register(
        fn,
        key=key,
        identity={"label": text, "value": default, "help": help},
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: isinstance(v, str),
        value_given=value is not None,
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=text_codec(transform=lambda t: from_browser(t if t.startswith("#") else f"#{t}")),
    )
    emit_element(
        {
            "type": "color_picker",
            "id": wid,
            "label": text,
            **shown(current),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width),
        }
    )
    return str(current)
