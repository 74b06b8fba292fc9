"""The Starlette application for one Slipstream app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import State
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import Scope
from starlette.websockets import WebSocket

from slipstream import config as config_module
from slipstream.auth.routes import auth_routes
from slipstream.auth.settings import auth_section, xsrf_protected
from slipstream.runtime.app_runtime import AppRuntime
from slipstream.runtime.blobs import BlobStorage
from slipstream.runtime.script import AppScript
from slipstream.runtime.watcher import SourceWatcher
from slipstream.server import memory
from slipstream.server.components import component_routes
from slipstream.server.headers import NOSNIFF, PageHeaders, blob_headers, content_type
from slipstream.server.ranges import parse_range
from slipstream.server.uploads import upload_route
from slipstream.server.warmup import STATIC_DIR
from slipstream.server.websocket import SocketPolicy, serve_websocket

log = logging.getLogger("slipstream.server")

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


APP_STATIC_PATH = "/app/static"
# What the app's static folder serves with its own type; anything else goes out as plain text, so
# that an HTML or script file put there cannot run as the app (Streamlit limits it the same way).
_STATIC_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
    ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon", ".bmp": "image/bmp",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
    ".pdf": "application/pdf", ".json": "application/json", ".xml": "text/plain",
    ".mp3": "audio/mpeg", ".wav": "audio/wav", ".ogg": "audio/ogg", ".mp4": "video/mp4", ".webm": "video/webm",
    ".csv": "text/csv", ".txt": "text/plain",
}  # fmt: skip


class AppStaticFiles(StaticFiles):
    """The app's ``static`` folder (server.enableStaticServing): files inside it only (no
    ``..``, no symbolic links out of it), typed by the list above, never sniffed."""

    def file_response(
        self, full_path: Any, stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        mimetype = _STATIC_TYPES.get(Path(str(full_path)).suffix.lower(), "text/plain")
        response.headers["Content-Type"] = mimetype + ("; charset=utf-8" if mimetype.startswith("text/") else "")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-cache"
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


def _blob_route(store: BlobStorage) -> Route:
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


RESERVED_PATHS = ("/", "/_slipstream", "/assets", "/auth", "/oauth2callback")


def check_routes(routes: Sequence[BaseRoute]) -> None:
    """Raise ValueError for a route of the app's own that would hide one of Slipstream's."""
    for route in routes:
        path = getattr(route, "path", None)
        if not isinstance(path, str):
            continue
        for reserved in RESERVED_PATHS:
            clash = (
                path.rstrip("/") == reserved.rstrip("/")
                if reserved == "/"
                else (path == reserved or path.startswith(reserved + "/"))
            )
            if clash:
                raise ValueError(
                    f"the route {path!r} clashes with Slipstream's own {reserved!r}: "
                    "choose a path outside /, /_slipstream/, /assets/, /auth/ and /oauth2callback"
                )


def build_asgi(
    app: AppRuntime,
    *,
    routes: Sequence[BaseRoute] = (),
    middleware: Sequence[Middleware] = (),
    lifespan: Callable[[], contextlib.AbstractAsyncContextManager[Mapping[str, Any] | None]] | None = None,
    state: State | None = None,
    exception_handlers: Mapping[Any, Any] | None = None,
    debug: bool = False,
) -> Starlette:
    """The Starlette app serving ``app``: its page, assets, websocket, blobs and uploads, then
    ``routes``; ``middleware`` runs before Slipstream's own. ``lifespan`` (the app's own
    startup and shutdown) runs inside Slipstream's, and what it yields goes to ``state``."""
    check_routes(routes)
    if not app.option("server.enableXsrfProtection") and auth_section(app) is not None:
        log.info(
            "server.enableXsrfProtection is false, but [auth] is in the secrets: uploads still need the "
            "session's XSRF token (a login turns XSRF protection on, as in Streamlit)"
        )
    frame_ancestors = config_module.check_frame_ancestors(app.option("server.frameAncestors"))
    script = app.script
    assert script is not None
    manager = app.sessions
    socket_policy = SocketPolicy(
        allowed_origins=[*app.option("server.corsAllowedOrigins"), *app.option("server.allowedOrigins")],
        check_origin=bool(app.option("server.enableCORS")),
        max_message_bytes=int(app.option("server.maxMessageSize")) << 20,
    )

    async def index(request: Request) -> Response:
        page = STATIC_DIR / "index.html"
        if not page.is_file():
            return HTMLResponse(_NOT_BUILT, status_code=503)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    async def page_with_slash(request: Request) -> Response:
        # A page's URL has no trailing slash: the page finds the app's files beside its own path.
        url = request.url
        return RedirectResponse(url.replace(path=url.path.rstrip("/")).path + (f"?{url.query}" if url.query else ""))

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    reclaimer = memory.Reclaimer()

    async def websocket(ws: WebSocket) -> None:
        try:
            await serve_websocket(ws, manager, socket_policy)
        finally:
            reclaimer.released()

    @contextlib.asynccontextmanager
    async def serving(starlette: Starlette) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()

        def source_changed() -> None:
            app.invalidate_scripts()
            for session in manager:
                if session.run_on_save:
                    session.request_rerun()
                else:
                    session.outbox.put({"t": "file_changed"})

        def on_source_change() -> None:  # called on the watcher's thread
            loop.call_soon_threadsafe(source_changed)

        watcher = SourceWatcher(
            script.path,
            on_source_change,
            kind=str(app.option("server.fileWatcherType")),
            extra=[script.path.parent / folder for folder in app.option("server.folderWatchList")],
            ignore=[script.path.parent / folder for folder in app.option("server.folderWatchBlacklist")],
        )
        if script.path.is_file():
            watcher.start()
            script.watched = watcher.active
            app.watch_file = watcher.watch if watcher.active else None
            manager.after_run = watcher.refresh  # runs import local modules: watch their folders

        async def reap() -> None:
            while True:
                await asyncio.sleep(max(1.0, min(manager.ttl / 4, 10.0)))
                reclaimer.released(manager.reap())
                reclaimer.reclaim()  # what closed connections and freed sessions held goes back

        reaper = asyncio.create_task(reap())
        try:
            if lifespan is None:
                yield
            else:
                async with lifespan() as values:
                    if values and state is not None:
                        for key, value in values.items():
                            setattr(state, key, value)
                    yield
        finally:
            reaper.cancel()
            manager.after_run = None
            script.watched = False
            app.stop_watching()
            watcher.stop()
            manager.close_all()

    own_routes = [
        Route("/", index),
        Route("/_slipstream/health", health),
        WebSocketRoute("/_slipstream/ws", websocket),
        _blob_route(app.blobs),
        upload_route(manager, check_xsrf=lambda: xsrf_protected(app)),
        *component_routes(),
        *auth_routes(app),
        Mount("/assets", ImmutableStaticFiles(directory=STATIC_DIR / "assets", check_dir=False), name="assets"),
    ]
    if app.option("server.enableStaticServing"):
        own_routes.append(
            Mount(APP_STATIC_PATH, AppStaticFiles(directory=script.path.parent / "static", check_dir=False))
        )
    # A page of a multipage app (/report) is the same page as the root: the browser tells the
    # session which page it shows. After the app's own routes, which win.
    page_routes = [Route("/{page:str}", index), Route("/{page:str}/", page_with_slash)]
    starlette = Starlette(
        debug=debug,
        routes=[*own_routes, *routes, *page_routes],
        lifespan=serving,
        middleware=[*middleware, Middleware(PageHeaders, frame_ancestors=frame_ancestors)],
        exception_handlers=dict(exception_handlers or {}),
    )
    starlette.state.manager = manager
    starlette.state.blobs = app.blobs
    return starlette


