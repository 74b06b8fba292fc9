"""Callout boxes: st.success, st.info, st.warning, st.error."""

from __future__ import annotations

from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width, clean_text
from slipstream.elements._icons import check_icon


def alert_element(kind: str, body: Any, icon: Any = None, width: Any = "stretch", title: Any = None) -> dict[str, Any]:
    return {
        "type": "alert",
        "kind": kind,
        "body": clean_text(body),
        "icon": check_icon(kind, icon),
        "title": None if title is None else clean_text(title),
        "width": check_width(kind, width, allow_content=False),
    }


def _alert(kind: str, body: Any, icon: Any, width: Any, title: Any) -> DeltaGenerator:
    return emit_element(alert_element(kind, body, icon, width, title))


def success(body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None) -> DeltaGenerator:
    """Show a green box with a success message (Markdown).

    Example::

        st.success("Saved!", icon="✅")
    """
    return _alert("success", body, icon, width, title)


def info(body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None) -> DeltaGenerator:
    """Show a blue box with an informational message (Markdown).

    Example::

        st.info("Tip: press R to rerun")
    """
    return _alert("info", body, icon, width, title)


def warning(body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None) -> DeltaGenerator:
    """Show a yellow box with a warning (Markdown).

    Example::

        st.warning("This takes a while")
    """
    return _alert("warning", body, icon, width, title)


def error(body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None) -> DeltaGenerator:
    """Show a red box with an error message (Markdown).

    Example::

        st.error("Could not load the file")
    """
    return _alert("error", body, icon, width, title)
