"""Take the reference screenshots of tests/e2e/test_look.py from Streamlit 1.67.

usage: python3 scripts/take_look_references.py bench/.venv-streamlit/bin/python

Runs each app of tests/e2e/look_apps.py under that Python's `streamlit run` and writes
tests/e2e/reference/NAME.png. Taken once; run again only when the apps change.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from tests.e2e.look_apps import APPS  # noqa: E402
from tests.e2e.test_look import REFERENCE, VIEWPORT  # noqa: E402
from tests.server_process import free_port  # noqa: E402


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"Streamlit did not start at {url}")


def main(python: str) -> None:
    REFERENCE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, source in APPS.items():
            script = Path(tmp) / f"{name}.py"
            script.write_text(source)
            port = free_port()
            cmd = [python, "-m", "streamlit", "run", str(script), "--server.headless", "true"]
            cmd += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
            server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                url = f"http://127.0.0.1:{port}"
                wait_until_up(url)
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(url)
                page.locator("[data-testid=stMainBlockContainer] [data-testid=stElementContainer]").first.wait_for()
                page.wait_for_function(
                    "document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'"
                )
                page.evaluate("document.fonts.ready")
                page.wait_for_timeout(1500)
                page.screenshot(path=str(REFERENCE / f"{name}.png"))
                page.close()
                print("wrote", REFERENCE / f"{name}.png")
            finally:
                server.terminate()
                server.wait()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
