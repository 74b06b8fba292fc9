"""Answer the page while the app is still being built.

Building the app (Starlette's routing, the runtime, sessions, auth, uploads) is most of a
server's start-up. ``Warming`` lets the server listen before that: it answers the app's page
(index.html) at once, so that a browser fetches the page and its bundle while the rest is built
in a worker thread, and holds every other request (assets, the websocket) until the app is built,
its lifespan has started and it has answered one request of its own. A failure to build or
start ends the process, as it would have before the server listened.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from slipstream.server.headers import PageHeaders

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.types import Message, Receive, Scope, Send

log = logging.getLogger("slipstream.server")

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"  # the built frontend
START_FAILED = 3  # uvicorn's exit status when an app's startup fails


class Warming:
    """An ASGI app that serves ``page`` at ``page_path`` until ``build()`` (run in a worker thread
    once the server starts) has returned the real app, then hands everything to it."""

    def __init__(self, build: Callable[[], Starlette], page: Path, page_path: str, frame_ancestors: list[str]) -> None:
        self._build = build
        self._page = page
        self._page_path = page_path
        self._early_page = PageHeaders(self._serve_page, frame_ancestors)
        self._app: Starlette | None = None
        self._started = asyncio.Event()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if self._app is None and self._is_page(scope):
            await self._early_page(scope, receive, send)
            return
        await self._started.wait()
        assert self._app is not None
        await self._app(scope, receive, send)

    def _is_page(self, scope: Scope) -> bool:
        return scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and scope["path"] == self._page_path

    async def _serve_page(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            body = self._page.read_bytes()
        except OSError:  # not built: the app answers with what to do
            await self._started.wait()
            assert self._app is not None
            await self._app(scope, receive, send)
            return
        headers = [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-cache"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body if scope["method"] == "GET" else b""})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        await receive()  # lifespan.startup
        stop = asyncio.Event()
        running = asyncio.create_task(self._run(stop))
        await send({"type": "lifespan.startup.complete"})
        await receive()  # lifespan.shutdown
        stop.set()
        await running
        await send({"type": "lifespan.shutdown.complete"})

    async def _run(self, stop: asyncio.Event) -> None:
        """Build the app, start its lifespan, serve until ``stop``, then end its lifespan."""
        started = False
        try:
            app = await asyncio.get_running_loop().run_in_executor(None, self._build)
            async with app.router.lifespan_context(app):
                await self._first_request(app)
                self._app = app
                started = True
                self._started.set()
                await stop.wait()
        except Exception:
            if started:
                raise
            log.exception("The app could not start")
            os._exit(START_FAILED)  # requests wait for an app that will never come: end here

    async def _first_request(self, app: Starlette) -> None:
        """Ask ``app`` for the page once, unseen: what a server loads or starts on its first file
        response (a thread pool, the table of file types) is then ready for the browser's."""

        requested = False

        async def receive() -> Message:
            nonlocal requested
            if requested:  # after the request, the client stays (until the response ends)
                await asyncio.Event().wait()
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}

        async def discard(message: Message) -> None:
            pass

        scope: Scope = {
            "type": "http", "method": "GET", "path": self._page_path, "raw_path": self._page_path.encode(),
            "query_string": b"", "headers": [], "root_path": "", "scheme": "http", "http_version": "1.1",
        }  # fmt: skip
        await app(scope, receive, discard)
