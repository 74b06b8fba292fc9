"""st.progress: a bar filled from 0 to 100 percent, updated in place through the slot it returns."""

from __future__ import annotations

import math
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width, clean_text, plain
from slipstream.errors import StreamlitAPIException, StreamlitInvalidParameterTypeError, StreamlitValueOutOfRangeError


def _named(error: StreamlitAPIException) -> StreamlitAPIException:
    error.args = (f"st.progress: {error.args[0]}",)
    return error


def _percent(value: Any) -> int:
    """An int counts percent (0-100), a float a fraction (0.0-1.0), as in Streamlit; a float a
    rounding error past an end counts as that end."""
    value = plain(value)
    if isinstance(value, int):  # bool too, as Streamlit takes it
        if not 0 <= value <= 100:
            raise _named(StreamlitValueOutOfRangeError("value", value, 0, 100))
        return int(value)
    if isinstance(value, float):
        near_end = math.isclose(value, 0.0, abs_tol=1e-9) or math.isclose(value, 1.0, rel_tol=1e-9, abs_tol=1e-9)
        if not (0.0 <= value <= 1.0 or near_end):
            raise _named(StreamlitValueOutOfRangeError("value", value, 0.0, 1.0))
        return min(100, max(0, int(value * 100)))
    raise _named(StreamlitInvalidParameterTypeError("value", type(value).__name__, ["int", "float"]))


def progress(value: int | float, text: str | None = None, width: int | str = "stretch") -> DeltaGenerator:
    """Show a progress bar; call ``.progress(...)`` on the result to move it.

    ``value`` is an int from 0 to 100 or a float from 0.0 to 1.0; ``text`` (Markdown) shows
    above the bar; ``width`` is "stretch" or pixels.

    Example::

        bar = st.progress(0, text="Working")
        for done in range(100):
            bar.progress(done + 1, text="Working")
    """
    percent = _percent(value)
    if text is not None and not isinstance(text, str):
        raise _named(StreamlitInvalidParameterTypeError("text", type(text).__name__, ["str"]))
    return emit_element(
        {
            "type": "progress",
            "value": percent,
            "text": None if text is None else clean_text(text),
            "width": check_width("progress", width, allow_content=False),
        }
    )
