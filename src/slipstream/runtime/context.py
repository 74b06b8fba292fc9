"""The context of the script run on the current thread: which session, which container."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slipstream.delta_generator import DeltaGenerator
    from slipstream.runtime.app_runtime import AppRuntime
    from slipstream.runtime.forms import FormRun
    from slipstream.runtime.outbox import Path
    from slipstream.runtime.session import Session


@dataclass(slots=True)
class RunContext:
    session: Session
    run: int
    scope: Path = ()  # the part of the app this run draws again: () for the whole script
    cursors: dict[Path, int] = field(default_factory=dict)
    stack: list[DeltaGenerator] = field(default_factory=list)
    divider_colors: int = 0
    forms: dict[Path, FormRun] = field(default_factory=dict)

    @property
    def app(self) -> AppRuntime:
        """The app this run belongs to."""
        return self.session.app


_local = threading.local()


def get_run_context() -> RunContext | None:
    return getattr(_local, "ctx", None)


def set_run_context(ctx: RunContext | None) -> None:
    _local.ctx = ctx


def add_script_run_ctx(thread: threading.Thread, ctx: RunContext | None = None) -> threading.Thread:
    """Let ``thread`` write to the app of the current run (call before starting it)."""
    ctx = ctx or get_run_context()
    run = thread.run

    def run_with_context() -> None:
        set_run_context(ctx)
        run()

    thread.run = run_with_context  # type: ignore[method-assign]
    return thread
