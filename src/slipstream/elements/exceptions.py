"""st.exception, and the element every uncaught script error is shown with."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context

_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


def _user_frames(exc: BaseException) -> list[traceback.FrameSummary]:
    """The traceback without Slipstream's own frames, which say nothing about the app
    (the app itself may live in the package: the `hello` demo does)."""
    ctx = get_run_context()
    script = str(ctx.session.script.path) if ctx is not None else None
    frames = traceback.extract_tb(exc.__traceback__)
    return [f for f in frames if f.filename == script or not f.filename.startswith(_PACKAGE_DIR)]


def exception_element(exc: BaseException, width: int | str = "stretch") -> dict[str, Any]:
    if isinstance(exc, SyntaxError):
        message = f"{exc.msg} ({Path(exc.filename or '<app>').name}, line {exc.lineno})"
        lines = traceback.format_exception_only(type(exc), exc)[:-1]
        stack = [line.rstrip("\n") for line in lines]
    else:
        message = str(exc)
        stack = [line.rstrip("\n") for line in traceback.format_list(_user_frames(exc))]
    return {
        "type": "exception",
        "exc_type": type(exc).__name__,
        "message": message,
        "traceback": stack,
        "width": width,
    }


def exception(exception: BaseException, width: int | str = "stretch") -> DeltaGenerator:
    """Show an exception: its type, message and traceback.

    Example::

        try:
            1 / 0
        except ZeroDivisionError as e:
            st.exception(e)
    """
    if not isinstance(exception, BaseException):
        raise StreamlitAPIException(f"st.exception needs an exception, not {type(exception).__name__}.")
    return emit_element(exception_element(exception, check_width("exception", width, allow_content=False)))
