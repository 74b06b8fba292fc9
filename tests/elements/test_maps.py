from __future__ import annotations

import json
from collections.abc import Callable

from tests.conftest import HeadlessApp, json_spec

App = Callable[[str], HeadlessApp]


def _error(app: App, code: str) -> str:
    return app(f"import streamlit as st, pandas as pd, pydeck as pdk\n{code}\n").error()


def test_map_fits_the_points_and_draws_one_scatterplot_layer(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        st.map(pd.DataFrame({"LAT": [48.80, 48.90], "longitude": [2.30, 2.40], "other": ["a", "b"]}))
        """
    )
    (el,) = a.of_type("deck_chart")
    spec = json_spec(el)
    view = spec["initialViewState"]
    assert (round(view["latitude"], 6), round(view["longitude"], 6), view["zoom"]) == (48.85, 2.35, 11)
    (layer,) = spec["layers"]
    assert layer["@@type"] == "ScatterplotLayer"
    assert layer["data"] == [{"lon": 2.3, "lat": 48.8}, {"lon": 2.4, "lat": 48.9}]
    assert (layer["getRadius"], layer["getFillColor"]) == (100, "primary")
    assert (el["height"], el["width"], el["id"], el["url"]) == (500, "stretch", None, None)
    assert "mapStyle" not in spec


def test_map_size_and_color_from_columns_or_constants(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"y": [1.0, 1.001], "x": [3.0, 3.0], "s": [10, 20], "c": ["#f00", "#00ff0080"]})
        st.map(df, latitude="y", longitude="x", size="s", color="c", zoom=4, height=300)
        st.map(df, latitude="y", longitude="x", size=7.5, color=(0.0, 0.5, 1.0))
        """
    )
    columns, constants = (json_spec(el) for el in a.of_type("deck_chart"))
    (layer,) = columns["layers"]
    assert (layer["getRadius"], layer["getFillColor"], columns["initialViewState"]["zoom"]) == (
        "@@=size",
        "@@=color",
        4,
    )
    assert layer["data"][1] == {"lon": 3.0, "lat": 1.001, "size": 20, "color": [0, 255, 0, 128]}
    (layer,) = constants["layers"]
    assert (layer["getRadius"], layer["getFillColor"]) == (7.5, [0, 127, 255, 255])
    assert constants["initialViewState"]["zoom"] == 18
    one_point = app("import streamlit as st\nst.map({'lat': [1.0], 'lon': [3.0]})\n").of_type("deck_chart")[0]
    assert json_spec(one_point)["initialViewState"]["zoom"] == 12  # no extent to fit: the default zoom


