"""st.popover: a button that opens a floating container, optionally tracked so the script knows
whether it is open."""

from __future__ import annotations

from typing import Any

from slipstream.delta_generator import emit
from slipstream.elements._args import check_label, check_width, optional_str
from slipstream.elements._icons import check_icon
from slipstream.elements._shortcut import check_button_wrap
from slipstream.elements._tracked import OpenableContainer, open_from_browser, tracking
from slipstream.elements.button import check_button_type
from slipstream.runtime.widgets import Key, register, user_key


class PopoverContainer(OpenableContainer):
    """The container st.popover returns (see OpenableContainer)."""

    __slots__ = ()



def popover(
    label: str,
    *,
    type: str = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    wrap: bool | None = None,
    key: Key = None,
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
) -> PopoverContainer:
    """A button that opens a floating container; what is written to the container shows in it.

    ``type``: "primary", "secondary" or "tertiary"; ``help``: a tooltip; ``icon``: an emoji or a
    Material icon; ``width``: "content", "stretch" or pixels (``use_container_width`` is the
    older way to say "stretch"); ``wrap``: whether the label may wrap. With ``on_change="rerun"``
    (or a callback) opening and closing reruns the script, ``st.session_state[key]`` holds
    whether it is open, and ``.open`` tells the script (None when not tracked).

    Returns the container.

    Example::

        with st.popover("Settings", icon=":material/settings:"):
            st.checkbox("Dark mode")
    """
    fn = "popover"
    check_button_type(fn, type)
    text = check_label(fn, label)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    shown_width = check_width(fn, width)
    shown_icon = check_icon(fn, icon)
    tracked, callback = tracking(on_change)
    wid: str | None = None
    open_now: bool | None = None
    if tracked:
        wid, current = register(
            fn,
            key=key,
            identity={"label": text, "icon": shown_icon, "help": help, "type": type},
            default=False,
            deserialize=open_from_browser,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            accept=lambda v: isinstance(v, bool),
            shown=lambda v: {"open": bool(v)},
        )
        open_now = bool(current)
    path = emit(
        {
            "type": "popover",
            "id": wid,
            "key": user_key(key),
            "label": text,
            "open": bool(open_now),
            "kind": type,
            "help": optional_str(help),
            "icon": shown_icon,
            "disabled": bool(disabled),
            "width": shown_width,
            "wrap": check_button_wrap(wrap),
        }
    )
    return PopoverContainer(path, open=open_now)
