"""st.button: true in the one run its click causes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_icon, check_label, check_width, optional_str
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key, register

BUTTON_TYPES = ("primary", "secondary", "tertiary")


def _trigger(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("a button click is sent as true")
    return value


def button(
    label: str,
    key: Key = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Show a button. Returns True in the run caused by clicking it, False otherwise.

    ``on_click`` is called with ``args``/``kwargs`` before that run.

    Example::

        if st.button("Say hello", type="primary"):
            st.write("Hello!")
    """
    if type not in BUTTON_TYPES:
        raise StreamlitAPIException(
            f"st.button: type is {type!r}; valid types are 'primary', 'secondary' and 'tertiary'."
        )
    text = check_label("button", label)
    icon_text = check_icon("button", icon)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    widget_width = check_width("button", width)
    wid, clicked = register(
        "button",
        key=key,
        identity={"label": text, "help": help, "type": type, "icon": icon_text},
        default=False,
        deserialize=_trigger,
        on_change=on_click,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    emit_element(
        {
            "type": "button",
            "id": wid,
            "label": text,
            "help": optional_str(help),
            "disabled": bool(disabled),
            "kind": type,
            "icon": icon_text,
            "width": widget_width,
        }
    )
    return bool(clicked)
