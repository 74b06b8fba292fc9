"""st.grid: elements written to it are cells; grid.cell() groups elements or spans tracks."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def test_cells_and_spans() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        g = st.grid(3, border=True, gap=("large", 12), row_height=120, dense=True, key="cards")
        g.metric("a", 1)
        with g.cell(column_span=2, row_span=2):
            st.write("wide")
            st.write("tall")
        g.cell(column_span="all").write("a row of its own")
        """
    ).run()
    (grid,) = at.grid
    assert grid.type == "grid_container" and grid.key == "cards"
    proto = grid.proto
    assert (proto["columns"], proto["row_gap"], proto["column_gap"], proto["row_height"]) == (3, "large", 12, 120)
    assert (proto["border"], proto["dense"], proto["min_column_width"]) == (True, True, None)
    metric, wide, full = grid.children.values()
    assert metric.type == "metric"
    assert (wide.type, wide.proto["column_span"], wide.proto["row_span"]) == ("flex_container", 2, 2)
    assert wide.markdown.values == ["wide", "tall"]
    assert full.proto["column_span"] == "all"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.grid(0)", "The `columns` parameter, set to 0, is outside the required range [1, 24]."),
        ("st.grid(25)", "set to 25, is outside the required range [1, 24]."),
        ("st.grid('auto', wrap=False)", '`columns="auto"` and `wrap=False` cannot be used together'),
        ("st.grid(min_column_width=0)", 'Invalid `min_column_width` value. Supported values: "auto", a positive'),
        ("st.grid(row_height=0)", 'Invalid `row_height` value. Supported values: "content", a positive integer.'),
        ("st.grid(gap=('small',))", "a 2-tuple or 2-list of (row_gap, column_gap). Got a sequence with 1 elements."),
        ("st.grid(gap=('small', 'big'))", "Invalid `gap` value."),
        ("st.grid(2).cell(column_span=3)", "`column_span` parameter, set to 3, is outside the required range [1, 2]."),
        ("st.grid(2).cell(row_span=0)", "Invalid `row_span` value. Supported values: a positive integer. Got 0."),
        ("st.grid(vertical_alignment='x')", "Invalid `vertical_alignment` value."),
    ],
)
def test_bad_arguments_raise_as_in_streamlit(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in at.exception[0].message
