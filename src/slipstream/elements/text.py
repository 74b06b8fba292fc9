"""Text elements: markdown, headings, captions, plain text, code, dividers, JSON and LaTeX."""

from __future__ import annotations

import json as _json
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_text_alignment, check_width, check_wrap, clean_text, optional_str
from slipstream.elements._icons import check_icon
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context

DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "yellow", "gray", "grey", "rainbow")
_ROTATION = ("blue", "green", "orange", "red", "violet", "yellow")


def markdown(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Show text formatted as GitHub-flavoured Markdown.

    Supports Streamlit's extras: coloured text (``:red[...]``), emoji shortcodes (``:smile:``) and
    LaTeX between ``$`` signs. HTML is escaped unless ``unsafe_allow_html`` is true.
    ``text_alignment`` is "left", "center", "right" or "justify"; ``wrap=False`` keeps the text on
    one line (inline formatting only), cut with an ellipsis when it does not fit.

    Example::

        st.markdown("**Hello** :blue[world] :wave:")
    """
    return emit_element(
        {
            "type": "markdown",
            "body": clean_text(body),
            "allow_html": _check_html_and_wrap(unsafe_allow_html, wrap),
            "help": optional_str(help),
            "width": check_width("markdown", width),
            "text_alignment": check_text_alignment(text_alignment),
            "wrap": check_wrap(wrap),
        }
    )


def _check_html_and_wrap(unsafe_allow_html: Any, wrap: Any) -> bool:
    """One-line text is cut with an ellipsis, which raw HTML cannot be."""
    if unsafe_allow_html and wrap is False:
        raise StreamlitAPIException(
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together: one-line Markdown is cut "
            "with an ellipsis, which raw HTML cannot be. Pass `wrap=True` to show the HTML, or leave out "
            "`unsafe_allow_html` to cut the text."
        )
    return bool(unsafe_allow_html)


def caption(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Show small, muted Markdown text, for notes and footnotes.

    Example::

        st.caption("Data from 2024")
    """
    return emit_element(
        {
            "type": "caption",
            "body": clean_text(body),
            "allow_html": _check_html_and_wrap(unsafe_allow_html, wrap),
            "help": optional_str(help),
            "width": check_width("caption", width),
            "text_alignment": check_text_alignment(text_alignment),
            "wrap": check_wrap(wrap),
        }
    )


def _divider_color(fn: str, divider: Any) -> str | None:
    if divider is False or divider is None:
        return None
    if divider is True:
        ctx = get_run_context()
        index = 0
        if ctx is not None:
            index = ctx.divider_colors
            ctx.divider_colors += 1
        return _ROTATION[index % len(_ROTATION)]
    if divider in DIVIDER_COLORS:
        return "gray" if divider == "grey" else str(divider)
    raise StreamlitAPIException(
        f"st.{fn}: divider is {divider!r}; use True, False or one of {', '.join(DIVIDER_COLORS)}."
    )


def _heading(
    level: str,
    body: Any,
    anchor: Any,
    help: Any,
    icon: Any,
    divider: Any,
    width: Any,
    text_alignment: Any,
    wrap: Any,
) -> DeltaGenerator:
    if anchor is not None and anchor is not False and not isinstance(anchor, str):
        raise StreamlitAPIException(f"st.{level}: anchor must be a string or False, not {anchor!r}.")
    text = clean_text(body)
    icon_text = check_icon(level, icon)
    if icon_text:
        text = f"{icon_text} {text}"
    return emit_element(
        {
            "type": "heading",
            "level": level,
            "body": text,
            "anchor": anchor or None,
            "show_anchor": anchor is not False,
            "help": optional_str(help),
            "divider": _divider_color(level, divider),
            "width": check_width(level, width),
            "text_alignment": check_text_alignment(text_alignment),
            "wrap": check_wrap(wrap),
        }
    )


def title(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Show a title: the page's main heading, with a link anchor.

    Example::

        st.title("Sales dashboard")
    """
    return _heading("title", body, anchor, help, icon, False, width, text_alignment, wrap)


def header(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: bool | str = False,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Show a section header, optionally with a coloured divider under it.

    Example::

        st.header("Results", divider="blue")
    """
    return _heading("header", body, anchor, help, icon, divider, width, text_alignment, wrap)


def subheader(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: bool | str = False,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Show a subsection header, optionally with a coloured divider under it.

    Example::

        st.subheader("Details")
    """
    return _heading("subheader", body, anchor, help, icon, divider, width, text_alignment, wrap)


def text(
    body: Any,
    *,
    help: str | None = None,
    width: int | str = "content",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Show fixed, unformatted text (no Markdown).

    Example::

        st.text("Loaded 42 rows")
    """
    return emit_element(
        {
            "type": "text",
            "body": str(body),
            "help": optional_str(help),
            "width": check_width("text", width),
            "text_alignment": check_text_alignment(text_alignment),
            "wrap": check_wrap(wrap),
        }
    )


def code(
    body: Any,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: int | str | None = "content",
    width: int | str = "stretch",
) -> DeltaGenerator:
    """Show a block of code with syntax highlighting and a copy button.

    Example::

        st.code("print('hi')", language="python", line_numbers=True)
    """
    if height in ("content", "stretch", None):
        pixel_height = None
    elif isinstance(height, int) and not isinstance(height, bool) and height > 0:
        pixel_height = height
    else:
        raise StreamlitAPIException(
            f"st.code: height must be 'content' or a positive number of pixels, not {height!r}."
        )
    return emit_element(
        {
            "type": "code",
            "body": str(body),
            "language": language or None,
            "line_numbers": bool(line_numbers),
            "wrap_lines": bool(wrap_lines),
            "height": pixel_height,
            "width": check_width("code", width),
        }
    )


def divider(*, width: int | str = "stretch") -> DeltaGenerator:
    """Show a horizontal rule.

    Example::

        st.divider()
    """
    return emit_element({"type": "divider", "width": check_width("divider", width, allow_content=False)})


def json(body: Any, *, expanded: bool | int = True, width: int | str = "stretch") -> DeltaGenerator:
    """Show an object or a JSON string as a pretty, collapsible tree.

    ``expanded`` is True, False, or the number of levels to open.

    Example::

        st.json({"a": [1, 2], "b": {"c": None}}, expanded=1)
    """
    if isinstance(expanded, bool) or (isinstance(expanded, int) and expanded >= 0):
        pass
    else:
        raise StreamlitAPIException(f"st.json: expanded must be a bool or a non-negative int, not {expanded!r}.")
    if isinstance(body, str):
        try:
            _json.loads(body)
            text_body = body
        except ValueError as exc:
            raise StreamlitAPIException(f"st.json: the string is not valid JSON ({exc}).") from None
    else:
        text_body = _json.dumps(_plain(body), default=repr)
    return emit_element({"type": "json", "body": text_body, "expanded": expanded, "width": check_width("json", width)})


def _plain(value: Any) -> Any:
    """Containers JSON cannot take directly (tuples of pairs, mapping views, namedtuples)."""
    if hasattr(value, "_asdict"):
        return _plain(value._asdict())
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, dict) or (hasattr(value, "items") and hasattr(value, "keys")):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ in (
        "map",
        "enumerate",
        "dict_keys",
        "dict_values",
        "dict_items",
    ):
        return [_plain(v) for v in value]
    return value


def latex(body: Any, *, help: str | None = None, width: int | str = "stretch") -> DeltaGenerator:
    """Show a LaTeX formula (rendered with KaTeX). Sympy expressions are accepted too.

    Example::

        st.latex(r"e^{i\\pi} + 1 = 0")
    """
    if type(body).__module__.startswith("sympy"):
        import sympy

        body = sympy.latex(body)
    return emit_element(
        {"type": "latex", "body": clean_text(body), "help": optional_str(help), "width": check_width("latex", width)}
    )
