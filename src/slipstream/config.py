"""Configuration options and where their values come from.

Highest first: command-line flags (``--server.port 8502``), environment variables
(``SLIPSTREAM_SERVER_PORT``, then ``STREAMLIT_SERVER_PORT``), ``st.App(config=...)``, the
config files, the defaults. Files, highest first: ``.slipstream/config.toml`` then
``.streamlit/config.toml`` beside the app's script, the same in the working directory, then the
user's own (``~/.slipstream/config.toml``, ``~/.streamlit/config.toml``).

A file or environment variable with an unknown option, a bad value or broken TOML costs a
warning that names it (file and line), and the rest still applies: the server starts. A bad
command-line flag is an error, since whoever typed it is there to fix it.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from slipstream.config_options import ANY, OPTIONS, Option

__all__ = ["OPTIONS", "ConfigError", "Option", "Resolved", "config_files", "get_option", "load", "resolve"]

log = logging.getLogger("slipstream.config")

DEFAULT = "default"


class ConfigError(ValueError):
    pass


_KIND_NAMES = {
    int: "an integer",
    bool: "true or false",
    str: "a string",
    list: "a list",
    float: "a number",
    dict: "a table (a JSON object in an environment variable or on the command line)",
}


def accepted(name: str) -> str:
    """The values option ``name`` takes, in words."""
    option = OPTIONS[name]
    if option.choices:
        return "one of " + ", ".join(_toml(choice) for choice in option.choices)
    return _KIND_NAMES.get(option.kind, "a value")


def _convert(name: str, value: Any) -> Any:
    option = OPTIONS[name]
    kind = option.kind
    if option.choices:
        if isinstance(value, str) and value.strip().lower() in ("true", "false") and True in option.choices:
            value = value.strip().lower() == "true"
        if value in option.choices and type(value) in (type(choice) for choice in option.choices):
            return value
        raise ConfigError(f"{name} must be {accepted(name)}, not {value!r}")
    if kind is ANY:
        return value
    if isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool)):
        return value
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if kind is bool and text.lower() in ("true", "1", "yes", "false", "0", "no"):
            return text.lower() in ("true", "1", "yes")
        if kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                pass
        if kind is list:
            return [part.strip() for part in text.split(",") if part.strip()]
        if kind is dict:
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{name} must be {accepted(name)}; {value!r} is not JSON ({exc.msg})") from None
            if isinstance(parsed, dict):
                return parsed
    raise ConfigError(f"{name} must be {accepted(name)}, not {value!r}")


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


def check_trusted_user_headers(mapping: dict[str, Any]) -> None:
    """``server.trustedUserHeaders``: header names to st.user keys, each key named once."""
    for header, key in mapping.items():
        if not isinstance(key, str):
            raise ConfigError(
                f"server.trustedUserHeaders: the header {header!r} must map to a string (a key of st.user), not {key!r}"
            )
    keys = list(mapping.values())
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ConfigError(
            f"server.trustedUserHeaders maps several headers to the same key of st.user: {twice}; "
            "map each header to its own key"
        )


def _check(name: str, value: Any) -> Any:
    """``value`` converted for option ``name``, with the checks some options need beyond kind."""
    value = _convert(name, value)
    if name == "server.frameAncestors":
        check_frame_ancestors(value)
    elif name == "server.trustedUserHeaders":
        check_trusted_user_headers(value)
    elif name in ("server.port", "browser.serverPort") and value is not None and not 0 < value < 65536:
        raise ConfigError(f"{name} must be a port number from 1 to 65535, not {value!r}")
    return value


@dataclass(slots=True)
class Resolved:
    """Every option's value, where each came from, and what was wrong in the sources."""

    values: dict[str, Any]
    sources: dict[str, str]
    warnings: list[str] = field(default_factory=list)

    def set(self, name: str, value: Any, source: str) -> None:
        self.values[name] = value
        self.sources[name] = source


def config_files(app_dir: Path | None, cwd: Path, home: Path | None = None) -> list[Path]:
    """The config files read, lowest precedence first (a later one wins)."""
    home = Path.home() if home is None else home
    folders = [home, cwd]
    if app_dir is not None and app_dir.resolve() != cwd.resolve():
        folders.append(app_dir)
    return [folder / sub / "config.toml" for folder in folders for sub in (".streamlit", ".slipstream")]


