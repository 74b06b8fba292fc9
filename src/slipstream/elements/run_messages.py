"""What the app shows about a run itself: the script's uncaught exception, and a form that has
no submit button. A session shows them through its app (``AppRuntime.run_messages``), so the
runtime does not build elements itself."""

from __future__ import annotations

import logging
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements.alerts import alert_element
from slipstream.elements.exceptions import exception_element
from slipstream.protocol import ROOT_MAIN
from slipstream.runtime.outbox import Path

_REDACTED = (
    "This app has encountered an error. The original error message is redacted to prevent data leaks. "
    "Full error details have been recorded in the logs."
)
log = logging.getLogger("slipstream.app")


def show_exception(exc: BaseException, where: Path = (ROOT_MAIN,)) -> None:
    """The exception's type, message and traceback, in the container ``where``, less what
    client.showErrorDetails hides (then the whole of it goes to the server's log)."""
    from slipstream.runtime.app_runtime import current_app

    element = exception_element(exc)
    details = current_app().option("client.showErrorDetails")
    if details not in ("full", True):
        log.error("uncaught exception in the app", exc_info=exc)
        element = _redacted(element, details)
    emit(element, target=DeltaGenerator(where), check=False)


def _redacted(element: dict[str, Any], details: object) -> dict[str, Any]:
    """``stacktrace`` (or false): type and traceback; ``type``: the type; ``none``: nothing."""
    element = {**element, "message": _REDACTED}
    if details not in ("stacktrace", False):
        element["traceback"] = []
    if details == "none":
        element["exc_type"] = ""
    return element


def show_form_without_submit(form_id: str, path: Path) -> None:
    """An error inside the form: its widgets can never send their values."""
    message = (
        f"The form `{form_id}` has no submit button, so its widgets never send their values. "
        "Add one with `st.form_submit_button()`."
    )
    emit(alert_element("error", message), target=DeltaGenerator(path))
