"""Widgets bound to the URL (``bind="query-params"``) and kept while not drawn (``persist_state``).

A bound widget's value lives in the tab's URL under the widget's key, written as Streamlit writes
it (``UrlCodec``). At each registration: a URL value the session has not seen yet (a deep link, a
back or forward step of the browser) sets the widget, when valid; then the widget's value is
written back to the URL, or its parameter removed when the value is the default (which also drops
invalid values). The script changes a bound value only through session_state: st.query_params
refuses to set or delete a bound parameter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from slipstream.errors import StreamlitAPIException, StreamlitValueError

if TYPE_CHECKING:
    from slipstream.runtime.context import RunContext
    from slipstream.runtime.state import WidgetMeta
    from slipstream.url_query import QueryParams

BIND_VALUES = ("query-params",)
PERSIST_VALUES = ("page", "session")
# Bad values of a URL parameter: whatever a codec raises on them.
BAD_URL_VALUE = (ValueError, TypeError, IndexError, KeyError, OverflowError)


@dataclass(frozen=True, slots=True)
class UrlCodec:
    """How a widget's value is written in the URL: ``encode`` gives its values (``[""]`` for an
    empty value), ``decode`` reads them back and raises on what the widget cannot take."""

    encode: Callable[[Any], list[str]]
    decode: Callable[[list[str]], Any]


def check_binding(fn: str, key: str | None, bind: Any, persist_state: Any) -> None:
    """Refuse a ``bind`` or ``persist_state`` value Streamlit refuses, and either one without a key."""
    if bind is not None and bind not in BIND_VALUES:
        raise StreamlitValueError("bind", ["'query-params'", "None"], detail=f"st.{fn} got {bind!r}.")
    if persist_state is not None and persist_state not in PERSIST_VALUES:
        raise StreamlitValueError(
            "persist_state", ["'page'", "'session'", "None"], detail=f"st.{fn} got {persist_state!r}."
        )
    if key is None and bind is not None:
        raise StreamlitAPIException(
            f"The `key` parameter is required. When using bind='query-params', the widget (st.{fn}) must have "
            "a unique 'key' parameter specified. This 'key' will be used as the name of the query parameter."
        )
    if key is None and persist_state is not None:
        raise StreamlitAPIException(
            f"The `key` parameter is required. When using persist_state, the widget (st.{fn}) must have a unique "
            "'key' parameter specified so its value can be preserved across reruns and page switches."
        )
    if key is not None and bind is not None and key.lower() in ("embed", "embed_options"):
        raise StreamlitAPIException(
            f"Cannot bind to reserved query parameter '{key}'. 'embed' and 'embed_options' are used "
            "internally for Streamlit's embed functionality."
        )


def seed_from_url(ctx: RunContext, meta: WidgetMeta, codec: UrlCodec) -> None:
    """Before a bound widget takes its value: a URL value not seen yet sets it (when valid);
    a parameter the browser dropped (back to a URL without it) gives the default again."""
    params = ctx.session.location.query_params
    key = meta.state_key
    now = params.get_all(key) if key in params else None
    if key in params.bindings:
        if now == params.bindings[key]:
            return
    elif now is None:
        return
    state = ctx.session.state
    if now is None:
        state.data[key] = meta.default
        return
    try:
        value = codec.decode(now)
    except BAD_URL_VALUE as exc:
        state.client_log.info("ignored URL value %s for %s widget %r: %s", now, meta.kind, key, exc)
        return
    state.data[key] = value


def write_url(ctx: RunContext, meta: WidgetMeta, codec: UrlCodec, value: Any) -> None:
    """After a bound widget took its value: show it in the URL, or no parameter at its default."""
    params = ctx.session.location.query_params
    shown = None if _same(value, meta.default) else codec.encode(value)
    params.set_bound(meta.state_key, shown)


def release_bindings(params: QueryParams, gone: list[WidgetMeta]) -> None:
    """Bound widgets a completed run did not draw leave the URL, unless they persist."""
    for meta in gone:
        if meta.bound:
            params.unbind(meta.state_key, keep_value=meta.persist is not None)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return bool(a == b)


# ---- codecs, one per kind of value ---------------------------------------------------------------


def _last(values: list[str]) -> str:
    if not values:
        raise ValueError("no value")
    return values[-1]


def bool_codec() -> UrlCodec:
    """true or false (any case on the way in)."""

    def decode(values: list[str]) -> bool:
        text = _last(values).lower()
        if text not in ("true", "false"):
            raise ValueError(f"{text!r} is not true or false")
        return text == "true"

    return UrlCodec(lambda v: ["true" if v else "false"], decode)


def choice_codec(options: Sequence[Any], labels: Sequence[str], *, clearable: bool, new_ok: bool = False) -> UrlCodec:
    """One option, by the label the widget shows for it; empty: none (when the widget allows none);
    ``new_ok``: any other text is a new option."""

    def encode(value: Any) -> list[str]:
        if value is None:
            return [""]
        return [labels[list(options).index(value)]] if value in options else [str(value)]

    def decode(values: list[str]) -> Any:
        text = _last(values)
        if text == "" and clearable:
            return None
        if new_ok and text not in labels:
            return text
        return options[list(labels).index(text)]

    return UrlCodec(encode, decode)


def choices_codec(
    options: Sequence[Any], labels: Sequence[str], *, max_count: int | None = None, new_ok: bool = False
) -> UrlCodec:
    """Several options, the key repeated once for each; empty: none. Unknown labels (unless
    ``new_ok``) and repeats are dropped (and so is the parameter when none is left)."""

    def encode(value: Any) -> list[str]:
        picked = [labels[list(options).index(v)] if v in options else str(v) for v in value or ()]
        return picked or [""]

    def decode(values: list[str]) -> list[Any]:
        given = [v for v in values if v != ""]
        picked: list[Any] = []
        for text in given:
            option = options[list(labels).index(text)] if text in labels else text if new_ok else _UNKNOWN
            if option is not _UNKNOWN and option not in picked:
                picked.append(option)
        if given and not picked:
            raise ValueError("none of the values is an option")
        return picked[:max_count] if max_count is not None else picked

    return UrlCodec(encode, decode)


_UNKNOWN: Any = object()


def text_codec(max_chars: int | None = None, *, transform: Callable[[str], Any] | None = None) -> UrlCodec:
    """The text itself; ``transform`` makes the widget's value of it (raising on a bad one)."""

    def decode(values: list[str]) -> Any:
        text = _last(values)
        if max_chars is not None and len(text) > max_chars:
            raise ValueError(f"longer than {max_chars} characters")
        return text if transform is None else transform(text)

    return UrlCodec(lambda v: ["" if v is None else str(v)], decode)