def _line_of(text: str, dotted: str) -> int | None:
    """The line (1-based) that sets ``dotted`` (``section.key``) in a TOML text, if found."""
    section, _, key = dotted.rpartition(".")
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?", stripped)
        if header:
            current = header.group(1).replace('"', "")
            continue
        match = re.match(r"([A-Za-z0-9_.\"-]+)\s*=", stripped)
        if match:
            full = f"{current}.{match.group(1)}" if current else match.group(1)
            if full.replace('"', "") in (dotted, section) or (current == section and match.group(1) == key):
                return number
    return None


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and name not in OPTIONS:
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value


def _read_file(path: Path, resolved: Resolved) -> None:
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        resolved.warnings.append(f"{path}: cannot be read ({exc}); its options are ignored")
        return
    except tomllib.TOMLDecodeError as exc:
        resolved.warnings.append(f"{path}: not valid TOML: {exc}; its options are ignored")
        return
    for name, value in _flatten(data):
        line = _line_of(text, name)
        where = f"{path}, line {line}" if line else str(path)
        if name not in OPTIONS:
            resolved.warnings.append(f"{where}: unknown option {name!r}; ignored{_suggestion(name)}")
            continue
        try:
            resolved.set(name, _check(name, value), str(path))
        except ConfigError as exc:
            resolved.warnings.append(f"{where}: {exc}; ignored, {name} stays {_toml(resolved.values[name])}")


def _suggestion(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, OPTIONS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def env_name(name: str, prefix: str) -> str:
    """The environment variable of option ``name``: server.runOnSave -> PREFIX_SERVER_RUN_ON_SAVE."""
    snake = "".join(f"_{c}" if c.isupper() else c.upper() for c in name.replace(".", "_"))
    return f"{prefix}_{snake}"


def resolve(
    flags: Mapping[str, Any] | None = None,
    cwd: Path | None = None,
    app_dir: Path | None = None,
    *,
    app_config: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Resolved:
    """Every option's value from all sources, with their origins and warnings. Raises
    ConfigError for a bad command-line flag or ``app_config`` entry."""
    cwd = cwd or Path.cwd()
    environ = os.environ if environ is None else environ
    resolved = Resolved({name: option.default for name, option in OPTIONS.items()}, dict.fromkeys(OPTIONS, DEFAULT))
    for path in config_files(app_dir, cwd):
        if path.is_file():
            _read_file(path, resolved)
    for name, value in (app_config or {}).items():
        if name not in OPTIONS:
            raise ConfigError(f"st.App(config=...): unknown option {name!r}{_suggestion(name)}")
        resolved.set(name, _check(name, value), "st.App(config=...)")
    for name in OPTIONS:
        for prefix in ("STREAMLIT", "SLIPSTREAM"):  # SLIPSTREAM_ wins
            variable = env_name(name, prefix)
            raw = environ.get(variable)
            if raw is None:
                continue
            try:
                resolved.set(name, _check(name, raw), f"environment variable {variable}")
            except ConfigError as exc:
                resolved.warnings.append(f"environment variable {variable}: {exc}; ignored")
    for name, value in (flags or {}).items():
        if name not in OPTIONS:
            raise ConfigError(f"unknown option --{name}{_suggestion(name)}; `slipstream config show` lists them all")
        resolved.set(name, _check(name, value), "command line")
    return resolved


def load(
    flags: Mapping[str, Any] | None = None,
    cwd: Path | None = None,
    app_dir: Path | None = None,
    *,
    app_config: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Every option's value from all sources; what was wrong in files and environment is logged."""
    resolved = resolve(flags, cwd, app_dir, app_config=app_config)
    for warning in resolved.warnings:
        log.warning("%s", warning)
    return resolved.values


def get_option(name: str) -> Any:
    """The value of option ``name`` for the app whose script is running (the default app's
    outside any app)."""
    if name not in OPTIONS:
        raise ConfigError(f"unknown option {name!r}{_suggestion(name)}; `slipstream config show` lists them all")
    from slipstream.runtime.app_runtime import current_app

    return current_app().option(name)


def _toml(value: Any) -> str:
    """``value`` written as TOML."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + " }"
    return json.dumps(value)


def show(resolved: Resolved) -> str:
    """``slipstream config show``: every option by section with its description, value and source."""
    lines: list[str] = []
    section = None
    for name, option in OPTIONS.items():
        this_section, _, key = name.rpartition(".")
        if this_section != section:
            section = this_section
            lines += ["", f"[{section}]"]
        value = resolved.values[name]
        lines += ["", f"# {option.help}"]
        if option.unsupported:
            lines.append(f"# Not honoured by Slipstream: {option.unsupported}")
        lines.append(f"# Source: {resolved.sources[name]}")
        lines.append(f"# {key} =" if value is None else f"{key} = {_toml(value)}")
    return "\n".join(lines).lstrip("\n") + "\n"
