"""st.dataframe: an interactive grid, optionally a widget that returns the user's selection.

The rows travel as an Arrow stream through the blob store; the element carries its URL and the
column descriptions only, so an unchanged frame costs a keep marker on rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import orjson

from slipstream import browser_json
from slipstream.delta_generator import emit_element
from slipstream.elements._args import accessible_name, check_width
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context
from slipstream.runtime.widgets import Key, register

if TYPE_CHECKING:
    import pandas as pd


SELECTION_MODES = (
    "single-row",
    "single-row-required",
    "multi-row",
    "single-column",
    "multi-column",
    "single-cell",
    "multi-cell",
)


class AttrDict(dict[str, Any]):
    """A dict whose keys also read as attributes (``event.selection.rows``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def check_height(fn: str, height: Any) -> int | str:
    if height in ("auto", "content", "stretch"):
        return str(height)
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    raise StreamlitAPIException(
        f"st.{fn}: height must be 'auto', 'content', 'stretch' or a positive number of pixels, not {height!r}."
    )


def grid_fields(
    fn: str,
    rows: int,
    columns: list[dict[str, Any]],
    order: Any,
    hide_index: bool | None,
    height: Any,
    width: Any,
    row_height: Any,
    placeholder: str | None,
) -> dict[str, Any]:
    """The element fields st.dataframe and st.data_editor share: the grid's shape and layout."""
    return {
        "rows": rows,
        "columns": columns,
        "column_order": order,
        "hide_index": None if hide_index is None else bool(hide_index),
        "height": height,
        "width": width,
        "row_height": check_row_height(fn, row_height),
        "placeholder": None if placeholder is None else str(placeholder),
    }


def check_row_height(fn: str, row_height: Any) -> int | None:
    if row_height is None:
        return None
    if isinstance(row_height, int) and not isinstance(row_height, bool) and row_height > 0:
        return row_height
    raise StreamlitAPIException(f"st.{fn}: row_height must be a positive number of pixels, not {row_height!r}.")


def normalize_config(fn: str, column_config: Any) -> dict[str | int, dict[str, Any]]:
    """``column_config`` with every value as a dict (a string is a label, None hides the column)."""
    if column_config is None:
        return {}
    if not isinstance(column_config, Mapping):
        raise StreamlitAPIException(
            f"st.{fn}: column_config must be a dict mapping column names to st.column_config "
            f"objects, not a {type(column_config).__name__}."
        )
    from slipstream.column_config import ButtonColumnResult

    out: dict[str | int, dict[str, Any]] = {}
    for name, value in column_config.items():
        key: str | int = name if isinstance(name, int) and not isinstance(name, bool) else str(name)
        if isinstance(value, ButtonColumnResult):
            value = value.config
        if value is None:
            out[key] = {"hidden": True}
        elif isinstance(value, str):
            out[key] = {"label": value}
        elif isinstance(value, Mapping):
            out[key] = {k: v for k, v in value.items() if v is not None}
        else:
            raise StreamlitAPIException(
                f"st.{fn}: column_config[{name!r}] is a {type(value).__name__}; give a string (the "
                "column's label), None (hide it) or an st.column_config object such as "
                "st.column_config.NumberColumn()."
            )
    return out


def attach_config(columns: list[dict[str, Any]], config: dict[str | int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each column with its config entry: by name, by data position, or ``_index`` for the index."""
    data_position = 0
    for column in columns:
        entry: dict[str, Any] = {}
        if column["index"]:
            entry.update(config.get("_index", {}))
        else:
            entry.update(config.get(data_position, {}))
            data_position += 1
        entry.update(config.get(column["name"], {}) if not column["index"] or column["name"] else {})
        column["config"] = jsonable(entry) if entry else None
    return columns


def choose_categories(frame: pd.DataFrame, columns: list[dict[str, Any]]) -> None:
    """A categorical column without a column_config type shows, and is edited, as a selectbox of
    its categories."""
    import pandas as pd

    levels = frame.index.nlevels
    for position, column in enumerate(columns):
        config = column["config"] or {}
        if column["kind"] != "category" or "type_config" in config:
            continue
        dtype = (
            frame.index.get_level_values(position).dtype if position < levels else frame.dtypes.iloc[position - levels]
        )
        if isinstance(dtype, pd.CategoricalDtype):
            column["config"] = {
                **config,
                "type_config": {"type": "selectbox", "options": jsonable(list(dtype.categories))},
            }


def jsonable(value: Any) -> Any:
    """Config values the wire can carry (dates as ISO text, numpy numbers as Python ones)."""
    return orjson.loads(orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY, default=str))


def check_order(fn: str, column_order: Any) -> list[str] | None:
    if column_order is None:
        return None
    if isinstance(column_order, str) or not isinstance(column_order, Iterable):
        raise StreamlitAPIException(f"st.{fn}: column_order must be a list of column names, not {column_order!r}.")
    return [str(name) for name in column_order]


def grid_frame(fn: str, data: Any) -> tuple[pd.DataFrame, Any]:
    """The data as a frame, and the Styler it came from (or None)."""
    from slipstream.dataframes import to_pandas

    styler = data if type(data).__name__ == "Styler" and hasattr(data, "data") else None
    return to_pandas(data, command=fn), styler


def styled_blob(styler: Any) -> str | None:
    """The Styler's formatted texts (one string column per data column) then its cells' CSS (as
    many columns again, None where a cell has none) in the blob store."""
    import pyarrow as pa

    from slipstream.dataframes import table_ipc
    from slipstream.runtime.blobs import current_blobs

    try:
        from slipstream.dataframes import styler_display

        texts, styles = styler_display(styler)
    except Exception:  # a Styler whose formatting fails still shows its raw values
        return None
    width = styler.data.shape[1]
    arrays = [pa.array([row[c] for row in texts], type=pa.string()) for c in range(width)]
    arrays += [pa.array([row[c] or None for row in styles], type=pa.string()) for c in range(width)]
    table = pa.Table.from_arrays(arrays, names=[f"c{i}" for i in range(2 * width)])
    return current_blobs().put(table_ipc(table), "application/vnd.apache.arrow.stream", ".arrow")


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for mode in modes:
        if mode not in SELECTION_MODES:
            raise StreamlitAPIException(
                f"st.dataframe: selection_mode {mode!r} is not valid; use one of "
                f"{', '.join(map(repr, SELECTION_MODES))}, or a list of them."
            )
    kinds = [m.split("-")[1] for m in modes]
    if len(set(kinds)) != len(kinds):
        raise StreamlitAPIException(
            f"st.dataframe: selection_mode {modes!r} has two modes for the same thing; pick one "
            "row mode, one column mode and one cell mode at most."
        )
    return modes


def empty_selection() -> dict[str, list[Any]]:
    return {"rows": [], "columns": [], "cells": []}


def _selection_checker(modes: list[str], rows: int, names: list[str]) -> Callable[[Any], dict[str, list[Any]]]:
    multi_rows = "multi-row" in modes
    any_rows = multi_rows or "single-row" in modes or "single-row-required" in modes
    multi_cols = "multi-column" in modes
    any_cols = multi_cols or "single-column" in modes
    any_cells = "single-cell" in modes or "multi-cell" in modes

    def check(raw: Any) -> dict[str, list[Any]]:
        if isinstance(raw, str):
            raw = browser_json.loads(raw)
        if isinstance(raw, Mapping) and "selection" in raw:
            raw = raw["selection"]
        if not isinstance(raw, Mapping) or set(raw) - {"rows", "columns", "cells"}:
            raise ValueError("a selection is {rows, columns, cells}")
        sel_rows = list(raw.get("rows", []))
        sel_cols = [str(c) for c in raw.get("columns", [])]
        sel_cells = [tuple(c) for c in raw.get("cells", [])]
        if (sel_rows and not any_rows) or (sel_cols and not any_cols) or (sel_cells and not any_cells):
            raise ValueError(f"selection not allowed by selection_mode {modes}")
        if (len(sel_rows) > 1 and not multi_rows) or (len(sel_cols) > 1 and not multi_cols):
            raise ValueError("more than one selected with a single-selection mode")
        if len(sel_cells) > 1 and "multi-cell" not in modes:
            raise ValueError("more than one cell selected with single-cell")
        for r in sel_rows:
            if not isinstance(r, int) or isinstance(r, bool) or not 0 <= r < rows:
                raise ValueError(f"row {r!r} is not a row position")
        for c in sel_cols:
            if c not in names:
                raise ValueError(f"column {c!r} is not a column")
        cells: list[Any] = []
        for cell in sel_cells:
            if len(cell) != 2 or not isinstance(cell[0], int) or not 0 <= cell[0] < rows or str(cell[1]) not in names:
                raise ValueError(f"cell {cell!r} is not (row position, column name)")
            cells.append((cell[0], str(cell[1])))
        return {"rows": sorted(set(sel_rows)), "columns": sel_cols, "cells": cells}

    return check


def dataframe(
    data: Any = None,
    width: int | str = "stretch",
    height: int | str = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None,
    key: Key = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | Iterable[str] = "multi-row",
    selection_default: Any = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    lazy: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Show data as an interactive grid: sort, resize, search, copy, download as CSV, full screen.

    ``data`` is a pandas/polars/pyarrow frame, a Styler, a numpy array, a dict, a list, ...;
    ``column_config`` maps column names to ``st.column_config`` objects (or a label, or None to
    hide); ``column_order`` picks and orders the columns shown. With ``on_select="rerun"`` (or a
    callback) the user can select rows/columns/cells (``selection_mode``), and the call returns
    ``{"selection": {"rows": [...], "columns": [...], "cells": [...]}}``. ``lazy`` keeps the rows
    on the server, the grid fetching those in view as it scrolls and sorting there: None (large
    frames only: pandas, polars and pyarrow over 150,000 rows, a polars LazyFrame over 10,000),
    True (any over 1,000 rows) or False; a lazy grid has no search, CSV download, selection or Styler.

    Example::

        event = st.dataframe(df, hide_index=True, on_select="rerun")
        st.write(event.selection.rows)
    """
    from slipstream.dataframes import grid_rows
    from slipstream.elements.button_column import register_button_columns
    from slipstream.elements.lazy_grid import check_lazy, hold_rows, wants_lazy

    fn = "dataframe"
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    width = check_width(fn, width)
    height = check_height(fn, height)
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise StreamlitAPIException(
            f"st.dataframe: on_select is {on_select!r}; use 'ignore', 'rerun' or a callback function."
        )
    config = normalize_config(fn, column_config)
    order = check_order(fn, column_order)
    selecting = on_select != "ignore"
    check_lazy(data, lazy, selecting=selecting)
    frame, styler = grid_frame(fn, data)
    ctx = get_run_context()
    if ctx is not None and wants_lazy(data, frame, lazy, selecting=selecting):
        held = hold_rows(frame, ctx.session.lazy_rows)
        columns = held.columns
        attach_config(columns, config)
        choose_categories(frame, columns)
        register_button_columns(fn, column_config, columns)
        return emit_element(
            {
                "type": "dataframe",
                "id": None,
                "url": held.url,
                "head": None,
                "display": None,
                **grid_fields(fn, held.rows, columns, order, hide_index, height, width, row_height, placeholder),
                "alt": accessible_name(fn, alt),
                "selection_mode": [],
                "selection": empty_selection(),
                "lazy": {"source": held.source, "chunk": held.chunk},
            }
        )
    with grid_rows(frame) as grid:
        url, rows, columns = grid.url, grid.rows, grid.columns
        attach_config(columns, config)
        choose_categories(frame, columns)
        register_button_columns(fn, column_config, columns)
        element: dict[str, Any] = {
            "type": "dataframe",
            "id": None,
            "url": url,
            "head": grid.head,
            "display": styled_blob(styler) if styler is not None else None,
            **grid_fields(fn, rows, columns, order, hide_index, height, width, row_height, placeholder),
            "alt": accessible_name(fn, alt),
            "selection_mode": [],
            "selection": empty_selection(),
            "lazy": None,
        }
        if on_select == "ignore":
            return emit_element(element)
        modes = _selection_modes(selection_mode)
        names = [c["name"] for c in columns if not c["index"]]
        check = _selection_checker(modes, rows, names)
        default = empty_selection()
        if selection_default is not None:
            try:
                default = check(selection_default)
            except (ValueError, TypeError) as exc:
                raise StreamlitAPIException(f"st.dataframe: selection_default {selection_default!r}: {exc}.") from None
        if "single-row-required" in modes and not default["rows"] and rows:
            default["rows"] = [0]

        def from_browser(raw: Any) -> AttrDict:
            return AttrDict(selection=AttrDict(check(raw)))

        wid, value = register(
            fn,
            key=key,
            identity={"url": url, "modes": modes, "columns": names},
            default=AttrDict(selection=AttrDict(default)),
            deserialize=from_browser,
            on_change=on_select if callable(on_select) else None,
            value_given=selection_default is not None,
        )
        selection = value["selection"] if isinstance(value, Mapping) and "selection" in value else default
        element.update(
            id=wid,
            selection_mode=modes,
            selection={k: [list(c) if isinstance(c, tuple) else c for c in v] for k, v in dict(selection).items()},
        )
        emit_element(element)
        return AttrDict(selection=AttrDict(selection))
