"""The errors a cached function can raise, named as Streamlit names them."""

from __future__ import annotations

from typing import Any

from slipstream.errors import StreamlitAPIException


def _type_name(obj: Any) -> str:
    tp = type(obj)
    return tp.__qualname__ if tp.__module__ == "builtins" else f"{tp.__module__}.{tp.__qualname__}"


class UnhashableTypeError(Exception):
    """A value the hasher cannot read; turned into UnhashableParamError with the argument's name."""

    def __init__(self, obj: Any, reason: str) -> None:
        super().__init__(f"cannot hash a value of type `{_type_name(obj)}`: {reason}")
        self.obj = obj
        self.reason = reason


class UnhashableParamError(StreamlitAPIException):
    def __init__(self, decorator: str, func_name: str, arg_name: str, obj: Any, reason: str) -> None:
        super().__init__(
            f"Cannot hash argument '{arg_name}' (of type `{_type_name(obj)}`) in '{func_name}': {reason}.\n\n"
            f"To fix this, either tell {decorator} not to hash this argument by adding a leading underscore "
            f"to its name in the function signature:\n\n"
            f"```\n@{decorator}\ndef {func_name}(_{arg_name}, ...):\n    ...\n```\n\n"
            f"or pass `hash_funcs={{{type(obj).__qualname__}: lambda value: ...}}` to say how to hash it."
        )
        self.arg_name = arg_name


class UnserializableReturnValueError(StreamlitAPIException):
    def __init__(self, func_name: str, value: Any, reason: str) -> None:
        super().__init__(
            f"Cannot serialize the return value (of type `{_type_name(value)}`) in `{func_name}()`: {reason}. "
            f"`st.cache_data` pickles return values so that each caller gets its own copy. Return a "
            f"picklable value instead, or use `st.cache_resource` to cache objects such as database "
            f"connections or ML models that cannot be pickled (they are then shared, not copied)."
        )


WIDGET_IN_CACHE_MESSAGE = (
    "Your script uses a widget command in a cached function (one decorated with `@st.cache_data` or "
    "`@st.cache_resource`). The function only runs on a cache miss, so the widget is replayed as it was "
    "and its value is not read again on cache hits. Move widget commands outside the cached function."
)
