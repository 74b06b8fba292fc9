"""Browser-level measurements in headless Chromium, the same for every target.

The page is driven only by what a user sees: the button named "Increment" and the text "count: k".
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from common import Server, Target
from playwright.sync_api import Browser, Error, Page, Playwright, Response, WebSocket, sync_playwright

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Nothing but the servers under test: any other host fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
FIRST_TEXT = "count: 0"


def launch(pw: Playwright) -> Browser:
    return pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)


def chromium_version() -> str:
    with sync_playwright() as pw:
        browser = launch(pw)
        version = browser.version
        browser.close()
    return version


class FrameCounter:
    """Counts the bytes of every websocket frame the page receives."""

    def __init__(self) -> None:
        self.received = 0

    def watch(self, ws: WebSocket) -> None:
        ws.on("framereceived", self._count)

    def _count(self, payload: str | bytes) -> None:
        self.received += len(payload.encode() if isinstance(payload, str) else payload)


@dataclass
class ClickRun:
    """One server start: cold start, then `clicks` clicks in one tab."""

    http_ready_s: float  # process spawn -> the page answers HTTP 200
    cold_start_s: float  # process spawn -> "count: 0" visible (includes the browser's launch)
    click_ms: list[float]  # click -> "count: k" visible, for k = 1..clicks
    ws_bytes_per_rerun: float
    server_rss_kib: int  # the server's process tree, after the clicks


def click_counter(page: Page, clicks: int, pause_ms: int = 0) -> list[float]:
    """Click "Increment" `clicks` times, each time until "count: k" shows; the latencies in ms."""
    # The first: Streamlit names its number inputs' step buttons "Increment" too, and every bench
    # app puts its own button above any widget.
    button = page.get_by_role("button", name="Increment", exact=True).first
    latencies = []
    for k in range(1, clicks + 1):
        start = time.perf_counter()
        button.click()
        page.get_by_text(f"count: {k}", exact=True).wait_for(timeout=30_000)
        latencies.append((time.perf_counter() - start) * 1000)
        if pause_ms:
            page.wait_for_timeout(pause_ms)
    return latencies


def measure_clicks(target: Target, clicks: int) -> ClickRun:
    with Server(target) as server:
        http_ready = server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page()
            frames = FrameCounter()
            page.on("websocket", frames.watch)
            page.goto(target.url)
            page.get_by_text(FIRST_TEXT, exact=True).wait_for(timeout=60_000)
            cold_start = time.perf_counter() - server.started
            page.wait_for_timeout(500)
            before = frames.received
            latencies = click_counter(page, clicks)
            page.wait_for_timeout(300)
            per_rerun = (frames.received - before) / clicks
            rss = server.rss_kib()
            browser.close()
    return ClickRun(http_ready, cold_start, latencies, per_rerun, rss)


@dataclass
class PageWeight:
    """Decoded bytes a fresh browser downloads to show the first render, by resource type."""

    by_type: dict[str, int] = field(default_factory=dict)
    websocket_bytes: int = 0  # websocket frames received meanwhile; not part of `total`

    @property
    def total(self) -> int:
        return sum(self.by_type.values())

    def add(self, response: Response) -> None:
        try:
            body = response.body()
        except Error:  # redirects and the websocket upgrade have no body
            return
        kind = response.request.resource_type
        self.by_type[kind] = self.by_type.get(kind, 0) + len(body)


def measure_page_weight(target: Target) -> PageWeight:
    """Everything downloaded until FIRST_TEXT is visible, plus what is still arriving a second later (fonts)."""
    weight = PageWeight()
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page()
            frames = FrameCounter()
            page.on("websocket", frames.watch)
            page.on("response", weight.add)
            page.goto(target.url)
            page.get_by_text(FIRST_TEXT, exact=True).wait_for(timeout=60_000)
            page.wait_for_timeout(1000)
            weight.websocket_bytes = frames.received
            browser.close()
    return weight
