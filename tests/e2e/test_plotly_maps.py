"""Plotly, deck.gl maps and Graphviz in a real browser: each draws something of its size, with
no request leaving 127.0.0.1 (no map tiles, no WebAssembly download); a plotly box selection
reaches the script."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import ServeApp

SHOTS = Path(os.environ.get("SLIPSTREAM_SHOTS", "")) if os.environ.get("SLIPSTREAM_SHOTS") else None


@pytest.fixture
def local_page(page: Any) -> Iterator[tuple[Any, list[str]]]:
    """The page, with every request to another host refused and recorded."""
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if urlparse(url).hostname in ("127.0.0.1", None) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", guard)
    yield page, outside


def _shot(page: Any, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _box(locator: Any) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return box  # type: ignore[no-any-return]


def test_plotly_chart_draws_and_a_box_selection_reaches_the_script(
    serve: ServeApp, local_page: tuple[Any, list[str]]
) -> None:
    page, outside = local_page
    app = """
import plotly.graph_objects as go
import streamlit as st
fig = go.Figure(go.Scatter(x=[1, 2, 3, 4, 5], y=[1, 3, 2, 5, 4], mode="markers", marker={"size": 14}))
fig.update_layout(title={"text": "Five points"})
event = st.plotly_chart(fig, key="chart", on_select="rerun", selection_mode="box")
st.text(f"selected={list(event.selection.point_indices)} boxes={len(event.selection.box)}")
st.plotly_chart({"data": [{"type": "bar", "x": ["a", "b"], "y": [3, 1]}]}, theme=None, height=300)
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("selected=[] boxes=0").wait_for()
        first = page.locator(".el-plotly_chart").first
        first.locator(".main-svg").first.wait_for()
        page.locator(".el-plotly_chart").nth(1).locator(".main-svg").first.wait_for()
        points = first.locator(".scatterlayer .point")
        assert points.count() == 5
        outer = _box(first)
        assert outer["width"] > 600 and 440 <= outer["height"] <= 470
        assert 290 <= _box(page.locator(".el-plotly_chart").nth(1))["height"] <= 320
        _shot(page, "plotly")

        # Drag a box around the 2nd and 3rd points (x 2..3): plotly's select mode is on.
        p2, p3 = _box(points.nth(1)), _box(points.nth(2))
        top = min(p2["y"], p3["y"]) - 12
        bottom = max(p2["y"], p3["y"]) + p2["height"] + 12
        page.mouse.move(p2["x"] - 12, top)
        page.mouse.down()
        page.mouse.move((p2["x"] + p3["x"]) / 2, (top + bottom) / 2, steps=5)
        page.mouse.move(p3["x"] + p3["width"] + 12, bottom, steps=5)
        page.mouse.up()
        page.get_by_text("selected=[1, 2] boxes=1").wait_for()
        _shot(page, "plotly-selected")
    assert outside == []


COUNT_COLOURS = """(canvas) => {
                const copy = document.createElement("canvas");
                copy.width = canvas.width; copy.height = canvas.height;
                const ctx = copy.getContext("2d");
                ctx.drawImage(canvas, 0, 0);
                const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
                const seen = new Set();
                for (let i = 0; i < data.length; i += 4 * 97) seen.add(data.slice(i, i + 4).join());
                return seen.size;
            }"""


def test_map_and_pydeck_draw_layers_without_any_tile_request(
    serve: ServeApp, local_page: tuple[Any, list[str]]
) -> None:
    page, outside = local_page
    app = """
import pandas as pd, pydeck as pdk, streamlit as st
df = pd.DataFrame({"lat": [48.80, 48.85, 48.90], "lon": [2.30, 2.35, 2.40]})
st.map(df, size=800, height=520)
layer = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]", get_radius=900,
                  get_fill_color=[0, 100, 220], pickable=True)
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=48.85, longitude=2.35, zoom=10)))
st.text("done")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        canvases = page.locator(".el-deck_chart canvas")
        canvases.nth(1).wait_for()
        assert 515 <= _box(canvases.nth(0))["height"] <= 525
        assert 495 <= _box(canvases.nth(1))["height"] <= 505
        page.wait_for_timeout(500)
        _shot(page, "maps")
        # The layers are drawn: each canvas holds pixels of more than one colour.
        for index in (0, 1):
            colours = page.evaluate(COUNT_COLOURS, canvases.nth(index).element_handle())
            assert colours > 1
        assert page.locator(".chart-error").count() == 0
    assert outside == []


# Pixels where one channel (0 red, 1 green, 2 blue) beats both others by 40: a layer's colour
# survives deck.gl's lighting, the grey background does not.
COUNT_PIXELS_LED_BY = """([canvas, channel]) => {
                const copy = document.createElement("canvas");
                copy.width = canvas.width; copy.height = canvas.height;
                const ctx = copy.getContext("2d");
                ctx.drawImage(canvas, 0, 0);
                const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
                let count = 0;
                for (let i = 0; i < data.length; i += 4) {
                    const lead = data[i + channel];
                    if ([0, 1, 2].every((k) => k === channel || lead - data[i + k] >= 40)) count++;
                }
                return count;
            }"""


def test_aggregation_and_geo_layers_draw_offline(serve: ServeApp, local_page: tuple[Any, list[str]]) -> None:
    page, outside = local_page
    app = """
