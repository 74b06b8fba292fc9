"""st.dialog: a modal fragment over the page, run through the real runtime with no browser."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from slipstream.protocol import ROOT_DIALOG
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]

VOTE = """
import streamlit as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1

def dismissed():
    st.session_state.dismissed = True

@st.dialog("Cast your **vote**", width="medium", icon="🗳️", on_dismiss=dismissed)
def vote(item):
    st.write(f"Why {item}?")
    reason = st.text_input("Because")
    if st.button("Submit"):
        st.session_state.vote = f"{item}: {reason}"
        st.rerun()

if st.button("Vote"):
    vote("A")
st.write(f"vote: {st.session_state.get('vote')}")
"""


def dialog_of(a: HeadlessApp) -> dict[str, object] | None:
    found = [e for p, e in a.session.view.elements().items() if p == (ROOT_DIALOG, 0) and e["type"] == "dialog"]
    return found[0] if found else None


def test_a_dialog_opens_with_its_elements_and_closes_on_rerun(app: App) -> None:
    a = app(VOTE)
    assert dialog_of(a) is None
    a.press("Vote")
    dialog = dialog_of(a)
    assert dialog is not None
    assert dialog["title"] == "Cast your **vote**"
    shown = (dialog["width"], dialog["position"], dialog["dismissible"], dialog["icon"])
    assert shown == ("medium", "center", True, "🗳️")
    assert "Why A?" in a.texts()
    a.send({a.widget("Because")["id"]: "best"})  # a widget in the dialog reruns the dialog alone
    assert a.state["app_runs"] == 2
    assert a.last_frame[0]["scopes"] == [[ROOT_DIALOG, 0]]
    a.press("Submit")  # st.rerun() inside: the app runs again, without calling the dialog
    assert a.state["vote"] == "A: best"
    assert dialog_of(a) is None
    assert "vote: A: best" in a.texts()


def test_dismissing_runs_on_dismiss_then_the_app(app: App) -> None:
    a = app(VOTE)
    a.press("Vote")
    dialog = dialog_of(a)
    assert dialog is not None and isinstance(dialog["id"], str)
    runs = a.state["app_runs"]
    a.send({dialog["id"]: True})
    assert a.state["dismissed"] is True
    assert a.state["app_runs"] == runs + 1
    assert dialog_of(a) is None


def test_ignore_sends_nothing_on_dismissal(app: App) -> None:
    a = app('import streamlit as st\nst.dialog("Hi")(lambda: st.write("x"))()')
    dialog = dialog_of(a)
    assert dialog is not None and dialog["id"] is None


def test_each_opening_is_told_apart_so_a_dismissed_dialog_shows_again(app: App) -> None:
    a = app('import streamlit as st\nst.dialog("Hi", on_dismiss="rerun")(lambda: st.write("x"))()')
    first = dialog_of(a)
    a.run()
    second = dialog_of(a)
    assert first is not None and second is not None
    assert first["opened"] != second["opened"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('d = st.dialog("A")(lambda: None)\nd()\nd()', "only one dialog can be open at a time"),
        ('st.dialog("A")(lambda: None)()\nst.dialog("B")(lambda: None)()', "only one dialog can be open at a time"),
        ('inner = st.dialog("In")(lambda: None)\nst.dialog("Out")(lambda: inner())()', "may not be nested"),
        ('st.dialog("A", width="huge")(lambda: None)()', "width is 'huge'"),
        ('st.dialog("A", width=0)(lambda: None)()', "width is 0"),
        ('st.dialog("A", position="top")(lambda: None)()', "position is 'top'"),
        ('st.dialog("A", on_dismiss="close")(lambda: None)()', "on_dismiss is 'close'"),
        ('st.dialog("A", icon=":rocket:")(lambda: None)()', "emoji shortcode"),
        ('st.dialog("")', "`title` parameter is required"),
        ("@st.dialog\ndef f(): pass", "`title` parameter is required"),
        ('st.fragment(parallel=True)(lambda: st.dialog("A")(lambda: None)())()', "parallel=True"),
    ],
)
def test_misuse_gets_a_clear_error(app: App, source: str, message: str) -> None:
    a = app(f"import streamlit as st\n{source}\n")
    assert message in a.error()


def test_apptest_finds_and_clicks_the_widgets_of_a_dialog() -> None:
    from slipstream.testing import AppTest

    at = AppTest.from_string(VOTE).run()
    at.button[0].click().run()
    assert at.text_input[0].label == "Because"
    assert [b.label for b in at.button] == ["Vote", "Submit"]
    at.run()  # a run of the whole script that does not call the dialog closes it, as in Streamlit
    assert len(at.text_input) == 0


def test_a_drawer_and_a_pixel_width(app: App) -> None:
    a = app('import streamlit as st\nst.dialog("Side", position="right", width=420, dismissible=False)(lambda: None)()')
    dialog = dialog_of(a)
    assert dialog is not None
    assert (dialog["position"], dialog["width"], dialog["dismissible"]) == ("right", 420, False)


def test_a_dialog_opened_from_a_fragment_rerun_starts_empty(app: App) -> None:
    a = app(
        """
        import streamlit as st
        pick = st.session_state.get("pick")

        @st.dialog("Details")
        def details(name):
            st.write(f"about {name}")
            if name == "one":
                st.write("extra line")

        @st.fragment
        def chooser():
            if st.button("one"):
                details("one")
            if st.button("two"):
                details("two")

        chooser()
        """
    )
    a.press("one")
    assert a.texts() == ["about one", "extra line"]
    a.press("two")
    assert a.texts() == ["about two"]
