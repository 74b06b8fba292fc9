"""st.write: show anything, choosing the element that fits each argument."""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from collections.abc import ItemsView, KeysView, ValuesView
from io import StringIO
from types import MappingProxyType
from typing import Any

from slipstream.delta_generator import DeltaGenerator, current_target
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.placement import is_slot

_JSON_TYPES = (dict, list, map, enumerate, MappingProxyType, ItemsView, KeysView, ValuesView)
_MEMORY_ADDRESS = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")
# Objects shown as st.help's panel (name, signature, documentation, members).
_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)


def _is_stream(arg: Any) -> bool:
    return (
        inspect.isgenerator(arg)
        or inspect.isgeneratorfunction(arg)
        or inspect.isasyncgen(arg)
        or inspect.isasyncgenfunction(arg)
        or f"{type(arg).__module__}.{type(arg).__qualname__}" == "openai.Stream"
    )


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(r) for r in runs), default=0)


def _as_code_markdown(text: str) -> str:
    """Wrap ``text`` in a code span (or a fenced block when it has several lines)."""
    if "\n" in text:
        fence = "`" * max(3, _longest_run(text, "`") + 1)
        return f"{fence}\n{text}\n{fence}"
    ticks = "`" * (_longest_run(text, "`") + 1)
    return f"{ticks}{text}{ticks}"


def _function(name: str) -> Any:
    from slipstream import _element_function

    return _element_function(name)


def _is_dataframe_like(arg: Any) -> bool:
    module = type(arg).__module__
    return module.startswith(("pandas", "polars", "pyarrow", "numpy")) or hasattr(arg, "__dataframe__")


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Show each argument the way that suits it: strings as Markdown, dicts and lists as JSON,
    exceptions as exceptions, data frames as tables, other objects as text.

    Consecutive strings (and plain values) are joined into one Markdown element. Generators and
    streams are written with st.write_stream; functions, classes and modules (and objects that
    print as a memory address) get st.help's panel.

    Example::

        st.write("Total:", 42, {"ok": True})
    """
    from slipstream.elements.exceptions import exception
    from slipstream.elements.help import help
    from slipstream.elements.text import json, markdown
    from slipstream.elements.write_stream import StreamingOutput, write_stream

    if len(args) == 1 and isinstance(args[0], str):
        markdown(args[0], unsafe_allow_html=unsafe_allow_html)
        return
    if is_slot(current_target()) and len(args) > 1:
        raise StreamlitAPIException(
            "st.write cannot put several elements in the place of one: a placeholder holds a "
            "single element. Use `st.container()` to group them."
        )
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    for arg in args:
        if isinstance(arg, str):
            buffer.append(arg)
            continue
        if isinstance(arg, StringIO):
            buffer.append(arg.getvalue())
            continue
        if isinstance(arg, StreamingOutput):  # what st.write_stream returned: shown again
            flush()
            for item in arg:
                if callable(item):
                    item()
                else:
                    write(item, unsafe_allow_html=unsafe_allow_html)
        elif _is_stream(arg):
            flush()
            write_stream(arg)
        elif isinstance(arg, _HELP_TYPES) or inspect.isclass(arg) or dataclasses.is_dataclass(arg):
            flush()
            help(arg)
        elif isinstance(arg, BaseException):
            flush()
            exception(arg)
        elif isinstance(arg, _JSON_TYPES) or hasattr(arg, "_asdict") or hasattr(arg, "model_dump"):
            flush()
            json(arg)
        elif _is_dataframe_like(arg) and _function("dataframe") is not None:
            flush()
            _function("dataframe")(arg)
        elif isinstance(arg, DeltaGenerator):
            buffer.append(_as_code_markdown(repr(arg)))
        elif type(arg).__module__.startswith("sympy"):
            flush()
            _function("latex")(arg)
        else:
            text = str(arg)
            if _MEMORY_ADDRESS.match(text):
                flush()
                help(arg)
            else:
                buffer.append(_as_code_markdown(text))
    flush()
