"""Real-browser tests: a real `slipstream run` server and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from tests.server_process import running_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STATIC_INDEX = Path(__file__).resolve().parents[2] / "src" / "slipstream" / "static" / "index.html"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is needed for browser tests: apt-get install -y chromium")
    if not STATIC_INDEX.is_file():
        pytest.fail("the frontend is not built: pip install -e . builds it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


ServeApp = Callable[..., AbstractContextManager[str]]


@pytest.fixture
def serve(tmp_path: Path) -> ServeApp:
    """``with serve(source, *flags) as url:`` serves the script ``source`` (written to app.py)."""

    def start(source: str, *flags: str) -> AbstractContextManager[str]:
        script = tmp_path / "app.py"
        script.write_text(source)
        return running_server(script, *flags)

    return start
