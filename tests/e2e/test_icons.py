"""Material icons (`:material/name:`) drawn by the bundled icon font, with no network."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

# Font size, glyph width and font family of the first icon span in `scope`, once the font is in.
ICON_METRICS = """
async (scope) => {
  const icon = document.querySelector(scope + " .material-icon");
  await document.fonts.ready;
  const style = getComputedStyle(icon);
  return {
    name: icon.textContent,
    family: style.fontFamily,
    size: parseFloat(style.fontSize),
    width: icon.getBoundingClientRect().width,
    loaded: document.fonts.check(style.fontSize + ' "Material Symbols Rounded"', icon.textContent),
  };
}
"""

# The width the icon's name takes as ordinary text, for comparison with the glyph.
WORD_WIDTH = """
(scope) => {
  const icon = document.querySelector(scope + " .material-icon");
  const probe = document.createElement("span");
  probe.textContent = icon.textContent;
  probe.style.font = getComputedStyle(icon.parentElement).font;
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}
"""


def test_button_and_markdown_icons_use_the_icon_font(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
st.button("Save", icon=":material/save:")
st.markdown("Go :material/arrow_forward: now")
"""
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if ".woff" in request.url else None)
    with serve(app) as url:
        page.goto(url)
        page.get_by_role("button", name="Save").wait_for()
        page.get_by_role("img", name="arrow_forward icon").wait_for()
        for scope, name in ((".button", "save"), (".md", "arrow_forward")):
            icon = page.evaluate(ICON_METRICS, scope)
            assert icon["name"] == name
            assert "Material Symbols Rounded" in icon["family"]
            assert icon["loaded"], f"the icon font is not loaded for {name}"
            # One glyph, one em wide, where the word is nearly two ems or more ('save' in Source Sans: 1.9).
            assert abs(icon["width"] - icon["size"]) < 1, icon
            assert page.evaluate(WORD_WIDTH, scope) > 1.5 * icon["size"]
        assert page.get_by_text(":material/").count() == 0
    assert any("material-symbols-rounded" in font for font in fonts)


def test_a_page_without_icons_does_not_fetch_the_icon_font(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
st.button("Plain")
st.markdown("No icons here, only `:material/home:` in code")
"""
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if ".woff" in request.url else None)
    with serve(app) as url:
        page.goto(url)
        page.get_by_role("button", name="Plain").wait_for()
        page.get_by_text(":material/home:").wait_for()
        page.evaluate("document.fonts.ready.then(() => null)")
    assert not any("material-symbols" in font for font in fonts)
