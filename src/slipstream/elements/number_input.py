"""st.number_input: an int or float with step buttons."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import (
    check_label,
    check_label_visibility,
    check_width,
    is_int_value,
    is_number,
    optional_str,
    plain,
)
from slipstream.elements._icons import check_icon
from slipstream.errors import (
    StreamlitAPIException,
    StreamlitInvalidMinMaxError,
    StreamlitValueAboveMaxError,
    StreamlitValueBelowMinError,
)
from slipstream.runtime.bound_widgets import number_codec
from slipstream.runtime.context import get_run_context
from slipstream.runtime.widgets import Key, register, user_key

_FORMAT = re.compile(r"^[^%]*%[-+ 0#]*\d*(?:\.\d+)?[diufFeEgGs][^%]*$")


def _shown_number(value: Any) -> dict[str, Any]:
    # NaN (which a script may set through session_state) shows as an empty field.
    return {"value": None if isinstance(value, float) and math.isnan(value) else value}


def number_input(
    label: str,
    min_value: float | None = None,
    max_value: float | None = None,
    value: Any = "min",
    step: float | None = None,
    format: str | None = None,
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
    icon: str | None = None,
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> int | float | None:
    """Show a numeric input with − and + buttons; return its number.

    All numeric arguments must be of one kind: ints give an int input, floats a float input.
    ``value="min"`` starts at ``min_value`` (or 0); ``value=None`` starts empty.

    Example::

        qty = st.number_input("Quantity", min_value=1, max_value=10, value=2)
    """
    fn = "number_input"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    value_given = value != "min"
    # numpy scalars (df.col.max()) count as the Python numbers they hold
    min_value, max_value, value, step = plain(min_value), plain(max_value), plain(value), plain(step)
    given = {"min_value": min_value, "max_value": max_value, "step": step}
    if value not in ("min", None):
        given["value"] = value
    for name, v in given.items():
        if v is not None and not is_number(v):
            raise StreamlitAPIException(f"st.number_input: {name} must be a number, not {v!r}.")
    numbers = [v for v in given.values() if v is not None]
    int_like = [is_int_value(v) for v in numbers]
    if any(int_like) and not all(int_like):
        kinds = ", ".join(f"{n}={type(v).__name__}" for n, v in given.items() if v is not None)
        raise StreamlitAPIException(
            f"st.number_input: the numeric arguments must all be ints or all be floats (got {kinds})."
        )
    is_int = all(int_like) if numbers else True
    if value == "min":
        value = min_value if min_value is not None else (0 if is_int else 0.0)
    if step is None:
        step = 1 if is_int else 0.01
    if min_value is not None and max_value is not None and min_value > max_value:
        raise StreamlitInvalidMinMaxError(min_value, max_value)
    if value is not None:
        if min_value is not None and value < min_value:
            raise StreamlitValueBelowMinError(value, min_value)
        if max_value is not None and value > max_value:
            raise StreamlitValueAboveMaxError(value, max_value)
    if format is None:
        format = "%d" if is_int else "%0.2f"
    elif not _FORMAT.match(format):
        raise StreamlitAPIException(
            f"st.number_input: format {format!r} is not a printf-style number format like '%0.3f'."
        )

    def fits(v: Any) -> bool:
        if v is None:
            return True
        if not is_number(v) or (isinstance(v, float) and not math.isfinite(v)):
            return False
        if is_int and not float(v).is_integer():
            return False
        return (min_value is None or v >= min_value) and (max_value is None or v <= max_value)

    def held_fits(v: Any) -> bool:
        """A value session_state holds, kept as Streamlit keeps it: any number within the
        bounds, whether int or float, and NaN, which no bound refuses."""
        if v is None:
            return True
        if not is_number(v):
            return False
        if isinstance(v, float) and math.isnan(v):
            return True
        return (min_value is None or v >= min_value) and (max_value is None or v <= max_value)

    ukey = user_key(key)
    ctx = get_run_context()
    if ukey is not None and ctx is not None and ctx.session.state.set_by_script(ukey):
        held = ctx.session.state.data.get(ukey)
        if held is not None and not is_number(held):
            raise StreamlitAPIException(
                f"st.number_input: st.session_state[{ukey!r}] holds {held!r}, a {type(held).__name__}; "
                "set it to a number or None."
            )

    def from_browser(v: Any) -> int | float | None:
        if not fits(v):
            raise ValueError(f"{v!r} is not a valid value (min {min_value}, max {max_value})")
        if v is None:
            return None
        return int(v) if is_int else float(v)

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "min": min_value,
            "max": max_value,
            "value": value,
            "step": step,
            "format": format,
            "help": help,
            "placeholder": placeholder,
        },
        default=value,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=held_fits,
        value_given=value_given,
        shown=_shown_number,
        bind=bind,
        persist_state=persist_state,
        url=number_codec(from_browser, clearable=value is None),
    )
    emit_element(
        {
            "type": "number_input",
            "id": wid,
            "label": text,
            **_shown_number(current),
            "min": min_value,
            "max": max_value,
            "step": step,
            "is_int": is_int,
            "format": format,
            "placeholder": optional_str(placeholder),
            "icon": check_icon(fn, icon or None),
            "required": bool(required),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return current  # type: ignore[no-any-return]
