"""Issue 13's fragment figures: a counter inside a fragment beside 200 other elements, Slipstream
beside Streamlit 1.67 in one run.

1. In the browser (bench/apps/fragment200.py): click-to-update and websocket bytes per rerun, with
   the harness floor and the deferred floor, targets interleaved; and the reference harness
   (../shared/bench/browser_latency.py) on both frameworks.
2. Server time, in process (Slipstream only): a run of the fragment alone against a run of the
   whole script, through the real runtime with no server.

Writes bench/out/fragment-<time>.json and a dated section into bench/RESULTS.md.

usage: python3 bench/run_fragment.py [--clicks 30] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from browser import ClickRun, chromium_version, measure_clicks
from common import (
    APPS,
    REPO,
    STREAMLIT_VERSION,
    Target,
    child_env,
    deferred_floor_target,
    ensure_streamlit_venv,
    floor_target,
    free_port,
    rank_percentile,
    slipstream_target,
    streamlit_target,
)
from run_core import log, machine, publish_section

APP = APPS / "fragment200.py"
REFERENCE_HARNESS = REPO.parent / "shared" / "bench" / "browser_latency.py"
HEADING = "## Fragments: a counter in a fragment beside 200 elements"
BYTES_PER_FRAGMENT_RERUN = 300
ABOVE_DEFERRED_FLOOR_MS = 5.0


def summarize(runs: list[ClickRun]) -> dict[str, Any]:
    clicks = [ms for run in runs for ms in run.click_ms]
    return {
        "click_ms_median": statistics.median(clicks),
        "click_ms_p90": rank_percentile(clicks, 0.9),
        "ws_bytes_per_rerun": statistics.mean(run.ws_bytes_per_rerun for run in runs),
        "clicks": clicks,
    }


def reference_harness(target: Target, clicks: int) -> dict[str, Any]:
    """The reference harness's own figures for ``target`` (it starts and stops the server)."""
    port = free_port()
    argv = [a if a != str(target.port) else str(port) for a in target.argv]
    done = subprocess.run(
        [sys.executable, str(REFERENCE_HARNESS), "--port", str(port), "--clicks", str(clicks), "--", *argv],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the reference harness failed on {target.name}:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def server_times(runs: int) -> dict[str, float]:
    """Median ms of a run of the fragment alone and of the whole script, in process."""
    sys.path.insert(0, str(REPO / "src"))
    from slipstream.compat import install_streamlit_alias
    from slipstream.runtime.script import AppScript
    from slipstream.runtime.session import Session

    install_streamlit_alias()
    session = Session(AppScript(APP), threaded=False)
    session.run_until_idle()
    session.outbox.drain()
    button = next(m.id for m in session.state.widgets.values() if m.kind == "button")
    fragment_ms, full_ms, fragment_bytes = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        session.request_rerun({button: True})
        session.run_wanted()
        fragment_ms.append((time.perf_counter() - started) * 1000)
        fragment_bytes.append(len(session.outbox.drain() or b""))
        started = time.perf_counter()
        session.run_until_idle()
        full_ms.append((time.perf_counter() - started) * 1000)
        session.outbox.drain()
    return {
        "fragment_run_ms": statistics.median(fragment_ms),
        "full_run_ms": statistics.median(full_ms),
        "fragment_run_bytes": statistics.median(fragment_bytes),
    }


def measure(args: argparse.Namespace, st_python: Path) -> dict[str, Any]:
    targets: list[Callable[[], Target]] = [
        floor_target,
        deferred_floor_target,
        lambda: slipstream_target(APP),
        lambda: streamlit_target(st_python, APP),
    ]
    for make in targets[2:]:  # an untimed start caches the bytecode of what each imports
        measure_clicks(make(), 2)
    clicks: dict[str, list[ClickRun]] = {}
    for repeat in range(1, args.repeats + 1):
        for make in targets:
            target = make()
            run = measure_clicks(target, args.clicks)
            clicks.setdefault(target.name, []).append(run)
            log(
                f"fragment {repeat}/{args.repeats} {target.name:14} {statistics.median(run.click_ms):6.1f} ms, "
                f"{run.ws_bytes_per_rerun:8,.0f} B/rerun"
            )
    reference = {}
    for make in targets[2:]:
        target = make()
        reference[target.name] = reference_harness(target, args.clicks)
        log(f"reference harness {target.name}: {reference[target.name]}")
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(chromium_version()),
        "settings": {"clicks": args.clicks, "repeats": args.repeats},
        "clicks": {name: summarize(runs) for name, runs in clicks.items()},
        "reference": reference,
        "server": server_times(200),
    }


