"""Stateful expanders and tabs: with ``on_change`` the script knows what is open (``.open``),
session_state holds it, and opening or switching reruns the script (calling the callback first)."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def lazy_app() -> None:
    import streamlit as st

    def opened(note: str) -> None:
        st.session_state.log = [*st.session_state.get("log", []), (note, st.session_state.details)]

    details = st.expander("Details", key="details", on_change=opened, args=("toggled",))
    if details.open:
        details.write("expensive details")
    plain = st.expander("Plain")
    chart, data = st.tabs(["Chart", "Data"], key="tab", on_change="rerun", default="Data")
    if chart.open:
        chart.write("the chart")
    if data.open:
        data.write("the data")
    st.text(f"open: {details.open} {plain.open} {chart.open} {data.open}")
    st.text(f"log: {st.session_state.get('log', [])}")


def test_tracked_expander_and_tabs_run_only_what_shows() -> None:
    at = AppTest.from_function(lazy_app).run()
    assert at.text[0].value == "open: False None False True"
    assert at.expander[0].markdown.values == []
    assert [tab.markdown.values for tab in at.tabs] == [[], ["the data"]]
    assert at.session_state["details"] is False and at.session_state["tab"] == "Data"

    at.session_state["details"] = True
    at.session_state["tab"] = "Chart"
    at.run()
    assert at.text[0].value == "open: True None True False"
    assert at.expander[0].markdown.values == ["expensive details"]
    assert [tab.markdown.values for tab in at.tabs] == [["the chart"], []]


def test_the_browser_opening_an_expander_calls_its_callback_then_reruns() -> None:
    at = AppTest.from_function(lazy_app).run()
    wid = at.expander[0].id
    at._session.run_until_idle({wid: True})  # what the browser sends when the user opens it
    at._tree = None
    assert at.text[1].value == "log: [('toggled', True)]"
    assert at.expander[0].proto["expanded"] is True
    tabs_id = at.get("tab_container")[0].proto["id"]
    at._session.run_until_idle({tabs_id: 0})  # the browser sends the chosen tab's position
    at._tree = None
    assert at.session_state["tab"] == "Chart"


def test_untracked_expanders_and_tabs_show_everything_and_have_no_state() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        e = st.expander("E", key="e")
        e.write("inside")
        tabs = st.tabs(["A", "B"], key="t")
        st.text(f"{e.open} {[t.open for t in tabs]} {sorted(st.session_state)}")
        """
    ).run()
    assert at.text[0].value == "None [None, None] []"
    assert at.expander[0].markdown.values == ["inside"]
    assert at.expander[0].proto["id"] is None and at.expander[0].proto["key"] == "e"


def test_expander_types_and_tab_heights() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.expander("thinking", type="compact")
        st.expander("step 1", type="step")
        st.tabs(["A"], height=300)
        st.tabs(["B"], height="stretch")
        """
    ).run()
    assert [e.proto["style"] for e in at.expander] == ["compact", "step"]
    assert [t.proto["height"] for t in at.get("tab_container")] == [300, "stretch"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.expander("a", type="big")', "Invalid `type` value. Supported values: 'default', 'compact', 'step'."),
        ('st.expander("a", on_change="yes")', "Invalid `on_change` value. Supported values: 'rerun', 'ignore'"),
        ('st.tabs(["a", "b"], on_change=5)', "Invalid `on_change` value."),
        ('st.tabs(["a", "b"], default="c")', "`c` is not in the list of tabs."),
        ('st.tabs(["a", "b"], height=0)', "Invalid height value: 0. Height must be either a positive integer"),
        ("st.tabs([])", "The `tabs` parameter is required. Provide at least one tab label."),
        ('st.expander("a", on_change="rerun"); st.expander("a", on_change="rerun")', "several `expander` elements"),
    ],
)
def test_bad_arguments_raise_as_in_streamlit(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in at.exception[0].message


def test_a_callback_on_an_expander_in_a_form_is_refused() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.form("f"):
            st.expander("a", on_change=lambda: None)
            st.form_submit_button()
        """
    ).run()
    assert at.exception[0].proto["exc_type"] == "StreamlitInvalidFormCallbackError"
