"""The context of the script run on the current thread: which session, which container."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slipstream.delta_generator import DeltaGenerator
    from slipstream.runtime.app_runtime import AppRuntime
    from slipstream.runtime.forms import FormRun
    from slipstream.runtime.fragments import Fragment
    from slipstream.runtime.outbox import Path
    from slipstream.runtime.session import Session


@dataclass(slots=True)
class RunContext:
    session: Session
    run: int
    # The parts of the app this run draws again: ((),) for the whole script, else the containers
    # of the fragment it runs.
    scopes: tuple[Path, ...] = ((),)
    cursors: dict[Path, int] = field(default_factory=dict)
    stack: list[DeltaGenerator] = field(default_factory=list)
    divider_colors: int = 0
    forms: dict[Path, FormRun] = field(default_factory=dict)
    fragment: Fragment | None = None  # the fragment whose body runs now on this thread
    in_callback: bool = False  # a widget's callback runs now
    parallel: bool = False  # this thread runs a parallel fragment during a run of the script
    dialog_shown: bool = False  # a dialog was opened in this run
    page: str | None = None  # the URL path of the page whose body runs now (st.navigation's)
    runnable_page: Any = None  # the Page st.navigation returned, until its .run()
    navigated: bool = False  # st.navigation registered the app's pages in this run
    # Parallel fragments this run started: each sets its event when done (and the flag on error).
    parallel_jobs: list[threading.Event] = field(default_factory=list)
    parallel_failed: bool = False

    @property
    def full_run(self) -> bool:
        """Whether this run is a run of the whole script (not of one fragment)."""
        return self.scopes == ((),)

    def join_parallel(self) -> bool:
        """Wait for the parallel fragments this run started; True when one of them failed."""
        for done in self.parallel_jobs:
            done.wait()
        self.parallel_jobs.clear()
        return self.parallel_failed

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
