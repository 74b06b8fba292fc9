"""``st.connection``: make a connection once and share it (through ``st.cache_resource``)."""

from __future__ import annotations

import builtins
import datetime
import importlib
import math
import os
from typing import Any

from slipstream.connections.base import BaseConnection, connection_secrets
from slipstream.errors import StreamlitAPIException

_FIRST_PARTY: dict[str, str] = {"sql": "slipstream.connections.sql.SQLConnection"}
_ENV_PREFIX = "env:"
_UNSET: Any = object()
ConnectionClass = type[BaseConnection[Any]]  # named here: st.connection's `type` parameter hides the builtin


def _first_party(name: str) -> type[BaseConnection[Any]]:
    if name not in _FIRST_PARTY:
        raise StreamlitAPIException(
            f"st.connection: unknown connection type {name!r}; the built-in types are "
            f"{', '.join(repr(k) for k in _FIRST_PARTY)}, or give a class or a 'module.Class' string"
        )
    module, _, attr = _FIRST_PARTY[name].rpartition(".")
    found: type[BaseConnection[Any]] = getattr(importlib.import_module(module), attr)
    return found


def _class_of(name: str, kind: Any) -> type[BaseConnection[Any]]:
    if kind is None:
        if name in _FIRST_PARTY:
            return _first_party(name)
        kind = connection_secrets(name).get("type")
        if kind is None:
            raise StreamlitAPIException(
                f"st.connection({name!r}): no type given; pass type=... (e.g. type='sql') or set type in "
                f"[connections.{name}] of secrets.toml"
            )
    if isinstance(kind, str):
        if "." not in kind:
            return _first_party(kind)
        module, _, attr = kind.rpartition(".")
        try:
            kind = getattr(importlib.import_module(module), attr)
        except AttributeError:
            raise StreamlitAPIException(f"st.connection: the module {module!r} has no class {attr!r}") from None
    if not (isinstance(kind, type) and issubclass(kind, BaseConnection)):
        raise StreamlitAPIException(f"st.connection: {kind!r} is not a subclass of BaseConnection")
    return kind


def _default_ttl() -> float | None:
    from slipstream.config import get_option

    value = get_option("runner.connectionDefaultTTL")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise StreamlitAPIException(
            f"runner.connectionDefaultTTL must be a finite number of seconds, 0 or more, not {value!r}"
        )
    return float(value)


def connection(
    name: str,
    type: Any = None,
    max_entries: int | None = None,
    ttl: float | datetime.timedelta | None = _UNSET,
    **kwargs: Any,
) -> Any:
    """A connection to a data source or API, made once and shared by the app's sessions.

    Parameters:
        name: the connection's name: its settings are ``[connections.NAME]`` of secrets.toml;
            ``"sql"`` alone means a SQLConnection; ``"env:VAR"`` takes the name from an
            environment variable.
        type: ``"sql"``, a BaseConnection subclass, or a ``"module.Class"`` string (default: the
            ``type`` of ``[connections.NAME]``).
        max_entries: most connections of this kind kept at once.
        ttl: seconds (or a timedelta) a connection is kept (default: runner.connectionDefaultTTL).
        kwargs: passed to the connection class (e.g. ``url=`` for SQL).

    Returns:
        The connection (an instance of the type).

    Example::

        conn = st.connection("sql", url="sqlite:///pets.db")
        df = conn.query("select * from pets")
        st.dataframe(df)
    """
    if not isinstance(name, str):
        raise StreamlitAPIException(f"st.connection: name must be a str, not {builtins.type(name).__name__}")
    if name.startswith(_ENV_PREFIX):
        variable = name[len(_ENV_PREFIX) :]
        if variable not in os.environ:
            raise StreamlitAPIException(f"st.connection({name!r}): the environment variable {variable} is not set")
        name = os.environ[variable]
    cls = _class_of(name, type)
    if ttl is _UNSET:
        ttl = _default_ttl()
    scope = cls.scope()
    if scope not in ("global", "session"):
        raise StreamlitAPIException(f"{cls.__name__}.scope() must return 'global' or 'session', not {scope!r}")
    from slipstream.caching.api import cache_resource

    def make_connection(name: str, cls: ConnectionClass, **kwargs: Any) -> BaseConnection[Any]:
        return cls(connection_name=name, **kwargs)

    seconds = ttl.total_seconds() if isinstance(ttl, datetime.timedelta) else ttl
    make_connection.__qualname__ = f"connection.{str(seconds).replace('.', '_')}.{max_entries}"
    cached = cache_resource(
        max_entries=max_entries,
        ttl=seconds,
        show_spinner="Running `st.connection(...)`.",
        scope=scope,
        on_release=lambda conn: conn.close(),
    )(make_connection)
    return cached(name, cls, **kwargs)

