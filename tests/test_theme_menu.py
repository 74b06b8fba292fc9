"""set_page_config's menu_items: checked as Streamlit checks them, sent for the main menu."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from slipstream.errors import StreamlitAPIException
from slipstream.page import menu_items_config
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_menu_items_keys_in_any_case_and_about_dedented() -> None:
    items = {
        " Get Help ": "https://example.com/help",
        "report a bug": "mailto:bugs@example.com",
        "About": "  # Hi\n  there",
    }
    config = menu_items_config(items)
    assert config == {
        "get_help": "https://example.com/help",
        "report_a_bug": "mailto:bugs@example.com",
        "about": "# Hi\nthere",
    }
    assert menu_items_config({"Get help": None})["get_help"] is None
    assert menu_items_config(None) == {"get_help": None, "report_a_bug": None, "about": None}


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (
            {"Help": "https://example.com"},
            "Invalid `menu_items` value. Supported values: 'Get help', 'Report a bug', 'About'. "
            "`help` is not a supported menu item key.",
        ),
        (
            {"Get help": "example.com"},
            '"example.com" is not a valid URL. You must use a fully qualified domain beginning with '
            '"http://", "https://", or "mailto:".',
        ),
        ({"Report a bug": "ftp://example.com"}, '"ftp://example.com" is not a valid URL.'),
        ({"Report a bug": "https://"}, '"https://" is not a valid URL.'),
    ],
)
def test_bad_menu_items_raise_as_streamlit_raises(items: dict[str, str], message: str) -> None:
    with pytest.raises(StreamlitAPIException) as caught:
        menu_items_config(items)
    assert str(caught.value).startswith(message)


def test_menu_items_reach_the_browser(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.set_page_config(menu_items={"About": "**About** this app", "Get help": "https://example.com"})
        """
    )
    (config,) = [m for m in a.last_frame if m["t"] == "page_config"]
    expected = {"get_help": "https://example.com", "report_a_bug": None, "about": "**About** this app"}
    assert config["menu_items"] == expected
    a = app("import streamlit as st\nst.set_page_config(menu_items={'Bug': 'x'})\n")
    assert "`bug` is not a supported menu item key" in a.of_type("exception")[0]["message"]
