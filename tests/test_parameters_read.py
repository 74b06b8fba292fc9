"""Every parameter of every public st.* function does something: it is read in the function's
body, or passed on. A parameter accepted and then ignored is how an app silently looks or behaves
differently from Streamlit, so a new one fails here until it works.

The check reads each function's source: a parameter counts as read when its name is loaded
anywhere in the body (nested functions included), which is also how it is passed on.
"""

from __future__ import annotations

import ast
import inspect
import textwrap

import slipstream

# Parameters that other open issues own, accepted today so that apps run: (function, parameter).
OWNED_ELSEWHERE: dict[tuple[str, str], str] = {}

# Issue 14's own parameters not done yet (each named in the issue); remove a line when it works.
NOT_DONE_YET: set[tuple[str, str]] = set()


def _public_functions() -> dict[str, object]:
    found = {}
    for name in slipstream.__all__:
        value = getattr(slipstream, name)
        if inspect.isfunction(value):
            found[name] = inspect.unwrap(value)
    return found


def _unread(function: object) -> list[str]:
    source = textwrap.dedent(inspect.getsource(function))  # type: ignore[arg-type]
    definition = ast.parse(source).body[0]
    assert isinstance(definition, ast.FunctionDef)
    arguments = definition.args
    names = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    loaded = {
        node.id
        for statement in definition.body
        for node in ast.walk(statement)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    return [name for name in names if name not in loaded]


def test_the_walk_sees_the_element_functions() -> None:
    functions = _public_functions()
    assert {"button", "text_input", "columns", "expander", "set_page_config", "space"} <= set(functions)


def test_every_parameter_is_read_or_passed_on() -> None:
    unread = {(name, parameter) for name, function in _public_functions().items() for parameter in _unread(function)}
    new = sorted(unread - set(OWNED_ELSEWHERE) - NOT_DONE_YET)
    assert not new, f"parameters accepted and never read: {new}"


def test_the_lists_hold_no_parameter_that_now_works() -> None:
    unread = {(name, parameter) for name, function in _public_functions().items() for parameter in _unread(function)}
    stale = sorted((set(OWNED_ELSEWHERE) | NOT_DONE_YET) - unread)
    assert not stale, f"these parameters are read now; take them off the lists: {stale}"
