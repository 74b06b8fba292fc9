"""Issue 6's figures: a data-heavy app's clicks, and a 1,000,000-row grid, Slipstream beside Streamlit.

1. bench/apps/heavy.py (the reference app: a counter above a cached 20,000-row st.dataframe, a line
   chart and 200 st.metric): click-to-update and websocket bytes per rerun, with the harness floor
   and the deferred floor, as run_widgets.py does for the widgets app.
2. bench/apps/bigframe.py (a 1,000,000 x 10 int DataFrame in st.dataframe): the time from the
   script calling st.dataframe to the first rows drawn in the browser, and from scrolling the grid
   to its end to the last row drawn. Both frameworks draw the grid with glide-data-grid on a
   canvas: a hook on fillText notes when a marker cell's text is drawn. Glide also mirrors the
   cells on screen in an accessibility table (`#glide-cell-<column>-<row>`, updated 200 ms after
   a draw); a MutationObserver times that too. Each server start serves several fresh tabs
   (sessions); the first pays for encoding the frame, later ones may reuse it.

Writes bench/out/data-<time>.json and a dated section into bench/RESULTS.md above run_core.py's part.

usage: python3 bench/run_data.py [--clicks 30] [--repeats 2] [--tabs 4]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from browser import ClickRun, chromium_version, launch, measure_clicks
from common import (
    APPS,
    STREAMLIT_VERSION,
    Server,
    Target,
    deferred_floor_target,
    ensure_streamlit_venv,
    floor_target,
    rank_percentile,
    slipstream_target,
    streamlit_target,
)
from playwright.sync_api import sync_playwright
from run_core import log, machine, publish_section

HEAVY_APP = APPS / "heavy.py"
BIG_APP = APPS / "bigframe.py"
ROWS = 1_000_000
HEADING = "## Data: heavy.py and a 1,000,000-row grid"
CLICK_ABOVE_FLOOR_MS = 40.0
WS_BYTES_PER_RERUN = 1024

# Notes the wall-clock time (Date.now(), ms) at which the grid first draws a marker cell's text on
# its canvas, and at which the cell first exists in glide-data-grid's accessibility table (which
# glide updates 200 ms after the canvas, debounced). Both frameworks draw numbers with fillText,
# Streamlit possibly with thousands separators, so only the digits are compared.
WATCH_CELLS = """
window.__seen = {};
const drawn = %s;
const cells = %s;
const fillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
  const name = drawn[String(text).replace(/[^0-9]/g, "")];
  if (name && !(name in window.__seen)) window.__seen[name] = Date.now();
  return fillText.call(this, text, ...rest);
};
const check = () => {
  for (const [id, name] of Object.entries(cells))
    if (!(name in window.__seen) && document.getElementById(id)) window.__seen[name] = Date.now();
};
new MutationObserver(check).observe(document, { subtree: true, childList: true });
"""
# Row 1, column c9 holds 19 (the index column shows 0-9 on the first screen, so "19" is the cell);
# the last row's c9 holds 9999999.
DRAWN = {"19": "first", str(ROWS * 10 - 1): "last"}
CELLS = {"glide-cell-10-1": "first_a11y", f"glide-cell-0-{ROWS - 1}": "last_a11y"}
SEEN = "() => '%s' in window.__seen && '%s' in window.__seen"


def grid_times(target: Target, tabs: int) -> list[dict[str, float]]:
    """For each fresh tab: ms from st.dataframe to the first rows, and from scrolling to the last row,
    drawn on the canvas and in the accessibility table."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        t0_file = Path(tmp) / "t0"
        os.environ["BENCH_T0_FILE"] = str(t0_file)
        try:
            with Server(target) as server:
                server.wait_ready()
                with sync_playwright() as pw:
                    browser = launch(pw)
                    for _ in range(tabs):
                        t0_file.unlink(missing_ok=True)
                        page = browser.new_page(viewport={"width": 1200, "height": 900})
                        page.add_init_script(WATCH_CELLS % (json.dumps(DRAWN), json.dumps(CELLS)))
                        page.goto(target.url)
                        page.wait_for_function(SEEN % ("first", "first_a11y"), timeout=120_000)
                        t0 = float(t0_file.read_text()) * 1000
                        page.wait_for_timeout(500)
                        scroll_start = page.evaluate(
                            """() => {
                              const scroller = document.querySelector('.dvn-scroller');
                              const start = Date.now();
                              scroller.scrollTop = scroller.scrollHeight;
                              return start;
                            }"""
                        )
                        page.wait_for_function(SEEN % ("last", "last_a11y"), timeout=60_000)
                        seen = page.evaluate("() => window.__seen")
                        results.append(
                            {
                                "first_rows_ms": seen["first"] - t0,
                                "last_row_ms": seen["last"] - scroll_start,
                                "first_rows_a11y_ms": seen["first_a11y"] - t0,
                                "last_row_a11y_ms": seen["last_a11y"] - scroll_start,
                            }
                        )
                        page.close()
                    browser.close()
        finally:
            del os.environ["BENCH_T0_FILE"]
    return results


