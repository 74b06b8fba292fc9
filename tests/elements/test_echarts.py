from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable

import pytest

from tests.conftest import HeadlessApp, json_spec

App = Callable[[str], HeadlessApp]

BARS = """
import streamlit as st
bars = {
    "xAxis": {"type": "category", "data": ["A", "B", "C"]},
    "yAxis": {"type": "value"},
    "series": [{"type": "bar", "data": [5, 20, 36]}],
}
"""


def _error(app: App, code: str) -> str:
    a = app(BARS + code + "\n")
    message = a.error()
    assert a.of_type("exception")[0]["exc_type"] == "StreamlitAPIException"
    return message


def test_an_option_dict_is_sent_as_json_with_streamlits_defaults(app: App) -> None:
    a = app(BARS + "st.echarts_chart(bars, alt='  Three bars ')\n")
    (el,) = a.of_type("echarts_chart")
    assert json_spec(el) == {
        "xAxis": {"type": "category", "data": ["A", "B", "C"]},
        "yAxis": {"type": "value"},
        "series": [{"type": "bar", "data": [5, 20, 36]}],
    }
    assert (el["id"], el["url"], el["datasets"], el["theme"], el["renderer"]) == (None, None, [], "streamlit", "canvas")
    # An option has no size of its own: "stretch" wide and 350 pixels high, as Streamlit draws it.
    assert (el["width"], el["height"], el["alt"]) == ("stretch", 350, "Three bars")


def test_sizes_theme_and_renderer(app: App) -> None:
    a = app(
        BARS
        + "st.echarts_chart(bars, width='content', height='stretch', theme=None, renderer='svg', alt='  ')\n"
        + "st.echarts_chart(bars, width=320, height=200)\n"
    )
    first, second = a.of_type("echarts_chart")
    assert (first["width"], first["height"], first["theme"], first["renderer"], first["alt"]) == (
        700,
        "stretch",
        None,
        "svg",
        None,
    )
    assert (second["width"], second["height"]) == (320, 200)


def test_json_strings_and_pyecharts_charts(app: App) -> None:
    a = app(
        """
import json
import streamlit as st

class Chart:  # what st.echarts_chart reads from a pyecharts chart
    def __init__(self, width, height):
        self.width, self.height = width, height
    def dump_options(self):
        return json.dumps({"series": [{"type": "pie", "data": [1, 2]}]})

st.echarts_chart('{"series": [{"type": "line", "data": [1, 2, 3]}]}', width="content", height="content")
st.echarts_chart(Chart("900px", "500px"), width="content", height="content")
st.echarts_chart(Chart("640px", "100%"), width="content", height="content")
st.echarts_chart(Chart("100%", 420), width="content", height="content")
"""
    )
    text, default, sized, full = a.of_type("echarts_chart")
    assert json_spec(text) == {"series": [{"type": "line", "data": [1, 2, 3]}]}
    assert json_spec(default) == {"series": [{"type": "pie", "data": [1, 2]}]}
    # pyecharts' own default size does not count; a size its author chose does.
    assert [(e["width"], e["height"]) for e in (text, default, sized, full)] == [
        (700, 350),
        (700, 350),
        (640, "stretch"),
        ("stretch", 420),
    ]


def test_a_data_frame_source_travels_as_an_arrow_blob(app: App) -> None:
    import pyarrow as pa

    from slipstream.runtime.blobs import blob_store

    a = app(
        """
import pandas as pd
import streamlit as st
df = pd.DataFrame({"day": ["Mon", "Tue"], "sales": [120, 200]}, index=[7, 8])
option = {"dataset": {"source": df}, "xAxis": {"type": "category"}, "yAxis": {}, "series": [{"type": "bar"}]}
st.echarts_chart(option)
st.write(type(option["dataset"]["source"]).__name__)
"""
    )
    (el,) = a.of_type("echarts_chart")
    (dataset,) = el["datasets"]
    assert dataset["format"] == "arrow"
    assert json_spec(el)["dataset"] == {
        "source": {"name": dataset["name"]},
        "dimensions": ["day", "sales"],
        "sourceHeader": False,
    }
    blob = blob_store.get(dataset["url"].rsplit("/", 1)[1])
    assert blob is not None
    table = pa.ipc.open_stream(blob.data).read_all()
    assert table.to_pydict() == {"day": ["Mon", "Tue"], "sales": [120, 200]}  # the index is not sent
    assert a.texts() == ["DataFrame"]  # the script's option is left as it was
    a.run()
    assert [m["t"] for m in a.last_frame if m["t"] in ("el", "patch")] == []  # nothing resent


