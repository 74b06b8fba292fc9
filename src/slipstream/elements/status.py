"""st.status: an expander that shows the state of the work it holds, updated in place."""

from __future__ import annotations

from typing import Any, Literal

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements._args import check_width, clean_text
from slipstream.elements.expander import EXPANDER_TYPES
from slipstream.errors import StreamlitValueError
from slipstream.runtime.context import get_run_context
from slipstream.runtime.outbox import Path

State = Literal["running", "complete", "error"]
STATES = ("running", "complete", "error")


def _check_state(state: Any) -> State:
    if state not in STATES:
        raise StreamlitValueError("state", [repr(s) for s in STATES], detail=f"st.status got {state!r}.")
    return state  # type: ignore[no-any-return]


class StatusContainer(DeltaGenerator):
    """The container st.status returns: write into it, and ``update`` its label, state or opening.

    Used with ``with``, a block that ends while the state is "running" sets it to "complete",
    or to "error" when the block raised.
    """

    __slots__ = ("_element", "_run")

    def __init__(self, path: Path, element: dict[str, Any]) -> None:
        super().__init__(path)
        self._element = element
        ctx = get_run_context()
        self._run = ctx.run if ctx is not None else None

    def update(self, *, label: str | None = None, expanded: bool | None = None, state: State | None = None) -> None:
        """Change the status box in place; ``label``, ``expanded`` and ``state`` left None keep
        their value (a box the user opened or closed stays so).

        Example::

            box = st.status("Downloading...")
            box.update(label="Done", state="complete", expanded=False)
        """
        changed = dict(self._element)
        if label is not None:
            changed["label"] = clean_text(label)
        if expanded is not None:
            changed["expanded"] = bool(expanded)
        if state is not None:
            changed["state"] = _check_state(state)
        self._element = changed
        ctx = get_run_context()
        if ctx is not None and ctx.run == self._run:  # a box a finished run showed stays as it was
            ctx.session.check_interrupt()
            ctx.session.view.update(self._path, changed)

    @property
    def state(self) -> State:
        state: State = self._element["state"]
        return state

    def __enter__(self) -> StatusContainer:
        super().__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._element["state"] == "running":
                self.update(state="error" if exc[0] is not None else "complete")
        finally:
            super().__exit__(*exc)


def status(
    label: str,
    *,
    expanded: bool = False,
    state: State = "running",
    type: str = "default",
    width: int | str = "stretch",
) -> StatusContainer:
    """Show a box for long-running work: a label with a state icon, its details inside.

    ``state`` is "running" (a spinner), "complete" (a check mark) or "error"; ``type`` draws it
    like st.expander's ("default", "compact" or "step"); ``width`` is "stretch" or pixels.

    Example::

        with st.status("Downloading data...", expanded=True) as box:
            st.write("Fetching files")
        box.update(label="Download complete!", expanded=False)
    """
    if type not in EXPANDER_TYPES:
        raise StreamlitValueError("type", [repr(t) for t in EXPANDER_TYPES], detail=f"st.status got {type!r}.")
    element: dict[str, Any] = {
        "type": "status",
        "label": clean_text(label or ""),
        "expanded": bool(expanded),
        "state": _check_state(state),
        "style": type,
        "width": check_width("status", width, allow_content=False),
    }
    return StatusContainer(emit(element), element)