def test_map_of_nothing_is_the_empty_map(app: App) -> None:
    a = app("import streamlit as st, pandas as pd\nst.map()\nst.map(pd.DataFrame({'lat': [], 'lon': []}))\n")
    assert [json_spec(el) for el in a.of_type("deck_chart")] == [
        {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
    ] * 2


def test_map_errors_name_the_problem(app: App) -> None:
    message = _error(app, "st.map(pd.DataFrame({'a': [1], 'lon': [2]}))")
    assert "needs a latitude column" in message and "'lat'" in message and "'a'" in message
    assert "'where' is not a column" in _error(app, "st.map(pd.DataFrame({'a': [1], 'lon': [2]}), latitude='where')")
    message = _error(app, "st.map(pd.DataFrame({'lat': [1, None], 'lon': [2, 3]}))")
    assert "'lat' contains empty values" in message and "dropna" in message
    assert "does not hold colours" in _error(
        app, "st.map(pd.DataFrame({'lat': [1], 'lon': [2], 'c': ['x']}), color='c')"
    )
    assert "color 'blue' is neither" in _error(app, "st.map(pd.DataFrame({'lat': [1], 'lon': [2]}), color='blue')")
    assert "width must be" in _error(app, "st.map(pd.DataFrame({'lat': [1], 'lon': [2]}), width='content')")


def test_map_accepts_other_data_shapes(app: App) -> None:
    a = app("import streamlit as st\nst.map({'lat': [10.0, 20.0], 'lon': [30.0, 40.0]})\n")
    assert json_spec(a.of_type("deck_chart")[0])["initialViewState"]["zoom"] == 5


def test_large_map_data_goes_to_the_blob_store_and_reruns_send_nothing(app: App) -> None:
    a = app(
        """
        import numpy as np, pandas as pd, streamlit as st
        rng = np.random.default_rng(0)
        st.map(pd.DataFrame({"lat": rng.uniform(40, 41, 5000), "lon": rng.uniform(2, 3, 5000)}))
        """
    )
    (el,) = a.of_type("deck_chart")
    assert el["spec"] is None and el["url"].endswith(".json")
    a.run()
    assert [m["t"] for m in a.last_frame if m["t"] in ("el", "patch")] == []


DECK = """
import pandas as pd, pydeck as pdk, streamlit as st
df = pd.DataFrame({"lat": [37.76, 37.78], "lon": [-122.40, -122.42], "n": [1, 2]})
layer = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]", get_radius=200, pickable=True)
deck = pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=37.77, longitude=-122.41, zoom=11),
                tooltip={"text": "n = {n}"})
"""


def test_pydeck_chart_sends_the_deck_without_base_map_and_with_stable_ids(app: App) -> None:
    a = app(DECK + "st.pydeck_chart(deck, height=400)\n")
    (el,) = a.of_type("deck_chart")
    spec = json_spec(el)
    assert "mapStyle" not in spec and "mapProvider" not in spec
    (layer,) = spec["layers"]
    assert layer["id"] == "layer-0" and layer["data"][1] == {"lat": 37.78, "lon": -122.42, "n": 2}
    assert json.loads(el["tooltip"]) == {"text": "n = {n}"}
    assert el["height"] == 400
    a.run()  # a new Deck with a new random layer id: still the same element
    assert [m["t"] for m in a.last_frame if m["t"] in ("el", "patch")] == []


def test_pydeck_selection(app: App) -> None:
    a = app(
        DECK
        + """
event = st.pydeck_chart(deck, key="d", on_select="rerun", selection_mode="multi-object")
st.write(repr((event.selection.indices, st.session_state.d["selection"]["objects"])))
"""
    )
    (el,) = a.of_type("deck_chart")
    assert el["selection_mode"] == "multi-object" and el["id"]
    assert a.texts() == ["({}, {})"]
    picked = {"selection": {"indices": {"layer-0": [1]}, "objects": {"layer-0": [{"n": 2}]}}}
    a.run({el["id"]: json.dumps(picked)})
    assert a.texts() == ["({'layer-0': [1]}, {'layer-0': [{'n': 2}]})"]
    a.run({el["id"]: json.dumps({"selection": {"indices": {"layer-0": "all"}}})})  # rejected
    assert a.texts() == ["({'layer-0': [1]}, {'layer-0': [{'n': 2}]})"]


def test_pydeck_errors(app: App) -> None:
    assert "cannot draw a dict" in _error(app, "st.pydeck_chart({'layers': []})")
    assert "selection_mode is 'all'" in _error(app, "st.pydeck_chart(None, on_select='rerun', selection_mode='all')")
    assert "one string" in _error(app, "st.pydeck_chart(None, on_select='rerun', selection_mode=['single-object'])")
    empty = app("import streamlit as st\nst.pydeck_chart()\n").of_type("deck_chart")[0]
    assert json_spec(empty) == {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}


def test_map_color_from_a_column_of_rgba_lists(app: App) -> None:
    # As in Streamlit 1.67: lists of 0-255 ints kept, of 0-1 floats scaled, with or without alpha.
    a = app(
        """
        import pandas as pd, streamlit as st
        base = {"lat": [1.0, 2.0], "lon": [3.0, 4.0]}
        st.map(pd.DataFrame({**base, "c": [[255, 0, 0, 128], [0, 255, 0, 255]]}), color="c")
        st.map(pd.DataFrame({**base, "c": [[1.0, 0.0, 0.0, 0.5], [0.0, 1.0, 0.0, 1.0]]}), color="c")
        st.map(pd.DataFrame({**base, "c": [(255, 0, 0), (0, 255, 0)]}), color="c")
        """
    )
    colors = [[row["color"] for row in json_spec(el)["layers"][0]["data"]] for el in a.of_type("deck_chart")]
    assert colors == [
        [[255, 0, 0, 128], [0, 255, 0, 255]],
        [[255, 0, 0, 127], [0, 255, 0, 255]],
        [[255, 0, 0, 255], [0, 255, 0, 255]],
    ]
