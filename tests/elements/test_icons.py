"""Icons, as Streamlit 1.67 takes them: the page icon resolves emoji shortcodes; an element's
``icon`` takes one emoji or a Material icon and refuses shortcodes, naming the value."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def page_icon(a: HeadlessApp) -> str | None:
    configs = [m for m in a.last_frame if m["t"] == "page_config"]
    assert configs, a.elements
    return configs[-1]["icon"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("icon", [":taxi:", ":earth_americas:", ":+1:", "🚕", "🏳️‍🌈", ":material/home:"])
def test_page_icon_takes_emoji_shortcodes_emoji_and_material_icons(app: App, icon: str) -> None:
    a = app(f"import streamlit as st\nst.set_page_config(page_title='Taxis', page_icon={icon!r})\n")
    assert not a.of_type("exception")
    # the browser turns a shortcode into its emoji (frontend: faviconHref)
    assert page_icon(a) == icon


def test_page_icon_random_is_one_emoji(app: App) -> None:
    a = app("import streamlit as st\nst.set_page_config(page_icon='random')\n")
    icon = page_icon(a)
    assert icon and not icon.isascii() and len(icon) <= 2


def test_page_icon_with_an_unknown_material_name_is_an_error(app: App) -> None:
    a = app("import streamlit as st\nst.set_page_config(page_icon=':material/Not Home:')\n")
    assert "':material/Not Home:' is not a Material icon" in a.error()


@pytest.mark.parametrize(
    "call",
    [
        "st.button('Go', icon={icon!r})",
        "st.info('Note', icon={icon!r})",
        "st.expander('More', icon={icon!r})",
        "st.header('Title', icon={icon!r})",
        "st.metric('Rides', 3, icon={icon!r})",
    ],
)
def test_element_icons_take_an_emoji_or_a_material_icon(app: App, call: str) -> None:
    for icon in ("🚀", " 🚀 ", "1️⃣", "👍🏽", ":material/rocket_launch:"):
        a = app(f"import streamlit as st\n{call.format(icon=icon)}\n")
        assert not a.of_type("exception"), (icon, a.error())


@pytest.mark.parametrize(
    ("icon", "says"),
    [
        (":rocket:", "':rocket:' is an emoji shortcode"),
        (":+1:", "':+1:' is an emoji shortcode"),
        ("abc", "'abc' is not a single emoji"),
        ("x🚀", "'x🚀' is not a single emoji"),
        ("https://x.org/a.png", "looks like a URL"),
        (":material/Rocket Launch:", "is not a Material icon"),
        (":materials/home:", "is not a Material icon"),
    ],
)
def test_element_icons_refuse_what_streamlit_refuses(app: App, icon: str, says: str) -> None:
    for call in ("st.button('Go', icon={icon!r})", "st.error('Oops', icon={icon!r})"):
        a = app(f"import streamlit as st\n{call.format(icon=icon)}\n")
        assert says in a.error()
        assert a.of_type("exception")[0]["exc_type"] == "StreamlitAPIException"


def test_a_blank_icon_is_no_icon_and_a_non_string_is_an_error(app: App) -> None:
    a = app("import streamlit as st\nst.button('Go', icon='  ')\n")
    assert a.widget("Go")["icon"] is None
    a = app("import streamlit as st\nst.button('Go', icon=5)\n")
    assert "icon must be a str or None, not int" in a.error()
