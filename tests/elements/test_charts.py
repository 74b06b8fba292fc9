"""Vega-Lite charts: the built-in charts' specs and data, st.vega_lite_chart, st.altair_chart,
their selections, and what a rerun costs."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pytest

from slipstream.runtime.blobs import blob_store
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]

HEADER = """
import streamlit as st
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6], "c": ["x", "y", "x"]})
"""


def charts(a: HeadlessApp) -> list[dict[str, Any]]:
    return a.of_type("vega_lite_chart")


def spec_of(chart: dict[str, Any]) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(chart["spec"])
    return spec


def unit(spec: dict[str, Any]) -> dict[str, Any]:
    """The view that draws the data (a line chart's first layer)."""
    return spec["layer"][0] if "layer" in spec else spec


def rows(chart: dict[str, Any], index: int = 0) -> Any:
    dataset = chart["datasets"][index]
    blob = blob_store.get(dataset["url"].rpartition("/")[2])
    assert blob is not None
    if dataset["format"] == "json":
        return json.loads(blob.data)
    return pa.ipc.open_stream(blob.data).read_all().to_pandas()


def error(a: HeadlessApp) -> str:
    found = a.of_type("exception")
    assert found, "expected an error"
    message: str = found[0]["message"]
    return message


def test_line_chart_melts_wide_data_into_series(app: App) -> None:
    a = app(HEADER + "st.line_chart(df[['a', 'b']])")
    (chart,) = charts(a)
    assert chart["theme"] == "streamlit" and chart["width"] == "stretch" and chart["id"] is None
    spec = spec_of(chart)
    enc = unit(spec)["encoding"]
    assert unit(spec)["mark"]["type"] == "line"
    assert enc["x"]["field"] == "index -- streamlit-generated" and enc["x"]["type"] == "quantitative"
    assert enc["y"]["field"] == "value -- streamlit-generated" and enc["y"]["title"] == ""
    assert enc["color"]["field"] == "color -- streamlit-generated"
    assert spec["data"] == {"name": chart["datasets"][0]["name"]}
    assert spec["height"] == 350
    frame = rows(chart)
    assert list(frame.columns) == [
        "index -- streamlit-generated",
        "color -- streamlit-generated",
        "value -- streamlit-generated",
    ]
    assert frame["value -- streamlit-generated"].tolist() == [1, 2, 3, 4, 5, 6]
    assert frame["color -- streamlit-generated"].tolist() == ["a"] * 3 + ["b"] * 3


def test_x_y_labels_and_single_colour(app: App) -> None:
    a = app(HEADER + "st.line_chart(df, x='a', y='b', color='#ff0000', x_label='X', y_label='Y', width=300)")
    spec = spec_of(charts(a)[0])
    enc = unit(spec)["encoding"]
    assert (enc["x"]["field"], enc["x"]["title"], enc["y"]["field"], enc["y"]["title"]) == ("a", "X", "b", "Y")
    assert enc["color"] == {"value": "#ff0000"}
    assert spec["width"] == 300 and charts(a)[0]["width"] == 300
    assert list(rows(charts(a)[0]).columns) == ["a", "b"]


def test_a_list_of_colours_colours_each_y_column(app: App) -> None:
    a = app(HEADER + "st.area_chart(df, y=['a', 'b'], color=['#ff0000', (0, 0, 255)])")
    enc = unit(spec_of(charts(a)[0]))["encoding"]
    assert enc["color"]["scale"] == {"domain": ["a", "b"], "range": ["#ff0000", "rgb(0, 0, 255)"]}
    assert enc["y"]["stack"] is False and enc["opacity"] == {"value": 0.7}


def test_a_colour_column_groups_rows(app: App) -> None:
    a = app(HEADER + "st.scatter_chart(df, x='a', y='b', color='c', size='a')")
    spec = spec_of(charts(a)[0])
    assert spec["mark"]["type"] == "circle"
    assert spec["encoding"]["color"]["field"] == "c" and spec["encoding"]["color"]["type"] == "nominal"
    assert spec["encoding"]["size"]["field"] == "a"
    assert sorted(rows(charts(a)[0]).columns) == ["a", "b", "c"]


def test_bar_chart_horizontal_sort_and_stack(app: App) -> None:
    a = app(
        HEADER
        + """
st.bar_chart(df, x="c", y="a", horizontal=True, sort="-a", stack="normalize")
st.bar_chart(df, y=["a", "b"], stack=False)
st.bar_chart(df, y=["a", "b"], stack="layered", sort=False)
"""
    )
    first, second, third = (spec_of(c) for c in charts(a))
    assert first["encoding"]["y"]["field"] == "c" and first["encoding"]["y"]["type"] == "ordinal"
    assert first["encoding"]["y"]["sort"] == {"field": "a", "order": "descending"}
    assert first["encoding"]["x"]["stack"] == "normalize"
    assert second["encoding"]["xOffset"] == {"field": "color -- streamlit-generated"}
    assert second["encoding"]["y"]["stack"] is False
    assert third["encoding"]["y"]["stack"] is False and third["encoding"]["opacity"] == {"value": 0.7}
    assert third["encoding"]["x"]["sort"] is None


def test_dates_are_temporal(app: App) -> None:
    a = app(HEADER + "df['t'] = pd.date_range('2024-01-01', periods=3)\nst.area_chart(df, x='t', y='a', stack=True)")
    enc = spec_of(charts(a)[0])["encoding"]
    assert enc["x"]["type"] == "temporal" and enc["y"]["stack"] is True


@pytest.mark.parametrize(
    "data",
    [
        "[1, 5, 2]",
        "{'a': [1, 2], 'b': [3, 4]}",
        "np.arange(6).reshape(3, 2)",
        "pa.table({'a': [1, 2, 3]})",
        "pl.DataFrame({'a': [1, 2, 3]})",
        "pd.Series([1, 2, 3], name='s')",
        "None",
    ],
)
def test_every_kind_of_data(app: App, data: str) -> None:
    a = app(f"import streamlit as st, numpy as np, pandas as pd, pyarrow as pa, polars as pl\nst.line_chart({data})")
    assert not a.of_type("exception")
    (chart,) = charts(a)
    assert chart["datasets"][0]["format"] == "arrow"
    assert len(rows(chart)) == {"None": 0, "np.arange(6).reshape(3, 2)": 6, "{'a': [1, 2], 'b': [3, 4]}": 4}.get(
        data, len(rows(chart))
    )


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("st.line_chart(df, x='zz')", "column 'zz'"),
        ("st.line_chart(df, y=['a', 'zz'])", "column 'zz'"),
        ("st.line_chart(df, x=1)", "x must be a column name"),
        ("st.line_chart(df, y=['a', 'b'], color=['#ff0000'])", "one colour per y column"),
        ("st.line_chart(df, y='a', color=['red', 'blue'])", "one colour per y column"),
        ("st.line_chart(df, y='a', color='notacolor')", "does not look like a colour"),
        ("st.bar_chart(df, y='a', stack='bogus')", "stack is 'bogus'"),
        ("st.area_chart(df, y='a', stack='layered')", "stack is 'layered'"),
        ("st.bar_chart(df, x='c', y='a', sort='zz')", "column 'zz'"),
        ("st.scatter_chart(df, x='a', y='b', size='zz')", "size is 'zz'"),
        ("st.line_chart(df, width=-1)", "width must be"),
        ("st.line_chart(object())", "cannot show data"),
    ],
)
def test_basic_chart_errors(app: App, call: str, expected: str) -> None:
    a = app(HEADER + call)
    assert expected in error(a)
    assert not charts(a)


