"""``st.components.v2``: components mounted in the page itself (no iframe).

A component is HTML, CSS and a JavaScript module. In the browser the module's default export is
called with the component's parent element (a shadow root when ``isolate_styles``), its ``data``
and two setters: ``setStateValue(name, value)`` keeps a value (it stays until changed) and
``setTriggerValue(name, value)`` fires one (it is set for the one run it causes). Both rerun the
script and call the ``on_<name>_change`` callback given to the mounting call.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slipstream.components._assets import Source, resolve
from slipstream.components._values import is_dataframe_like, json_argument, value_from_browser
from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_block_height, check_width
from slipstream.errors import StreamlitAPIException
from slipstream.protocol import BidiComponentEl
from slipstream.runtime.context import get_run_context
from slipstream.runtime.widgets import Key, check_callback, register

__all__ = ["ComponentRenderer", "ComponentResult", "component"]

log = logging.getLogger("slipstream.components")
_CALLBACK = re.compile(r"^on_(.+)_change$")


class ComponentResult(dict[str, Any]):
    """A component's state and trigger values by name, also readable as attributes (a name
    that was never set reads as None)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name)


def _state_from_browser(raw: Any) -> dict[str, Any]:
    value = value_from_browser(raw)
    if not isinstance(value, dict):
        raise ValueError("a component's state is an object of values by name")
    return value


def _callbacks(call: str, kwargs: dict[str, Any]) -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for arg, callback in kwargs.items():
        match = _CALLBACK.match(arg)
        if match is None:
            raise StreamlitAPIException(
                f"{call}: unexpected argument `{arg}`. Besides key, data, default, width and height, a "
                "component takes callbacks named on_<name>_change (on_clicked_change=...)."
            )
        if callback is not None:
            check_callback(arg, callback)
            found[match.group(1)] = callback
    return found


def _data_element(call: str, data: Any) -> tuple[Any, str | None]:
    if data is None or not is_dataframe_like(data):
        return json_argument(call, "data", data), None
    from slipstream.dataframes import ARROW_STREAM, to_arrow_ipc, to_pandas
    from slipstream.runtime.blobs import current_blobs

    return None, current_blobs().put(to_arrow_ipc(to_pandas(data, command="components.v2")), ARROW_STREAM, ".arrow")


class _StateView(ComponentResult):
    """``session_state[key]`` of a v2 component: its state, and the triggers fired for this run.
    Setting a name sets the component's state (as Streamlit's view writes through)."""

    def __init__(self, shown: dict[str, Any], state: dict[str, Any]) -> None:
        super().__init__(shown)
        self._state = state

    def __setitem__(self, name: str, value: Any) -> None:
        self._state[name] = value
        super().__setitem__(name, value)

    def __delitem__(self, name: str) -> None:
        self._state.pop(name, None)
        super().__delitem__(name)


def _with_triggers(trigger_key: str) -> Callable[[Any, Any], Any]:
    def present(value: Any, session_state: Any) -> Any:
        if not isinstance(value, dict):
            return value
        fired = session_state.data.get(trigger_key)
        return _StateView({**(fired if isinstance(fired, dict) else {}), **value}, value)

    return present


