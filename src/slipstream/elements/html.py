"""HTML in the page (st.html) and documents in frames (st.iframe; components.v1's html and
iframe build the same frame element)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit, emit_element
from slipstream.elements._args import accessible_name, check_block_height, check_width
from slipstream.elements._sources import guess_mimetype, put_file
from slipstream.errors import StreamlitAPIException, StreamlitInvalidParameterTypeError, StreamlitValueError
from slipstream.protocol import ROOT_EVENT, IframeEl
from slipstream.runtime.placement import current_target, is_slot

# Outside the page flow: HTML that only holds styles takes no room (as in Streamlit).
_EVENTS = DeltaGenerator((ROOT_EVENT,))
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_STYLE_ONLY = re.compile(r"(?:\s*<style\b[^>]*>.*?</style\s*>)+\s*", re.DOTALL | re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_URL_PREFIXES = ("http://", "https://", "data:", "/")


def _html_text(body: Any) -> str:
    if isinstance(body, Path):
        try:
            text = body.read_text(encoding="utf-8")
        except OSError as exc:
            raise StreamlitAPIException(f"st.html: cannot read {str(body)!r}: {exc.strerror or exc}.") from None
        return f"<style>{text}</style>" if body.suffix.lower() == ".css" else text
    if isinstance(body, str):
        return body
    repr_html = getattr(body, "_repr_html_", None)
    if callable(repr_html):
        return str(repr_html())
    return "" if body is None else str(body)


def is_style_only(body: str) -> bool:
    """Whether ``body`` holds nothing but <style> blocks (and comments)."""
    return _STYLE_ONLY.fullmatch(_COMMENT.sub("", body)) is not None


def html(
    body: Any,
    *,
    width: int | str = "stretch",
    unsafe_allow_javascript: bool = False,
) -> DeltaGenerator:
    """Insert HTML into the app, not in a frame; scripts and event handlers are removed unless
    ``unsafe_allow_javascript`` is true.

    ``body``: HTML text, a ``pathlib.Path`` to an HTML or CSS file (CSS is put in a <style>), or
    any object (its ``_repr_html_()`` when it has one, else its ``str()``). HTML that holds only
    styles styles the page without taking room. ``width``: "stretch", "content" or pixels.
    Returns the element's placeholder.

    Example::

        st.html("<p style='color: teal'>Hello</p>")
        st.html(Path("theme.css"))
    """
    text = _html_text(body)
    if not text.strip():
        raise StreamlitAPIException("st.html: the `body` parameter is required and its HTML is empty.")
    element = {
        "type": "html",
        "body": text,
        "unsafe_allow_javascript": bool(unsafe_allow_javascript),
        "width": check_width("html", width),
    }
    if is_style_only(text) and not is_slot(current_target()):
        return DeltaGenerator(emit(element, target=_EVENTS), slot=True)
    return emit_element(element)


def check_tab_index(tab_index: Any) -> int | None:
    """``tab_index`` as Streamlit takes it: None, -1 or a non-negative int."""
    if tab_index is None:
        return None
    if not isinstance(tab_index, int) or isinstance(tab_index, bool):
        raise StreamlitInvalidParameterTypeError("tab_index", type(tab_index).__name__, ["int"])
    if tab_index < -1:
        raise StreamlitValueError("tab_index", ["None", "-1", "a non-negative integer"])
    return tab_index


def frame_element(
    *,
    src: str | None = None,
    srcdoc: str | None = None,
    width: int | str,
    height: int | str,
    scrolling: bool,
    tab_index: int | None,
    title: str,
) -> IframeEl:
    return {
        "type": "iframe",
        "src": src,
        "srcdoc": srcdoc,
        "width": width,
        "height": height,
        "scrolling": scrolling,
        "tab_index": check_tab_index(tab_index),
        "title": title,
    }


def iframe(
    src: str | os.PathLike[str],
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    tab_index: int | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    """Show a URL, an HTML document or a local file in a frame.

    ``src``: an absolute URL (http, https, data), a relative URL starting with "/", a
    ``pathlib.Path`` to a local file (HTML is embedded, other files are served), or HTML text.
    ``width``: "stretch", "content" or pixels. ``height``: "content" (the document's height;
    400 pixels for other origins), "stretch" or pixels. ``tab_index``: None, -1 or a position
    in the tab order. ``alt``: the frame's accessible name. Returns the element's placeholder.

    Example::

        st.iframe("https://example.com", height=300)
        st.iframe("<h1>Hello</h1>")
    """
    checked_width = check_width("iframe", width)
    checked_height = check_block_height(height)
    title = accessible_name("iframe", alt) or "st.iframe"
    url: str | None = None
    doc: str | None = None
    if isinstance(src, os.PathLike):
        path = Path(src)
        if path.suffix.lower() in _HTML_SUFFIXES:
            try:
                doc = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise StreamlitAPIException(f"st.iframe: cannot read {str(path)!r}: {exc.strerror or exc}.") from None
        else:
            url = put_file("iframe", path, guess_mimetype(path, "application/octet-stream"), "src")
    elif isinstance(src, str):
        if src.strip().startswith(_URL_PREFIXES) and "<" not in src:
            url = src.strip()
        else:
            doc = src
    else:
        raise StreamlitInvalidParameterTypeError("src", type(src).__name__, ["str", "Path"])
    element = frame_element(
        src=url,
        srcdoc=doc,
        width=checked_width,
        height=checked_height,
        scrolling=True,
        tab_index=tab_index,
        title=title,
    )
    return emit_element(dict(element))
