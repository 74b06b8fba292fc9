"""Session state: the values a session keeps across runs, widget values among them.

Every widget stores its value under its *state key*: the user's ``key`` when given, else its
internal id. Widgets not created by a completed run lose their state, unless the script wrote
their key through session_state during that run (Streamlit's way to keep it), or the widget asked
to keep it (persist_state: "session" for the session, "page" until the app shows another page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from slipstream.errors import (
    StreamlitDuplicateElementId,
    StreamlitDuplicateElementKey,
    StreamlitSetWidgetAfterCreation,
    StreamlitValueAssignmentNotAllowedError,
)
from slipstream.runtime.client_log import ClientLog

log = logging.getLogger("slipstream.state")

INTERNAL_ID_PREFIX = "$$ID-"
# Widgets whose value only the browser can give (besides buttons, which are triggers).
BROWSER_ONLY_KINDS = frozenset(
    {"file_uploader", "camera_input", "audio_input", "plotly_chart", "pydeck_chart", "vega_lite_chart", "echarts_chart"}
)


@dataclass(slots=True)
class WidgetMeta:
    id: str
    kind: str
    user_key: str | None
    deserialize: Callable[[Any], Any]
    on_change: Callable[..., Any] | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    trigger: bool = False
    default: Any = None
    form_id: str | None = None
    shown: Callable[[Any], dict[str, Any]] | None = None
    fragment: str | None = None  # the fragment that drew it: a change reruns that fragment alone
    persist: str | None = None  # persist_state: "page" or "session" keeps its value while not drawn
    page: str | None = None  # the page of a multipage app that drew it
    bound: bool = False  # bind="query-params": its value is in the URL
    # What session_state[key] shows, when not the stored value (a v2 component adds its triggers)
    present: Callable[[Any, SessionState], Any] | None = None
    deferred: bool = False  # on_change="ignore": the browser sends its changes with the next rerun

    @property
    def state_key(self) -> str:
        return self.user_key if self.user_key is not None else self.id


# What a session keeps across reruns: st.session_state's values by key. A dict keeps them in this
# process's memory; a store that keeps them elsewhere (so that a session outlives its server) is
# any mapping of picklable values.
StateStore = MutableMapping[str, Any]


class SessionState(MutableMapping[str, Any]):
    def __init__(self, client_log: ClientLog | None = None, *, store: StateStore | None = None) -> None:
        # What the browser sent that was refused goes here: shortened and rate-limited.
        self.client_log = client_log or ClientLog(log)
        self.data: StateStore = {} if store is None else store
        self.widgets: dict[str, WidgetMeta] = {}  # by widget id
        self._by_state_key: dict[str, WidgetMeta] = {}
        self._ids_this_run: set[str] = set()
        self._created_this_run: set[str] = set()
        self._element_keys_this_run: set[str] = set()  # keys of elements that are not widgets
        self._user_set: set[str] = set()
        self._triggered: set[str] = set()  # widget ids whose trigger awaits the script
        self._consumed: set[str] = set()
        self._warned_set_twice = False
        # Values of widgets not drawn that persist_state keeps: state key -> (scope, page).
        self._persisted: dict[str, tuple[str, str | None]] = {}

    # ---- the mapping users see --------------------------------------------------------------

    def __getitem__(self, key: str) -> Any:
        value = self.data[key]
        meta = self._by_state_key.get(key)
        return value if meta is None or meta.present is None else meta.present(value, self)

    def __setitem__(self, key: str, value: Any) -> None:
        meta = self._by_state_key.get(key)
        if meta is not None and (meta.trigger or meta.kind in BROWSER_ONLY_KINDS):
            raise StreamlitValueAssignmentNotAllowedError(key)
        if key in self._created_this_run:
            raise StreamlitSetWidgetAfterCreation(key)
        self.data[key] = value
        self._user_set.add(key)

    def __delitem__(self, key: str) -> None:
        del self.data[key]
        self._user_set.discard(key)

    def __iter__(self) -> Iterator[str]:
        return (k for k in list(self.data) if not k.startswith(INTERNAL_ID_PREFIX))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.data and not key.startswith(INTERNAL_ID_PREFIX)

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in self}

    # ---- widgets ----------------------------------------------------------------------------

    def register_widget(self, meta: WidgetMeta, default: Any, *, accept: Callable[[Any], bool] | None = None) -> Any:
        """Bind a widget created by the running script; return its value for this run."""
        if meta.user_key is not None and (
            meta.user_key in self._created_this_run or meta.user_key in self._element_keys_this_run
        ):
            raise StreamlitDuplicateElementKey(meta.user_key)
        if meta.id in self._ids_this_run:
            raise StreamlitDuplicateElementId(meta.kind)
        key = meta.state_key
        if (meta.trigger or meta.kind in BROWSER_ONLY_KINDS) and key in self._user_set:
            # set through session_state before the widget existed: only the browser gives these values
            self._user_set.discard(key)
            self.data.pop(key, None)
            raise StreamlitValueAssignmentNotAllowedError(key)
        self._ids_this_run.add(meta.id)
        self._created_this_run.add(key)
        self.widgets[meta.id] = meta
        self._by_state_key[key] = meta
        if meta.trigger:
            fired = meta.id in self._triggered
            if fired:
                self._consumed.add(meta.id)
            value = self.data.get(key, meta.default) if fired else meta.default
            self.data[key] = value
            return value
        if key in self.data and (accept is None or accept(self.data[key])):
            return self.data[key]
        self.data[key] = default
        return default

    def claim_element(self, element_id: str, kind: str, user_key: str | None) -> None:
        """An element that is not a widget but whose key, or whose id, must be unique in a run,
        as a widget's (a link button given a key or a shortcut): raise when it is not. Its key
        holds no value, so session_state may not set one, as Streamlit checks."""
        if user_key is not None:
            if user_key in self._created_this_run or user_key in self._element_keys_this_run:
                raise StreamlitDuplicateElementKey(user_key)
            if user_key in self._user_set:
                self._user_set.discard(user_key)
                raise StreamlitValueAssignmentNotAllowedError(user_key)
            self._element_keys_this_run.add(user_key)
        if element_id in self._ids_this_run:
            raise StreamlitDuplicateElementId(kind)
        self._ids_this_run.add(element_id)

    def set_by_script(self, key: str) -> bool:
        """Whether the script set ``st.session_state[key]`` since the last completed run (a
        widget checks such a value against its bounds, as Streamlit does)."""
        return key in self._user_set

    def warn_if_set_twice(self, key: str) -> None:
        """A widget got a default value while session_state also set its key: say so, once a session."""
        if key in self._user_set and not self._warned_set_twice:
            self._warned_set_twice = True
            log.warning(
                'The widget with key "%s" was given a default value and also had its value set through '
                "st.session_state; the session_state value wins.",
                key,
            )

    def apply_browser_values(self, raw_values: dict[str, Any]) -> list[WidgetMeta]:
        """Take new widget values from the browser; return the widgets that changed."""
        changed: list[WidgetMeta] = []
        for widget_id, raw in raw_values.items():
            meta = self.widgets.get(widget_id)
            if meta is None:
                self.client_log.info("ignored a value for unknown widget %r", widget_id)
                continue
            try:
                value = meta.deserialize(raw)
            except (ValueError, TypeError, IndexError) as exc:
                self.client_log.warning("rejected value %s for %s widget %r: %s", raw, meta.kind, meta.state_key, exc)
                continue
            if meta.trigger:
                if value:
                    self._triggered.add(widget_id)
                    self.data[meta.state_key] = value
                    changed.append(meta)
            elif self.data.get(meta.state_key, _MISSING) != value:
                self.data[meta.state_key] = value
                changed.append(meta)
        return changed

    def reset_form(self, form_id: str) -> list[WidgetMeta]:
        """Give the widgets of a form their default values again (clear_on_submit); return them."""
        reset = [m for m in self.widgets.values() if m.form_id == form_id and not m.trigger]
        for meta in reset:
            self.data[meta.state_key] = meta.default
        return reset

    def start_run(self) -> None:
        self._ids_this_run.clear()
        self._created_this_run.clear()
        self._element_keys_this_run.clear()

    def finish_run(
        self, *, completed: bool, in_scope: set[str] | None = None, page: str | None = None
    ) -> list[WidgetMeta]:
        """End of a run. When it completed, widgets it did not create lose their state: of those
        ``in_scope`` (the widgets of the part of the app it drew again), else of all; but those
        persisting keep it, a "page" one until a run of the whole app shows another ``page``.
        Returns the widgets that went away."""
        done = set(self._triggered) if completed else set(self._consumed)
        for widget_id in done:
            meta = self.widgets.get(widget_id)
            if meta is not None:
                self.data[meta.state_key] = meta.default
        self._triggered -= done
        self._consumed.clear()
        gone_metas: list[WidgetMeta] = []
        if completed:
            gone = [w for w in self.widgets if w not in self._ids_this_run and (in_scope is None or w in in_scope)]
            for widget_id in gone:
                meta = self.widgets.pop(widget_id)
                gone_metas.append(meta)
                key = meta.state_key
                if self._by_state_key.get(key) is meta:
                    del self._by_state_key[key]
                if meta.persist is not None:
                    # a bound value lives in the URL, which keeps it across pages
                    self._persisted[key] = ("session" if meta.bound else meta.persist, meta.page)
                elif key not in self._created_this_run and key not in self._user_set:
                    self.data.pop(key, None)
            for key in self._created_this_run:
                self._persisted.pop(key, None)
            if in_scope is None:
                for key, (scope, shown_on) in list(self._persisted.items()):
                    if scope == "page" and shown_on != page:
                        del self._persisted[key]
                        if key not in self._user_set:
                            self.data.pop(key, None)
            self._user_set.clear()
        self._ids_this_run.clear()
        self._created_this_run.clear()
        self._element_keys_this_run.clear()
        return gone_metas


_MISSING = object()
