"""A session: one browser tab's state and the runs of its script."""

from __future__ import annotations

import builtins
import logging
import secrets
import threading
from collections.abc import Callable
from typing import Any

from slipstream.context_info import ClientInfo
from slipstream.protocol import ROOT_MAIN, RunStatus
from slipstream.runtime.app_runtime import AppRuntime, default_app
from slipstream.runtime.background import background
from slipstream.runtime.bound_widgets import release_bindings
from slipstream.runtime.client_log import ClientLog
from slipstream.runtime.context import RunContext, set_run_context
from slipstream.runtime.control import FragmentsRerun, RerunRun, ScriptControl, StopRun, raise_in_thread
from slipstream.runtime.fragments import Fragment, FragmentRegistry, FragmentShownError, redraw
from slipstream.runtime.lazy_rows import LazyRows, shown_sources
from slipstream.runtime.outbox import KEEPS_HELD, Outbox, Path
from slipstream.runtime.script import MAGIC_NAME, AppScript
from slipstream.runtime.state import SessionState, WidgetMeta
from slipstream.runtime.tab_location import TabLocation
from slipstream.runtime.uploads import UploadStorage, UploadStore
from slipstream.runtime.view import ClientView
from slipstream.runtime.workers import workers

log = logging.getLogger("slipstream.session")


def _magic_write(value: Any) -> Any:
    from slipstream.elements.write import write

    write(value)
    return value


# How long a run may go on after a stop or a newer rerun was asked for, before it is ended from
# outside (it ends at its next st.* call if it makes one sooner).
INTERRUPT_GRACE = 0.2


