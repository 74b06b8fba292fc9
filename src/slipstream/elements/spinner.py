"""st.spinner: a spinner with a text while a block of the script runs.

Like Streamlit, it shows only once the block has run for half a second, so quick blocks show
nothing, and it takes no place: it stands where the next element goes until the block ends.
The delayed show comes from a timer while the script runs on, so it is put only if nothing was
written at that place meanwhile, and never after the block (or the run) ended.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from slipstream.elements._args import check_width, clean_text
from slipstream.runtime.background import background
from slipstream.runtime.context import get_run_context
from slipstream.runtime.placement import DeltaGenerator, current_target, next_place
from slipstream.runtime.view import Held

# Streamlit's delay before a spinner (or a skeleton used with `with`) appears.
DELAY = 0.5


@contextmanager
def shown_after_delay(element: dict[str, Any], target: DeltaGenerator | None = None) -> Iterator[None]:
    """Show ``element`` where the next element written to ``target`` (by default: the current
    container) goes, once the block has run for DELAY seconds, until the block ends; it takes
    no place (the next element written there replaces it)."""
    ctx = get_run_context()
    if ctx is None:
        yield
        return
    view, run = ctx.session.view, ctx.run
    path = next_place(target or current_target())
    before = view.held.get(path)
    before_run = before.run if before is not None else None
    lock = threading.Lock()
    ended = False
    shown: Held | None = None

    def untouched(held: Held | None) -> bool:
        # Nothing put there since the block began (a put makes a new Held, or marks a kept one).
        return view.run == run and held is before and (held is None or held.run == before_run)

    def show() -> None:
        nonlocal shown
        with lock:
            if not ended:
                shown = view.put_if(path, untouched, element)

    background.call_later(DELAY, show)
    try:
        yield
    finally:
        with lock:
            ended = True
        if shown is not None:
            on_show = shown
            view.put_if(path, lambda held: held is on_show, {"type": "empty"})


@contextmanager
def spinner(
    text: str = "In progress...", *, show_time: bool = False, _cache: bool = False, width: int | str = "content"
) -> Iterator[None]:
    """Show a spinner with ``text`` (Markdown) while the block runs, once it has run half a second.

    ``show_time`` adds the seconds elapsed; ``width`` is "content", "stretch" or pixels. Works
    as a ``with`` block or as a decorator of a function.

    Example::

        with st.spinner("Loading data...", show_time=True):
            data = load()
    """
    element = {
        "type": "spinner",
        "text": clean_text(text),
        "show_time": bool(show_time),
        "cache": bool(_cache),
        "width": check_width("spinner", width),
    }
    with shown_after_delay(element):
        yield
