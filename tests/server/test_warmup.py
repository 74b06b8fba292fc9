"""The server answers the app's page while the app is still being built (server/warmup.py)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from slipstream.server import warmup
from slipstream.server.warmup import Warming


def _run(scenario: Coroutine[Any, Any, None]) -> None:
    """Run ``scenario`` on an event loop of its own thread: the browser tests' Playwright keeps a
    loop running on the main thread for the whole session."""
    failures: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(scenario)
        except BaseException as exc:  # re-raised on the test's thread
            failures.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def _app() -> Starlette:
    return Starlette(routes=[Route("/other", lambda request: PlainTextResponse("built"))])


async def _get(app: Warming, path: str) -> tuple[int, dict[bytes, bytes], bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
        "headers": [], "root_path": "", "scheme": "http", "server": ("test", 80), "http_version": "1.1",
    }  # fmt: skip
    await app(scope, receive, send)
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


async def _start(app: Warming) -> tuple[asyncio.Task[None], asyncio.Queue[dict[str, Any]], list[str]]:
    inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    replies: list[str] = []

    async def send(message: dict[str, Any]) -> None:
        replies.append(message["type"])

    await inbox.put({"type": "lifespan.startup"})
    task = asyncio.create_task(app({"type": "lifespan"}, inbox.get, send))  # type: ignore[arg-type]
    while not replies:
        await asyncio.sleep(0)
    return task, inbox, replies


def test_the_page_is_served_before_the_app_is_built_and_the_rest_waits_for_it(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<!doctype html><title>t</title>")
    release = threading.Event()

    def build() -> Starlette:
        release.wait(5)
        return _app()

    async def scenario() -> None:
        app = Warming(build, page, "/", ["https://example.com"])
        lifespan, inbox, replies = await _start(app)
        assert replies == ["lifespan.startup.complete"]
        status, headers, body = await _get(app, "/")
        assert (status, body) == (200, page.read_bytes())
        assert headers[b"content-type"] == b"text/html; charset=utf-8"
        assert headers[b"content-security-policy"] == b"frame-ancestors 'self' https://example.com"
        assert headers[b"x-content-type-options"] == b"nosniff"
        other = asyncio.create_task(_get(app, "/other"))
        await asyncio.sleep(0.05)
        assert not other.done()  # held until the app is built
        release.set()
        assert (await other)[2] == b"built"
        await inbox.put({"type": "lifespan.shutdown"})
        await lifespan
        assert replies == ["lifespan.startup.complete", "lifespan.shutdown.complete"]

    _run(scenario())


def test_an_app_that_cannot_be_built_ends_the_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ended: list[int] = []
    monkeypatch.setattr(warmup.os, "_exit", ended.append)

    def build() -> Starlette:
        raise ValueError("broken")

    async def scenario() -> None:
        app = Warming(build, tmp_path / "index.html", "/", [])
        lifespan, _, _ = await _start(app)
        for _ in range(100):
            if ended:
                break
            await asyncio.sleep(0.01)
        lifespan.cancel()

    _run(scenario())
    assert ended == [warmup.START_FAILED]
