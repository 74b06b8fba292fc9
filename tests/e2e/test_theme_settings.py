"""In a real browser: the [theme] of config.toml computed in the page, the theme chosen in the
main menu kept across a reload, the menu's items by client.toolbarMode, as Streamlit 1.67 has
them."""

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


def test_theme_colours_and_the_menus_theme_switcher(page: Any, tmp_path: Path) -> None:
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
        page.get_by_role("menuitemradio", name="Dark").click()
        page.keyboard.press("Escape")
        assert _css(page, "body", "backgroundColor") == "rgb(16, 24, 40)"
        page.reload()
        page.get_by_text("themed").wait_for()
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert _css(page, "body", "backgroundColor") == "rgb(16, 24, 40)"
        page.get_by_role("button", name="Main menu").click()
        page.get_by_role("menuitem", name="Clear cache C").wait_for()  # localhost: developer items

    with running_server(script, "--client.toolbarMode", "minimal") as url:
        page.goto(url)
        page.get_by_text("themed").wait_for()
        assert page.get_by_role("button", name="Main menu").count() == 0


OPTIONS_THEME = """
[theme]
headingFont = "monospace"
headingFontSizes = ["3.5rem", "2rem"]
headingFontWeights = [300, 800]
buttonRadius = "full"
showWidgetBorder = true
linkUnderline = false
codeTextColor = "#aa00aa"
redTextColor = "#ff00ff"
baseFontWeight = 300
metricValueFontSize = "3rem"
showSidebarBorder = true
chartCategoricalColors = ["#ff0000", "#00aa00"]

[theme.sidebar]
headingFontSizes = "1rem"
"""

OPTIONS_APP = """
import streamlit as st
st.set_page_config(menu_items={"Get help": "https://example.com/help", "About": "About **this app**"})
st.sidebar.title("Side title")
st.title("Main title")
st.header("A header")
st.markdown("A [link](https://example.com), `code` and :red[red].")
st.button("Press")
st.text_input("Name")
st.metric("Metric", 42)
"""


def test_theme_options_drawn_and_the_menu_items(page: Any, tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(OPTIONS_THEME)
    script = tmp_path / "app.py"
    script.write_text(OPTIONS_APP)
    with running_server(script, "--client.toolbarMode", "viewer") as url:
        page.goto(url)
        page.get_by_text("Main title").wait_for()
        main_h1 = '[data-testid="stMain"] h1'
        assert "monospace" in _css(page, main_h1, "fontFamily")
        assert _css(page, main_h1, "fontSize") == "56px"
        assert _css(page, main_h1, "fontWeight") == "300"
        assert _css(page, '[data-testid="stMain"] h2', "fontWeight") == "800"
        assert _css(page, '[data-testid="stSidebar"] h1', "fontSize") == "16px"  # its own, not [theme]'s
        assert _css(page, "body", "fontWeight") == "300"
        link = 'a[href="https://example.com/"], a[href="https://example.com"]'
        assert _css(page, link, "textDecorationLine") == "none"
        assert _css(page, '[data-testid="stMarkdownContainer"] code', "color") == "rgb(170, 0, 170)"
        assert _css(page, '[data-testid="stMarkdownContainer"] .md-text-red', "color") == "rgb(255, 0, 255)"
        assert _css(page, '[data-testid="stButton"] button', "borderTopLeftRadius") == "24px"
        assert _css(page, ".input-box", "borderTopStyle") == "solid"
        assert _css(page, ".input-box", "borderTopColor") != "rgba(0, 0, 0, 0)"
        assert _css(page, '[data-testid="stMetricValue"]', "fontSize") == "48px"
        assert _css(page, '[data-testid="stSidebar"]', "borderRightStyle") == "solid"

        page.get_by_role("button", name="Main menu").click()
        names = page.eval_on_selector_all('[role="menuitem"]', "items => items.map((i) => i.textContent)")
        # viewer: no Rerun or Clear cache; Record screen where the browser can record (1.67 too)
        assert names == ["Print", "Record screen", "About", "Get help"]
        page.get_by_role("menuitem", name="About").click()
        about = page.get_by_role("dialog", name="About")
        about.get_by_text("this app").wait_for()
        assert about.locator("strong").inner_text() == "this app"


DERIVED_THEME = """
[theme]
redColor = "#00aa00"
borderColor = "#ff0000"
baseFontWeight = 300
"""

DERIVED_APP = """
import streamlit as st
st.markdown("**strong** :red[redtext] :red-background[redbg] [link](https://example.com)")
st.error("error box")
"""


def test_colours_and_weights_derived_as_1_67_derives_them_and_the_menu(page: Any, tmp_path: Path) -> None:
    # Expected values read from Streamlit 1.67's page for the same config.toml.
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(DERIVED_THEME)
    script = tmp_path / "app.py"
    script.write_text(DERIVED_APP)
    with running_server(script) as url:
        page.goto(url)
        page.get_by_text("error box").wait_for()
        page.locator(".md-background-red").wait_for()  # markdown renders once its chunk has loaded
        assert _css(page, ".md-background-red", "backgroundColor") == "rgba(0, 170, 0, 0.1)"
        assert _css(page, ".md-text-red", "color") == "rgb(0, 92, 0)"
        alert = '[data-testid="stAlertContainer"]'
        assert _css(page, alert, "backgroundColor") == "rgba(0, 170, 0, 0.1)"
        assert _css(page, alert, "color") == "rgb(0, 92, 0)"
        assert _css(page, '[data-testid="stMarkdownContainer"] strong', "fontWeight") == "500"
        assert _css(page, '[data-testid="stMarkdownContainer"] p', "fontWeight") == "300"
        assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--df-border')") == (
            "rgba(255, 0, 0, 0.45)"
        )

        button = page.get_by_role("button", name="Main menu")
        assert button.locator("circle").count() == 3  # vertical dots
        button.click()
        page.get_by_role("menuitem", name="Record screen").wait_for()
        assert page.get_attribute('[data-testid="stMainMenuItem-recordScreencast"]', "role") == "menuitem"
        from slipstream import __version__

        footer = page.locator('[data-testid="stMainMenuList"] + div')
        assert footer.inner_text() == f"Made with Slipstream v{__version__}"
        assert footer.locator(".stMenuVersionCopyButton").get_attribute("aria-label") == "Copy version to clipboard"


