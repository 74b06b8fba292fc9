"""Content hashing of tables: pandas, polars and pyarrow, through their column buffers.

Numeric columns are hashed straight from memory (a pandas float column is a contiguous row of
its block, so no copy is made). Columns of Python objects go through pandas' own vectorised
per-value hash, which is exact up to a 64-bit collision per value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slipstream.caching.hashing import Hasher


def _pandas_values(hasher: Hasher, column: Any) -> None:
    """Hash a Series' or an Index's values (or an extension array's)."""
    import numpy as np
    import pandas as pd

    dtype = column.dtype
    hasher.update(str(dtype))
    if isinstance(dtype, np.dtype) and not dtype.hasobject:
        hasher.ndarray(column.to_numpy() if hasattr(column, "to_numpy") else np.asarray(column))
        return
    values = getattr(column, "array", column)
    if isinstance(values, pd.Categorical):
        hasher.ndarray(values.codes)
        _pandas_values(hasher, values.categories)
        return
    hashed = pd.util.hash_pandas_object(pd.Series(values, copy=False), index=False, categorize=False)
    hasher.ndarray(hashed.to_numpy())


def _pandas_index(hasher: Hasher, index: Any) -> None:
    import pandas as pd

    hasher.update(type(index).__name__)
    hasher.update(list(index.names))
    if isinstance(index, pd.RangeIndex):
        hasher.update((index.start, index.stop, index.step))
    elif isinstance(index, pd.MultiIndex):
        for level in range(index.nlevels):
            _pandas_values(hasher, index.get_level_values(level))
    else:
        _pandas_values(hasher, index)


def hash_pandas(hasher: Hasher, obj: Any) -> bool:
    import pandas as pd

    if isinstance(obj, pd.DataFrame):
        hasher.update(("pandas.DataFrame", obj.shape))
        _pandas_index(hasher, obj.columns)
        _pandas_index(hasher, obj.index)
        for position in range(obj.shape[1]):
            _pandas_values(hasher, obj.iloc[:, position])
        hasher.update(dict(obj.attrs))
        return True
    if isinstance(obj, pd.Series):
        hasher.update(("pandas.Series", obj.name, len(obj)))
        _pandas_index(hasher, obj.index)
        _pandas_values(hasher, obj)
        return True
    if isinstance(obj, pd.Index):
        hasher.update("pandas.Index")
        _pandas_index(hasher, obj)
        return True
    return False


def _arrow_array(hasher: Hasher, array: Any) -> None:
    hasher.update((str(array.type), array.offset, len(array), array.null_count))
    for buffer in array.buffers():
        if buffer is None:
            hasher.update(None)
        else:
            hasher.update(memoryview(buffer))


def hash_arrow(hasher: Hasher, obj: Any) -> bool:
    import pyarrow as pa

    if isinstance(obj, pa.RecordBatch):
        obj = pa.Table.from_batches([obj])
    if isinstance(obj, pa.Table):
        hasher.update(("pyarrow.Table", str(obj.schema), obj.num_rows))
        for column in obj.columns:
            for chunk in column.chunks:
                _arrow_array(hasher, chunk)
        return True
    if isinstance(obj, pa.ChunkedArray):
        hasher.update(("pyarrow.ChunkedArray", len(obj)))
        for chunk in obj.chunks:
            _arrow_array(hasher, chunk)
        return True
    if isinstance(obj, pa.Array):
        hasher.update("pyarrow.Array")
        _arrow_array(hasher, obj)
        return True
    return False


def hash_polars(hasher: Hasher, obj: Any) -> bool:
    import polars as pl

    if isinstance(obj, pl.LazyFrame):
        hasher.update(("polars.LazyFrame", obj.serialize(format="json")))
        return True
    if isinstance(obj, pl.DataFrame):
        hasher.update(("polars.DataFrame", obj.shape))
        return hash_arrow(hasher, obj.to_arrow())
    if isinstance(obj, pl.Series):
        hasher.update(("polars.Series", obj.name))
        return hash_arrow(hasher, obj.to_arrow())
    return False
