"""A widget's value set through st.session_state out of what the widget takes: raise where
Streamlit 1.67 raises (a slider beyond its bounds, with its message; a value of the wrong type),
and elsewhere keep or reset the value as it does."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def _run(setup: str, call: str) -> AppTest:
    script = (
        "import datetime\nimport streamlit as st\n"
        "if 'ran' not in st.session_state:\n"
        f"    st.session_state.ran = True\n    {setup}\n"
        f"v = {call}\n"
        "st.write(repr(v), repr(st.session_state.k))\n"
    )
    return AppTest.from_string(script).run()


@pytest.mark.parametrize(
    ("setup", "call", "message"),
    [
        ("st.session_state.k = 200", "st.slider('S', 0, 100, key='k')", "is greater than the `max_value` 100."),
        ("st.session_state.k = -5", "st.slider('S', 0, 100, key='k')", "-5 is less than the `min_value` 0."),
        ("st.session_state.k = (-5, 50)", "st.slider('S', 0, 100, (10, 20), key='k')", "The `value` -5 is less than"),
        ("st.session_state.k = 2.5", "st.slider('S', 0.0, 1.0, key='k')", "the `max_value` 1.0."),
        (
            "st.session_state.k = datetime.date(2030, 1, 1)",
            "st.slider('S', datetime.date(2020, 1, 1), datetime.date(2021, 1, 1), key='k')",
            "The `value` 2030-01-01 is greater than the `max_value` 2021-01-01.",
        ),
        ("st.session_state.k = 'x'", "st.slider('S', 0, 100, key='k')", "st.session_state['k'] holds 'x'"),
        ("st.session_state.k = 'x'", "st.number_input('N', 0, 100, key='k')", "set it to a number or None"),
        ("st.session_state.k = 5", "st.color_picker('C', key='k')", "set it to a hex colour string"),
    ],
)
def test_raises_where_streamlit_raises(setup: str, call: str, message: str) -> None:
    at = _run(setup, call)
    assert at.exception, "expected the widget call to raise"
    assert message in at.exception[0].message


@pytest.mark.parametrize(
    ("setup", "call", "shown"),
    [
        # kept as set
        ("st.session_state.k = 1", "st.slider('S', 0.0, 10.0, key='k')", "1 1"),
        ("st.session_state.k = 2.5", "st.slider('S', 0, 10, key='k')", "2.5 2.5"),
        ("st.session_state.k = 2.5", "st.number_input('N', 0, 10, key='k')", "2.5 2.5"),
        ("st.session_state.k = 'red'", "st.color_picker('C', key='k')", "'red' 'red'"),
        # reset to the default, session_state with it
        ("st.session_state.k = 200", "st.number_input('N', 0, 100, key='k')", "0 0"),
        ("st.session_state.k = 'z'", "st.selectbox('S', ['a', 'b'], key='k')", "'a' 'a'"),
        ("st.session_state.k = 'z'", "st.radio('S', ['a', 'b'], key='k')", "'a' 'a'"),
        ("st.session_state.k = ['z']", "st.multiselect('S', ['a', 'b'], key='k')", "[] []"),
        ("st.session_state.k = 'z'", "st.select_slider('S', ['a', 'b'], key='k')", "'a' 'a'"),
        (
            "st.session_state.k = datetime.date(2030, 1, 1)",
            "st.date_input('D', datetime.date(2020, 1, 1), min_value=datetime.date(2019, 1, 1), "
            "max_value=datetime.date(2021, 1, 1), key='k')",
            "datetime.date(2020, 1, 1) datetime.date(2020, 1, 1)",
        ),
    ],
)
def test_accepts_or_resets_as_streamlit_does(setup: str, call: str, shown: str) -> None:
    at = _run(setup, call)
    assert not at.exception
    assert at.markdown[0].value == shown


def test_a_value_set_in_an_earlier_run_is_checked_only_then() -> None:
    at = _run("st.session_state.k = 50", "st.slider('S', 0, 100, key='k')")
    assert at.markdown[0].value == "50 50"
    assert not at.run().exception
