"""Turning whatever an app passes as data into a pandas DataFrame, and a frame into Arrow.

``st.dataframe``, ``st.table``, ``st.data_editor`` and the charts accept the same kinds of data
Streamlit does. pandas, pyarrow and numpy are imported here, on first use, never at package import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from slipstream.errors import StreamlitAPIException

if TYPE_CHECKING:
    import pandas as pd

SUPPORTED = (
    "pandas DataFrame, Series, Index or Styler; polars DataFrame, Series or LazyFrame; pyarrow Table or "
    "RecordBatch; numpy array; dict; list; tuple; set; or an object with `to_pandas()` or `__dataframe__`"
)


def import_pandas(command: str) -> Any:
    """pandas, or an error naming the fix when it is not installed."""
    try:
        import pandas
    except ImportError:
        raise StreamlitAPIException(f"st.{command} needs pandas and pyarrow: pip install 'slipstream[data]'") from None
    return pandas


def _type_name(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def to_pandas(data: Any, *, command: str) -> pd.DataFrame:
    """``data`` as a DataFrame (a copy when the input was not one already); raise on unsupported data."""
    pd = import_pandas(command)
    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (pd.Series, pd.Index)):
        return data.to_frame()
    name = _type_name(data)
    if name == "pandas.io.formats.style.Styler":
        return data.data
    if name.startswith("polars."):
        if type(data).__name__ == "LazyFrame":
            data = data.collect()
        return data.to_pandas()
    if name.startswith("pyarrow."):
        if type(data).__name__ in ("Table", "RecordBatch"):
            return data.to_pandas()
        if type(data).__name__ in ("Array", "ChunkedArray"):
            return pd.DataFrame(data.to_pandas())
    if name.startswith("numpy.") and hasattr(data, "ndim"):
        if data.ndim == 0:
            return pd.DataFrame([data.item()])
        if data.ndim > 2:
            raise StreamlitAPIException(
                f"st.{command}: a numpy array with {data.ndim} dimensions cannot be shown as a table; "
                "pass a 1- or 2-dimensional array."
            )
        return pd.DataFrame(data)
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and all(is_scalar(v) for v in values):
            return pd.DataFrame({"value": values}, index=list(data.keys()))
        return pd.DataFrame(dict(data))
    if isinstance(data, (list, tuple, set, frozenset)):
        return pd.DataFrame(list(data))
    if hasattr(data, "to_pandas"):
        converted = data.to_pandas()
        return converted if isinstance(converted, pd.DataFrame) else to_pandas(converted, command=command)
    if hasattr(data, "__dataframe__"):
        return pd.api.interchange.from_dataframe(data)
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes)):
        return pd.DataFrame(list(data))
    raise StreamlitAPIException(f"st.{command} cannot show data of type `{name}`. It accepts a {SUPPORTED}.")


def is_scalar(value: Any) -> bool:
    """A single plain value (not a row or a column of them)."""
    return value is None or isinstance(value, (str, bytes, int, float, bool, complex))


def to_arrow_ipc(frame: pd.DataFrame, *, preserve_index: bool = True) -> bytes:
    """The frame as an Arrow IPC stream (the format the browser's grid and charts read)."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=preserve_index)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


# ---- grids: a frame as the Arrow stream the browser's grid reads ----------------------------

_GRID_MEMO_SIZE = 64
_grid_memo: dict[str, GridRows] = {}
ARROW_STREAM = "application/vnd.apache.arrow.stream"
# Rows sent ahead of a larger frame's whole stream, so the grid's first screen draws at once.
HEAD_ROWS = 100


def column_name(name: Any) -> str:
    """A column label as shown: levels of a MultiIndex label joined with " / "."""
    if isinstance(name, tuple):
        return " / ".join(str(part) for part in name)
    return "" if name is None else str(name)


def _object_column(values: Any) -> tuple[Any, str]:
    """An object column in a form Arrow holds, and its kind."""
    import json

    import pandas as pd

    inferred = pd.api.types.infer_dtype(values, skipna=True)
    if inferred == "empty":  # no values at all: any column type fits it, as in Streamlit
        return values, "empty"
    if inferred == "string":
        return values, "string"
    if inferred == "boolean":
        return values.astype("boolean"), "bool"
    if inferred == "integer":
        return values.astype("Int64"), "int"
    if inferred in ("floating", "mixed-integer-float", "decimal"):
        return pd.to_numeric(values, errors="coerce").astype("float64"), "float"
    if inferred == "date":
        return values, "date"
    if inferred == "datetime":
        return pd.to_datetime(values, errors="coerce"), "datetime"
    if inferred == "time":
        return values.map(lambda v: None if v is None else v.isoformat(), na_action="ignore"), "time"
    present = values.dropna()
    if len(present) and all(isinstance(v, (list, tuple)) or hasattr(v, "tolist") for v in present):
        return values.map(lambda v: list(v.tolist() if hasattr(v, "tolist") else v), na_action="ignore"), "list"
    if len(present) and all(isinstance(v, dict) for v in present):
        return values.map(lambda v: json.dumps(v, default=str), na_action="ignore"), "json"
    return values.map(str, na_action="ignore"), "string"


def _column_kind(values: Any) -> tuple[Any, str]:
    import pandas as pd

    dtype = values.dtype
    types = pd.api.types
    if isinstance(dtype, pd.CategoricalDtype):
        return values, "category"
    if types.is_bool_dtype(dtype):
        return values, "bool"
    if types.is_integer_dtype(dtype):
        return values, "int"
    if types.is_float_dtype(dtype):
        return values, "float"
    if types.is_complex_dtype(dtype):
        return values.astype(str), "string"
    if types.is_datetime64_any_dtype(dtype):
        return values, "datetime"
    if types.is_timedelta64_dtype(dtype):
        return values.astype(str).where(values.notna(), None), "string"
    if isinstance(dtype, pd.PeriodDtype) or isinstance(dtype, pd.IntervalDtype):
        return values.astype(str), "string"
    if types.is_string_dtype(dtype) and not types.is_object_dtype(dtype):
        return values, "string"
    return _object_column(values)


def _arrow_column(values: Any, kind: str) -> tuple[Any, str]:
    """An Arrow array for a column; values Arrow refuses become text."""
    import pyarrow as pa

    try:
        return pa.Array.from_pandas(values), kind
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError):
        return pa.array(values.map(str, na_action="ignore").astype(object), type=pa.string()), "string"


