"""Where elements go: containers, placeholders, and the emit step every st.* call ends with.

Everything that decides an element's place is here; other modules (forms, spinners, cache
replays) use the functions at the end of this module rather than a DeltaGenerator's insides.

A DeltaGenerator names a place in the app. A *container* appends each new element after the
last; a *slot* (what ``st.empty()`` and every element call return) replaces the one element it
stands for. ``col.button(...)`` is ``st.button(...)`` written into ``col``, and so is
``with col: st.button(...)``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from slipstream.protocol import ROOT_BOTTOM, ROOT_MAIN, ROOT_SIDEBAR
from slipstream.runtime.context import get_run_context
from slipstream.runtime.outbox import Path


class DeltaGenerator:
    __slots__ = ("_path", "_slot")

    def __init__(self, path: Path, *, slot: bool = False) -> None:
        self._path = path
        self._slot = slot

    def __repr__(self) -> str:
        kind = "slot" if self._slot else "container"
        return f"DeltaGenerator({kind} at {list(self._path)})"

    def __enter__(self) -> DeltaGenerator:
        ctx = get_run_context()
        if ctx is not None:
            ctx.stack.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        ctx = get_run_context()
        if ctx is not None and ctx.stack:
            ctx.stack.pop()

    def __getattr__(self, name: str) -> Any:
        from slipstream import _element_function

        function = _element_function(name)
        if function is None:
            raise AttributeError(f"st.{name} cannot be called on a container")
        target = self

        def call_in_target(*args: Any, **kwargs: Any) -> Any:
            ctx = get_run_context()
            if ctx is None:
                return function(*args, **kwargs)
            ctx.stack.append(target)
            depth = len(ctx.stack)
            try:
                return function(*args, **kwargs)
            finally:
                del ctx.stack[depth - 1 :]

        call_in_target.__name__ = name
        call_in_target.__doc__ = function.__doc__
        return call_in_target


MAIN = DeltaGenerator((ROOT_MAIN,))
SIDEBAR = DeltaGenerator((ROOT_SIDEBAR,))
BOTTOM = DeltaGenerator((ROOT_BOTTOM,))
_NOWHERE = DeltaGenerator((-1,))


def current_target() -> DeltaGenerator:
    ctx = get_run_context()
    if ctx is None or not ctx.stack:
        return MAIN
    return ctx.stack[-1]


def emit(element: dict[str, Any], *, target: DeltaGenerator | None = None, check: bool = True) -> Path:
    """Put ``element`` in the app at the target's next place; return its path.

    Outside a running app nothing is shown and the path is meaningless.
    """
    ctx = get_run_context()
    if ctx is None:
        _warn_outside_app()
        return _NOWHERE._path
    session = ctx.session
    if check:
        session.check_interrupt()
    target = target or (ctx.stack[-1] if ctx.stack else MAIN)
    fragment = ctx.fragment
    if fragment is not None and not target._slot and not fragment.holds(target._path):
        from slipstream.runtime.fragments import place_outside

        target = place_outside(ctx, fragment, target)
    if target._slot:
        path = target._path
    else:
        parent = target._path
        index = ctx.cursors.get(parent, 0)
        ctx.cursors[parent] = index + 1
        path = (*parent, index)
    ctx.cursors.pop(path, None)
    session.view.put(path, element)
    listeners: list[Callable[[Path, dict[str, Any]], None]] | None = getattr(_listeners, "stack", None)
    if listeners:
        for listener in list(listeners):
            listener(path, element)
    return path


_warned_outside_app = False


def _warn_outside_app() -> None:
    """An element written with no app running (``python app.py``): say once how to see it, as
    Streamlit does (global.showWarningOnDirectExecution)."""
    global _warned_outside_app
    if _warned_outside_app:
        return
    _warned_outside_app = True
    import logging
    import sys

    if hasattr(sys, "ps1"):  # an interactive interpreter
        logging.getLogger().warning(
            "\n  Warning: to view a Slipstream app in a browser, put it in a file and run:\n\n"
            "    slipstream run [FILE_NAME] [ARGUMENTS]"
        )
        return
    from pathlib import Path

    from slipstream.config import load

    script = Path(sys.argv[0]).resolve()
    if load(app_dir=script.parent if script.is_file() else None).get("global.showWarningOnDirectExecution", True):
        logging.getLogger().warning(
            "\n  Warning: to view this app in a browser, run it with the following command:\n\n"
            f"    slipstream run {sys.argv[0]} [ARGUMENTS]"
        )


_listeners = threading.local()


def listen_to_emits(listener: Callable[[Path, dict[str, Any]], None] | None) -> None:
    """Call ``listener`` with every element this thread emits, until called again with None.

    Listeners nest: each call with a function pushes it, each call with None pops the last one.
    Cached functions use this to record what they show, so a cache hit can show it again.
    """
    stack: list[Callable[[Path, dict[str, Any]], None]] = _listeners.__dict__.setdefault("stack", [])
    if listener is None:
        stack.pop()
    else:
        stack.append(listener)


def emit_element(element: dict[str, Any]) -> DeltaGenerator:
    """Emit a leaf element; the result replaces it when written to."""
    return DeltaGenerator(emit(_with_widget_marks(element)), slot=True)


def _with_widget_marks(element: dict[str, Any]) -> dict[str, Any]:
    """A widget the script keyed carries its key, which the page turns into the element's
    ``st-key-<key>`` class, and one with ``on_change="ignore"`` carries ``defer`` (the browser
    holds its changes for the next rerun); other elements (and charts without selections) go
    as they are."""
    wid = element.get("id")
    ctx = get_run_context()
    if not isinstance(wid, str) or ctx is None:
        return element
    meta = ctx.session.state.widgets.get(wid)
    if meta is None or (meta.user_key is None and not meta.deferred):
        return element
    marks: dict[str, Any] = {}
    if meta.user_key is not None:
        marks["key"] = meta.user_key
    if meta.deferred:
        marks["defer"] = True
    return {**element, **marks}


def emit_container(element: dict[str, Any]) -> DeltaGenerator:
    """Emit a container element; the result appends children to it."""
    return DeltaGenerator(emit(element))


def place_of(target: DeltaGenerator) -> Path:
    """The path a container or a slot stands for."""
    return target._path


def is_slot(target: DeltaGenerator) -> bool:
    """Whether writing to ``target`` replaces one element (a slot) rather than appending."""
    return target._slot


def next_place(target: DeltaGenerator) -> Path:
    """Where the next element written to ``target`` goes in the running script, without taking it."""
    if target._slot:
        return target._path
    ctx = get_run_context()
    return (*target._path, ctx.cursors.get(target._path, 0) if ctx is not None else 0)


def append_text(slot: DeltaGenerator, text: str) -> bool:
    """Append ``text`` to the body of the text element the running script put at ``slot``, the
    browser getting only ``text``; False (nothing done) when the slot holds no such element."""
    ctx = get_run_context()
    if ctx is None:
        return True
    ctx.session.check_interrupt()
    return ctx.session.view.append(slot._path, text)
