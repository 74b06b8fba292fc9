"""A cached function: its key, its stores, and the hit and miss paths.

A function's identity is its module, qualified name and code, together with the code of the
functions of the same module it refers to: editing any of them starts a new cache. A call's key
is that identity's store plus the hash of the arguments (those not starting with ``_``).
"""

from __future__ import annotations

import functools
import inspect
import pickle
import threading
import types
import weakref
from collections.abc import Callable
from typing import Any, Literal

import xxhash

from slipstream.caching import replay
from slipstream.caching.errors import UnhashableParamError, UnhashableTypeError, UnserializableReturnValueError
from slipstream.caching.hashing import Hasher, code_digest
from slipstream.caching.options import Options
from slipstream.caching.storage import DiskStore, Entry, KeyLocks, Limits, PersistedValues, Replay, Store, ValueStore
from slipstream.elements.spinner import spinner
from slipstream.runtime.context import get_run_context

Kind = Literal["data", "resource"]


def _referenced_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _referenced_names(const)
    return names


def function_key(kind: Kind, func: Callable[..., Any]) -> str:
    """The identity of ``func``'s cache: its name, its code and its same-module helpers' code."""
    state = xxhash.xxh3_128()
    module = getattr(func, "__module__", None)
    state.update(f"{kind}:{module}.{getattr(func, '__qualname__', repr(func))}".encode())
    seen: set[types.CodeType] = set()

    def visit(target: Any) -> None:
        code = getattr(target, "__code__", None)
        if not isinstance(code, types.CodeType) or code in seen:
            return
        seen.add(code)
        code_digest(code, state)
        namespace = getattr(target, "__globals__", {})
        for name in sorted(_referenced_names(code)):
            helper = namespace.get(name)
            helper = getattr(helper, "__wrapped__", helper)
            if isinstance(helper, types.FunctionType) and helper.__module__ == module:
                state.update(name.encode())
                visit(helper)

    visit(func)
    return state.hexdigest()


