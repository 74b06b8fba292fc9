"""Where a click's time goes, seen from inside the page (an instrumented run, apart from the headline figures).

bench/click_timeline.js timestamps, for each click, the pointer going down, the websocket frames sent and
received, the animation frames and the moment "count: k" enters the DOM; the medians tell how much of the
click-to-update latency is the framework (send, server, render) and how much is the browser's frame clock.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from browser import FIRST_TEXT, launch
from common import BENCH, Server, Target
from playwright.sync_api import sync_playwright

TIMELINE_JS = BENCH / "click_timeline.js"


@dataclass
class ClickPhases:
    """Medians over the clicks, in ms after the pointer went down (None: the page used no websocket)."""

    send_ms: float | None  # first websocket frame sent
    first_receive_ms: float | None  # first websocket frame received after that
    last_receive_ms: float | None  # last websocket frame received before the update
    dom_ms: float  # "count: k" in the DOM
    first_frame_ms: float  # first animation frame after the click
    painted_in_frame: float  # which animation frame after the click first shows the update (1 = the first)
    harness_ms: float  # click-to-update as the harness sees it, in this instrumented run


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def measure_phases(target: Target, clicks: int) -> ClickPhases:
    per_click: dict[str, list[float]] = {}
    harness: list[float] = []
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page()
            page.add_init_script(path=TIMELINE_JS)
            page.goto(target.url)
            page.get_by_text(FIRST_TEXT, exact=True).wait_for(timeout=60_000)
            page.wait_for_timeout(500)
            button = page.get_by_role("button", name="Increment", exact=True)
            for k in range(1, clicks + 1):
                page.evaluate(f"window.__clickTimeline.want = 'count: {k}'; window.__clickTimeline.events = []")
                start = time.perf_counter()
                button.click()
                page.get_by_text(f"count: {k}", exact=True).wait_for(timeout=30_000)
                harness.append((time.perf_counter() - start) * 1000)
                # Until the frame after the update has run, so that the painting frame is known.
                page.wait_for_function(
                    "(() => { const e = window.__clickTimeline.events.map(([n]) => n);"
                    " return e.includes('dom') && e.lastIndexOf('frame') > e.indexOf('dom'); })()"
                )
                events: list[tuple[str, float]] = page.evaluate("window.__clickTimeline.events")
                for name, value in _phases(events).items():
                    per_click.setdefault(name, []).append(value)
            browser.close()
    return ClickPhases(
        send_ms=_median(per_click.get("send", [])),
        first_receive_ms=_median(per_click.get("first_receive", [])),
        last_receive_ms=_median(per_click.get("last_receive", [])),
        dom_ms=statistics.median(per_click["dom"]),
        first_frame_ms=statistics.median(per_click["first_frame"]),
        painted_in_frame=statistics.median(per_click["painted_in_frame"]),
        harness_ms=statistics.median(harness),
    )


def _phases(events: list[tuple[str, float]]) -> dict[str, float]:
    """One click's timeline, relative to the pointer going down."""
    down = next(t for name, t in events if name == "pointerdown")
    dom = next(t for name, t in events if name == "dom")
    frames = [t for name, t in events if name == "frame" and t >= down]
    phases = {
        "dom": dom - down,
        "first_frame": frames[0] - down,
        "painted_in_frame": float(1 + sum(1 for t in frames if t < dom)),
    }
    sends = [t for name, t in events if name == "send" and down <= t <= dom]
    if sends:
        phases["send"] = sends[0] - down
        receives = [t for name, t in events if name == "receive" and sends[0] <= t <= dom]
        if receives:
            phases["first_receive"] = receives[0] - down
            phases["last_receive"] = receives[-1] - down
    return phases
