"""A button's keyboard shortcut, in a real browser: shown on the button, and pressing it clicks."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
st.text_input("Note")
if st.button("Save", shortcut="Ctrl+S"):
    st.write("saved")
if st.button("Next", shortcut="N"):
    st.write("next")
"""


def test_pressing_the_shortcut_clicks_the_button(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        save = page.get_by_role("button", name="Save")
        save.wait_for()
        assert "Ctrl + S" in save.inner_text()
        assert save.get_attribute("aria-keyshortcuts") == "Control+S"
        page.keyboard.press("Control+s")
        page.get_by_text("saved", exact=True).wait_for()
        # A plain key typed into a field is text, not a click.
        page.get_by_label("Note").click()
        page.keyboard.type("n")
        page.wait_for_timeout(300)
        assert page.get_by_text("next", exact=True).count() == 0
        page.locator("body").click(position={"x": 5, "y": 5})
        page.keyboard.press("n")
        page.get_by_text("next", exact=True).wait_for()
