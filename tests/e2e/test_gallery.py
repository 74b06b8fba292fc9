"""The widget gallery (examples/widget_gallery.py) in light and dark themes: screenshots and checks."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from tests.server_process import running_server

NOT_LABELS = {"set_page_config", "json", "feedback", "form"}  # first arguments that are no visible text
GALLERY = Path(__file__).resolve().parents[2] / "examples" / "widget_gallery.py"


def gallery_labels() -> list[str]:
    """The first string argument of the st.* calls in the gallery: titles, headers and widget labels."""
    labels = []
    for node in ast.walk(ast.parse(GALLERY.read_text())):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        if not (isinstance(owner, ast.Name) and owner.id == "st") or node.func.attr in NOT_LABELS:
            continue
        if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            labels.append(node.args[0].value)
    return labels


def rgb(color: str) -> tuple[int, int, int]:
    r, g, b = (int(float(c)) for c in color[color.index("(") + 1 : color.index(")")].split(",")[:3])
    return r, g, b


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_widget_gallery_renders_whole_in_both_themes(browser: Any, tmp_path: Path, scheme: str) -> None:
    labels = gallery_labels()
    assert len(labels) > 30 and "Multiselect" in labels and "Order" in labels
    with running_server(GALLERY) as url:
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1400, "height": 1000})
        try:
            page = context.new_page()
            page.set_default_timeout(15_000)
            page.goto(url)
            page.get_by_role("heading", name="Widget gallery").wait_for()
            page.get_by_role("heading", name="Values").wait_for()
            page.get_by_text('"colour"').wait_for()  # the last thing the script writes
            page.evaluate("document.fonts.ready")

            assert page.locator(".exception, [aria-label=Exception]").count() == 0
            assert page.get_by_text("cannot show").count() == 0, "an element the frontend cannot draw"
            missing = [label for label in labels if not page.get_by_text(label, exact=True).first.is_visible()]
            assert missing == [], f"not visible: {missing}"

            body = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
            text = rgb(page.evaluate("getComputedStyle(document.querySelector('h1')).color"))
            if scheme == "light":
                assert sum(body) > 600 and sum(text) < 300, (body, text)
            else:
                assert sum(body) < 150 and sum(text) > 450, (body, text)

            shot = tmp_path / f"gallery-{scheme}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 20_000
        finally:
            context.close()
