"""st.cache_data in a real browser: the spinner while the function computes, then a fast cached rerun."""

from __future__ import annotations

import time
from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import time
import streamlit as st

@st.cache_data(show_spinner="Crunching...")
def crunch(n):
    time.sleep(1.5)
    return sum(range(n))

if "runs" not in st.session_state:
    st.session_state.runs = 0
st.session_state.runs += 1
st.button("Again")
st.write(f"result: {crunch(1000)} (run {st.session_state.runs})")
"""

# Notes whether the spinner text is ever in the page, however briefly.
WATCH_SPINNER = """() => {
    window.sawSpinner = document.body.innerText.includes("Crunching...");
    new MutationObserver(() => {
        if (document.body.innerText.includes("Crunching...")) window.sawSpinner = true;
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def test_the_spinner_shows_while_computing_and_the_cached_rerun_is_fast(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        opened = time.perf_counter()
        page.goto(url)
        spinner = page.get_by_role("status").filter(has_text="Crunching...")
        spinner.wait_for()  # the cached function is computing
        assert page.get_by_text("result: 499500").count() == 0
        page.get_by_text("result: 499500 (run 1)").wait_for()
        first = time.perf_counter() - opened
        spinner.wait_for(state="detached")  # the result replaces the spinner

        page.evaluate(WATCH_SPINNER)
        start = time.perf_counter()
        page.get_by_role("button", name="Again").click()
        page.get_by_text("result: 499500 (run 2)").wait_for()
        second = time.perf_counter() - start
        assert first >= 1.5, f"the first run took {first:.2f} s: it cannot have computed"
        assert second < 1.0, f"the cached rerun took {second:.2f} s (the first {first:.2f} s)"
        assert page.evaluate("window.sawSpinner") is False, "the spinner showed on a cache hit"