def summarize_clicks(runs: list[ClickRun]) -> dict[str, Any]:
    clicks = [ms for run in runs for ms in run.click_ms]
    return {
        "click_ms_median": statistics.median(clicks),
        "click_ms_p90": rank_percentile(clicks, 0.9),
        "ws_bytes_per_rerun": statistics.mean(run.ws_bytes_per_rerun for run in runs),
        "server_rss_kib": statistics.median(run.server_rss_kib for run in runs),
        "clicks": clicks,
    }


def summarize_grid(starts: list[list[dict[str, float]]]) -> dict[str, Any]:
    first_tabs = [tabs[0] for tabs in starts]
    later_tabs = [tab for tabs in starts for tab in tabs[1:]]
    all_tabs = first_tabs + later_tabs
    return {
        "first_tab_first_rows_ms": statistics.median(t["first_rows_ms"] for t in first_tabs),
        "later_tabs_first_rows_ms": statistics.median(t["first_rows_ms"] for t in later_tabs),
        "last_row_ms": statistics.median(t["last_row_ms"] for t in all_tabs),
        "first_tab_first_rows_a11y_ms": statistics.median(t["first_rows_a11y_ms"] for t in first_tabs),
        "later_tabs_first_rows_a11y_ms": statistics.median(t["first_rows_a11y_ms"] for t in later_tabs),
        "last_row_a11y_ms": statistics.median(t["last_row_a11y_ms"] for t in all_tabs),
        "tabs": starts,
    }


def measure(args: argparse.Namespace, st_python: Path) -> dict[str, Any]:
    click_targets: list[Callable[[], Target]] = [
        floor_target,
        deferred_floor_target,
        lambda: slipstream_target(HEAVY_APP),
        lambda: streamlit_target(st_python, HEAVY_APP),
    ]
    grid_targets: list[Callable[[], Target]] = [
        lambda: slipstream_target(BIG_APP),
        lambda: streamlit_target(st_python, BIG_APP),
    ]
    # A first, untimed start of each framework caches the bytecode of what it imports.
    for make in click_targets[2:]:
        measure_clicks(make(), 2)
    clicks: dict[str, list[ClickRun]] = {}
    grids: dict[str, list[list[dict[str, float]]]] = {}
    for repeat in range(1, args.repeats + 1):
        for make in click_targets:
            target = make()
            run = measure_clicks(target, args.clicks)
            clicks.setdefault(target.name, []).append(run)
            log(
                f"heavy {repeat}/{args.repeats} {target.name:14} {statistics.median(run.click_ms):6.1f} ms, "
                f"{run.ws_bytes_per_rerun:8,.0f} B/rerun"
            )
        for make in grid_targets:
            target = make()
            tabs = grid_times(target, args.tabs)
            grids.setdefault(target.name, []).append(tabs)
            log(
                f"grid  {repeat}/{args.repeats} {target.name:14} first rows "
                + ", ".join(f"{t['first_rows_ms']:.0f}" for t in tabs)
                + " ms; last row "
                + ", ".join(f"{t['last_row_ms']:.0f}" for t in tabs)
                + " ms"
            )
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(chromium_version()),
        "settings": {"clicks": args.clicks, "repeats": args.repeats, "tabs": args.tabs},
        "heavy": {name: summarize_clicks(runs) for name, runs in clicks.items()},
        "grid": {name: summarize_grid(starts) for name, starts in grids.items()},
    }


