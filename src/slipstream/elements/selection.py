"""Pick one option: st.selectbox and st.radio."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key, register


def options_list(fn: str, options: Any) -> list[Any]:
    """Options as a list, from any iterable (lists, tuples, dict keys, pandas Series/DataFrames...)."""
    if options is None:
        return []
    if hasattr(options, "columns") and hasattr(options, "iloc"):  # a DataFrame: its first column
        options = options.iloc[:, 0]
    if hasattr(options, "tolist"):
        return list(options.tolist())
    if isinstance(options, (str, bytes)) or not isinstance(options, Iterable):
        raise StreamlitAPIException(
            f"st.{fn}: options must be a list or another iterable, not {type(options).__name__}."
        )
    return list(options)


def index_of(options: Sequence[Any], value: Any) -> int | None:
    for i, option in enumerate(options):
        try:
            if option == value:
                return i
        except Exception:
            continue
    return None


def _single_choice(
    fn: str,
    label: str,
    options: Any,
    index: int | None,
    format_func: Callable[[Any], Any],
    key: Key,
    help: str | None,
    on_change: Callable[..., Any] | None,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
) -> tuple[str, Any, list[str], dict[str, Any], str]:
    """Register a one-choice widget; return its id, value, option labels, the element fields
    showing the value, and the label visibility."""
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    opts = options_list(fn, options)
    if index is not None:
        if not isinstance(index, int) or isinstance(index, bool):
            raise StreamlitAPIException(f"st.{fn}: index must be an int or None, not {type(index).__name__}.")
        if opts and not 0 <= index < len(opts):
            raise StreamlitAPIException(
                f"st.{fn}: index {index} is out of range; it must be at least 0 and less than the {len(opts)} options."
            )
    labels = [str(format_func(o)) for o in opts]
    default = opts[index] if opts and index is not None else None

    def from_browser(raw: Any) -> Any:
        if raw is None:
            return None
        if not isinstance(raw, int) or isinstance(raw, bool) or not 0 <= raw < len(opts):
            raise ValueError(f"option index {raw!r} is not among the {len(opts)} options")
        return opts[raw]

    def shown(v: Any) -> dict[str, Any]:
        return {"index": None if v is None else index_of(opts, v)}

    wid, current = register(
        fn,
        key=key,
        identity={"label": text, "options": labels, "index": index, "help": help},
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: v is None or index_of(opts, v) is not None,
        value_given=index != 0,
        shown=shown,
    )
    return wid, current, labels, shown(current), visibility


def selectbox(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    accept_new_options: bool = False,
    filter_mode: Any = "fuzzy",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """Show a drop-down list; return the chosen option (None when nothing is chosen).

    ``format_func`` turns each option into the text shown. ``index=None`` starts empty.

    Example::

        color = st.selectbox("Colour", ["red", "green", "blue"])
    """
    wid, current, labels, shown_index, visibility = _single_choice(
        "selectbox", label, options, index, format_func, key, help, on_change, args, kwargs, disabled, label_visibility
    )
    emit_element(
        {
            "type": "selectbox",
            "id": wid,
            "label": str(label),
            "options": labels,
            **shown_index,
            "placeholder": placeholder
            if placeholder is not None
            else ("Choose an option" if labels else "No options to select"),
            "help": optional_str(help),
            "disabled": bool(disabled) or not labels,
            "label_visibility": visibility,
            "width": check_width("selectbox", width, allow_content=False),
        }
    )
    return current


def radio(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: str = "visible",
    width: int | str = "content",
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """Show radio buttons; return the chosen option (None when ``index=None`` and none chosen).

    ``captions`` adds a line of Markdown under each option.

    Example::

        genre = st.radio("Genre", ["Comedy", "Drama"], horizontal=True)
    """
    wid, current, labels, shown_index, visibility = _single_choice(
        "radio", label, options, index, format_func, key, help, on_change, args, kwargs, disabled, label_visibility
    )
    caption_list = [str(c) for c in captions] if captions is not None else []
    if caption_list and len(caption_list) != len(labels):
        raise StreamlitAPIException(
            f"st.radio: there are {len(caption_list)} captions for {len(labels)} options; give one per option."
        )
    emit_element(
        {
            "type": "radio",
            "id": wid,
            "label": str(label),
            "options": labels,
            **shown_index,
            "horizontal": bool(horizontal),
            "captions": caption_list,
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width("radio", width),
        }
    )
    return current
