"""st.checkbox and st.toggle: a boolean widget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import (
    check_label,
    check_label_visibility,
    check_optional_wrap,
    check_width,
    optional_str,
)
from slipstream.runtime.bound_widgets import bool_codec
from slipstream.runtime.widgets import Key, register


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _bool_widget(
    fn: str,
    label: str,
    value: bool,
    key: Key,
    help: str | None,
    on_change: Callable[..., Any] | None,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
    width: Any,
    wrap: Any,
    bind: Any,
    persist_state: Any,
) -> bool:
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)

    def shown(v: Any) -> dict[str, Any]:
        return {"value": bool(v)}

    wid, current = register(
        "checkbox" if fn == "checkbox" else "toggle",
        key=key,
        identity={"label": text, "value": bool(value), "help": help},
        default=bool(value),
        deserialize=_boolean,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: isinstance(v, bool),
        value_given=bool(value),
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=bool_codec(),
        fn=fn,
    )
    emit_element(
        {
            "type": "checkbox",
            "id": wid,
            "label": text,
            **shown(current),
            "toggle": fn == "toggle",
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width),
            "wrap": check_optional_wrap(fn, wrap),
        }
    )
    return bool(current)


def checkbox(
    label: str,
    value: bool = False,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: Any = None,
    persist_state: Any = None,
) -> bool:
    """Show a checkbox; return whether it is checked.

    Example::

        if st.checkbox("Show details"):
            st.write("details")
    """
    return _bool_widget(
        "checkbox",
        label,
        value,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )


def toggle(
    label: str,
    value: bool = False,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: Any = None,
    persist_state: Any = None,
) -> bool:
    """Show an on/off switch; return whether it is on.

    Example::

        dark = st.toggle("Dark mode")
    """
    return _bool_widget(
        "toggle",
        label,
        value,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )
