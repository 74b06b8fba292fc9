"""The `slipstream` command: run an app, the demo, and small utilities."""

from __future__ import annotations

import argparse
import errno
import gc
import logging
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from slipstream.app import App
    from slipstream.server.warmup import Warming

from slipstream import __version__


class CliError(Exception):
    """A problem the user can fix; shown as one line."""


def _split_flags(argv: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
    """Split ``run`` arguments into positionals, ``--section.option value`` flags and script args."""
    positionals: list[str] = []
    flags: dict[str, str] = {}
    script_args: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            script_args = argv[i + 1 :]
            break
        if arg.startswith("--") and "." in arg.split("=", 1)[0]:
            name, eq, value = arg[2:].partition("=")
            if not eq:
                if i + 1 >= len(argv):
                    raise CliError(f"--{name} needs a value")
                value = argv[i + 1]
                i += 1
            flags[name] = value
        elif positionals and not arg.startswith("-"):
            script_args = argv[i:]
            break
        else:
            positionals.append(arg)
        i += 1
    return positionals, flags, script_args


def _check_script(path_text: str) -> Path:
    path = Path(path_text)
    if not path.exists():
        raise CliError(f"File does not exist: {path_text}")
    if path.is_dir():
        raise CliError(f"{path_text} is a directory; give the app's .py file")
    if path.suffix not in (".py", ".pyw"):
        raise CliError(f"{path_text} is not a Python file (.py)")
    return path.resolve()


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host or "0.0.0.0", port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def _choose_port(host: str, port: int, explicit: bool) -> int:
    if _port_free(host, port):
        return port
    if explicit:
        raise CliError(f"Port {port} is already in use; choose another with --server.port")
    for candidate in range(port + 1, port + 100):
        if _port_free(host, candidate):
            return candidate
    raise CliError(f"No free port found from {port} to {port + 99}")


def serve(script: Path, flags: dict[str, Any], script_args: list[str]) -> None:
    """Serve ``script``: an app's script, or a file that defines an ``st.App``."""
    from slipstream import config

    try:
        options = config.load(flags, app_dir=script.parent)
        frame_ancestors = config.check_frame_ancestors(options["server.frameAncestors"])
    except config.ConfigError as exc:
        raise CliError(str(exc)) from None
    sys.argv = [str(script), *script_args]
    sys.path.insert(0, str(script.parent))
    _prepare_process(options)
    launcher = _defined_app(script)
    if launcher is None:
        _run_server(
            _warming(script, options, frame_ancestors), options, script.name, explicit_port="server.port" in flags
        )
    else:
        try:
            options = launcher._configure(flags)
        except ValueError as exc:
            raise CliError(str(exc)) from None
        asgi = _under_base_path(launcher.asgi(), options)
        _run_server(asgi, options, launcher.script_path.name, explicit_port="server.port" in flags)


def serve_app(app: App, overrides: dict[str, Any]) -> None:
    """``App.run``: serve ``app`` with its options and ``overrides`` (as flags would give)."""
    try:
        options = app._configure(overrides)
    except ValueError as exc:
        raise SystemExit(f"st.App.run: {exc}") from None
    _prepare_process(options)
    _run_server(
        _under_base_path(app.asgi(), options), options, app.script_path.name, explicit_port="server.port" in overrides
    )


def _under_base_path(asgi: Starlette, options: dict[str, Any]) -> Starlette:
    from slipstream.server.app import under_base_path

    return under_base_path(asgi, str(options["server.baseUrlPath"]))


def _warming(script: Path, options: dict[str, Any], frame_ancestors: list[str]) -> Warming:
    """The script's app, built once the server listens; its page is served before that."""
    from slipstream.server.warmup import STATIC_DIR, Warming

    def build() -> Starlette:
        from slipstream.server.app import create_app

        asgi = _under_base_path(create_app(script, options), options)
        gc.freeze()  # the app's modules live as long as the process, as those loaded before
        return asgi

    base_path = str(options["server.baseUrlPath"]).strip("/")
    page_path = f"/{base_path}/" if base_path else "/"
    return Warming(build, STATIC_DIR / "index.html", page_path, frame_ancestors)


def _defined_app(path: Path) -> App | None:
    """The st.App a launcher file defines (``app = st.App("main.py")``), or None for a script."""
    import ast
    import runpy

    try:
        tree = ast.parse(path.read_bytes(), str(path))
    except (SyntaxError, ValueError):
        return None  # a script with an error: the app shows it when it runs
    calls = (node.value.func for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call))
    if not any(getattr(func, "id", getattr(func, "attr", None)) == "App" for func in calls):
        return None
    from slipstream import app as app_module  # only now: a script's server loads the runtime after it listens

    app_module._launcher_folder = path.parent
    try:
        namespace = runpy.run_path(str(path), run_name="__slipstream_launcher__")
    finally:
        app_module._launcher_folder = None
    found = [value for value in namespace.values() if isinstance(value, app_module.App)]
    if not found:
        raise CliError(f"{path.name} calls App(...) but defines no st.App at its top level")
    return namespace["app"] if isinstance(namespace.get("app"), app_module.App) else found[0]


