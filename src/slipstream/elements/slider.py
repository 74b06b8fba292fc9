"""st.slider over ints, floats, dates, times or datetimes: one value, or a range of two."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.elements._slider_range import FORMATS, SliderRange, slider_range
from slipstream.elements._timelike import to_micros
from slipstream.runtime.bound_widgets import UrlCodec, parse_time_text, time_text, values_codec
from slipstream.runtime.context import get_run_context
from slipstream.runtime.widgets import Key, register, user_key


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

    Ints give an int slider (default 0 to 100, step 1), floats a float slider (0.0 to 1.0, step
    0.01); dates and datetimes slide by a day over four weeks around the value ("YYYY-MM-DD"),
    times by 15 minutes over the day ("HH:mm"). numpy and pandas scalars count as the Python
    values they hold. A value outside the bounds widens them. ``format``: printf-style for
    numbers, Moment.js-style for dates and times.

    Example::

        age = st.slider("Age", 0, 130, 25)
        low, high = st.slider("Range", 0.0, 100.0, (25.0, 75.0))
        day = st.slider("Day", value=date(2024, 5, 1))
    """
    fn = "slider"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    ukey = user_key(key)
    ctx = get_run_context()
    held = ctx.session.state.data.get(ukey) if ctx is not None and ukey is not None else None
    spec = slider_range(value, min_value, max_value, step, held)
    if format is None:
        format = FORMATS[spec.kind]
    set_now = ukey is not None and ctx is not None and ctx.session.state.set_by_script(ukey)
    if set_now and ukey is not None:
        spec.check_set_value(fn, ukey, held)
    count = len(spec.thumbs)

    def to_python(positions: list[float]) -> Any:
        values = [spec.to_python(p) for p in positions]
        return tuple(values) if spec.is_range else values[0]

    def positions_of(v: Any) -> list[float] | None:
        items = list(v) if spec.is_range and isinstance(v, (tuple, list)) else [v]
        found = [spec.position(item) for item in items] if len(items) == count else []
        return [p for p in found if p is not None] if found and None not in found else None

    def held_positions(v: Any) -> list[float] | None:
        """The thumbs of a value the script set, even one of the other shape (a single value on
        a range slider, a pair on a single one): Streamlit returns such a value as it is for the
        run that set it, and shows its thumbs."""
        items = list(v) if isinstance(v, (tuple, list)) else [v]
        found = [spec.position(item) for item in items]
        return [p for p in found if p is not None] if None not in found else None

    def accept(v: Any) -> bool:
        # a value of the wrong shape lasts one run: the next one gives the default, as in Streamlit
        return positions_of(v) is not None or (set_now and held_positions(v) is not None)

    def from_browser(raw: Any) -> Any:
        if not isinstance(raw, list) or not all(isinstance(p, (int, float)) and not isinstance(p, bool) for p in raw):
            raise ValueError(f"expected a list of {count} thumb position(s), got {raw!r}")
        if len(raw) != count:
            # the thumbs of a wrong-shaped session_state value: back to the default, as Streamlit does
            return to_python(spec.thumbs)
        positions = sorted(float(p) for p in raw)
        if not all(spec.low <= p <= spec.high for p in positions):
            raise ValueError(f"{raw!r} is outside [{spec.low}, {spec.high}]")
        return to_python(positions)

    def shown(v: Any) -> dict[str, Any]:
        thumbs = positions_of(v) or held_positions(v) or []
        return {"value": _wire(spec, thumbs if 1 <= len(thumbs) <= 2 else spec.thumbs)}

    def from_url(text: str) -> float:
        # a value outside the bounds is moved to the nearest one, as Streamlit does
        item = float(text) if spec.kind in ("int", "float") else to_micros(parse_time_text(spec.kind, text))
        if spec.kind == "int" and item != int(item):
            raise ValueError(f"{text!r} is not an int")
        return min(max(float(item), spec.low), spec.high)

    def url_value(text: str) -> Any:
        return spec.to_python(from_url(text))

    each = values_codec(time_text, url_value, count=count if spec.is_range else None)
    url = UrlCodec(
        each.encode, lambda values: tuple(sorted(each.decode(values))) if spec.is_range else each.decode(values)
    )

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "min": spec.low,
            "max": spec.high,
            "value": spec.thumbs,
            "step": spec.step,
            "kind": spec.kind,
            "format": format,
            "help": help,
        },
        default=to_python(spec.thumbs),
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=accept,
        value_given=value is not None,
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=url,
    )
    emit_element(
        {
            "type": "slider",
            "id": wid,
            "label": text,
            **shown(current),
            "min": _number(spec, spec.low),
            "max": _number(spec, spec.high),
            "step": _number(spec, spec.step),
            "data_type": spec.kind,
            "format": format,
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return current


def _number(spec: SliderRange, position: float) -> int | float:
    """A position as JSON shows it best: ints (and microseconds) without a trailing ".0"."""
    return int(position) if spec.kind != "float" else position


def _wire(spec: SliderRange, positions: list[float]) -> list[int | float]:
    return [_number(spec, p) for p in positions]
