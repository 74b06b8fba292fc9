"""The files of declared v1 components and of v2 components' asset folders, served from each
component's own folder only."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from slipstream.components.registry import asset_file, component_file
from slipstream.server.headers import NOSNIFF


async def _serve_component_file(request: Request) -> Response:
    path = component_file(request.path_params["name"], request.path_params["path"])
    return _file_or_404(path)


async def _serve_asset_file(request: Request) -> Response:
    return _file_or_404(asset_file(request.path_params["name"], request.path_params["path"]))


def _file_or_404(path: Path | None) -> Response:
    if path is None:
        return PlainTextResponse("not found", status_code=404, headers=NOSNIFF)
    # A component's page runs as part of the app (it is the app author's code): no sandbox. It
    # may change while its author works on it, so browsers revalidate (FileResponse sends ETags).
    return FileResponse(path, headers={"Cache-Control": "no-cache", **NOSNIFF})


def component_routes() -> list[Route]:
    return [
        Route("/_slipstream/component/{name}/{path:path}", _serve_component_file),
        Route("/_slipstream/bidi-component/{name}/{path:path}", _serve_asset_file),
    ]
