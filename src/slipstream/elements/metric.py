"""st.metric: a value in big type, with how it changed and an optional sparkline."""

from __future__ import annotations

import decimal
from typing import TYPE_CHECKING, Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.elements._icons import check_icon
from slipstream.errors import StreamlitAPIException

if TYPE_CHECKING:
    from slipstream.delta_generator import DeltaGenerator

DELTA_COLORS = (
    "normal",
    "inverse",
    "off",
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "violet",
    "gray",
    "grey",
    "primary",
)
DELTA_ARROWS = ("auto", "up", "down", "off")
CHART_TYPES = ("line", "bar", "area")
NUMBER_FORMATS = (
    "plain",
    "localized",
    "percent",
    "dollar",
    "euro",
    "yen",
    "accounting",
    "bytes",
    "compact",
    "scientific",
    "engineering",
)


def _is_number(value: Any) -> bool:
    if isinstance(value, (int, float, decimal.Decimal)):
        return True
    return type(value).__module__ == "numpy" and hasattr(value, "dtype") and value.dtype.kind in "iufb"


def _as_text(name: str, value: Any) -> str | None:
    """A value or delta as the text shown; None for no value."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if _is_number(value):
        return str(value.item() if hasattr(value, "item") else value)
    raise StreamlitAPIException(
        f"st.metric: {name} is a {type(value).__name__} ({value!r}); give an int, float, Decimal, "
        f"numpy number, str or None. Convert it, e.g. float(x) or str(x)."
    )


def _is_negative(delta: Any) -> bool:
    if isinstance(delta, str):
        return delta.strip().startswith("-")
    return bool(delta < 0)


def _is_zero(delta: Any) -> bool:
    if isinstance(delta, str):
        return delta.strip() == "0"
    return bool(delta == 0)


def delta_style(delta: Any, delta_color: str, delta_arrow: str) -> tuple[str, str]:
    """The delta's arrow direction and colour, from its sign and the two options."""
    if delta is None or delta == "":
        return "none", "gray"
    zero = _is_zero(delta)
    negative = not zero and _is_negative(delta)
    direction = "none" if zero else "down" if negative else "up"
    if delta_color == "normal":
        color = "gray" if zero else "red" if negative else "green"
    elif delta_color == "inverse":
        color = "gray" if zero else "green" if negative else "red"
    elif delta_color == "off":
        color = "gray"
    else:
        color = "gray" if delta_color == "grey" else delta_color
    if delta_arrow in ("up", "down"):
        direction = delta_arrow
    elif delta_arrow == "off":
        direction = "none"
    return direction, color


def _chart_values(chart_data: Any) -> list[float] | None:
    if chart_data is None:
        return None
    if isinstance(chart_data, (list, tuple, set, frozenset, range)) and all(
        v is None or _is_number(v) for v in chart_data
    ):
        values = list(chart_data)
    else:
        from slipstream.dataframes import to_pandas

        frame = to_pandas(chart_data, command="metric")
        values = frame.iloc[:, 0].tolist() if frame.shape[1] else []
    out: list[float] = []
    for v in values:
        if v is None:
            continue
        try:
            number = float(v)
        except (TypeError, ValueError):
            raise StreamlitAPIException(
                f"st.metric: chart_data holds {v!r}, which is not a number; give a sequence of numbers."
            ) from None
        if number == number:  # NaN is a gap, not a point
            out.append(number)
    return out


def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    *,
    help: str | None = None,
    icon: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: int | str = "stretch",
    height: int | str = "content",
    chart_data: Any = None,
    chart_type: str = "line",
    delta_arrow: str = "auto",
    format: str | None = None,
    delta_description: str | None = None,
) -> DeltaGenerator:
    """Show a number in big type, with an optional change indicator below it.

    ``delta`` (number or text) gets an arrow from its sign, green when positive and red when
    negative; ``delta_color`` ("normal", "inverse", "off" or a colour name) and ``delta_arrow``
    ("auto", "up", "down", "off") change that. ``chart_data`` adds a sparkline ("line", "bar" or
    "area" as ``chart_type``); ``format`` formats numbers ("dollar", "compact", "%.2f", ...).

    Example::

        st.metric("Temperature", "70 °F", "1.2 °F", border=True)
    """
    fn = "metric"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    if delta_color not in DELTA_COLORS:
        raise StreamlitAPIException(
            f"st.metric: delta_color is {delta_color!r}; use one of {', '.join(map(repr, DELTA_COLORS))}."
        )
    if delta_arrow not in DELTA_ARROWS:
        raise StreamlitAPIException(f"st.metric: delta_arrow is {delta_arrow!r}; use 'auto', 'up', 'down' or 'off'.")
    if chart_type not in CHART_TYPES:
        raise StreamlitAPIException(f"st.metric: chart_type is {chart_type!r}; use 'line', 'bar' or 'area'.")
    if format is not None and not isinstance(format, str):
        raise StreamlitAPIException(f"st.metric: format must be a string such as 'dollar' or '%.2f', not {format!r}.")
    body = _as_text("value", value)
    delta_text = _as_text("delta", delta)
    direction, color = delta_style(delta, delta_color, delta_arrow)
    return emit_element(
        {
            "type": "metric",
            "label": text,
            "body": "—" if body is None else body,
            "delta": delta_text,
            "direction": direction,
            "color": color,
            "delta_description": optional_str(delta_description),
            "help": optional_str(help),
            "icon": check_icon(fn, icon),
            "label_visibility": visibility,
            "border": bool(border),
            "width": check_width(fn, width),
            "height": height if height in ("content", "stretch") else check_width(fn, height),
            "chart_data": _chart_values(chart_data),
            "chart_type": chart_type,
            "format": format,
        }
    )