def grid_table(frame: pd.DataFrame) -> tuple[Any, list[dict[str, Any]]]:
    """The frame as a pyarrow Table (index levels first, then the columns, named by position) and,
    per Arrow column, its name, whether it is an index level, and its kind."""
    import pandas as pd
    import pyarrow as pa

    arrays: list[Any] = []
    columns: list[dict[str, Any]] = []
    index = frame.index
    levels = [index.get_level_values(i) for i in range(index.nlevels)]
    for position, level in enumerate(levels):
        values, kind = _column_kind(pd.Series(level, copy=False))
        array, kind = _arrow_column(values, kind)
        arrays.append(array)
        name = index.names[position]
        columns.append({"name": "" if name is None else str(name), "index": True, "kind": kind})
    for position in range(frame.shape[1]):
        values, kind = _column_kind(frame.iloc[:, position])
        array, kind = _arrow_column(values, kind)
        arrays.append(array)
        columns.append({"name": column_name(frame.columns[position]), "index": False, "kind": kind})
    # Arrow JS reads 32-bit-offset strings most widely: pandas 3 makes large strings by default
    arrays = [_small_strings(a) for a in arrays]
    table = pa.Table.from_arrays(arrays, names=[f"c{i}" for i in range(len(arrays))])
    return table, columns


def _small_strings(array: Any) -> Any:
    import pyarrow as pa

    kind = array.type
    if pa.types.is_large_string(kind):
        return array.cast(pa.string())
    if pa.types.is_dictionary(kind) and pa.types.is_large_string(kind.value_type):
        return array.cast(pa.dictionary(kind.index_type, pa.string()))
    return array