class ComponentRenderer:
    """The mounting command of a v2 component: each call shows one instance."""

    def __init__(self, name: str, html: Source, css: Source, js: Source, isolate_styles: bool) -> None:
        self.name = name
        self.html = html
        self.css = css
        self.js = js
        self.isolate_styles = isolate_styles

    def __repr__(self) -> str:
        return f"ComponentRenderer(name={self.name!r})"

    def __call__(
        self,
        *,
        key: Key = None,
        data: Any = None,
        default: dict[str, Any] | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        **on_callbacks: Callable[..., Any] | None,
    ) -> ComponentResult:
        call = f"component {self.name!r}"
        callbacks = _callbacks(call, on_callbacks)
        names = [_CALLBACK.match(arg).group(1) for arg in on_callbacks]  # type: ignore[union-attr]
        defaults: dict[str, Any] = {}
        if default is not None:
            if not isinstance(default, dict):
                raise StreamlitAPIException(f"{call}: default must be a dict of state values by name, not {default!r}.")
            for name, value in default.items():
                if name not in names:
                    raise StreamlitAPIException(
                        f"{call}: default has the key {name!r}, which names no state: give the callback "
                        f"on_{name}_change too (only values with a callback have defaults)."
                    )
                defaults[name] = json_argument(call, f"default[{name!r}]", value)
        checked_width = check_width("components.v2", width)
        checked_height = check_block_height(height)
        data_json, data_url = _data_element(call, data)
        identity = {"name": self.name, "data": data_json, "data_url": data_url, "default": defaults}

        def state_changed() -> None:
            ctx = get_run_context()
            if ctx is None:
                return
            now = ctx.session.state.data.get(state_key, {})
            for name, callback in callbacks.items():
                if now.get(name) != state.get(name):
                    callback()

        def triggered() -> None:
            ctx = get_run_context()
            fired = ctx.session.state.data.get(trigger_id) if ctx is not None else None
            for name in fired or {}:
                if name in callbacks:
                    callbacks[name]()

        wid, state = register(
            "bidi_component",
            key=key,
            identity=identity,
            default=defaults,
            deserialize=_state_from_browser,
            on_change=state_changed if callbacks else None,
            accept=lambda value: isinstance(value, dict),
        )
        state_key = str(key) if key is not None else wid
        trigger_id, fired = register(
            "bidi_component_trigger",
            key=None,
            identity={"of": wid},
            default=None,
            deserialize=_state_from_browser,
            on_change=triggered if callbacks else None,
            trigger=True,
        )
        ctx = get_run_context()
        if ctx is not None:
            ctx.session.state.widgets[wid].present = _with_triggers(trigger_id)
        element: BidiComponentEl = {
            "type": "bidi_component",
            "id": wid,
            "trigger_id": trigger_id,
            "name": self.name,
            "html": self.html.text,
            "css": self.css.text,
            "css_url": self.css.url,
            "js": self.js.text,
            "js_url": self.js.url,
            "isolate_styles": self.isolate_styles,
            "data": data_json,
            "data_url": data_url,
            "state": dict(state),
            "width": checked_width,
            "height": checked_height,
        }
        emit_element(dict(element))
        result = ComponentResult({name: None for name in names})
        result.update(state)
        result.update(fired or {})
        return result


# By name, to warn when one name gets two definitions (rerunning the same definition is normal).
_components: dict[str, ComponentRenderer] = {}


def component(
    name: str,
    *,
    html: str | None = None,
    css: str | None = None,
    js: str | None = None,
    isolate_styles: bool = True,
) -> ComponentRenderer:
    """Define a component mounted in the page (no iframe) and return its mounting command.

    ``html``: markup for the component's root. ``css``: styles for it. ``js``: a JavaScript
    module whose default export is called with ``{name, key, data, parentElement,
    setStateValue, setTriggerValue}`` and may return a cleanup function. ``isolate_styles``:
    put the component in a shadow root so that page and component styles stay apart. The
    mounting command takes ``key``, ``data``, ``default`` (state values), ``width``, ``height``
    and ``on_<name>_change`` callbacks, and returns the state and trigger values by name.
    This is trusted code: it runs in the app's page, unsanitized. For a component of an installed
    package whose pyproject.toml declares an ``asset_dir`` for it (``name`` is then
    "<project name>.<component name>"), ``html``, ``css`` and ``js`` may instead be paths or
    globs ("index-*.js") of files in that folder.

    Example::

        counter = st.components.v2.component("counter", html="<button>+1</button>", js=JS)
        result = counter(key="c", on_count_change=lambda: None)
        st.write(result.count)
    """
    if not isinstance(name, str) or not name.strip():
        raise StreamlitAPIException(f"st.components.v2.component: name must be a non-empty string, not {name!r}.")
    for arg, value in (("html", html), ("css", css), ("js", js)):
        if value is not None and not isinstance(value, str):
            raise StreamlitAPIException(
                f"st.components.v2.component({name!r}): {arg} must be a string (raw {arg.upper()}), "
                f"not {type(value).__name__}."
            )
    renderer = ComponentRenderer(
        name, resolve(name, "html", html), resolve(name, "css", css), resolve(name, "js", js), bool(isolate_styles)
    )
    previous = _components.get(name)
    if previous is not None and vars(previous) != vars(renderer):
        log.warning("the component %r is defined again, differently: the newest definition is used", name)
    _components[name] = renderer
    return renderer
