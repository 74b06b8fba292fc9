"""The upload endpoint: files for st.file_uploader, PUT by the browser before it sends the rerun.

Answers: 200 with the file id; 403 without the session's XSRF token; 404 for an unknown session
or widget; 413 when the file passes its widget's size limit or the session's bound on bytes not
yet taken by a widget; 429 when the session holds too many such files; 507 when the temp dir
cannot take the file. Refusals past a limit are one line of plain text that names the limit
and the option that sets it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from slipstream.runtime.manager import SessionManager
from slipstream.runtime.session import Session
from slipstream.runtime.uploads import UploadRefused

log = logging.getLogger("slipstream.server")

UPLOAD_PATH = "/_slipstream/upload/{session}/{widget}"
MAX_FIELD_CHARS = 255  # of a file's name and mimetype
# C0 and C1 controls, and the bidi marks that can make "exe.txt" read as "txt.exe"
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def upload_route(manager: SessionManager, *, check_xsrf: bool | Callable[[], bool] = True) -> Route:
    """The upload endpoint; ``check_xsrf`` False (server.enableXsrfProtection) takes uploads
    without the session's token (a function: asked at each upload)."""

    async def upload(request: Request) -> Response:
        session = manager.get(request.path_params["session"])
        if session is None:
            return PlainTextResponse("no such session", status_code=404)
        xsrf = check_xsrf() if callable(check_xsrf) else check_xsrf
        if xsrf and request.headers.get("x-slipstream-xsrf") != session.xsrf:
            session.log.warning("refused an upload with a missing or wrong XSRF token")
            return PlainTextResponse("missing or wrong XSRF token", status_code=403)
        widget_id = request.path_params["widget"]
        limit = session.uploads.limits.get(widget_id)
        if limit is None:
            return PlainTextResponse("no such file uploader", status_code=404)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return _too_large(limit)
        name = clean_field(request.query_params.get("name", "")) or "file"
        mimetype = clean_field(request.headers.get("content-type", "")) or "application/octet-stream"
        try:
            incoming = session.uploads.receive(widget_id, name, mimetype)
        except UploadRefused as exc:
            return _refused(session, exc, name)
        try:
            async for chunk in request.stream():
                if incoming.size + len(chunk) > limit:
                    return _too_large(limit)
                incoming.write(chunk)
            file_id = incoming.finish()
        except UploadRefused as exc:
            return _refused(session, exc, name)
        except ClientDisconnect:  # the page gave up on the upload: normal, nothing to log or answer
            return Response(status_code=400)
        except OSError as exc:  # the temp dir is full or gone: the server's problem, not the page's
            log.error("could not store an upload in the temp dir: %s", exc)
            return PlainTextResponse("the server has no room to store the file", status_code=507)
        finally:
            incoming.discard()
        return JSONResponse({"file_id": file_id})

    return Route(UPLOAD_PATH, upload, methods=["PUT"])


def clean_field(text: str) -> str:
    """A file name or mimetype as the script may show it: no control characters, bounded."""
    return _CONTROLS.sub("", text)[:MAX_FIELD_CHARS]


def _too_large(limit: int) -> Response:
    megabytes = limit / (1024 * 1024)
    return PlainTextResponse(f"the file is larger than the limit of {megabytes:g} MB", status_code=413)


def _refused(session: Session, exc: UploadRefused, name: str) -> Response:
    # the session's log: a page refused 100 times in a burst writes a few lines, not 100
    session.log.warning("refused upload %r (%d): %s", name[:80], exc.status, exc.reason)
    return PlainTextResponse(exc.reason, status_code=exc.status)
