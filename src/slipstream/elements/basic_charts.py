"""st.line_chart, st.area_chart, st.bar_chart and st.scatter_chart: a Vega-Lite spec built from the
data's own columns.

``x`` names the column along the x axis (default: the index); ``y`` one column or several (default:
every other column). Several y columns are melted into long form: one row per (x, series, value),
the series drawn in different colours. The finished spec and its dataset's URL are remembered by
the content hash of the data and the arguments, so a rerun with the same data does no pandas
work and sends the same element.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from slipstream.elements import vega_charts
from slipstream.elements._args import check_width
from slipstream.elements._charts import check_height
from slipstream.errors import StreamlitAPIException

if TYPE_CHECKING:
    import pandas as pd

# Field names of the columns a chart adds; named so they do not clash with the app's columns.
INDEX = "index -- streamlit-generated"
SERIES = "color -- streamlit-generated"
VALUE = "value -- streamlit-generated"
DEFAULT_HEIGHT = 350
STACKS = (True, False, "normalize", "center", "layered", None)
# Colour names that follow the app's theme (the browser maps them to the theme's colours).
THEME_COLORS = ("red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_CACHE_SIZE = 128

_BAD_COLOR = (
    "st.{fn}: {color!r} does not look like a colour or a column. color can be a hex string like "
    '"#ffaa00", an RGB(A) tuple like (255, 170, 0), one of {names}, the name of a column, or a list of '
    "colours, one per y column."
)


class _SpecCache:
    """Hash of (chart, data, arguments) -> (spec, frames' URLs), for the last charts shown."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[dict[str, Any], str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, digest: str) -> tuple[dict[str, Any], str] | None:
        from slipstream.runtime.blobs import current_blobs

        with self._lock:
            entry = self._entries.get(digest)
            if entry is None:
                return None
            self._entries.move_to_end(digest)
        return entry if current_blobs().get(entry[1].rpartition("/")[2]) is not None else None

    def put(self, digest: str, entry: tuple[dict[str, Any], str]) -> None:
        with self._lock:
            self._entries[digest] = entry
            while len(self._entries) > _CACHE_SIZE:
                self._entries.popitem(last=False)


_specs = _SpecCache()


def _columns_list(df: pd.DataFrame) -> str:
    return ", ".join(str(c) for c in df.columns)


def _need_column(fn: str, df: pd.DataFrame, name: str, what: str) -> str:
    if name not in df.columns:
        raise StreamlitAPIException(
            f"st.{fn}: {what} names the column {name!r}, which the data does not have. "
            f"Its columns are: {_columns_list(df)}."
        )
    return name


def is_color(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_HEX.match(value)) or value in THEME_COLORS
    if isinstance(value, (tuple, list)) and len(value) in (3, 4):
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    return False


def css_color(value: Any) -> str:
    """A colour as Vega takes it: hex strings and theme names as given, tuples as rgb()/rgba()."""
    if isinstance(value, str):
        return value
    parts = list(value)
    if all(0 <= v <= 1 for v in parts[:3]) and any(isinstance(v, float) for v in parts[:3]):
        parts[:3] = [round(v * 255) for v in parts[:3]]
    rgb = ", ".join(str(int(v)) for v in parts[:3])
    if len(parts) == 4:
        alpha = parts[3] / 255 if parts[3] > 1 else parts[3]
        return f"rgba({rgb}, {alpha:g})"
    return f"rgb({rgb})"


def _field_type(series: pd.Series, *, bar_axis: bool = False) -> str:
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype) or _is_date_objects(series):
        return "temporal"
    if bar_axis:
        return "ordinal"
    if pd.api.types.is_bool_dtype(dtype):
        return "nominal"
    if pd.api.types.is_numeric_dtype(dtype) or (isinstance(dtype, pd.CategoricalDtype) and dtype.ordered):
        return "quantitative" if pd.api.types.is_numeric_dtype(dtype) else "ordinal"
    return "nominal"


def _is_date_objects(series: pd.Series) -> bool:
    import datetime

    if series.dtype != object or series.empty:
        return False
    first = series.iloc[0]
    return isinstance(first, (datetime.date, datetime.datetime))


def _is_int(series: pd.Series) -> bool:
    import pandas as pd

    return bool(pd.api.types.is_integer_dtype(series.dtype))


def _axis(series: pd.Series | None, field_type: str, *, grid: bool) -> dict[str, Any]:
    axis: dict[str, Any] = {"grid": grid}
    if series is not None and field_type in ("quantitative", "ordinal") and _is_int(series):
        axis["tickMinStep"] = 1
    return axis


def _legend() -> dict[str, Any]:
    return {"titlePadding": 5, "offset": 5, "orient": "bottom"}


