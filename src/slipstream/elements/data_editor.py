"""st.data_editor: an editable grid; returns the data with the user's edits, in the input's type.

The widget's value is the editing state Streamlit keeps in ``st.session_state[key]``:
``{"edited_rows": {row: {column: value}}, "added_rows": [{column: value}], "deleted_rows": [row]}``,
rows counted by position in the original data. The browser sends that state whole after each edit.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import orjson

from slipstream import browser_json
from slipstream.delta_generator import emit_element
from slipstream.elements._args import accessible_name, check_width
from slipstream.elements.dataframe import (
    AttrDict,
    attach_config,
    check_height,
    check_order,
    choose_categories,
    grid_fields,
    grid_frame,
    normalize_config,
)
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key, register

if TYPE_CHECKING:
    import pandas as pd

NUM_ROWS = ("fixed", "dynamic", "add", "delete")
MAX_ADDED_ROWS = 100_000

# Column config types an editor can only apply to columns of these kinds.
_COMPATIBLE = {
    "number": {"int", "float", "empty"},
    "progress": {"int", "float", "empty"},
    "checkbox": {"bool", "empty"},
    "datetime": {"datetime", "empty", "string"},
    "date": {"date", "datetime", "empty", "string"},
    "time": {"time", "empty", "string"},
}


def empty_edits() -> dict[str, Any]:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def _cell_value(kind: str, raw: Any) -> Any:
    """A value from the browser, checked against its column's kind."""
    if raw is None:
        return None
    if kind == "int":
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise ValueError(f"{raw!r} is not an integer")
        return raw
    if kind == "float":
        if not isinstance(raw, (int, float)) or isinstance(raw, bool) or not math.isfinite(raw):
            raise ValueError(f"{raw!r} is not a number")
        return float(raw)
    if kind == "bool":
        if not isinstance(raw, bool):
            raise ValueError(f"{raw!r} is not true or false")
        return raw
    if kind == "category":
        if not isinstance(raw, (str, int, float, bool)):
            raise ValueError(f"{raw!r} is not a category")
        return raw
    if kind == "list":
        if not isinstance(raw, list):
            raise ValueError(f"{raw!r} is not a list")
        return raw
    if kind == "empty" and isinstance(raw, (bool, int, float)):
        # A column with no values yet takes what its column type edits (a NumberColumn's numbers).
        if isinstance(raw, float) and not math.isfinite(raw):
            raise ValueError(f"{raw!r} is not a number")
        return raw
    if not isinstance(raw, str) or len(raw) > 100_000:
        raise ValueError(f"{raw!r} is not text")
    if kind == "datetime":
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    if kind == "date":
        return dt.date.fromisoformat(raw[:10])
    if kind == "time":
        return dt.time.fromisoformat(raw)
    return raw


def _limits(type_config: Mapping[str, Any]) -> Callable[[Any], None] | None:
    """The check a column's config puts on an edited value (TextColumn/LinkColumn ``max_chars``
    and ``validate``, NumberColumn ``min_value``/``max_value``); None when it puts none."""
    max_chars, pattern = type_config.get("max_chars"), type_config.get("validate")
    low, high = type_config.get("min_value"), type_config.get("max_value")
    try:
        regex = re.compile(pattern) if isinstance(pattern, str) and pattern else None
    except re.error:
        regex = None
    numeric = type_config.get("type") in ("number", "progress")
    if max_chars is None and regex is None and not (numeric and (low is not None or high is not None)):
        return None

    def check(value: Any) -> None:
        if isinstance(value, str):
            if isinstance(max_chars, int) and len(value) > max_chars:
                raise ValueError(f"{value!r} is longer than {max_chars} characters")
            if regex is not None and not regex.search(value):
                raise ValueError(f"{value!r} does not match {pattern!r}")
        elif numeric and isinstance(value, (int, float)):
            if (isinstance(low, (int, float)) and value < low) or (isinstance(high, (int, float)) and value > high):
                raise ValueError(f"{value!r} is outside [{low}, {high}]")

    return check


