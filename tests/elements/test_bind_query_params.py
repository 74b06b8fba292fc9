"""bind="query-params": widget values in the URL, as Streamlit 1.67 writes them, through AppTest
(whose query_params is the URL the browser shows)."""

from __future__ import annotations

from typing import Any

import pytest

from slipstream.testing import AppTest


def _app(source: str, **query: Any) -> AppTest:
    at = AppTest.from_string("import streamlit as st\nimport datetime as dt\n" + source)
    at.query_params.update(query)
    return at.run()


def test_checkbox_deep_link_change_and_default_leaves_the_url() -> None:
    at = _app("v = st.checkbox('Agree', key='agree', bind='query-params')\nst.write(v)", agree="TRUE")
    assert at.checkbox[0].value is True
    assert at.query_params == {"agree": "true"}
    at.checkbox[0].uncheck().run()
    assert at.query_params == {}
    at.checkbox[0].check().run()
    assert at.query_params == {"agree": "true"}


def test_invalid_values_are_ignored_and_removed() -> None:
    at = _app("st.toggle('Dark', key='dark', bind='query-params')", dark="maybe")
    assert at.toggle[0].value is False
    assert at.query_params == {}


def test_a_new_url_value_wins_and_a_missing_one_gives_the_default() -> None:
    at = _app("st.checkbox('A', key='a', bind='query-params')", a="true")
    at.query_params = {"a": "false"}  # the browser went elsewhere (back, a link)
    at.run()
    assert at.checkbox[0].value is False
    at.query_params = {"a": "true"}
    at.run()
    at.query_params = {}
    at.run()
    assert at.checkbox[0].value is False


@pytest.mark.parametrize(
    ("source", "query", "value", "shown"),
    [
        ("st.radio('R', ['a', 'b', 'c'], key='k', bind='query-params')", {"k": "b"}, "b", {"k": "b"}),
        (
            "st.selectbox('S', [1, 2, 3], format_func=lambda n: f'n{n}', key='k', bind='query-params')",
            {"k": "n3"},
            3,
            {"k": "n3"},
        ),
        ("st.selectbox('S', ['a', 'b'], key='k', bind='query-params')", {"k": "zzz"}, "a", {}),
        (
            "st.multiselect('M', ['a', 'b', 'c'], key='k', bind='query-params')",
            {"k": ["c", "x", "a", "c"]},
            ["c", "a"],
            {"k": ["c", "a"]},
        ),
        ("st.slider('S', 0, 10, 5, key='k', bind='query-params')", {"k": "7"}, 7, {"k": "7"}),
        ("st.slider('S', 0, 10, 5, key='k', bind='query-params')", {"k": "70"}, 10, {"k": "10"}),
        ("st.slider('S', 0, 10, (2, 5), key='k', bind='query-params')", {"k": ["8", "3"]}, (3, 8), {"k": ["3", "8"]}),
        (
            "st.slider('S', value=dt.date(2024, 5, 1), key='k', bind='query-params')",
            {"k": "2024-05-03"},
            __import__("datetime").date(2024, 5, 3),
            {"k": "2024-05-03"},
        ),
        (
            "st.select_slider('S', ['s', 'm', 'l'], value=('s', 'm'), key='k', bind='query-params')",
            {"k": ["m", "l"]},
            ("m", "l"),
            {"k": ["m", "l"]},
        ),
        ("st.text_input('T', key='k', bind='query-params')", {"k": "hello world"}, "hello world", {"k": "hello world"}),
        ("st.text_input('T', max_chars=3, key='k', bind='query-params')", {"k": "toolong"}, "", {}),
        ("st.text_area('T', 'x', key='k', bind='query-params')", {"k": ""}, "", {"k": ""}),
        ("st.number_input('N', 0.0, 10.0, key='k', bind='query-params')", {"k": "2.5"}, 2.5, {"k": "2.5"}),
        ("st.number_input('N', 0, 10, key='k', bind='query-params')", {"k": "4.0"}, 4, {"k": "4"}),
        ("st.number_input('N', 0, 10, key='k', bind='query-params')", {"k": "40"}, 0, {}),
        ("st.color_picker('C', key='k', bind='query-params')", {"k": "FF0000"}, "#ff0000", {"k": "#ff0000"}),
        (
            "st.date_input('D', dt.date(2024, 1, 1), key='k', bind='query-params')",
            {"k": "2024-02-03"},
            __import__("datetime").date(2024, 2, 3),
            {"k": "2024-02-03"},
        ),
        (
            "st.time_input('T', dt.time(8, 0), key='k', bind='query-params')",
            {"k": "09:30"},
            __import__("datetime").time(9, 30),
            {"k": "09:30"},
        ),
        (
            "st.datetime_input('T', dt.datetime(2024, 1, 1, 8, 0), key='k', bind='query-params')",
            {"k": "2024-01-02T10:15"},
            __import__("datetime").datetime(2024, 1, 2, 10, 15),
            {"k": "2024-01-02T10:15"},
        ),
        (
            "st.pills('P', ['x', 'y', 'z'], selection_mode='multi', key='k', bind='query-params')",
            {"k": ["z", "x"]},
            ["z", "x"],
            {"k": ["z", "x"]},
        ),
        ("st.segmented_control('P', ['x', 'y'], key='k', bind='query-params')", {"k": "y"}, "y", {"k": "y"}),
        ("st.feedback('stars', key='k', bind='query-params')", {"k": "3"}, 3, {"k": "3"}),
        ("st.feedback('thumbs', key='k', bind='query-params')", {"k": "4"}, None, {}),
    ],
)
def test_each_kind_reads_and_writes_its_url_value(
    source: str, query: dict[str, Any], value: Any, shown: dict[str, Any]
) -> None:
    at = _app(f"st.session_state['seen'] = {source}", **query)
    assert not at.exception, at.exception
    assert at.session_state["seen"] == value
    assert at.query_params == shown


def test_session_state_changes_the_url_and_query_params_may_not() -> None:
    at = _app(
        "def pick_b():\n    st.session_state.pick = 'b'\n"
        "st.radio('R', ['a', 'b'], key='pick', bind='query-params')\n"
        "st.button('b', on_click=pick_b)\n"
        "if st.button('set'):\n    st.query_params['pick'] = 'a'\n"
    )
    at.button[0].click().run()
    assert at.query_params == {"pick": "b"}
    at.button[1].click().run()
    assert "bound to a widget" in at.exception[0].value


def test_a_bound_widget_needs_a_key_and_a_known_bind() -> None:
    at = _app("st.checkbox('A', bind='query-params')")
    assert "`key` parameter is required" in at.exception[0].value
    at = _app("st.checkbox('A', key='a', bind='url')")
    assert "Invalid `bind` value" in at.exception[0].value


def test_a_widget_no_longer_drawn_leaves_the_url() -> None:
    at = _app("if st.toggle('show', True, key='show'):\n    st.checkbox('A', key='a', bind='query-params')\n", a="true")
    assert at.query_params == {"a": "true"}
    at.toggle[0].set_value(False).run()
    assert at.query_params == {}


def test_tabs_and_expander_bind_their_state() -> None:
    at = _app(
        "t = st.tabs(['One', 'Two'], key='tab', bind='query-params')\n"
        "e = st.expander('More', key='more', bind='query-params')\n"
        "st.session_state['seen'] = (t[0].open, e.open)\n",
        tab="Two",
        more="true",
    )
    assert at.session_state["seen"] == (False, True)
    assert at.query_params == {"tab": "Two", "more": "true"}