def render(results: dict[str, Any]) -> str:
    m, h, g, s = results["machine"], results["heavy"], results["grid"], results["settings"]
    floor, deferred, slip, st = h["floor"], h["floor_deferred"], h["slipstream"], h["streamlit"]
    gs, gt = g["slipstream"], g["streamlit"]

    def above(row: dict[str, Any], key: str) -> str:
        return f"{row[key]:.1f} ms (floor + {row[key] - floor[key]:.1f})"

    above_floor = slip["click_ms_median"] - floor["click_ms_median"]
    ws = slip["ws_bytes_per_rerun"]
    first_ratio = gs["first_tab_first_rows_ms"] / gt["first_tab_first_rows_ms"]
    scroll_ratio = gs["last_row_ms"] / gt["last_row_ms"]

    def met(ok: bool) -> str:
        return "yes" if ok else "**no**"

    def grid_row(label: str, key: str) -> str:
        return f"| {label} | {gs[key]:,.0f} ms | {gt[key]:,.0f} ms | {gt[key] / gs[key]:.1f}× |"

    lines = [
        f"{HEADING} ({results['date']})",
        "",
        "Measured by `python3 bench/run_data.py`. Machine: "
        f"{m['cpu']}, load average {m['load_average']} at the start; Chromium {m['chromium']}; "
        f"Slipstream {m['slipstream']}; Streamlit {STREAMLIT_VERSION}.",
        "",
        f"`bench/apps/heavy.py` (the reference app: a counter above a cached 20,000-row `st.dataframe`, a "
        f"`st.line_chart` of 500 rows and 200 `st.metric`): {s['clicks']} clicks after each of {s['repeats']} "
        "server starts per target, the targets interleaved, latencies pooled.",
        "",
        f"| figure | floor | deferred floor | Slipstream | Streamlit {STREAMLIT_VERSION} | Streamlit ÷ Slipstream |",
        "|---|---:|---:|---:|---:|---:|",
        f"| click-to-update, median | {floor['click_ms_median']:.1f} ms | {above(deferred, 'click_ms_median')} "
        f"| {above(slip, 'click_ms_median')} | {above(st, 'click_ms_median')} "
        f"| {st['click_ms_median'] / slip['click_ms_median']:.1f}× |",
        f"| click-to-update, p90 | {floor['click_ms_p90']:.1f} ms | {above(deferred, 'click_ms_p90')} "
        f"| {above(slip, 'click_ms_p90')} | {above(st, 'click_ms_p90')} "
        f"| {st['click_ms_p90'] / slip['click_ms_p90']:.1f}× |",
        f"| websocket bytes per rerun | — | — | {ws:,.0f} | {st['ws_bytes_per_rerun']:,.0f} "
        f"| {st['ws_bytes_per_rerun'] / ws if ws else float('nan'):,.1f}× |",
        f"| server RSS after the clicks | — | — | {slip['server_rss_kib'] / 1024:,.0f} MiB "
        f"| {st['server_rss_kib'] / 1024:,.0f} MiB | {st['server_rss_kib'] / slip['server_rss_kib']:.1f}× |",
        "",
        f"`bench/apps/bigframe.py` (a {ROWS:,} x 10 int64 DataFrame in `st.dataframe`, 1200 x 900 viewport): "
        f"{s['tabs']} fresh tabs after each of {s['repeats']} server starts. First rows: from the script calling "
        "`st.dataframe` to the grid drawing row 1's last cell on its canvas; the first tab of a server start pays "
        "for encoding the frame. Last row: from setting the grid's scroll position to its end to the grid drawing "
        "the last row's last cell. Both frameworks draw with glide-data-grid, which mirrors the cells on screen in "
        "an accessibility table 200 ms after drawing them (debounced); the second table times that mirror.",
        "",
        f"| figure (drawn) | Slipstream | Streamlit {STREAMLIT_VERSION} | Streamlit ÷ Slipstream |",
        "|---|---:|---:|---:|",
        grid_row("first rows, first tab", "first_tab_first_rows_ms"),
        grid_row("first rows, later tabs", "later_tabs_first_rows_ms"),
        grid_row("scroll to the last row", "last_row_ms"),
        "",
        f"| figure (accessibility table) | Slipstream | Streamlit {STREAMLIT_VERSION} | Streamlit ÷ Slipstream |",
        "|---|---:|---:|---:|",
        grid_row("first rows, first tab", "first_tab_first_rows_a11y_ms"),
        grid_row("first rows, later tabs", "later_tabs_first_rows_a11y_ms"),
        grid_row("scroll to the last row", "last_row_a11y_ms"),
        "",
        "| Slipstream's target | measured | met |",
        "|---|---|---|",
        f"| heavy.py click-to-update median ≤ floor + {CLICK_ABOVE_FLOOR_MS:.0f} ms | floor + {above_floor:.1f} ms "
        f"| {met(above_floor <= CLICK_ABOVE_FLOOR_MS)} |",
        f"| heavy.py websocket ≤ {WS_BYTES_PER_RERUN:,} B per rerun | {ws:,.0f} B | {met(ws <= WS_BYTES_PER_RERUN)} |",
        f"| 1M rows: first rows ≤ ½ of Streamlit's (first tab) | {first_ratio:.2f} of Streamlit's "
        f"| {met(first_ratio <= 0.5)} |",
        f"| 1M rows: scroll to the last row ≤ ½ of Streamlit's | {scroll_ratio:.2f} of Streamlit's "
        f"| {met(scroll_ratio <= 0.5)} |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=30, help="clicks per server start (default 30)")
    parser.add_argument("--repeats", type=int, default=2, help="server starts per target (default 2)")
    parser.add_argument("--tabs", type=int, default=4, help="fresh tabs per server start on the big grid (default 4)")
    args = parser.parse_args()
    results = measure(args, ensure_streamlit_venv())
    publish_section("data", HEADING, results, render(results))


if __name__ == "__main__":
    sys.exit(main())
