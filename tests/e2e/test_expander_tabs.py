"""Stateful expanders and tabs in a real browser: opening or switching reruns the script, which
then writes only what shows."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
details = st.expander("Details", on_change="rerun")
if details.open:
    details.write("expensive details")
chart, data = st.tabs(["Chart", "Data"], on_change="rerun")
if chart.open:
    chart.write("the chart")
if data.open:
    data.write("the data")
st.write(f"runs see: {details.open} {chart.open} {data.open}")
"""


def test_opening_and_switching_rerun_with_the_new_state(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("runs see: False True False").wait_for()
        assert page.get_by_text("expensive details").count() == 0
        page.get_by_text("Details", exact=True).click()
        page.get_by_text("expensive details").wait_for()
        page.get_by_text("runs see: True True False").wait_for()
        page.get_by_role("tab", name="Data").click()
        page.get_by_text("the data").wait_for()
        page.get_by_text("runs see: True False True").wait_for()
        assert page.get_by_role("tab", name="Data").get_attribute("aria-selected") == "true"
        page.get_by_text("Details", exact=True).click()
        page.get_by_text("runs see: False False True").wait_for()
