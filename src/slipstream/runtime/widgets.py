"""Widget identity and registration, shared by every widget builder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import orjson

from slipstream.errors import StreamlitAPIException, StreamlitInvalidFormCallbackError
from slipstream.protocol import ROOT_MAIN
from slipstream.runtime.bound_widgets import UrlCodec, check_binding, seed_from_url, write_url
from slipstream.runtime.context import RunContext, get_run_context
from slipstream.runtime.forms import current_form
from slipstream.runtime.placement import current_target, place_of
from slipstream.runtime.state import INTERNAL_ID_PREFIX, WidgetMeta

Key = str | int | None


def user_key(key: Key) -> str | None:
    if key is None:
        return None
    if not isinstance(key, (str, int)) or isinstance(key, bool):
        raise StreamlitAPIException(f"A widget key must be a string or an int, not {type(key).__name__}.")
    return str(key)


def widget_id(kind: str, key: str | None, identity: dict[str, Any]) -> str:
    """A widget's id: from its key when given, else from its type and identifying parameters."""
    if key is not None:
        return f"{INTERNAL_ID_PREFIX}{kind}-{key}"
    blob = orjson.dumps([kind, identity], option=orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS, default=repr)
    return f"{INTERNAL_ID_PREFIX}{kind}-{hashlib.blake2b(blob, digest_size=12).hexdigest()}"


def check_callback(name: str, callback: Any) -> None:
    if callback is not None and not callable(callback):
        raise StreamlitAPIException(f"`{name}` must be a function, got {type(callback).__name__}.")


ON_CHANGE_MODES = ("rerun", "ignore")


def _on_change_mode(name: str, on_change: Any, *, trigger: bool) -> tuple[Callable[..., Any] | None, bool]:
    """The callback ``on_change`` names, and whether the widget's changes wait for the next rerun
    (``"ignore"``). A value widget takes a function, None, "rerun" (the same as None) or
    "ignore", as in Streamlit 1.67; a button takes a function or None."""
    if isinstance(on_change, str) and on_change in ON_CHANGE_MODES:
        if trigger:
            raise StreamlitAPIException(
                f'`{name}="{on_change}"` is not supported on this widget. Pass a callback, or omit `{name}`.'
            )
        return None, on_change == "ignore"
    if on_change is not None and not callable(on_change):
        modes = "" if trigger else "'rerun', 'ignore', "
        raise StreamlitAPIException(
            f"Invalid `{name}` value. Supported values: {modes}a callback function. Got {on_change!r}."
        )
    return on_change, False


def _placed(ctx: RunContext, identity: dict[str, Any]) -> dict[str, Any]:
    """The identity of a widget without a key, with where it is: the same widget on two pages
    of a multipage app, or in the main area and the sidebar, is two widgets."""
    if ctx.page is not None:
        identity = {**identity, "page": ctx.page}
    root = place_of(current_target())[0]
    return identity if root == ROOT_MAIN else {**identity, "root": root}


def register_element(kind: str, *, key: str | None, identity: dict[str, Any]) -> str:
    """The id of an element that is not a widget but must be unique in its run, as a widget
    must (see ``SessionState.claim_element``)."""
    ctx = get_run_context()
    if ctx is None:
        return widget_id(kind, key, identity)
    form = current_form(ctx)
    if form is not None and key is None:
        identity = {**identity, "form": form.form_id}
    wid = widget_id(kind, key, identity if key is not None else _placed(ctx, identity))
    ctx.session.state.claim_element(wid, kind, key)
    return wid


def register(
    kind: str,
    *,
    key: Key,
    identity: dict[str, Any],
    default: Any,
    deserialize: Callable[[Any], Any],
    on_change: Callable[..., Any] | str | None = None,
    args: Any = None,
    kwargs: Any = None,
    trigger: bool = False,
    accept: Callable[[Any], bool] | None = None,
    value_given: bool = False,
    shown: Callable[[Any], dict[str, Any]] | None = None,
    bind: Any = None,
    persist_state: Any = None,
    url: UrlCodec | None = None,
    fn: str | None = None,
) -> tuple[str, Any]:
    """Register a widget of the running script; return its id and its value for this run.

    ``value_given``: the script passed a default value of its own (not the function's default),
    which a value set through session_state overrides; Streamlit warns about that once.
    ``shown``: the element's fields that show a given value (how the widget is reset when its
    form clears on submit); triggers have none.
    ``bind``, ``persist_state``: the widget's value in the URL (written by ``url``) and kept while
    it is not drawn (see ``bound_widgets``); ``fn`` names the st.* call in their errors.
    Outside a running app (plain Python), the widget has its default value.
    """
    ukey = user_key(key)
    check_binding(fn or kind, ukey, bind, persist_state)
    name = "on_submit" if kind == "chat_input" else "on_click" if trigger else "on_change"
    on_change, deferred = _on_change_mode(name, on_change, trigger=trigger)
    ctx = get_run_context()
    if ctx is None:
        return widget_id(kind, ukey, identity), default
    ctx.session.check_interrupt()
    form = current_form(ctx)
    if form is not None:  # the same widget in two forms is two widgets
        identity = {**identity, "form": form.form_id}
    wid = widget_id(kind, ukey, identity if ukey is not None else _placed(ctx, identity))
    if form is not None and on_change is not None and kind != "form_submit_button":
        raise StreamlitInvalidFormCallbackError(kind)
    meta = WidgetMeta(
        id=wid,
        kind=kind,
        user_key=ukey,
        deserialize=deserialize,
        on_change=on_change,
        args=tuple(args or ()),
        kwargs=dict(kwargs or {}),
        trigger=trigger,
        default=default,
        form_id=form.form_id if form is not None else None,
        shown=shown,
        fragment=ctx.fragment.id if ctx.fragment is not None else None,
        persist=persist_state,
        page=ctx.session.location.page_url_path,
        bound=bind is not None and url is not None,
        deferred=deferred and form is None,  # a form holds its widgets' changes anyway
    )
    state = ctx.session.state
    if value_given and ukey is not None:
        state.warn_if_set_twice(ukey)
    if meta.bound and url is not None:
        seed_from_url(ctx, meta, url)
    value = state.register_widget(meta, default, accept=accept)
    if meta.bound and url is not None:
        write_url(ctx, meta, url, value)
    return wid, value
