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


def _check_gap(fn: str, gap: Any) -> str | None:
    if gap is None or gap in GAPS:
        return None if gap is None else str(gap)
    raise StreamlitAPIException(f"st.{fn}: gap is {gap!r}; valid values are {', '.join(GAPS)} or None.")


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
    row = emit_container(
        {
            "type": "columns",
            "gap": _check_gap("columns", gap),
            "vertical_alignment": vertical_alignment,
            "border": bool(border),
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
    gap: str | None = "small",
    autoscroll: bool | None = None,
) -> DeltaGenerator:
    """A container to group elements, optionally bordered or of fixed height (then it scrolls).

    Example::

        with st.container(border=True, height=200):
            st.write("inside")
    """
    if height in ("content", "stretch"):
        pixel_height = None
    elif isinstance(height, int) and not isinstance(height, bool) and height > 0:
        pixel_height = height
    else:
        raise StreamlitAPIException(
            f"st.container: height must be 'content' or a positive number of pixels, not {height!r}."
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
