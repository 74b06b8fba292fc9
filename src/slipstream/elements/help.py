"""st.help: a panel describing any Python object (name, type, signature, documentation and its
public members), as st.write shows functions, classes and modules."""

from __future__ import annotations

import ast
import inspect
import re
import types
from typing import Any

import slipstream
from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width

_MEMORY_ADDRESS = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")
_LONGEST_VALUE = 300
_OWN_PACKAGE = __name__.split(".", 1)[0]


def _docstring(obj: object) -> str | None:
    doc = inspect.getdoc(obj)
    if doc is None and not (
        isinstance(obj, (type, types.ModuleType)) or inspect.isfunction(obj) or inspect.ismethod(obj)
    ):
        doc = inspect.getdoc(type(obj))  # an instance: its class's documentation
    return doc.strip() or None if doc else None


def _signature(obj: object) -> str:
    if not inspect.isclass(obj) and not callable(obj):
        return ""
    try:
        return str(inspect.signature(obj))
    except (ValueError, NameError):
        return "(...)"
    except TypeError:
        return ""


def _readable(value: Any) -> str | None:
    """A value's repr, cut at 300 characters; None for classes, modules, callables and objects
    whose repr is only their address."""
    if inspect.isclass(value) or inspect.ismodule(value) or callable(value):
        return None
    try:
        text = repr(value).strip()
    except Exception:  # a broken __repr__ must not break the panel
        return None
    if not isinstance(value, str) and _MEMORY_ADDRESS.match(text):
        return None
    return text[:_LONGEST_VALUE] + "..." if len(text) > _LONGEST_VALUE else text


def _kind(obj: object) -> str:
    return "class" if inspect.isclass(obj) else type(obj).__name__


def _value(obj: object, name: str | None) -> str | None:
    """What the panel shows after the type: the value, or the qualified name and signature."""
    readable = _readable(obj)
    if readable is not None:
        return readable
    named = obj if getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) else type(obj)
    title = getattr(named, "__qualname__", None) or getattr(named, "__name__", None)
    if not title:
        return None
    module = getattr(named, "__module__", None)
    text = f"{module}.{title}{_signature(named)}" if module else f"{title}{_signature(named)}"
    return None if text == name else text


def _is_property(obj: object, attr: str) -> bool:
    for cls in inspect.getmro(obj if inspect.isclass(obj) else type(obj)):
        found = cls.__dict__.get(attr)
        if found is not None:
            return isinstance(found, property) or inspect.isgetsetdescriptor(found)
    return False


def _weight(value: Any) -> int:
    """Plain values first, then callables, classes, modules."""
    if inspect.ismodule(value):
        return 3
    if inspect.isclass(value):
        return 2
    return 1 if callable(value) else 0


def _members(obj: object) -> list[dict[str, str | None]]:
    found: list[tuple[int, dict[str, str | None]]] = []
    for attr in dir(obj):
        if attr.startswith("_"):
            continue
        try:
            if not inspect.isclass(obj) and _is_property(obj, attr):
                doc = _docstring(getattr(type(obj), attr))
                weight, kind, value = 0, "property", None
            else:
                member = getattr(obj, attr)
                weight, kind, value = _weight(member), _kind(member), _readable(member)
                doc = _docstring(member) if value is None else None
        except Exception:  # an attribute that fails to read is left out, as Python's help does
            continue
        if kind == "module":
            continue
        first_line = doc.partition("\n")[0] if doc else None
        found.append((weight, {"name": attr, "type": kind, "doc": first_line, "value": value}))
    found.sort(key=lambda item: (item[0], item[1]["name"] or ""))
    return [member for _, member in found]


def _caller_expression() -> str | None:
    """The text of the argument in the script's line that called st.help (or st.write): the
    name the panel shows (``st.help(my_list)`` shows "my_list")."""
    frame = inspect.currentframe()
    while frame is not None and frame.f_globals.get("__name__", "").split(".", 1)[0] == _OWN_PACKAGE:
        frame = frame.f_back
    if frame is None:
        return None
    try:
        info = inspect.getframeinfo(frame, context=1)
    except (OSError, IndexError):
        return None
    line = "".join(info.code_context or []).strip()
    if not line:
        return None
    try:
        tree = ast.parse(line)
    except SyntaxError:
        return None
    call = tree.body[0].value if tree.body and isinstance(tree.body[0], ast.Expr) else None
    if not isinstance(call, ast.Call):
        return line.removesuffix(",")
    callee = call.func
    if getattr(callee, "attr", getattr(callee, "id", None)) not in ("help", "write"):
        return line.removesuffix(",")
    if not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.NamedExpr):
        return arg.target.id if isinstance(arg.target, ast.Name) else None
    if isinstance(arg, ast.Constant):
        return None
    return ast.get_source_segment(line, arg)


def help(obj: Any = slipstream, *, width: int | str = "stretch") -> DeltaGenerator:
    """Show a panel describing ``obj``: its name, type, value or signature, its documentation,
    and its public members with their types and values or first lines of documentation.

    ``obj``: any object (a function, class, module, instance...); by default the st module.
    ``width``: "stretch" or pixels.

    Returns the placeholder the panel is in.

    Example::

        import pandas
        st.help(pandas.DataFrame)
    """
    name = _caller_expression()
    element: dict[str, Any] = {
        "type": "help",
        "name": name,
        "kind": _kind(obj),
        "value": _value(obj, name),
        "doc": _docstring(obj),
        "members": _members(obj),
        "width": check_width("help", width, allow_content=False),
    }
    return emit_element(element)

