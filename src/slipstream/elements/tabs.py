"""st.tabs: one container per label, optionally tracked so the script knows which one shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements._args import check_block_height, check_width
from slipstream.elements._tracked import OpenableContainer, tracking
from slipstream.errors import StreamlitAPIException, StreamlitValueError
from slipstream.runtime.bound_widgets import check_binding, choice_codec
from slipstream.runtime.widgets import Key, register, user_key


class TabContainer(OpenableContainer):
    """One tab of st.tabs: ``open`` says whether it is the selected one, when tabs are tracked."""

    __slots__ = ()


def _label_at(labels: list[str], index: Any) -> str:
    """The label of the tab the browser selected (it sends the tab's position)."""
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(labels):
        raise ValueError(f"expected a tab position in [0, {len(labels) - 1}]")
    return labels[index]


def tabs(
    tabs: Sequence[str],
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    default: str | None = None,
    key: Key = None,
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: Any = None,
) -> list[TabContainer]:
    """Tabs: one container per label; only the selected tab's content shows.

    ``default`` is the label selected at first. ``height`` in pixels makes each tab's panel
    scroll. With ``on_change="rerun"`` (or a callback) switching tabs reruns the script,
    ``st.session_state[key]`` holds the selected label, and each tab's ``.open`` tells the
    script which one shows, so hidden tabs can skip their work.

    Example::

        chart, data = st.tabs(["Chart", "Data"], on_change="rerun")
        if data.open:
            data.dataframe(load())
    """
    if isinstance(tabs, str) or not isinstance(tabs, Sequence) or not tabs:
        raise StreamlitAPIException("The `tabs` parameter is required. Provide at least one tab label.")
    labels = [str(t) for t in tabs]
    if default is not None and default not in labels:
        raise StreamlitAPIException(
            "Invalid `default` value. Supported values: a tab label from `tabs`. "
            f"`{default}` is not in the list of tabs."
        )
    tracked, callback = tracking(on_change)
    if bind is not None:
        check_binding("tabs", user_key(key), bind, None)
        if not all(labels):
            raise StreamlitValueError(
                "tabs", ["non-empty labels"], detail="Tab labels must be non-empty when bind='query-params'."
            )
        if len(set(labels)) != len(labels):
            raise StreamlitValueError(
                "tabs", ["unique labels"], detail="Tab labels must be unique when bind='query-params'."
            )
        tracked = True
    shown_width = check_width("tabs", width, allow_content=False)
    shown_height = check_block_height(height)
    selected = labels[0] if default is None else default
    wid: str | None = None
    if tracked:
        wid, current = register(
            "tabs",
            key=key,
            identity={"labels": labels, "default": selected},
            default=selected,
            deserialize=lambda index: _label_at(labels, index),
            on_change=callback,
            args=args,
            kwargs=kwargs,
            accept=lambda v: v in labels,
            shown=lambda v: {"default": labels.index(v)},
            bind=bind,
            url=choice_codec(labels, labels, clearable=False),
        )
        selected = current
    active = labels.index(selected)
    row = DeltaGenerator(
        emit(
            {
                "type": "tabs",
                "id": wid,
                "key": user_key(key),
                "labels": labels,
                "default": active,
                "width": shown_width,
                "height": shown_height,
            }
        )
    )
    with row:
        return [
            TabContainer(emit({"type": "tab", "label": label}), open=(i == active) if tracked else None)
            for i, label in enumerate(labels)
        ]
