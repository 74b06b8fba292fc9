"""In a real browser: the [theme] of config.toml computed in the page, the Settings dialog's
choice kept across a reload, and client.toolbarMode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.server_process import running_server

THEME = """
[theme]
base = "light"
primaryColor = "#0a7f3f"
backgroundColor = "#fdf6e3"
textColor = "#202020"
font = "serif"
baseFontSize = 18

[theme.dark]
backgroundColor = "#101828"

[theme.sidebar]
backgroundColor = "#e0e7ff"
"""

APP = """
import streamlit as st
st.sidebar.write("side")
st.button("Press")
st.write("themed")
"""


def _css(page: Any, selector: str, prop: str) -> str:
    return str(page.eval_on_selector(selector, f"(el) => getComputedStyle(el).{prop}"))


def test_theme_colours_and_the_settings_dialog(page: Any, tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(THEME)
    script = tmp_path / "app.py"
    script.write_text(APP)
    with running_server(script) as url:
        page.goto(url)
        page.get_by_text("themed").wait_for()
        assert _css(page, "body", "backgroundColor") == "rgb(253, 246, 227)"
        assert _css(page, '[data-testid="stMarkdownContainer"] p', "color") == "rgb(32, 32, 32)"
        assert "serif" in _css(page, '[data-testid="stMarkdownContainer"] p', "fontFamily")
        assert _css(page, "html", "fontSize") == "18px"
        assert _css(page, '[data-testid="stSidebar"]', "backgroundColor") == "rgb(224, 231, 255)"
        assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--primary')") == "#0a7f3f"

        page.get_by_role("button", name="Main menu").click()
        page.get_by_role("menuitem", name="Settings").click()
        page.get_by_label("App theme").select_option("dark")
        page.get_by_role("checkbox", name="Wide mode").check()
        page.keyboard.press("Escape")
        assert _css(page, "body", "backgroundColor") == "rgb(16, 24, 40)"
        page.reload()
        page.get_by_text("themed").wait_for()
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert _css(page, "body", "backgroundColor") == "rgb(16, 24, 40)"
        assert "wide" in str(page.get_attribute('[data-testid="stApp"]', "class"))
        page.get_by_role("button", name="Main menu").click()
        page.get_by_role("menuitem", name="Clear cache C").wait_for()  # localhost: developer items

    with running_server(script, "--client.toolbarMode", "minimal") as url:
        page.goto(url)
        page.get_by_text("themed").wait_for()
        assert page.get_by_role("button", name="Main menu").count() == 0
