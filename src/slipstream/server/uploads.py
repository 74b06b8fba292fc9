"""The upload endpoint: files for st.file_uploader, PUT by the browser before it sends the rerun."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from slipstream.runtime.manager import SessionManager

log = logging.getLogger("slipstream.server")

UPLOAD_PATH = "/_slipstream/upload/{session}/{widget}"


def upload_route(manager: SessionManager) -> Route:
    async def upload(request: Request) -> Response:
        session = manager.get(request.path_params["session"])
        if session is None:
            return PlainTextResponse("no such session", status_code=404)
        if request.headers.get("x-slipstream-xsrf") != session.xsrf:
            log.warning("refused an upload with a missing or wrong XSRF token")
            return PlainTextResponse("missing or wrong XSRF token", status_code=403)
        widget_id = request.path_params["widget"]
        limit = session.uploads.limits.get(widget_id)
        if limit is None:
            return PlainTextResponse("no such file uploader", status_code=404)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return _too_large(limit)
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return _too_large(limit)
            chunks.append(chunk)
        name = request.query_params.get("name", "file")[:255] or "file"
        mimetype = request.headers.get("content-type", "application/octet-stream")[:255]
        file_id = session.uploads.add(widget_id, name, mimetype, b"".join(chunks))
        return JSONResponse({"file_id": file_id})

    return Route(UPLOAD_PATH, upload, methods=["PUT"])


def _too_large(limit: int) -> Response:
    megabytes = limit / (1024 * 1024)
    return PlainTextResponse(f"the file is larger than the limit of {megabytes:g} MB", status_code=413)