def _edits_checker(
    columns: list[dict[str, Any]], rows: int, num_rows: str, disabled: bool | list[str]
) -> Callable[[Any], dict[str, Any]]:
    kinds = {c["name"] if not c["index"] else "_index": c["kind"] for c in columns}
    locked = set(kinds) if disabled is True else set(disabled or [])
    editable = {name: kind for name, kind in kinds.items() if name not in locked and name != "_index"}

    limits = {c["name"]: _limits((c.get("config") or {}).get("type_config") or {}) for c in columns if not c["index"]}

    def row_values(raw: Any, allowed: Mapping[str, str]) -> dict[str, Any]:
        if not isinstance(raw, Mapping):
            raise ValueError("a row's edits are {column: value}")
        out: dict[str, Any] = {}
        for name, value in raw.items():
            if name not in allowed:
                raise ValueError(f"column {name!r} cannot be edited")
            out[name] = _cell_value(allowed[name], value)
            limit = limits.get(name)
            if limit is not None and out[name] is not None:
                limit(out[name])
        return out

    def check(raw: Any) -> dict[str, Any]:
        if isinstance(raw, str):
            raw = browser_json.loads(raw)
        if not isinstance(raw, Mapping) or set(raw) - {"edited_rows", "added_rows", "deleted_rows"}:
            raise ValueError("the editing state is {edited_rows, added_rows, deleted_rows}")
        edited: dict[int, dict[str, Any]] = {}
        for key, values in dict(raw.get("edited_rows") or {}).items():
            position = int(key)
            if not 0 <= position < rows:
                raise ValueError(f"edited row {key!r} is not a row position")
            if values:
                edited[position] = row_values(values, editable)
        added = list(raw.get("added_rows") or [])
        if added and num_rows not in ("dynamic", "add"):
            raise ValueError(f"rows cannot be added with num_rows={num_rows!r}")
        if len(added) > MAX_ADDED_ROWS:
            raise ValueError("too many added rows")
        add_columns = {**editable, **({"_index": kinds["_index"]} if "_index" in kinds else {})}
        added_rows = [row_values(values, add_columns) for values in added]
        deleted = list(raw.get("deleted_rows") or [])
        if deleted and num_rows not in ("dynamic", "delete"):
            raise ValueError(f"rows cannot be deleted with num_rows={num_rows!r}")
        for position in deleted:
            if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position < rows:
                raise ValueError(f"deleted row {position!r} is not a row position")
        return {"edited_rows": edited, "added_rows": added_rows, "deleted_rows": sorted(set(deleted))}

    return check


def apply_edits(frame: pd.DataFrame, edits: Mapping[str, Any]) -> pd.DataFrame:
    """A copy of the frame with the edits applied, deleted rows dropped and added rows appended."""
    import pandas as pd

    out = frame.copy()
    positions = {str(name): i for i, name in enumerate(out.columns)}
    for row, values in edits.get("edited_rows", {}).items():
        for name, value in values.items():
            column = positions[name]
            try:
                out.iloc[int(row), column] = value
            except (TypeError, ValueError):  # a value the dtype cannot hold: widen the column
                out[out.columns[column]] = out.iloc[:, column].astype(object)
                out.iloc[int(row), column] = value
    if edits.get("deleted_rows"):
        out = out.drop(out.index[list(edits["deleted_rows"])])
    added = edits.get("added_rows") or []
    if added:
        records = [{out.columns[positions[k]]: v for k, v in row.items() if k in positions} for row in added]
        extra = pd.DataFrame.from_records(records, columns=out.columns)
        if isinstance(frame.index, pd.RangeIndex):
            start = int(frame.index.stop) if len(frame.index) else 0
            extra.index = pd.RangeIndex(start, start + len(added))
        else:
            extra.index = pd.Index([row.get("_index") for row in added], name=frame.index.name)
        for name in out.columns:
            if extra[name].isna().all():
                extra[name] = extra[name].astype(out[name].dtype if out[name].dtype != bool else object)
        out = pd.concat([out, extra]) if len(out) else extra
    return out


def to_input_type(edited: pd.DataFrame, data: Any) -> Any:
    """The edited frame back in the type of the data the app passed."""
    import pandas as pd

    name = f"{type(data).__module__}.{type(data).__qualname__}"
    if data is None or isinstance(data, pd.DataFrame) or name == "pandas.io.formats.style.Styler":
        return edited
    if isinstance(data, pd.Series):
        return edited.iloc[:, 0].rename(data.name)
    if isinstance(data, pd.Index):
        return pd.Index(edited.iloc[:, 0], name=data.name)
    if name.startswith("pyarrow."):
        import pyarrow as pa

        return pa.Table.from_pandas(edited, preserve_index=False)
    if name.startswith("polars."):
        import polars as pl

        converted = pl.from_pandas(edited)
        return converted.to_series() if type(data).__name__ == "Series" else converted
    if name.startswith("numpy."):
        return edited.to_numpy() if getattr(data, "ndim", 2) > 1 else edited.iloc[:, 0].to_numpy()
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and not isinstance(values[0], (list, tuple, Mapping)) and not hasattr(values[0], "tolist"):
            return edited.iloc[:, 0].to_dict()
        return {k: list(v) for k, v in edited.to_dict("list").items()}
    if isinstance(data, (list, tuple, set)):
        items = list(data)
        if items and isinstance(items[0], Mapping):
            return edited.to_dict("records")
        if items and isinstance(items[0], (list, tuple)):
            return edited.to_numpy().tolist()
        return edited.iloc[:, 0].tolist() if edited.shape[1] else []
    return edited


