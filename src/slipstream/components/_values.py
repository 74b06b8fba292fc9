"""What crosses between a script and a component: arguments out (JSON and Arrow), values back
(a ComponentValue, checked against protocol.check_component_value)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import orjson

from slipstream.errors import StreamlitAPIException
from slipstream.protocol import ProtocolError, check_component_value

_JSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY


class MarshallComponentException(StreamlitAPIException):
    """An argument of a component call that cannot be sent to the browser."""


def is_dataframe_like(value: Any) -> bool:
    """A table the component gets as Arrow: pandas, polars and pyarrow frames, a pandas Styler."""
    kind = type(value)
    module = kind.__module__.split(".")[0]
    return (module == "pandas" and kind.__name__ in ("DataFrame", "Styler")) or (
        module in ("polars", "pyarrow") and kind.__name__ in ("DataFrame", "LazyFrame", "Table", "RecordBatch")
    )


def json_argument(call: str, name: str, value: Any) -> Any:
    """``value`` as plain JSON data (what the browser will get); raise naming ``name`` when it
    cannot be sent."""
    try:
        return orjson.loads(orjson.dumps(value, option=_JSON_OPTIONS))
    except (TypeError, orjson.JSONEncodeError) as exc:
        raise MarshallComponentException(
            f"{call}: could not convert component args to JSON: the argument `{name}` "
            f"({type(value).__name__}) is not JSON serializable ({exc}). Pass lists, dicts, strings, "
            "numbers, booleans, None or a DataFrame."
        ) from None


def value_from_browser(raw: Any) -> Any:
    """A component's value as the script gets it: JSON data, bytes, or a DataFrame for an Arrow
    table; ValueError (logged, then ignored) when the value is malformed or out of bounds."""
    check_component_value(raw)
    form, inner = next(iter(raw.items()))
    if form == "json":
        return inner
    if form == "bytes":
        return _base64(form, inner)
    if isinstance(inner, dict):
        return _frame_from_parts(_table(inner["data"]), _table(inner["index"]), _table(inner["columns"]))
    return _table(inner)


def _base64(form: str, text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ProtocolError(f"a component's {form} value is not base64") from None


def _table(text: str) -> Any:
    import pyarrow as pa

    try:
        return pa.ipc.open_stream(_base64("arrow", text)).read_all().to_pandas()
    except (pa.ArrowException, OSError) as exc:
        raise ValueError(f"a component's Arrow value cannot be read: {exc}") from None


def _frame_from_parts(data: Any, index: Any, columns: Any) -> Any:
    """The DataFrame an ArrowTable stands for, built as Streamlit 1.67 builds it: the values, with
    each index level and each column-label level given as arrays (one-level MultiIndexes, as
    there)."""
    import pandas as pd

    try:
        return pd.DataFrame(data.to_numpy(), index=index.to_numpy().T.tolist(), columns=columns.to_numpy().T.tolist())
    except (ValueError, TypeError) as exc:  # parts of different lengths
        raise ValueError(f"a component's DataFrame parts do not fit together: {exc}") from None
