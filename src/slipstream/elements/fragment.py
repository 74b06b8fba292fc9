"""st.fragment: a function whose part of the page runs again on its own."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar, overload

from slipstream.durations import duration_seconds
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import RunContext, get_run_context, set_run_context
from slipstream.runtime.control import ScriptControl
from slipstream.runtime.fragments import (
    FRAGMENT_CONTAINER,
    Fragment,
    FragmentKind,
    FragmentShownError,
    draw,
    fragment_id_for,
)
from slipstream.runtime.placement import DeltaGenerator, emit
from slipstream.runtime.workers import workers

F = TypeVar("F", bound=Callable[..., Any])

RESERVED_KEYS = ("app", "fragment")


@overload
def fragment(func: F, *, run_every: Any = None, parallel: bool = False, key: str | int | None = None) -> F: ...


@overload
def fragment(
    func: None = None, *, run_every: Any = None, parallel: bool = False, key: str | int | None = None
) -> Callable[[F], F]: ...


def fragment(
    func: F | None = None,
    *,
    run_every: Any = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> F | Callable[[F], F]:
    """Turn a function into a fragment: a widget inside it reruns only the function.

    The function's elements live in a container of their own where it is called; on its own
    reruns only that container (and what it wrote into outside containers) is drawn again.
    ``run_every`` (seconds, a timedelta or a string such as "10s") reruns it on a timer while the
    session lives. ``parallel=True`` runs it on another thread during runs of the whole script.
    ``key`` names it for ``st.rerun("key")`` from a widget callback.

    Example::

        @st.fragment(run_every="2s")
        def clock():
            st.write(datetime.datetime.now())
    """
    if isinstance(run_every, (int, float)) and not isinstance(run_every, bool) and run_every <= 0:
        run_every = None  # as in Streamlit: no timer, and no error
    interval = duration_seconds("st.fragment", "run_every", run_every)
    if not isinstance(parallel, bool):
        raise StreamlitAPIException(f"st.fragment: parallel must be True or False, not {parallel!r}.")
    fragment_key = _check_key(key)

    def decorate(function: F) -> F:
        if not callable(function):
            raise StreamlitAPIException(f"st.fragment decorates a function, not {type(function).__name__}.")
        return make_fragment(function, "fragment", run_every=interval or None, parallel=parallel, key=fragment_key)

    return decorate if func is None else decorate(func)


def _check_key(key: Any) -> str | None:
    if key is None:
        return None
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise StreamlitAPIException(f"st.fragment: key must be a string or an int, not {type(key).__name__}.")
    name = str(key)
    if name in RESERVED_KEYS:
        raise StreamlitAPIException(
            f"st.fragment: {name!r} cannot be a fragment key: st.rerun(scope={name!r}) means a rerun of the "
            "app or of the running fragment. Choose another key."
        )
    if not name:
        raise StreamlitAPIException("st.fragment: key is an empty string; give the fragment a name.")
    return name


def make_fragment(
    function: F,
    kind: FragmentKind,
    *,
    element: Callable[[RunContext], dict[str, Any]] = lambda ctx: FRAGMENT_CONTAINER,
    target: DeltaGenerator | None = None,
    run_every: float | None = None,
    parallel: bool = False,
    key: str | None = None,
) -> F:
    """Wrap ``function`` so that each call during a run draws it as a fragment of ``kind``, in
    the container ``element`` makes for the call (which may refuse it), placed at ``target``
    (by default where the call is)."""
    definition = f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', repr(function))}"

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        ctx = get_run_context()
        if ctx is None:  # plain Python, no app: nothing to draw into
            return None
        container = element(ctx)
        path = emit(container, target=target)
        record = Fragment(
            id=fragment_id_for(definition, path),
            kind=kind,
            definition=definition,
            body=functools.partial(function, *args, **kwargs),
            element=container,
            path=path,
            stack=list(ctx.stack) if target is None else [],
            key=key,
            run_every=run_every,
            parallel=parallel,
        )
        session = ctx.session
        session.fragments.register(record)
        if run_every is not None:
            session.tick_fragment(record)
        if parallel and ctx.full_run and not ctx.parallel:
            _draw_in_parallel(ctx, record)
            return None
        return draw(ctx, record)

    return call  # type: ignore[return-value]


def _draw_in_parallel(ctx: RunContext, record: Fragment) -> None:
    """Draw ``record`` on a worker thread while the script goes on; the run waits for it at
    its end."""
    running = [job for job in ctx.parallel_jobs if not job.is_set()]
    if len(running) >= _max_parallel(ctx):  # runner.parallelMaxWorkers: wait for one to end
        running[0].wait()
    done = threading.Event()
    ctx.parallel_jobs.append(done)
    worker_ctx = RunContext(session=ctx.session, run=ctx.run, scopes=ctx.scopes, parallel=True)

    def job() -> None:
        set_run_context(worker_ctx)
        try:
            draw(worker_ctx, record)
        except FragmentShownError:
            ctx.parallel_failed = True
        except ScriptControl:  # the run was stopped or replaced: the script's thread ends it
            pass
        except Exception:  # an error of the runtime's own: shown with the run's
            ctx.parallel_failed = True
            raise
        finally:
            worker_ctx.join_parallel()
            set_run_context(None)
            done.set()

    workers.submit(job)


def _max_parallel(ctx: RunContext) -> int:
    """How many parallel fragments of one run may run at once (runner.parallelMaxWorkers)."""
    configured = ctx.app.option("runner.parallelMaxWorkers")
    return int(configured) if configured else min(32, (os.cpu_count() or 1) + 4)
