"""``SQLConnection``: a SQLAlchemy engine from the secrets or keyword arguments, with cached queries.

SQLAlchemy is an optional dependency (``pip install slipstream[sql]``), imported on first use.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slipstream.connections.base import BaseConnection
from slipstream.errors import StreamlitAPIException

if TYPE_CHECKING:
    from pandas import DataFrame
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

_URL_FIELDS = ("url", "dialect", "driver", "username", "password", "host", "port", "database", "query")
_REQUIRED = ("dialect", "username", "host")


class SQLQueryError(Exception):
    """A query failed; the message is the driver's, with the URL's password taken out."""


class SQLConnection(BaseConnection["Engine"]):
    """A connection to a SQL database through SQLAlchemy: ``st.connection("sql")``.

    Its settings come from ``[connections.NAME]`` in secrets.toml, or from keyword arguments
    of ``st.connection``: ``url``, or ``dialect``, ``driver``, ``username``, ``password``,
    ``host``, ``port``, ``database``, ``query``; other keyword arguments (and a
    ``create_engine_kwargs`` table) go to ``sqlalchemy.create_engine``.

    Example::

        conn = st.connection("sql", url="sqlite:///data.db")
        st.dataframe(conn.query("select * from pets where owner = :owner", params={"owner": "ann"}))
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._cached_queries: dict[Any, Callable[..., Any]] = {}
        self._password: str | None = None  # the URL's, kept out of error messages
        super().__init__(connection_name, **kwargs)

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Engine:
        try:
            import sqlalchemy
            from sqlalchemy.engine import URL, make_url
        except ModuleNotFoundError as exc:
            raise ModuleNotFoundError(
                f"{exc}. SQLConnection needs SQLAlchemy: pip install 'slipstream[sql]' (or sqlalchemy)"
            ) from None
        kwargs = dict(kwargs)
        given = {field: kwargs.pop(field) for field in _URL_FIELDS if field in kwargs}
        settings = {**self._secrets.to_dict(), **given}
        engine_kwargs = {**settings.pop("create_engine_kwargs", {}), **kwargs}
        if not any(field in settings for field in _URL_FIELDS):
            raise StreamlitAPIException(
                f"st.connection({self._connection_name!r}): no database settings. Put url (or dialect, "
                f"username, host...) in [connections.{self._connection_name}] of secrets.toml, or pass them "
                "as keyword arguments to st.connection."
            )
        if "url" in settings:
            url = make_url(settings["url"])
        else:
            missing = [field for field in _REQUIRED if field not in settings]
            if missing:
                raise StreamlitAPIException(
                    f"st.connection({self._connection_name!r}): missing {', '.join(missing)}; set it in "
                    f"[connections.{self._connection_name}] of secrets.toml or pass it to st.connection."
                )
            driver = settings["dialect"] + (f"+{settings['driver']}" if "driver" in settings else "")
            url = URL.create(
                drivername=driver,
                username=settings["username"],
                password=settings.get("password"),
                host=settings["host"],
                port=int(settings["port"]) if "port" in settings else None,
                database=settings.get("database"),
                query=settings.get("query", {}),
            )
        self._password = url.password if isinstance(url.password, str) and url.password else None
        engine = sqlalchemy.create_engine(url, **engine_kwargs)
        return engine.execution_options(isolation_level="AUTOCOMMIT") if autocommit else engine

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: float | int | datetime.timedelta | None = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Any | None = None,
        **kwargs: Any,
    ) -> DataFrame:
        """Run a read-only query and return its rows as a DataFrame, cached like ``st.cache_data``
        (for ``ttl``; forever without it) by the query, its parameters and this connection.

        Parameters:
            sql: the query; ``:name`` placeholders take their values from ``params``.
            show_spinner: show a spinner (with this text) while a query runs.
            ttl: how long a result is reused (seconds or a timedelta).
            index_col, chunksize, params, kwargs: as for ``pandas.read_sql``.

        Returns:
            A pandas DataFrame.

        Example::

            df = conn.query("select * from pets where age > :age", params={"age": 3}, ttl=600)
            st.dataframe(df)
        """
        seconds = ttl.total_seconds() if isinstance(ttl, datetime.timedelta) else ttl
        cached = self._cached_queries.get((seconds, show_spinner))
        if cached is None:
            cached = self._cached_queries[(seconds, show_spinner)] = self._cached_query(seconds, show_spinner)
        return cached(id(self), sql, index_col=index_col, chunksize=chunksize, params=params, **kwargs)

    def _cached_query(self, ttl: float | None, show_spinner: bool | str) -> Callable[..., Any]:
        from slipstream.caching.api import cache_data

        def run_query(_connection: int, sql: str, **read_kwargs: Any) -> DataFrame:
            import pandas as pd
            from sqlalchemy import text

            try:
                with self._instance.connect() as connection:
                    return pd.read_sql(text(sql), connection, **read_kwargs)
            except Exception as exc:
                self._raise_without_password(exc)
                raise

        # One cache per connection and ttl (its name is part of the cache's identity).
        run_query.__qualname__ = f"SQLConnection.query.{self._connection_name}.{str(ttl).replace('.', '_')}"
        return cache_data(ttl=ttl, show_spinner=show_spinner)(run_query)

    def _raise_without_password(self, exc: Exception) -> None:
        password = self._password
        if password and password in str(exc):
            raise SQLQueryError(f"{type(exc).__name__}: {str(exc).replace(password, '***')}") from None

    def connect(self) -> Connection:
        """A new SQLAlchemy connection from the engine (close it, e.g. with ``with``).

        Example::

            with conn.connect() as c:
                c.exec_driver_sql("vacuum")
        """
        return self._instance.connect()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine."""
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the engine's database driver, e.g. ``"pysqlite"`` or ``"psycopg2"``."""
        return str(self._instance.driver)

    @property
    def session(self) -> Session:
        """A new SQLAlchemy session on the engine, for writes and transactions (``with conn.session as s:``)."""
        from sqlalchemy.orm import Session

        return Session(self._instance)

    def close(self) -> None:
        if self._raw_instance is not None:
            self._raw_instance.dispose()
