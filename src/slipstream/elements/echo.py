"""st.echo: run a block of the script and show its source code above or below what it shows."""

from __future__ import annotations

import contextlib
import linecache
import sys
import textwrap
from collections.abc import Iterator

from slipstream.errors import StreamlitAPIException

_OWN_PACKAGE = __name__.split(".", 1)[0]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def block_source(filename: str, with_line: int) -> str:
    """The body of the ``with`` statement at line ``with_line`` (1-based) of ``filename``,
    dedented: the lines after it indented deeper, up to the first one that is not."""
    lines = linecache.getlines(filename)
    if not 0 < with_line <= len(lines):
        return ""
    start = with_line - 1
    # A with statement may span lines (its parentheses): its body starts after the line ending in ":".
    while start < len(lines) - 1 and not lines[start].split("#", 1)[0].rstrip().endswith(":"):
        start += 1
    outer = _indent(lines[with_line - 1])
    body: list[str] = []
    for line in lines[start + 1 :]:
        if line.strip() and _indent(line) <= outer:
            break
        body.append(line)
    while body and not body[-1].strip():
        body.pop()
    return textwrap.dedent("".join(body)).rstrip("\n")


def _script_frame() -> tuple[str, int] | None:
    """The file and line of the script's ``with st.echo():``."""
    frame = sys._getframe(1)
    while frame is not None and (
        frame.f_globals.get("__name__", "").split(".", 1)[0] == _OWN_PACKAGE
        or frame.f_code.co_filename == contextlib.__file__
    ):
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return None
    return frame.f_code.co_filename, frame.f_lineno


@contextlib.contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Run the block under ``with st.echo():`` and show its source code, highlighted as
    Python, above what the block shows (or below, with ``code_location="below"``).

    Returns a context manager.

    Example::

        with st.echo():
            total = sum(range(10))
            st.write(total)
    """
    from slipstream.elements.layout import empty
    from slipstream.elements.text import code

    if code_location not in ("above", "below"):
        raise StreamlitAPIException(
            f"st.echo: code_location is {code_location!r}; use 'above' or 'below'."
        )
    where = _script_frame()
    placeholder = empty() if code_location == "above" else None
    yield
    source = block_source(*where) if where is not None else ""
    if placeholder is not None:
        placeholder.code(source, "python")
    else:
        code(source, "python")