class Registry:
    """Every store of one kind: global ones by function key, session ones per session."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.global_stores: dict[str, Store] = {}
        self.session_stores: weakref.WeakKeyDictionary[Any, dict[str, Store]] = weakref.WeakKeyDictionary()

    def store(self, key: str, options: Options) -> Store:
        limits = Limits(options.ttl, options.max_entries, options.max_size)
        ctx = get_run_context() if options.scope == "session" else None
        with self._lock:
            if ctx is None:
                stores = self.global_stores
            else:
                found = self.session_stores.get(ctx.session)
                if found is None:
                    found = self.session_stores[ctx.session] = {}
                    weakref.finalize(ctx.session, _release_all, found)
                stores = found
            store = stores.get(key)
            if store is None:
                store = stores[key] = Store(limits, options.on_release)
            else:  # the same function decorated again (a rerun): take its current settings
                store.limits, store.on_release = limits, options.on_release
            return store

    def stores_of(self, key: str) -> list[Store]:
        with self._lock:
            found = [self.global_stores.get(key)] + [s.get(key) for s in self.session_stores.values()]
        return [store for store in found if store is not None]

    def clear(self) -> None:
        with self._lock:
            stores = [*self.global_stores.values()]
            for session_stores in self.session_stores.values():
                stores.extend(session_stores.values())
        for store in stores:
            store.clear()


def _release_all(stores: dict[str, Store]) -> None:
    for store in stores.values():
        store.clear()


def registry(kind: Kind) -> Registry:
    """The cached values of kind ``kind`` of the app whose script runs (else the default app's)."""
    from slipstream.runtime.app_runtime import current_app

    return current_app().caches[kind]


def new_registries() -> dict[Kind, Registry]:
    return {"data": Registry(), "resource": Registry()}


class CachedFunc:
    """What ``@st.cache_data`` and ``@st.cache_resource`` return: call it like the function."""

    def __init__(self, func: Callable[..., Any], kind: Kind, options: Options) -> None:
        self.__wrapped__ = func
        self._kind = kind
        self._options = options
        self._key: str | None = None
        self._signature: inspect.Signature | None = None
        self._locks = KeyLocks()
        functools.update_wrapper(self, func)

    def __repr__(self) -> str:
        return f"<{self._options.decorator} of {self.__wrapped__!r}>"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return BoundCachedFunc(self, instance)

    # ---- keys ----------------------------------------------------------------------------------

    @property
    def function_key(self) -> str:
        if self._key is None:  # computed on first call: helpers defined after the function exist by then
            self._key = function_key(self._kind, self.__wrapped__)
        return self._key

    def _store(self) -> ValueStore:
        return registry(self._kind).store(self.function_key, self._options)

    def _disk(self) -> PersistedValues | None:
        return DiskStore(self.function_key) if self._options.persist else None

    def _name(self) -> str:
        return getattr(self.__wrapped__, "__name__", "function")

    def value_key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        if self._signature is None:
            self._signature = inspect.signature(self.__wrapped__)
        bound = self._signature.bind(*args, **kwargs)
        bound.apply_defaults()
        hasher = Hasher(self._options.hash_funcs)
        for name, value in bound.arguments.items():
            if name.startswith("_"):
                continue
            hasher.update(name)
            try:
                hasher.update(value)
            except UnhashableTypeError as exc:
                raise UnhashableParamError(self._options.decorator, self._name(), name, value, exc.reason) from None
        return hasher.hexdigest()

    # ---- calls ---------------------------------------------------------------------------------

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        key = self.value_key(args, kwargs)
        store = self._store()
        found = self._lookup(store, key)
        if found is not None:
            return found[0]
        with self._locks.hold(key):
            found = self._lookup(store, key)  # another thread may have computed it meanwhile
            if found is not None:
                return found[0]
            return self._compute(store, key, args, kwargs)

    def _lookup(self, store: ValueStore, key: str) -> tuple[Any] | None:
        """The cached value wrapped in a 1-tuple (values may be None), replayed; None on a miss."""
        entry = store.get(key)
        if entry is None:
            disk = self._disk()
            data = disk.read(key) if disk is not None else None
            if data is None:
                return None
            try:
                value_bytes, recorded = pickle.loads(data)
            except Exception:  # written by another version, or damaged: recompute
                return None
            if recorded is not None and not isinstance(recorded, Replay):  # an older version's recording
                return None
            entry = Entry(value_bytes, len(value_bytes) + (recorded.nbytes if recorded else 0), recorded)
            store.put(key, entry)
        if self._kind == "data":
            value = pickle.loads(entry.value)
        else:
            value = entry.value
            validate = self._options.validate
            if validate is not None and not validate(value):
                store.pop(key)
                return None
        if entry.replay is not None:
            replay.replay(entry.replay)
        return (value,)

    def _spinner_text(self) -> str | None:
        show = self._options.show_spinner
        if show is False or get_run_context() is None:
            return None
        return show if isinstance(show, str) else f"Running `{self._name()}(...)`."

    def _compute(self, store: ValueStore, key: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        text = self._spinner_text()
        shown = spinner(text, show_time=self._options.show_time, _cache=True) if text else _nothing()
        with shown:
            with replay.recording() as recorder:
                value = self.__wrapped__(*args, **kwargs)
        recorded = recorder.saved() if recorder is not None else None
        if self._kind == "data":
            try:
                data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                raise UnserializableReturnValueError(self._name(), value, str(exc)) from exc
            # the blobs the recording keeps alive count towards max_size too
            store.put(key, Entry(data, len(data) + (recorded.nbytes if recorded else 0), recorded))
            disk = self._disk()
            if disk is not None:
                disk.write(key, pickle.dumps((data, recorded), protocol=pickle.HIGHEST_PROTOCOL))
        else:
            store.put(key, Entry(value, 0, recorded))
        return value

    # ---- clearing ------------------------------------------------------------------------------

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget the cached values: all of them, or only the one for these arguments."""
        stores = registry(self._kind).stores_of(self.function_key)
        disk = self._disk()
        if not args and not kwargs:
            for store in stores:
                store.clear()
            if disk is not None:
                disk.clear()
            return
        key = self.value_key(args, kwargs)
        for store in stores:
            store.pop(key)
        if disk is not None:
            disk.delete(key)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


class BoundCachedFunc:
    """A cached method looked up on an instance (or a class, for classmethods)."""

    def __init__(self, cached: CachedFunc, instance: Any) -> None:
        self._cached = cached
        self._instance = instance
        self.__wrapped__ = cached.__wrapped__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached(self._instance, *args, **kwargs)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            self._cached.clear(self._instance, *args, **kwargs)
        else:
            self._cached.clear()