def render(results: dict[str, Any]) -> str:
    m, c, r, s = results["machine"], results["clicks"], results["reference"], results["server"]
    floor, deferred, slip, st = c["floor"], c["floor_deferred"], c["slipstream"], c["streamlit"]

    def above(row: dict[str, Any], key: str) -> str:
        return f"{row[key]:.1f} ms (floor + {row[key] - floor[key]:.1f})"

    over_deferred = slip["click_ms_median"] - deferred["click_ms_median"]
    ws = slip["ws_bytes_per_rerun"]

    def met(ok: bool) -> str:
        return "yes" if ok else "**no**"

    def ref(name: str, key: str, unit: str = "ms") -> str:
        value = r[name].get(key)
        return "—" if value is None else f"{value:,.1f} {unit}"

    settings = results["settings"]
    return "\n".join(
        [
            f"{HEADING} ({results['date']})",
            "",
            "Measured by `python3 bench/run_fragment.py`. Machine: "
            f"{m['cpu']}, load average {m['load_average']} at the start; Chromium {m['chromium']}; "
            f"Slipstream {m['slipstream']}; Streamlit {STREAMLIT_VERSION}.",
            "",
            "`bench/apps/fragment200.py`: the counter (button and text) is an `@st.fragment`, beside a title and 200 "
            f"`st.metric` in four columns. {settings['clicks']} clicks after each of {settings['repeats']} server "
            "starts per target, targets interleaved, latencies pooled. Each click reruns the fragment alone on both "
            "frameworks.",
            "",
            f"| figure | floor | deferred floor | Slipstream | Streamlit {STREAMLIT_VERSION} "
            "| Streamlit ÷ Slipstream |",
            "|---|---:|---:|---:|---:|---:|",
            f"| click-to-update, median | {floor['click_ms_median']:.1f} ms | {above(deferred, 'click_ms_median')} "
            f"| {above(slip, 'click_ms_median')} | {above(st, 'click_ms_median')} "
            f"| {st['click_ms_median'] / slip['click_ms_median']:.1f}× |",
            f"| click-to-update, p90 | {floor['click_ms_p90']:.1f} ms | {above(deferred, 'click_ms_p90')} "
            f"| {above(slip, 'click_ms_p90')} | {above(st, 'click_ms_p90')} "
            f"| {st['click_ms_p90'] / slip['click_ms_p90']:.1f}× |",
            f"| websocket bytes per fragment rerun | — | — | {ws:,.0f} | {st['ws_bytes_per_rerun']:,.0f} "
            f"| {st['ws_bytes_per_rerun'] / ws:,.1f}× |",
            "",
            "The reference harness (`../shared/bench/browser_latency.py`, one server start each, same clicks):",
            "",
            f"| reference harness | Slipstream | Streamlit {STREAMLIT_VERSION} |",
            "|---|---:|---:|",
            f"| click median | {ref('slipstream', 'click_ms_median')} | {ref('streamlit', 'click_ms_median')} |",
            f"| click p90 | {ref('slipstream', 'click_ms_p90')} | {ref('streamlit', 'click_ms_p90')} |",
            f"| websocket bytes per rerun | {ref('slipstream', 'ws_bytes_per_rerun', 'B')} "
            f"| {ref('streamlit', 'ws_bytes_per_rerun', 'B')} |",
            "",
            f"Server time in process (Slipstream, 200 runs each, median): a run of the fragment alone "
            f"{s['fragment_run_ms']:.2f} ms and {s['fragment_run_bytes']:,.0f} bytes; a run of the whole script "
            f"{s['full_run_ms']:.2f} ms.",
            "",
            "| Slipstream's target | measured | met |",
            "|---|---|---|",
            f"| ≤ {BYTES_PER_FRAGMENT_RERUN} B per fragment rerun | {ws:,.0f} B "
            f"| {met(ws <= BYTES_PER_FRAGMENT_RERUN)} |",
            f"| click-to-update ≤ deferred floor + {ABOVE_DEFERRED_FLOOR_MS:.0f} ms | deferred floor + "
            f"{over_deferred:.1f} ms | {met(over_deferred <= ABOVE_DEFERRED_FLOOR_MS)} |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=30, help="clicks per server start (default 30)")
    parser.add_argument("--repeats", type=int, default=2, help="server starts per target (default 2)")
    args = parser.parse_args()
    results = measure(args, ensure_streamlit_venv())
    publish_section("fragment", HEADING, results, render(results))


if __name__ == "__main__":
    sys.exit(main())