def number_text(number: float) -> str:
    """A number as the URL shows it: 5.0 as "5"."""
    if isinstance(number, float) and math.isfinite(number) and number == int(number):
        return str(int(number))
    return str(number)


def number_codec(check: Callable[[float], Any], *, clearable: bool) -> UrlCodec:
    """A number; ``check`` turns the parsed number into the widget's value or raises."""

    def decode(values: list[str]) -> Any:
        text = _last(values)
        if text == "" and clearable:
            return None
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(f"{text!r} is not a finite number")
        return check(number)

    return UrlCodec(lambda v: [""] if v is None else [number_text(v)], decode)


def int_codec(check: Callable[[int], Any]) -> UrlCodec:
    """A whole number written as one ("4", not "4.0", as Streamlit reads an int widget's URL
    value); ``check`` turns it into the widget's value or raises."""

    def decode(values: list[str]) -> Any:
        text = _last(values).strip()
        if not (text.isascii() and text.lstrip("+-").isdecimal()):
            raise ValueError(f"{text!r} is not a whole number")
        return check(int(text))

    return UrlCodec(lambda v: [str(v)], decode)


def time_text(value: Any) -> str:
    """A date, time or datetime as the URL shows it: 2024-05-01, 13:45, 2024-05-01T13:45."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="minutes")
    if isinstance(value, time):
        return value.replace(tzinfo=None).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return number_text(value)


def parse_time_text(kind: str, text: str) -> Any:
    """A URL value of a date ("date"), time ("time") or datetime ("datetime") widget."""
    if kind == "date":
        return date.fromisoformat(text)
    if kind == "time":
        return time.fromisoformat(text)
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is not None:
        raise ValueError(f"{text!r} has a time zone")
    return parsed


def values_codec(encode_one: Callable[[Any], str], decode_one: Callable[[str], Any], *, count: int | None) -> UrlCodec:
    """One value, or a tuple of ``count`` values (the key repeated once for each); ``count`` None:
    a single value. ``decode_one`` reads one of them, raising on a bad one."""

    def encode(value: Any) -> list[str]:
        if count is None:
            return [encode_one(value)]
        return [encode_one(v) for v in value]

    def decode(values: list[str]) -> Any:
        given = [v for v in values if v != ""]
        if count is None:
            return decode_one(_last(given))
        if len(given) != count:
            raise ValueError(f"expected {count} values, got {len(given)}")
        return tuple(decode_one(v) for v in given)

    return UrlCodec(encode, decode)
