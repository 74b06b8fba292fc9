"""Documents: st.pdf, shown by the browser's own PDF viewer from a blob (no extra package)."""

from __future__ import annotations

import os
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._sources import put_blob, put_file, read_buffer
from slipstream.elements.image import normalize_alt
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key, user_key


def _check_height(height: Any) -> int | str:
    if height == "stretch":
        return "stretch"
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    raise StreamlitAPIException(f'st.pdf: height must be "stretch" or a positive number of pixels, not {height!r}.')


def pdf(
    data: Any,
    *,
    height: int | str = 500,
    key: Key = None,
    alt: str | None = None,
) -> DeltaGenerator:
    """Show a PDF document in a viewer.

    ``data``: a URL (http or https), a file path, bytes or a file-like object. ``height``: the
    viewer's height in pixels, or "stretch". ``key``: names the viewer for the page's CSS (its
    ``st-key-<key>`` class). ``alt``: a description for screen readers. Returns the element's
    placeholder.

    Example::

        st.pdf("report.pdf", height=600)
    """
    if data is None:
        raise StreamlitAPIException("st.pdf: data is None. Give it a file path, a URL, bytes or a file-like object.")
    checked_height = _check_height(height)
    if isinstance(data, (str, os.PathLike)):
        text = os.fspath(data).strip()
        if text.startswith(("http://", "https://")) and not os.path.isfile(text):
            url = text
        else:
            url = put_file("pdf", text, "application/pdf")
    else:
        payload = read_buffer(data)
        if payload is None:
            raise StreamlitAPIException(
                f"st.pdf: cannot show a {type(data).__name__}. Give it a file path, a URL, bytes or a file-like object."
            )
        url = put_blob(payload, "application/pdf")
    alt_text = normalize_alt("pdf", alt) or None
    element: dict[str, Any] = {"type": "pdf", "url": url, "height": checked_height, "alt": alt_text}
    ukey = user_key(key)
    return emit_element(element if ukey is None else {**element, "key": ukey})
