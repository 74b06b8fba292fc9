"""Configuration options, read from (later wins): defaults, config.toml files, environment
variables, then command-line flags.

Files: ``~/.streamlit/config.toml``, ``~/.slipstream/config.toml``, then ``.streamlit/config.toml``
and ``.slipstream/config.toml`` in the working directory. Environment: ``STREAMLIT_SERVER_PORT``
or ``SLIPSTREAM_SERVER_PORT`` for ``server.port``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomllib


@dataclass(frozen=True, slots=True)
class Option:
    default: Any
    kind: type
    help: str


OPTIONS: dict[str, Option] = {
    "server.port": Option(8501, int, "Port the server listens on."),
    "server.address": Option("", str, "Address to listen on (default: all interfaces)."),
    "server.headless": Option(False, bool, "Do not open a browser on start."),
    "server.runOnSave": Option(False, bool, "Rerun the app when its source changes."),
    "server.fileWatcherType": Option("auto", str, "auto, watchdog, poll or none."),
    "server.disconnectedSessionTTL": Option(120, int, "Seconds a disconnected tab keeps its session."),
    "server.maxMessageSize": Option(
        1,
        int,
        "Largest websocket message from a browser, in MB; larger ones close the connection before they are read. "
        "(Streamlit's default is 200: its browser sends files on the websocket, Slipstream's over HTTP.)",
    ),
    "server.enableWebsocketCompression": Option(
        False, bool, "Compress websocket frames (permessage-deflate): fewer bytes, ~50 KiB more memory per tab."
    ),
    "server.maxUploadSize": Option(200, int, "Largest file st.file_uploader takes, in MB."),
    "server.maxUnclaimedUploads": Option(
        100, int, "Uploaded files one session may hold before a widget takes them; past it uploads get HTTP 429."
    ),
    "server.maxUnclaimedUploadSize": Option(
        1024, int, "MB of uploaded files one session may hold before a widget takes them; past it, HTTP 413."
    ),
    "server.maxOutboxSize": Option(
        32,
        int,
        "Output one tab may leave unread, in MB, before its connection is dropped (its session stays resumable).",
    ),
    "server.maxSessions": Option(
        5000,
        int,
        "Sessions one server process holds; past it the longest-disconnected are freed, then new tabs are refused.",
    ),
    "server.frameAncestors": Option(
        [], list, "Other origins that may show the app in a frame (its own always may); * allows any."
    ),
    "server.enableCORS": Option(True, bool, "Check the Origin of websocket connections."),
    "server.allowedOrigins": Option([], list, "Other origins allowed to open websockets."),
    "server.baseUrlPath": Option("", str, "Path prefix the app is served under."),
    "client.showSidebarNavigation": Option(
        True, bool, "Show the menu of pages in the sidebar (pages/ folder apps and st.navigation's sidebar menu)."
    ),
    "runner.magicEnabled": Option(True, bool, "Write bare expressions with st.write."),
    "logger.level": Option("info", str, "Log level."),
}


class ConfigError(ValueError):
    pass


_KIND_NAMES = {int: "an integer", bool: "true or false", str: "a string", list: "a list"}


def _convert(name: str, value: Any) -> Any:
    option = OPTIONS[name]
    if isinstance(value, option.kind) and not (option.kind is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        text = value.strip()
        if option.kind is bool and text.lower() in ("true", "1", "yes", "false", "0", "no"):
            return text.lower() in ("true", "1", "yes")
        if option.kind is int:
            try:
                return int(text)
            except ValueError:
                pass
        if option.kind is list:
            return [part.strip() for part in text.split(",") if part.strip()]
    raise ConfigError(f"{name} must be {_KIND_NAMES[option.kind]}, not {value!r}")


# scheme://host[:port], host a name (maybe *.name) or [IPv6]: nothing that could end a CSP directive.
_ORIGIN = re.compile(
    r"[a-z][a-z0-9+.-]*://(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:([0-9]{1,5}|\*))?", re.I | re.A
)


def check_frame_ancestors(origins: Any) -> list[str]:
    """``server.frameAncestors``, checked: each an origin or ``*``, as it goes into a CSP header."""
    if not isinstance(origins, list):
        raise ConfigError(f"server.frameAncestors must be a list of origins, not {origins!r}")
    for origin in origins:
        if not isinstance(origin, str) or not (origin == "*" or _ORIGIN.fullmatch(origin)):
            raise ConfigError(
                f"server.frameAncestors: {origin!r} is not an origin; write each as scheme://host[:port] "
                "(e.g. https://example.com, no path), or * to allow any"
            )
    return origins


def _from_files(paths: list[Path]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        for section, table in data.items():
            if not isinstance(table, dict):
                continue
            for key, value in table.items():
                name = f"{section}.{key}"
                if name in OPTIONS:
                    found[name] = _convert(name, value)
    return found


def _env_name(name: str, prefix: str) -> str:
    section, key = name.split(".")
    snake = "".join(f"_{c}" if c.isupper() else c.upper() for c in key)
    return f"{prefix}_{section.upper()}_{snake}"


def load(flags: dict[str, Any] | None = None, cwd: Path | None = None) -> dict[str, Any]:
    """Every option's value, from all sources."""
    cwd = cwd or Path.cwd()
    home = Path.home()
    values = {name: option.default for name, option in OPTIONS.items()}
    values.update(
        _from_files(
            [
                home / ".streamlit" / "config.toml",
                home / ".slipstream" / "config.toml",
                cwd / ".streamlit" / "config.toml",
                cwd / ".slipstream" / "config.toml",
            ]
        )
    )
    for name in OPTIONS:
        for prefix in ("STREAMLIT", "SLIPSTREAM"):
            raw = os.environ.get(_env_name(name, prefix))
            if raw is not None:
                values[name] = _convert(name, raw)
    for name, value in (flags or {}).items():
        if name not in OPTIONS:
            raise ConfigError(f"unknown option --{name}; known options: {', '.join(sorted(OPTIONS))}")
        values[name] = _convert(name, value)
    check_frame_ancestors(values["server.frameAncestors"])
    return values


def get_option(name: str) -> Any:
    """The value of option ``name`` for the app whose script is running (the default app's
    outside any app)."""
    if name not in OPTIONS:
        raise ConfigError(f"unknown option {name!r}; known options: {', '.join(sorted(OPTIONS))}")
    from slipstream.runtime.app_runtime import current_app

    return current_app().option(name)
