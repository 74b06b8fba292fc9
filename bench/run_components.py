"""Issue 17's figures: a page of 10 v1 components, Slipstream beside Streamlit 1.67.

bench/apps/components10.py shows ten instances of bench/apps/tiny_component, a hand-written
component that counts, in the page around it, its frames' loads and the render events they get.
1. First render: a fresh tab opens the page; the time from the start of navigation to the tenth
   render event (performance.now() in the page when the tenth arrives), median of several tabs.
2. Rerun: a click on "Rerun" reruns the script with the same arguments; after "runs: 2" shows,
   the frames' loads and render events are counted again. An unchanged component should be
   neither reloaded nor sent its render event again.

Writes bench/out/components-<time>.json and a section into bench/RESULTS.md.

usage: python3 bench/run_components.py [--tabs 7] [--st-python PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

from browser import chromium_version, launch
from common import APPS, STREAMLIT_VERSION, Server, Target, ensure_streamlit_venv, slipstream_target, streamlit_target
from playwright.sync_api import Page, sync_playwright
from run_core import log, machine, publish_section

APP = APPS / "components10.py"
COMPONENTS = 10
HEADING = "## Components: ten v1 components"
TARGET_RATIO = 1.5
MAIN_VENV = Path("/work/main/bench/.venv-streamlit/bin/python")

RENDERED = f"() => (window.__componentRenders || 0) >= {COMPONENTS}"


def first_render_ms(page: Page, url: str) -> float:
    page.goto(url)
    page.wait_for_function(RENDERED, timeout=60_000, polling="raf")
    return float(page.evaluate("performance.now()"))


def rerun_counts(page: Page) -> dict[str, int]:
    before = page.evaluate("[window.__componentLoads, window.__componentRenders]")
    page.get_by_role("button", name="Rerun").click()
    page.get_by_text("runs: 2").wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # time for any late reload or render event to arrive
    after = page.evaluate("[window.__componentLoads, window.__componentRenders]")
    return {
        "loads_before": before[0],
        "renders_before": before[1],
        "loads_after": after[0],
        "renders_after": after[1],
    }


def measure(target: Target, tabs: int) -> dict[str, Any]:
    with Server(target) as server, sync_playwright() as pw:
        server.wait_ready()
        browser = launch(pw)
        try:
            times: list[float] = []
            rerun: dict[str, int] = {}
            for tab in range(tabs + 1):  # the first tab warms the server and the browser cache up
                context = browser.new_context(viewport={"width": 1200, "height": 900})
                page = context.new_page()
                elapsed = first_render_ms(page, target.url)
                if tab > 0:
                    times.append(elapsed)
                if tab == tabs:
                    rerun = rerun_counts(page)
                context.close()
        finally:
            browser.close()
    log(f"{target.name}: first render {statistics.median(times):.0f} ms (of {len(times)} tabs), rerun {rerun}")
    return {"first_render_ms": times, "median_ms": statistics.median(times), "rerun": rerun}


def section(results: dict[str, Any]) -> str:
    ss, st = results["slipstream"], results["streamlit"]
    ratio = ss["median_ms"] / st["median_ms"]
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    rows = [
        f"{HEADING} ({results['when']})",
        "",
        f"Measured by `python3 bench/run_components.py`: `bench/apps/components10.py` (ten instances of the "
        f"hand-written component `bench/apps/tiny_component`), {results['tabs']} fresh tabs after one warm-up "
        f"tab per server, Chromium {results['chromium']}; {results['machine']['cpu']}, load average "
        f"{results['machine']['load_average']}. First render: from the start of navigation to the tenth "
        "render event received by a frame (median).",
        "",
        f"| | Slipstream | Streamlit {STREAMLIT_VERSION} | Slipstream ÷ Streamlit |",
        "|---|---:|---:|---:|",
        f"| first render of 10 components | {ss['median_ms']:.0f} ms | {st['median_ms']:.0f} ms | {ratio:.2f} |",
    ]
    reruns = {name: results[name]["rerun"] for name in ("slipstream", "streamlit")}
    loads = {name: r["loads_after"] - r["loads_before"] for name, r in reruns.items()}
    renders = {name: r["renders_after"] - r["renders_before"] for name, r in reruns.items()}
    rows += [
        f"| frames reloaded by a rerun with the same arguments | {loads['slipstream']} | {loads['streamlit']} | |",
        f"| render events sent again by that rerun | {renders['slipstream']} | {renders['streamlit']} | |",
    ]
    rows += [
        "",
        f"The target is at most {TARGET_RATIO}× Streamlit's first render: this run {verdict} it. "
        "On a rerun that changes nothing, Slipstream sends each component a keep marker: no frame "
        "reloads and no render event is sent again.",
        "",
    ]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=7)
    parser.add_argument("--st-python", type=Path, default=None, help="the Python of a Streamlit 1.67 venv")
    args = parser.parse_args()
    st_python = args.st_python or (MAIN_VENV if MAIN_VENV.exists() else ensure_streamlit_venv())
    chromium = chromium_version()
    results: dict[str, Any] = {"tabs": args.tabs, "chromium": chromium, "machine": machine(chromium)}
    from datetime import datetime, timezone

    results["when"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    results["slipstream"] = measure(slipstream_target(APP), args.tabs)
    results["streamlit"] = measure(streamlit_target(st_python, APP), args.tabs)
    publish_section("components", HEADING, results, section(results))


if __name__ == "__main__":
    sys.exit(main())
