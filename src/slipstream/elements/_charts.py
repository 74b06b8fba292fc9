"""What the chart builders share: large specs by blob, selection arguments, selection state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, NoReturn

from slipstream import browser_json
from slipstream.errors import StreamlitAPIException

log = logging.getLogger("slipstream")

# A spec larger than this travels over HTTP by content hash (cached by the browser) instead of
# inside the websocket element; an unchanged spec keeps its URL, so a rerun still sends a keep.
INLINE_SPEC_MAX_BYTES = 64 * 1024
# The largest selection a browser may send (the websocket message limit is 1 MiB).
MAX_SELECTION_CHARS = 1 << 20

_READ_ONLY = (
    "A chart's selection state is read-only: it changes only when the user selects in the chart. "
    "Read it, or copy it with dict(...) to change the copy."
)


class SelectionState(dict[str, Any]):
    """A read-only dict whose keys are also attributes (``event.selection.points``)."""

    def __getitem__(self, key: str) -> Any:
        item = super().__getitem__(key)
        return SelectionState(item) if isinstance(item, dict) and not isinstance(item, SelectionState) else item

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {key!r}") from None

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError(_READ_ONLY)

    __setattr__ = __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse


def emit_selectable(
    kind: str,
    element: dict[str, Any],
    *,
    key: Any,
    identity: dict[str, Any],
    default: Any,
    deserialize: Callable[[Any], Any],
    on_change: Callable[..., Any] | None,
    accept: Callable[[Any], bool],
    **fields: Any,
) -> Any:
    """Register a chart's selection widget, send the element with the widget's id (and ``fields``),
    and return the selection for this run."""
    from slipstream.delta_generator import emit_element
    from slipstream.runtime.widgets import register

    wid, value = register(
        kind, key=key, identity=identity, default=default, deserialize=deserialize, on_change=on_change, accept=accept
    )
    emit_element({**element, "id": wid, **fields})
    return value


def spec_payload(spec: str) -> tuple[str | None, str | None]:
    """``(spec, None)`` for a small JSON spec, ``(None, url)`` for a large one (a blob)."""
    data = spec.encode()
    if len(data) <= INLINE_SPEC_MAX_BYTES:
        return spec, None
    from slipstream.runtime.blobs import current_blobs

    return None, current_blobs().put(data, "application/json", ".json")


def check_on_select(fn: str, on_select: Any) -> Callable[..., Any] | None:
    """The selection callback, or None; refuse anything but "ignore", "rerun" or a function."""
    if callable(on_select):
        return on_select  # type: ignore[no-any-return]
    if on_select in ("ignore", "rerun"):
        return None
    raise StreamlitAPIException(
        f'st.{fn}: on_select is {on_select!r}; give "ignore", "rerun" or a function to call when the user selects.'
    )


def check_height(fn: str, height: Any, *, allow: tuple[str, ...]) -> int | str:
    if isinstance(height, str) and height in allow:
        return height
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    choices = "".join(f'"{a}", ' for a in allow)
    raise StreamlitAPIException(f"st.{fn}: height must be {choices}or a positive number of pixels, not {height!r}.")


def parse_browser_json(raw: Any) -> Any:
    """A selection the browser sent as a JSON string, decoded; ValueError when it is not."""
    if not isinstance(raw, str) or len(raw) > MAX_SELECTION_CHARS:
        raise ValueError("a selection is sent as a JSON string of at most 1 MiB")
    try:
        return browser_json.loads(raw)
    except browser_json.BrowserJSONError as exc:
        raise ValueError(f"the selection is not JSON: {exc}") from None


def list_of(value: Any, item_type: type, what: str) -> list[Any]:
    """``value`` when it is a list of ``item_type`` (bools are not ints); ValueError otherwise."""
    if not isinstance(value, list) or any(isinstance(v, bool) or not isinstance(v, item_type) for v in value):
        raise ValueError(f"{what} must be a list of {item_type.__name__}")
    return value
