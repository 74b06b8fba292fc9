"""What st.slider makes of its arguments, as Streamlit does: the kind of slider, its bounds
and step, and its thumbs, all as numbers for the browser (dates and times in microseconds).

Streamlit is forgiving here and so are we: reversed bounds are swapped, a value outside the
bounds widens them, a reversed range is put in order. It refuses mixed types, a zero step,
equal bounds, and ints the browser cannot hold exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from numbers import Integral, Real
from typing import Any

from slipstream.elements._args import plain
from slipstream.elements._timelike import (
    MAX_SAFE_INTEGER,
    TimeKind,
    as_datetime,
    from_micros,
    kind_of,
    micros_of,
    to_micros,
)
from slipstream.errors import (
    StreamlitAPIException,
    StreamlitInvalidMinMaxError,
    StreamlitJSNumberBoundsError,
    StreamlitValueAboveMaxError,
    StreamlitValueBelowMinError,
)

FORMATS = {"int": "%d", "float": "%0.2f", "date": "YYYY-MM-DD", "datetime": "YYYY-MM-DD", "time": "HH:mm"}
_TAKES = "an int, float, date, time or datetime, or a list or tuple of up to two of them"
# A date slider with no bounds spans two weeks either side of its value.
_WINDOW = timedelta(days=14)


def kind_of_value(value: Any) -> str | None:
    """"int", "float", "date", "time", "datetime", or None for anything a slider cannot hold."""
    if isinstance(value, Integral):
        return "int"
    if isinstance(value, Real):
        return "float"
    return kind_of(value)


@dataclass(frozen=True)
class SliderRange:
    kind: str
    is_range: bool
    low: float
    high: float
    step: float
    thumbs: list[float]
    tz: tzinfo | None

    def to_python(self, position: float) -> Any:
        if self.kind == "int":
            return int(position)
        if self.kind == "float":
            return float(position)
        time_kind: TimeKind = self.kind  # type: ignore[assignment]
        return from_micros(position, time_kind, self.tz)

    def position(self, value: Any) -> float | None:
        """Where ``value`` (a Python value of this slider's kind) sits, or None if it does not fit."""
        where = self._unbounded_position(value)
        return where if where is not None and math.isfinite(where) and self.low <= where <= self.high else None

    def _unbounded_position(self, value: Any) -> float | None:
        value = plain(value)
        kind = kind_of_value(value)
        if self.kind in ("int", "float"):  # an int on a float slider counts, as in Streamlit
            return float(value) if kind in ("int", "float") else None
        return float(to_micros(value)) if kind == self.kind else None

    def check_set_value(self, fn: str, key: str, value: Any) -> None:
        """A value the script set through ``st.session_state[key]``: raise, as Streamlit does,
        when one of its thumbs is below the minimum or above the maximum, or is not a value of
        the slider's kind. That last error has the type Streamlit's conversion raises (its
        ``float()`` of the thumb): ValueError for text on a number slider, else TypeError."""
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        for item in items:
            where = self._unbounded_position(item)
            if where is None or math.isnan(where):
                wrong = ValueError if isinstance(item, str) and self.kind in ("int", "float") else TypeError
                raise wrong(
                    f"st.{fn}: st.session_state[{key!r}] holds {value!r}, but the slider takes "
                    f"{self.kind} values; set it to one (or a pair of them for a range)."
                )
            if where < self.low:
                raise StreamlitValueBelowMinError(plain(item), self.to_python(self.low))
            if where > self.high:
                raise StreamlitValueAboveMaxError(plain(item), self.to_python(self.high))


def _thumbs(value: Any, min_value: Any, max_value: Any, held: Any) -> tuple[list[Any], bool]:
    """The values given for the thumbs, and whether the slider is a range."""
    if value is None:
        if isinstance(held, (list, tuple)):  # session_state already holds a range for this key
            return [0 if min_value is None else min_value, 100 if max_value is None else max_value], True
        return [0 if min_value is None else min_value], False
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1:  # a numpy array, a pandas Series
        value = value.tolist()
    value = plain(value)
    if kind_of_value(value) is not None:
        return [value], False
    if isinstance(value, (list, tuple)):
        if len(value) > 2:
            raise StreamlitAPIException(f"st.slider: value has {len(value)} items; it takes {_TAKES}.")
        return [plain(v) for v in value], True
    raise StreamlitAPIException(f"st.slider: value is a {type(value).__name__}; it takes {_TAKES}.")


def _default_bounds(kind: str, first: Any) -> tuple[Any, Any]:
    if kind == "int":
        return 0, 100
    if kind == "float":
        return 0.0, 1.0
    if kind == "time":
        return time.min.replace(tzinfo=first.tzinfo), time.max.replace(tzinfo=first.tzinfo)
    try:
        low = first - _WINDOW
    except OverflowError:
        low = first
    try:
        high = first + _WINDOW
    except OverflowError:
        high = first
    return low, high


def _default_step(kind: str, low: Any, high: Any) -> Any:
    if kind == "int":
        return 1
    if kind == "float":
        return 0.01
    if kind == "time":
        return timedelta(minutes=15)
    try:
        short = abs(as_datetime(high) - as_datetime(low)) < timedelta(days=1)
    except TypeError:
        short = False
    return timedelta(minutes=15) if short else timedelta(days=1)


def _check_types(kind: str, min_value: Any, max_value: Any, step: Any, value: Any) -> None:
    bounds = (min_value, max_value, step)
    ints = all(isinstance(a, Integral) for a in bounds)
    floats = all(isinstance(a, Real) and not isinstance(a, Integral) for a in bounds)
    times = kind_of(min_value) is not None and isinstance(step, timedelta) and type(min_value) is type(max_value)
    if not (ints or floats or times):
        raise StreamlitAPIException(
            "st.slider: min_value, max_value and step must be all ints, all floats, or dates/times with a "
            f"timedelta step (got min_value={type(min_value).__name__}, max_value={type(max_value).__name__}, "
            f"step={type(step).__name__})."
        )
    if not ((kind == "int" and ints) or (kind == "float" and floats) or (kind_of(value) is not None and times)):
        raise StreamlitAPIException(
            f"st.slider: value must be of the same type as min_value and max_value (got value="
            f"{type(value).__name__}, min_value={type(min_value).__name__}, max_value={type(max_value).__name__})."
        )


def _check_browser_bounds(kind: str, low: Any, high: Any) -> None:
    for name, bound in (("min_value", low), ("max_value", high)):
        if kind == "int" and abs(bound) > MAX_SAFE_INTEGER:
            raise StreamlitJSNumberBoundsError(
                f"st.slider: {name} ({bound}) is beyond ±(2**53 - 1), the largest int a browser holds exactly."
            )
        if kind == "float" and math.isinf(bound):
            raise StreamlitJSNumberBoundsError(f"st.slider: {name} is {bound}; give a finite number.")


def slider_range(value: Any, min_value: Any, max_value: Any, step: Any, held: Any) -> SliderRange:
    """The slider that st.slider(value=..., min_value=..., ...) shows; ``held`` is what
    session_state holds for its key, if anything."""
    min_value, max_value, step = plain(min_value), plain(max_value), plain(step)
    values, is_range = _thumbs(value, min_value, max_value, held)
    kinds = [kind_of_value(v) for v in values]
    if len(values) == 1 and None in kinds:
        raise StreamlitAPIException(f"st.slider: value is a {type(values[0]).__name__}; it takes {_TAKES}.")
    if None in kinds or len(set(kinds)) > 1:
        names = ", ".join(type(v).__name__ for v in values)
        raise StreamlitAPIException(f"st.slider: the values of a range must be of one type, not {names}.")
    kind = str(kinds[0]) if kinds else "int"
    if values and (min_value is None or max_value is None):
        low, high = _default_bounds(kind, values[0])
        min_value = low if min_value is None else min_value
        max_value = high if max_value is None else max_value
    elif not values:
        min_value = 0 if min_value is None else min_value
        max_value = 100 if max_value is None else max_value
    if step is None:
        step = _default_step(kind, min_value, max_value)
    if step == 0 or step == timedelta(0):
        raise StreamlitAPIException(f"st.slider: step is {step!r}; it must not be zero.")
    _check_types(kind, min_value, max_value, step, values[0] if values else min_value)
    if min_value > max_value:
        min_value, max_value = max_value, min_value
    if len(values) == 2 and values[0] > values[1]:
        values.reverse()
    if values:
        min_value, max_value = min(min_value, values[0]), max(max_value, values[-1])
    else:
        values = [min_value, max_value]
    _check_browser_bounds(kind, min_value, max_value)
    tz = values[0].tzinfo if isinstance(values[0], (datetime, time)) else None
    if kind in ("int", "float"):
        low, high, thumbs = float(min_value), float(max_value), [float(v) for v in values]
        step_size = float(step)
    else:
        low, high = float(to_micros(min_value)), float(to_micros(max_value))
        thumbs = [float(to_micros(v)) for v in values]
        step_size = float(micros_of(step))
        if kind == "date":
            min_value, max_value = as_datetime(min_value), as_datetime(max_value)
    if low == high:
        raise StreamlitInvalidMinMaxError(min_value, max_value)
    if max(abs(low), abs(high)) > MAX_SAFE_INTEGER and kind not in ("int", "float"):
        raise StreamlitJSNumberBoundsError(
            "st.slider: min_value or max_value is too far from 1970 for a browser to hold it to the microsecond."
        )
    return SliderRange(kind, is_range, low, high, abs(step_size), thumbs, tz)
