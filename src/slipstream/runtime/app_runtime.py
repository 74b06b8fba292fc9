"""What one app holds: its script, options, secrets, blobs and sessions.

Every piece of state that differs between two apps lives here, not in a module: two apps in one
process (two mounted dashboards, two AppTest cases with different options) see only their own.
A running script reaches its app through its session (``ctx.app``); code that runs outside any
app (a library call at import time, a bare ``python script.py``) gets the process's default app.
"""

from __future__ import annotations

import functools
import importlib
import threading
from collections.abc import Callable, Mapping
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any, Protocol

from slipstream.config import OPTIONS
from slipstream.runtime.blobs import BlobStorage, BlobStore, blob_store
from slipstream.runtime.context import get_run_context
from slipstream.runtime.pages import PAGES_FOLDER

if TYPE_CHECKING:
    from slipstream.auth.oidc import ProviderCache
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
        # Pages: whether the app's pages are its pages/ folder (until a run calls st.navigation;
        # None: not looked yet), and each page file's compiled script.
        self.pages_folder_used: bool | None = None
        self._page_scripts: dict[FilePath, AppScript] = {}
        self._page_lock = threading.Lock()
        # Set while a file watcher runs: watch one more file; True when it will report its changes.
        self.watch_file: Callable[[FilePath], bool] | None = None

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
    def auth_providers(self) -> ProviderCache:
        """The OpenID Connect providers' metadata and keys this app fetched for its logins."""
        from slipstream.auth.oidc import ProviderCache

        return ProviderCache()

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

    def uses_pages_folder(self) -> bool:
        """Whether the app's pages come from a ``pages/`` folder beside its entry script."""
        if self.pages_folder_used is None:
            from slipstream.runtime.script import SourceScript

            script = self.script
            self.pages_folder_used = (
                script is not None and not isinstance(script, SourceScript) and (script.folder / PAGES_FOLDER).is_dir()
            )
        return self.pages_folder_used

    def page_script(self, path: FilePath) -> AppScript:
        """The compiled script of the page file ``path`` (the entry script's own for it), shared
        by every session and compiled again only when the file changes."""
        from slipstream.runtime.script import AppScript

        if self.script is not None and path == self.script.path:
            return self.script
        with self._page_lock:
            script = self._page_scripts.get(path)
            if script is None:
                script = AppScript(path, magic=self.script.magic if self.script is not None else True)
                self._page_scripts[path] = script
                if self.watch_file is not None:
                    script.watched = self.watch_file(script.path)
            return script

    def invalidate_scripts(self) -> None:
        """A source file changed: every script compiles again on its next run."""
        if self.script is not None:
            self.script.invalidate()
        with self._page_lock:
            for script in self._page_scripts.values():
                script.invalidate()

    def stop_watching(self) -> None:
        self.watch_file = None
        with self._page_lock:
            for script in self._page_scripts.values():
                script.watched = False

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