MENU_APP = """
import streamlit as st
st.set_page_config(menu_items={"Get help": "https://example.com/help", "Report a bug": "https://example.com/bug",
                               "About": "About"})
st.write("menu app")
"""

MENU_JS = """() => Array.from(document.querySelector('[data-testid="stMainMenuList"]').children).map((c) =>
  c.getAttribute('role') === 'separator' ? '|' : c.getAttribute('data-testid').replace('stMainMenuItem-', ''))"""

# Read from Streamlit 1.67's menu for the same app (Record screen: Chromium can record).
MENUS = {
    "developer": ["stThemeSwitcher", "|", "rerun", "autoRerun", "|", "clearCache", "|", "print", "recordScreencast",
                  "about", "|", "report", "community"],
    "viewer": ["stThemeSwitcher", "|", "print", "recordScreencast", "about", "|", "report", "community"],
    "minimal": ["stThemeSwitcher", "|", "report", "community", "about"],
}


def test_menu_sections_by_toolbar_mode_and_auto_rerun(page: Any, serve: Any) -> None:
    for mode, expected in MENUS.items():
        with serve(MENU_APP, "--client.toolbarMode", mode) as url:
            page.goto(url)
            page.get_by_text("menu app").wait_for()
            page.get_by_role("button", name="Main menu").click()
            assert page.evaluate(MENU_JS) == expected, mode
            box = page.locator('[data-testid="stMainMenuPopover"]').bounding_box()
            assert (round(box["x"] + box["width"]), round(box["y"])) == (1182, 48)  # 1.67's, in a 1200px window
            if mode == "developer":
                toggle = page.get_by_role("menuitemcheckbox", name="Auto rerun")
                toggle.click()
                assert toggle.get_attribute("aria-checked") == "true"  # the menu stays open
                # on: the primary colour (1.67's default), once the switch's transition ends
                page.wait_for_function(
                    "getComputedStyle(document.querySelector('.main-menu-switch')).backgroundColor"
                    " === 'rgb(197, 57, 72)'"
                )


