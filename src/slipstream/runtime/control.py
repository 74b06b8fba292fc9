"""Exceptions that steer a run. They derive from BaseException so `except Exception` in a
script does not swallow them."""

from __future__ import annotations


class ScriptControl(BaseException):
    pass


class StopRun(ScriptControl):
    """st.stop() or the browser's Stop: end the run quietly."""


class RerunRun(ScriptControl):
    """A newer run is wanted (st.rerun() or a widget change): end this one now."""
