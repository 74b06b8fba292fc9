"""st.mermaid_chart in a real browser: Mermaid is fetched only by a page that shows a diagram,
and draws it as an SVG named by its alt text."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
if st.checkbox("Show the diagram"):
    st.mermaid_chart("graph LR\\n  A[Start] --> B[End]", alt="From start to end")
"""


def test_mermaid_loads_on_first_use_and_draws_the_diagram(serve: ServeApp, page: Any) -> None:
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if "mermaid" in request.url else None)
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("Show the diagram").wait_for()
        assert scripts == []
        page.get_by_text("Show the diagram").click()
        diagram = page.get_by_role("img", name="From start to end")
        diagram.wait_for()
        assert scripts, "Mermaid's chunk was not fetched"
        assert diagram.evaluate("svg => svg.tagName") == "svg"
        assert page.get_by_text("Start", exact=True).is_visible()