def test_large_options_go_to_the_blob_store(app: App) -> None:
    from slipstream.runtime.blobs import blob_store

    a = app(
        "import streamlit as st\n"
        "st.echarts_chart({'xAxis': {}, 'yAxis': {}, 'series': [{'type': 'scatter', "
        "'data': [[i, i % 7] for i in range(20000)]}]})\n"
    )
    (el,) = a.of_type("echarts_chart")
    assert el["spec"] is None and isinstance(el["url"], str)
    blob = blob_store.get(el["url"].rsplit("/", 1)[1])
    assert blob is not None and blob.mimetype == "application/json"
    assert len(json.loads(blob.data)["series"][0]["data"]) == 20000
    a.run()
    assert [m["t"] for m in a.last_frame if m["t"] in ("el", "patch")] == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("st.echarts_chart(42)", "spec is of type int; give an ECharts option as a dict, a JSON string or a pyecharts"),
        ("st.echarts_chart('{\"series\": [}')", "the spec is not valid JSON"),
        ("st.echarts_chart('[1, 2]')", "the spec's JSON is an array; an ECharts option is a JSON object"),
        ('st.echarts_chart(\'{"tooltip": {"formatter": function (p) { return p.name }}}\')', "holds JavaScript"),
        ('st.echarts_chart(\'{"tooltip": {"formatter": "--x_x--0_0--function(p) {}--x_x--0_0--"}}\')', "JsCode"),
        ("st.echarts_chart({'series': [{'type': 'custom'}]})", "`custom` series"),
        ("st.echarts_chart({'series': [{'type': 'scatter3D'}]})", "`scatter3D` series of the ECharts GL extension"),
        ("st.echarts_chart({'grid3D': {}, 'series': []})", "`grid3D` component"),
        ("st.echarts_chart({'series': [{'type': 'wordCloud'}]})", "needs the `echarts-wordcloud` extension"),
        ("st.echarts_chart({'series': [{'type': 'map', 'map': 'world'}]})", "map charts are not supported"),
        ("st.echarts_chart({'geo': {}, 'series': []})", "map charts are not supported"),
        ("st.echarts_chart({'series': [{'type': 'line', 'data': [1, float('nan')]}]})", "`series[0].data[1]` is `nan`"),
        ("import numpy as np\nst.echarts_chart({'series': [{'data': [np.int64(3)]}]})", "is a numpy.int64: convert"),
        ("import datetime\nst.echarts_chart({'xAxis': {'min': datetime.date(2024, 1, 1)}})", ".isoformat()"),
        ("st.echarts_chart({'tooltip': {'formatter': print}})", "string template"),
        ("st.echarts_chart(bars, theme='dark')", "theme is 'dark'"),
        ("st.echarts_chart(bars, renderer='webgl')", "renderer is 'webgl'"),
        ("st.echarts_chart(bars, on_select='always')", "on_select is 'always'"),
        ("st.echarts_chart(bars, width=0)", "width must be"),
        ("st.echarts_chart(bars, height='auto')", "height must be"),
        ("st.echarts_chart(bars, key=[1])", "key must be a string or an int"),
    ],
)
def test_bad_arguments_and_options_name_the_fix(app: App, code: str, expected: str) -> None:
    message = _error(app, code)
    assert expected in message
    if "key must" not in expected:
        assert message.startswith("st.echarts_chart: ")


def test_a_title_mentioning_functions_is_not_javascript(app: App) -> None:
    a = app('import streamlit as st\nst.echarts_chart(\'{"title": {"text": "function (x) => y"}}\')\n')
    assert json_spec(a.of_type("echarts_chart")[0]) == {"title": {"text": "function (x) => y"}}


def test_selection_is_a_widget_value_kept_under_its_key(app: App) -> None:
    a = app(
        BARS
        + """
bars["series"][0]["selectedMode"] = "multiple"
event = st.echarts_chart(bars, key="chart", on_select="rerun")
st.write(repr((event.selection.selected, event["selection"]["areas"], st.session_state.chart.selection.selected)))
"""
    )
    (el,) = a.of_type("echarts_chart")
    assert el["id"].endswith("echarts_chart-chart")
    assert a.texts() == ["([], [], [])"]
    group = {"series_index": 0, "series_id": None, "series_name": "Sales", "data_type": "main", "data_indices": [2, 0]}
    area = {"brush_index": 0, "brush_type": "rect", "coord_range": [[0, 2], [10.5, 20]]}
    a.run({el["id"]: json.dumps({"selection": {"selected": [group], "areas": [area]}})})
    assert a.texts() == [repr(([{**group, "data_indices": [0, 2]}], [area], [{**group, "data_indices": [0, 2]}]))]
    for bad in (
        "not json",
        42,
        json.dumps({"selection": {"selected": [{"series_index": -1, "data_indices": []}]}}),
        json.dumps({"selection": {"selected": [{"series_index": 0, "data_indices": ["x"]}]}}),
        json.dumps({"selection": {"selected": [{"series_index": 0, "data_type": "other", "data_indices": []}]}}),
        json.dumps({"selection": {"areas": [{"brush_index": 0, "brush_type": "circle", "coord_range": [1, 2]}]}}),
        json.dumps({"selection": {"areas": [{"brush_index": 0, "brush_type": "lineX", "coord_range": ["a"]}]}}),
    ):
        a.run({el["id"]: bad})  # rejected: the selection stays
        assert a.texts()[0].startswith("([{'series_index': 0")


