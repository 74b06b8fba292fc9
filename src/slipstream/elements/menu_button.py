"""st.menu_button: a button that opens a menu; picking an item reruns the script with it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_width, optional_str
from slipstream.elements._icons import check_icon
from slipstream.elements._shortcut import check_button_wrap
from slipstream.elements.button import check_button_type
from slipstream.elements.selection import options_list
from slipstream.runtime.widgets import Key, register


def menu_button(
    label: str,
    options: Any,
    *,
    key: Key = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    width: int | str = "content",
    format_func: Callable[[Any], Any] = str,
    wrap: bool | None = None,
) -> Any:
    """Show a button that opens a menu of ``options``. Returns the option picked, in the run the
    pick causes (``on_click`` is called first), and None in every other run; the button's label
    stays as it is. Closing the menu without picking does not rerun.

    Example::

        action = st.menu_button("Export", ["CSV", "JSON", "Parquet"], icon=":material/download:")
        if action:
            st.write(f"Exporting as {action}")
    """
    fn = "menu_button"
    check_button_type(fn, type)
    choices = options_list(fn, options)
    shown = [str(format_func(option)) for option in choices]
    text = check_label(fn, label)

    def from_browser(index: Any) -> Any:
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(choices):
            raise ValueError(f"expected an item position in [0, {len(choices) - 1}]")
        return copy.deepcopy(choices[index])  # the script gets a copy, never its own option object

    wid, picked = register(
        fn,
        key=key,
        identity={"label": text, "options": shown, "help": help, "type": type, "icon": icon},
        default=None,
        deserialize=from_browser,
        on_change=on_click,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    emit_element(
        {
            "type": "menu_button",
            "id": wid,
            "label": text,
            "options": shown,
            "kind": type,
            "icon": check_icon(fn, icon),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "width": check_width(fn, width),
            "wrap": check_button_wrap(wrap),
        }
    )
    return picked