def test_every_chart_takes_a_stretched_height(app: App) -> None:
    a = app(
        HEADER
        + """
import altair as alt
for draw in (st.line_chart, st.area_chart, st.bar_chart, st.scatter_chart):
    draw(df, x="a", y="b", height="stretch")
st.vega_lite_chart(df, {"mark": "point"}, height="stretch")
st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b"), height="stretch")
"""
    )
    assert [chart["height"] for chart in charts(a)] == ["stretch"] * 6
    assert "height must be" in error(app(HEADER + "st.line_chart(df, height='fill')"))


def test_an_unchanged_chart_costs_nothing_and_no_serialisation(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    import slipstream.dataframes

    calls: list[int] = []
    real = slipstream.dataframes.to_arrow_ipc

    def counting(frame: Any, **kwargs: Any) -> bytes:
        calls.append(len(frame))
        return real(frame, **kwargs)

    monkeypatch.setattr(slipstream.dataframes, "to_arrow_ipc", counting)
    a = app(
        """
import streamlit as st, numpy as np, pandas as pd
df = pd.DataFrame(np.random.default_rng(1).standard_normal((20_000, 6)), columns=list("abcdef"))
st.line_chart(df.head(500))
"""
    )
    first = orjson_size(a.last_frame)
    assert first < 4096, "the data travels by blob, not in the element"
    assert calls == [3000]
    a.run()
    assert [m["t"] for m in a.last_frame] == ["run_start", "run_end"]  # nothing resent, nothing to confirm
    assert orjson_size(a.last_frame) < 200
    assert calls == [3000], "the same data is not serialised again"


def orjson_size(frame: list[dict[str, Any]]) -> int:
    return len(json.dumps(frame, separators=(",", ":")))


def test_vega_lite_chart_with_data_and_kwargs(app: App) -> None:
    a = app(
        HEADER
        + """
st.vega_lite_chart(df, {"mark": "bar"}, encoding={"x": {"field": "c", "type": "nominal"}}, theme=None)
st.vega_lite_chart({"mark": "point", "data": {"values": [{"a": 1}]}})
"""
    )
    first, second = charts(a)
    spec = spec_of(first)
    assert spec["mark"] == "bar" and spec["encoding"]["x"]["field"] == "c"
    assert spec["data"] == {"name": first["datasets"][0]["name"]} and first["theme"] is None
    assert spec["autosize"] == {"type": "fit", "contains": "padding"}
    assert rows(first)["a"].tolist() == [1, 2, 3]
    assert spec_of(second)["data"] == {"values": [{"a": 1}]} and second["datasets"] == []


def test_large_inline_rows_move_to_a_blob(app: App) -> None:
    a = app(
        """
import streamlit as st
values = [{"x": i, "y": i * i} for i in range(2000)]
st.vega_lite_chart({"mark": "point", "data": {"values": values}, "datasets": {"more": values}})
"""
    )
    (chart,) = charts(a)
    spec = spec_of(chart)
    assert "datasets" not in spec and "values" not in spec["data"]
    assert {d["format"] for d in chart["datasets"]} == {"json"}
    assert len(chart["spec"]) < 500
    assert rows(chart, 0)[1999] == {"x": 1999, "y": 1999 * 1999}


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("st.vega_lite_chart(df)", "needs a Vega-Lite spec"),
        ("st.vega_lite_chart(df, 'notadict')", "spec must be a dict"),
        ("st.vega_lite_chart(df, {'mark': 'point'}, theme='dark')", "theme is 'dark'"),
        ("st.vega_lite_chart(df, {'mark': 'point'}, on_select='bad')", "on_select is 'bad'"),
        ("st.vega_lite_chart(df, {'mark': 'point'}, on_select='rerun')", "defines no selection parameters"),
        (
            "st.vega_lite_chart(df, {'mark': 'point', 'params': [{'name': 'p', 'select': 'point'}]}, "
            "on_select='rerun', selection_mode='nope')",
            "'nope', which is not a selection parameter",
        ),
        ("st.vega_lite_chart(df, {'mark': 'point', 'x': object()})", "cannot be sent to the browser"),
        ("st.altair_chart({'mark': 'point'})", "expected an Altair chart"),
    ],
)
def test_vega_lite_chart_errors(app: App, call: str, expected: str) -> None:
    a = app(HEADER + call + "\nst.text('after')")
    assert expected in error(a)