def test_no_theme_switcher_for_a_custom_theme_alone(page: Any, tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[theme]\nprimaryColor = "#0a7f3f"\n')
    script = tmp_path / "app.py"
    script.write_text(MENU_APP)
    with running_server(script) as url:
        page.goto(url)
        page.get_by_text("menu app").wait_for()
        page.get_by_role("button", name="Main menu").click()
        assert page.evaluate(MENU_JS)[:3] == ["rerun", "autoRerun", "|"]


PRIMARY_APP = """
import streamlit as st
st.button("Go", type="primary")
st.slider("Level", 0, 10, 5)
"""


def test_default_primary_colour_is_1_67s_in_light_and_dark(page: Any, serve: Any) -> None:
    # 1.67 draws #C53948 in light and #CF4250 in dark, hovering to #8A2832 / #9E2935
    expected = {"light": ("rgb(197, 57, 72)", "rgb(138, 40, 50)"), "dark": ("rgb(207, 66, 80)", "rgb(158, 41, 53)")}
    with serve(PRIMARY_APP) as url:
        for scheme, (primary, hover) in expected.items():
            page.emulate_media(color_scheme=scheme)
            page.goto(url)
            button = page.locator('[data-testid="stBaseButton-primary"]')
            button.wait_for()
            assert _css(page, '[data-testid="stBaseButton-primary"]', "backgroundColor") == primary, scheme
            assert _css(page, '[data-testid="stSliderThumbValue"]', "color") == primary, scheme
            button.hover()
            page.wait_for_function(
                "(c) => getComputedStyle(document.querySelector('[data-testid=\"stBaseButton-primary\"]'))"
                ".backgroundColor === c",
                arg=hover,
            )


INPUTS_APP = """
import streamlit as st
st.text_input("Text")
st.number_input("Number")
st.text_area("Area")
st.selectbox("Select", ["x", "y"])
st.multiselect("Multi", ["x", "y"])
st.date_input("Date")
"""

# The element of each widget that draws the field's border, in our DOM
FIELDS = {
    "stTextInput": "input-box",
    "stNumberInput": "input-box",
    "stTextArea": "input-box",
    "stSelectbox": "select-field",
    "stMultiSelect": "multiselect-box",
    "stDateInput": "input-box",
}

FIELD_JS = """([testid, cls]) => { const e = document.querySelector(`[data-testid="${testid}"] .${cls}`);
  const s = getComputedStyle(e); return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor,
  Math.round(e.getBoundingClientRect().height)]; }"""


def test_input_fields_have_1_67s_border_and_height_in_light_and_dark(page: Any, serve: Any) -> None:
    # 1.67: 1px solid borderColor (#DCD8D4 light, #4A4742 dark) on every field, 40px high (the text area 94)
    borders = {"light": "rgb(220, 216, 212)", "dark": "rgb(74, 71, 66)"}
    with serve(INPUTS_APP) as url:
        for scheme, color in borders.items():
            page.emulate_media(color_scheme=scheme)
            page.goto(url)
            page.get_by_text("Date").first.wait_for()
            for testid, cls in FIELDS.items():
                height = 94 if testid == "stTextArea" else 40
                assert page.evaluate(FIELD_JS, [testid, cls]) == ["1px", "solid", color, height], (scheme, testid)


NAMED_THEME = """
[theme]
primaryColor = "purple"
backgroundColor = "hsl(200, 50%, 95%)"
redColor = "hsla(120, 100%, 30%, 1)"
"""

NAMED_APP = """
import streamlit as st
st.button("Go", type="primary")
st.markdown(":red[redtext] :red-background[redbg]")
st.text_input("Field")
"""


def test_named_and_hsl_theme_colours_drawn_as_1_67(page: Any, tmp_path: Path) -> None:
    # Expected values read from Streamlit 1.67's page for the same config.toml.
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(NAMED_THEME)
    script = tmp_path / "app.py"
    script.write_text(NAMED_APP)
    with running_server(script) as url:
        page.goto(url)
        page.locator(".md-background-red").wait_for()
        assert _css(page, '[data-testid="stBaseButton-primary"]', "backgroundColor") == "rgb(128, 0, 128)"
        assert _css(page, "body", "backgroundColor") == "rgb(236, 244, 249)"
        assert _css(page, ".input-box", "borderTopColor") == "rgba(47, 45, 43, 0.2)"
        assert _css(page, ".md-text-red", "color") == "rgb(0, 77, 0)"
        assert _css(page, ".md-background-red", "backgroundColor") == "rgba(0, 153, 0, 0.1)"


SIDEBAR_THEME = """
[theme]
codeFontWeight = 300

[theme.sidebar]
blueColor = "#0000cc"
primaryColor = "#00aa00"
"""

SIDEBAR_APP = """
import streamlit as st
st.markdown("`code` **bold `boldcode`**")
with st.sidebar:
    st.info("side info")
    st.markdown("[side link](https://example.com)")
"""


def test_sidebar_colours_reach_alerts_and_links_and_bold_code_weight(page: Any, tmp_path: Path) -> None:
    # Expected values read from Streamlit 1.67's page for the same config.toml.
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(SIDEBAR_THEME)
    script = tmp_path / "app.py"
    script.write_text(SIDEBAR_APP)
    with running_server(script) as url:
        page.goto(url)
        page.get_by_text("side info").wait_for()
        page.get_by_text("boldcode").wait_for()
        alert = '[data-testid="stSidebar"] [data-testid="stAlertContainer"]'
        assert _css(page, alert, "backgroundColor") == "rgba(0, 0, 204, 0.1)"
        assert _css(page, alert, "color") == "rgb(0, 0, 128)"
        link = '[data-testid="stSidebar"] [data-testid="stMarkdownContainer"] a'
        assert _css(page, link, "color") == "rgb(0, 0, 128)"
        weights = page.eval_on_selector_all(
            '[data-testid="stMain"] code', "(codes) => codes.map((c) => getComputedStyle(c).fontWeight)"
        )
        assert weights == ["300", "500"]
