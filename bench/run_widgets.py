"""Issue 3's figure: click-to-update and websocket bytes per rerun on an app with 100 widgets.

Slipstream and Streamlit side by side in one run, with the harness floor and the deferred floor
(as in run_core.py), on bench/apps/widgets100.py: an "Increment" button and "count: k" above 100
input widgets of every kind. Each click reruns the whole script; the widgets do not change.
Writes the raw figures to bench/out/widgets-<time>.json and a dated section into bench/RESULTS.md,
above the part that run_core.py generates.

usage: python3 bench/run_widgets.py [--clicks 40] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from browser import ClickRun, chromium_version, measure_clicks
from common import (
    APPS,
    STREAMLIT_VERSION,
    Target,
    deferred_floor_target,
    ensure_streamlit_venv,
    floor_target,
    rank_percentile,
    slipstream_target,
    streamlit_target,
)
from run_core import log, machine, publish_section

APP = APPS / "widgets100.py"
HEADING = "## Widgets: 100 widgets, one click"
CLICK_ABOVE_FLOOR_MS = 25.0
WS_BYTES_PER_RERUN = 1024


def summarize(runs: list[ClickRun]) -> dict[str, Any]:
    clicks = [ms for run in runs for ms in run.click_ms]
    return {
        "click_ms_median": statistics.median(clicks),
        "click_ms_p90": rank_percentile(clicks, 0.9),
        "ws_bytes_per_rerun": statistics.mean(run.ws_bytes_per_rerun for run in runs),
        "cold_start_s": statistics.median(run.cold_start_s for run in runs),
        "clicks": clicks,
    }


def measure(args: argparse.Namespace, st_python: Path) -> dict[str, Any]:
    targets: list[Callable[[], Target]] = [
        floor_target,
        deferred_floor_target,
        lambda: slipstream_target(APP),
        lambda: streamlit_target(st_python, APP),
    ]
    runs: dict[str, list[ClickRun]] = {}
    # A first, untimed start of each framework caches the bytecode of what it imports.
    for make in targets[2:]:
        measure_clicks(make(), 2)
    for repeat in range(1, args.repeats + 1):
        for make in targets:
            target = make()
            run = measure_clicks(target, args.clicks)
            runs.setdefault(target.name, []).append(run)
            log(
                f"clicks {repeat}/{args.repeats} {target.name:14} {statistics.median(run.click_ms):6.1f} ms, "
                f"{run.ws_bytes_per_rerun:8,.0f} B/rerun"
            )
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(chromium_version()),
        "settings": {"app": "bench/apps/widgets100.py", "clicks": args.clicks, "repeats": args.repeats},
        "browser": {name: summarize(name_runs) for name, name_runs in runs.items()},
    }


def render(results: dict[str, Any]) -> str:
    m, b = results["machine"], results["browser"]
    floor, deferred, slip, st = b["floor"], b["floor_deferred"], b["slipstream"], b["streamlit"]
    s = results["settings"]

    def above(row: dict[str, Any], key: str) -> str:
        return f"{row[key]:.1f} ms (floor + {row[key] - floor[key]:.1f})"

    above_floor = slip["click_ms_median"] - floor["click_ms_median"]
    above_deferred = slip["click_ms_median"] - deferred["click_ms_median"]
    ws = slip["ws_bytes_per_rerun"]
    click_met = "yes" if above_floor <= CLICK_ABOVE_FLOOR_MS else "**no**"
    ws_met = "yes" if ws <= WS_BYTES_PER_RERUN else "**no**"
    lines = [
        f"{HEADING} ({results['date']})",
        "",
        f'Measured by `python3 bench/run_widgets.py` on `{s["app"]}`: an "Increment" button and "count: k" above '
        "100 input widgets of every kind (checkbox, toggle, text input and area, number input, sliders, select "
        "slider, selectbox, radio, multiselect, pills, segmented control, date and range, time, colour, feedback). "
        f"{s['clicks']} clicks after each of {s['repeats']} server starts per target, the targets interleaved, "
        "latencies pooled. "
        f"Machine: {m['cpu']}, load average {m['load_average']} at the start; Chromium {m['chromium']}; "
        f"Slipstream {m['slipstream']}; Streamlit {STREAMLIT_VERSION}.",
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
        f"| cold start to first render | {floor['cold_start_s']:.2f} s | {deferred['cold_start_s']:.2f} s "
        f"| {slip['cold_start_s']:.2f} s | {st['cold_start_s']:.2f} s "
        f"| {st['cold_start_s'] / slip['cold_start_s']:.1f}× |",
        "",
        "| Slipstream's target | measured | met |",
        "|---|---|---|",
        f"| click-to-update median ≤ floor + {CLICK_ABOVE_FLOOR_MS:.0f} ms | floor + {above_floor:.1f} ms "
        f"(deferred floor + {above_deferred:.1f} ms) | {click_met} |",
        f"| websocket ≤ {WS_BYTES_PER_RERUN:,} B per rerun | {ws:,.0f} B | {ws_met} |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=40, help="clicks per server start (default 40)")
    parser.add_argument("--repeats", type=int, default=3, help="server starts per target (default 3)")
    args = parser.parse_args()
    results = measure(args, ensure_streamlit_venv())
    publish_section("widgets", HEADING, results, render(results))


if __name__ == "__main__":
    sys.exit(main())
