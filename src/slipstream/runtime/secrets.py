"""``st.secrets``: the app's secrets, from secrets.toml files and ``st.App(secrets=...)``.

Files, lowest precedence first (a later one wins, key by key at the top level):
``~/.streamlit/secrets.toml``, ``~/.slipstream/secrets.toml``, the same two in the working
directory, then beside the app's script, then the files of the ``secrets.files`` option; values
given to ``st.App(secrets=...)`` (or ``AppTest.secrets``) win over all files. Top-level string
values are also set as environment variables, as Streamlit does.

Secret values never go into an error message or a log line: errors name keys and files only, and
``repr`` shows keys, not values.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import tomllib

from slipstream.errors import StreamlitAPIException

if TYPE_CHECKING:
    from slipstream.runtime.app_runtime import AppRuntime

log = logging.getLogger("slipstream.secrets")


class StreamlitSecretNotFoundError(StreamlitAPIException, FileNotFoundError):
    """No secrets at all: no file was found and the app was given none."""


class AttrDict(Mapping[str, Any]):
    """A read-only table of secrets, by item (``s["db"]``) or attribute (``s.db``)."""

    def __init__(self, values: Mapping[str, Any], where: str = "st.secrets", searched: str = "") -> None:
        self.__dict__["_values"] = values
        self.__dict__["_where"] = where
        self.__dict__["_searched"] = searched

    def _wrap(self, key: str, value: Any) -> Any:
        return AttrDict(value, f"{self._where}.{key}", self._searched) if isinstance(value, Mapping) else value

    def _missing(self, key: str, noun: str) -> str:
        return f'{self._where} has no {noun} "{key}". {self._searched}'

    def __getitem__(self, key: str) -> Any:
        try:
            return self._wrap(key, self._values[key])
        except KeyError:
            raise KeyError(self._missing(key, "key")) from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._wrap(key, self._values[key])
        except KeyError:
            raise AttributeError(self._missing(key, "attribute")) from None

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError(f"{type(self).__name__} does not support attribute assignment.")

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError(f"{type(self).__name__} does not support item assignment.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:  # keys only: a secret must not leak into a log through repr
        return f"{type(self).__name__}(keys={list(self._values)!r})"

    def to_dict(self) -> dict[str, Any]:
        """A plain (deep) copy of the values."""
        return {key: AttrDict(value).to_dict() if isinstance(value, Mapping) else value for key, value in self.items()}


class Secrets(AttrDict):
    """``st.secrets``: the running app's secrets (read on first use and again when a file changes)."""

    def __init__(self) -> None:
        super().__init__({})

    def _current(self) -> AttrDict:
        from slipstream.runtime.app_runtime import current_app

        return secrets_of(current_app()).values()

    def __getitem__(self, key: str) -> Any:
        return self._current()[key]

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        return getattr(self._current(), key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())

    def __contains__(self, key: object) -> bool:
        return key in self._current()._values

    def __repr__(self) -> str:
        return "Secrets"

    def to_dict(self) -> dict[str, Any]:
        return self._current().to_dict()

    def load_if_toml_exists(self) -> bool:
        """True when some secrets are found (then they are loaded), as Streamlit's method says."""
        try:
            self._current()
        except StreamlitSecretNotFoundError:
            return False
        return True


secrets = Secrets()


def secret_files(app: AppRuntime) -> list[Path]:
    """The secrets.toml files an app reads, lowest precedence first."""
    home, cwd = Path.home(), Path.cwd()
    folders = [home, cwd]
    script_dir = app.script.folder if app.script is not None else None
    if script_dir is not None and script_dir.resolve() != cwd.resolve():
        folders.append(script_dir)
    files = [folder / sub / "secrets.toml" for folder in folders for sub in (".streamlit", ".slipstream")]
    return files + [Path(path).expanduser() for path in app.option("secrets.files")]


class AppSecrets:
    """One app's secrets: its files, parsed again when one of them changes, and its own values."""

    def __init__(self, app: AppRuntime, *, read_files: bool = True) -> None:
        self._app = app
        self._read_files = read_files
        self._lock = threading.Lock()
        self._stamp: tuple[Any, ...] | None = None
        self._values: AttrDict | None = None
        self._environ: dict[str, str] = {}  # variables this app set, to take back on a reload

    def values(self) -> AttrDict:
        files = secret_files(self._app) if self._read_files else []
        stamp = (tuple(_stat(path) for path in files), tuple(self._app.secrets.items()))
        with self._lock:
            if self._values is None or stamp != self._stamp:
                self._values = self._load(files)
                self._stamp = stamp
            return self._values

    def _load(self, files: list[Path]) -> AttrDict:
        merged: dict[str, Any] = {}
        found: list[str] = []
        problems: list[str] = []
        for path in files:
            if not path.is_file():
                continue
            try:
                merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
                found.append(str(path))
            except tomllib.TOMLDecodeError as exc:  # its message has the position, never the text
                problems.append(f"{path}: not valid TOML: {exc}")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(f"{path}: cannot be read ({type(exc).__name__})")
        for problem in problems:
            log.warning("%s; its secrets are ignored", problem)
        merged.update(self._app.secrets)
        searched = ", ".join(str(path) for path in files) or "none (the app's own secrets only)"
        if not found and not self._app.secrets and self._read_files:
            raise StreamlitSecretNotFoundError(
                f"No secrets found. Slipstream looked for secrets.toml in: {searched}"
                + "".join(f". {problem}" for problem in problems)
            )
        hint = f"Add it to a secrets.toml file (searched: {searched})"
        hint += "".join(f"; {problem}" for problem in problems) + "."
        self._set_environ(merged)
        return AttrDict(merged, "st.secrets", hint)

    def _set_environ(self, values: Mapping[str, Any]) -> None:
        strings = {key: value for key, value in values.items() if isinstance(value, str)}
        for key in set(self._environ) - set(strings):
            if os.environ.get(key) == self._environ[key]:
                del os.environ[key]
        for key, value in strings.items():
            os.environ[key] = value
        self._environ = strings


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def secrets_of(app: AppRuntime) -> AppSecrets:
    """The secrets of ``app``."""
    return app.secret_store
