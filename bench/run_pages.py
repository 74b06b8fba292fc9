"""Issue 15's page-switch figures: a page link clicked back and forth between two small pages of
an app whose entry page holds 300 elements, Slipstream beside Streamlit 1.67 in one run.

Measured from the click to the new page's first element being visible (median over the
switches), websocket bytes received per switch, and whether the document was reloaded (a mark
set on `window` must survive). The deferred floor (bench/apps/floor_deferred, a click whose
update waits one task) is the least any server-driven update costs in this browser.

Writes bench/out/pages-<time>.json and a dated section into bench/RESULTS.md.

usage: python3 bench/run_pages.py [--switches 20]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from browser import FrameCounter, chromium_version, launch, measure_clicks
from common import (
    APPS,
    STREAMLIT_VERSION,
    Server,
    Target,
    deferred_floor_target,
    ensure_streamlit_venv,
    rank_percentile,
    slipstream_target,
    streamlit_target,
)
from playwright.sync_api import sync_playwright
from run_core import log, machine, publish_section

APP = APPS / "pages_app" / "app.py"
HEADING = "## Pages: switching pages with a page link"
# The reference install other benches share, when this checkout has none of its own.
SHARED_STREAMLIT = Path("/work/main/bench/.venv-streamlit/bin/python")


def measure_switches(target: Target, switches: int) -> dict[str, Any]:
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page()
            frames = FrameCounter()
            page.on("websocket", frames.watch)
            page.goto(target.url + "alpha")
            page.get_by_text("page alpha", exact=True).wait_for(timeout=60_000)
            page.wait_for_timeout(500)
            page.evaluate("window.__kept = true")
            before = frames.received
            latencies = []
            for k in range(switches):
                other = "beta" if k % 2 == 0 else "alpha"
                start = time.perf_counter()
                page.get_by_role("link", name=f"To {other}").first.click()
                page.get_by_text(f"page {other}", exact=True).wait_for(timeout=30_000)
                latencies.append((time.perf_counter() - start) * 1000)
                page.wait_for_timeout(150)  # let the run end before the next click
            page.wait_for_timeout(300)
            kept = bool(page.evaluate("window.__kept === true"))
            per_switch = (frames.received - before) / switches
            browser.close()
    return {
        "switch_ms_median": statistics.median(latencies),
        "switch_ms_p90": rank_percentile(latencies, 0.9),
        "ws_bytes_per_switch": per_switch,
        "no_reload": kept,
        "switch_ms": latencies,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--switches", type=int, default=20)
    args = parser.parse_args()
    python = SHARED_STREAMLIT if SHARED_STREAMLIT.exists() else ensure_streamlit_venv()
    chromium = chromium_version()
    results: dict[str, Any] = {"machine": machine(chromium), "chromium": chromium, "switches": args.switches}
    log("slipstream")
    results["slipstream"] = measure_switches(slipstream_target(APP), args.switches)
    log("streamlit")
    results["streamlit"] = measure_switches(streamlit_target(python, APP), args.switches)
    log("deferred floor")
    floor = measure_clicks(deferred_floor_target(), args.switches)
    results["floor_deferred_ms_median"] = statistics.median(floor.click_ms)
    ss, st = results["slipstream"], results["streamlit"]
    rows = [
        f"| Slipstream | {ss['switch_ms_median']:.1f} | {ss['switch_ms_p90']:.1f} | {ss['ws_bytes_per_switch']:,.0f} | "
        f"{'no' if ss['no_reload'] else 'yes'} |",
        f"| Streamlit {STREAMLIT_VERSION} | {st['switch_ms_median']:.1f} | {st['switch_ms_p90']:.1f} | "
        f"{st['ws_bytes_per_switch']:,.0f} | {'no' if st['no_reload'] else 'yes'} |",
        f"| deferred floor | {results['floor_deferred_ms_median']:.1f} | | | |",
    ]
    section = "\n".join(
        [
            HEADING,
            "",
            f"{time.strftime('%Y-%m-%d')}, {results['machine'].get('cpu', '?')}, Chromium {results['chromium']}; "
            f"`python3 bench/run_pages.py --switches {args.switches}` (bench/apps/pages_app: an entry page of 300 "
            "elements, two pages of 22 elements each, page links clicked back and forth).",
            "",
            "| target | click to the new page's first element, median ms | p90 ms | websocket bytes per switch "
            "| page reloaded |",
            "|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    publish_section("pages", HEADING, results, section)


if __name__ == "__main__":
    main()
