"""Issue 14's figure: main-thread work to open a select widget's list, and per keystroke, with
100,000 options.

Slipstream and Streamlit side by side in one run, on bench/apps/select100k.py: a selectbox and a
multiselect over 100,000 options. For each widget, in headless Chromium: a click opens the list,
then a query is typed one key at a time, then two keys are deleted. For each of those steps:

- main-thread work: the CPU time of the renderer's main-thread tasks (Chrome's
  Performance.getMetrics TaskDuration in thread ticks, less the harness's own DevTools commands)
  from just before the input to when the page has settled (no DOM change for two frames), i.e.
  every task the step caused: event handlers, filtering, rendering, style, layout, garbage
  collection. CPU time, so that other processes on the machine do not inflate it;
- to next paint: from the input event's timestamp to the first frame after the page's last DOM
  change (a `requestAnimationFrame` callback), as the user sees it.

A list that waits for new rows (Slipstream searches long lists in a worker) marks itself
aria-busy; the page counts as settled only once no list is busy.

The rows each framework shows first after each key are compared too (both rank with fzy's score).
Writes the raw figures to bench/out/select-<time>.json and a dated section into bench/RESULTS.md.

usage: python3 bench/select_keystrokes.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from browser import chromium_version, launch
from common import APPS, STREAMLIT_VERSION, Server, Target, ensure_streamlit_venv, slipstream_target, streamlit_target
from playwright.sync_api import CDPSession, Page, sync_playwright
from run_core import log, machine, publish_section

APP = APPS / "select100k.py"
HEADING = "## Select widgets: 100,000 options, opening and typing"
BUDGET_MS = 50.0
QUERY = "lin 42"
DELETES = 2
WIDGETS = {"selectbox": "Pick one of 100,000", "multiselect": "Pick several of 100,000"}
READY_TEXT = "picked: None; 0 chosen"

# Installed before the page's own scripts: the newest input event's timestamp, and a wait for the
# page to settle (no DOM change for two frames) that gives the first frame after the last change.
INIT_SCRIPT = """
(() => {
  const bench = { input: 0 };
  for (const type of ["keydown", "pointerdown"]) {
    addEventListener(type, (e) => { bench.input = e.timeStamp; }, { capture: true });
  }
  bench.settle = () => new Promise((resolve) => {
    let last = performance.now();
    let painted = null;
    const seen = new MutationObserver(() => { last = performance.now(); painted = null; });
    seen.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    let quiet = 0;
    const started = performance.now();
    // A list whose new rows are on their way says so (aria-busy): not settled yet.
    const busy = () => document.querySelector('[role="listbox"][aria-busy="true"]') !== null;
    const frame = (now) => {
      if (busy()) { last = performance.now(); painted = null; }
      if (painted === null && now >= last) painted = now;
      quiet = now - last > 0 ? quiet + 1 : 0;
      if ((quiet >= 3 && painted !== null) || now - started > 5000) {
        seen.disconnect();
        resolve({ input: bench.input, painted: painted ?? now });
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  bench.rows = () => Array.from(document.querySelectorAll('[role="listbox"] [role="option"]'))
    .slice(0, 3).map((o) => o.textContent.trim());
  window.__bench = bench;
})();
"""


def task_ms(cdp: CDPSession) -> float:
    """The page's main-thread task time so far, in ms, less the time the harness's own DevTools
    commands took there (Playwright's checks before a click run on the page's main thread)."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return 1000.0 * (metrics["TaskDuration"] - metrics.get("DevToolsCommandDuration", 0.0))


def step(page: Page, cdp: CDPSession, act: Any) -> dict[str, Any]:
    """Do ``act`` and measure it: main-thread work, time to the next paint, the first rows shown."""
    page.evaluate("window.__bench.settle()")  # start from a quiet page
    before = task_ms(cdp)
    act()
    times = page.evaluate("window.__bench.settle()")
    work = task_ms(cdp) - before
    rows = page.evaluate("window.__bench.rows()")
    return {"work_ms": work, "paint_ms": times["painted"] - times["input"], "rows": rows}


def measure_target(target: Target) -> dict[str, list[dict[str, Any]]]:
    """One server start and one tab: each widget opened, typed into and cleared."""
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.add_init_script(INIT_SCRIPT)
            cdp = page.context.new_cdp_session(page)
            # Metrics in the thread's CPU time: the work itself, not the wait for a busy core.
            cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
            page.goto(target.url)
            page.get_by_text(READY_TEXT).wait_for(timeout=120_000)
            page.wait_for_timeout(1500)  # let lazy chunks and fonts arrive
            steps: dict[str, list[dict[str, Any]]] = {}
            for widget, label in WIDGETS.items():
                box = page.get_by_role("combobox", name=label)
                rows = [{"step": "open", **step(page, cdp, box.click)}]
                for i, key in enumerate(QUERY):
                    press = step(page, cdp, lambda k=key: page.keyboard.press(k))
                    rows.append({"step": f"type {QUERY[: i + 1]!r}", **press})
                for i in range(DELETES):
                    press = step(page, cdp, lambda: page.keyboard.press("Backspace"))
                    rows.append({"step": f"delete to {QUERY[: len(QUERY) - i - 1]!r}", **press})
                steps[widget] = rows
                page.keyboard.press("Escape")
                page.keyboard.press("Escape")
                page.get_by_text(READY_TEXT).click()
                page.wait_for_timeout(300)
            browser.close()
    return steps


def summarize(runs: list[dict[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for widget in WIDGETS:
        opens = [run[widget][0] for run in runs]
        keys = [row for run in runs for row in run[widget][1:]]
        out[widget] = {
            "open_work_ms": statistics.median(r["work_ms"] for r in opens),
            "open_work_ms_max": max(r["work_ms"] for r in opens),
            "open_paint_ms": statistics.median(r["paint_ms"] for r in opens),
            "key_work_ms": statistics.median(r["work_ms"] for r in keys),
            "key_work_ms_max": max(r["work_ms"] for r in keys),
            "key_paint_ms": statistics.median(r["paint_ms"] for r in keys),
            "key_paint_ms_max": max(r["paint_ms"] for r in keys),
        }
    return out


def measure(args: argparse.Namespace, st_python: Path) -> dict[str, Any]:
    runs: dict[str, list[dict[str, list[dict[str, Any]]]]] = {}
    for repeat in range(1, args.repeats + 1):
        for target in (slipstream_target(APP), streamlit_target(st_python, APP)):
            steps = measure_target(target)
            runs.setdefault(target.name, []).append(steps)
            for widget, rows in steps.items():
                worst = max(r["work_ms"] for r in rows)
                log(f"select {repeat}/{args.repeats} {target.name:10} {widget:11} worst step {worst:6.1f} ms of work")
    # The rows each framework showed first after each step, from the last run.
    last = {name: name_runs[-1] for name, name_runs in runs.items()}
    same = all(
        s["rows"][:1] == t["rows"][:1]
        for widget in WIDGETS
        for s, t in zip(last["slipstream"][widget], last["streamlit"][widget], strict=True)
        if s["step"] != "open"
    )
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(chromium_version()),
        "settings": {"app": "bench/apps/select100k.py", "query": QUERY, "deletes": DELETES, "repeats": args.repeats},
        "summary": {name: summarize(name_runs) for name, name_runs in runs.items()},
        "same_first_rows": same,
        "runs": runs,
    }


def render(results: dict[str, Any]) -> str:
    m, s, summary = results["machine"], results["settings"], results["summary"]
    slip, st = summary["slipstream"], summary["streamlit"]
    lines = [
        f"{HEADING} ({results['date']})",
        "",
        f"Measured by `python3 bench/select_keystrokes.py` on `{s['app']}`: a selectbox and a multiselect over "
        f"100,000 options. For each widget a click opens the list, then {s['query']!r} is typed one key at a time "
        f"and {s['deletes']} keys are deleted; {s['repeats']} server starts per framework. *Main-thread work*: "
        "the CPU time of the renderer's main-thread tasks (Chrome's TaskDuration in thread ticks) from the input "
        "until the page has settled; "
        "*to paint*: from the input event to the first frame after the last DOM change. "
        f"Machine: {m['cpu']}, load average {m['load_average']} at the start; Chromium {m['chromium']}; "
        f"Slipstream {m['slipstream']}; Streamlit {STREAMLIT_VERSION}.",
        "",
        f"| widget, step | Slipstream work | Streamlit {STREAMLIT_VERSION} work | Slipstream to paint "
        f"| Streamlit to paint |",
        "|---|---:|---:|---:|---:|",
    ]
    for widget in WIDGETS:
        a, b = slip[widget], st[widget]
        lines += [
            f"| {widget}, open (median / worst) | {a['open_work_ms']:.1f} / {a['open_work_ms_max']:.1f} ms "
            f"| {b['open_work_ms']:.1f} / {b['open_work_ms_max']:.1f} ms | {a['open_paint_ms']:.1f} ms "
            f"| {b['open_paint_ms']:.1f} ms |",
            f"| {widget}, keystroke (median / worst) | {a['key_work_ms']:.1f} / {a['key_work_ms_max']:.1f} ms "
            f"| {b['key_work_ms']:.1f} / {b['key_work_ms_max']:.1f} ms "
            f"| {a['key_paint_ms']:.1f} / {a['key_paint_ms_max']:.1f} ms "
            f"| {b['key_paint_ms']:.1f} / {b['key_paint_ms_max']:.1f} ms |",
        ]
    worst = max(max(slip[w]["open_work_ms_max"], slip[w]["key_work_ms_max"]) for w in WIDGETS)
    met = "yes" if worst < BUDGET_MS else "**no**"
    same = "yes" if results["same_first_rows"] else "**no**"
    lines += [
        "",
        "| Slipstream's target | measured | met |",
        "|---|---|---|",
        f"| opening and each keystroke < {BUDGET_MS:.0f} ms of main-thread work | worst step {worst:.1f} ms | {met} |",
        f"| the same first row as Streamlit after each key | — | {same} |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="server starts per framework (default 3)")
    args = parser.parse_args()
    results = measure(args, ensure_streamlit_venv())
    publish_section("select", HEADING, results, render(results))


if __name__ == "__main__":
    sys.exit(main())
