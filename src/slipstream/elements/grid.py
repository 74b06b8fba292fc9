"""st.grid: a responsive grid of cells, for cards, metric walls, galleries and dashboard panels.

Each element written to the grid is a cell; ``grid.cell()`` groups several elements in one cell
or makes a cell span more columns or rows. Cells reflow to fewer columns as the page narrows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit, emit_container
from slipstream.elements._args import check_block_height, check_width
from slipstream.elements.layout import _check_gap
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.outbox import Path
from slipstream.runtime.widgets import Key, user_key

MAX_COLUMNS = 24


def _positive(name: str, value: Any, word: str) -> int | None:
    """A positive number of pixels, or None for ``word`` ("auto", "content")."""
    if isinstance(value, str) and value == word:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise StreamlitAPIException(
        f'Invalid `{name}` value. Supported values: "{word}", a positive integer. Got {value!r}.'
    )


def _out_of_range(name: str, value: Any, high: int) -> StreamlitAPIException:
    return StreamlitAPIException(f"The `{name}` parameter, set to {value}, is outside the required range [1, {high}].")


class GridContainer(DeltaGenerator):
    """The container st.grid returns: every element written to it is a cell."""

    __slots__ = ("_columns",)

    def __init__(self, path: Path, *, columns: int | None) -> None:
        super().__init__(path)
        self._columns = columns

    def cell(self, *, column_span: int | str = 1, row_span: int = 1) -> DeltaGenerator:
        """The next cell, holding what is written to it; ``column_span`` (a number, or "all" for
        a row of its own) and ``row_span`` make it cover more tracks.

        Example::

            with grid.cell(column_span="all"):
                st.markdown("**Featured**")
        """
        if not (isinstance(column_span, str) and column_span == "all"):
            if not isinstance(column_span, int) or isinstance(column_span, bool) or column_span < 1:
                raise StreamlitAPIException(
                    f'Invalid `column_span` value. Supported values: a positive integer, "all". Got {column_span!r}.'
                )
            if self._columns is not None and column_span > self._columns:
                raise _out_of_range("column_span", column_span, self._columns)
        if not isinstance(row_span, int) or isinstance(row_span, bool) or row_span < 1:
            raise StreamlitAPIException(
                f"Invalid `row_span` value. Supported values: a positive integer. Got {row_span!r}."
            )
        with self:
            return emit_container({"type": "grid_cell", "column_span": column_span, "row_span": row_span})


def _gaps(gap: Any) -> tuple[str | int | None, str | int | None]:
    if isinstance(gap, (tuple, list)):
        if len(gap) != 2:
            raise StreamlitAPIException(
                "Invalid `gap` value. Supported values: a gap size, a 2-tuple or 2-list of (row_gap, column_gap). "
                f"Got a sequence with {len(gap)} elements."
            )
        return _check_gap("grid", gap[0]), _check_gap("grid", gap[1])
    one = _check_gap("grid", gap)
    return one, one


def grid(
    columns: int | str = "auto",
    *,
    min_column_width: int | str = "auto",
    wrap: bool = True,
    gap: str | int | Sequence[str | int | None] | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    row_height: int | str = "content",
    width: int | str = "stretch",
    height: int | str = "content",
    key: Key = None,
    dense: bool = False,
) -> GridContainer:
    """A grid whose cells are the elements written to it, reflowing with the page's width.

    ``columns`` is the most columns ("auto": as many as fit ``min_column_width``, about 200 px by
    default); with ``wrap=False`` that count stays and the grid scrolls sideways. ``gap`` is one
    size or ``(row_gap, column_gap)``. ``row_height`` in pixels makes every row that tall (cells
    scroll). ``dense`` lets later cells fill holes left by spanning ones.

    Example::

        cards = st.grid(3, border=True)
        for name, value in figures.items():
            cards.metric(name, value)
    """
    count: int | None = None
    if not (isinstance(columns, str) and columns == "auto"):
        if not isinstance(columns, int) or isinstance(columns, bool):
            raise StreamlitAPIException(
                f'Invalid `columns` value. Supported values: "auto", an integer. Got {columns!r}.'
            )
        if not 1 <= columns <= MAX_COLUMNS:
            raise _out_of_range("columns", columns, MAX_COLUMNS)
        count = columns
    if not isinstance(wrap, bool):
        raise StreamlitAPIException(f"Invalid `wrap` value. Supported values: True, False. Got {wrap!r}.")
    if count is None and not wrap:
        raise StreamlitAPIException(
            '`columns="auto"` and `wrap=False` cannot be used together: `wrap=False` keeps a declared column '
            "count. Pass an integer, such as `st.grid(3, wrap=False)`."
        )
    if vertical_alignment not in ("top", "center", "bottom"):
        raise StreamlitAPIException(
            "Invalid `vertical_alignment` value. Supported values: 'top', 'center', 'bottom'. "
            f"Got {vertical_alignment!r}."
        )
    row_gap, column_gap = _gaps(gap)
    if width != "stretch":
        check_width("grid", width, allow_content=False)
    path = emit(
        {
            "type": "grid",
            "columns": count,
            "min_column_width": _positive("min_column_width", min_column_width, "auto"),
            "wrap": wrap,
            "row_gap": row_gap,
            "column_gap": column_gap,
            "vertical_alignment": vertical_alignment,
            "border": bool(border),
            "row_height": _positive("row_height", row_height, "content"),
            "width": width,
            "height": check_block_height(height),
            "key": user_key(key),
            "dense": bool(dense),
        }
    )
    return GridContainer(path, columns=count)
