"""st.empty() where 1.67 shows it: nothing in the flow, a reserved (empty) cell in st.grid, and
a grid's cells boxed only when the grid has border=True (measured against 1.67)."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
st.write("before")
st.empty()
st.write("after")
with st.grid(3, border=True, key="boxed"):
    st.write("A")
    st.empty()
    st.write("C")
with st.grid(3, key="plain"):
    st.write("A")
    st.empty()
    st.write("C")
"""

CELLS = """(key) => Array.from(document.querySelectorAll(`.${key} > [data-testid=stGridCell]`), (c) => {
  const s = getComputedStyle(c);
  return [s.borderTopWidth, s.paddingTop, Math.round(c.getBoundingClientRect().height)]; })"""


def test_empty_takes_no_room_in_the_flow_and_a_cell_in_a_grid(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("after").wait_for()
        page.locator(".st-key-plain").wait_for()
        before = page.get_by_text("before").bounding_box()
        after = page.get_by_text("after").bounding_box()
        assert round(after["y"] - before["y"]) == 42  # one element and one gap, as in 1.67
        boxed = page.evaluate(CELLS, "st-key-boxed")
        assert [c[:2] for c in boxed] == [["1px", "16px"]] * 3
        plain = page.evaluate(CELLS, "st-key-plain")
        assert plain == [["0px", "0px", 26]] * 3  # the empty one keeps its place, unboxed
