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
    try:
        data = base64.b64decode(inner, validate=True)
    except (binascii.Error, ValueError):
        raise ProtocolError(f"a component's {form} value is not base64") from None
    if form == "bytes":
        return data
    import pyarrow as pa

    try:
        return pa.ipc.open_stream(data).read_all().to_pandas()
    except (pa.ArrowException, OSError) as exc:
        raise ValueError(f"a component's Arrow value cannot be read: {exc}") from None
