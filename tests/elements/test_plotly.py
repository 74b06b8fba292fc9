from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import pytest

from tests.conftest import HeadlessApp, json_spec

App = Callable[[str], HeadlessApp]

SCATTER = """
import plotly.graph_objects as go
import streamlit as st
fig = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[10, 11, 12, 13], mode="markers"))
"""


def _error(app: App, code: str) -> str:
    return app(f"import streamlit as st\n{code}\n").error()


def test_figure_is_sent_as_plotly_json_with_the_app_theme(app: App) -> None:
    a = app(SCATTER + "st.plotly_chart(fig, config={'scrollZoom': False})\n")
    (el,) = a.of_type("plotly_chart")
    spec = json_spec(el)
    assert spec["data"] == [{"x": [1, 2, 3, 4], "y": [10, 11, 12, 13], "mode": "markers", "type": "scatter"}]
    assert "template" not in spec["layout"]  # type: ignore[operator]  # plotly's default look is replaced
    assert (el["theme"], el["id"], el["url"], el["width"], el["height"]) == ("streamlit", None, None, "stretch", 450)
    assert json.loads(el["config"]) == {"scrollZoom": False}


def test_theme_none_and_an_explicit_template_keep_plotly_templates(app: App) -> None:
    a = app(
        SCATTER
        + "st.plotly_chart(fig, theme=None)\n"
        + "dark = go.Figure(layout={'template': 'plotly_dark', 'height': 300, 'width': 500})\n"
        + "st.plotly_chart(dark, width='content')\n"
    )
    plain, dark = a.of_type("plotly_chart")
    assert plain["theme"] is None and "template" in json_spec(plain)["layout"]  # type: ignore[operator]
    assert json_spec(dark)["layout"]["template"]["layout"]["paper_bgcolor"] == "rgb(17,17,17)"  # type: ignore[index]
    assert (dark["width"], dark["height"]) == (500, 300)


def test_plotly_express_colours_become_the_themes(app: App) -> None:
    # px copies the default template's colours into its traces; with the Streamlit theme they
    # become placeholders the browser paints in the theme's palette, as on Streamlit 1.67
    code = (
        "import pandas as pd, plotly.express as px, streamlit as st\n"
        "df = pd.DataFrame({'x': [1, 2, 1, 2], 'y': [3, 4, 5, 6], 'g': ['a', 'a', 'b', 'b']})\n"
        "st.plotly_chart(px.line(df, x='x', y='y', color='g'))\n"
        "st.plotly_chart(px.line(df, x='x', y='y', color='g'), theme=None)\n"
        "st.plotly_chart(px.scatter(df, x='x', y='y', color='y'))\n"
        "st.plotly_chart(px.line(df, x='x', y='y', color='g', color_discrete_sequence=['red', 'blue']))\n"
    )
    themed, plain, continuous, chosen = (json_spec(el) for el in app(code).of_type("plotly_chart"))
    assert [t["line"]["color"] for t in themed["data"]] == ["#000001", "#000002"]  # type: ignore[index]
    assert [t["line"]["color"] for t in plain["data"]] == ["#636efa", "#EF553B"]  # type: ignore[index]
    assert "colorscale" not in continuous["layout"]["coloraxis"]  # type: ignore[index,operator]
    assert [t["line"]["color"] for t in chosen["data"]] == ["red", "blue"]  # type: ignore[index]


def test_dicts_and_lists_of_traces(app: App) -> None:
    a = app(
        "import streamlit as st\n"
        "st.plotly_chart({'data': [{'type': 'bar', 'y': [1, 2]}], 'layout': {'title': {'text': 'T'}}}, height=200)\n"
        "st.plotly_chart([{'type': 'bar', 'y': [3]}], use_container_width=False)\n"
    )
    first, second = a.of_type("plotly_chart")
    assert json_spec(first)["data"] == [{"type": "bar", "y": [1, 2]}]
    assert first["height"] == 200 and second["width"] == 700


def test_rerun_of_an_unchanged_chart_sends_nothing(app: App) -> None:
    a = app(SCATTER + "st.plotly_chart(fig)\n")
    a.run()
    assert [m["t"] for m in a.last_frame if m["t"] in ("el", "patch")] == []


