"""Status and feedback elements in a real browser: the delayed spinner, a progress bar moving in
place, toasts that come and go, st.status changing state, and balloons."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

SPINNER_APP = """
import time
import streamlit as st
if st.button("slow"):
    with st.spinner("Slow work"):
        time.sleep(1.5)
    st.write("slow done")
if st.button("quick"):
    with st.spinner("Quick work"):
        time.sleep(0.1)
    st.write("quick done")
"""


def test_the_spinner_shows_only_for_a_slow_block_and_goes_away(serve: ServeApp, page: Any) -> None:
    with serve(SPINNER_APP) as url:
        page.goto(url)
        page.get_by_role("button", name="quick").click()
        page.get_by_text("quick done").wait_for()
        assert page.get_by_text("Quick work").count() == 0
        page.get_by_role("button", name="slow").click()
        page.get_by_test_id("stSpinner").get_by_text("Slow work").wait_for()
        page.get_by_text("slow done").wait_for()
        assert page.get_by_test_id("stSpinner").count() == 0


PROGRESS_APP = """
import time
import streamlit as st
bar = st.progress(0, text="Working")
for done in range(0, 101, 5):
    bar.progress(done, text=f"{done}% done")
    time.sleep(0.05)
frame = st.empty()
for i in range(100):
    frame.text(f"frame {i}")
st.write("finished")
"""


def test_progress_moves_in_place(serve: ServeApp, page: Any) -> None:
    with serve(PROGRESS_APP) as url:
        page.goto(url)
        page.get_by_text("finished").wait_for()
        bars = page.get_by_role("progressbar")
        assert bars.count() == 1
        assert bars.get_attribute("aria-valuenow") == "100"
        page.get_by_text("100% done").wait_for()
        assert page.get_by_text("frame 99").count() == 1 and page.get_by_text("frame 98").count() == 0


TOAST_APP = """
import streamlit as st
if st.button("notify"):
    st.toast("Saved!", icon="🎉", duration=2)
st.write("page")
"""


def test_a_toast_appears_outlives_a_rerun_and_goes_away(serve: ServeApp, page: Any) -> None:
    with serve(TOAST_APP) as url:
        page.goto(url)
        page.get_by_text("page").wait_for()
        page.get_by_role("button", name="notify").click()
        toast = page.get_by_test_id("stToast")
        toast.get_by_text("Saved!").wait_for()
        main_box = page.get_by_test_id("stMain").bounding_box()
        page.keyboard.press("r")  # a rerun that does not call st.toast: the toast stays
        page.wait_for_timeout(300)
        assert toast.count() == 1
        assert page.get_by_test_id("stMain").bounding_box() == main_box  # it took no room
        toast.wait_for(state="detached", timeout=5000)
        page.get_by_role("button", name="notify").click()
        toast.wait_for()
        page.get_by_role("button", name="Close").click()
        toast.wait_for(state="detached")


STATUS_APP = """
import time
import streamlit as st
with st.status("Downloading data...", expanded=True) as box:
    st.write("Fetching")
    time.sleep(0.8)
box.update(label="Download complete!", state="complete", expanded=False)
"""


def test_status_update_changes_label_and_state(serve: ServeApp, page: Any) -> None:
    with serve(STATUS_APP) as url:
        page.goto(url)
        page.get_by_test_id("stExpanderIconSpinner").wait_for()
        page.get_by_text("Downloading data...").wait_for()
        page.get_by_text("Download complete!").wait_for()
        page.get_by_test_id("stExpanderIconCheck").wait_for()
        assert page.get_by_test_id("stExpanderIconSpinner").count() == 0
        assert page.get_by_text("Fetching").count() == 1  # its children stay


BALLOONS_APP = """
import streamlit as st
if st.button("party"):
    st.balloons()
st.write("page")
"""


def test_balloons_play_once_per_call(serve: ServeApp, page: Any) -> None:
    with serve(BALLOONS_APP) as url:
        page.goto(url)
        page.get_by_text("page").wait_for()
        assert page.get_by_test_id("stBalloons").count() == 0
        page.get_by_role("button", name="party").click()
        page.get_by_test_id("stBalloons").wait_for()
        page.get_by_test_id("stBalloons").wait_for(state="detached", timeout=8000)
        page.keyboard.press("r")  # not called again: nothing plays
        page.wait_for_timeout(500)
        assert page.get_by_test_id("stBalloons").count() == 0
        page.get_by_role("button", name="party").click()
        page.get_by_test_id("stBalloons").wait_for()
