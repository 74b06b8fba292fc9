"""Fragments and dialogs in a real browser: a fragment's widget redraws only the fragment; a
timer ticks it; a dialog opens over the page, keeps focus, and closes by rerun or dismissal."""

from __future__ import annotations

import time
from typing import Any

from tests.e2e.conftest import ServeApp

FRAGMENT_APP = """
import streamlit as st

st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("fragment_runs", 0)
st.session_state.app_runs += 1

@st.fragment
def part():
    st.session_state.fragment_runs += 1
    st.button("Rerun fragment")
    st.sidebar.write(f"sidebar from fragment {st.session_state.fragment_runs}")
    st.write(f"fragment ran {st.session_state.fragment_runs}")

part()
st.button("Rerun app")
st.write(f"app ran {st.session_state.app_runs}")
"""


def test_a_fragment_widget_redraws_the_fragment_alone(serve: ServeApp, page: Any) -> None:
    with serve(FRAGMENT_APP) as url:
        page.goto(url)
        page.get_by_text("fragment ran 1").wait_for()
        page.get_by_role("button", name="Rerun fragment").click()
        page.get_by_text("fragment ran 2").wait_for()
        page.get_by_text("sidebar from fragment 2").wait_for()
        assert page.get_by_text("app ran 1").is_visible()  # the rest of the script did not run
        assert page.get_by_text("sidebar from fragment 1").count() == 0
        assert page.locator(".stale").count() == 0
        page.get_by_role("button", name="Rerun app").click()
        page.get_by_text("app ran 2").wait_for()
        page.get_by_text("fragment ran 3").wait_for()
        assert page.get_by_text("sidebar from fragment 3").count() == 1


TIMER_APP = """
import streamlit as st

st.session_state.setdefault("ticks", 0)
ticking = st.toggle("Ticking", value=True)

if ticking:
    @st.fragment(run_every=0.3)
    def clock():
        st.session_state.ticks += 1
        st.write(f"tick {st.session_state.ticks}")

    clock()
"""


def test_run_every_ticks_while_drawn_and_stops_after(serve: ServeApp, page: Any) -> None:
    with serve(TIMER_APP) as url:
        page.goto(url)
        page.get_by_text("tick 1").wait_for()
        page.wait_for_function("() => Number(/tick (\\d+)/.exec(document.body.innerText)?.[1]) >= 4")
        page.get_by_text("Ticking").click()
        page.wait_for_function("() => !document.body.innerText.includes('tick ')")
        time.sleep(1.0)
        assert "tick " not in page.inner_text("body")


DIALOG_APP = """
import streamlit as st

def dismissed():
    st.session_state.dismissals = st.session_state.get("dismissals", 0) + 1

@st.dialog("Cast your **vote**", on_dismiss=dismissed)
def vote(item):
    st.write(f"Why is {item} your favorite?")
    reason = st.text_input("Because...")
    if st.button("Submit"):
        st.session_state.vote = f"{item}: {reason}"
        st.rerun()

if st.button("Vote A"):
    vote("A")
st.write(f"vote: {st.session_state.get('vote')}")
st.write(f"dismissals: {st.session_state.get('dismissals', 0)}")
"""


def test_a_dialog_opens_keeps_focus_and_closes_on_rerun(serve: ServeApp, page: Any) -> None:
    with serve(DIALOG_APP) as url:
        page.goto(url)
        page.get_by_role("button", name="Vote A").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_text("Why is A your favorite?").wait_for()
        assert page.get_by_test_id("stDialog").count() == 1
        page.wait_for_function("() => document.activeElement?.closest('[role=dialog]') !== null")
        for _ in range(4):  # Tab cycles inside the dialog
            page.keyboard.press("Tab")
            assert page.evaluate("() => document.activeElement?.closest('[role=dialog]') !== null")
        dialog.get_by_label("Because...").fill("it is the best")
        dialog.get_by_label("Because...").press("Enter")
        dialog.get_by_role("button", name="Submit").click()
        page.get_by_text("vote: A: it is the best").wait_for()
        assert page.get_by_role("dialog").count() == 0
        # Focus went back to the page: the button that opened it.
        assert page.evaluate("() => document.activeElement?.textContent") == "Vote A"


def test_escape_and_a_click_outside_dismiss_and_run_on_dismiss(serve: ServeApp, page: Any) -> None:
    with serve(DIALOG_APP) as url:
        page.goto(url)
        page.get_by_role("button", name="Vote A").click()
        page.get_by_role("dialog").wait_for()
        page.keyboard.press("Escape")
        page.get_by_text("dismissals: 1").wait_for()
        assert page.get_by_role("dialog").count() == 0
        page.get_by_role("button", name="Vote A").click()
        page.get_by_role("dialog").wait_for()
        page.mouse.click(5, 600)  # the backdrop, outside the dialog
        page.get_by_text("dismissals: 2").wait_for()
        assert page.get_by_role("dialog").count() == 0
