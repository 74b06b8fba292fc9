"""st.container's alignment, wrap, gap and autoscroll, and st.columns' width and wrap."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def test_container_and_columns_carry_their_layout() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.container(horizontal=True, wrap=False, horizontal_alignment="distribute", vertical_alignment="center")
        st.container(height=200, autoscroll=True, gap=20)
        st.columns(2, width=300, wrap=False)
        """
    ).run()
    row, log, columns = (node.proto for node in at.main.children.values())
    assert (row["wrap"], row["horizontal_alignment"], row["vertical_alignment"]) == (False, "distribute", "center")
    assert (log["autoscroll"], log["gap"], log["horizontal_alignment"]) == (True, 20, "left")
    assert (columns["width"], columns["wrap"]) == (300, False)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.container(wrap=False)", "`wrap=False` and `horizontal=False` cannot be used together"),
        ("st.container(horizontal_alignment='middle')", "Invalid `horizontal_alignment` value. Supported values: "),
        ("st.container(vertical_alignment='middle')", "'top', 'center', 'bottom', 'distribute'. Got 'middle'."),
        ("st.container(autoscroll='yes')", "Invalid `autoscroll` value."),
        ("st.container(gap=-1)", "None, a non-negative integer (pixels). Got -1."),
        ("st.columns(2, width='content')", "Invalid width value: 'content'. Width must be either a positive integer"),
        ("st.columns(2, width=0)", "Invalid width value: 0."),
    ],
)
def test_bad_layout_values_raise(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in at.exception[0].message
