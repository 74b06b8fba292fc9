"""The toolbar of charts and images in a real browser: hovering an element shows its Fullscreen
button, the element then fills the window (a chart is redrawn at that size), and Escape or the
button puts it back where and how big it was."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import ServeApp

VIEWPORT = {"width": 1200, "height": 900}
# Whether an element's drawing nearly fills the window (less the overlay's margins).
FILLS_WINDOW = "e => e.getBoundingClientRect().width > 1080 && e.getBoundingClientRect().height > 720"


def _box(locator: Any) -> dict[str, float]:
    box: dict[str, float] | None = locator.bounding_box()
    assert box is not None
    return box


def _wait_for_size(page: Any, drawing: Any, size: dict[str, float]) -> None:
    page.wait_for_function(
        "([e, w, h]) => Math.abs(e.getBoundingClientRect().width - w) < 2"
        " && Math.abs(e.getBoundingClientRect().height - h) < 2",
        arg=[drawing.element_handle(), size["width"], size["height"]],
    )


def _enter_fullscreen(page: Any, element: Any) -> Any:
    """Hovers `element`, checks its toolbar shows, clicks Fullscreen; returns the button."""
    toolbar = element.get_by_role("toolbar", name="Element tools")
    assert toolbar.evaluate("e => getComputedStyle(e).opacity") == "0"
    element.locator(".element-frame").hover()
    page.wait_for_function("e => getComputedStyle(e).opacity === '1'", arg=toolbar.element_handle())
    button = element.get_by_role("button", name="Fullscreen", exact=True)
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    return element.get_by_role("button", name="Close fullscreen")


CHART = """
import numpy as np
import pandas as pd
import streamlit as st

st.title("Charts")
df = pd.DataFrame(np.random.default_rng(0).standard_normal((30, 3)).cumsum(axis=0), columns=["a", "b", "c"])
st.line_chart(df)
st.line_chart(df, width=300, height=200)
st.text("done")
"""


@pytest.mark.parametrize("index", [0, 1], ids=["stretched", "fixed-size"])
def test_a_line_chart_fills_the_window_and_comes_back(serve: ServeApp, page: Any, index: int) -> None:
    with serve(CHART) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        chart = page.locator(".el-vega_lite_chart").nth(index)
        drawing = chart.locator("svg.marks")
        drawing.wait_for()
        before = _box(drawing)
        other = page.locator(".el-vega_lite_chart").nth(1 - index)
        other_y = _box(other)["y"]

        close = _enter_fullscreen(page, chart)
        assert close.get_attribute("aria-pressed") == "true"
        page.wait_for_function(FILLS_WINDOW, arg=drawing.element_handle())
        # The page behind keeps the chart's place: the chart below has not moved up into it.
        assert _box(other)["y"] == other_y

        page.keyboard.press("Escape")
        _wait_for_size(page, drawing, before)
        after = _box(drawing)
        assert abs(after["x"] - before["x"]) < 2 and abs(after["y"] - before["y"]) < 2
        assert chart.get_by_role("button", name="Fullscreen", exact=True).get_attribute("aria-pressed") == "false"


IMAGES = """
import numpy as np
import streamlit as st

ramp = np.zeros((60, 90, 3), dtype=np.uint8)
ramp[..., 0] = np.linspace(0, 255, 90)
st.image(ramp, width="stretch", caption="A ramp")
st.image([ramp, ramp, ramp], width=100)
st.text("done")
"""


def test_an_image_fills_the_window_and_comes_back(serve: ServeApp, page: Any) -> None:
    with serve(IMAGES) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        image = page.locator(".el-image").first
        picture = image.locator("img")
        page.wait_for_function("e => e.complete && e.naturalWidth > 0", arg=picture.element_handle())
        before = _box(picture)
        assert before["width"] < 0.7 * VIEWPORT["width"]

        close = _enter_fullscreen(page, image)
        # A stretched image takes the window's width, as much as its height lets it.
        page.wait_for_function("e => e.getBoundingClientRect().width > 1080", arg=picture.element_handle())
        box = _box(picture)
        assert box["height"] > 0.6 * VIEWPORT["height"]
        assert image.get_by_text("A ramp").is_visible()

        close.click()  # the button again
        _wait_for_size(page, picture, before)
        assert abs(_box(picture)["y"] - before["y"]) < 2

        # A row of images has one toolbar, and goes full screen as a whole.
        row = page.locator(".el-image").nth(1)
        assert row.get_by_role("toolbar", name="Element tools").count() == 1
        _enter_fullscreen(page, row)
        pictures = row.locator("img")
        assert pictures.count() == 3
        for i in range(3):
            assert _box(pictures.nth(i))["y"] < 100  # at the top of the window
        page.keyboard.press("Escape")
        row.get_by_role("button", name="Fullscreen", exact=True).wait_for()


OTHER_CHARTS = """
import pandas as pd
import plotly.express as px
import streamlit as st

st.plotly_chart(px.scatter(x=[1, 2, 3], y=[3, 1, 2]))
st.map(pd.DataFrame({"lat": [37.76, 37.77], "lon": [-122.4, -122.41]}))
st.graphviz_chart("digraph { a -> b }")
st.echarts_chart({
    "xAxis": {"type": "category", "data": ["A", "B"]},
    "yAxis": {},
    "series": [{"type": "bar", "data": [2, 5]}],
})
st.text("done")
"""


@pytest.mark.parametrize(
    ("element", "drawing"),
    [
        ("plotly_chart", "svg.main-svg"),
        ("deck_chart", "canvas"),
        ("graphviz_chart", ".graphviz-box > svg"),
        ("echarts_chart", "canvas"),
    ],
)
def test_other_charts_fill_the_window_and_come_back(serve: ServeApp, page: Any, element: str, drawing: str) -> None:
    with serve(OTHER_CHARTS) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        chart = page.locator(f".el-{element}")
        chart.scroll_into_view_if_needed()
        shown = chart.locator(drawing).first
        shown.wait_for()
        before = _box(shown)

        _enter_fullscreen(page, chart)
        page.wait_for_function(FILLS_WINDOW, arg=shown.element_handle())
        page.keyboard.press("Escape")
        _wait_for_size(page, shown, before)


def test_a_line_chart_has_its_tools_and_downloads_a_png(serve: ServeApp, page: Any) -> None:
    with serve(CHART) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        chart = page.locator(".el-vega_lite_chart").first
        chart.locator("svg.marks").wait_for()
        chart.locator(".element-frame").hover()
        labels = chart.get_by_role("toolbar", name="Element tools").get_by_role("button")
        assert [labels.nth(i).get_attribute("aria-label") for i in range(labels.count())] == [
            "Download as PNG",
            "Copy Vega-Lite spec",
            "Fullscreen",
        ]

        with page.expect_download() as download:
            chart.get_by_role("button", name="Download as PNG").click()
        assert download.value.suggested_filename == "chart.png"
        with open(download.value.path(), "rb") as png:
            assert png.read(8) == b"\x89PNG\r\n\x1a\n"

        # Vega-embed's own "..." menu is not shown: the toolbar has its buttons.
        assert page.locator(".vega-actions, .vega-embed details").count() == 0