def test_large_figures_go_to_the_blob_store(app: App) -> None:
    from slipstream.runtime.blobs import blob_store

    a = app(
        "import plotly.graph_objects as go, streamlit as st\n"
        "st.plotly_chart(go.Figure(go.Scatter(x=list(range(20000)), y=[i % 7 for i in range(20000)])))\n"
    )
    (el,) = a.of_type("plotly_chart")
    assert el["spec"] is None and isinstance(el["url"], str)
    blob = blob_store.get(el["url"].rsplit("/", 1)[1])
    assert blob is not None and blob.mimetype == "application/json"
    assert len(json.loads(blob.data)["data"][0]["x"]) == 20000
    a.run()
    assert [m["t"] for m in a.last_frame if m["t"] in ("el", "patch")] == []


def test_selection_is_a_widget_value_kept_under_its_key(app: App) -> None:
    a = app(
        SCATTER
        + """
event = st.plotly_chart(fig, key="chart", on_select="rerun", selection_mode=("box", "points"))
st.write(repr((event.selection.point_indices, event["selection"]["box"], st.session_state.chart.selection.points)))
"""
    )
    (el,) = a.of_type("plotly_chart")
    assert el["selection_mode"] == ["points", "box"]
    assert a.texts() == ["([], [], [])"]
    selection = {
        "selection": {
            "points": [{"curve_number": 0, "point_index": 1, "x": 2, "y": 11}],
            "point_indices": [1],
            "box": [{"type": "box", "xref": "x", "yref": "y", "x": [1.5, 2.5], "y": [10.5, 11.5]}],
            "lasso": [],
        }
    }
    a.run({el["id"]: json.dumps(selection)})
    assert a.texts() == [
        "([1], [{'type': 'box', 'xref': 'x', 'yref': 'y', 'x': [1.5, 2.5], 'y': [10.5, 11.5]}], "
        "[{'curve_number': 0, 'point_index': 1, 'x': 2, 'y': 11}])"
    ]
    for bad in ("not json", json.dumps({"selection": {"point_indices": ["x"]}}), 42):
        a.run({el["id"]: bad})  # rejected: the selection stays
        assert a.texts()[0].startswith("([1],")


def test_selection_callback_runs_first_and_state_is_read_only(app: App) -> None:
    a = app(
        SCATTER
        + """
def picked():
    st.session_state.seen = list(st.session_state.c.selection.point_indices)
event = st.plotly_chart(fig, key="c", on_select=picked)
st.write(repr(st.session_state.get("seen")))
try:
    event.selection.points = []
except TypeError as exc:
    st.write("read-only")
"""
    )
    assert a.texts() == ["None", "read-only"]
    wid = a.of_type("plotly_chart")[0]["id"]
    a.run({wid: json.dumps({"selection": {"points": [], "point_indices": [3, 2], "box": [], "lasso": []}})})
    assert a.texts() == ["[3, 2]", "read-only"]


def test_bad_arguments_and_figures_name_the_fix(app: App) -> None:
    assert "theme is 'dark'" in _error(app, SCATTER + "st.plotly_chart(fig, theme='dark')")
    assert "on_select is 'always'" in _error(app, SCATTER + "st.plotly_chart(fig, on_select='always')")
    assert "selection_mode 'circle'" in _error(app, SCATTER + "st.plotly_chart(fig, selection_mode='circle')")
    assert "height must be" in _error(app, SCATTER + "st.plotly_chart(fig, height=-3)")
    message = _error(app, "st.plotly_chart({'data': [{'type': 'nonsense'}]})")
    assert "cannot draw this dict" in message and "nonsense" in message
    assert "cannot draw this int" in _error(app, "st.plotly_chart(42)")


def test_missing_plotly_names_the_install_command(app: App) -> None:
    message = _error(
        app,
        "import sys\nsys.modules['plotly'] = None\nst.plotly_chart({'data': []})",
    )
    assert "pip install plotly" in message


@pytest.mark.parametrize("module", ["plotly", "pydeck", "graphviz", "pandas", "numpy"])
def test_import_slipstream_imports_no_chart_library(module: str) -> None:
    code = f"import sys, slipstream; slipstream.plotly_chart; slipstream.map; assert {module!r} not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
