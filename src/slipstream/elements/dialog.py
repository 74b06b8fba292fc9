"""st.dialog: a modal fragment, drawn over the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from slipstream.elements._icons import check_icon
from slipstream.elements.button import trigger_from_browser
from slipstream.elements.fragment import make_fragment
from slipstream.errors import StreamlitAPIException
from slipstream.protocol import ROOT_DIALOG
from slipstream.runtime.context import RunContext
from slipstream.runtime.placement import DeltaGenerator, emit
from slipstream.runtime.widgets import register

F = TypeVar("F", bound=Callable[..., Any])

WIDTHS = ("small", "medium", "large")
POSITIONS = ("left", "center", "right")
_OPENING = DeltaGenerator((ROOT_DIALOG, 0), slot=True)


def dialog(
    title: str,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: str | Callable[..., Any] = "ignore",
) -> Callable[[F], F]:
    """Make a function open a modal dialog: what it writes shows in the dialog, and a widget
    inside it reruns only the function (a dialog is a fragment).

    ``title`` (Markdown) heads it; ``width`` is "small" (500 px), "medium" (750), "large" (1280)
    or pixels; ``position`` "left" or "right" makes it a resizable side drawer. A dismissible
    dialog closes with Escape, a click outside or its close button, then does what
    ``on_dismiss`` says: "ignore", "rerun" the app, or call a function and rerun. It closes too
    when a run no longer calls the function (``st.rerun()`` from inside it). One dialog at a time.

    Example::

        @st.dialog("Sign up")
        def sign_up():
            if st.button("Done"):
                st.rerun()
    """
    if not isinstance(title, str) or not title.strip():
        raise StreamlitAPIException(
            'st.dialog: the `title` parameter is required and cannot be empty, for example @st.dialog("Settings").'
        )

    def decorate(function: F) -> F:
        def open_dialog(ctx: RunContext) -> dict[str, Any]:
            _check_open(ctx)
            if not ctx.full_run:
                # Opened by a run of a fragment: the dialog it replaces leaves no children behind.
                emit({"type": "empty"}, target=_OPENING)
            return {
                "type": "dialog",
                "id": _dismiss_widget(ctx, title, on_dismiss),
                "title": title.strip(),
                "icon": check_icon("dialog", icon),
                "width": _check_width(width),
                "position": _check_choice("position", position, POSITIONS),
                "dismissible": bool(dismissible),
                "opened": ctx.run,
            }

        return make_fragment(function, "dialog", element=open_dialog, target=_OPENING)

    return decorate


def _dismiss_widget(ctx: RunContext, title: str, on_dismiss: Any) -> str | None:
    """The trigger a dismissal sends when it reruns the app (None: it stays in the browser)."""
    if on_dismiss == "ignore":
        return None
    if on_dismiss != "rerun" and not callable(on_dismiss):
        raise StreamlitAPIException(
            f"st.dialog: on_dismiss is {on_dismiss!r}; give 'ignore', 'rerun' or a function to call."
        )
    outer, ctx.fragment = ctx.fragment, None  # a dismissal reruns the whole app
    try:
        return _register_dismiss(title, on_dismiss)
    finally:
        ctx.fragment = outer


def _register_dismiss(title: str, on_dismiss: Any) -> str:
    widget_id, _ = register(
        "dialog",
        key=None,
        identity={"title": title},
        default=False,
        deserialize=trigger_from_browser,
        on_change=on_dismiss if callable(on_dismiss) else None,
        trigger=True,
    )
    return widget_id


def _check_width(width: Any) -> str | int:
    if width in WIDTHS or (isinstance(width, int) and not isinstance(width, bool) and width > 0):
        return width  # type: ignore[no-any-return]
    raise StreamlitAPIException(
        f"st.dialog: width is {width!r}; give 'small', 'medium', 'large' or a positive number of pixels."
    )


def _check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if value in choices:
        return value  # type: ignore[no-any-return]
    raise StreamlitAPIException(f"st.dialog: {name} is {value!r}; give one of {', '.join(map(repr, choices))}.")


def _check_open(ctx: RunContext) -> None:
    if ctx.parallel:
        raise StreamlitAPIException(
            "st.dialog cannot open from a fragment running with parallel=True during a run of the app. "
            "Open it from the script, or from a fragment without parallel=True."
        )
    if ctx.fragment is not None and ctx.fragment.kind == "dialog":
        raise StreamlitAPIException("st.dialog: dialogs may not be nested inside other dialogs.")
    if ctx.dialog_shown:
        raise StreamlitAPIException(
            "st.dialog: only one dialog can be open at a time. Call a function decorated with @st.dialog at "
            "most once per run."
        )
    ctx.dialog_shown = True
