"""st.select_slider: a slider over any options."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.elements.selection import index_of, options_list
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.bound_widgets import UrlCodec
from slipstream.runtime.widgets import Key, register


def select_slider(
    label: str,
    options: Any = (),
    value: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """A slider whose stops are ``options`` (of any type). Returns the chosen option, or a
    (low, high) tuple when ``value`` is a pair.

    Example::

        size = st.select_slider("Size", ["S", "M", "L", "XL"], value="M")
        low, high = st.select_slider("Range", range(10), value=(2, 7))
    """
    fn = "select_slider"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    opts = options_list(fn, options)
    if not opts:
        raise StreamlitAPIException("st.select_slider needs at least one option.")
    is_range = isinstance(value, (list, tuple))
    wanted: Sequence[Any] = list(value) if is_range else ([opts[0]] if value is None else [value])
    if is_range and len(wanted) != 2:
        raise StreamlitAPIException(f"st.select_slider: a range value needs two options, got {len(wanted)}.")
    positions: list[int] = []
    for item in wanted:
        position = index_of(opts, item)
        if position is None:
            raise StreamlitAPIException(f"st.select_slider: the value {item!r} is not one of the options.")
        positions.append(position)
    positions.sort()

    def to_python(ps: list[int]) -> Any:
        return tuple(opts[p] for p in ps) if is_range else opts[ps[0]]

    def positions_of(v: Any) -> list[int] | None:
        items = list(v) if is_range and isinstance(v, (list, tuple)) else [v]
        found = [index_of(opts, item) for item in items]
        if len(found) != len(positions) or any(p is None for p in found):
            return None
        return sorted(p for p in found if p is not None)

    def from_browser(raw: Any) -> Any:
        if (
            not isinstance(raw, list)
            or len(raw) != len(positions)
            or not all(isinstance(p, int) and not isinstance(p, bool) and 0 <= p < len(opts) for p in raw)
        ):
            raise ValueError(f"expected {len(positions)} option index(es) below {len(opts)}")
        return to_python(sorted(raw))

    labels = [str(format_func(o)) for o in opts]

    def shown(v: Any) -> dict[str, Any]:
        return {"value": positions_of(v) or positions}

    def url_encode(v: Any) -> list[str]:
        return [labels[p] for p in positions_of(v) or positions]

    def url_decode(values: list[str]) -> Any:
        return from_browser([labels.index(v) for v in values if v != ""])

    wid, current = register(
        fn,
        key=key,
        identity={"label": text, "options": labels, "value": positions, "help": help},
        default=to_python(positions),
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: positions_of(v) is not None,
        value_given=value is not None,
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=UrlCodec(url_encode, url_decode),
    )
    element_value = shown(current)
    emit_element(
        {
            "type": "select_slider",
            "id": wid,
            "label": text,
            "options": labels,
            **element_value,
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return to_python(element_value["value"])
