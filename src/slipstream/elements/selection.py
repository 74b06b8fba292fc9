"""Pick one option: st.selectbox and st.radio."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, is_int_value, optional_str
from slipstream.elements._icons import check_icon
from slipstream.errors import (
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from slipstream.protocol import FilterMode
from slipstream.runtime.bound_widgets import choice_codec
from slipstream.runtime.widgets import Key, register

FILTER_MODES = ("fuzzy", "contains", "prefix", None)
# The longest new option a browser may add (a typed value; a longer one is refused, not cut).
MAX_NEW_OPTION = 10_000


def check_filter_mode(filter_mode: Any, accept_new_options: Any) -> FilterMode:
    """``filter_mode`` as Streamlit takes it: None turns typing off, which new options need."""
    if not isinstance(filter_mode, (str, type(None))) or filter_mode not in FILTER_MODES:
        raise StreamlitValueError("filter_mode", ["fuzzy", "contains", "prefix", "None"])
    if filter_mode is None and accept_new_options:
        raise StreamlitIncompatibleParametersError(
            "filter_mode=None",
            "accept_new_options=True",
            explanation="`filter_mode` cannot be `None` when `accept_new_options=True`. "
            "Set `filter_mode` to `fuzzy`, `contains`, or `prefix`.",
        )
    return cast(FilterMode, filter_mode)


def select_placeholder(placeholder: Any, has_options: bool, accept_new: bool, *, many: bool) -> tuple[str, bool]:
    """The text an empty select field shows, and whether the field is shut for having nothing to
    offer (no options and no new ones): Streamlit's wording for each case."""
    if placeholder is not None and str(placeholder) != "":
        return str(placeholder), False
    if placeholder is not None:  # "" asks for an empty field
        return "", False
    if not has_options:
        if accept_new:
            return ("Add options" if many else "Add an option"), False
        return "No options to select", True
    if accept_new:
        return ("Choose or add options" if many else "Choose or add an option"), False
    return ("Choose options" if many else "Choose an option"), False


def label_of(format_func: Callable[[Any], Any], value: Any) -> str:
    """The text a value that is not an option shows as: a typed new option as it was typed, else
    its ``format_func`` text (or ``str(value)`` when format_func cannot take it)."""
    if isinstance(value, str):
        return value
    try:
        return str(format_func(value))
    except Exception:
        return str(value)


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
    bind: Any,
    persist_state: Any,
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
        bind=bind,
        persist_state=persist_state,
        url=choice_codec(opts, labels, clearable=index is None),
        fn=fn,
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
    filter_mode: FilterMode = "fuzzy",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """Show a searchable drop-down list; return the chosen option (None when nothing is chosen).

    ``format_func`` turns each option into the text shown; typing filters the options
    (``filter_mode``: "fuzzy", "contains", "prefix", or None for no typing). ``index=None``
    starts empty. With ``accept_new_options`` the user may type a value that is not an option: it
    comes back as a string (or as the option whose text it is). ``required`` keeps a chosen value
    from being cleared, and blocks a form's submit while nothing is chosen. ``icon`` (an emoji, a
    ``:material/name:`` icon or "spinner") shows at the field's left.

    Example::

        color = st.selectbox("Colour", ["red", "green", "blue"], index=None, accept_new_options=True)
    """
    fn = "selectbox"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    opts = options_list(fn, options)
    if index is not None:
        if not is_int_value(index):
            raise StreamlitInvalidParameterTypeError("index", type(index).__name__, ["int", "None"])
        index = int(index)
        if opts and not 0 <= index < len(opts):
            raise StreamlitValueOutOfRangeError("index", index, 0, len(opts) - 1)
    mode = check_filter_mode(filter_mode, accept_new_options)
    if icon is not None and not isinstance(icon, str):
        raise StreamlitInvalidParameterTypeError("icon", type(icon).__name__, ["str", "None"])
    icon_text = check_icon(fn, icon, spinner=True)
    new_ok = bool(accept_new_options)
    labels = [str(format_func(o)) for o in opts]
    by_label = {text: i for i, text in enumerate(labels)}  # the last of equal labels, as Streamlit
    default = opts[index] if opts and index is not None else None

    def from_browser(raw: Any) -> Any:
        if raw is None:
            return default
        if is_int_value(raw) and 0 <= raw < len(opts):
            return opts[raw]
        if isinstance(raw, str) and len(raw) <= MAX_NEW_OPTION:
            if raw in by_label:
                return opts[by_label[raw]]
            if new_ok:
                return raw
        raise ValueError(f"{raw!r} is neither one of the {len(opts)} options nor a new option this selectbox takes")

    def shown(v: Any) -> dict[str, Any]:
        found = None if v is None else index_of(opts, v)
        return {"index": found, "new_value": None if v is None or found is not None else label_of(format_func, v)}

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "options": labels,
            "index": index,
            "help": help,
            "placeholder": placeholder,
            "accept_new_options": new_ok,
            "filter_mode": mode,
            "required": bool(required),
            "icon": icon_text,
        },
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: v is None or new_ok or index_of(opts, v) is not None,
        value_given=index != 0,
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=choice_codec(opts, labels, clearable=index is None, new_ok=new_ok),
        fn=fn,
    )
    place, shut = select_placeholder(placeholder, bool(opts), new_ok, many=False)
    emit_element(
        {
            "type": "selectbox",
            "id": wid,
            "label": str(label),
            "options": labels,
            **shown(current),
            "placeholder": place,
            "accept_new_options": new_ok,
            "filter_mode": mode,
            "required": bool(required),
            # Streamlit lets a user clear a selectbox that can start empty: index=None, or a
            # value of None set through session_state.
            "clearable": (index is None or current is None) and not required,
            "icon": icon_text,
            "help": optional_str(help),
            "disabled": bool(disabled) or shut,
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
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
        "radio",
        label,
        options,
        index,
        format_func,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        bind,
        persist_state,
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
