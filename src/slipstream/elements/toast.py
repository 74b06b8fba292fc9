"""st.toast: a short message that pops up in the corner of the page and goes away by itself.

A toast lives in the ROOT_EVENT root, in no page flow. The browser copies it into its toast
stack, where it stays for its duration even when a rerun does not show it again (and the
element goes away). Each call makes a new toast; writing to the slot a toast call returned
(``msg.toast(...)``) within the same run changes that toast instead.
"""

from __future__ import annotations

import secrets
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements._args import clean_text
from slipstream.elements._icons import check_icon
from slipstream.errors import StreamlitAPIException, StreamlitValueError
from slipstream.protocol import ROOT_EVENT
from slipstream.runtime.context import get_run_context
from slipstream.runtime.placement import current_target, is_slot, place_of

# Seconds a toast stays up, as in Streamlit; 0 keeps it until the user closes it.
DURATIONS = {"short": 4, "long": 10, "infinite": 0}
EVENTS = DeltaGenerator((ROOT_EVENT,))


def event_target() -> DeltaGenerator:
    """Where a one-shot effect goes: the slot it is written to (``msg.toast(...)``), else the
    event root."""
    target = current_target()
    return target if is_slot(target) else EVENTS


def new_shot() -> str:
    """A fresh id for one showing of an effect, so the browser never takes it for the last one."""
    return secrets.token_hex(6)


def _seconds(duration: Any) -> int:
    if isinstance(duration, str) and duration in DURATIONS:
        return DURATIONS[duration]
    if isinstance(duration, int) and not isinstance(duration, bool) and duration > 0:
        return duration
    raise StreamlitValueError(
        "duration", ["short", "long", "infinite", "a positive integer"], detail=f"st.toast got {duration!r}."
    )


def _toast_id(target: DeltaGenerator) -> str:
    """The id of the toast the slot shows in this run, to update it; else a new one."""
    ctx = get_run_context()
    if ctx is not None and is_slot(target):
        held = ctx.session.view.held.get(place_of(target))
        if held is not None and held.kind == "toast" and held.run == ctx.run:
            return str(held.decoded()["toast"])
    return new_shot()


def toast(body: Any, *, icon: str | None = None, duration: str | int = "short") -> DeltaGenerator:
    """Pop up a short message (Markdown) in the corner of the page.

    ``icon`` is an emoji or ``:material/name:``; ``duration`` is "short" (4 seconds), "long"
    (10), "infinite" (until closed) or a number of seconds. Call ``.toast(...)`` on the result
    to change the message in place.

    Example::

        msg = st.toast("Gathering ingredients...")
        msg.toast("Ready!", icon="🥞")
    """
    text = str(body)
    if text == "":
        raise StreamlitAPIException("st.toast: The `body` parameter is required. Please provide a message.")
    shown_icon = check_icon("toast", icon, spinner=True)
    seconds = _seconds(duration)
    target = event_target()
    element = {
        "type": "toast",
        "toast": _toast_id(target),
        "body": clean_text(text),
        "icon": shown_icon,
        "duration": seconds,
    }
    return DeltaGenerator(emit(element, target=target), slot=True)
