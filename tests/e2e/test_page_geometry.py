"""In a real browser: the main column and the sidebar measure what Streamlit 1.67's measure, at a
few window widths, centered and wide (figures read from 1.67's page for the same app)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
{config}
st.title("Geometry")
left, right = st.columns(2)
left.write("left")
right.write("right")
st.sidebar.write("side")
"""

BOX = """(sel) => { const e = document.querySelector(sel); const r = e.getBoundingClientRect();
  return [Math.round(r.x), Math.round(r.width)]; }"""


def _box(page: Any, testid: str) -> list[int]:
    return list(page.evaluate(BOX, f'[data-testid="{testid}"]'))


# width -> (heading x, heading width, column width) in 1.67
CENTERED = {1280: (438, 704, 344), 900: (316, 568, 276), 500: (16, 468, 468)}
WIDE = {1280: (380, 820, 402), 900: (380, 440, 212), 500: (16, 468, 468)}


@pytest.mark.parametrize("layout", ["centered", "wide"])
def test_main_column_and_sidebar_measure_as_1_67(page: Any, serve: ServeApp, layout: str) -> None:
    config = 'st.set_page_config(layout="wide")' if layout == "wide" else ""
    expected = WIDE if layout == "wide" else CENTERED
    with serve(APP.format(config=config)) as url:
        for width, (x, content, column) in expected.items():
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            page.get_by_text("right").wait_for()
            heading = page.evaluate(BOX, '[data-testid="stHeading"]')
            assert heading == [x, content], width
            assert _box(page, "stColumn")[1] == column, width
            # the block container's padding is inside its width, as in 1.67
            assert page.eval_on_selector(
                '[data-testid="stMainBlockContainer"]', "(e) => getComputedStyle(e).paddingTop"
            ) == "96px"
            if width > 768:
                assert _box(page, "stSidebar") == [0, 300]
                assert _box(page, "stSidebarUserContent") == [30, 240]
                bottom = page.eval_on_selector(
                    '[data-testid="stSidebarUserContent"]', "(e) => getComputedStyle(e).paddingBottom"
                )
                assert bottom == "96px"
            else:  # collapsed by default on a narrow window
                assert page.locator('[data-testid="stSidebar"]').is_hidden()
