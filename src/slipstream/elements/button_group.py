"""Rows of toggle buttons: st.pills, st.segmented_control and st.feedback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import (
    check_label,
    check_label_visibility,
    check_optional_wrap,
    check_width,
    optional_str,
)
from slipstream.elements.selection import index_of, options_list
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.bound_widgets import UrlCodec, choice_codec, choices_codec
from slipstream.runtime.widgets import Key, register

# The options st.feedback shows, low to high; its value is the index.
FEEDBACK_OPTIONS = {
    "thumbs": ["thumbs down", "thumbs up"],
    "faces": ["very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"],
    "stars": ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"],
}


def _group_codec(opts: list[Any], labels: list[str], *, multi: bool, required: bool) -> UrlCodec:
    """Chosen options in the URL: the key once for each (an empty value: none chosen)."""
    if multi:
        return choices_codec(opts, labels)
    return choice_codec(opts, labels, clearable=not required)


def _group(
    fn: str,
    style: str,
    label: str,
    opts: list[Any],
    labels: list[str],
    multi: bool,
    default: Any,
    required: bool,
    key: Key,
    help: str | None,
    on_change: Callable[..., Any] | None,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
    width: Any,
    wrap: bool | None = None,
    *,
    bind: Any = None,
    persist_state: Any = None,
    url_labels: list[str] | None = None,
) -> Any:
    """Register and show a button group; return the chosen option (or None), or the list of
    chosen options when ``multi``. Session state holds the same. ``url_labels``: the options as
    the URL names them, when not by their labels."""
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)

    def positions(value: Any) -> list[int] | None:
        """The indices of the options ``value`` names, or None when it names something else."""
        if multi:
            items = list(value) if isinstance(value, (list, tuple, set)) else None
        else:
            items = [] if value is None else [value]
        if items is None:
            return None
        found = [index_of(opts, item) for item in items]
        return None if None in found else [i for i in found if i is not None]

    def to_python(indices: list[int]) -> Any:
        if multi:
            return [opts[i] for i in indices]
        return opts[indices[0]] if indices else None

    wanted: Any = default
    if multi and default is not None and not isinstance(default, (list, tuple, set)):
        wanted = [default]
    chosen = positions([] if multi and default is None else wanted)
    if chosen is None:
        raise StreamlitAPIException(f"st.{fn}: the default {default!r} is not one of the options.")

    def from_browser(raw: Any) -> Any:
        if not isinstance(raw, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(opts) for i in raw
        ):
            raise ValueError(f"expected a list of option indices below {len(opts)}")
        if not multi and len(raw) > 1:
            raise ValueError("a single-choice group takes at most one option")
        if required and not raw:
            raise ValueError("an option is required")
        return to_python(sorted(set(raw)) if multi else list(raw))

    def shown(value: Any) -> dict[str, Any]:
        return {"value": positions(value) or []}

    wid, current = register(
        fn,
        key=key,
        identity={"label": text, "style": style, "options": labels, "multi": multi, "default": chosen, "help": help},
        default=to_python(chosen),
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: positions(v) is not None,
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=_group_codec(opts, url_labels or labels, multi=multi, required=required),
        fn=fn,
    )
    emit_element(
        {
            "type": "button_group",
            "id": wid,
            "label": text,
            "style": style,
            "options": labels,
            **shown(current),
            "multi": multi,
            "required": bool(required),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width),
            "wrap": wrap,
        }
    )
    return list(current) if multi else current


def _choice_group(
    fn: str,
    style: str,
    label: str,
    options: Any,
    selection_mode: str,
    default: Any,
    required: bool,
    format_func: Callable[[Any], Any] | None,
    key: Key,
    help: str | None,
    on_change: Callable[..., Any] | None,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
    width: Any,
    wrap: Any,
    bind: Any,
    persist_state: Any,
) -> Any:
    if selection_mode not in ("single", "multi"):
        raise StreamlitAPIException(f"st.{fn}: selection_mode is {selection_mode!r}; use 'single' or 'multi'.")
    opts = options_list(fn, options)
    labels = [str((format_func or str)(o)) for o in opts]
    multi = selection_mode == "multi"
    return _group(
        fn,
        style,
        label,
        opts,
        labels,
        multi,
        default,
        required,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        check_optional_wrap(fn, wrap),
        bind=bind,
        persist_state=persist_state,
    )


def pills(
    label: str,
    options: Any,
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """Show options as pill buttons; return the chosen option (None when none), or a list of
    them with ``selection_mode="multi"``.

    Example::

        mood = st.pills("Mood", ["😀 happy", "😐 meh", "😢 sad"])
    """
    return _choice_group(
        "pills",
        "pills",
        label,
        options,
        selection_mode,
        default,
        required,
        format_func,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )


def segmented_control(
    label: str,
    options: Any,
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """Show options as a row of joined toggle buttons; return the chosen option (None when
    none), or a list of them with ``selection_mode="multi"``.

    Example::

        view = st.segmented_control("View", ["Day", "Week", "Month"], default="Week")
    """
    return _choice_group(
        "segmented_control",
        "segmented",
        label,
        options,
        selection_mode,
        default,
        required,
        format_func,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )


def feedback(
    options: str = "thumbs",
    *,
    key: Key = None,
    default: int | None = None,
    disabled: bool = False,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    width: int | str = "content",
    bind: Any = None,
    persist_state: Any = None,
) -> int | None:
    """Ask for a rating: thumbs (0 down, 1 up), faces (0 to 4) or stars (0 to 4, one star is 0).
    Returns the chosen index, or None.

    Example::

        stars = st.feedback("stars")
        if stars is not None:
            st.write(f"{stars + 1} stars, thanks!")
    """
    if options not in FEEDBACK_OPTIONS:
        raise StreamlitAPIException(f"st.feedback: options is {options!r}; use 'thumbs', 'faces' or 'stars'.")
    labels = FEEDBACK_OPTIONS[options]
    if default is not None and (not isinstance(default, int) or not 0 <= default < len(labels)):
        raise StreamlitAPIException(
            f"st.feedback: default must be an index from 0 to {len(labels) - 1}, not {default!r}."
        )
    rating: int | None = _group(
        "feedback",
        options,
        "",
        list(range(len(labels))),
        labels,
        False,
        default,
        False,
        key,
        None,
        on_change,
        args,
        kwargs,
        disabled,
        "collapsed",
        width,
        bind=bind,
        persist_state=persist_state,
        url_labels=[str(i) for i in range(len(labels))],
    )
    return rating