def _prepare_process(options: dict[str, Any]) -> None:
    from slipstream.compat import install_streamlit_alias
    from slipstream.runtime.client_log import RateLimit
    from slipstream.server import memory

    # Scripts run in worker threads of a server: Matplotlib must never pick a GUI backend.
    os.environ.setdefault("MPLBACKEND", "Agg")
    install_streamlit_alias()
    logging.basicConfig(level=str(options["logger.level"]).upper(), format=str(options["logger.messageFormat"]))
    memory.tune_allocator()
    logging.getLogger("uvicorn.error").addFilter(RateLimit())


def _run_server(asgi: Starlette | Warming, options: dict[str, Any], name: str, *, explicit_port: bool) -> None:
    import uvicorn

    from slipstream import config

    host = str(options["server.address"])
    explicit = explicit_port or options["server.port"] != config.OPTIONS["server.port"].default
    port = _choose_port(host, int(options["server.port"]), explicit)
    base_path = str(options["server.baseUrlPath"]).strip("/")
    ssl = _ssl_files(options)
    # What is loaded now lives as long as the process: leave it out of every later collection.
    gc.freeze()
    shown_host = str(options["browser.serverAddress"]) if host in ("", "0.0.0.0", "::") else host
    shown_port = options["browser.serverPort"] or port
    scheme = "https" if ssl else "http"
    url = f"{scheme}://{shown_host}:{shown_port}" + (f"/{base_path}/" if base_path else "")
    print(f"\n  Slipstream is serving {name}\n\n  Local URL: {url}\n", flush=True)
    if not options["server.headless"] and os.environ.get("DISPLAY"):
        import webbrowser

        webbrowser.open(url)
    uvicorn.run(
        asgi,
        host=host or "0.0.0.0",
        port=port,
        log_level="warning",
        log_config=None,  # uvicorn's lines go through the logging set up above, rate-limited
        ws_max_size=int(options["server.maxMessageSize"]) * 1024 * 1024,
        ws_per_message_deflate=bool(options["server.enableWebsocketCompression"]),
        ws_ping_interval=float(options["server.websocketPingInterval"] or 20),
        lifespan="on",
        ssl_certfile=ssl[0] if ssl else None,
        ssl_keyfile=ssl[1] if ssl else None,
    )


def _ssl_files(options: dict[str, Any]) -> tuple[str, str] | None:
    """The certificate and key files to serve over HTTPS (None: plain HTTP)."""
    cert, key = options["server.sslCertFile"], options["server.sslKeyFile"]
    if not cert and not key:
        return None
    if not cert or not key:
        raise CliError("server.sslCertFile and server.sslKeyFile must be set together (both or neither)")
    for name, path in (("server.sslCertFile", cert), ("server.sslKeyFile", key)):
        if not Path(path).is_file():
            raise CliError(f"{name}: the file {path!r} does not exist")
    return str(cert), str(key)


def _config_command(rest: list[str]) -> int:
    """``slipstream config show [APP.py] [--section.option value]``."""
    from slipstream import config

    positionals, flags, script_args = _split_flags(rest)
    positionals += script_args
    if not positionals or positionals[0] != "show" or len(positionals) > 2:
        raise CliError("usage: slipstream config show [APP.py] [--section.option value ...]")
    app_dir = _check_script(positionals[1]).parent if len(positionals) == 2 else None
    try:
        resolved = config.resolve(flags, app_dir=app_dir)
    except config.ConfigError as exc:
        raise CliError(str(exc)) from None
    for warning in resolved.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    print(config.show(resolved), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="slipstream", description="Run Streamlit apps, faster.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run an app: slipstream run app.py [--server.port 8501] [-- args]", add_help=False)
    sub.add_parser("hello", help="run the demo app", add_help=False)
    sub.add_parser("version", help="print the version")
    sub.add_parser("config", help="slipstream config show [APP.py]: every option, its value and where it came from")
    sub.add_parser("cache", help="slipstream cache clear: delete the st.cache_data files on disk")
    sub.add_parser("test", help="run pytest with `import streamlit` giving Slipstream: slipstream test [ARGS]")
    if not argv or argv[0] in ("-h", "--help"):
        parser.print_help()
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "version":
            print(f"Slipstream, version {__version__}")
            return 0
        if command == "cache":
            if rest != ["clear"]:
                raise CliError("usage: slipstream cache clear")
            from slipstream.caching.storage import CACHE_DIR, clear_disk

            count = clear_disk()
            print(f"Cleared {count} cached value{'' if count == 1 else 's'} from {CACHE_DIR.resolve()}")
            return 0
        if command == "config":
            return _config_command(rest)
        if command == "test":
            try:
                from slipstream.testing.pytest_plugin import run_pytest

                return run_pytest(rest)
            except ImportError as exc:
                raise CliError(str(exc)) from None
        if command in ("run", "hello"):
            positionals, flags, script_args = _split_flags(rest)
            if command == "hello":
                from slipstream.hello import APP_PATH

                script = APP_PATH
            else:
                if not positionals:
                    raise CliError("usage: slipstream run APP.py [--server.port PORT] [-- ARGS]")
                script = _check_script(positionals[0])
                script_args = positionals[1:] + script_args
            serve(script, flags, script_args)
            return 0
        raise CliError(f"unknown command {command!r}; try `slipstream --help`")
    except CliError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
