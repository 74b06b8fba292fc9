"""st.query_params: the query string of the tab's URL as a mapping, in step with the browser.

A session holds its query parameters (``QueryParams``); the script reads and changes them through
``st.query_params``, and every change is sent to the browser, which shows it in its address bar
without a reload. The browser sends its URL's query on connecting and on back/forward.
``embed`` and ``embed_options`` belong to the app's embedding: the script neither sees nor sets
them, and they survive ``clear()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from slipstream.errors import StreamlitAPIException

log = logging.getLogger("slipstream.url_query")

EMBED_KEYS = frozenset({"embed", "embed_options"})
# What a browser may send: longer or wider query strings are dropped whole (and logged).
MAX_QUERY_CHARS = 8192
MAX_QUERY_FIELDS = 1000

QueryParamsInput = Mapping[str, Any] | Iterable[tuple[str, Any]]


def parse_query(query: str) -> dict[str, list[str]]:
    """A query string as key -> its values in order (blank values kept)."""
    if not query:
        return {}
    if len(query) > MAX_QUERY_CHARS or query.count("&") >= MAX_QUERY_FIELDS:
        log.warning("ignored a query string of %d characters: over the limits", len(query))
        return {}
    parsed: dict[str, list[str]] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        parsed.setdefault(key, []).append(value)
    return parsed


def _is_embed(key: str) -> bool:
    return key.lower() in EMBED_KEYS


def _missing(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def _values(key: str, value: Any) -> list[str]:
    """What a value set for ``key`` becomes: a string, or each item of an iterable as a string."""
    if isinstance(value, dict):
        raise StreamlitAPIException(
            f"st.query_params: the value of {key!r} is a dict, which a query parameter cannot hold; "
            "give a string or a list of strings."
        )
    if _is_embed(key):
        raise StreamlitAPIException(
            "Query param embed and embed_options (case-insensitive) cannot be set programmatically."
        )
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return [str(item) for item in value]
    return [str(value)]


def _pairs(params: QueryParamsInput) -> list[tuple[str, Any]]:
    if isinstance(params, Mapping):
        return [(key, params[key]) for key in list(params.keys())]
    if hasattr(params, "keys") and hasattr(params, "__getitem__"):
        return [(key, params[key]) for key in list(params.keys())]
    return list(params)


def encode_params(params: QueryParamsInput) -> str:
    """``params`` (a mapping or key-value pairs; repeated keys add up) as a query string."""
    values: dict[str, list[str]] = {}
    for key, value in _pairs(params):
        values.setdefault(str(key), []).extend(_values(str(key), value))
    return urlencode(values, doseq=True)


class QueryParams(MutableMapping[str, str]):
    """One session's query parameters; ``on_change`` is told after each change the script makes."""

    def __init__(self, query: str = "", on_change: Callable[[], None] | None = None) -> None:
        self._params = parse_query(query)
        self.on_change = on_change
        # Keys bound to a widget (bind="query-params"), each with the values the URL held when the
        # widget last wrote it (None: absent); the script may not set or delete these keys.
        self.bindings: dict[str, list[str] | None] = {}

    # ---- the mapping (the last value of a repeated key) --------------------------------------

    def __getitem__(self, key: str) -> str:
        values = self._params.get(key)
        if values is None or _is_embed(key):
            raise KeyError(_missing(key))
        return values[-1] if values else ""

    def __setitem__(self, key: str, value: Any) -> None:
        self._refuse_bound("set", [key])
        self._params[key] = _values(key, value)
        self._changed()

    def __delitem__(self, key: str) -> None:
        if key not in self._params or _is_embed(key):
            raise KeyError(_missing(key))
        self._refuse_bound("delete", [key])
        del self._params[key]
        self._changed()

    def __iter__(self) -> Iterator[str]:
        return iter([key for key in self._params if not _is_embed(key)])

    def __len__(self) -> int:
        return sum(1 for key in self._params if not _is_embed(key))

    def __str__(self) -> str:
        return str(self.to_dict())

    # ---- Streamlit's own methods -------------------------------------------------------------

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key``, in order ([] when absent)."""
        if _is_embed(key):
            return []
        return list(self._params.get(key, []))

    def to_dict(self) -> dict[str, str]:
        """Each key with its last value."""
        return {key: self[key] for key in self}

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        """Set several keys at once (one update of the browser's URL)."""
        pairs = [*_pairs(other), *kwds.items()]
        self._refuse_bound("set", [str(key) for key, _ in pairs])
        converted = [(key, _values(key, value)) for key, value in pairs]
        for key, values in converted:
            self._params[key] = values
        self._changed()

    def clear(self) -> None:
        """Remove every parameter but the embedding ones."""
        self._refuse_bound("clear", list(self._params))
        self._params = {k: v for k, v in self._params.items() if _is_embed(k)}
        self._changed()

    def from_dict(self, params: QueryParamsInput) -> None:
        """Replace every parameter (but the embedding ones) with ``params``; nothing changes
        when one of them is refused."""
        self._refuse_bound("clear", list(self._params))
        kept = {k: v for k, v in self._params.items() if _is_embed(k)}
        converted = [(key, _values(key, value)) for key, value in _pairs(params)]
        self._params = kept
        for key, values in converted:
            self._params[key] = values
        self._changed()

    # ---- the runtime's side ------------------------------------------------------------------

    @property
    def query_string(self) -> str:
        """The parameters as the URL's query string (embedding ones included)."""
        return urlencode(self._params, doseq=True)

    def replace(self, query: str) -> None:
        """Take the query string the browser shows (no change is reported back to it)."""
        self._params = parse_query(query)

    def reset_for_page_switch(self, query: str | None) -> None:
        """A page switch: the given query parameters, or none, with the embedding ones kept."""
        kept = {k: v for k, v in self._params.items() if _is_embed(k)}
        self._params = {**parse_query(query or ""), **kept}

    def set_bound(self, key: str, values: list[str] | None) -> None:
        """A bound widget's value as the URL shows it (None: no parameter); tells the browser
        when that changes the URL."""
        before = self._params.get(key)
        if values is None:
            self._params.pop(key, None)
        else:
            self._params[key] = list(values)
        self.bindings[key] = None if values is None else list(values)
        if before != self._params.get(key):
            self._changed()

    def unbind(self, key: str, *, keep_value: bool) -> None:
        """A bound widget went away: its key is the script's again, and leaves the URL unless kept."""
        if self.bindings.pop(key, _UNBOUND) is not _UNBOUND and not keep_value and key in self._params:
            del self._params[key]
            self._changed()

    def _refuse_bound(self, what: str, keys: list[str]) -> None:
        bound = [key for key in keys if key in self.bindings]
        if not bound:
            return
        if what == "clear":
            raise StreamlitAPIException(
                "Cannot clear query parameters - the following are bound to widgets: "
                f"{', '.join(repr(k) for k in bound)}. Modify the widget values instead, or remove the bind parameter."
            )
        raise StreamlitAPIException(
            f"Cannot directly {what} query parameter '{bound[0]}' - it is bound to a widget. "
            "Modify the widget value instead (through st.session_state)."
        )

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()


class _QueryParamsProxy(MutableMapping[str, str]):
    """``st.query_params``: the running session's parameters (an empty set outside any app)."""

    def _target(self) -> QueryParams:
        from slipstream.runtime.context import get_run_context

        ctx = get_run_context()
        if ctx is None:
            return _outside
        return ctx.session.location.query_params

    def __getitem__(self, key: str) -> str:
        return self._target()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._target()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._target()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._target())

    def __len__(self) -> int:
        return len(self._target())

    def __contains__(self, key: object) -> bool:
        return key in self._target()

    def __str__(self) -> str:
        return str(self._target())

    def __repr__(self) -> str:
        return repr(self._target().to_dict())

    def __getattr__(self, key: str) -> str:
        try:
            return self._target()[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._target()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._target()[key]
        except KeyError:
            raise AttributeError(_missing(key)) from None

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key`` (a key repeated in the URL has several), in order.

        Example::

            tags = st.query_params.get_all("tag")  # ?tag=a&tag=b -> ["a", "b"]
        """
        return self._target().get_all(key)

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict, each key with its last value."""
        return self._target().to_dict()

    def from_dict(self, params: QueryParamsInput) -> None:
        """Replace the parameters with ``params`` (a mapping or key-value pairs).

        Example::

            st.query_params.from_dict({"page": "2", "tag": ["a", "b"]})
        """
        self._target().from_dict(params)

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        """Set several parameters at once."""
        self._target().update(other, **kwds)

    def clear(self) -> None:
        """Remove every parameter (the URL keeps only ``embed`` ones)."""
        self._target().clear()


_outside = QueryParams()
query_params = _QueryParamsProxy()


_UNBOUND: Any = object()
