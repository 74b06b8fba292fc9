"""The Starlette application for one Slipstream app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import Scope
from starlette.websockets import WebSocket

from slipstream import config as config_module
from slipstream.runtime.manager import SessionManager
from slipstream.runtime.script import AppScript
from slipstream.runtime.watcher import SourceWatcher
from slipstream.server import memory
from slipstream.server.blobs import BlobStore, blob_store, parse_range
from slipstream.server.headers import NOSNIFF, PageHeaders, blob_headers, content_type
from slipstream.server.uploads import upload_route
from slipstream.server.websocket import SocketPolicy, serve_websocket

log = logging.getLogger("slipstream.server")

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
IMMUTABLE = "public, max-age=31536000, immutable"

_NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>Slipstream</title>
<p>The Slipstream frontend is not built. Run <code>pip install -e .</code> (which builds it) or
<code>npm --prefix frontend ci &amp;&amp; npm --prefix frontend run build</code>.</p>"""


class ImmutableStaticFiles(StaticFiles):
    """Hashed assets: their names change with their content, so browsers may keep them forever."""

    def file_response(
        self, full_path: Any, stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = IMMUTABLE
        return response


# Larger bodies go out in pieces of this size: handed to asyncio in one piece, a body of many
# megabytes is copied and shifted along in the socket's buffer while the event loop waits.
_PIECE = 1 << 20


def _body(data: bytes | memoryview, status_code: int, mimetype: str, headers: dict[str, str]) -> Response:
    if len(data) <= _PIECE:
        return Response(bytes(data), status_code=status_code, media_type=mimetype, headers=headers)

    async def pieces() -> AsyncIterator[bytes]:
        view = memoryview(data)
        for start in range(0, len(view), _PIECE):
            yield bytes(view[start : start + _PIECE])

    headers["Content-Length"] = str(len(data))
    return StreamingResponse(pieces(), status_code=status_code, media_type=mimetype, headers=headers)


def _blob_route(store: BlobStore) -> Route:
    async def serve_blob(request: Request) -> Response:
        blob = await store.wait(request.path_params["name"])
        if blob is None:
            return PlainTextResponse("not found", status_code=404, headers=NOSNIFF)
        # Opened directly, a blob must not run script as the app: see headers.blob_headers.
        mimetype = content_type(blob.mimetype)
        safety = blob_headers(mimetype, blob.filename)
        size = len(blob.data)
        headers = {"Cache-Control": IMMUTABLE, "Accept-Ranges": "bytes", **safety}
        range_header = request.headers.get("range")
        if range_header:
            span = parse_range(range_header, size)
            if span is None:
                return Response(status_code=416, headers={**safety, "Content-Range": f"bytes */{size}"})
            start, end = span
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
            return _body(memoryview(blob.data)[start : end + 1], 206, mimetype, headers)
        return _body(blob.data, 200, mimetype, headers)

    return Route("/_slipstream/blob/{name}", serve_blob)


def create_app(
    script: AppScript | str | os.PathLike[str],
    options: dict[str, Any] | None = None,
    *,
    blobs: BlobStore | None = None,
) -> Starlette:
    """Build the ASGI app serving ``script``. It can run alone or be mounted in another app."""
    opts = config_module.load() if options is None else {**config_module.load(cwd=Path.cwd()), **options}
    # Options given here skip config.load's checks.
    frame_ancestors = config_module.check_frame_ancestors(opts["server.frameAncestors"])
    config_module.activate(opts)
    if not isinstance(script, AppScript):
        script = AppScript(script, magic=bool(opts["runner.magicEnabled"]))
    manager = SessionManager(
        script,
        ttl=float(opts["server.disconnectedSessionTTL"]),
        run_on_save=bool(opts["server.runOnSave"]),
        max_sessions=int(opts["server.maxSessions"]),
        outbox_limit=int(opts["server.maxOutboxSize"]) << 20,
    )
    store = blob_store if blobs is None else blobs  # not `or`: an empty store is falsy (it has a len)
    socket_policy = SocketPolicy(
        allowed_origins=list(opts["server.allowedOrigins"]),
        check_origin=bool(opts["server.enableCORS"]),
        max_message_bytes=int(opts["server.maxMessageSize"]) << 20,
    )

    async def index(request: Request) -> Response:
        page = STATIC_DIR / "index.html"
        if not page.is_file():
            return HTMLResponse(_NOT_BUILT, status_code=503)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    reclaimer = memory.Reclaimer()

    async def websocket(ws: WebSocket) -> None:
        try:
            await serve_websocket(ws, manager, socket_policy)
        finally:
            reclaimer.released()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()

        def source_changed() -> None:
            script.invalidate()
            for session in manager:
                if session.run_on_save:
                    session.request_rerun()
                else:
                    session.outbox.put({"t": "file_changed"})

        def on_source_change() -> None:  # called on the watcher's thread
            loop.call_soon_threadsafe(source_changed)

        watcher = SourceWatcher(script.path, on_source_change, kind=str(opts["server.fileWatcherType"]))
        if script.path.is_file():
            watcher.start()
            script.watched = watcher.active
            manager.after_run = watcher.refresh  # runs import local modules: watch their folders

        async def reap() -> None:
            while True:
                await asyncio.sleep(max(1.0, min(manager.ttl / 4, 10.0)))
                reclaimer.released(manager.reap())
                reclaimer.reclaim()  # what closed connections and freed sessions held goes back

        reaper = asyncio.create_task(reap())
        try:
            yield
        finally:
            reaper.cancel()
            manager.after_run = None
            script.watched = False
            watcher.stop()
            manager.close_all()

    routes = [
        Route("/", index),
        Route("/_slipstream/health", health),
        WebSocketRoute("/_slipstream/ws", websocket),
        _blob_route(store),
        upload_route(manager),
        Mount("/assets", ImmutableStaticFiles(directory=STATIC_DIR / "assets", check_dir=False), name="assets"),
    ]
    app = Starlette(
        routes=routes, lifespan=lifespan, middleware=[Middleware(PageHeaders, frame_ancestors=frame_ancestors)]
    )
    app.state.manager = manager
    app.state.blobs = store
    return app
