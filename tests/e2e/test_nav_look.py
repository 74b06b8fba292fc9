"""The sidebar menu of pages measured as Streamlit 1.67 draws it (sizes read from its page in
the same browser): 14px labels in 28px rows 34px apart, sections with 14px headers, the
"View more" button of a long menu above the sidebar's own elements."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
def page(): st.write("x")
pages = {
    "Section one": [st.Page(page, title="First page", icon=":material/home:", url_path="a")]
    + [st.Page(page, title=f"Page {i}", url_path=f"p{i}") for i in range(8)],
    "Section two": [st.Page(page, title="Third", icon="🚀", url_path="c"), st.Page(page, title="Fourth", url_path="d")]
    + [st.Page(page, title=f"More {i}", url_path=f"m{i}") for i in range(3)],
}
st.navigation(pages).run()
st.sidebar.write("Sidebar text")
"""

MEASURE = """() => {
  const box = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height),
            s.fontSize, s.lineHeight, s.fontWeight]; };
  const q = (sel) => [...document.querySelectorAll(sel)];
  return {
    nav: box(q('[data-testid=stSidebarNav]')[0]),
    links: q('[data-testid=stSidebarNavLink]').slice(0, 3).map(box),
    labels: q('[data-testid=stSidebarNavLink] .nav-label').slice(0, 2).map(box),
    headers: q('[data-testid=stNavSectionHeader]').map(box),
    view: box(q('[data-testid=stSidebarNavViewButton]')[0]),
    separator: box(q('[data-testid=stSidebarNavSeparator]')[0]),
    text: box(q('[data-testid=stSidebarUserContent] p')[0]),
  };
}"""


def test_the_sidebar_menu_has_streamlits_sizes(serve: ServeApp, page: Any) -> None:
    page.set_viewport_size({"width": 1200, "height": 900})
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("Sidebar text").wait_for()
        got = page.evaluate(MEASURE)
    # x, y, width, height, font size, line height, weight: as 1.67 lays the same app out
    assert got["nav"][:3] == [30, 76, 240]
    assert [link[:4] for link in got["links"]] == [[30, 103, 240, 28], [30, 137, 240, 28], [30, 171, 240, 28]]
    assert [label[4:] for label in got["labels"]] == [["14px", "28px", "600"], ["14px", "28px", "400"]]
    assert [header[:7] for header in got["headers"]] == [
        [30, 76, 240, 21, "14px", "21px", "500"],
        [30, 421, 240, 21, "14px", "21px", "500"],
    ]
    # ten pages shown, then the button for the other four, then the rule, then the sidebar's text
    assert got["view"][:5] == [30, 486, 87, 26, "14px"]
    assert got["separator"][:4] == [30, 512, 240, 17]
    assert got["text"][1] == 553


def test_a_section_chevron_shows_under_the_pointer(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        header = page.locator('[data-testid="stNavSectionHeader"]').first
        chevron = header.locator(".nav-section-chevron")
        chevron.wait_for(state="attached")
        assert not chevron.is_visible()
        header.hover()
        assert chevron.is_visible()
        header.click()
        assert header.get_attribute("aria-expanded") == "false"
        # a closed section's pages take no room: the other section's five all show, no button
        expect = ["Third", "Fourth", "More 0", "More 1", "More 2"]
        page.wait_for_function("document.querySelectorAll('[data-testid=stSidebarNavLink]').length === 5")
        assert [t.split("\n")[-1] for t in page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()] == expect
        assert page.locator('[data-testid="stSidebarNavViewButton"]').count() == 0