def table_ipc(table: Any) -> memoryview:
    """The table as an Arrow IPC stream, written once into a buffer of the right size (a growing
    buffer would copy a large table several times)."""
    import pyarrow as pa

    mock = pa.MockOutputStream()
    with pa.ipc.new_stream(mock, table.schema) as writer:
        writer.write_table(table)
    out = pa.allocate_buffer(mock.size())
    with pa.ipc.new_stream(pa.FixedSizeBufferWriter(out), table.schema) as writer:
        writer.write_table(table)
    return memoryview(out)


def frame_digest(frame: pd.DataFrame) -> str | None:
    """An exact content hash of the frame, or None when its values cannot be hashed."""
    from slipstream.caching.frames import hash_pandas
    from slipstream.caching.hashing import Hasher

    hasher = Hasher()
    try:
        hash_pandas(hasher, frame)
    except (TypeError, ValueError):
        return None
    return hasher.hexdigest()


@dataclass(frozen=True)
class GridRows:
    """A frame's rows as the grid fetches them: the whole Arrow stream at ``url``, its first
    ``HEAD_ROWS`` rows at ``head`` (None when that is all of it), the row count and the columns."""

    url: str
    head: str | None
    rows: int
    columns: list[dict[str, Any]]


@contextmanager
def grid_rows(frame: pd.DataFrame) -> Iterator[GridRows]:
    """The frame's rows in the blob store, for the block that sends the grid's element.

    A frame with an exact content hash is named by it: its URL is known before its stream is
    written, which happens when the block ends, after the element has gone out; the browser draws
    the head meanwhile. An unchanged frame is not encoded again while its blobs are stored.
    """
    from slipstream import __version__
    from slipstream.runtime.blobs import current_blobs

    digest = frame_digest(frame)
    known = _grid_memo.get(digest) if digest is not None else None
    if known is not None and current_blobs().has(known.url) and (known.head is None or current_blobs().has(known.head)):
        yield replace(known, columns=[dict(c) for c in known.columns])
        return
    table, columns = grid_table(frame)
    head = None
    if table.num_rows > HEAD_ROWS:
        head = current_blobs().put(table_ipc(table.slice(0, HEAD_ROWS)), ARROW_STREAM, ".arrow")
    if digest is None:
        url = current_blobs().put(table_ipc(table), ARROW_STREAM, ".arrow")
        yield GridRows(url, head, table.num_rows, columns)
        return
    promise = current_blobs().promise(f"grid {__version__} {digest}", ARROW_STREAM, ".arrow")
    url = promise if isinstance(promise, str) else promise.url
    rows = GridRows(url, head, table.num_rows, columns)
    if len(_grid_memo) >= _GRID_MEMO_SIZE:
        _grid_memo.pop(next(iter(_grid_memo)))
    _grid_memo[digest] = rows
    try:
        yield replace(rows, columns=[dict(c) for c in columns])
    finally:
        if not isinstance(promise, str):
            try:
                promise.keep(table_ipc(table))
            except BaseException:
                promise.break_()
                raise


def styler_display(styler: Any) -> tuple[list[list[str]], list[list[str]]]:
    """A pandas Styler's formatted cell texts and per-cell CSS (row by row)."""
    styler._compute()
    frame = styler.data
    funcs = getattr(styler, "_display_funcs", {})
    ctx = getattr(styler, "ctx", {})
    texts: list[list[str]] = []
    styles: list[list[str]] = []
    for r in range(frame.shape[0]):
        row_text: list[str] = []
        row_style: list[str] = []
        for c in range(frame.shape[1]):
            value = frame.iat[r, c]
            func = funcs.get((r, c)) if hasattr(funcs, "get") else None
            row_text.append(str(func(value)) if func is not None else str(value))
            row_style.append("; ".join(f"{k}: {v}" for k, v in ctx.get((r, c), [])))
        texts.append(row_text)
        styles.append(row_style)
    return texts, styles
