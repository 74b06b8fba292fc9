"""AppTest names things as Streamlit 1.67's AppTest does, so tests written for Streamlit pass.

The expected names were read from Streamlit's own AppTest running the same small apps.
"""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string(source).run()


def test_node_classes_and_types_read_as_streamlits() -> None:
    at = run(
        """
        import datetime
        import streamlit as st
        st.title("T"); st.header("H"); st.subheader("S")
        st.caption("c"); st.text("t"); st.code("1"); st.latex("x")
        st.error("e"); st.warning("w"); st.info("i"); st.success("s")
        st.toggle("tog"); st.text_area("ta"); st.radio("r", ["a", "b"])
        st.datetime_input("when", datetime.datetime(2024, 1, 1, 10, 0))
        with st.expander("ex"):
            st.write("in")
        st.tabs(["a", "b"])
        st.columns(2)
        """
    )
    shown = [(type(node).__name__, node.type) for node in at.main.children.values()]
    assert shown == [
        ("Title", "title"),
        ("Header", "header"),
        ("Subheader", "subheader"),
        ("Caption", "caption"),
        ("Text", "text"),
        ("Code", "code"),
        ("Latex", "latex"),
        ("Error", "error"),
        ("Warning", "warning"),
        ("Info", "info"),
        ("Success", "success"),
        ("Toggle", "toggle"),
        ("TextArea", "text_area"),
        ("Radio", "radio"),
        ("DateTimeInput", "date_time_input"),
        ("Expander", "expander"),
        ("TabContainer", "tab_container"),
        ("FlexContainer", "flex_container"),
    ]
    assert [type(tab).__name__ for tab in at.tabs] == ["Tab", "Tab"]
    assert [type(column).__name__ for column in at.columns] == ["Column", "Column"]
    assert repr(at.datetime_input[0]).startswith("DateTimeInput(")


def test_datetime_input_is_a_date_time_input_under_both_names() -> None:
    at = run("import datetime\nimport streamlit as st\nst.datetime_input('when', datetime.datetime(2024, 1, 1))\n")
    assert len(at.datetime_input) == 1
    assert at.get("date_time_input") == at.get("datetime_input") == list(at.datetime_input)


def test_a_data_editor_is_a_dataframe_that_data_editor_also_lists() -> None:
    pytest.importorskip("pandas")
    at = run(
        """
        import pandas as pd
        import streamlit as st
        st.dataframe(pd.DataFrame({"a": [1]}))
        st.data_editor(pd.DataFrame({"a": [2]}))
        """
    )
    assert [node.type for node in at.dataframe] == ["dataframe", "dataframe"]
    assert len(at.data_editor) == 1 and at.data_editor[0] is at.dataframe[1]
    assert at.get("data_editor") == [at.dataframe[1]]


def test_a_map_is_a_deck_gl_json_chart() -> None:
    at = run("import streamlit as st\nst.map({'lat': [1.0], 'lon': [3.0]})\n")
    (chart,) = at.get("deck_gl_json_chart")
    assert repr(chart) == "UnknownElement()"


def test_the_typed_lists_are_listed_by_dir() -> None:
    names = dir(run("import streamlit as st\n"))
    assert {"button", "datetime_input", "data_editor", "form_submit_button", "pills", "tabs"} <= set(names)
