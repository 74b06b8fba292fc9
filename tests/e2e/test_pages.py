"""Multipage apps in a real browser: the sidebar and top menus, sections, page links, back and
forward without reloads, deep links, a page not found, query parameters both ways, tab titles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.server_process import running_server

MAIN = """
import streamlit as st
st.sidebar.write("shared sidebar")
st.title("Home")
st.page_link("pages/02_📊_Sales_report.py", label="Go to sales", query_params={"region": "north"})
st.write(f"home query {st.query_params.to_dict()}")
"""
SALES = """
import streamlit as st
st.title("Sales")
st.write(f"sales region {st.query_params.get('region')}")
if st.button("Set year"):
    st.query_params["year"] = "2024"
"""
ABOUT = """
import streamlit as st
st.set_page_config(page_title="About us")
st.title("About")
if st.button("Back home"):
    st.switch_page("app.py", query_params={"from": "about"})
"""


def _folder_app(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "02_📊_Sales_report.py").write_text(SALES)
    (tmp_path / "pages" / "1_about.py").write_text(ABOUT)
    main = tmp_path / "app.py"
    main.write_text(MAIN)
    return main


def _marker(page: Any) -> None:
    """Mark the document: a full reload would lose the mark."""
    page.evaluate("window.__kept = true")


def _kept(page: Any) -> bool:
    return bool(page.evaluate("window.__kept === true"))


def test_sidebar_menu_links_history_and_titles(tmp_path: Path, page: Any) -> None:
    with running_server(_folder_app(tmp_path)) as url:
        page.goto(url)
        page.get_by_role("heading", name="Home").wait_for()
        _marker(page)
        links = page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]')
        assert links.all_inner_texts() == ["app", "about", "📊\nSales report"]
        assert page.get_by_text("shared sidebar").is_visible()
        assert page.title() == "app"

        page.locator('[data-testid="stPageLink-NavLink"]').click()
        page.get_by_text("sales region north").wait_for()
        assert page.evaluate("location.pathname + location.search") == "/Sales_report?region=north"
        assert page.title() == "Sales report"
        assert links.nth(2).get_attribute("aria-current") == "page"

        links.nth(1).click()
        page.get_by_role("heading", name="About").wait_for()
        page.wait_for_function("document.title === 'About us'")  # the page's own title
        page.go_back()
        page.get_by_text("sales region north").wait_for()
        page.wait_for_function("document.title === 'Sales report'")
        page.go_forward()
        page.get_by_role("heading", name="About").wait_for()
        page.get_by_role("button", name="Back home").click()
        page.get_by_text("home query {'from': 'about'}").wait_for()
        assert page.evaluate("location.pathname + location.search") == "/?from=about"
        assert _kept(page)  # no reload all along


def test_query_params_both_ways(tmp_path: Path, page: Any) -> None:
    with running_server(_folder_app(tmp_path)) as url:
        page.goto(url + "/Sales_report?region=west")  # a deep link
        page.get_by_text("sales region west").wait_for()
        _marker(page)
        page.get_by_role("button", name="Set year").click()
        page.wait_for_function("location.search === '?region=west&year=2024'")
        page.evaluate("history.pushState(null, '', '/Sales_report?region=east'); history.back()")
        page.wait_for_function("location.search === '?region=west&year=2024'")
        page.get_by_text("sales region west").wait_for()
        assert _kept(page)


def test_a_page_not_found_shows_the_notice_and_the_main_page(tmp_path: Path, page: Any) -> None:
    with running_server(_folder_app(tmp_path)) as url:
        page.goto(url + "/nope?z=1")
        page.get_by_role("dialog").get_by_text("Page not found").wait_for()
        page.get_by_role("heading", name="Home").wait_for()
        page.wait_for_function("location.pathname + location.search === '/?z=1'")
        page.get_by_role("dialog").get_by_role("button", name="Close").click()
        assert page.get_by_role("dialog").count() == 0


NAV_APP = """
import streamlit as st
def home():
    st.title("Home page")
def report():
    st.title("Report page")
pg = st.navigation(
    {"": [st.Page(home)], "Reports": [st.Page(report, url_path="rep")]},
    position=st.session_state.get("position", "sidebar"),
)
if st.sidebar.button("Top"):
    st.session_state.position = "top"
    st.rerun()
pg.run()
"""


def test_sections_in_the_sidebar_and_in_the_top_bar(tmp_path: Path, page: Any) -> None:
    main = tmp_path / "app.py"
    main.write_text(NAV_APP)
    with running_server(main) as url:
        page.goto(url)
        page.get_by_role("heading", name="Home page").wait_for()
        assert page.locator('[data-testid="stNavSectionHeader"]').all_inner_texts()[0].startswith("Reports")
        page.locator('[data-testid="stSidebarNavLink"]', has_text="report").click()
        page.get_by_role("heading", name="Report page").wait_for()
        assert page.evaluate("location.pathname") == "/rep"
        page.get_by_role("button", name="Top").click()
        section = page.locator('[data-testid="stTopNavSection"]')
        section.wait_for()
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0
        page.locator('[data-testid="stTopNavLink"]', has_text="home").click()
        page.get_by_role("heading", name="Home page").wait_for()
        section.click()
        page.locator('[data-testid="stTopNavLink"]', has_text="report").click()
        page.get_by_role("heading", name="Report page").wait_for()