import numpy as np, pandas as pd, pydeck as pdk, streamlit as st
rng = np.random.default_rng(7)
points = pd.DataFrame({"lat": 48.85 + rng.normal(0, 0.02, 500), "lon": 2.35 + rng.normal(0, 0.03, 500)})
view = pdk.ViewState(latitude=48.85, longitude=2.35, zoom=10)
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("HexagonLayer", data=points, get_position="[lon, lat]", radius=900,
    color_range=[[20, 120, 220], [20, 120, 220]])], initial_view_state=view), height=300)
cells = ["871fb4671ffffff", "871fb4670ffffff", "871fb4673ffffff", "871fb4646ffffff", "871fb4644ffffff"]
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("H3HexagonLayer", data=pd.DataFrame({"hex": cells}), get_hexagon="hex",
    get_fill_color=[0, 160, 80], stroked=False)], initial_view_state=view), height=300)
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("HeatmapLayer", data=points, get_position="[lon, lat]")],
    initial_view_state=view), height=300)
st.text("done")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("done").wait_for()
        canvases = page.locator(".el-deck_chart canvas")
        canvases.nth(2).wait_for()
        page.wait_for_timeout(1000)
        _shot(page, "deck-aggregation-geo")
        # Each layer's colour covers a good part of its canvas: the blue bins, the green cells.
        for index, channel in ((0, 2), (1, 1)):
            pixels = page.evaluate(COUNT_PIXELS_LED_BY, [canvases.nth(index).element_handle(), channel])
            assert pixels > 2000, f"chart {index}: only {pixels} pixels led by channel {channel}"
        assert page.evaluate(COUNT_COLOURS, canvases.nth(2).element_handle()) > 10  # a heatmap's gradient
        assert page.get_by_text("cannot draw").count() == 0
        assert page.locator(".chart-error").count() == 0
    assert outside == []


def test_graphviz_chart_draws_offline(serve: ServeApp, local_page: tuple[Any, list[str]]) -> None:
    page, outside = local_page
    app = """
import graphviz, streamlit as st
st.graphviz_chart("digraph { rankdir=LR; idea -> prototype -> product }")
g = graphviz.Digraph()
g.edge("run", "sleep")
st.graphviz_chart(g, width="stretch")
st.graphviz_chart("digraph { a -> }")
"""
    with serve(app) as url:
        page.goto(url)
        svgs = page.locator(".el-graphviz_chart svg")
        svgs.nth(1).wait_for()
        assert page.locator(".el-graphviz_chart svg text", has_text="prototype").count() == 1
        first = _box(svgs.nth(0))
        assert first["width"] > 200 and first["height"] > 20
        assert _box(svgs.nth(1))["width"] > 600  # stretched
        page.get_by_text("The graph could not be drawn").wait_for()
        _shot(page, "graphviz")
    assert outside == []


def test_a_clicked_plotly_point_and_a_clicked_deck_object_reach_the_script(
    serve: ServeApp, local_page: tuple[Any, list[str]]
) -> None:
    page, outside = local_page
    app = """
import pandas as pd, plotly.graph_objects as go, pydeck as pdk, streamlit as st
fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers", marker={"size": 16}))
event = st.plotly_chart(fig, key="p", on_select="rerun", selection_mode="points", height=300)
st.text(f"plotly={list(event.selection.point_indices)}")
df = pd.DataFrame({"lat": [48.80, 48.85, 48.90], "lon": [2.30, 2.35, 2.40], "name": ["a", "b", "c"]})
layer = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]", get_radius=900, pickable=True, id="pts")
view = pdk.ViewState(latitude=48.85, longitude=2.35, zoom=10)
picked = st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view), on_select="rerun", key="deck", height=400)
st.text(f"deck={dict(picked.selection.indices)} {dict(picked.selection.objects)}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("deck={} {}").wait_for()
        point = page.locator(".el-plotly_chart .scatterlayer .point").nth(1)
        point.wait_for()
        box = _box(point)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.get_by_text("plotly=[1]").wait_for()

        canvas = _box(page.locator(".el-deck_chart canvas"))
        page.mouse.click(canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2)
        page.get_by_text("deck={'pts': [1]} {'pts': [{'lat': 48.85, 'lon': 2.35, 'name': 'b'}]}").wait_for()
    assert outside == []


def test_a_large_figure_is_fetched_as_a_blob_and_drawn(serve: ServeApp, local_page: tuple[Any, list[str]]) -> None:
    page, outside = local_page
    app = """
import plotly.graph_objects as go, streamlit as st
st.plotly_chart(go.Figure(go.Scattergl(x=list(range(20000)), y=[i % 97 for i in range(20000)], mode="markers")))
"""
    blobs: list[str] = []
    page.on("request", lambda request: blobs.append(request.url) if "/_slipstream/blob/" in request.url else None)
    with serve(app) as url:
        page.goto(url)
        # 20,000 points: the first WebGL draw is slow on a busy software-rendered machine.
        page.locator(".el-plotly_chart .main-svg").first.wait_for(timeout=30_000)
        assert page.locator(".el-plotly_chart .chart-error").count() == 0
        assert any(b.endswith(".json") for b in blobs)
        assert _box(page.locator(".el-plotly_chart"))["height"] > 400
    assert outside == []
