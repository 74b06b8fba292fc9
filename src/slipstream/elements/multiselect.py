"""st.multiselect: choose any number of options."""

from __future__ import annotations

from collections.abc import Callable
from numbers import Integral
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, is_int_value, optional_str
from slipstream.elements.selection import (
    MAX_NEW_OPTION,
    check_filter_mode,
    index_of,
    label_of,
    options_list,
    select_placeholder,
)
from slipstream.errors import (
    StreamlitDefaultNotInOptionsError,
    StreamlitInvalidParameterTypeError,
    StreamlitSelectionCountExceedsMaxError,
    StreamlitValueError,
)
from slipstream.protocol import FilterMode
from slipstream.runtime.bound_widgets import choices_codec
from slipstream.runtime.widgets import Key, register

# select_all=True: "Select all" whenever two or more options are left to choose.
SELECT_ALL_ALWAYS = -1
_SELECT_ALL_MAX = 2**31 - 1


def check_select_all(select_all: Any) -> int:
    """``select_all`` as the browser takes it: the most options "Select all" is offered for
    (-1 for any number, 0 for never)."""
    if isinstance(select_all, bool):
        return SELECT_ALL_ALWAYS if select_all else 0
    if isinstance(select_all, int):
        if select_all < 0:
            raise StreamlitValueError(
                "select_all",
                ["True", "False", "a non-negative integer"],
                detail="When using an int, `select_all` must be a non-negative integer.",
            )
        return min(select_all, _SELECT_ALL_MAX)
    raise StreamlitInvalidParameterTypeError("select_all", type(select_all).__name__, ["bool", "int"])


def multiselect(
    label: str,
    options: Any,
    default: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    filter_mode: FilterMode = "fuzzy",
    select_all: bool | int = 1000,
    width: int | str = "stretch",
    wrap: bool | None = None,
    bind: Any = None,
    persist_state: Any = None,
) -> list[Any]:
    """Show a searchable multi-choice box; return the chosen options as a list.

    Typing filters the options (``filter_mode``: "fuzzy", "contains", "prefix", or None for no
    typing). ``max_selections`` limits how many can be chosen; with ``accept_new_options`` the user
    may type values that are not options (they come back as strings). ``select_all`` offers
    "Select all" for up to that many options (True: always, False: never); ``wrap`` lets the chosen
    chips wrap onto more rows (True), keeps them on one scrolling row (False), or picks by layout
    (None).

    Example::

        toppings = st.multiselect("Toppings", ["cheese", "ham", "olives"], default=["cheese"])
    """
    fn = "multiselect"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    if max_selections is not None:
        if isinstance(max_selections, bool) or not isinstance(max_selections, Integral) or max_selections < 1:
            zero = isinstance(max_selections, Integral) and not isinstance(max_selections, bool) and max_selections == 0
            raise StreamlitValueError(
                "max_selections",
                ["a positive integer"],
                detail="To disable `st.multiselect`, use `disabled=True`." if zero else None,
            )
        max_selections = int(max_selections)
    opts = options_list(fn, options)
    labels = [str(format_func(o)) for o in opts]
    if default is None:
        chosen: list[Any] = []
    elif isinstance(default, (list, tuple, set)) or hasattr(default, "tolist"):
        chosen = list(default.tolist() if hasattr(default, "tolist") else default)
    else:
        chosen = [default]
    for value in chosen:
        if index_of(opts, value) is None:
            raise StreamlitDefaultNotInOptionsError(value)
    mode = check_filter_mode(filter_mode, accept_new_options)
    bulk = check_select_all(select_all)
    if wrap is not None and not isinstance(wrap, bool):
        raise StreamlitInvalidParameterTypeError("wrap", type(wrap).__name__, ["bool", "None"])
    new_ok = bool(accept_new_options)

    def fits(values: Any) -> bool:
        if not isinstance(values, list):
            return False
        return all(new_ok or index_of(opts, v) is not None for v in values)

    def from_browser(raw: Any) -> list[Any]:
        if not isinstance(raw, list):
            raise ValueError("expected a list of option indices")
        values: list[Any] = []
        for item in raw:
            if is_int_value(item) and 0 <= item < len(opts):
                values.append(opts[item])
            elif isinstance(item, str) and item in labels:  # the first of equal labels, as Streamlit
                values.append(opts[labels.index(item)])
            elif isinstance(item, str) and new_ok and len(item) <= MAX_NEW_OPTION:
                values.append(item)
            else:
                raise ValueError(f"{item!r} is not one of the {len(opts)} options")
        if max_selections is not None and len(values) > max_selections:
            raise ValueError(f"more than max_selections={max_selections} options")
        return values

    def shown(v: Any) -> dict[str, Any]:
        value: list[int | str] = []
        for x in v:
            i = index_of(opts, x)
            value.append(label_of(format_func, x) if i is None else i)
        return {"value": value}

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "options": labels,
            "default": [index_of(opts, v) for v in chosen],
            "help": help,
            "max_selections": max_selections,
            "placeholder": placeholder,
            "accept_new_options": new_ok,
            "filter_mode": mode,
            "select_all": bulk,
        },
        default=chosen,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=fits,
        value_given=default is not None,
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=choices_codec(opts, labels, max_count=max_selections, new_ok=new_ok),
    )
    current = list(current)
    if max_selections is not None and len(current) > max_selections:
        raise StreamlitSelectionCountExceedsMaxError(len(current), max_selections)
    place, shut = select_placeholder(placeholder, bool(opts), new_ok, many=True)
    emit_element(
        {
            "type": "multiselect",
            "id": wid,
            "label": text,
            "options": labels,
            **shown(current),
            "max_selections": max_selections,
            "accept_new_options": new_ok,
            "filter_mode": mode,
            "select_all": bulk,
            "wrap": wrap,
            "placeholder": place,
            "help": optional_str(help),
            "disabled": bool(disabled) or shut,
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return current