def _check_stack(fn: str, stack: Any, allowed: tuple[Any, ...]) -> Any:
    if not any(stack is a or (isinstance(a, str) and stack == a) for a in allowed):
        choices = ", ".join(repr(a) for a in allowed)
        raise StreamlitAPIException(f"st.{fn}: stack is {stack!r}; give one of {choices}.")
    return stack


def _y_columns(fn: str, df: pd.DataFrame, y: Any, exclude: list[str]) -> tuple[list[str], bool]:
    """The y columns, and whether the app named them itself."""
    if y is None:
        return [str(c) for c in df.columns if c not in exclude], False
    if isinstance(y, str):
        return [_need_column(fn, df, y, "y")], True
    if isinstance(y, Sequence) or hasattr(y, "__iter__"):
        names = list(y)
        for name in names:
            if not isinstance(name, str):
                raise StreamlitAPIException(f"st.{fn}: y must name columns by strings, not {name!r}.")
            _need_column(fn, df, name, "y")
        return list(dict.fromkeys(names)), True
    raise StreamlitAPIException(f"st.{fn}: y must be a column name, a list of column names or None, not {y!r}.")


def build_chart(
    fn: str,
    data: Any,
    *,
    x: Any,
    y: Any,
    x_label: Any,
    y_label: Any,
    color: Any,
    size: Any = None,
    stack: Any = None,
    horizontal: bool = False,
    sort: Any = True,
    width: Any,
    height: Any,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """The Vega-Lite spec of a built-in chart and the frame it draws (its dataset)."""
    from slipstream.dataframes import import_pandas, to_pandas

    pd = import_pandas(fn)

    df = to_pandas(data, command=fn)
    if any(not isinstance(c, str) for c in df.columns):
        df = df.rename(columns=str)
    if x is not None and not isinstance(x, str):
        raise StreamlitAPIException(
            f"st.{fn}: x must be a column name or None (the index), not {type(x).__name__} {x!r}."
        )
    if x is not None:
        _need_column(fn, df, x, "x")

    color_column: str | None = None
    color_values: list[Any] | None = None
    if color is not None:
        if isinstance(color, str) and color in df.columns:
            color_column = color
        elif is_color(color):
            color_values = [color]
        elif isinstance(color, (list, tuple)) and color and all(is_color(c) for c in color):
            color_values = list(color)
        else:
            raise StreamlitAPIException(_BAD_COLOR.format(fn=fn, color=color, names=", ".join(THEME_COLORS)))

    size_column: str | None = None
    size_value: float | None = None
    if size is not None:
        if isinstance(size, str) and size in df.columns:
            size_column = size
        elif isinstance(size, (int, float)) and not isinstance(size, bool):
            size_value = size
        else:
            raise StreamlitAPIException(
                f"st.{fn}: size is {size!r}; give a number (the area of every point) or the name of a column."
            )

    sort_field: str | None = None
    sort_descending = False
    if isinstance(sort, str):
        sort_descending = sort.startswith("-")
        sort_field = _need_column(fn, df, sort[1:] if sort_descending else sort, "sort")
    elif not isinstance(sort, bool):
        raise StreamlitAPIException(
            f'st.{fn}: sort is {sort!r}; give True, False, a column name or "-column" for descending order.'
        )

    exclude = [c for c in (x, color_column, size_column) if c is not None]
    y_columns, y_named = _y_columns(fn, df, y, exclude)
    melt = len(y_columns) > 1
    if color_values is not None and (melt or len(color_values) > 1) and len(color_values) != len(y_columns):
        raise StreamlitAPIException(
            f"st.{fn}: color gives {len(color_values)} colours ({color_values!r}) for {len(y_columns)} y columns "
            f"({y_columns!r}); give one colour per y column."
        )
    if melt:
        color_column = None  # several y columns are coloured by column, as in Streamlit

    # The frame to draw: x (or the index), the y columns and any column the encodings use.
    if x is None:
        index_name = df.index.name if isinstance(df.index.name, str) and df.index.name not in df.columns else INDEX
        x_field = index_name
        frame = df.reset_index(drop=False) if len(df.columns) or len(df.index) else df
        if len(frame.columns) > len(df.columns):
            frame = frame.rename(columns={frame.columns[0]: x_field})
        else:
            frame = frame.assign(**{x_field: range(len(frame))})
    else:
        x_field = x
        frame = df
    keep = list(dict.fromkeys([x_field, *(c for c in (color_column, size_column, sort_field) if c), *y_columns]))
    frame = frame[keep]
    x_series = frame[x_field] if x_field in frame.columns else None
    if melt:
        id_vars = [c for c in keep if c not in y_columns or c == x_field]
        frame = frame.melt(
            id_vars=id_vars, value_vars=[c for c in y_columns if c != x_field], var_name=SERIES, value_name=VALUE
        )
        if frame[VALUE].dtype == object and pd.api.types.infer_dtype(frame[VALUE]).startswith("mixed"):
            frame[VALUE] = frame[VALUE].astype("string")  # numbers and text together: draw all as text
        y_field, series_field = VALUE, SERIES
        y_series = frame[VALUE]
    else:
        y_field = y_columns[0] if y_columns else VALUE
        series_field = None
        y_series = frame[y_field] if y_field in frame.columns else None
    frame = frame.reset_index(drop=True)

    bar = fn == "bar_chart"
    x_type = _field_type(x_series, bar_axis=bar) if x_series is not None else "quantitative"
    y_type = _field_type(y_series) if y_series is not None else "quantitative"
    if y_type == "temporal":
        y_type = "quantitative"
    x_title = x_label if x_label is not None else (x if x is not None else "")
    y_title = y_label if y_label is not None else (y_columns[0] if y_named and not melt else "")

    x_enc: dict[str, Any] = {
        "field": x_field,
        "type": x_type,
        "title": str(x_title),
        "axis": _axis(x_series, x_type, grid=False),
    }
    y_enc: dict[str, Any] = {
        "field": y_field,
        "type": y_type,
        "title": str(y_title),
        "axis": _axis(y_series, y_type, grid=True),
    }
    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    tooltip: list[dict[str, Any]] = [
        {"field": x_field, "type": x_type, **({"title": "index"} if x_field == INDEX else {})},
        {"field": y_field, "type": y_type, **({"title": "value"} if y_field == VALUE else {})},
    ]
    if series_field is not None:
        color_enc: dict[str, Any] = {"field": series_field, "type": "nominal", "title": " ", "legend": _legend()}
        if color_values is not None:
            color_enc["scale"] = {"domain": y_columns, "range": [css_color(c) for c in color_values]}
        encoding["color"] = color_enc
        tooltip.append({"field": series_field, "type": "nominal", "title": "color"})
    elif color_column is not None:
        column = frame[color_column]
        color_enc = {"field": color_column, "type": "nominal", "legend": _legend()}
        if len(column) and all(is_color(v) for v in column.dropna().unique()):
            color_enc["scale"] = None  # the values are colours: draw them as they are
            color_enc["legend"] = None
        encoding["color"] = color_enc
        tooltip.append({"field": color_column, "type": "nominal"})
    elif color_values is not None:
        encoding["color"] = {"value": css_color(color_values[0])}
    if size_column is not None:
        encoding["size"] = {"field": size_column, "type": "quantitative", "title": size_column, "legend": _legend()}
        tooltip.append({"field": size_column, "type": "quantitative"})
    elif size_value is not None:
        encoding["size"] = {"value": size_value}

    mark: dict[str, Any]
    spec: dict[str, Any] = {}
    if fn == "line_chart":
        mark = {"type": "line"}
    elif fn == "area_chart":
        mark = {"type": "area"}
        y_enc["stack"] = stack if stack is not None else False
        if series_field is not None:
            encoding["opacity"] = {"value": 0.7}
    elif fn == "scatter_chart":
        mark = {"type": "circle"}
    else:
        mark = {"type": "bar"}
        if stack is False and series_field is not None:
            y_enc["stack"] = False
            encoding["xOffset"] = {"field": series_field}
        elif stack == "layered":
            y_enc["stack"] = False
            if series_field is not None:
                encoding["opacity"] = {"value": 0.7}
        elif stack is not None:
            y_enc["stack"] = stack
        if sort is False:
            x_enc["sort"] = None
        elif sort_field is not None:
            x_enc["sort"] = {"field": sort_field, "order": "descending" if sort_descending else "ascending"}
        if horizontal:
            encoding["x"], encoding["y"] = y_enc, x_enc
            x_enc["axis"]["grid"], y_enc["axis"]["grid"] = False, True
            if "xOffset" in encoding:
                encoding["yOffset"] = encoding.pop("xOffset")
    encoding["tooltip"] = tooltip

    if fn == "line_chart":
        # A line, plus a point that follows the pointer to show the nearest value's tooltip.
        hover = {"type": "point", "on": "pointermove", "nearest": True, "clear": "pointerout", "fields": [x_field]}
        spec["layer"] = [
            {"mark": mark, "encoding": encoding, "name": "view_1"},
            {"mark": {"type": "point", "opacity": 0}, "encoding": encoding, "name": "view_2"},
            {
                "mark": {"type": "point", "filled": True, "size": 65},
                "encoding": encoding,
                "transform": [{"filter": {"param": "hover", "empty": False}}],
            },
        ]
        spec["params"] = [
            {"name": "hover", "select": hover, "views": ["view_2"]},
            {
                "name": "zoom",
                "select": {"type": "interval", "encodings": ["x", "y"]},
                "bind": "scales",
                "views": ["view_1"],
            },
        ]
        spec["config"] = {"legend": {"symbolType": "stroke"}}
    else:
        spec["mark"] = mark
        spec["encoding"] = encoding
        spec["params"] = [{"name": "zoom", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}]
    spec["height"] = height if isinstance(height, int) and not isinstance(height, bool) else DEFAULT_HEIGHT
    if isinstance(width, int) and not isinstance(width, bool):
        spec["width"] = width
    return spec, frame


def show_basic_chart(
    fn: str, data: Any, *, width: Any, height: Any, use_container_width: bool | None, alt: str | None, **options: Any
) -> Any:
    if use_container_width is not None:
        width = "stretch" if use_container_width else (width if isinstance(width, int) else "content")
    check_width(fn, width)
    check_height(fn, height, allow=("content", "stretch"))
    if fn == "area_chart":
        _check_stack(fn, options.get("stack"), (True, False, "normalize", "center", None))
    elif fn == "bar_chart":
        _check_stack(fn, options.get("stack"), STACKS)
    digest = vega_charts.content_digest((fn, data, width, height, sorted(options.items())))
    cached = _specs.get(digest) if digest is not None else None
    if cached is not None:
        spec, url = cached
        spec = {**spec}
        name = vega_charts.dataset_name(url)
        return vega_charts.show_chart(
            fn,
            spec,
            prepared={name: url},
            width=width,
            height=height,
            alt=alt,
        )
    spec, frame = build_chart(fn, data, width=width, height=height, **options)
    url = vega_charts.frame_url(frame)
    name = vega_charts.dataset_name(url)
    spec["data"] = {"name": name}
    if digest is not None:
        _specs.put(digest, (spec, url))
    return vega_charts.show_chart(fn, {**spec}, prepared={name: url}, width=width, height=height, alt=alt)


def line_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Show a line chart of ``data``'s columns (anything st.dataframe takes).

    ``x``: the column along the x axis (default: the index); ``y``: one column or a list (default:
    every other column), several drawn as several lines. ``color``: one colour, a list with one
    colour per y column, or a column whose values split the rows into lines. ``x_label`` and
    ``y_label`` title the axes. Returns the chart's placeholder.

    Example::

        st.line_chart({"price": [3, 4, 4.5, 4.2], "cost": [2, 2.5, 2.6, 3]})
    """
    return show_basic_chart(
        "line_chart",
        data,
        x=x,
        y=y,
        x_label=x_label,
        y_label=y_label,
        color=color,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
    )


def area_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    stack: bool | str | None = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Show an area chart of ``data``'s columns; arguments as st.line_chart.

    ``stack``: True piles the areas up, False (or None) overlaps them, "normalize" piles them to
    100%, "center" around a middle line (a streamgraph).

    Example::

        st.area_chart({"a": [1, 3, 2], "b": [2, 2, 4]}, stack=True)
    """
    return show_basic_chart(
        "area_chart",
        data,
        x=x,
        y=y,
        x_label=x_label,
        y_label=y_label,
        color=color,
        stack=stack,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
    )


def bar_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    horizontal: bool = False,
    sort: bool | str = True,
    stack: bool | str | None = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Show a bar chart of ``data``'s columns; arguments as st.line_chart.

    ``horizontal`` lays the bars sideways. ``sort``: True sorts the categories, False keeps the
    data's order, "col" / "-col" orders them by a column, ascending / descending. ``stack``: None
    or True piles series up, False sets them side by side, "layered" overlaps them, "normalize"
    piles them to 100%, "center" around the axis.

    Example::

        st.bar_chart({"fruit": ["apple", "pear"], "sold": [12, 7]}, x="fruit", y="sold")
    """
    return show_basic_chart(
        "bar_chart",
        data,
        x=x,
        y=y,
        x_label=x_label,
        y_label=y_label,
        color=color,
        horizontal=bool(horizontal),
        sort=sort,
        stack=stack,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
    )


def scatter_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    size: str | float | None = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Show a scatter chart of ``data``'s columns; arguments as st.line_chart.

    ``size``: one number (the area of every point) or a column giving each point's size.

    Example::

        st.scatter_chart({"w": [1, 2, 3], "h": [3, 1, 2], "n": [10, 40, 90]}, x="w", y="h", size="n")
    """
    return show_basic_chart(
        "scatter_chart",
        data,
        x=x,
        y=y,
        x_label=x_label,
        y_label=y_label,
        color=color,
        size=size,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
    )
