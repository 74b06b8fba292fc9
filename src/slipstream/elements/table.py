"""st.table: a static HTML table, every cell formatted on the server."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from slipstream.dataframes import is_scalar
from slipstream.delta_generator import emit_element
from slipstream.elements._args import accessible_name, check_width
from slipstream.errors import StreamlitAPIException

if TYPE_CHECKING:
    from slipstream.delta_generator import DeltaGenerator

# A static table is for small data: past this many cells, point to st.dataframe.
MAX_CELLS = 200_000


def format_cell(value: Any) -> str:
    """A cell's text: floats with four decimals, missing values as None."""
    if value is None:
        return "None"
    if isinstance(value, float):
        return "None" if math.isnan(value) else f"{value:.4f}"
    text = str(value)
    if text in ("nan", "NaT", "<NA>") and type(value).__name__ in ("float64", "NaTType", "NAType", "float32"):
        return "None"
    if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "f":
        return format_cell(float(value))
    return text


def _header_rows(columns: Any) -> list[list[str]]:
    if getattr(columns, "nlevels", 1) > 1:
        return [[str(name[level]) for name in columns] for level in range(columns.nlevels)]
    return [[str(name) for name in columns]]


def _has_unnamed_columns(data: Any) -> bool:
    """Whether ``data`` is of a kind whose columns the app did not name: plain values or rows (a
    list, tuple or set of them), a {key: value} mapping, a numpy array, a pandas or Arrow array.
    Its table shows no header row unless asked (a DataFrame, a list of records, a mapping of
    columns have names and show them)."""
    if isinstance(data, Mapping):
        return bool(data) and all(is_scalar(v) for v in data.values())
    if isinstance(data, (list, tuple, set, frozenset)):
        return not any(isinstance(item, Mapping) for item in data)
    module = type(data).__module__.split(".")[0]
    kind = type(data).__name__
    if module == "numpy":
        return kind == "ndarray"
    if module == "pandas":
        return kind.endswith("Array")  # pd.array(...): values without a column name
    return module == "pyarrow" and kind in ("Array", "ChunkedArray")


def _has_default_index(frame: Any) -> bool:
    """Whether the rows are numbered by position only (a RangeIndex), as for data that brings no
    index of its own: its table shows no index column unless asked."""
    import pandas as pd

    return isinstance(frame.index, pd.RangeIndex)


def table(
    data: Any = None,
    *,
    border: bool | str = True,
    width: int | str = "stretch",
    height: int | str = "content",
    hide_index: bool | None = None,
    hide_header: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    """Show data as a static table (no sorting or scrolling; for small data).

    Accepts the same data as st.dataframe; a pandas Styler keeps its formatting and colours.
    ``border`` is True, False or "horizontal" (lines between rows only).

    Example::

        st.table({"fruit": ["apple", "pear"], "count": [3, 5]})
    """
    import pandas as pd

    from slipstream.dataframes import styler_display, to_pandas

    if border not in (True, False, "horizontal"):
        raise StreamlitAPIException(f"st.table: border must be True, False or 'horizontal', not {border!r}.")
    frame = to_pandas(data, command="table")
    if frame.size > MAX_CELLS:
        raise StreamlitAPIException(
            f"st.table: the data has {frame.size:,} cells; a static table shows at most {MAX_CELLS:,}. "
            "Use st.dataframe for large data: it scrolls and loads rows as they are shown."
        )
    styles: list[list[str]] | None = None
    if type(data).__name__ == "Styler":
        cells, styles = styler_display(data)
        if not any(any(row) for row in styles):
            styles = None
    else:
        columns = [frame.iloc[:, i].tolist() for i in range(frame.shape[1])]
        cells = [[format_cell(col[r]) for col in columns] for r in range(frame.shape[0])]
    index = frame.index
    index_rows = [
        [format_cell(v) for v in (label if isinstance(label, tuple) else (label,))] for label in index.tolist()
    ]
    numeric = [
        bool(pd.api.types.is_numeric_dtype(frame.iloc[:, i].dtype))
        and not pd.api.types.is_bool_dtype(frame.iloc[:, i].dtype)
        for i in range(frame.shape[1])
    ]
    if height != "content" and height != "stretch":
        height = check_width("table", height)
    return emit_element(
        {
            "type": "table",
            "header": _header_rows(frame.columns),
            "index_header": ["" if n is None else str(n) for n in index.names],
            "index": index_rows,
            "cells": cells,
            "numeric": numeric,
            "styles": styles,
            "border": border,
            "hide_index": _has_default_index(frame) if hide_index is None else bool(hide_index),
            "hide_header": _has_unnamed_columns(data) if hide_header is None else bool(hide_header),
            "width": check_width("table", width),
            "height": height,
            "alt": accessible_name("table", alt),
        }
    )
