"""st.multiselect: choose any number of options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.elements.selection import index_of, options_list
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key, register


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
    filter_mode: Any = "fuzzy",
    select_all: Any = 1000,
    width: int | str = "stretch",
    wrap: bool | None = None,
    bind: Any = None,
    persist_state: Any = None,
) -> list[Any]:
    """Show a multi-choice box; return the chosen options as a list.

    ``max_selections`` limits how many can be chosen; with ``accept_new_options`` the user may
    type options that are not in the list (they come back as strings).

    Example::

        toppings = st.multiselect("Toppings", ["cheese", "ham", "olives"], default=["cheese"])
    """
    fn = "multiselect"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    opts = options_list(fn, options)
    if max_selections is not None and (not isinstance(max_selections, int) or max_selections < 1):
        raise StreamlitAPIException(f"st.multiselect: max_selections must be a positive int, not {max_selections!r}.")
    if default is None:
        chosen: list[Any] = []
    elif isinstance(default, (list, tuple, set)) or hasattr(default, "tolist"):
        chosen = list(default.tolist() if hasattr(default, "tolist") else default)
    else:
        chosen = [default]
    for value in chosen:
        if index_of(opts, value) is None and not (accept_new_options and isinstance(value, str)):
            raise StreamlitAPIException(
                f"st.multiselect: the default value {value!r} is not one of the options; "
                "every default must be an option."
            )
    if max_selections is not None and len(chosen) > max_selections:
        raise StreamlitAPIException(
            f"st.multiselect: {len(chosen)} default values are more than max_selections={max_selections}."
        )

    def fits(values: Any) -> bool:
        if not isinstance(values, list):
            return False
        if max_selections is not None and len(values) > max_selections:
            return False
        return all(index_of(opts, v) is not None or (accept_new_options and isinstance(v, str)) for v in values)

    def from_browser(raw: Any) -> list[Any]:
        if not isinstance(raw, list):
            raise ValueError("expected a list of option indices")
        values: list[Any] = []
        for item in raw:
            if isinstance(item, int) and not isinstance(item, bool) and 0 <= item < len(opts):
                values.append(opts[item])
            elif isinstance(item, str) and accept_new_options and len(item) <= 1000:
                values.append(item)
            else:
                raise ValueError(f"{item!r} is not one of the {len(opts)} options")
        if max_selections is not None and len(values) > max_selections:
            raise ValueError(f"more than max_selections={max_selections} options")
        return values

    labels = [str(format_func(o)) for o in opts]
    def shown(v: Any) -> dict[str, Any]:
        return {
            "value": [i for i in (index_of(opts, x) for x in v) if i is not None],
            "new_values": [x for x in v if index_of(opts, x) is None],
        }

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "options": labels,
            "default": [str(v) for v in chosen],
            "help": help,
            "max_selections": max_selections,
            "accept_new_options": accept_new_options,
        },
        default=chosen,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=fits,
        value_given=default is not None,
        shown=shown,
    )
    current = list(current)
    emit_element(
        {
            "type": "multiselect",
            "id": wid,
            "label": text,
            "options": labels,
            **shown(current),
            "max_selections": max_selections,
            "accept_new_options": bool(accept_new_options),
            "placeholder": placeholder
            if placeholder is not None
            else ("Choose options" if opts else "No options to select"),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return current