SELECTABLE = (
    HEADER
    + """
spec = {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}},
        "params": [{"name": "pick", "select": "point"}, {"name": "brush", "select": "interval"}]}
def changed():
    st.session_state.calls = st.session_state.get("calls", 0) + 1
ev = st.vega_lite_chart(df, spec, on_select=changed, key="chart")
st.text(f"{ev.selection.pick!r} {ev['selection']['brush']!r} {st.session_state.chart.selection.brush!r}")
st.text(f"calls={st.session_state.get('calls', 0)}")
"""
)


def test_selections_come_back_in_streamlits_shape(app: App) -> None:
    a = app(SELECTABLE)
    (chart,) = charts(a)
    assert chart["id"] and chart["selection_mode"] == ["brush", "pick"]
    assert a.texts("text") == ["{} {} {}", "calls=0"]
    value = {"selection": {"pick": [{"a": 2}], "brush": {"a": [1, 2.5]}}}
    a.run({chart["id"]: json.dumps(value)})
    assert a.texts("text") == ["[{'a': 2}] {'a': [1, 2.5]} {'a': [1, 2.5]}", "calls=1"]
    # Malformed selections are refused; the value stays.
    a.run({chart["id"]: "not json"})
    a.run({chart["id"]: json.dumps({"selection": {"pick": 3}})})
    assert a.texts("text") == ["[{'a': 2}] {'a': [1, 2.5]} {'a': [1, 2.5]}", "calls=1"]


