"""Widgets bound to the URL in a real browser: set from a deep link, and written into the URL
without a reload when they change."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
agree = st.checkbox("Agree", key="agree", bind="query-params")
size = st.radio("Size", ["S", "M", "L"], key="size", bind="query-params")
st.write(f"agree={agree} size={size}")
"""


def test_a_deep_link_sets_bound_widgets_and_changes_reach_the_url(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(f"{url}?agree=true&size=L&other=1")
        page.get_by_text("agree=True size=L").wait_for()
        page.evaluate("window.__kept = true")
        page.get_by_text("M", exact=True).click()
        page.get_by_text("agree=True size=M").wait_for()
        page.wait_for_function("location.search.includes('size=M')")
        page.get_by_text("Agree", exact=True).click()
        page.get_by_text("agree=False size=M").wait_for()
        page.wait_for_function("!location.search.includes('agree')")
        assert page.evaluate("location.search") == "?size=M&other=1"
        assert page.evaluate("window.__kept === true")  # no reload


PAGES = """
import streamlit as st
page = st.pagination(20, key="pg", bind="query-params")
st.write(f"page={page}")
"""


def test_a_pagination_click_reaches_the_url_and_a_deep_link_opens_its_page(serve: ServeApp, page: Any) -> None:
    with serve(PAGES) as url:
        page.goto(f"{url}?pg=5")
        page.get_by_text("page=5").wait_for()
        nav = page.locator("[data-testid=stPagination]")
        assert nav.locator("[data-testid=stPaginationPageActive]").inner_text() == "5"
        assert nav.locator("[data-testid=stPaginationEllipsis]").count() == 2
        nav.get_by_role("button", name="Page 6").click()
        page.get_by_text("page=6").wait_for()
        page.wait_for_function("location.search === '?pg=6'")
        nav.get_by_role("button", name="Previous page").click()
        page.get_by_text("page=5").wait_for()
        nav.get_by_role("button", name="Page 1", exact=True).click()
        page.get_by_text("page=1").wait_for()
        page.wait_for_function("location.search === ''")  # the default page leaves the URL
        assert nav.get_by_role("button", name="Previous page").is_disabled()
