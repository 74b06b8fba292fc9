"""st.expander: a section that opens and closes, optionally tracked so the script knows which."""

from __future__ import annotations

from typing import Any

from slipstream.delta_generator import emit
from slipstream.elements._args import check_width, clean_text
from slipstream.elements._icons import check_icon
from slipstream.elements._tracked import OpenableContainer, open_from_browser, tracking
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.bound_widgets import bool_codec
from slipstream.runtime.widgets import Key, register, user_key

EXPANDER_TYPES = ("default", "compact", "step")


class ExpanderContainer(OpenableContainer):
    """The container st.expander returns (see OpenableContainer)."""

    __slots__ = ()



def expander(
    label: str,
    expanded: bool = False,
    *,
    key: Key = None,
    icon: str | None = None,
    type: str = "default",
    width: int | str = "stretch",
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: Any = None,
) -> ExpanderContainer:
    """A section that opens and closes, showing ``label`` while closed.

    ``type`` draws it as a bordered box ("default"), a bare inline toggle ("compact"), or a
    step of a timeline ("step"). With ``on_change="rerun"`` (or a callback) opening and closing
    reruns the script, ``st.session_state[key]`` holds whether it is open, and ``.open`` tells the
    script, so content can be computed only when it shows.

    Example::

        details = st.expander("Details", on_change="rerun")
        if details.open:
            details.write(expensive_summary())
    """
    if type not in EXPANDER_TYPES:
        raise StreamlitAPIException(
            f"Invalid `type` value. Supported values: 'default', 'compact', 'step'. Got {type!r}."
        )
    tracked, callback = tracking(on_change)
    tracked = tracked or bind is not None  # a bound expander tracks whether it is open
    text = clean_text(label)
    shown_icon = check_icon("expander", icon)
    shown_width = check_width("expander", width, allow_content=False)
    wid: str | None = None
    open_now = bool(expanded)
    if tracked:
        wid, current = register(
            "expander",
            key=key,
            identity={"label": text, "expanded": open_now, "icon": shown_icon, "type": type},
            default=open_now,
            deserialize=open_from_browser,
            on_change=callback,
            args=args,
            kwargs=kwargs,
            accept=lambda v: isinstance(v, bool),
            shown=lambda v: {"expanded": bool(v)},
            bind=bind,
            url=bool_codec(),
        )
        open_now = bool(current)
    path = emit(
        {
            "type": "expander",
            "id": wid,
            "key": user_key(key),
            "label": text,
            "expanded": open_now,
            "icon": shown_icon,
            "style": type,
            "width": shown_width,
        }
    )
    return ExpanderContainer(path, open=open_now if tracked else None)
