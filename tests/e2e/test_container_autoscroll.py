"""A fixed-height container with autoscroll follows new content, as a chat log needs."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
st.session_state.lines = st.session_state.get("lines", 20)
if st.button("More"):
    st.session_state.lines += 10
with st.container(height=200, autoscroll=True, key="log"):
    for i in range(st.session_state.lines):
        st.write(f"line {i}")
"""

# How far from its bottom the log is scrolled, in pixels.
GAP_BELOW = """() => {
  const box = document.querySelector(".st-key-log");
  return box.scrollHeight - box.scrollTop - box.clientHeight;
}"""


def test_the_log_stays_at_its_newest_line(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("line 19", exact=True).wait_for()
        assert page.evaluate(GAP_BELOW) < 8
        page.get_by_role("button", name="More").click()
        page.get_by_text("line 29", exact=True).wait_for()
        page.wait_for_timeout(100)
        assert page.evaluate(GAP_BELOW) < 8
        assert page.get_by_text("line 29", exact=True).is_visible()
