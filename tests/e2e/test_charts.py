"""Vega-Lite charts in a real browser: every chart type draws, fills its column, and a selection
made with the mouse comes back to the script."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

GALLERY = """
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

rng = np.random.default_rng(0)
df = pd.DataFrame(rng.standard_normal((30, 3)).cumsum(axis=0), columns=["a", "b", "c"])
fruit = pd.DataFrame({"fruit": ["apple", "pear", "fig"], "sold": [12, 7, 9], "kept": [3, 4, 2]})
st.line_chart(df)
st.area_chart(df.abs(), stack=True)
st.bar_chart(fruit, x="fruit", y=["sold", "kept"], horizontal=True)
st.scatter_chart(df, x="a", y="b", size="c", color="#ff8700")
st.vega_lite_chart(fruit, {"mark": "arc", "encoding": {"theta": {"field": "sold", "type": "quantitative"},
                                                       "color": {"field": "fruit", "type": "nominal"}}})
st.altair_chart(alt.Chart(df).mark_bar().encode(x=alt.X("a", bin=True), y="count()"), theme=None)
st.text("done")
"""


def test_every_chart_type_draws_and_fills_its_column(serve: ServeApp, page: Any) -> None:
    with serve(GALLERY) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        charts = page.locator(".el-vega_lite_chart")
        assert charts.count() == 6
        for i in range(6):
            svg = charts.nth(i).locator("svg.marks")
            svg.wait_for()
            box = svg.bounding_box()
            column = charts.nth(i).bounding_box()
            assert box["height"] > 150, f"chart {i} is {box}"
            assert box["width"] > 0.9 * column["width"], f"chart {i} ({box}) does not fill {column}"
            assert charts.nth(i).locator("[role=graphics-symbol], path.mark-rect, path.mark-area").count() > 0
        # The built-in charts are 350 pixels high unless told otherwise.
        assert abs(charts.nth(0).locator("svg.marks").bounding_box()["height"] - 350) < 20
        # No vega-embed menu: as in Streamlit, the chart's toolbar downloads and copies it.
        assert charts.nth(0).locator("details summary").count() == 0

        # A narrower window: the charts follow their column's width.
        wide = charts.nth(0).locator("svg.marks").bounding_box()["width"]
        page.set_viewport_size({"width": 500, "height": 900})
        page.wait_for_function(
            "w => document.querySelector('.el-vega_lite_chart svg.marks').getBoundingClientRect().width < w - 100",
            arg=wide,
        )
        column = charts.nth(0).bounding_box()["width"]
        assert abs(charts.nth(0).locator("svg.marks").bounding_box()["width"] - column) < 0.1 * column


def test_charts_load_their_code_only_when_shown(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
if st.checkbox("Show"):
    st.bar_chart({"n": [3, 1, 2]})
st.text("ready")
"""
    with serve(app) as url:
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(url)
        page.get_by_text("ready").wait_for()
        page.wait_for_timeout(300)
        assert not [u for u in requested if "vegaLite" in u]
        page.get_by_text("Show").click()
        page.locator(".el-vega_lite_chart svg.marks").wait_for()
        assert [u for u in requested if "vegaLite" in u]
        assert [u for u in requested if "/_slipstream/blob/" in u and u.endswith(".arrow")]


SELECTIONS = """
import pandas as pd
import streamlit as st

df = pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [5, 3, 4, 1, 2]})
spec = {
    "mark": {"type": "point", "filled": True, "size": 200},
    "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}},
    "params": [{"name": "pick", "select": {"type": "point", "fields": ["a", "b"]}}],
}
ev = st.vega_lite_chart(df, spec, on_select="rerun", key="points")
st.text(f"pick={ev.selection.pick}")
brush = {**spec, "params": [{"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}]}
ev2 = st.vega_lite_chart(df, brush, on_select="rerun", key="brush")
lo, hi = ev2.selection.brush.get("a", [0, 0])
st.text(f"brush={round(lo)}..{round(hi)} state={st.session_state.brush.selection.brush != {}}")
"""


def test_a_point_and_an_interval_selection_reach_the_script(serve: ServeApp, page: Any) -> None:
    with serve(SELECTIONS) as url:
        page.goto(url)
        page.get_by_text("pick={}").wait_for()
        first, second = page.locator(".el-vega_lite_chart").all()
        points = first.locator("path[role=graphics-symbol]")
        points.first.wait_for()
        points.nth(2).click(force=True)
        page.get_by_text("pick=[{'a': 3, 'b': 4}]").wait_for()

        plot = second.locator("svg.marks")
        plot.wait_for()
        second.scroll_into_view_if_needed()
        box = plot.bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] * 0.2, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
        page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=5)
        page.mouse.up()
        text = page.get_by_text("state=True")
        text.wait_for()
        lo, hi = text.inner_text().split()[0].removeprefix("brush=").split("..")
        assert 1 <= int(lo) < int(hi) <= 5
        # The other chart's selection is still there: each chart keeps its own.
        page.get_by_text("pick=[{'a': 3, 'b': 4}]").wait_for()


STRETCHED = """
import altair as alt
import pandas as pd
import streamlit as st

df = pd.DataFrame({"a": [1, 2, 3, 4], "b": [3, 1, 4, 2]})
spec = {"mark": "line", "encoding": {"x": {"field": "a", "type": "quantitative"},
                                     "y": {"field": "b", "type": "quantitative"}}}
more = st.checkbox("More text")
with st.container(height=400, border=False):
    if more:
        st.markdown("one\\n\\ntwo\\n\\nthree")
    st.vega_lite_chart(df, spec, height="stretch")
with st.container(height=400, border=False):
    st.line_chart(df, height="stretch")
    st.bar_chart(df, height="stretch")
st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b"), height="stretch")
st.text("done")
"""


def test_a_stretched_chart_fills_its_containers_height(serve: ServeApp, page: Any) -> None:
    with serve(STRETCHED) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        charts = page.locator(".el-vega_lite_chart")
        for i in range(4):
            charts.nth(i).locator("svg.marks").wait_for()

        def height(i: int) -> float:
            box: dict[str, float] = charts.nth(i).locator("svg.marks").bounding_box()
            return box["height"]

        assert abs(height(0) - 400) < 5
        line, bar = height(1), height(2)
        assert abs(line - bar) < 2 and 360 <= line + bar <= 400  # two stretched charts share theirs
        assert abs(height(3) - 350) < 5  # outside a container of fixed height: the default height

        # Text appears above it: the chart shrinks to what is left and ends where its container does.
        page.get_by_text("More text").click()
        page.get_by_text("three").wait_for()
        page.wait_for_function(
            "() => document.querySelector('.el-vega_lite_chart svg.marks').getBoundingClientRect().height < 300"
        )
        container = page.locator(".block.scroll").first.bounding_box()
        chart = charts.nth(0).locator("svg.marks").bounding_box()
        assert abs(chart["y"] + chart["height"] - (container["y"] + container["height"])) < 5
