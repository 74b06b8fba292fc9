"""The data grid in a real browser: drawn, sortable, selectable and editable; metrics and tables."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import pandas as pd, streamlit as st
df = pd.DataFrame({"n": [3, 1, 2], "name": ["cherry", "apple", "banana"]})
ev = st.dataframe(df, hide_index=True, on_select="rerun", key="grid")
st.text(f"rows={ev.selection.rows}")
out = st.data_editor(pd.DataFrame({"v": [10, 20]}), hide_index=True, key="ed")
st.text(f"sum={int(out['v'].sum())}")
st.metric("Speed", 42, -3)
st.table(pd.DataFrame({"t": ["x"]}))
"""


def _visible_cells(page: Any, testid: str) -> str:
    return str(page.evaluate(f"() => document.querySelector('[data-testid={testid}] canvas table')?.innerText ?? ''"))


def test_grid_draws_sorts_selects_and_edits(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("rows=[]").wait_for()
        grid = page.get_by_test_id("grid-dataframe")
        canvas = grid.locator("canvas").first
        canvas.wait_for()
        box = canvas.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] >= 4 * 35
        page.wait_for_function(
            "() => document.querySelector('[data-testid=grid-dataframe] canvas table')?.innerText.includes('cherry')"
        )
        # drawn pixels: the canvas is not blank
        inked = page.evaluate(
            """() => { const c = document.querySelector('[data-testid=grid-dataframe] canvas');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++; return n; }"""
        )
        assert inked > 200
        assert _visible_cells(page, "grid-dataframe").index("cherry") < _visible_cells(page, "grid-dataframe").index(
            "apple"
        )

        # sort by clicking the header of "n" (the second column, after the row markers)
        page.mouse.click(box["x"] + 60, box["y"] + 17)  # on the "n" header, right of the row markers
        page.wait_for_function(
            "() => { const t = document.querySelector('[data-testid=grid-dataframe] canvas table')?.innerText ?? '';"
            " return t.indexOf('apple') < t.indexOf('banana') && t.indexOf('banana') < t.indexOf('cherry'); }"
        )

        # select the first shown row (apple, row 1 of the data) with its row marker
        page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)
        page.get_by_text("rows=[1]").wait_for()

        # edit a cell of the editor: 10 -> 15, the script sees the new sum
        page.get_by_text("sum=30").wait_for()
        editor = page.get_by_test_id("grid-data_editor").locator("canvas").first
        ebox = editor.bounding_box()
        assert ebox is not None
        page.mouse.dblclick(ebox["x"] + 30, ebox["y"] + 35 + 17)
        overlay = page.locator("#portal input")  # the overlay editor (its code loads on first use)
        overlay.fill("15")
        overlay.press("Enter")
        page.get_by_text("sum=35").wait_for()

        assert page.get_by_test_id("stMetric").inner_text().split() == ["Speed", "42", "-3"]
        assert page.locator("table.st-table td").inner_text() == "x"


BIG = """
import numpy as np, pandas as pd, streamlit as st
st.dataframe(pd.DataFrame({"v": np.arange(200_000) * 3}), key="big")
"""


def test_a_large_grid_draws_its_head_then_scrolls_to_its_last_row(serve: ServeApp, page: Any) -> None:
    with serve(BIG) as url:
        page.goto(url)
        page.wait_for_function(
            "() => document.querySelector('[data-testid=grid-dataframe] canvas table')?.innerText.includes('27')"
        )
        # the whole table arrives after the head; then the grid scrolls to its end and shows row 199,999
        page.wait_for_function(
            """() => { const s = document.querySelector('[data-testid=grid-dataframe] .dvn-scroller');
                s.scrollTop = s.scrollHeight;
                return document.getElementById('glide-cell-1-199999')?.innerText === '599997'; }""",
            polling=100,
        )


EDITORS = """
import datetime as dt
import pandas as pd, streamlit as st
df = pd.DataFrame({
    "size": ["S", "M"],
    "day": [dt.date(2026, 1, 2), dt.date(2026, 2, 3)],
    "tags": [["a"], ["b"]],
    "go": ["Run", "Run"],
    "notes": [["x"], []],
})
def clicked():
    st.session_state.log = f"callback row={st.session_state.click.row}"
out = st.data_editor(df, key="ed", hide_index=True, column_config={
    "size": st.column_config.SelectboxColumn("Size", options=["S", "M", "L"], help="Pick a **size**"),
    "day": st.column_config.DateColumn("Day"),
    "tags": st.column_config.MultiselectColumn("Tags", options=["a", "b", "c"]),
    "go": st.column_config.ButtonColumn("Go", on_click=clicked, key="click"),
    "notes": st.column_config.ListColumn("Notes"),
})
st.text(f"notes={[list(n) for n in out['notes']]}")
st.text(f"sizes={list(out['size'])} days={[str(d) for d in out['day']]} tags={[list(t) for t in out['tags']]}")
st.text(f"click={st.session_state.click} log={st.session_state.get('log')}")
"""


def test_editor_cells_have_pickers_and_button_columns_reach_the_script(serve: ServeApp, page: Any) -> None:
    with serve(EDITORS) as url:
        page.goto(url)
        page.get_by_text("sizes=['S', 'M']").wait_for()
        box = page.get_by_test_id("grid-data_editor").locator("canvas").first.bounding_box()
        x0, y0 = box["x"], box["y"]
        # The five columns share the grid's 734 pixels: Size, Day, Tags, Go, Notes (each from about
        # 0, 135, 283, 421 and 588)

        page.mouse.move(x0 + 30, y0 + 17)  # the Size header: its help shows, as Markdown
        assert page.locator(".grid-tooltip strong").inner_text() == "size"

        page.mouse.dblclick(x0 + 30, y0 + 35 + 17)  # Size, row 0: a list of the options
        page.get_by_role("option", name="L").click()
        page.get_by_text("sizes=['L', 'M']").wait_for()

        page.mouse.dblclick(x0 + 210, y0 + 2 * 35 + 17)  # Day, row 1: a date picker
        picker = page.get_by_label("Choose a date")
        picker.fill("2027-03-04")
        picker.press("Enter")
        page.get_by_text("days=['2026-01-02', '2027-03-04']").wait_for()

        page.mouse.dblclick(x0 + 350, y0 + 35 + 17)  # Tags, row 0: tick another option, click away
        page.get_by_role("checkbox", name="c").check()
        page.mouse.click(x0 + 600, y0 + 300)
        page.get_by_text("tags=[['a', 'c'], ['b']]").wait_for()

        page.mouse.click(x0 + 505, y0 + 2 * 35 + 17)  # the Run button of row 1
        page.get_by_text("click={'row': 1, 'label': 'Run'} log=callback row=1").wait_for()

        page.mouse.dblclick(x0 + 660, y0 + 35 + 17)  # Notes, row 0: add an item to the list
        added = page.get_by_label("Add an option")
        added.fill("y")
        added.press("Enter")
        page.mouse.click(x0 + 600, y0 + 300)
        page.get_by_text("notes=[['x', 'y'], []]").wait_for()
