"""``st.App``: an app as an ASGI application, with routes, middleware and a lifespan of its own.

Serve it with ``slipstream run serve.py`` (a file that defines an App), with any ASGI server
(``uvicorn serve:app``), or mount it inside another Starlette or FastAPI app under a path: the
page, its assets, the websocket, blobs and uploads all work under the prefix.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slipstream import config as config_module
from slipstream.runtime.app_runtime import AppRuntime, ScriptErrorHandler
from slipstream.runtime.script import AppScript

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.datastructures import State
    from starlette.middleware import Middleware
    from starlette.routing import BaseRoute
    from starlette.types import Receive, Scope, Send

Lifespan = Callable[["App"], contextlib.AbstractAsyncContextManager["dict[str, Any] | None"]]

# Relative script paths of Apps made while `slipstream run` serves a file resolve beside that file.
_launcher_folder: Path | None = None


class App:
    """An app as an ASGI application.

    ``script_path``: the app's script (relative paths resolve beside the file `slipstream run`
    serves, else in the working directory). ``config``: option values (``{"server.port": 8502,
    "theme.primaryColor": "#f63366"}``) over the config files, under environment variables and
    command-line flags. ``secrets``: values for ``st.secrets`` (str, int,
    float, bool, lists and dicts of them). ``lifespan(app)``: an async context manager run at
    startup and shutdown; a dict it yields becomes ``app.state``. ``routes`` and ``middleware``:
    Starlette's, served beside the app (user middleware runs first). ``on_script_error(exc)``:
    called with an uncaught exception of the script or a callback; return True when it showed
    its own error. ``exception_handlers`` and ``debug``: Starlette's.

    Example::

        app = st.App("dashboard.py", routes=[Route("/health", health)])
    """

    def __init__(
        self,
        script_path: str | Path,
        *,
        config: Mapping[str, Any] | None = None,
        secrets: Mapping[str, Any] | None = None,
        lifespan: Lifespan | None = None,
        routes: Sequence[BaseRoute] | None = None,
        middleware: Sequence[Middleware] | None = None,
        on_script_error: ScriptErrorHandler | None = None,
        exception_handlers: Mapping[Any, Any] | None = None,
        debug: bool = False,
    ) -> None:
        from starlette.datastructures import State

        from slipstream.compat import install_streamlit_alias
        from slipstream.server.app import check_routes

        path = _resolve(script_path)
        self._script_dir = path.parent
        _check_secrets(secrets or {})
        check_routes(list(routes or ()))
        install_streamlit_alias()  # the script's `import streamlit` is Slipstream, however it is served
        self._config = dict(config or {})
        self._cwd = Path.cwd()
        options = self._load_options({})
        self._runtime = AppRuntime(
            AppScript(path, magic=bool(options["runner.magicEnabled"])),
            options=options,
            secrets=secrets,
            on_script_error=on_script_error,
        )
        self._lifespan = lifespan
        self._routes = list(routes or ())
        self._middleware = list(middleware or ())
        self._exception_handlers = dict(exception_handlers or {})
        self._debug = debug
        self._state = State()
        self._asgi: Starlette | None = None

    def _load_options(self, flags: Mapping[str, Any]) -> dict[str, Any]:
        try:
            return config_module.load(flags, self._cwd, self._script_dir, app_config=self._config)
        except config_module.ConfigError as exc:
            raise ValueError(f"st.App: {exc}") from None

    def _configure(self, flags: Mapping[str, Any]) -> dict[str, Any]:
        """Read the options again with the command line's or App.run's ``flags`` over them,
        before the server starts; returns them."""
        self._runtime.options.update(self._load_options(flags))
        return self._runtime.options

    @property
    def script_path(self) -> Path:
        """The app's script."""
        assert self._runtime.script is not None
        return self._runtime.script.path

    @property
    def state(self) -> State:
        """What the lifespan yielded (attributes)."""
        return self._state

    def asgi(self) -> Starlette:
        """The Starlette application serving this app (built once)."""
        if self._asgi is None:
            from slipstream.server.app import build_asgi

            user_lifespan = self._lifespan

            @contextlib.asynccontextmanager
            async def lifespan() -> AsyncIterator[Mapping[str, Any] | None]:
                if user_lifespan is None:
                    yield None
                else:
                    async with user_lifespan(self) as values:
                        yield values

            self._asgi = build_asgi(
                self._runtime,
                routes=self._routes,
                middleware=self._middleware,
                lifespan=lifespan,
                state=self._state,
                exception_handlers=self._exception_handlers,
                debug=self._debug,
            )
        return self._asgi

    def lifespan(self) -> Callable[[Any], contextlib.AbstractAsyncContextManager[None]]:
        """This app's startup and shutdown, for the outer app's lifespan when it is mounted:
        ``FastAPI(lifespan=app.lifespan())``."""

        @contextlib.asynccontextmanager
        async def run(_outer: Any) -> AsyncIterator[None]:
            asgi = self.asgi()
            async with asgi.router.lifespan_context(asgi):
                yield

        return run

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.asgi()(scope, receive, send)

    def run(self, *, config: Mapping[str, Any] | None = None) -> None:
        """Serve this app on a local server until stopped (``python serve.py``); ``config``
        sets options as `slipstream run`'s flags do (``{"server.port": 8502}``)."""
        from slipstream.cli import serve_app

        serve_app(self, dict(config or {}))


def _resolve(script_path: str | Path) -> Path:
    if not isinstance(script_path, (str, Path)):
        raise TypeError(f"st.App: script_path must be a str or a Path, not {type(script_path).__name__}")
    path = Path(script_path).expanduser()
    if not path.is_absolute():
        path = (_launcher_folder or Path.cwd()) / path
    path = path.resolve()
    if not path.is_file():
        raise FileNotFoundError(f"st.App: the script {str(path)!r} does not exist or is not a file")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise FileNotFoundError(f"st.App: the script {str(path)!r} cannot be read: {exc.strerror}") from None
    return path


def _check_secrets(secrets: Mapping[str, Any], prefix: str = "") -> None:
    if not isinstance(secrets, Mapping):
        raise TypeError(f"st.App: secrets must be a mapping, not {type(secrets).__name__}")
    for key, value in secrets.items():
        name = f"{prefix}{key}"
        if not isinstance(key, str):
            raise TypeError(f"st.App: secret keys must be strings; {key!r} is a {type(key).__name__}")
        _check_secret_value(name, value)


def _check_secret_value(name: str, value: Any) -> None:
    if isinstance(value, Mapping):
        _check_secrets(value, prefix=f"{name}.")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_secret_value(f"{name}[{index}]", item)
    elif not isinstance(value, (str, int, float, bool)):
        raise TypeError(
            f"st.App: the secret {name!r} is a {type(value).__name__}; secrets are str, int, float, bool, "
            "or lists and dicts of them"
        )
