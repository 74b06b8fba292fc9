"""The ``on_change`` of st.expander, st.tabs and st.popover: whether the browser reports opening
and closing.

``"ignore"`` (the default): nothing is tracked and ``.open`` is None. ``"rerun"`` or a function:
the container is a widget whose value lives in session_state, each change reruns the script
(calling the function first), and ``.open`` says what is showing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.errors import StreamlitAPIException
from slipstream.runtime.outbox import Path
from slipstream.runtime.placement import DeltaGenerator


class OpenableContainer(DeltaGenerator):
    """A container that opens and closes; ``open`` says whether it shows, when it is tracked."""

    __slots__ = ("_open",)

    def __init__(self, path: Path, *, open: bool | None) -> None:
        super().__init__(path)
        self._open = open

    @property
    def open(self) -> bool | None:
        """True when it shows, False when not; None unless ``on_change`` tracks it."""
        return self._open


def open_from_browser(value: Any) -> bool:
    """The open state a browser reports: true or false, nothing else."""
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def tracking(on_change: Any) -> tuple[bool, Callable[..., Any] | None]:
    """Whether ``on_change`` asks for tracking, and the callback to call on a change."""
    if on_change is None or (isinstance(on_change, str) and on_change == "ignore"):
        return False, None
    if isinstance(on_change, str) and on_change == "rerun":
        return True, None
    if callable(on_change):
        return True, on_change
    raise StreamlitAPIException(
        f"Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function. Got {on_change!r}."
    )