def under_base_path(asgi: Starlette, base_path: str) -> Starlette:
    """``asgi`` served under ``base_path`` (server.baseUrlPath), the way a mounted App is: its
    page, assets, websocket, blobs and uploads all move under the prefix; / leads there."""
    prefix = "/" + base_path.strip("/")
    if prefix == "/":
        return asgi

    async def to_prefix(request: Request) -> Response:
        return RedirectResponse(prefix + "/")

    @contextlib.asynccontextmanager
    async def lifespan(outer: Starlette) -> AsyncIterator[None]:
        async with asgi.router.lifespan_context(asgi):
            yield

    return Starlette(routes=[Route("/", to_prefix), Mount(prefix, app=asgi)], lifespan=lifespan)


def create_app(
    script: AppScript | str | os.PathLike[str],
    options: dict[str, Any] | None = None,
    *,
    blobs: BlobStorage | None = None,
) -> Starlette:
    """Build the ASGI app serving ``script`` with ``options`` (over those of the config files
    and environment). It can run alone or be mounted in another app."""
    if not isinstance(script, AppScript):
        script_dir = Path(script).resolve().parent
    else:
        script_dir = script.path.parent
    opts = dict(options or {})
    if not set(config_module.OPTIONS) <= set(opts):  # a few options: the others from files and environment
        opts = {**config_module.load(cwd=Path.cwd(), app_dir=script_dir), **opts}
    if not isinstance(script, AppScript):
        script = AppScript(script, magic=bool(opts["runner.magicEnabled"]))
    return build_asgi(AppRuntime(script, options=opts, blobs=blobs))
