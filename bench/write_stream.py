"""Streaming text and long chats: bytes on the websocket and how soon the browser shows each token.

Slipstream and Streamlit side by side in one run:

- bench/apps/write_stream.py: a click streams 5,000 short tokens ("t123 ") through
  st.write_stream, as fast as the generator yields. Measured: the websocket bytes the page
  receives from the click to the end of the stream, against the streamed text's size (target:
  at most 1.5x), and each token's visibility lag: from its yield (the app records the time) to
  the first animation frame at which the page shows it (a MutationObserver notes changes; the
  frame callback reads which token the streamed text ends with). Target: p99 at most 100 ms.
- bench/apps/chat500.py: 500 chat messages, then a message typed into the chat input adds it and
  a reply. Measured: the bytes of that rerun (should be about the new messages' size, whatever
  the history).

usage: python3 bench/write_stream.py [--st-python PATH] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from browser import FrameCounter, chromium_version, launch
from common import APPS, BENCH, STREAMLIT_VERSION, Server, Target, rank_percentile, slipstream_target, streamlit_target
from playwright.sync_api import sync_playwright
from run_core import log, machine, publish_section

HEADING = "## Streaming text and long chats (bench/write_stream.py)"
STREAM_APP = APPS / "write_stream.py"
CHAT_APP = APPS / "chat500.py"
TIMES = BENCH / "out" / "write_stream_times.json"
REFERENCE_PYTHON = Path("/work/main/bench/.venv-streamlit/bin/python")
TOKENS = 5000
TEXT_BYTES = sum(len(f"t{i} ") for i in range(TOKENS))
MAX_RATIO = 1.5
MAX_P99_MS = 100.0

# Notes, at each animation frame after a DOM change, the last token the streamed text shows.
WATCH_SCRIPT = """
window.__seen = [];
let pending = false;
const check = () => {
  pending = false;
  const now = performance.timeOrigin + performance.now();
  for (const box of document.querySelectorAll('[data-testid="stMarkdownContainer"]')) {
    const text = box.textContent || "";
    if (!text.startsWith("t0 ")) continue;
    const match = /t(\\d+)\\s*$/.exec(text.slice(-16));
    if (match) window.__seen.push([Number(match[1]), now]);
  }
};
new MutationObserver(() => {
  if (!pending) { pending = true; requestAnimationFrame(check); }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def measure_stream(target: Target) -> dict[str, Any]:
    TIMES.unlink(missing_ok=True)
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            frames = FrameCounter()
            page.on("websocket", frames.watch)
            page.add_init_script(WATCH_SCRIPT)
            page.goto(target.url)
            button = page.get_by_role("button", name="Stream", exact=True)
            button.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            before = frames.received
            start = time.perf_counter()
            button.click()
            page.get_by_text("stream done", exact=True).wait_for(timeout=600_000)
            elapsed = time.perf_counter() - start
            page.wait_for_timeout(500)
            received = frames.received - before
            seen: list[list[float]] = page.evaluate("window.__seen")
            browser.close()
    yielded: list[float] = json.loads(TIMES.read_text())
    shown: dict[int, float] = {}
    for token, at in seen:  # a token is visible from the first frame showing it or a later one
        for i in range(int(token), -1, -1):
            if i in shown:
                break
            shown[i] = at
    lags = [shown[i] - yielded[i] for i in range(TOKENS) if i in shown]
    return {
        "bytes": received,
        "ratio": received / TEXT_BYTES,
        "tokens_seen": len(lags),
        "lag_p50_ms": rank_percentile(lags, 0.5) if lags else None,
        "lag_p99_ms": rank_percentile(lags, 0.99) if lags else None,
        "lag_max_ms": max(lags) if lags else None,
        "stream_s": elapsed,
    }


def measure_chat(target: Target) -> dict[str, Any]:
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            frames = FrameCounter()
            page.on("websocket", frames.watch)
            page.goto(target.url)
            page.get_by_text("message 499:").wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            box = page.get_by_placeholder("Say something")
            sizes = []
            for k in range(3):
                before = frames.received
                box.fill(f"question {k}")
                box.press("Enter")
                page.get_by_text(f"reply to question {k}", exact=True).wait_for(timeout=60_000)
                page.wait_for_timeout(700)  # the run's end
                sizes.append(frames.received - before)
            browser.close()
    return {"rerun_bytes": statistics.median(sizes), "rerun_bytes_all": sizes}


def measure(args: argparse.Namespace) -> dict[str, Any]:
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for repeat in range(1, args.repeats + 1):
        for make in (slipstream_target, lambda app: streamlit_target(args.st_python, app)):
            stream = measure_stream(make(STREAM_APP))
            chat = measure_chat(make(CHAT_APP))
            name = "slipstream" if make is slipstream_target else "streamlit"
            runs.setdefault(name, {"stream": [], "chat": []})
            runs[name]["stream"].append(stream)
            runs[name]["chat"].append(chat)
            log(
                f"write_stream {repeat}/{args.repeats} {name:10} stream {stream['bytes']:,} B "
                f"({stream['ratio']:.2f}x), lag p99 {stream['lag_p99_ms']} ms; chat rerun {chat['rerun_bytes']:,} B"
            )
    summary = {
        name: {
            "bytes": statistics.median(r["bytes"] for r in v["stream"]),
            "ratio": statistics.median(r["ratio"] for r in v["stream"]),
            "lag_p50_ms": statistics.median(r["lag_p50_ms"] or 0 for r in v["stream"]),
            "lag_p99_ms": max(r["lag_p99_ms"] or 0 for r in v["stream"]),
            "stream_s": statistics.median(r["stream_s"] for r in v["stream"]),
            "chat_rerun_bytes": statistics.median(r["rerun_bytes"] for r in v["chat"]),
        }
        for name, v in runs.items()
    }
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(chromium_version()),
        "settings": {"tokens": TOKENS, "text_bytes": TEXT_BYTES, "repeats": args.repeats},
        "summary": summary,
        "runs": runs,
    }


def render(results: dict[str, Any]) -> str:
    m, s = results["machine"], results["settings"]
    a, b = results["summary"]["slipstream"], results["summary"]["streamlit"]
    ratio_met = "yes" if a["ratio"] <= MAX_RATIO else "**no**"
    lag_met = "yes" if a["lag_p99_ms"] <= MAX_P99_MS else "**no**"
    return "\n".join(
        [
            f"{HEADING} ({results['date']})",
            "",
            f"Measured by `python3 bench/write_stream.py`: `bench/apps/write_stream.py` streams {s['tokens']:,} "
            f"short tokens ({s['text_bytes']:,} bytes of text) through st.write_stream as fast as the generator "
            "yields; `bench/apps/chat500.py` holds 500 chat messages and a message typed into st.chat_input adds "
            "it and a reply. *Lag*: from a token's yield to the first animation frame showing it. "
            f"{s['repeats']} server starts per framework (medians; lag p99: the worst run). "
            f"Machine: {m['cpu']}, load average {m['load_average']} at the start; Chromium {m['chromium']}; "
            f"Slipstream {m['slipstream']}; Streamlit {STREAMLIT_VERSION}.",
            "",
            f"| figure | Slipstream | Streamlit {STREAMLIT_VERSION} |",
            "|---|---:|---:|",
            f"| stream: websocket bytes | {a['bytes']:,.0f} | {b['bytes']:,.0f} |",
            f"| stream: bytes / text size | {a['ratio']:.2f}x | {b['ratio']:.2f}x |",
            f"| stream: token lag p50 | {a['lag_p50_ms']:.0f} ms | {b['lag_p50_ms']:.0f} ms |",
            f"| stream: token lag p99 | {a['lag_p99_ms']:.0f} ms | {b['lag_p99_ms']:.0f} ms |",
            f"| stream: click to last token shown | {a['stream_s']:.2f} s | {b['stream_s']:.2f} s |",
            f"| chat of 500: bytes of the rerun adding a message and a reply | {a['chat_rerun_bytes']:,.0f} "
            f"| {b['chat_rerun_bytes']:,.0f} |",
            "",
            "| Slipstream's target | measured | met |",
            "|---|---|---|",
            f"| stream bytes at most {MAX_RATIO}x the text | {a['ratio']:.2f}x | {ratio_met} |",
            f"| every token visible within {MAX_P99_MS:.0f} ms of its yield (p99) | {a['lag_p99_ms']:.0f} ms "
            f"| {lag_met} |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--st-python", type=Path, default=REFERENCE_PYTHON, help="the Streamlit 1.67 venv's python")
    parser.add_argument("--repeats", type=int, default=2, help="server starts per framework (default 2)")
    args = parser.parse_args()
    results = measure(args)
    publish_section("write_stream", HEADING, results, render(results))


if __name__ == "__main__":
    sys.exit(main())
