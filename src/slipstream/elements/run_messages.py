"""What the app shows about a run itself: the script's uncaught exception, and a form that has
no submit button. A session shows them through its app (``AppRuntime.run_messages``), so the
runtime does not build elements itself."""

from __future__ import annotations

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements.alerts import alert_element
from slipstream.elements.exceptions import exception_element
from slipstream.protocol import ROOT_MAIN
from slipstream.runtime.outbox import Path


def show_exception(exc: BaseException, where: Path = (ROOT_MAIN,)) -> None:
    """The exception's type, message and traceback, in the container ``where``."""
    emit(exception_element(exc), target=DeltaGenerator(where), check=False)


def show_form_without_submit(form_id: str, path: Path) -> None:
    """An error inside the form: its widgets can never send their values."""
    message = (
        f"The form `{form_id}` has no submit button, so its widgets never send their values. "
        "Add one with `st.form_submit_button()`."
    )
    emit(alert_element("error", message), target=DeltaGenerator(path))
