"""Buttons: st.button (true in the one run its click causes), st.link_button, st.download_button."""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_width, optional_str
from slipstream.elements._icons import check_icon
from slipstream.elements._shortcut import button_extras
from slipstream.errors import StreamlitAPIException, StreamlitValueError
from slipstream.runtime.context import get_run_context
from slipstream.runtime.forms import current_form
from slipstream.runtime.widgets import Key, register, register_element, user_key

BUTTON_TYPES = ("primary", "secondary", "tertiary")


def trigger_from_browser(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("a button click is sent as true")
    return value


def check_button_type(fn: str, kind: str) -> None:
    if kind not in BUTTON_TYPES:
        raise StreamlitAPIException(
            f"st.{fn}: type is {kind!r}; valid types are 'primary', 'secondary' and 'tertiary'."
        )


def _refuse_in_form(fn: str) -> None:
    ctx = get_run_context()
    if ctx is not None and current_form(ctx) is not None:
        raise StreamlitAPIException(
            f"st.{fn} cannot be used inside a form: a form sends its values only through "
            "st.form_submit_button. Move it out of the form, or use st.form_submit_button."
        )


def button_element(
    fn: str,
    wid: str,
    label: Any,
    help: Any,
    kind: str,
    icon: Any,
    disabled: Any,
    use_container_width: bool | None,
    width: Any,
) -> dict[str, Any]:
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    return {
        "type": "button",
        "id": wid,
        "label": check_label(fn, label),
        "help": optional_str(help),
        "disabled": bool(disabled),
        "kind": kind,
        "icon": check_icon(fn, icon),
        "submit": False,
        "width": check_width(fn, width),
    }


def button(
    label: str,
    key: Key = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Show a button. Returns True in the run caused by clicking it, False otherwise.

    ``on_click`` is called with ``args``/``kwargs`` before that run.

    Example::

        if st.button("Say hello", type="primary"):
            st.write("Hello!")
    """
    check_button_type("button", type)
    _refuse_in_form("button")
    element = button_element("button", "", label, help, type, icon, disabled, use_container_width, width)
    element.update(button_extras(icon_position, shortcut, wrap))
    wid, clicked = register(
        "button",
        key=key,
        identity={"label": element["label"], "help": help, "type": type, "icon": element["icon"]},
        default=False,
        deserialize=trigger_from_browser,
        on_change=on_click,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    emit_element({**element, "id": wid})
    return bool(clicked)


def link_button(
    label: str,
    url: str,
    *,
    key: Key = None,
    on_click: Callable[..., Any] | str | None = "ignore",
    args: Any = None,
    kwargs: Any = None,
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> Any:
    """A button that opens ``url`` in a new tab.

    With ``on_click="ignore"`` (the default) the click only opens the link and the element is
    returned; with ``"rerun"``, None or a function (called first, with ``args`` and ``kwargs``)
    the click also reruns the script, and the button returns True in that run, as st.button does.

    Example::

        if st.link_button("Documentation", "https://example.com/docs", on_click="rerun"):
            st.write("Opened the documentation in a new tab.")
    """
    check_button_type("link_button", type)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if not (on_click is None or callable(on_click) or (isinstance(on_click, str) and on_click in ("rerun", "ignore"))):
        raise StreamlitValueError(
            "on_click", ["'rerun'", "'ignore'", "a callback function"], detail=f"st.link_button got {on_click!r}."
        )
    element: dict[str, Any] = {
        "type": "link_button",
        "id": None,
        "label": check_label("link_button", label),
        "url": str(url),
        "help": optional_str(help),
        "disabled": bool(disabled),
        "kind": type,
        "icon": check_icon("link_button", icon),
        "width": check_width("link_button", width),
        **button_extras(icon_position, shortcut, wrap),
    }
    if isinstance(on_click, str) and on_click == "ignore":
        # Not a widget: the element is returned, and a key only names it for the page's CSS. As
        # in Streamlit, a key must still be unique in the run, and so must a button with a
        # shortcut (whose keys only one button can take); plain links may repeat.
        ukey = user_key(key)
        if ukey is not None or element.get("shortcut") is not None:
            identity = ("label", "url", "help", "kind", "icon", "width", "icon_position", "shortcut")
            register_element("link_button", key=ukey, identity={name: element[name] for name in identity})
        return emit_element(element if ukey is None else {**element, "key": ukey})
    wid, clicked = register(
        "link_button",
        key=key,
        identity={
            "label": element["label"],
            "url": element["url"],
            "help": help,
            "type": type,
            "icon": element["icon"],
        },
        default=False,
        deserialize=trigger_from_browser,
        on_change=on_click if callable(on_click) else None,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    emit_element({**element, "id": wid})
    return bool(clicked)


def _download_bytes(data: Any) -> tuple[bytes, str]:
    """The payload of a download and its default mimetype."""
    if callable(data):
        data = data()
    if isinstance(data, str):
        return data.encode(), "text/plain"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), "application/octet-stream"
    if isinstance(data, io.TextIOBase):
        data.seek(0)
        return data.read().encode(), "text/plain"
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        content = data.read()
        return (content.encode() if isinstance(content, str) else bytes(content)), "application/octet-stream"
    raise StreamlitAPIException(
        f"st.download_button cannot download a {type(data).__name__}: give it str, bytes, a file, "
        "or a function returning one of those."
    )


def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: Key = None,
    help: str | None = None,
    on_click: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """A button that downloads ``data`` (str, bytes, a file, or a function returning one) as
    ``file_name``. Returns True in the run its click causes (``on_click="ignore"``: no rerun).

    Example::

        st.download_button("Download CSV", "a,b\\n1,2\\n", file_name="data.csv", mime="text/csv")
    """
    from slipstream.runtime.blobs import current_blobs

    check_button_type("download_button", type)
    _refuse_in_form("download_button")
    if on_click not in ("rerun", "ignore", None) and not callable(on_click):
        raise StreamlitAPIException("st.download_button: on_click must be 'rerun', 'ignore', None or a function.")
    payload, default_mime = _download_bytes(data)
    name = file_name or "download"
    mimetype = mime or mimetypes.guess_type(name)[0] or default_mime
    suffix = Path(name).suffix
    extension = suffix if len(suffix) <= 11 and suffix[1:].isascii() and suffix[1:].isalnum() else ""
    # An attachment, whatever its type: the app's user may have chosen the bytes, and opened in
    # the browser they would run as the app (HTML, XML and SVG can hold script).
    url = current_blobs().put(payload, mimetype, extension, download_name=name)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    wid, clicked = register(
        "download_button",
        key=key,
        identity={"label": str(label), "file_name": name, "mime": mimetype, "help": help},
        default=False,
        deserialize=trigger_from_browser,
        on_change=on_click if callable(on_click) else None,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    emit_element(
        {
            "type": "download_button",
            "id": wid,
            "label": check_label("download_button", label),
            "url": url,
            "file_name": name,
            "rerun": on_click != "ignore",
            "help": optional_str(help),
            "disabled": bool(disabled),
            "kind": type,
            "icon": check_icon("download_button", icon),
            "width": check_width("download_button", width),
            **button_extras(icon_position, shortcut, wrap),
        }
    )
    return bool(clicked)
