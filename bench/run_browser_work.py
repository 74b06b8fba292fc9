"""Issue 19's figures: heavy pages stay fast in the browser, a rerun costs few bytes, the first
render comes soon after the floor's.

In one run, Slipstream beside Streamlit 1.67 and the two floors, each target started afresh per
repeat, interleaved:

1. Clicks on bench/apps/heavy.py (a counter above a 20,000-row grid, a line chart and 200
   metrics), on heavy2000.py (the same with 2,000 metrics) and on thousand.py (a counter above
   1,000 lines): click-to-update median and p90 as a user's clicks (Playwright clicks the button
   and waits for the text), then the browser's main-thread work per click: Chromium's TaskDuration
   (DevTools Performance domain) over clicks made and awaited by a script inside the page, so
   that Playwright's own work (it searches the whole page for the button and the text, on every
   click) is not counted. The least of four batches of clicks is kept (other processes on the
   machine only ever add).
2. counter.py: websocket bytes per rerun, and the cold start (process spawn to "count: 0"), over
   extra starts of the floor, Slipstream and Streamlit, interleaved (`--cold-starts`).
3. The reference harness (../shared/bench/browser_latency.py) on heavy.py, thousand.py and the
   deferred floor, so its figures sit beside this bench's.
4. Page floors (bench/page_floor.py): static copies of Slipstream's heavy.py and thousand.py pages
   whose button updates the text one task later, with no framework behind them: what the harness
   pays for the page's size alone, in both click loops.

Writes bench/out/browser_work-<time>.json and a dated section into bench/RESULTS.md.

usage: python3 bench/run_browser_work.py [--clicks 30] [--repeats 2] [--cold-starts 8]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from browser import FIRST_TEXT, FrameCounter, chromium_version, click_counter, launch
from common import (
    APPS,
    COUNTER_APP,
    OUT,
    REPO,
    STREAMLIT_VERSION,
    Server,
    Target,
    child_env,
    deferred_floor_target,
    ensure_streamlit_venv,
    floor_target,
    rank_percentile,
    slipstream_target,
    streamlit_target,
)
from page_floor import page_floor_target, snapshot
from playwright.sync_api import sync_playwright
from run_core import log, machine, publish_section

HEAVY = APPS / "heavy.py"
HEAVY_2000 = APPS / "heavy2000.py"
THOUSAND = APPS / "thousand.py"
REFERENCE_HARNESS = REPO.parent / "shared" / "bench" / "browser_latency.py"
PAGE_FLOOR_APPS = ("heavy", "thousand")
REFERENCE_TARGETS = (
    "floor_deferred",
    "slipstream heavy",
    "streamlit heavy",
    "page floor heavy",
    "slipstream thousand",
    "streamlit thousand",
    "page floor thousand",
)
HEADING = "## Browser work per click: heavy pages, bytes per rerun, first render (issue 19)"


@dataclass
class WorkRun:
    """One server start: cold start, then `clicks` clicks in one tab."""

    cold_start_s: float
    click_ms: list[float]
    ws_bytes_per_rerun: float
    main_thread_ms_per_click: float  # TaskDuration of in-page clicks: the renderer's main thread
    text_search_ms: float  # one Playwright search of the page for "count: k" (the harness polls it)


# Clicks the button and waits (a MutationObserver) for "count: k", for k from `first` on, 250 ms
# apart: the page's own work per click, with nothing of the harness in between.
IN_PAGE_CLICKS = """async ([first, n]) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Increment');
  for (let k = first; k < first + n; k++) {
    const want = 'count: ' + k;
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver((records) => {
        for (const r of records) for (const node of [r.target, ...r.addedNodes]) {
          if ((node.textContent || '').includes(want)) { observer.disconnect(); resolve(); return; }
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    button.click();
    await Promise.race([shown, new Promise((r) => setTimeout(r, 10000))]);
    await new Promise((r) => setTimeout(r, 250));
  }
}"""
IN_PAGE_BATCHES = 4


def _task_ms(cdp: Any) -> float:
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return 1000 * next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def measure_work(target: Target, clicks: int) -> WorkRun:
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page()
            frames = FrameCounter()
            page.on("websocket", frames.watch)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.goto(target.url)
            page.get_by_text(FIRST_TEXT, exact=True).wait_for(timeout=60_000)
            cold_start = time.perf_counter() - server.started
            page.wait_for_timeout(1000)  # the grid and the chart draw after the first render
            bytes_before = frames.received
            latencies = click_counter(page, clicks, pause_ms=150)  # each click's work ends before the next
            page.wait_for_timeout(300)
            per_rerun = (frames.received - bytes_before) / clicks
            search = page.get_by_text(f"count: {clicks}", exact=True)
            searches = []
            for _ in range(10):
                start = time.perf_counter()
                search.count()
                searches.append((time.perf_counter() - start) * 1000)
            batch = max(clicks // IN_PAGE_BATCHES, 1)
            works = []
            for b in range(IN_PAGE_BATCHES):
                work_before = _task_ms(cdp)
                page.evaluate(IN_PAGE_CLICKS, [clicks + 1 + b * batch, batch])
                works.append((_task_ms(cdp) - work_before) / batch)
            work = min(works)
            browser.close()
    return WorkRun(cold_start, latencies, per_rerun, work, statistics.median(searches))


def summarize(runs: list[WorkRun]) -> dict[str, Any]:
    clicks = [ms for run in runs for ms in run.click_ms]
    return {
        "click_ms_median": statistics.median(clicks),
        "click_ms_p90": rank_percentile(clicks, 0.9),
        "main_thread_ms_per_click": statistics.median(run.main_thread_ms_per_click for run in runs),
        "text_search_ms": statistics.median(run.text_search_ms for run in runs),
        "ws_bytes_per_rerun": statistics.mean(run.ws_bytes_per_rerun for run in runs),
        "cold_start_s": statistics.median(run.cold_start_s for run in runs),
        "runs": [asdict(run) for run in runs],
    }


def reference_harness(target: Target, clicks: int) -> dict[str, Any]:
    """The shared harness's figures for one fresh start of `target` (it starts the server itself)."""
    harness = [sys.executable, str(REFERENCE_HARNESS), "--port", str(target.port), "--clicks", str(clicks)]
    command = [*harness, "--", *target.argv]
    done = subprocess.run(command, capture_output=True, text=True, env=child_env(), timeout=600, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(args: argparse.Namespace, st_python: Path) -> dict[str, Any]:
    apps = {"heavy": HEAVY, "heavy2000": HEAVY_2000, "thousand": THOUSAND, "counter": COUNTER_APP}
    targets: dict[str, Callable[[], Target]] = {"floor": floor_target, "floor_deferred": deferred_floor_target}
    for name, app in apps.items():
        targets[f"slipstream {name}"] = lambda app=app: slipstream_target(app)
        if name != "heavy2000":
            targets[f"streamlit {name}"] = lambda app=app: streamlit_target(st_python, app)
    for name in PAGE_FLOOR_APPS:
        directory = OUT / f"page_floor_{name}"
        snapshot(slipstream_target(apps[name]), directory)
        targets[f"page floor {name}"] = lambda name=name, directory=directory: page_floor_target(
            f"page floor {name}", directory
        )
    # A first, untimed start of each framework caches the bytecode of what it imports.
    measure_work(slipstream_target(COUNTER_APP), 2)
    measure_work(streamlit_target(st_python, COUNTER_APP), 2)
    runs: dict[str, list[WorkRun]] = {}
    reference: dict[str, list[dict[str, Any]]] = {}
    for repeat in range(1, args.repeats + 1):
        for name, make in targets.items():
            run = measure_work(make(), args.clicks)
            runs.setdefault(name, []).append(run)
            log(
                f"{repeat}/{args.repeats} {name:22} {statistics.median(run.click_ms):6.1f} ms, "
                f"main thread {run.main_thread_ms_per_click:6.1f} ms/click, {run.ws_bytes_per_rerun:8,.0f} B/rerun, "
                f"cold {run.cold_start_s:.2f} s"
            )
        for name in REFERENCE_TARGETS:
            result = reference_harness(targets[name](), args.clicks)
            reference.setdefault(name, []).append(result)
            log(f"{repeat}/{args.repeats} reference {name:22} {result['click_ms_median']:6.1f} ms")
    cold: dict[str, list[float]] = {}
    for _ in range(args.cold_starts):
        for name in ("floor", "slipstream counter", "streamlit counter"):
            cold.setdefault(name, []).append(measure_work(targets[name](), 1).cold_start_s)
    log("cold starts: " + ", ".join(f"{name} {statistics.median(s):.2f} s" for name, s in cold.items()))
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cold_start_s": {name: statistics.median(starts) for name, starts in cold.items()},
        "cold_starts": cold,
        "machine": machine(chromium_version()),
        "settings": {"clicks": args.clicks, "repeats": args.repeats, "cold_starts": args.cold_starts},
        "targets": {name: summarize(r) for name, r in runs.items()},
        "reference": {
            name: {
                "click_ms_median": statistics.median(r["click_ms_median"] for r in results),
                "click_ms_p90": statistics.median(r["click_ms_p90"] for r in results),
                "runs": results,
            }
            for name, results in reference.items()
        },
    }


def render(results: dict[str, Any]) -> str:
    t, ref, m, s = results["targets"], results["reference"], results["machine"], results["settings"]
    deferred = t["floor_deferred"]["click_ms_median"]
    deferred_p90 = t["floor_deferred"]["click_ms_p90"]
    ref_deferred = ref["floor_deferred"]["click_ms_median"]
    ref_deferred_p90 = ref["floor_deferred"]["click_ms_p90"]

    def above(value: float, floor: float) -> str:
        return f"{value:.1f} ms (floor {value - floor:+.1f})"

    lines = [
        HEADING,
        "",
        f"{results['date']}; {m['cpu']}, load {m['load_average']}; Python {m['python']}; Chromium {m['chromium']}; "
        f"Slipstream {m['slipstream']}; Streamlit {STREAMLIT_VERSION}. {s['clicks']} clicks per start (150 ms apart), "
        f"{s['repeats']} starts per target, interleaved. `bench/run_browser_work.py`.",
        "",
        "| app | Slipstream median / p90 | Streamlit median / p90 | reference harness median: Slipstream / Streamlit |",
        "|---|---|---|---|",
    ]
    for app in ("heavy", "heavy2000", "thousand", "counter"):
        slip = t[f"slipstream {app}"]
        st = t.get(f"streamlit {app}")
        st_cell = f"{st['click_ms_median']:.1f} / {st['click_ms_p90']:.1f} ms" if st else "—"
        ref_cell = "—"
        if f"slipstream {app}" in ref:
            ref_cell = (
                f"{above(ref[f'slipstream {app}']['click_ms_median'], ref_deferred)} / "
                f"{ref[f'streamlit {app}']['click_ms_median']:.1f} ms"
            )
        lines.append(
            f"| {app}.py | {above(slip['click_ms_median'], deferred)} / {above(slip['click_ms_p90'], deferred_p90)} "
            f"| {st_cell} | {ref_cell} |"
        )
    lines += [
        "",
        f"Deferred floor (median / p90): {deferred:.1f} / {deferred_p90:.1f} ms here, {ref_deferred:.1f} / "
        f"{ref_deferred_p90:.1f} ms in the reference harness. Floor: {t['floor']['click_ms_median']:.1f} ms.",
        "",
        "Main-thread work per click is the page's own (clicks made and awaited inside the page). A click as "
        "the harness makes it also pays for Playwright's searches of the whole page: for the button before "
        "it clicks, and for the text right after the click, then 20, 50 and 100 ms after each failed search "
        "until it shows (Playwright's polling); one text search is timed below. On the deferred floor's page "
        "both cost next to nothing.",
        "",
        "Page floors: a static copy of Slipstream's page whose button updates the text one task later, with "
        "no framework behind it (bench/page_floor.py). Its click-to-update is what the harness pays for the "
        "page's size alone; Slipstream's figure above its page floor is what Slipstream adds.",
        "",
        "| app | page floor median: this bench / reference | above the deferred floor | Slipstream above its page "
        "floor: this bench / reference |",
        "|---|---|---|---|",
    ]
    for app in PAGE_FLOOR_APPS:
        floor_here = t[f"page floor {app}"]["click_ms_median"]
        floor_ref = ref[f"page floor {app}"]["click_ms_median"]
        slip_here = t[f"slipstream {app}"]["click_ms_median"]
        slip_ref = ref[f"slipstream {app}"]["click_ms_median"]
        lines.append(
            f"| {app}.py | {floor_here:.1f} / {floor_ref:.1f} ms | {floor_here - deferred:+.1f} / "
            f"{floor_ref - ref_deferred:+.1f} ms | {slip_here - floor_here:+.1f} / {slip_ref - floor_ref:+.1f} ms |"
        )
    lines += [
        "",
        "| app | work per click: Slipstream | Streamlit | one Playwright text search: Slipstream | Streamlit |",
        "|---|---:|---:|---:|---:|",
    ]
    for app in ("heavy", "heavy2000", "thousand", "counter"):
        slip, st = t[f"slipstream {app}"], t.get(f"streamlit {app}")
        st_work = f"{st['main_thread_ms_per_click']:.1f} ms" if st else "—"
        st_search = f"{st['text_search_ms']:.1f} ms" if st else "—"
        lines.append(
            f"| {app}.py | {slip['main_thread_ms_per_click']:.1f} ms | {st_work} | {slip['text_search_ms']:.1f} ms "
            f"| {st_search} |"
        )
    ratio = t["slipstream heavy2000"]["main_thread_ms_per_click"] / t["slipstream heavy"]["main_thread_ms_per_click"]
    counter = t["slipstream counter"]
    starts = results["cold_start_s"]
    cold = starts["slipstream counter"] - starts["floor"]
    heavy, heavy_ref = t["slipstream heavy"], ref["slipstream heavy"]
    median_here, median_ref = heavy["click_ms_median"] - deferred, heavy_ref["click_ms_median"] - ref_deferred
    p90_here, p90_ref = heavy["click_ms_p90"] - deferred_p90, heavy_ref["click_ms_p90"] - ref_deferred_p90
    thousand = t["slipstream thousand"]["click_ms_median"] - deferred
    thousand_ref = ref["slipstream thousand"]["click_ms_median"] - ref_deferred
    st_counter = t["streamlit counter"]
    lines += [
        "",
        f"counter.py: {counter['ws_bytes_per_rerun']:,.0f} B per rerun on the websocket (Streamlit "
        f"{st_counter['ws_bytes_per_rerun']:,.0f} B; NiceGUI 3.18: 59 B, from the issue's run). Cold start to first "
        f"render (median of {s['cold_starts']} starts each, interleaved): Slipstream "
        f"{starts['slipstream counter']:.2f} s, Streamlit {starts['streamlit counter']:.2f} s, "
        f"floor {starts['floor']:.2f} s.",
        "",
        "| target | figure | met |",
        "|---|---|---|",
        f"| heavy.py median ≤ deferred floor + 10 ms | {median_here:+.1f} ms here, {median_ref:+.1f} ms reference "
        f"| {_met(max(median_here, median_ref) <= 10)} |",
        f"| heavy.py p90 ≤ deferred floor + 25 ms | {p90_here:+.1f} ms here, {p90_ref:+.1f} ms reference "
        f"| {_met(max(p90_here, p90_ref) <= 25)} |",
        f"| 2,000 metrics cost ≤ 2× 200 per click (main thread) | {ratio:.2f}× | {_met(ratio <= 2)} |",
        f"| thousand.py median ≤ deferred floor + 15 ms | {thousand:+.1f} ms here, {thousand_ref:+.1f} ms reference "
        f"| {_met(max(thousand, thousand_ref) <= 15)} |",
        f"| counter.py ≤ 60 B per rerun | {counter['ws_bytes_per_rerun']:,.0f} B "
        f"| {_met(counter['ws_bytes_per_rerun'] <= 60)} |",
        f"| cold start ≤ floor + 0.4 s | floor {cold:+.2f} s | {_met(cold <= 0.4)} |",
    ]
    return "\n".join(lines) + "\n"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clicks", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--cold-starts", type=int, default=8)
    args = parser.parse_args()
    st_python = ensure_streamlit_venv()
    results = measure(args, st_python)
    publish_section("browser_work", HEADING, results, render(results))


if __name__ == "__main__":
    main()
