"""st.text_input: a single line of text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.elements._icons import check_icon
from slipstream.elements._input_kinds import check_kind, check_live, check_validate
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.bound_widgets import text_codec
from slipstream.runtime.widgets import Key, register


def _text_rules(fn: str, value: Any, max_chars: Any) -> tuple[str | None, Callable[[Any], str | None]]:
    """The default text of a text widget, and the check of values from the browser."""
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
        raise StreamlitAPIException(f"st.{fn}: max_chars must be a positive int, not {max_chars!r}.")
    default = None if value is None else str(value)
    if default is not None and max_chars is not None and len(default) > max_chars:
        raise StreamlitAPIException(
            f"st.{fn}: the default value has {len(default)} characters, more than max_chars={max_chars}."
        )

    def from_browser(v: Any) -> str | None:
        if v is not None and (not isinstance(v, str) or (max_chars is not None and len(v) > max_chars)):
            raise ValueError(f"expected text of at most {max_chars} characters" if max_chars else "expected text")
        return v

    return default, from_browser


def _shown_text(value: Any) -> dict[str, Any]:
    return {"value": None if value is None else str(value)}


def text_input(
    label: str,
    value: Any = "",
    max_chars: int | None = None,
    key: Key = None,
    type: str = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    validate: Any = None,
    live: Any = False,
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> str | None:
    """Show a one-line text box; return its text (None when ``value=None`` and nothing was typed).

    The value is sent when the user presses Enter or leaves the box, or after a pause in typing
    with ``live`` (True: 250 ms, or a duration such as "500ms"). ``type`` is "default",
    "password", "email", "url", "phone" or "search" (each with its icon, placeholder and, for
    email and URL, a format check). ``validate`` is a regular expression, or (regex, message), a
    value must match before it is sent; ``icon`` shows in the box; ``required=True`` never sends
    an empty value.

    Example::

        name = st.text_input("Your name", placeholder="Ada")
        st.write("Hello", name)
    """
    visibility = check_label_visibility("text_input", label_visibility)
    text = check_label("text_input", label, visibility)
    kind = check_kind(type)
    pattern, message = check_validate(validate, kind)
    shown_icon = kind.icon if icon is None else check_icon("text_input", icon or None)
    default, from_browser = _text_rules("text_input", value, max_chars)

    wid, current = register(
        "text_input",
        key=key,
        identity={
            "label": text,
            "value": default,
            "max_chars": max_chars,
            "type": type,
            "help": help,
            "placeholder": placeholder,
            "autocomplete": autocomplete,
        },
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: v is None or isinstance(v, str),
        value_given=value != "",
        shown=_shown_text,
        bind=bind,
        persist_state=persist_state,
        url=text_codec(max_chars),
    )
    emit_element(
        {
            "type": "text_input",
            "id": wid,
            "label": text,
            **_shown_text(current),
            "max_chars": max_chars,
            "input_type": type,
            "placeholder": kind.placeholder if placeholder is None else str(placeholder),
            "autocomplete": kind.autocomplete if autocomplete is None else autocomplete,
            "icon": shown_icon,
            "validate_pattern": pattern,
            "validate_message": message,
            "live_ms": check_live(live),
            "required": bool(required),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width("text_input", width, allow_content=False),
        }
    )
    return None if current is None else str(current)


def text_area(
    label: str,
    value: Any = "",
    height: int | str | None = None,
    max_chars: int | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> str | None:
    """Show a multi-line text box; return its text (None when ``value=None`` and nothing was typed).

    The value is sent when the box loses focus or on Ctrl+Enter.

    Example::

        notes = st.text_area("Notes", height=200, max_chars=500)
    """
    fn = "text_area"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    if height in (None, "content", "stretch"):
        pixel_height = None
    elif isinstance(height, int) and not isinstance(height, bool) and height >= 68:
        pixel_height = height
    else:
        raise StreamlitAPIException(f"st.text_area: height must be at least 68 pixels, or None; got {height!r}.")
    default, from_browser = _text_rules("text_area", value, max_chars)

    wid, current = register(
        fn,
        key=key,
        identity={"label": text, "value": default, "max_chars": max_chars, "help": help, "placeholder": placeholder},
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: v is None or isinstance(v, str),
        value_given=value != "",
        shown=_shown_text,
        bind=bind,
        persist_state=persist_state,
        url=text_codec(max_chars),
    )
    emit_element(
        {
            "type": "text_area",
            "id": wid,
            "label": text,
            **_shown_text(current),
            "height": pixel_height,
            "max_chars": max_chars,
            "placeholder": optional_str(placeholder),
            "required": bool(required),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return None if current is None else str(current)
