"""Turning whatever an app passes as data into a pandas DataFrame, and a frame into Arrow.

``st.dataframe``, ``st.table``, ``st.data_editor`` and the charts accept the same kinds of data
Streamlit does. pandas, pyarrow and numpy are imported here, on first use, never at package import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
        raise StreamlitAPIException(
            f"st.{command} needs pandas and pyarrow: pip install 'slipstream[data]'"
        ) from None
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
        if values and all(_is_scalar(v) for v in values):
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


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bytes, int, float, bool, complex))


def to_arrow_ipc(frame: pd.DataFrame, *, preserve_index: bool = True) -> bytes:
    """The frame as an Arrow IPC stream (the format the browser's grid and charts read)."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=preserve_index)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())
