"""AppTest: run an app's script headless, look at what it shows, and act on its widgets.

The script runs through the same Session as in the browser, with no server: widget values set
in a test go through the same decoding, callbacks, forms and reruns as a browser's.
"""

from __future__ import annotations

import copy
import inspect
import itertools
import sys
import textwrap
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slipstream import config
from slipstream.runtime.app_runtime import AppRuntime, default_app
from slipstream.runtime.pages import page_icon_and_name
from slipstream.runtime.script import AppScript, SourceScript
from slipstream.runtime.session import Session
from slipstream.runtime.state import WidgetMeta
from slipstream.testing.nodes import Block, Node
from slipstream.testing.queries import ACCESSORS
from slipstream.testing.state import SessionStateView
from slipstream.testing.tree import ElementTree, build_tree
from slipstream.testing.widgets import Widget
from slipstream.url_query import parse_query as parse_qs_all

# from_function's arguments, fetched by the generated script (by a number in its source)
_FUNCTION_ARGS: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}
_numbers = itertools.count()


# How long a timed-out run gets to end once it is stopped (it is ended from outside within ~0.2 s).
STOP_WAIT = 2.0


class AppTestTimeoutError(RuntimeError):
    """A script run took longer than the AppTest's timeout."""


class AppTest:
    """A simulated app for tests: make one with ``from_file``, ``from_string`` or
    ``from_function``, then ``run()`` it and look at ``at.main``, ``at.button``...

    Example::

        at = AppTest.from_file("app.py").run()
        at.button[0].click().run()
        assert at.markdown[0].value == "Clicked 1 times"
    """

    def __init__(self, script: AppScript, *, default_timeout: float = 3) -> None:
        self.default_timeout = default_timeout
        # Each AppTest is an app of its own (options, secrets, data), but its caches are the
        # process's, as with Streamlit's AppTest: a test may count on a value cached by another.
        self._app = AppRuntime(script, options=config.load(), caches=default_app().caches)
        self._app.read_secret_files = False  # st.secrets is at.secrets alone, as in Streamlit's AppTest
        self._session = Session(script, app=self._app, threaded=False)
        self.session_state = SessionStateView(self._session.state)
        self.query_params: dict[str, Any] = {}
        self.secrets: dict[str, Any] = self._app.secrets
        # What the runs read as st.user, as in Streamlit's AppTest: set "is_logged_in" and the
        # claims the app reads to test a logged-in user, and a "tokens" dict for st.user.tokens.
        self.user: dict[str, Any] = {"email": "test@example.com"}
        self._pending: dict[str, tuple[Any, Any, str | None]] = {}  # widget id -> (value, wire, form)
        self._fired: dict[str, Any] = {}  # trigger widget id -> its value in the last run
        self._tree: ElementTree | None = None
        self._worker: threading.Thread | None = None
        self._page: str | None = None  # the page switch_page asked for, until the next run

    # ---- making one -------------------------------------------------------------------------

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        """An app whose script is ``script`` (dedented)."""
        return cls(SourceScript(textwrap.dedent(script), "app.py"), default_timeout=default_timeout)

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        """An app whose script calls ``script(*args, **kwargs)``; the function must hold its own
        imports, as a script file would."""
        number = next(_numbers)
        _FUNCTION_ARGS[number] = (tuple(args or ()), dict(kwargs or {}))
        source = textwrap.dedent(inspect.getsource(script))
        call = (
            "import slipstream.testing.app_test as __slipstream_apptest\n"
            f"__args, __kwargs = __slipstream_apptest._FUNCTION_ARGS[{number}]\n"
            f"{script.__name__}(*__args, **__kwargs)\n"
        )
        at = cls(SourceScript(f"{source}\n{call}", "app.py"), default_timeout=default_timeout)
        weakref.finalize(at, _FUNCTION_ARGS.pop, number, None)
        return at

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        """An app from its script file; a relative path is taken from the calling file's folder."""
        path = Path(script_path)
        if not path.is_absolute():
            caller = sys._getframe(1).f_globals.get("__file__")
            beside_caller = Path(caller).resolve().parent / path if caller else path
            path = beside_caller if beside_caller.exists() or not path.exists() else path
        if not path.is_file():
            raise FileNotFoundError(f"AppTest.from_file: no script at {path}")
        return cls(AppScript(path), default_timeout=default_timeout)

    # ---- running ----------------------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script with the widget values set since the last run; return this AppTest.

        Raises AppTestTimeoutError when the run takes more than ``timeout`` seconds (default:
        the AppTest's ``default_timeout``).
        """
        from slipstream.compat import install_streamlit_alias

        if self._worker is not None and self._worker.is_alive():
            raise AppTestTimeoutError("AppTest: the previous run timed out and is still going; make a new AppTest.")
        install_streamlit_alias()
        limit = self.default_timeout if timeout is None else timeout
        if not isinstance(self.user, dict):
            raise TypeError(f"AppTest.user must be a dict, not {type(self.user).__name__}.")
        self._session.user = copy.deepcopy(self.user)  # the test's own dict stays as it was set
        values = self._take_pending()
        query = urlencode(self.query_params, doseq=True)
        if self._page is not None:
            self._session.navigate(self._page, query)
            self._page = None
        else:
            self._session.location.query = query
        failure: list[BaseException] = []

        def work() -> None:
            try:
                self._session.run_until_idle(values)
            except BaseException as exc:  # AppTest's own failure, not the script's (the session shows those)
                failure.append(exc)

        folder = str(self._session.script.folder)
        added = folder not in sys.path
        if added:
            sys.path.insert(0, folder)
        try:
            self._worker = threading.Thread(target=work, name="apptest-script", daemon=True)
            self._worker.start()
            self._worker.join(limit)
        finally:
            if added and folder in sys.path:
                sys.path.remove(folder)
        if self._worker.is_alive():
            # Ended from outside even in a loop that calls no st.*: the thread and its CPU are freed.
            self._session.request_stop()
            self._worker.join(STOP_WAIT)
            raise AppTestTimeoutError(
                f"AppTest: the script run did not finish within the timeout of {limit} s; "
                "give more time with at.run(timeout=...) or AppTest.from_...(default_timeout=...)."
            )
        self._session.outbox.drain()  # nobody reads the frames; the tree comes from the view
        self._tree = None
        shown = parse_qs_all(self._session.location.query)
        self.query_params = {key: values[0] if len(values) == 1 else values for key, values in shown.items()}
        self.user = dict(self._session.user)  # st.logout leaves a logged-out user for the next runs
        if failure:
            raise failure[0]
        return self

    def _take_pending(self) -> dict[str, Any]:
        """The values this run sends: every value set outside forms, and the values of each form
        whose submit button was clicked. A form's other values wait, as in the browser."""
        submitted = {form for wid, (_, wire, form) in self._pending.items() if form is not None and wire is True}
        sent = {wid: entry for wid, entry in self._pending.items() if entry[2] is None or entry[2] in submitted}
        for wid in sent:
            del self._pending[wid]
        state = self._session.state
        self._fired = {}
        for wid, (value, _, _) in sent.items():
            meta = state.widgets.get(wid)
            if meta is not None and meta.trigger:
                self._fired[wid] = value
        return {wid: wire for wid, (_, wire, _) in sent.items()}

    def _set_widget(self, widget_id: str, meta: WidgetMeta, value: Any, wire: Any) -> None:
        self._pending[widget_id] = (value, wire, meta.form_id)

    def _pending_wire(self, widget_id: str) -> Any:
        """What the next run sends for the widget (its wire form), or None."""
        pending = self._pending.get(widget_id)
        return pending[1] if pending is not None else None

    def _widget_value(self, widget: Widget) -> Any:
        """The widget's value in session_state's form: set and not yet sent, else the last run's."""
        pending = self._pending.get(widget.id)
        if pending is not None:
            return pending[0]
        meta = self._session.state.widgets.get(widget.id)
        if meta is None:
            return None
        if meta.trigger:
            return self._fired.get(widget.id, meta.default)
        return self._session.state.data.get(meta.state_key, meta.default)

    def switch_page(self, page_path: str) -> AppTest:
        """Show another page of a multipage app at the next ``run()``, as a click in its menu
        would: ``page_path`` is the page's file, relative to the main script. The session and
        its state carry over.

        Example::

            at = AppTest.from_file("app.py").run()
            at.switch_page("pages/settings.py").run()
        """
        script = self._session.script
        if isinstance(script, SourceScript):
            raise ValueError("AppTest.switch_page needs an app made with AppTest.from_file.")
        page = (script.folder / page_path).resolve()
        if not page.is_file():
            raise ValueError(
                f"Could not find page {page_path!r} relative to the main script {str(script.path)!r}. "
                f"Resolved page path: {str(page)!r}."
            )
        entries = self._session.location.page_entries
        if not entries:  # before a run registered the pages: the name its file gives
            self._page = "" if page == script.path else page_icon_and_name(page)[1]
            return self
        for entry in entries:
            if entry.script == page:
                self._page = entry.url_path
                return self
        raise ValueError(f"AppTest.switch_page: {page_path!r} is not one of the pages the app registered.")

    # ---- what the app shows -----------------------------------------------------------------

    @property
    def tree(self) -> ElementTree:
        if self._tree is None:
            self._tree = build_tree(self._session.view.elements(), self)
        return self._tree

    @property
    def main(self) -> Block:
        return self.tree.main

    @property
    def sidebar(self) -> Block:
        return self.tree.sidebar

    def get(self, element_type: str) -> list[Node]:
        """Every node whose ``type`` is ``element_type`` (Streamlit's names: "markdown", "button"...)."""
        return self.tree.get(element_type)

    def get_by_key(self, key: str) -> Node:
        """The one element or container with the user key ``key``."""
        return self.tree.get_by_key(key)

    def __getattr__(self, name: str) -> Any:
        if name in ACCESSORS:
            return getattr(self.tree, name)
        raise AttributeError(f"'AppTest' object has no attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *ACCESSORS})

    def __repr__(self) -> str:
        tree = repr(self.tree).replace("\n", "\n    ")
        return (
            f"AppTest(\n    script={str(self._session.script.path)!r},\n"
            f"    session_state={self.session_state!r},\n    tree={tree}\n)"
        )
