"""st.slider over ints or floats: one value, or a range of two."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import (
    check_label,
    check_label_visibility,
    check_width,
    is_int_value,
    is_number,
    optional_str,
)
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key, register


def slider(
    label: str,
    min_value: Any = None,
    max_value: Any = None,
    value: Any = None,
    step: Any = None,
    format: str | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """Show a slider; return its value, or a (low, high) tuple when ``value`` is a pair.

    Ints give an int slider (default 0 to 100, step 1), floats a float slider (0.0 to 1.0,
    step 0.01). All numeric arguments must be of the same kind.

    Example::

        age = st.slider("Age", 0, 130, 25)
        low, high = st.slider("Range", 0.0, 100.0, (25.0, 75.0))
    """
    fn = "slider"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    is_range = isinstance(value, Sequence) and not isinstance(value, str)
    if is_range:
        values = list(value)
        if len(values) not in (1, 2):
            raise StreamlitAPIException(f"st.slider: a range value needs two numbers, got {len(values)}.")
    elif value is None:
        values = []
    else:
        values = [value]
    given = {"min_value": min_value, "max_value": max_value, "step": step}
    given.update({f"value[{i}]" if is_range else "value": v for i, v in enumerate(values)})
    for name, v in given.items():
        if v is not None and not is_number(v):
            raise StreamlitAPIException(f"st.slider: {name} is {v!r}; Slipstream's slider takes ints or floats.")
    present = [v for v in given.values() if v is not None]
    if any(is_int_value(v) for v in present) and not all(is_int_value(v) for v in present):
        kinds = ", ".join(f"{n}={type(v).__name__}" for n, v in given.items() if v is not None)
        raise StreamlitAPIException(
            f"st.slider: the numeric arguments must all be ints or all be floats (got {kinds})."
        )
    is_int = all(is_int_value(v) for v in present) if present else True
    lo = min_value if min_value is not None else (0 if is_int else 0.0)
    hi = max_value if max_value is not None else (100 if is_int else 1.0)
    if not values:
        values = [lo]
    if step is None:
        step = 1 if is_int else 0.01
    if step <= 0:
        raise StreamlitAPIException(f"st.slider: step must be positive, not {step!r}.")
    if lo >= hi:
        raise StreamlitAPIException(f"st.slider: min_value ({lo}) must be less than max_value ({hi}).")
    for v in values:
        if not lo <= v <= hi:
            raise StreamlitAPIException(
                f"st.slider: the value {v} must lie between min_value {lo} and max_value {hi}, inclusive."
            )
    if format is None:
        format = "%d" if is_int else "%0.2f"

    def cast(v: Any) -> int | float:
        return int(v) if is_int else float(v)

    def to_python(vs: list[Any]) -> Any:
        return tuple(cast(v) for v in vs) if is_range else cast(vs[0])

    def fits(v: Any) -> bool:
        items = list(v) if is_range and isinstance(v, (tuple, list)) else [v]
        if len(items) != len(values):
            return False
        return all(
            is_number(x) and math.isfinite(x) and lo <= x <= hi and (not is_int or float(x).is_integer()) for x in items
        )

    def from_browser(raw: Any) -> Any:
        if not isinstance(raw, list) or len(raw) != len(values):
            raise ValueError(f"expected a list of {len(values)} thumb position(s)")
        thumbs = sorted(raw) if is_range else raw
        if not fits(thumbs if is_range else thumbs[0]):
            raise ValueError(f"{raw!r} is outside [{lo}, {hi}]")
        return to_python(thumbs)

    def shown(v: Any) -> dict[str, Any]:
        thumbs = list(v) if is_range else [v]
        return {"value": [float(t) if not is_int else int(t) for t in thumbs]}

    wid, current = register(
        fn,
        key=key,
        identity={"label": text, "min": lo, "max": hi, "value": values, "step": step, "format": format, "help": help},
        default=to_python(values),
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=fits,
        value_given=value is not None,
        shown=shown,
    )
    emit_element(
        {
            "type": "slider",
            "id": wid,
            "label": text,
            **shown(current),
            "min": lo,
            "max": hi,
            "step": step,
            "data_type": "int" if is_int else "float",
            "format": format,
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return to_python(list(current) if is_range else [current])
