"""``BaseConnection``: what every ``st.connection`` type is built on."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, Generic, Literal, TypeVar

from slipstream.runtime.secrets import AttrDict, StreamlitSecretNotFoundError

RawConnectionT = TypeVar("RawConnectionT")


def connection_secrets(name: str) -> AttrDict:
    """The ``[connections.NAME]`` table of the running app's secrets (empty when there is none)."""
    from slipstream.runtime.app_runtime import current_app

    try:
        values = current_app().secret_store.values()
    except StreamlitSecretNotFoundError:
        return AttrDict({}, f"st.secrets.connections.{name}")
    section = values.get("connections", {})
    table = section.get(name, {}) if isinstance(section, Mapping) else {}
    return AttrDict(table if isinstance(table, Mapping) else {}, f"st.secrets.connections.{name}")


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The base of a connection for ``st.connection``: subclass it, implement ``_connect``
    (which returns the underlying client, e.g. an engine), and add the methods your app needs.
    ``self._secrets`` holds the ``[connections.NAME]`` table of the secrets; ``self._instance``
    is the client, made at once and made again after ``reset()`` or when those secrets change.

    Example::

        class KeyValueConnection(BaseConnection[dict]):
            def _connect(self, **kwargs): return dict(self._secrets)
            def get(self, key): return self._instance[key]
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._lock = threading.RLock()
        # Connect now, as Streamlit does: a wrong setting shows at st.connection(), not later.
        self._config_seen: dict[str, Any] = self._secrets.to_dict()
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Make the underlying client from ``self._secrets`` and ``kwargs``."""

    @classmethod
    def scope(cls) -> Literal["global", "session"]:
        """``global``: one connection shared by every session; ``session``: one per session."""
        return "global"

    @property
    def _secrets(self) -> AttrDict:
        return connection_secrets(self._connection_name)

    @property
    def _instance(self) -> RawConnectionT:
        with self._lock:
            current = self._secrets.to_dict()
            if self._raw_instance is not None and current != self._config_seen:
                self.reset()  # its secrets changed: connect again with the new ones
            if self._raw_instance is None:
                self._config_seen = current
                self._raw_instance = self._connect(**self._kwargs)
            return self._raw_instance

    def reset(self) -> None:
        """Drop the underlying client; the next use connects again.

        Example::

            conn = st.connection("sql")
            conn.reset()
        """
        with self._lock:
            self.close()
            self._raw_instance = None

    def close(self) -> None:
        """Release the underlying client (called when the connection leaves the cache)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self._connection_name!r})"
