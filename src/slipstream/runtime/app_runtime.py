"""What one app holds: its script, options, secrets, blobs and sessions.

Every piece of state that differs between two apps lives here, not in a module: two apps in one
process (two mounted dashboards, two AppTest cases with different options) see only their own.
A running script reaches its app through its session (``ctx.app``); code that runs outside any
app (a library call at import time, a bare ``python script.py``) gets the process's default app.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from slipstream.config import OPTIONS
from slipstream.runtime.blobs import BlobStorage, BlobStore, blob_store
from slipstream.runtime.context import get_run_context

if TYPE_CHECKING:
    from slipstream.caching.cached import Kind, Registry
    from slipstream.runtime.manager import SessionManager
    from slipstream.runtime.outbox import Path
    from slipstream.runtime.script import AppScript
    from slipstream.runtime.secrets import AppSecrets
    from slipstream.runtime.state import SessionState, StateStore

# Called with an uncaught exception of the script or of a callback; True: it showed its own error.
ScriptErrorHandler = Callable[[Exception], "bool | None"]


class RunMessages(Protocol):
    """How an app shows what went wrong with a run (slipstream.elements.run_messages)."""

    def show_exception(self, exc: BaseException, where: Path = ...) -> None: ...

    def show_form_without_submit(self, form_id: str, path: Path) -> None: ...


class AppRuntime:
    def __init__(
        self,
        script: AppScript | None = None,
        *,
        options: Mapping[str, Any] | None = None,
        secrets: Mapping[str, Any] | None = None,
        blobs: BlobStorage | None = None,
        on_script_error: ScriptErrorHandler | None = None,
        caches: dict[Kind, Registry] | None = None,
    ) -> None:
        self.script = script
        self.options: dict[str, Any] = {name: option.default for name, option in OPTIONS.items()}
        self.options.update(options or {})
        # Where each value came from, for `slipstream config show` and error messages.
        self.option_sources: dict[str, str] = {}
        # The app's own secrets (st.App(secrets=...), AppTest.secrets), over those of the files.
        self.secrets: dict[str, Any] = dict(secrets or {})
        self.read_secret_files = True  # False for an AppTest: its secrets are the test's own, as in Streamlit
        self.blobs: BlobStorage = BlobStore() if blobs is None else blobs  # not `or`: an empty store is falsy
        self.on_script_error = on_script_error
        self._caches = caches
        # Where each session keeps its session_state values, by session id (memory by default).
        self.state_store: Callable[[str], StateStore] = lambda session_id: {}
        self._sessions: SessionManager | None = None

    def option(self, name: str) -> Any:
        return self.options[name]

    @property
    def caches(self) -> dict[Kind, Registry]:
        """st.cache_data's and st.cache_resource's values (made on first use)."""
        if self._caches is None:
            from slipstream.caching.cached import new_registries

            self._caches = new_registries()
        return self._caches

    @functools.cached_property
    def secret_store(self) -> AppSecrets:
        """What st.secrets reads for this app (its files are read on first use)."""
        from slipstream.runtime.secrets import AppSecrets

        return AppSecrets(self, read_files=self.read_secret_files)

    @functools.cached_property
    def run_messages(self) -> RunMessages:
        """How this app shows a run's exception and a form without a submit button."""
        messages: RunMessages = importlib.import_module("slipstream.elements.run_messages")
        return messages

    @functools.cached_property
    def state_outside_runs(self) -> SessionState:
        """st.session_state for code that runs outside any session (a bare ``python app.py``)."""
        from slipstream.runtime.state import SessionState

        return SessionState()

    @property
    def sessions(self) -> SessionManager:
        """The app's sessions (made on first use: a headless app has none)."""
        if self._sessions is None:
            from slipstream.runtime.manager import SessionManager

            if self.script is None:
                raise RuntimeError("an app without a script has no sessions")
            self._sessions = SessionManager(self)
        return self._sessions


_default = AppRuntime(blobs=blob_store)


def default_app() -> AppRuntime:
    """The app of code that runs outside any app."""
    return _default


def current_app() -> AppRuntime:
    """The app whose script runs on this thread, else the default app."""
    ctx = get_run_context()
    return ctx.session.app if ctx is not None else _default