def test_selection_mode_limits_the_params(app: App) -> None:
    a = app(
        HEADER
        + """
spec = {"layer": [{"mark": "point", "params": [{"name": "pick", "select": "point"}]},
                  {"mark": "line", "params": [{"name": "brush", "select": "interval"}]}]}
ev = st.vega_lite_chart(df, spec, on_select="rerun", selection_mode=["pick"])
st.text(repr(ev))
"""
    )
    (chart,) = charts(a)
    assert chart["selection_mode"] == ["pick"]
    assert a.texts("text") == ["{'selection': {'pick': {}}}"]
    a.run({chart["id"]: json.dumps({"selection": {"pick": [{"a": 1}], "brush": {"a": [0, 1]}}})})
    assert a.texts("text") == ["{'selection': {'pick': [{'a': 1}]}}"]


def test_a_selection_cannot_be_set_through_session_state(app: App) -> None:
    a = app(SELECTABLE + "st.session_state.chart = {}")
    assert "chart" in error(a)


def test_altair_chart_data_travels_as_arrow(app: App) -> None:
    a = app(
        HEADER
        + """
import altair as alt
chart = alt.Chart(df).mark_point().encode(x="a", y="b", color="c").add_params(alt.selection_point(name="sel"))
ev = st.altair_chart(chart, on_select="rerun")
st.text(repr(ev))
"""
    )
    (chart,) = charts(a)
    spec = spec_of(chart)
    assert spec["data"] == {"name": chart["datasets"][0]["name"]}
    assert chart["datasets"][0]["format"] == "arrow" and rows(chart)["b"].tolist() == [4, 5, 6]
    assert chart["selection_mode"] == ["sel"]
    assert a.texts("text") == ["{'selection': {'sel': {}}}"]


def test_altair_missing_names_the_fix(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "altair", None)
    a = app("import streamlit as st\nst.altair_chart(object())\nst.text('after')")
    assert "pip install altair" in error(a)


def test_charts_do_not_load_at_import() -> None:
    import subprocess

    code = "import slipstream, sys; print(any(m in sys.modules for m in ('pandas', 'altair', 'pyarrow', 'numpy')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_several_y_columns_are_coloured_by_column_even_with_a_colour_column(app: App) -> None:
    a = app(HEADER + "st.line_chart(df, y=['a', 'b'], color='c')")
    enc = unit(spec_of(charts(a)[0]))["encoding"]
    assert enc["color"]["field"] == "color -- streamlit-generated"
    assert "c" not in rows(charts(a)[0]).columns