def test_a_keyed_selection_survives_a_newjson_spec(app: App) -> None:
    source = """
import streamlit as st
n = st.session_state.setdefault("n", 1)
event = st.echarts_chart({"series": [{"type": "bar", "selectedMode": "single", "data": [1] * n}]},
                         key="c", on_select="rerun")
st.write(repr(event.selection.selected))
st.session_state.n = 2
"""
    a = app(source)
    wid = a.of_type("echarts_chart")[0]["id"]
    picked = {"series_index": 0, "series_id": None, "series_name": None, "data_type": "main", "data_indices": [0]}
    a.run({wid: json.dumps({"selection": {"selected": [picked], "areas": []}})})
    a.run()
    assert a.of_type("echarts_chart")[0]["id"] == wid
    assert a.texts() == [repr([picked])]


def test_selection_callback_runs_first_and_state_is_read_only(app: App) -> None:
    a = app(
        BARS
        + """
def picked():
    st.session_state.seen = [g["data_indices"] for g in st.session_state.c.selection.selected]
event = st.echarts_chart(bars, key="c", on_select=picked)
st.write(repr(st.session_state.get("seen")))
try:
    event.selection.selected = []
except TypeError:
    st.write("read-only")
"""
    )
    assert a.texts() == ["None", "read-only"]
    wid = a.of_type("echarts_chart")[0]["id"]
    group = {"series_index": 0, "series_id": "s", "series_name": None, "data_type": "main", "data_indices": [1]}
    a.run({wid: json.dumps({"selection": {"selected": [group], "areas": []}})})
    assert a.texts() == ["[[1]]", "read-only"]


def test_unkeyed_selection_charts_differ_byjson_spec(app: App) -> None:
    a = app(
        BARS
        + """
st.echarts_chart(bars, on_select="rerun")
st.echarts_chart({**bars, "title": {"text": "Other"}}, on_select="rerun")
"""
    )
    first, second = a.of_type("echarts_chart")
    assert first["id"] and second["id"] and first["id"] != second["id"]


def test_warnings_for_a_selection_nobody_can_make_and_an_unknown_value_format(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="slipstream"):
        app(BARS + "st.echarts_chart({**bars, 'tooltip': {'valueFormatter': '{value} €'}}, on_select='rerun')\n")
    messages = [r.getMessage() for r in caplog.records]
    assert any("enables no selection" in m for m in messages)
    assert any("'{value} €' is not a number format" in m for m in messages)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="slipstream"):
        app(
            BARS
            + "st.echarts_chart({**bars, 'brush': {}, 'tooltip': {'valueFormatter': '%.2f €'}}, on_select='rerun')\n"
            + "st.echarts_chart({**bars, 'series': [{'type': 'bar', 'tooltip': {'valueFormatter': 'dollar'}}]})\n"
        )
    assert not caplog.records


def test_app_test_reads_the_selection() -> None:
    from slipstream.testing import AppTest

    at = AppTest.from_string(
        BARS + 'bars["brush"] = {"xAxisIndex": "all"}\nst.echarts_chart(bars, key="b", on_select="rerun")\n'
    ).run()
    (chart,) = at.get("echarts_chart")
    assert chart.key == "b" and chart.value == {"selection": {"selected": [], "areas": []}}
    area = {"brush_index": 0, "brush_type": "lineX", "coord_range": [0.5, 1.5]}
    chart.set_value(json.dumps({"selection": {"selected": [], "areas": [area]}})).run()
    assert at.get("echarts_chart")[0].value.selection.areas == [area]


def test_import_slipstream_stays_light() -> None:
    code = "import sys, slipstream; slipstream.echarts_chart; assert 'pandas' not in sys.modules, 'pandas'"
    subprocess.run([sys.executable, "-c", code], check=True)
