"""Exceptions that steer a run. They derive from BaseException so `except Exception` in a
script does not swallow them."""

from __future__ import annotations

import ctypes


class ScriptControl(BaseException):
    pass


class StopRun(ScriptControl):
    """st.stop() or the browser's Stop: end the run quietly."""


class RerunRun(ScriptControl):
    """A newer run is wanted (st.rerun() or a widget change): end this one now."""


class FragmentsRerun(ScriptControl):
    """A widget callback asked for runs of the fragments named by key (``st.rerun("key")``)."""

    def __init__(self, fragment_ids: list[str]) -> None:
        super().__init__(fragment_ids)
        self.fragment_ids = fragment_ids


def raise_in_thread(thread_id: int, exc: type[ScriptControl] | None) -> None:
    """Make ``exc`` raise in the thread ``thread_id`` at its next Python instruction, even in a loop
    that calls no st.* function; None takes back one that has not been raised yet.

    A thread blocked in C (time.sleep, a socket read) sees it only when the call returns.
    """
    exc_arg = ctypes.py_object(exc) if exc is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), exc_arg)