class Session:
    """One tab's state. Its script runs on a worker thread only while runs are wanted
    (``threaded``), or on the caller's thread (tests)."""

    # Slots, not an instance dict: past 30 attributes an instance's dict stops sharing its keys
    # with the class's other instances, and a server keeps many sessions (1.5 KiB each saved).
    __slots__ = (
        "__weakref__",
        "_app_wanted",
        "_cond",
        "_drop_view_after_run",
        "_forced",
        "_fragments_wanted",
        "_in_script",
        "_pending",
        "_resend_all",
        "_runner_ident",
        "_running",
        "_scheduled",
        "_stop_wanted",
        "_threaded",
        "_watching",
        "app",
        "client",
        "closed",
        "detached_since",
        "fragments",
        "id",
        "last_status",
        "lazy_rows",
        "location",
        "log",
        "logged_out",
        "on_run_end",
        "outbox",
        "run_count",
        "run_on_save",
        "script",
        "state",
        "uploads",
        "user",
        "view",
        "xsrf",
    )

    def __init__(
        self,
        script: AppScript,
        *,
        app: AppRuntime | None = None,
        threaded: bool = True,
        query: str = "",
        outbox_limit: int | None = None,
    ) -> None:
        self.id = secrets.token_urlsafe(18)
        self.script = script
        self.app = app or default_app()
        self.log = ClientLog(log, f"session {self.id[:6]}")
        self.state = SessionState(self.log, store=self.app.state_store(self.id))
        self.uploads: UploadStorage = UploadStore(
            max_files=int(self.app.option("server.maxUnclaimedUploads")),
            max_bytes=int(self.app.option("server.maxUnclaimedUploadSize")) << 20,
        )
        self.xsrf = secrets.token_urlsafe(24)
        self.outbox = Outbox(limit=outbox_limit)
        self.view = ClientView(self.outbox, keep_elements=not threaded)  # headless: AppTest reads them
        self.location = TabLocation(query, self.outbox, self.view)  # its page and query params
        self.client: ClientInfo | None = None  # st.context: the tab's request and browser
        # st.user: from the identity cookie when the tab connected ({} when nobody logged in)
        self.user: dict[str, Any] = {}
        self.logged_out = False  # st.logout ran: no tab resumes this session (its user is gone)
        self.lazy_rows = LazyRows()  # the rows of the lazily loaded grids the tab shows
        self.run_count = 0
        self.last_status: RunStatus | None = None
        self.detached_since: float | None = None
        self.closed = False
        self.run_on_save = False
        self._resend_all = False
        self._drop_view_after_run = False
        self.on_run_end: Callable[[Session, RunStatus], None] | None = None
        self._threaded = threaded
        self._cond = threading.RLock()  # a lock only: nothing waits on it (a Condition is ten more objects)
        self._pending: dict[str, Any] = {}
        self._app_wanted = False  # a run of the whole script is wanted
        self._fragments_wanted: dict[str, None] = {}  # runs of these fragments alone, in order
        self.fragments = FragmentRegistry()
        self._stop_wanted = False
        self._running = False
        self._scheduled = False  # a worker runs this session, or will
        self._runner_ident = 0  # the thread running the script
        self._in_script = False  # the script's own code (or a callback) is running
        self._forced = False  # an interrupt was raised from outside in this run
        self._watching: int | None = None  # the run a watchdog timer is armed for

    # ---- requests (any thread) --------------------------------------------------------------

    def request_rerun(self, values: dict[str, Any] | None = None, *, fragments: list[str] | None = None) -> None:
        """Ask for a run with the new widget ``values``: of the ``fragments`` given, else of the
        fragment that holds every widget changed, else of the whole script.

        A run of the whole script ends a run in progress (the newest wins); runs of fragments
        wait for it, in order, as Streamlit runs them."""
        with self._cond:
            if values:
                self._pending.update(values)
                if fragments is None:
                    fragments = self._fragments_of(values)
            if fragments:
                for fragment_id in fragments:
                    self._fragments_wanted[fragment_id] = None
            else:
                self._app_wanted = True
            if self._threaded and not self._scheduled and not self.closed:
                self._scheduled = True
                workers.submit(self._run_while_wanted)
            elif (
                self._app_wanted
                and self._running
                and threading.get_ident() != self._runner_ident
                and self.app.option("runner.fastReruns")  # else the new run waits for this one to end
            ):
                self._watch_interrupt()  # not st.rerun() itself, which ends its run by raising

    def arrive(self, page: str, query: str, client: ClientInfo) -> None:
        """A tab attached, showing ``page`` with ``query``: its next run shows that page."""
        self.client = client
        self.location.ask(page, query, from_browser=True)

    def navigate(self, page: str, query: str) -> None:
        """The tab moved to ``page`` (a URL path, "" for the default page) with ``query`` (a click
        in the menu or on a page link, back or forward): run that page."""
        self.location.ask(page, query, from_browser=True)
        self.request_rerun()

    def switch_to(self, page: str, query: str | None) -> None:
        """st.switch_page: the next run shows ``page`` with ``query`` (None: no parameters)."""
        self.location.ask(page, query, from_browser=False)
        self.request_rerun()

    def _fragments_of(self, values: dict[str, Any]) -> list[str] | None:
        """The fragment whose widgets are all of ``values``, if one is (None: the whole app)."""
        owners = {getattr(self.state.widgets.get(widget_id), "fragment", None) for widget_id in values}
        if len(owners) != 1:
            return None
        owner = owners.pop()
        return [owner] if owner is not None and self.fragments.get(owner) is not None else None

    @property
    def _rerun_wanted(self) -> bool:
        return self._app_wanted or bool(self._fragments_wanted)

    def request_stop(self) -> None:
        with self._cond:
            if self._running:
                self._stop_wanted = True
                self._watch_interrupt()

    def tick_fragment(self, fragment: Fragment) -> None:
        """Run ``fragment`` every ``run_every`` seconds while the session lives and its last
        runs draw it. Headless sessions (AppTest) run on no timer."""
        if not self._threaded or not self.fragments.start_ticking(fragment):
            return
        interval = fragment.run_every
        assert interval is not None

        def tick() -> None:
            if self.closed or self.fragments.still_ticking(fragment.id, interval) is None:
                return
            if self.detached_since is None:  # only while a tab shows it
                self.request_rerun(fragments=[fragment.id])
            background.call_later(interval, tick)

        background.call_later(interval, tick)

    @property
    def running(self) -> bool:
        return self._running

    def close(self) -> None:
        with self._cond:
            self.closed = True
            if self._running:
                self._stop_wanted = True
                self._watch_interrupt()
        self.uploads.clear()
        self.lazy_rows.clear()

    def resend_all(self) -> None:
        """The browser lost what it showed (a reload): the next run sends every element again."""
        self._resend_all = True

    def drop_view(self) -> None:
        """No tab shows this session any more. A tab that resumes it gets every element again
        (``resend_all``), so what the view holds is freed now, or when the current run ends: a
        disconnected session keeps only its state."""
        with self._cond:
            self._resend_all = True
            if self._running:
                self._drop_view_after_run = True
            else:
                self.view.forget()
                self.lazy_rows.clear()

    def check_interrupt(self) -> None:
        """Called by every st.* call of the script: end the run when asked to."""
        if self._stop_wanted:
            raise StopRun
        if self._app_wanted:
            raise RerunRun

    # ---- ending a run from outside --------------------------------------------------------

    def _watch_interrupt(self) -> None:
        """A stop or a rerun is wanted: if the run has not ended by itself within the grace time,
        end it from outside. Lock held."""
        if self._watching == self.run_count:
            return
        self._watching = run = self.run_count
        background.call_later(INTERRUPT_GRACE, lambda: self._force_interrupt(run))

    def _force_interrupt(self, run: int) -> None:
        with self._cond:
            if self._watching == run:
                self._watching = None
            if not (self._running and self.run_count == run and (self._stop_wanted or self._app_wanted)):
                return
            if self._in_script:
                self._forced = True
                raise_in_thread(self._runner_ident, StopRun if self._stop_wanted else RerunRun)
            # Look again later, in case the script catches it or is in the runtime's own code now.
            self._watch_interrupt()

    def _enter_script(self) -> None:
        with self._cond:
            self._in_script = True

    def _leave_script(self) -> None:
        """The script's code is done: no interrupt from outside may land after this."""
        while True:
            try:
                with self._cond:
                    self._in_script = False
                    if self._forced:
                        raise_in_thread(self._runner_ident, None)  # one raised but not yet delivered
                return
            except ScriptControl:  # delivered just now, inside this method: it has done its job
                continue

    # ---- running ----------------------------------------------------------------------------

    def _run_while_wanted(self) -> None:
        """A worker's job: run while reruns are wanted, then give the worker back (an idle
        session holds no thread)."""
        while True:
            with self._cond:
                if not self._rerun_wanted or self.closed:
                    self._scheduled = False
                    return
            self.run_pending()

    def run_pending(self) -> RunStatus:
        """Run what is wanted (the whole script, else the first fragment asked for) with the
        values received so far, on the calling thread."""
        with self._cond:
            values, self._pending = self._pending, {}
            fragment = None
            if not self._app_wanted and self._fragments_wanted:
                fragment_id = next(iter(self._fragments_wanted))
                del self._fragments_wanted[fragment_id]
                fragment = self.fragments.get(fragment_id)  # gone since: run the whole script
            if fragment is None:
                self._app_wanted = False
                self._fragments_wanted.clear()  # a run of the script draws every fragment
            page_pending = fragment is None
            self._stop_wanted = False
            self._running = True
            self._forced = False
            self._runner_ident = threading.get_ident()
            self.run_count += 1
            run = self.run_count
        try:
            if page_pending:
                self.location.take_pending()
            return self._run(run, values, fragment)
        finally:
            with self._cond:
                self._running = False
                self._in_script = False
                if self._drop_view_after_run:
                    self._drop_view_after_run = False
                    self.view.forget()
                    self.lazy_rows.clear()

    def run_until_idle(self, values: dict[str, Any] | None = None) -> RunStatus:
        """Headless: run the whole script with ``values`` (as AppTest does, like Streamlit's),
        then whatever it asks for (st.rerun); return the last status."""
        with self._cond:
            if values:
                self._pending.update(values)
            self._app_wanted = True
        status = self.run_pending()
        return self.run_wanted() or status

    def run_wanted(self) -> RunStatus | None:
        """Headless: run while runs are wanted (see request_rerun); the last run's status."""
        status = None
        while self._rerun_wanted and not self.closed:
            status = self.run_pending()
        return status

    def _run(self, run: int, values: dict[str, Any], fragment: Fragment | None = None) -> RunStatus:
        """One run of the script, or of ``fragment`` alone: then only within what the fragment
        draws do elements and widgets the run did not make go away."""
        if self._resend_all:
            self._resend_all = False
            self.view.forget()
        scopes = fragment.scopes() if fragment is not None else ((),)
        ctx = RunContext(session=self, run=run, scopes=scopes)
        set_run_context(ctx)
        self.view.start_run(run)
        self.outbox.put_run_start(run, list(scopes) if fragment is not None else None)
        if self._threaded:
            background.call_later(KEEPS_HELD, lambda: self.outbox.release_keeps(run))
        status: RunStatus = "ok"
        try:
            changed = self.state.apply_browser_values(values)
            self.state.start_run()
            self._enter_script()
            try:
                self._run_callbacks(ctx, changed)
                if fragment is None:
                    self.fragments.start_full_run()
                    self._exec()
                else:
                    redraw(ctx, fragment)
            finally:
                self._leave_script()
                parallel_failed = ctx.join_parallel()
            if parallel_failed:
                raise FragmentShownError("a parallel fragment failed")
            self._flag_forms_without_submit(ctx)
        except StopRun:
            status = "stopped"
        except RerunRun:
            status = "interrupted"
        except FragmentShownError:
            status = "error"
        except BaseException as exc:  # the script's own error: shown in the app
            status = "error"
            ctx.fragment = None
            self.show_error(ctx, exc)
        finally:
            completed = status != "interrupted"
            in_scope = self.view.widget_ids_under(scopes) if fragment is not None else None
            gone = self.state.finish_run(completed=completed, in_scope=in_scope, page=self.location.page_url_path)
            release_bindings(self.location.query_params, gone)
            if status == "ok" and fragment is None and not ctx.navigated and self.location.page_entries:
                self.location.forget_pages()  # the app stopped calling st.navigation
            dropped: list[Path] | None = []
            if completed:
                dropped = self.view.finish_run(scopes)
                self.lazy_rows.keep_only(shown_sources(self.view))
                self.uploads.keep_only(set(self.state.widgets))
                self._clear_submitted_forms(ctx)
            if self._forced:
                # Ended from outside, maybe inside an st.* call that had not told the view yet.
                self._resend_all = True
            self.outbox.put_run_end(run, status, dropped)
            self.view.coalesce_unsent(run, status)
            set_run_context(None)
            self.last_status = status
        if self.on_run_end is not None:
            self.on_run_end(self, status)
        return status

    def _run_callbacks(self, ctx: RunContext, changed: list[WidgetMeta]) -> None:
        """The callbacks of the widgets that changed, before the script. One that asks for
        fragments by key (``st.rerun("key")``) makes the run theirs instead, unless another
        callback of the same interaction returned normally: then the whole app runs."""
        keyed: list[str] = []
        returned = False
        ctx.in_callback = True
        try:
            for meta in changed:
                if meta.on_change is None:
                    continue
                try:
                    meta.on_change(*meta.args, **meta.kwargs)
                    returned = True
                except FragmentsRerun as rerun:
                    keyed.extend(i for i in rerun.fragment_ids if i not in keyed)
        finally:
            ctx.in_callback = False
        if keyed:
            self.request_rerun(fragments=None if returned else keyed)
            raise RerunRun

    def _exec(self) -> None:
        if self.app.uses_pages_folder():
            from slipstream.elements.navigation import run_pages_folder

            run_pages_folder()
        else:
            self.exec_script(self.script)

    def exec_script(self, script: AppScript) -> None:
        """Run ``script`` (the entry script or a page's file) as ``__main__``."""
        code = script.code()
        namespace: dict[str, Any] = {
            "__name__": "__main__",
            "__file__": str(script.path),
            "__builtins__": builtins,
            MAGIC_NAME: _magic_write,
        }
        exec(code, namespace)

    def _flag_forms_without_submit(self, ctx: RunContext) -> None:
        for form in ctx.forms.values():
            if not form.has_submit:
                self.app.run_messages.show_form_without_submit(form.form_id, form.path)

    def _clear_submitted_forms(self, ctx: RunContext) -> None:
        """clear_on_submit: the run saw the submitted values; now the form's widgets go back to
        their defaults, and the browser gets them so, while the run's output stays."""
        for form in ctx.forms.values():
            if form.clear_on_submit and form.submitted:
                for meta in self.state.reset_form(form.form_id):
                    if meta.shown is not None:
                        self.view.update_widget(form.path, meta.id, meta.shown(meta.default))

    def show_error(self, ctx: RunContext, exc: BaseException, where: Path = (ROOT_MAIN,)) -> None:
        """Show an uncaught exception of the script or of a callback in the container ``where``
        (the main area, or the fragment whose body raised): through the app's on_script_error
        when it takes it, else as the exception element."""
        from slipstream.delta_generator import DeltaGenerator

        ctx.stack = [DeltaGenerator(where)]  # what the handler writes goes there
        if self._app_showed_error(exc):
            return
        if not isinstance(exc, Exception):
            log.error("script run ended by %r", exc)
        try:
            self.app.run_messages.show_exception(exc, where)
        except Exception:  # never let the error display break the session
            log.exception("could not show the script's exception")

    def _app_showed_error(self, exc: BaseException) -> bool:
        """Tell the app's on_script_error about an uncaught exception (not a syntax error, not
        KeyboardInterrupt or SystemExit); True when the handler showed its own error instead of
        the default display."""
        handler = self.app.on_script_error
        if handler is None or not isinstance(exc, Exception) or isinstance(exc, SyntaxError):
            return False
        try:
            return handler(exc) is True
        except Exception:
            log.exception("the app's on_script_error handler failed")
            return False
