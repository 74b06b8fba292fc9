from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def _error(app: App, call: str) -> str:
    return app(f"import datetime, streamlit as st\n{call}\n").error()


def test_text_area(app: App) -> None:
    a = app("import streamlit as st\nst.write(repr(st.text_area('T', 'hi', height=120, max_chars=20)))\n")
    assert a.texts() == ["'hi'"]
    assert (a.widget("T")["height"], a.widget("T")["max_chars"]) == (120, 20)
    a.set("T", "line1\nline2")
    assert a.texts() == ["'line1\\nline2'"]
    a.set("T", "x" * 21)  # too long: rejected
    assert a.texts() == ["'line1\\nline2'"]
    assert "at least 68 pixels" in _error(app, "st.text_area('T', height=10)")


def test_multiselect(app: App) -> None:
    a = app(
        """
        import streamlit as st
        v = st.multiselect("M", ["a", "b", "c"], default=["b"], max_selections=2)
        n = st.multiselect("N", ["x"], accept_new_options=True)
        st.write(repr((v, n)))
        """
    )
    assert a.texts() == ["(['b'], [])"]
    assert a.widget("M")["value"] == [1]
    a.set("M", [2, 0])
    assert a.texts() == ["(['c', 'a'], [])"]
    a.set("M", [0, 1, 2])  # more than max_selections: rejected
    assert a.texts() == ["(['c', 'a'], [])"]
    a.set("N", [0, "new"])
    assert a.texts() == ["(['c', 'a'], ['x', 'new'])"]
    assert a.widget("N")["value"] == [0, "new"]
    assert "'z' is not part of the options" in _error(app, "st.multiselect('M', ['a'], default=['z'])")
    too_many = _error(app, "st.multiselect('M', ['a', 'b'], default=['a', 'b'], max_selections=1)")
    assert "`max_selections` is set to 1" in too_many


def test_select_slider(app: App) -> None:
    a = app(
        """
        import streamlit as st
        s = st.select_slider("S", ["S", "M", "L"], value="M")
        r = st.select_slider("R", range(10), value=(2, 7))
        st.write(repr((s, r)))
        """
    )
    assert a.texts() == ["('M', (2, 7))"]
    assert a.widget("R")["value"] == [2, 7]
    a.set("S", [2])
    a.set("R", [8, 1])
    assert a.texts() == ["('L', (1, 8))"]
    a.set("S", [5])
    assert a.texts() == ["('L', (1, 8))"]
    assert "not one of the options" in _error(app, "st.select_slider('S', ['a'], value='b')")


def test_pills_segmented_control_and_feedback(app: App) -> None:
    a = app(
        """
        import streamlit as st
        p = st.pills("P", ["x", "y", "z"])
        m = st.segmented_control("M", ["a", "b"], selection_mode="multi", default=["b"])
        f = st.feedback("stars")
        st.write(repr((p, m, f)))
        """
    )
    assert a.texts() == ["(None, ['b'], None)"]
    assert a.widget("M")["style"] == "segmented" and a.widget("M")["multi"] is True
    a.set("P", [1])
    a.set("M", [0, 1])
    stars = next(e for e in a.of_type("button_group") if e["style"] == "stars")
    a.run({stars["id"]: [4]})
    assert a.texts() == ["('y', ['a', 'b'], 4)"]
    a.set("P", [0, 1])  # single mode takes one: rejected
    assert a.texts() == ["('y', ['a', 'b'], 4)"]
    assert "'thumbs', 'faces' or 'stars'" in _error(app, "st.feedback('hearts')")


def test_color_picker(app: App) -> None:
    a = app("import streamlit as st\nst.write(st.color_picker('C', '#F00'))\n")
    assert a.texts() == ["#F00"]
    assert a.widget("C")["value"] == "#ff0000"
    a.set("C", "#00FF00")
    assert a.texts() == ["#00ff00"]
    a.set("C", "green")
    assert a.texts() == ["#00ff00"]
    assert "not a hex colour" in _error(app, "st.color_picker('C', 'red')")


