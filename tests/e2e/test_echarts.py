"""ECharts in a real browser: a bar and a line chart draw on canvases of their element's size,
the library loads only when a chart is shown, and a click and a brush selection reach the script."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

CHARTS = """
import pandas as pd
import streamlit as st

if st.checkbox("Show"):
    st.echarts_chart({
        "xAxis": {"type": "category", "data": ["A", "B", "C", "D", "E"]},
        "yAxis": {"type": "value"},
        "series": [{"type": "bar", "data": [5, 20, 36, 10, 10]}],
    }, alt="Five bars")
    days = pd.DataFrame({"day": ["Mon", "Tue", "Wed", "Thu"], "visits": [3, 7, 4, 9]})
    st.echarts_chart({
        "dataset": {"source": days},
        "xAxis": {"type": "category"},
        "yAxis": {},
        "series": [{"type": "line"}],
    }, height=250, renderer="canvas")
st.text("ready")
"""

# Pixels of a canvas that are drawn on (not transparent).
DRAWN_PIXELS = """canvas => {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let drawn = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
  return drawn;
}"""


def _box(locator: Any) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return box  # type: ignore[no-any-return]


def test_bar_and_line_charts_draw_at_their_size_and_load_echarts_only_when_shown(serve: ServeApp, page: Any) -> None:
    with serve(CHARTS) as url:
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(url)
        page.get_by_text("ready").wait_for()
        page.wait_for_timeout(300)
        assert not [u for u in requested if "/echarts-" in u]

        page.get_by_text("Show").click()
        charts = page.locator(".el-echarts_chart")
        charts.nth(1).locator("canvas").wait_for()
        assert [u for u in requested if "/echarts-" in u]
        assert [u for u in requested if "/_slipstream/blob/" in u and u.endswith(".arrow")]
        for i, height in ((0, 350), (1, 250)):
            canvas = charts.nth(i).locator("canvas")
            box, column = _box(canvas), _box(charts.nth(i))
            assert abs(box["height"] - height) < 2, f"chart {i} is {box}"
            assert abs(box["width"] - column["width"]) < 2, f"chart {i} ({box}) does not fill {column}"
            page.wait_for_function(f"c => ({DRAWN_PIXELS})(c) > 2000", arg=canvas.element_handle())
        # ECharts names the chart for screen readers: alt when given, else a description of its data.
        assert charts.nth(0).locator("[aria-label='Five bars']").count() == 1
        assert "Mon" in (charts.nth(1).locator("[aria-label]").first.get_attribute("aria-label") or "")

        # A narrower window: the chart follows its column.
        page.set_viewport_size({"width": 500, "height": 900})
        page.wait_for_function(
            "() => document.querySelector('.el-echarts_chart canvas').getBoundingClientRect().width < 480"
        )
        assert abs(_box(charts.nth(0).locator("canvas"))["width"] - _box(charts.nth(0))["width"]) < 2


SELECTIONS = """
import streamlit as st

days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
bars = {
    "animation": False,
    "xAxis": {"type": "category", "data": days},
    "yAxis": {"type": "value"},
    "series": [{"type": "bar", "name": "Sales", "selectedMode": "multiple", "data": [120, 200, 150, 80, 70]}],
}
event = st.echarts_chart(bars, key="bars", on_select="rerun")
picked = [i for group in event.selection.selected for i in group["data_indices"]]
st.text(f"picked={picked} name={[g['series_name'] for g in event.selection.selected]}")
brushed = st.echarts_chart({
    **bars,
    "series": [{"type": "bar", "data": [120, 200, 150, 80, 70]}],
    "toolbox": {"left": 0, "top": 0, "feature": {"brush": {"type": ["lineX", "clear"]}}},
    "brush": {"xAxisIndex": "all"},
}, key="brush", on_select="rerun")
areas = [(a["brush_type"], [round(x) for x in a["coord_range"]]) for a in brushed.selection.areas]
st.text(f"brushed={[g['data_indices'] for g in brushed.selection.selected]} areas={areas}")
"""


def test_a_click_and_a_brush_selection_reach_the_script(serve: ServeApp, page: Any) -> None:
    with serve(SELECTIONS) as url:
        page.goto(url)
        page.get_by_text("picked=[] name=[]").wait_for()
        first, second = page.locator(".el-echarts_chart").all()
        canvas = first.locator("canvas")
        canvas.wait_for()
        box = _box(canvas)
        # Low in the plot, over the second and the fourth of five bars.
        page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.85)
        page.get_by_text("picked=[1] name=['Sales']").wait_for()
        page.mouse.click(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.85)
        page.get_by_text("picked=[1, 3] name=['Sales']").wait_for()
        # A double click clears the selection.
        page.mouse.dblclick(box["x"] + box["width"] * 0.5, box["y"] + 20)
        page.get_by_text("picked=[] name=[]").wait_for()

        canvas = second.locator("canvas")
        second.scroll_into_view_if_needed()
        box = _box(canvas)
        # The toolbox's first button (15-pixel icons after 15 pixels of padding): a brush along x.
        page.mouse.click(box["x"] + 22, box["y"] + 22)
        page.wait_for_timeout(200)  # the brush tool takes over the pointer
        y = box["y"] + box["height"] * 0.6
        # From the middle of the second bar to the middle of the third.
        page.mouse.move(box["x"] + box["width"] * 0.33, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.42, y, steps=5)
        page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
        page.mouse.up()
        text = page.get_by_text("brushed=[[")
        text.wait_for()
        assert text.inner_text() == "brushed=[[1, 2]] areas=[('lineX', [1, 2])]", text.inner_text()
        # The other chart's selection (none) is its own.
        page.get_by_text("picked=[] name=[]").wait_for()


STRETCHED = """
import streamlit as st

bars = {"xAxis": {"type": "category", "data": ["A", "B"]}, "yAxis": {}, "series": [{"type": "bar", "data": [2, 3]}]}
with st.container(height=400, border=False):
    st.echarts_chart(bars, height="stretch")
with st.container(height=400, border=False):
    st.echarts_chart(bars, height="stretch")
    st.echarts_chart(bars, height="stretch", renderer="svg")
st.echarts_chart(bars, height="stretch")
st.text("done")
"""


def test_a_stretched_chart_fills_its_containers_height(serve: ServeApp, page: Any) -> None:
    with serve(STRETCHED) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        boxes = page.locator(".el-echarts_chart .echarts-box")
        for i in range(4):
            boxes.nth(i).locator("canvas, svg").first.wait_for()
        heights = [_box(boxes.nth(i))["height"] for i in range(4)]
        assert abs(heights[0] - 400) < 5, heights
        assert abs(heights[1] - heights[2]) < 2 and 360 <= heights[1] + heights[2] <= 400, heights
        assert abs(heights[3] - 350) < 5, heights  # outside a block of fixed height: the default height
        # The drawing follows the box it is given.
        assert abs(_box(boxes.nth(0).locator("canvas"))["height"] - heights[0]) < 2
        assert abs(_box(boxes.nth(2).locator("svg").first)["height"] - heights[2]) < 2
