"""A lazy grid in a real browser: 200,000 rows stay on the server; scrolling to the end fetches
the last rows, and sorting asks the server for sorted rows."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import pandas as pd, streamlit as st
n = 200_000
st.dataframe(pd.DataFrame({"n": range(n), "label": [f"row {i}" for i in range(n)]}), height=400)
st.text("drawn")
"""

_CELLS = "() => document.querySelector('[data-testid=grid-dataframe] canvas table')?.innerText ?? ''"


def test_a_lazy_grid_fetches_the_rows_scrolled_to_and_sorts_on_the_server(serve: ServeApp, page: Any) -> None:
    fetched: list[int] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda f: fetched.append(1) if '"t":"rows"' in str(f) else None))
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("drawn").wait_for()
        page.wait_for_function(f"() => ({_CELLS})().includes('row 3')")
        assert fetched == []  # the first rows came with the element

        # scroll to the very end: the browser asks for the last rows and draws them
        page.evaluate(
            "() => { const s = document.querySelector('[data-testid=grid-dataframe] .dvn-scroller');"
            " s.scrollTop = s.scrollHeight; }"
        )
        page.wait_for_function(f"() => ({_CELLS})().includes('row 199999')", timeout=15_000)
        assert fetched

        # sort by the index column, twice (descending): the server sorts all 200,000 rows
        page.evaluate(
            "() => { const s = document.querySelector('[data-testid=grid-dataframe] .dvn-scroller'); s.scrollTop = 0; }"
        )
        page.wait_for_function(f"() => ({_CELLS})().includes('row 3')")
        box = page.get_by_test_id("grid-dataframe").locator("canvas").first.bounding_box()
        assert box is not None
        for _ in range(2):
            page.mouse.click(box["x"] + 20, box["y"] + 17)
            page.wait_for_timeout(100)
        page.wait_for_function(
            f"() => {{ const t = ({_CELLS})(); return t.includes('row 199999') && !t.includes('row 3\\n'); }}",
            timeout=15_000,
        )
        text = page.evaluate(_CELLS)
        assert text.index("row 199999") < text.index("row 199998")
