"""Exact value hashing for cache keys.

Every value is fed into one xxh3-128 state, prefixed by a tag naming its kind, so ``1``, ``1.0``,
``"1"`` and ``b"1"`` differ. Arrays and data frames are hashed through their memory buffers
(every byte, no sampling), which is what makes a cache hit on a large frame take milliseconds.
Third-party types are recognised by module name, so hashing never imports pandas or numpy.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import io
import os
import pickle
import types
from collections.abc import Callable, Mapping
from typing import Any

import xxhash

from slipstream.caching.errors import UnhashableTypeError

HashFuncs = Mapping[Any, Callable[[Any], Any]]

_MAX_DEPTH = 200
_SIMPLE = (int, float, complex, str, bool)


def qualified_name(tp: type) -> str:
    return f"{tp.__module__}.{tp.__qualname__}"


def code_digest(code: types.CodeType, into: Any) -> None:
    """Feed a code object's instructions, constants and names (not its line numbers)."""
    into.update(code.co_code)
    into.update(repr((code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars)).encode())
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            code_digest(const, into)
        else:
            into.update(b"\x00" + repr(const).encode())


class Hasher:
    """Feeds values into one digest; ``hexdigest()`` gives the key."""

    def __init__(self, hash_funcs: HashFuncs | None = None) -> None:
        self._state = xxhash.xxh3_128()
        self._funcs: dict[Any, Callable[[Any], Any]] = dict(hash_funcs or {})
        self._active: set[int] = set()
        self._depth = 0

    def hexdigest(self) -> str:
        return self._state.hexdigest()

    def _tag(self, tag: bytes, data: bytes = b"") -> None:
        self._state.update(tag + len(data).to_bytes(8, "little") + data)

    def _buffer(self, tag: bytes, data: Any) -> None:
        view = memoryview(data)
        if not view.c_contiguous:
            view = memoryview(view.tobytes())
        self._tag(tag, str(view.nbytes).encode())
        self._state.update(view.cast("B") if view.ndim != 1 or view.format != "B" else view)

    def update(self, obj: Any) -> None:
        custom = self._custom_func(obj)
        if custom is not None:
            self._tag(b"custom")
            self.update(custom(obj))
            return
        if obj is None or obj is True or obj is False or obj is Ellipsis:
            self._tag(b"const", repr(obj).encode())
            return
        tp = type(obj)
        if tp in _SIMPLE:
            self._tag(tp.__name__.encode(), repr(obj).encode())
            return
        if tp is bytes or tp is bytearray:
            self._tag(b"bytes", bytes(obj))
            return
        key = id(obj)
        if key in self._active:
            self._tag(b"cycle")
            return
        if self._depth > _MAX_DEPTH:
            raise UnhashableTypeError(obj, "it is nested too deeply")
        self._active.add(key)
        self._depth += 1
        try:
            self._update_compound(obj, tp)
        finally:
            self._depth -= 1
            self._active.discard(key)

    def _custom_func(self, obj: Any) -> Callable[[Any], Any] | None:
        if not self._funcs:
            return None
        for tp in type(obj).__mro__:
            func = self._funcs.get(tp) or self._funcs.get(qualified_name(tp))
            if func is not None:
                return func
        return None

    def _update_compound(self, obj: Any, tp: type) -> None:
        if isinstance(obj, (list, tuple)):
            self._tag(b"seq", qualified_name(tp).encode() + str(len(obj)).encode())
            for item in obj:
                self.update(item)
        elif isinstance(obj, dict):
            self._tag(b"dict", qualified_name(tp).encode() + str(len(obj)).encode())
            for k, v in obj.items():
                self.update(k)
                self.update(v)
        elif isinstance(obj, (set, frozenset)):
            self._tag(b"set", str(len(obj)).encode())
            for digest in sorted(self._sub_digest(item) for item in obj):
                self._tag(b"item", digest.encode())
        elif isinstance(obj, memoryview):
            self._buffer(b"memoryview", obj)
        elif isinstance(obj, enum.Enum):
            self._tag(b"enum", f"{qualified_name(tp)}.{obj.name}".encode())
        elif isinstance(obj, (datetime.date, datetime.time, datetime.timedelta, datetime.tzinfo)):
            self._tag(b"datetime", repr(obj).encode())
        elif isinstance(obj, int | float | str | bytes):  # subclasses of builtins
            self._tag(qualified_name(tp).encode(), repr(obj).encode())
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            self._tag(b"dataclass", qualified_name(tp).encode())
            for f in dataclasses.fields(obj):
                self.update(f.name)
                self.update(getattr(obj, f.name))
        elif isinstance(obj, (types.FunctionType, types.MethodType, types.BuiltinFunctionType)):
            self._function(obj)
        elif isinstance(obj, types.ModuleType):
            self._tag(b"module", obj.__name__.encode())
        elif isinstance(obj, type):
            self._tag(b"type", qualified_name(obj).encode())
        elif isinstance(obj, (io.BytesIO, io.StringIO)):
            self._tag(b"memfile", qualified_name(tp).encode())
            self.update(obj.getvalue())
            self.update(getattr(obj, "name", None))
        elif isinstance(obj, io.IOBase) and hasattr(obj, "fileno"):
            self._open_file(obj)
        elif not self._third_party(obj, tp):
            self._reduce(obj, tp)

    def _sub_digest(self, obj: Any) -> str:
        sub = Hasher(self._funcs)
        sub._active, sub._depth = self._active, self._depth
        sub.update(obj)
        return sub.hexdigest()

    def _function(self, obj: Any) -> None:
        func = getattr(obj, "__func__", obj)
        name = f"{getattr(func, '__module__', None)}.{getattr(func, '__qualname__', repr(func))}"
        self._tag(b"function", name.encode())
        code = getattr(func, "__code__", None)
        if code is not None:
            code_digest(code, self._state)
        if isinstance(obj, types.MethodType):
            self.update(obj.__self__)

    def _open_file(self, obj: Any) -> None:
        try:
            stat = os.fstat(obj.fileno())
            facts = (getattr(obj, "name", None), obj.tell(), stat.st_size, stat.st_mtime_ns)
        except (OSError, ValueError) as exc:
            raise UnhashableTypeError(obj, f"the file could not be inspected ({exc})") from exc
        self._tag(b"file", repr(facts).encode())

    def _third_party(self, obj: Any, tp: type) -> bool:
        """Hash numpy, pandas, polars, pyarrow and PIL values by content; False if not one of them."""
        module = tp.__module__.partition(".")[0]
        if module == "numpy":
            return self._numpy(obj)
        if module == "pandas":
            from slipstream.caching import frames

            return frames.hash_pandas(self, obj)
        if module == "polars":
            from slipstream.caching import frames

            return frames.hash_polars(self, obj)
        if module == "pyarrow":
            from slipstream.caching import frames

            return frames.hash_arrow(self, obj)
        if module == "PIL" and hasattr(obj, "tobytes") and hasattr(obj, "mode"):
            self._tag(b"image", repr((obj.mode, obj.size)).encode())
            self._tag(b"pixels", obj.tobytes())
            return True
        return False

    def _numpy(self, obj: Any) -> bool:
        import numpy as np

        if isinstance(obj, np.ndarray):
            self.ndarray(obj)
            return True
        if isinstance(obj, np.generic):
            self._tag(b"npscalar", str(obj.dtype).encode())
            self._buffer(b"value", np.asarray(obj).tobytes())
            return True
        return False

    def ndarray(self, arr: Any) -> None:
        self._tag(b"ndarray", f"{arr.dtype.str}{arr.shape}".encode())
        if arr.dtype.hasobject:
            self.update(arr.tolist())
            return
        import numpy as np

        self._buffer(b"data", np.ascontiguousarray(arr).reshape(-1).view(np.uint8))

    def _reduce(self, obj: Any, tp: type) -> None:
        try:
            reduced = obj.__reduce_ex__(pickle.DEFAULT_PROTOCOL)
        except Exception as exc:
            raise UnhashableTypeError(obj, str(exc)) from exc
        if isinstance(reduced, str):  # a global, pickled by name
            self._tag(b"global", f"{tp.__module__}.{reduced}".encode())
            return
        self._tag(b"reduce", qualified_name(tp).encode())
        for part in reduced[:3]:
            self.update(part)
        for position in (3, 4):  # list and dict items as iterators
            if len(reduced) > position and reduced[position] is not None:
                self.update(list(reduced[position]))


def hash_value(obj: Any, hash_funcs: HashFuncs | None = None) -> str:
    hasher = Hasher(hash_funcs)
    hasher.update(obj)
    return hasher.hexdigest()
