"""Argument checks shared by the element builders."""

from __future__ import annotations

import logging
import textwrap
from numbers import Integral, Real
from typing import Any

from slipstream.errors import StreamlitAPIException

log = logging.getLogger("slipstream.elements")

LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")
# numpy's date and duration scalars, whose .item() can give a bare int of nanoseconds.
_NUMPY_TIMES = ("datetime64", "timedelta64")


def clean_text(body: Any) -> str:
    text = str(body)
    if "\n" not in text:  # the common case: nothing to dedent
        return text.strip()
    return textwrap.dedent(text).strip()


def accessible_name(fn: str, alt: Any) -> str | None:
    """``alt`` as an element's accessible name: None for none, as for an empty or blank text
    (logged, since on images an empty alt means "decorative" instead)."""
    if alt is None:
        return None
    text = str(alt)
    if not text.strip():
        log.warning("st.%s: alt=%r gives no accessible name; leave it out (None) instead", fn, alt)
        return None
    return text


def check_width(fn: str, width: Any, *, allow_content: bool = True) -> int | str:
    allowed = ("stretch", "content") if allow_content else ("stretch",)
    if isinstance(width, str) and width in allowed:
        return width
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    choices = " or ".join(f'"{a}"' for a in allowed)
    raise StreamlitAPIException(f"st.{fn}: width must be {choices} or a positive number of pixels, not {width!r}.")


TEXT_ALIGNMENTS = ("left", "center", "right", "justify")


def check_text_alignment(value: Any) -> str:
    """How a text element aligns its lines: "left", "center", "right" or "justify" (None: left,
    as Streamlit takes it)."""
    if value is None:
        return "left"
    if isinstance(value, str) and value in TEXT_ALIGNMENTS:
        return value
    raise StreamlitAPIException(
        f"Invalid `text_alignment` value. Supported values: 'left', 'center', 'right', 'justify'. Got {value!r}."
    )


def check_wrap(value: Any) -> bool:
    """Whether text may wrap onto more lines (False: one line, cut with an ellipsis)."""
    if isinstance(value, bool):
        return value
    raise StreamlitAPIException(f"Invalid `wrap` value. Supported values: True, False. Got {value!r}.")


def check_block_height(height: Any) -> int | str:
    """A container's height (tabs, grid, form): "content", "stretch" or a positive number of pixels."""
    if isinstance(height, str) and height in ("content", "stretch"):
        return height
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    raise StreamlitAPIException(
        f"Invalid height value: {height!r}. Height must be either a positive integer (pixels), 'stretch', or 'content'."
    )


def check_label_visibility(fn: str, value: Any) -> str:
    if value not in LABEL_VISIBILITIES:
        raise StreamlitAPIException(
            f"st.{fn}: label_visibility is {value!r}; valid values are 'visible', 'hidden' and 'collapsed'."
        )
    return str(value)


def check_label(fn: str, label: Any, label_visibility: str = "visible") -> str:
    if label is None:
        label = ""
    text = str(label)
    if not text and label_visibility == "visible":
        import logging

        logging.getLogger("slipstream").warning(
            "st.%s was given an empty label; give it one for accessibility and hide it with "
            "label_visibility='collapsed' if needed.",
            fn,
        )
    return text


def optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def plain(value: Any) -> Any:
    """``value`` as a plain Python scalar when it is a numpy one (``numpy.int64(3)`` gives 3,
    ``numpy.bool_(True)`` gives True); anything else as it is. numpy is never imported here."""
    kind = type(value)
    if kind.__module__ == "numpy" and kind.__name__ not in _NUMPY_TIMES and getattr(value, "ndim", None) == 0:
        return value.item()
    return value


def is_int_value(value: Any) -> bool:
    """An int-like number (numpy ints too), not a bool."""
    return isinstance(value, Integral) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    """Any real number (numpy numbers too), not a bool."""
    return isinstance(value, Real) and not isinstance(value, bool)


def check_optional_wrap(fn: str, wrap: Any) -> bool | None:
    """``wrap`` of a label or a row of options: None lets the layout decide (one line in a row of
    elements or directly in a column), True wraps, False keeps one line. Numbers count as their
    truth value, as Streamlit takes them."""
    if wrap is None or isinstance(wrap, bool):
        return wrap
    if isinstance(wrap, (int, float)):
        return bool(wrap)
    raise StreamlitAPIException(f"st.{fn}: wrap is {wrap!r}; give True, False or None.")
