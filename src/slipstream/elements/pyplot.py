"""Matplotlib figures: st.pyplot renders a figure to PNG on the server and shows it as an image."""

from __future__ import annotations

import io
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width
from slipstream.elements.image import (
    MAX_IMAGE_WIDTH,
    container_width_deprecation,
    image_element,
    image_url,
    normalize_alt,
    warn_once,
)
from slipstream.errors import StreamlitAPIException

_SAVEFIG_DEFAULTS: dict[str, Any] = {"bbox_inches": "tight", "dpi": 200, "format": "png"}


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise StreamlitAPIException(
            "st.pyplot needs matplotlib, which is not installed: run `pip install matplotlib`."
        ) from None


def pyplot(
    fig: Any,
    clear_figure: bool = False,
    *,
    width: int | str = "stretch",
    use_container_width: bool | None = None,
    alt: str | None = None,
    **kwargs: Any,
) -> DeltaGenerator:
    """Show a Matplotlib figure, rendered to PNG on the server.

    ``fig``: the figure (required: Matplotlib's global figure is not safe to share between
    sessions). ``clear_figure``: clear the figure after rendering it. ``width``: "stretch"
    (default), "content" or pixels. ``alt``: text for screen readers. Other keyword arguments go
    to ``fig.savefig`` (deprecated). Returns the element's placeholder.

    Example::

        fig, ax = plt.subplots()
        ax.plot([1, 2, 3], [1, 4, 9])
        st.pyplot(fig)
    """
    if fig is None:
        raise StreamlitAPIException(
            "st.pyplot: fig is required. Passing None (Matplotlib's global figure) is not supported because "
            "that figure is shared by every session. Pass a figure explicitly:\n\n"
            "```python\nfig, ax = plt.subplots()\nax.plot([1, 2, 3])\nst.pyplot(fig)\n```"
        )
    _require_matplotlib()
    if use_container_width is not None:
        container_width_deprecation("pyplot")
        width = "stretch" if use_container_width else "content"
    width = check_width("pyplot", width)
    if kwargs:
        from slipstream.elements.alerts import alert_element

        message = (
            "Passing Matplotlib `savefig` keyword arguments to `st.pyplot` is deprecated. It already uses "
            '`bbox_inches="tight"` and `dpi=200`; for other options, save the figure yourself '
            '(`fig.savefig(buf, format="png", ...)`) and show it with `st.image(buf)`.'
        )
        warn_once(message)
        emit_element(alert_element("warning", message))
    if not hasattr(fig, "savefig"):
        raise StreamlitAPIException(
            f"st.pyplot: fig must be a Matplotlib figure, not a {type(fig).__name__}. "
            "Create one with fig, ax = plt.subplots()."
        )
    buffer = io.BytesIO()
    fig.savefig(buffer, **{**_SAVEFIG_DEFAULTS, **kwargs})
    payload = buffer.getvalue()
    head = payload[:2048].lstrip()
    is_svg = head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head)
    max_width = min(width, MAX_IMAGE_WIDTH) if isinstance(width, int) else MAX_IMAGE_WIDTH
    url = image_url("pyplot", payload.decode() if is_svg else payload, output_format="PNG", max_width=max_width)
    if clear_figure:
        fig.clf()
    return emit_element(image_element([url], [None], [normalize_alt("pyplot", alt)], width, None))
