"""st.dataframe(lazy=...): whether a grid's rows stay on the server, and holding them there.

The rules are Streamlit 1.67's. ``lazy=None`` loads in-memory pandas and polars frames and
pyarrow tables lazily above 150,000 rows, and unevaluated ones (a polars LazyFrame) above 10,000;
``lazy=True`` loads every supported input lazily except frames of 1,000 rows or fewer;
``lazy=False`` never does. A lazy grid offers no search, CSV download, selection or Styler
formatting, so ``lazy=True`` with a Styler, ``on_select`` or multi-level column headers raises.
"""

from __future__ import annotations

import secrets
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slipstream.errors import StreamlitAPIException, StreamlitIncompatibleParametersError

if TYPE_CHECKING:
    import pandas as pd

    from slipstream.runtime.lazy_rows import LazyRows

AUTO_ROWS = 150_000
AUTO_UNEVALUATED_ROWS = 10_000
FORCED_MIN_ROWS = 1_000

# Data that is not in memory until asked for (module prefixes of their types).
_UNEVALUATED = ("pyspark.", "snowflake.snowpark.", "modin.", "dask.", "duckdb.")

# One Arrow table per distinct frame however many sessions show it lazily (they hold it; the
# process forgets it when none does), and its columns' descriptions.
_tables: weakref.WeakValueDictionary[str, Any] = weakref.WeakValueDictionary()
_columns: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
_COLUMNS_MEMO = 64


def _type_name(data: object) -> str:
    cls = type(data)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_styler(data: object) -> bool:
    return type(data).__name__ == "Styler" and hasattr(data, "data")


def _multi_level_columns(data: object) -> bool:
    name = _type_name(data)
    if name.startswith("pandas.") and type(data).__name__ == "DataFrame":
        return int(getattr(data.columns, "nlevels", 1)) > 1  # type: ignore[attr-defined]
    if name.startswith("pyarrow.") and type(data).__name__ == "Table":
        metadata = data.schema.pandas_metadata  # type: ignore[attr-defined]
        return metadata is not None and len(metadata.get("column_indexes", [])) > 1
    return False


def check_lazy(data: Any, lazy: Any, *, selecting: bool) -> None:
    """Raise where Streamlit refuses ``lazy=True``, before the data is converted."""
    if data is None or lazy is not True:
        return
    if _is_styler(data):
        raise StreamlitAPIException(
            "st.dataframe: `lazy=True` is not supported for `pandas.Styler` objects: the styling "
            "needs every row at once. Remove `lazy=True`, or pass the underlying dataframe (`styler.data`)."
        )
    if selecting:
        raise StreamlitIncompatibleParametersError(
            "lazy=True",
            "on_select",
            explanation=(
                'A lazily loaded table cannot report selections. Set `on_select="ignore"` or remove `lazy=True`.'
            ),
        )
    if _multi_level_columns(data):
        raise StreamlitAPIException(
            "st.dataframe: `lazy=True` is not supported for dataframes with multi-level (`MultiIndex`) "
            "column headers. Flatten the column headers or set `lazy=False`."
        )
    name = _type_name(data)
    if name.startswith(_UNEVALUATED):
        raise StreamlitAPIException(
            f"st.dataframe: `lazy=True` is not supported for `{name}` objects. Remove `lazy=True`, or "
            "convert the data to a pandas or polars dataframe first."
        )


def wants_lazy(data: Any, frame: pd.DataFrame, lazy: Any, *, selecting: bool) -> bool:
    """Whether the grid's rows stay on the server (``frame`` is ``data`` converted)."""
    if data is None or lazy is False or _is_styler(data) or selecting:
        return False
    rows = len(frame)
    if lazy is True:
        return rows > FORCED_MIN_ROWS and frame.columns.nlevels == 1
    name = _type_name(data)
    kind = type(data).__name__
    if name.startswith("polars.") and kind == "LazyFrame":
        return rows > AUTO_UNEVALUATED_ROWS
    in_memory = (
        (name.startswith("pandas.") and kind == "DataFrame")
        or (name.startswith("polars.") and kind == "DataFrame")
        or (name.startswith("pyarrow.") and kind == "Table")
    )
    return in_memory and not _multi_level_columns(data) and rows > AUTO_ROWS


@dataclass(frozen=True)
class LazySource:
    """A lazy grid's rows as its element refers to them: the first ``chunk`` at ``url``."""

    source: str
    url: str
    rows: int
    chunk: int
    columns: list[dict[str, Any]]


def hold_rows(frame: pd.DataFrame, store: LazyRows) -> LazySource:
    """Keep the frame's rows in the session's ``store`` and its first rows in the blob store.

    A frame with an exact content hash is named by it, so a rerun showing the same frame makes
    an identical element (a keep) and converts nothing again."""
    from slipstream.dataframes import ARROW_STREAM, frame_digest, grid_table, table_ipc
    from slipstream.runtime.blobs import current_blobs
    from slipstream.runtime.lazy_rows import CHUNK_ROWS, MAX_CHUNK_BYTES

    digest = frame_digest(frame)
    source = digest[:32] if digest is not None else secrets.token_hex(16)
    table = store.table(source) if digest is not None else None
    table = table if table is not None else (_tables.get(digest) if digest is not None else None)
    columns = _columns.get(digest) if digest is not None else None
    if table is None or columns is None:
        table, columns = grid_table(frame)
        if digest is not None:
            _tables[digest] = table
            _columns[digest] = columns
            while len(_columns) > _COLUMNS_MEMO:
                _columns.popitem(last=False)
    store.hold(source, table)
    # Wide rows come fewer at a time, so that an answer never has to be cut short.
    chunk = max(1, min(CHUNK_ROWS, MAX_CHUNK_BYTES // max(1, table.nbytes // max(table.num_rows, 1))))
    url = current_blobs().put(table_ipc(table.slice(0, chunk)), ARROW_STREAM, ".arrow")
    return LazySource(source, url, table.num_rows, chunk, [dict(c) for c in columns])
