"""``streamlit.components.v1``: HTML and URLs in frames, and custom components that run in an
iframe and talk to the app through streamlit-component-lib's messages."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slipstream.components import registry
from slipstream.components._values import (
    MarshallComponentException,
    is_dataframe_like,
    json_argument,
    value_from_browser,
)
from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements.html import check_tab_index, frame_element
from slipstream.errors import StreamlitAPIException
from slipstream.protocol import ComponentEl, ComponentFrame
from slipstream.runtime.widgets import Key, register

__all__ = ["CustomComponent", "MarshallComponentException", "declare_component", "html", "iframe"]

DEFAULT_FRAME_HEIGHT = 150  # the browser's own height for a frame


def _frame_size(call: str, width: Any, height: Any) -> tuple[int | str, int]:
    for name, value in (("width", width), ("height", height)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise StreamlitAPIException(f"{call}: {name} must be a non-negative number of pixels, not {value!r}.")
    return (width if width is not None else "stretch"), (height if height is not None else DEFAULT_FRAME_HEIGHT)


def html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> DeltaGenerator:
    """Show an HTML document in a frame, where its scripts run.

    ``width`` and ``height``: pixels (default: the container's width, 150 pixels high).
    ``scrolling``: scroll bars when the document is larger than the frame. ``tab_index``: None,
    -1 or a position in the tab order. Returns the element's placeholder.

    Example::

        import streamlit.components.v1 as components
        components.html("<script>document.write(1 + 1)</script>", height=60)
    """
    frame_width, frame_height = _frame_size("components.html", width, height)
    element = frame_element(
        srcdoc=str(html),
        width=frame_width,
        height=frame_height,
        scrolling=bool(scrolling),
        tab_index=tab_index,
        title="st.iframe",
    )
    return emit_element(dict(element))


def iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> DeltaGenerator:
    """Show the page at URL ``src`` in a frame.

    ``width`` and ``height``: pixels (default: the container's width, 150 pixels high).
    ``scrolling``: scroll bars when the page is larger than the frame. ``tab_index``: None, -1
    or a position in the tab order. Returns the element's placeholder.

    Example::

        import streamlit.components.v1 as components
        components.iframe("https://example.com", height=400, scrolling=True)
    """
    frame_width, frame_height = _frame_size("components.iframe", width, height)
    element = frame_element(
        src=str(src),
        width=frame_width,
        height=frame_height,
        scrolling=bool(scrolling),
        tab_index=tab_index,
        title="st.iframe",
    )
    return emit_element(dict(element))


def _frame_blobs(name: str, value: Any) -> ComponentFrame:
    """A DataFrame argument as the three Arrow tables streamlit-component-lib reads."""
    from slipstream.dataframes import ARROW_STREAM, import_pandas, to_arrow_ipc, to_pandas
    from slipstream.runtime.blobs import current_blobs

    pd = import_pandas("components")
    frame = to_pandas(value, command="components")
    values = frame.set_axis([str(i) for i in range(frame.shape[1])], axis=1).reset_index(drop=True)
    index = pd.DataFrame([list(v) if isinstance(v, tuple) else v for v in frame.index])
    columns = pd.DataFrame([list(v) if isinstance(v, tuple) else v for v in frame.columns])
    blobs = current_blobs()

    def put(table: Any) -> str:
        return blobs.put(to_arrow_ipc(table.set_axis([str(c) for c in table.columns], axis=1)), ARROW_STREAM, ".arrow")

    return {"key": name, "data": put(values), "index": put(index), "columns": put(columns)}


class CustomComponent:
    """A declared v1 component: call it to show one instance and get its value."""

    def __init__(self, name: str, path: Path | None, url: str | None) -> None:
        self.name = name
        self.path = str(path) if path is not None else None
        self.url = url

    def __repr__(self) -> str:
        return f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomComponent) and (self.name, self.path, self.url) == (
            other.name,
            other.path,
            other.url,
        )

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.url))

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: Key = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        return self.create_instance(*args, default=default, key=key, on_change=on_change, tab_index=tab_index, **kwargs)

    def create_instance(
        self,
        *args: Any,
        default: Any = None,
        key: Key = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Show the component with ``kwargs`` as its arguments; return its value (``default``
        until the component sets one)."""
        call = f"component {self.name!r}"
        if args:
            raise MarshallComponentException(
                f"{call}: pass its arguments by name (name=value); got the positional argument {args[0]!r}."
            )
        json_args: dict[str, Any] = {}
        dfs: list[ComponentFrame] = []
        for name, value in kwargs.items():
            if is_dataframe_like(value):
                dfs.append(_frame_blobs(name, value))
            else:
                json_args[name] = json_argument(call, name, value)
        json_args["default"] = json_argument(call, "default", default)
        json_args["key"] = None if key is None else str(key)
        identity = {"name": self.name, "args": json_args, "dfs": [f["data"] for f in dfs]}
        wid, value = register(
            "component",
            key=key,
            identity=identity,
            default=default,
            deserialize=value_from_browser,
            on_change=on_change,
        )
        element: ComponentEl = {
            "type": "component",
            "id": wid,
            "name": self.name,
            "url": self.url if self.url is not None else f"{registry.COMPONENT_PREFIX}{self.name}/index.html",
            "args": json_args,
            "dfs": dfs,
            "tab_index": check_tab_index(tab_index),
        }
        emit_element(dict(element))
        return value


def _caller_module(depth: int = 2) -> str:
    frame = inspect.currentframe()
    for _ in range(depth):
        frame = frame.f_back if frame is not None else None
    if frame is None:
        return "__main__"
    name = str(frame.f_globals.get("__name__", "__main__"))
    if name == "__main__":
        file = frame.f_globals.get("__file__")
        if isinstance(file, str):
            return Path(file).stem
    return name


def declare_component(name: str, path: str | os.PathLike[str] | None = None, url: str | None = None) -> CustomComponent:
    """Declare a custom component whose page (index.html) is in folder ``path``, or served by a
    development server at ``url``; return the function that shows it.

    The component's full name is its module's name and ``name`` ("my_package.my_component").
    Calling the returned function with ``key=``, ``default=``, ``on_change=`` and arguments by
    name shows the component in a frame and returns its value.

    Example::

        picker = components.declare_component("picker", path="frontend/build")
        choice = picker(options=["a", "b"], default="a", key="pick")
        st.write(choice)
    """
    if path is None and url is None:
        raise StreamlitAPIException("components.declare_component: either 'path' or 'url' must be set.")
    full_name = f"{_caller_module()}.{name}"
    folder: Path | None = None
    if path is not None:
        folder = Path(path).resolve()
        if not folder.is_dir():
            raise StreamlitAPIException(
                f"components.declare_component({name!r}): the path {str(path)!r} is not a folder that exists "
                f"(relative paths start from {os.getcwd()!r}). Give the folder holding the component's index.html."
            )
    if url is not None and not isinstance(url, str):
        raise StreamlitAPIException(f"components.declare_component({name!r}): url must be a string, not {url!r}.")
    registry.declare(registry.Declared(full_name, None if url is not None else folder, url))
    return CustomComponent(full_name, folder, url)
