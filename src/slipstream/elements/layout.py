"""Layout: columns, containers and placeholders (st.expander and st.tabs have modules of their own)."""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Real
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit, emit_container
from slipstream.elements._args import check_width
from slipstream.errors import StreamlitAPIException

GAPS = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
VERTICAL_ALIGNMENTS = ("top", "center", "bottom")
HORIZONTAL_ALIGNMENTS = ("left", "center", "right", "distribute")


def _check_gap(fn: str, gap: Any) -> str | int | None:
    """A named gap, a number of pixels, or None (no gap)."""
    if gap is None or (isinstance(gap, str) and gap in GAPS):
        return gap
    if isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0:
        return gap
    names = ", ".join(repr(g) for g in GAPS)
    raise StreamlitAPIException(
        f"Invalid `gap` value. Supported values: {names}, None, a non-negative integer (pixels). Got {gap!r}."
    )


def _check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if isinstance(value, str) and value in choices:
        return value
    names = ", ".join(repr(c) for c in choices)
    raise StreamlitAPIException(f"Invalid `{name}` value. Supported values: {names}. Got {value!r}.")


def _check_bool(name: str, value: Any, *, optional: bool = False) -> bool | None:
    if isinstance(value, bool) or (optional and value is None):
        return value
    accepted = "True, False, None" if optional else "True, False"
    raise StreamlitAPIException(f"Invalid `{name}` value. Supported values: {accepted}. Got {value!r}.")


def columns(
    spec: int | Sequence[float],
    *,
    gap: str | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: int | str = "stretch",
    wrap: bool = True,
) -> list[DeltaGenerator]:
    """Lay out side-by-side columns; return one container per column.

    ``spec`` is the number of equal columns, or a list of relative widths.

    ``width`` is "stretch" or pixels; with ``wrap=False`` the columns stay side by side on narrow
    screens instead of stacking.

    Example::

        left, right = st.columns([2, 1])
        left.write("wide")
        right.button("narrow")
    """
    if isinstance(spec, (int, float)) and not isinstance(spec, bool):
        if int(spec) != spec or spec < 1:
            raise StreamlitAPIException(f"st.columns: {spec!r} is not a positive number of columns.")
        weights = [1.0] * int(spec)
    elif isinstance(spec, Sequence) and not isinstance(spec, str) and spec:
        if not all(isinstance(w, Real) and not isinstance(w, bool) and w > 0 for w in spec):
            raise StreamlitAPIException(
                f"st.columns: the column widths must all be positive numbers, got {list(spec)!r}."
            )
        weights = [float(w) for w in spec]
    else:
        raise StreamlitAPIException(
            f"st.columns takes a positive number of columns or a list of positive widths, not {spec!r}."
        )
    if vertical_alignment not in VERTICAL_ALIGNMENTS:
        raise StreamlitAPIException(
            f"st.columns: vertical_alignment is {vertical_alignment!r}; use 'top', 'center' or 'bottom'."
        )
    if width != "stretch" and not (isinstance(width, int) and not isinstance(width, bool) and width > 0):
        raise StreamlitAPIException(
            f"Invalid width value: {width!r}. Width must be either a positive integer (pixels) or 'stretch'."
        )
    row = emit_container(
        {
            "type": "columns",
            "gap": _check_gap("columns", gap),
            "vertical_alignment": vertical_alignment,
            "border": bool(border),
            "width": width,
            "wrap": bool(_check_bool("wrap", wrap)),
        }
    )
    total = sum(weights)
    with row:
        return [
            emit_container(
                {
                    "type": "column",
                    "weight": w / total,
                    "vertical_alignment": vertical_alignment,
                    "border": bool(border),
                }
            )
            for w in weights
        ]


def container(
    *,
    border: bool | None = None,
    key: str | int | None = None,
    width: int | str = "stretch",
    height: int | str = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: str | int | None = "small",
    autoscroll: bool | None = None,
) -> DeltaGenerator:
    """A container to group elements, optionally bordered or of fixed height (then it scrolls).

    ``horizontal=True`` lays its elements out in a row (``wrap=False``: one row that scrolls).
    ``horizontal_alignment`` ("left", "center", "right", "distribute") and ``vertical_alignment``
    ("top", "center", "bottom", "distribute") place them; ``gap`` is a size name or pixels.
    ``autoscroll`` keeps a fixed-height container scrolled to its newest content while the user
    is at its bottom (None: only when it holds chat messages).

    Example::

        with st.container(height=300, autoscroll=True):
            for line in log_lines:
                st.write(line)
    """
    if height in ("content", "stretch"):
        pixel_height = None
    elif isinstance(height, int) and not isinstance(height, bool) and height > 0:
        pixel_height = height
    else:
        raise StreamlitAPIException(
            f"st.container: height must be 'content' or a positive number of pixels, not {height!r}."
        )
    if wrap is False and not horizontal:
        raise StreamlitAPIException(
            "`wrap=False` and `horizontal=False` cannot be used together: a vertical container has no row of "
            "elements to keep on one line. Set `horizontal=True` to use `wrap=False`, or leave out `wrap`."
        )
    return emit_container(
        {
            "type": "container",
            "border": bool(border) if border is not None else pixel_height is not None,
            "height": pixel_height,
            "horizontal": bool(horizontal),
            "gap": _check_gap("container", gap),
            "key": None if key is None else str(key),
            "width": check_width("container", width),
            "wrap": bool(_check_bool("wrap", wrap)),
            "horizontal_alignment": _check_choice("horizontal_alignment", horizontal_alignment, HORIZONTAL_ALIGNMENTS),
            "vertical_alignment": _check_choice(
                "vertical_alignment", vertical_alignment, (*VERTICAL_ALIGNMENTS, "distribute")
            ),
            "autoscroll": _check_bool("autoscroll", autoscroll, optional=True),
        }
    )


def empty() -> DeltaGenerator:
    """A placeholder holding at most one element; writing to it replaces what it shows.

    Example::

        slot = st.empty()
        slot.text("Loading...")
        slot.text("Done")
    """
    return DeltaGenerator(emit({"type": "empty"}), slot=True)
