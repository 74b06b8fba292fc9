"""In a real browser, what Streamlit 1.67 apps rely on: `.st-key-<key>` classes where apps' CSS
finds them, heading ids and links (and a `#id` address scrolling to its heading), a link button
that reruns, and a widget whose changes wait for the next rerun (on_change="ignore")."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
st.markdown("<style>.st-key-go button { outline: 3px solid rgb(255, 0, 0); }</style>", unsafe_allow_html=True)
st.button("Go", key="go")
with st.expander("More", key="more"):
    st.write("inside")
later = st.checkbox("Later", on_change="ignore")
st.write(f"later={later}")
if st.link_button("Docs", "about:blank", on_click="rerun"):
    st.write("docs clicked")
for i in range(40):
    st.write(f"filler {i}")
st.markdown("## Far Down Heading")
st.sidebar.header("Side")
"""


def test_keys_anchors_and_deferred_changes(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url + "#far-down-heading")
        heading = page.get_by_role("heading", name="Far Down Heading")
        heading.wait_for()
        assert heading.get_attribute("id") == "far-down-heading"
        page.wait_for_function("() => window.scrollY > 0 || document.querySelector('.main-content')?.scrollTop > 0")
        assert heading.locator("[data-testid=stHeaderActionElements] a").get_attribute("href") == "#far-down-heading"
        side = page.get_by_role("heading", name="Side")
        assert side.get_attribute("id") is None

        go = page.locator(".st-key-go")
        assert go.get_attribute("data-testid") == "stElementContainer"
        assert go.locator("button").evaluate("b => getComputedStyle(b).outlineColor") == "rgb(255, 0, 0)"
        assert page.locator(".st-key-more").get_attribute("data-testid") == "stLayoutWrapper"

        page.get_by_role("checkbox", name="Later").check()
        page.wait_for_timeout(400)
        assert page.get_by_text("later=False").count() == 1  # held: no rerun yet
        with page.context.expect_page() as opened:
            page.get_by_role("link", name="Docs").click()
        opened.value.close()
        page.get_by_text("docs clicked").wait_for()
        page.get_by_text("later=True").wait_for()  # the held change came with that rerun


LAYOUT_APP = """
import streamlit as st
st.space("small")
grid = st.grid(2, key="cells")
grid.write("a")
grid.write("b")
st.menu_button("Actions", ["Copy", "Paste"])
"""

CHAIN_JS = """id => { const chain = []; let e = document.querySelector(`[data-testid=${id}]`);
  for (let i = 0; e && i < 3; i++, e = e.parentElement) chain.push(e.getAttribute("data-testid"));
  return chain.join(" < "); }"""


def test_space_grid_and_menu_button_hooks(serve: ServeApp, page: Any) -> None:
    with serve(LAYOUT_APP) as url:
        page.goto(url)
        page.get_by_role("button", name="Actions").wait_for()
        assert page.evaluate(CHAIN_JS, "stSpace") == "stSpace < stElementContainer < stVerticalBlock"
        assert page.evaluate(CHAIN_JS, "stMenuButtonButton") == "stMenuButtonButton < stMenuButton < stElementContainer"
        assert page.evaluate(CHAIN_JS, "stGridCell").startswith("stGridCell < stGrid")
        grid = page.locator("[data-testid=stGrid]")
        assert "stGrid" in (grid.get_attribute("class") or "").split()
        assert "st-key-cells" in (grid.get_attribute("class") or "").split()
        assert page.locator("[data-testid=stLayoutWrapper] [data-testid=stGrid]").count() == 1
        assert page.locator("[data-testid=stMenuButton]").get_attribute("class").startswith("stMenuButton")