def test_date_input_single_and_range(app: App) -> None:
    a = app(
        """
        import datetime, streamlit as st
        d = st.date_input("D", datetime.date(2024, 7, 1), format="DD.MM.YYYY")
        r = st.date_input("R", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 31)))
        n = st.date_input("N", None)
        st.write(repr((d, r, n)))
        """
    )
    assert a.texts() == [repr((dt.date(2024, 7, 1), (dt.date(2024, 1, 1), dt.date(2024, 1, 31)), None))]
    assert a.widget("D")["min"] == "2014-07-01" and a.widget("D")["format"] == "DD.MM.YYYY"
    a.set("D", ["2024-07-04"])
    a.set("R", ["2024-02-10"])
    assert a.texts() == [repr((dt.date(2024, 7, 4), (dt.date(2024, 2, 10),), None))]
    a.set("D", ["1900-01-01"])  # out of range: rejected
    a.set("N", ["not-a-date"])
    assert a.texts() == [repr((dt.date(2024, 7, 4), (dt.date(2024, 2, 10),), None))]
    assert "format" in _error(app, "st.date_input('D', format='YY/MM')")
    assert "outside" in _error(
        app, "st.date_input('D', datetime.date(2020, 1, 1), min_value=datetime.date(2021, 1, 1))"
    )


def test_time_and_datetime_input(app: App) -> None:
    a = app(
        """
        import datetime, streamlit as st
        t = st.time_input("T", datetime.time(7, 30), step=60)
        d = st.datetime_input("D", datetime.datetime(2024, 7, 1, 9, 0))
        st.write(repr((t, d)))
        """
    )
    assert a.texts() == [repr((dt.time(7, 30), dt.datetime(2024, 7, 1, 9, 0)))]
    assert (a.widget("T")["value"], a.widget("T")["step"]) == ("07:30", 60)
    a.set("T", "18:05")
    a.set("D", "2024-07-02T10:15")
    assert a.texts() == [repr((dt.time(18, 5), dt.datetime(2024, 7, 2, 10, 15)))]
    a.set("T", "25:99x")
    assert a.texts() == [repr((dt.time(18, 5), dt.datetime(2024, 7, 2, 10, 15)))]
    assert "between 60 seconds and 23 hours" in _error(app, "st.time_input('T', step=5)")


def test_link_and_download_buttons(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.link_button("Docs", "https://example.com", type="primary")
        if st.download_button("Get CSV", "a,b\\n1,2\\n", file_name="data.csv"):
            st.write("downloaded")
        st.download_button("Quiet", b"\\x00\\x01", file_name="x.bin", on_click="ignore")
        """
    )
    (link,) = a.of_type("link_button")
    assert (link["url"], link["kind"]) == ("https://example.com", "primary")
    csv, quiet = a.of_type("download_button")
    assert csv["url"].startswith("_slipstream/blob/") and csv["url"].endswith(".csv")
    assert (csv["file_name"], csv["rerun"], quiet["rerun"]) == ("data.csv", True, False)
    from slipstream.runtime.blobs import blob_store

    blob = blob_store.get(csv["url"].rsplit("/", 1)[1])
    assert blob is not None and blob.data == b"a,b\n1,2\n" and blob.mimetype == "text/csv"
    a.click("Get CSV")
    assert a.texts() == ["downloaded"]
    assert "cannot download a" in _error(app, "st.download_button('x', 5)")


def test_button_groups_keep_their_options_in_session_state(app: App) -> None:
    a = app(
        """
        import streamlit as st
        if "size" not in st.session_state:
            st.session_state.size = "L"
        st.pills("Size", ["S", "M", "L"], key="size")
        st.segmented_control("Tags", ["x", "y", "z"], selection_mode="multi", default=["y"], key="tags")
        st.feedback("stars", key="stars")
        st.write(repr((st.session_state.size, st.session_state.tags, st.session_state.stars)))
        """
    )
    assert a.texts() == ["('L', ['y'], None)"]
    assert a.widget("Size")["value"] == [2]
    a.set("Tags", [2, 0])
    assert a.texts() == ["('L', ['x', 'z'], None)"]
    a.run({a.of_type("button_group")[2]["id"]: [3]})
    assert a.texts() == ["('L', ['x', 'z'], 3)"]
