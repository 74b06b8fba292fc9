"""Apps look as on Streamlit 1.67: screenshots against stored references, and an app's stylesheet
aimed at Streamlit's hooks lands on the same elements."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageFilter
from playwright.sync_api import ViewportSize

from tests.e2e.conftest import ServeApp
from tests.e2e.look_apps import APPS, LANDS, STYLED_APP

REFERENCE = Path(__file__).parent / "reference"
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
HEADER = 60  # the header bar differs on purpose (Streamlit's Deploy button): left out
CELL = 80  # compared region, in pixels
# Blurred and scaled down, text becomes grey bands: a different font rasteriser or a line a few
# pixels lower moves a region's mean a little; a missing sidebar, a box of another colour or a
# block in another column moves it a lot.
MAX_CELL_DIFF = 0.11
MAX_MEAN_DIFF = 0.03


def settled_screenshot(page: Any, url: str) -> Image.Image:
    page.set_viewport_size(VIEWPORT)
    page.goto(url)
    page.locator("[data-testid=stMainBlockContainer] [data-testid=stElementContainer]").first.wait_for()
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(1000)
    return Image.open(BytesIO(page.screenshot())).convert("L")


def region_differences(ours: Image.Image, reference: Image.Image) -> np.ndarray:
    """Mean absolute difference (0..1) of each CELL x CELL region, after a blur."""

    def prepared(img: Image.Image) -> np.ndarray:
        img = img.crop((0, HEADER, VIEWPORT["width"], VIEWPORT["height"])).filter(ImageFilter.GaussianBlur(6))
        return np.asarray(img, dtype=np.float64) / 255

    a, b = prepared(ours), prepared(reference)
    rows, cols = a.shape[0] // CELL, a.shape[1] // CELL
    diff = np.abs(a - b)[: rows * CELL, : cols * CELL]
    cells: np.ndarray = diff.reshape(rows, CELL, cols, CELL).mean(axis=(1, 3))
    return cells


@pytest.mark.parametrize("name", sorted(APPS))
def test_app_looks_like_streamlit(page: Any, serve: ServeApp, name: str, tmp_path: Path) -> None:
    reference = Image.open(REFERENCE / f"{name}.png").convert("L")
    with serve(APPS[name]) as url:
        ours = settled_screenshot(page, url)
    cells = region_differences(ours, reference)
    if cells.max() > MAX_CELL_DIFF or cells.mean() > MAX_MEAN_DIFF:
        ours.save(tmp_path / f"{name}-slipstream.png")
        worst = np.unravel_index(cells.argmax(), cells.shape)
        pytest.fail(
            f"{name}: looks unlike Streamlit 1.67 (worst region at x={worst[1] * CELL}, "
            f"y={worst[0] * CELL + HEADER}: {cells.max():.3f}, mean {cells.mean():.3f}); "
            f"compare {tmp_path / f'{name}-slipstream.png'} with {REFERENCE / f'{name}.png'}"
        )


def test_app_stylesheet_lands_on_the_same_elements(page: Any, serve: ServeApp) -> None:
    with serve(STYLED_APP) as url:
        page.goto(url)
        page.get_by_text("Inside").wait_for()
        got = page.evaluate(
            """(lands) => lands.map(([sel, prop]) => {
                 const e = document.querySelector(sel);
                 return e ? getComputedStyle(e).getPropertyValue(prop) : 'no element';
               })""",
            [[selector, prop] for selector, prop, _ in LANDS],
        )
    missed = [
        f"{selector} {prop}: {value!r}, not {want!r}"
        for (selector, prop, want), value in zip(LANDS, got, strict=True)
        if value != want
    ]
    assert missed == []
