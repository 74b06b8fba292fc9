"""st.cache_data and st.cache_resource: the decorators and their ``clear()``."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar, overload

from slipstream.caching.cached import CachedFunc, registry
from slipstream.caching.options import check_options
from slipstream.caching.storage import clear_disk

F = TypeVar("F", bound=Callable[..., Any])
TTL = float | datetime.timedelta | str | None
HashFuncs = Mapping[Any, Callable[[Any], Any]] | None
Scope = Literal["global", "session"]
RefreshMode = Literal["foreground", "background"]


class CacheDataAPI:
    @overload
    def __call__(self, func: F) -> F: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Literal["disk"] | bool | None = None,
        hash_funcs: HashFuncs = None,
        scope: Scope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> Callable[[F], F]: ...

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Literal["disk"] | bool | None = None,
        hash_funcs: HashFuncs = None,
        scope: Scope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> Any:
        """Cache what a function returns, keyed by its code and its arguments' values.

        Each caller gets its own copy of the cached value (it is stored pickled), so mutating it is
        safe. Use it for data: query results, loaded files, transformed frames.

        Parameters: ``ttl`` (seconds, a timedelta, or a string like "1h" or "30m") drops entries
        after that long; ``max_entries`` and ``max_size`` (bytes, or "500MB") bound the cache,
        dropping the least recently used entries; ``show_spinner`` (True, False or a text) shows
        a spinner while computing, with the elapsed time if ``show_time``; ``persist="disk"`` also
        keeps entries in `.slipstream/cache`, across restarts; ``hash_funcs`` maps a type (or its
        full name) to a function giving a hashable stand-in for its values; ``scope="session"``
        keeps entries per browser session. Parameters whose names start with ``_`` are not
        hashed. ``refresh_mode="background"`` is accepted; entries are refreshed in the foreground.

        Returns the wrapped function, with ``clear()`` (all entries) and ``clear(*args)`` (one).

        Example::

            @st.cache_data(ttl="1h")
            def load(url):
                return pd.read_csv(url)
        """
        options = check_options(
            "st.cache_data",
            ttl=ttl,
            max_entries=max_entries,
            max_size=max_size,
            show_spinner=show_spinner,
            show_time=show_time,
            persist=persist,
            hash_funcs=hash_funcs,
            scope=scope,
            refresh_mode=refresh_mode,
        )
        if func is None:
            return lambda f: CachedFunc(f, "data", options)
        return CachedFunc(func, "data", options)

    def clear(self) -> None:
        """Forget every value cached by st.cache_data, in memory and on disk."""
        registry("data").clear()
        clear_disk()


class CacheResourceAPI:
    @overload
    def __call__(self, func: F) -> F: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: Scope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> Callable[[F], F]: ...

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: Scope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> Any:
        """Cache a shared resource: one object, returned to every caller, every session.

        Use it for things that are costly to create and safe to share: database connections,
        clients, ML models. The object itself is returned (not a copy), so mutating it is seen by
        everyone.

        Parameters: ``ttl``, ``max_entries``, ``show_spinner``, ``show_time``, ``hash_funcs`` and
        ``scope`` as for st.cache_data; ``validate(value) -> bool`` is called on every hit and
        False recreates the resource; ``on_release(value)`` is called when an entry leaves the
        cache (eviction, expiry, clear, or the end of its session with ``scope="session"``).

        Returns the wrapped function, with ``clear()`` (all entries) and ``clear(*args)`` (one).

        Example::

            @st.cache_resource
            def connect(url):
                return create_engine(url)
        """
        options = check_options(
            "st.cache_resource",
            ttl=ttl,
            max_entries=max_entries,
            show_spinner=show_spinner,
            show_time=show_time,
            validate=validate,
            hash_funcs=hash_funcs,
            on_release=on_release,
            scope=scope,
            refresh_mode=refresh_mode,
        )
        if func is None:
            return lambda f: CachedFunc(f, "resource", options)
        return CachedFunc(func, "resource", options)

    def clear(self) -> None:
        """Forget every resource cached by st.cache_resource (on_release is called for each)."""
        registry("resource").clear()


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()