def _check_compatible(columns: list[dict[str, Any]]) -> None:
    for column in columns:
        config = column.get("config") or {}
        kind = (config.get("type_config") or {}).get("type")
        allowed = _COMPATIBLE.get(kind or "")
        if allowed is not None and column["kind"] not in allowed:
            raise StreamlitAPIException(
                f"st.data_editor: column {column['name']!r} holds {column['kind']} values, which a "
                f"{kind} column cannot edit. Convert the column (e.g. df[{column['name']!r}].astype(...)) "
                f"or use a column_config type for {column['kind']} values, such as "
                f"st.column_config.TextColumn()."
            )


def data_editor(
    data: Any,
    *,
    width: int | str = "stretch",
    height: int | str = "auto",
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None,
    num_rows: str = "fixed",
    disabled: bool | Iterable[str | int] = False,
    key: Key = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    alt: str | None = None,
) -> Any:
    """Show data in an editable grid and return it with the user's edits, in the same type.

    ``num_rows="dynamic"`` lets the user add and delete rows ("add"/"delete" allow one of them);
    ``disabled`` makes every column (True) or the named columns read-only; ``column_config``
    sets each column's editor (``st.column_config.NumberColumn(min_value=0)``, ...). With a
    ``key``, ``st.session_state[key]`` holds the edits: ``edited_rows``, ``added_rows`` and
    ``deleted_rows``.

    Example::

        edited = st.data_editor(df, num_rows="dynamic", key="people")
        st.write(edited)
    """
    from slipstream.dataframes import grid_rows
    from slipstream.elements.button_column import register_button_columns

    fn = "data_editor"
    if num_rows not in NUM_ROWS:
        raise StreamlitAPIException(
            f"st.data_editor: num_rows is {num_rows!r}; use 'fixed', 'dynamic', 'add' or 'delete'."
        )
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    width = check_width(fn, width)
    height = check_height(fn, height)
    config = normalize_config(fn, column_config)
    order = check_order(fn, column_order)
    frame, _ = grid_frame(fn, data)
    if not frame.columns.is_unique:
        raise StreamlitAPIException(
            "st.data_editor: the data has duplicate column names; rename them (e.g. df.columns = [...]) "
            "so that each edit names one column."
        )
    with grid_rows(frame) as grid:
        url, rows, columns = grid.url, grid.rows, grid.columns
        attach_config(columns, config)
        choose_categories(frame, columns)
        _check_compatible(columns)
        register_button_columns(fn, column_config, columns)
        names = [c["name"] for c in columns if not c["index"]]
        if isinstance(disabled, bool):
            locked: bool | list[str] = disabled
        else:
            locked = [names[d] if isinstance(d, int) and 0 <= d < len(names) else str(d) for d in disabled]
        locked_list = locked if isinstance(locked, list) else []
        locked_list += [c["name"] for c in columns if (c.get("config") or {}).get("disabled")]
        if not isinstance(locked, bool):
            locked = sorted(set(locked_list))
        check = _edits_checker(columns, rows, num_rows, locked)
        wid, edits = register(
            fn,
            key=key,
            identity={"url": url, "columns": names, "num_rows": num_rows, "disabled": locked},
            default=AttrDict(empty_edits()),
            deserialize=lambda raw: AttrDict(check(raw)),
            on_change=on_change,
            args=args,
            kwargs=kwargs,
        )
        if not isinstance(edits, Mapping):
            edits = empty_edits()
        emit_element(
            {
                "type": "data_editor",
                "id": wid,
                "url": url,
                "head": grid.head,
                **grid_fields(fn, rows, columns, order, hide_index, height, width, row_height, placeholder),
                "alt": accessible_name(fn, alt),
                "num_rows": num_rows,
                "disabled": locked,
                "edits": _wire_edits(edits),
            }
        )
    if not edits.get("edited_rows") and not edits.get("added_rows") and not edits.get("deleted_rows"):
        return data if not isinstance(data, (list, tuple, set, Mapping)) else to_input_type(frame, data)
    return to_input_type(apply_edits(frame, edits), data)


def _wire_edits(edits: Mapping[str, Any]) -> dict[str, Any]:
    """The editing state as JSON values (dates as ISO text)."""
    return dict(
        orjson.loads(
            orjson.dumps(
                {
                    "edited_rows": {str(k): v for k, v in edits.get("edited_rows", {}).items()},
                    "added_rows": list(edits.get("added_rows", [])),
                    "deleted_rows": list(edits.get("deleted_rows", [])),
                },
                default=str,
            )
        )
    )
