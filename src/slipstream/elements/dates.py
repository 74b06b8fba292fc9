"""Dates and times: st.date_input, st.time_input and st.datetime_input."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.bound_widgets import UrlCodec, time_text
from slipstream.runtime.widgets import Key, register

_DATE_FORMAT = re.compile(r"^(YYYY([/.-])MM\2DD|DD([/.-])MM\3YYYY|MM([/.-])DD\4YYYY)$")


def _shift_years(moment: Any, years: int) -> Any:
    """The same day ``years`` later (Feb 29 becomes Feb 28)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def _to_date(fn: str, name: str, value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise StreamlitAPIException(f"st.{fn}: {name} {value!r} is not a date; use datetime.date or 'YYYY-MM-DD'.")


def _step_seconds(fn: str, step: Any) -> int:
    seconds = step.total_seconds() if isinstance(step, timedelta) else step
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not 60 <= seconds <= 23 * 3600:
        raise StreamlitAPIException(f"st.{fn}: step must be between 60 seconds and 23 hours, not {step!r}.")
    return int(seconds)


def date_input(
    label: str,
    value: Any = "today",
    min_value: Any = None,
    max_value: Any = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> Any:
    """Show a date picker; return a ``datetime.date`` (None when ``value=None`` and nothing was
    picked), or, when ``value`` is a list or tuple, a tuple of up to two dates (a range).

    Example::

        day = st.date_input("Day", datetime.date(2024, 7, 1))
        start, end = st.date_input("Period", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 31)))
    """
    fn = "date_input"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    _check_date_format(format)
    is_range = isinstance(value, (list, tuple))
    if is_range:
        if len(value) > 2:
            raise StreamlitAPIException(f"st.date_input: a range takes at most two dates, got {len(value)}.")
        dates = [_to_date(fn, "value", v) for v in value]
    elif value is None:
        dates = []
    else:
        dates = [date.today() if value == "today" else _to_date(fn, "value", value)]
    anchor = dates[0] if dates else date.today()
    low = _to_date(fn, "min_value", min_value) if min_value is not None else _shift_years(anchor, -10)
    high = _to_date(fn, "max_value", max_value) if max_value is not None else _shift_years(anchor, 10)
    if low > high:
        raise StreamlitAPIException(f"st.date_input: min_value {low} is after max_value {high}.")
    for d in dates:
        if not low <= d <= high:
            raise StreamlitAPIException(f"st.date_input: the value {d} is outside [{low}, {high}].")

    def to_python(ds: list[date]) -> Any:
        return tuple(ds) if is_range else (ds[0] if ds else None)

    def as_list(v: Any) -> list[date] | None:
        items = list(v) if isinstance(v, (list, tuple)) else ([] if v is None else [v])
        if not all(isinstance(d, date) and low <= (d.date() if isinstance(d, datetime) else d) <= high for d in items):
            return None
        if len(items) > (2 if is_range else 1):
            return None
        return [d.date() if isinstance(d, datetime) else d for d in items]

    def from_browser(raw: Any) -> Any:
        if not isinstance(raw, list) or len(raw) > (2 if is_range else 1):
            raise ValueError("expected a list of ISO dates")
        try:
            ds = sorted(date.fromisoformat(d) for d in raw if isinstance(d, str))
        except ValueError as exc:
            raise ValueError(f"not an ISO date: {exc}") from None
        if len(ds) != len(raw) or not all(low <= d <= high for d in ds):
            raise ValueError(f"dates must lie in [{low}, {high}]")
        return to_python(ds)

    def shown(v: Any) -> dict[str, Any]:
        return {"value": [d.isoformat() for d in as_list(v) or []]}

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "value": [d.isoformat() for d in dates],
            "min": low.isoformat(),
            "max": high.isoformat(),
            "format": format,
            "help": help,
            "range": is_range,
        },
        default=to_python(dates),
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: as_list(v) is not None,
        value_given=not (isinstance(value, str) and value == "today"),
        shown=shown,
        bind=bind,
        persist_state=persist_state,
        url=UrlCodec(lambda v: shown(v)["value"] or [""], lambda vs: from_browser([v for v in vs if v != ""])),
    )
    emit_element(
        {
            "type": "date_input",
            "id": wid,
            "label": text,
            **shown(current),
            "is_range": is_range,
            "min": low.isoformat(),
            "max": high.isoformat(),
            "format": str(format),
            "required": _check_required(required),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return to_python(as_list(current) or [])


def _to_time(fn: str, value: Any) -> time:
    if isinstance(value, datetime):
        return value.time().replace(tzinfo=None)
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value.strip())
        except ValueError:
            pass
    raise StreamlitAPIException(f"st.{fn}: {value!r} is not a time; use datetime.time or 'HH:MM'.")


def _time_text(t: time) -> str:
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def _shown_time(value: time | None) -> dict[str, Any]:
    return {"value": None if value is None else _time_text(value)}


def _check_date_format(format: Any) -> str:
    """A date format: year, month and day in one of three orders, with "/", "-" or "." between."""
    if isinstance(format, str) and _DATE_FORMAT.match(format):
        return format
    raise StreamlitAPIException(
        f"Invalid `format` value {format!r}: use YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY, with '/', '-' or '.' "
        "between the parts."
    )


def _check_time_format(format: Any) -> str:
    """How the hour shows: 0-23 ("24h", the default), 1-12 with AM/PM ("12h"), or as the browser's
    locale has it ("localized"). The value returned is the same either way."""
    if format in ("12h", "24h", "localized"):
        return str(format)
    raise StreamlitAPIException(f"Invalid `format` value. Supported values: '12h', '24h', 'localized'. Got {format!r}.")


def _check_required(required: Any) -> bool:
    """Whether the browser refuses to send an empty value (the last value sent stays)."""
    if isinstance(required, bool):
        return required
    raise StreamlitAPIException(f"Invalid `required` value. Supported values: True, False. Got {required!r}.")


def time_input(
    label: str,
    value: Any = "now",
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    step: int | timedelta = timedelta(minutes=15),
    format: str = "24h",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> time | None:
    """Show a time picker; return a ``datetime.time`` (None when ``value=None`` and nothing was
    picked). ``step`` is the interval the arrow keys move by, in seconds or as a timedelta (not a
    whole minute: seconds show too). ``format`` shows hours 0-23 ("24h", the default, whatever the
    browser's locale), 1-12 with AM/PM ("12h"), or as the locale has it ("localized").
    ``required=True``: clearing the field sends nothing, and the last value stays.

    Example::

        alarm = st.time_input("Alarm", datetime.time(7, 30))
    """
    fn = "time_input"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    seconds = _step_seconds(fn, step)
    if value is None:
        default = None
    elif value == "now":
        default = datetime.now().time().replace(second=0, microsecond=0)
    else:
        default = _to_time(fn, value).replace(microsecond=0)

    def from_browser(raw: Any) -> time | None:
        if raw is None:
            return None
        if not isinstance(raw, str) or not re.fullmatch(r"\d\d:\d\d(:\d\d)?", raw):
            raise ValueError("expected HH:MM or HH:MM:SS")
        return time.fromisoformat(raw)

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "value": None if default is None else _time_text(default),
            "step": seconds,
            "help": help,
        },
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: v is None or isinstance(v, time),
        value_given=not (isinstance(value, str) and value == "now"),
        shown=_shown_time,
        bind=bind,
        persist_state=persist_state,
        url=UrlCodec(_url_moment, lambda vs: from_browser(_last_or_none(vs))),
    )
    emit_element(
        {
            "type": "time_input",
            "id": wid,
            "label": text,
            **_shown_time(current),
            "step": seconds,
            "format": _check_time_format(format),
            "required": _check_required(required),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return current  # type: ignore[no-any-return]


def _to_datetime(fn: str, name: str, value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise StreamlitAPIException(f"st.{fn}: {name} {value!r} is not a datetime; use datetime.datetime or ISO text.")


def _datetime_text(d: datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%S" if d.second else "%Y-%m-%dT%H:%M")


def _shown_datetime(value: datetime | None) -> dict[str, Any]:
    return {"value": None if value is None else _datetime_text(value)}


def datetime_input(
    label: str,
    value: Any = "now",
    min_value: Any = None,
    max_value: Any = None,
    *,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    format: str = "YYYY/MM/DD",
    step: int | timedelta = timedelta(minutes=15),
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: Any = None,
    persist_state: Any = None,
) -> datetime | None:
    """Show a date-and-time picker; return a ``datetime.datetime`` (None when ``value=None`` and
    nothing was picked). The date shows in ``format`` (as st.date_input's), the time in 24 hours.
    ``required=True``: clearing the field sends nothing, and the last value stays.

    Example::

        when = st.datetime_input("Meeting", datetime.datetime(2024, 7, 1, 9, 0))
    """
    fn = "datetime_input"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    seconds = _step_seconds(fn, step)
    if value is None:
        default = None
    elif value == "now":
        default = datetime.now().replace(second=0, microsecond=0)
    else:
        default = _to_datetime(fn, "value", value).replace(microsecond=0)
    anchor = default or datetime.now().replace(second=0, microsecond=0)
    low = _to_datetime(fn, "min_value", min_value) if min_value is not None else _shift_years(anchor, -10)
    high = _to_datetime(fn, "max_value", max_value) if max_value is not None else _shift_years(anchor, 10)
    if low > high:
        raise StreamlitAPIException(f"st.datetime_input: min_value {low} is after max_value {high}.")
    if default is not None and not low <= default <= high:
        raise StreamlitAPIException(f"st.datetime_input: the value {default} is outside [{low}, {high}].")

    def from_browser(raw: Any) -> datetime | None:
        if raw is None:
            return None
        if not isinstance(raw, str) or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?", raw):
            raise ValueError("expected YYYY-MM-DDTHH:MM")
        moment = datetime.fromisoformat(raw)
        if not low <= moment <= high:
            raise ValueError(f"{moment} is outside [{low}, {high}]")
        return moment

    wid, current = register(
        fn,
        key=key,
        identity={
            "label": text,
            "value": None if default is None else _datetime_text(default),
            "min": _datetime_text(low),
            "max": _datetime_text(high),
            "step": seconds,
            "help": help,
        },
        default=default,
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=lambda v: v is None or (isinstance(v, datetime) and low <= v.replace(tzinfo=None) <= high),
        value_given=not (isinstance(value, str) and value == "now"),
        shown=_shown_datetime,
        bind=bind,
        persist_state=persist_state,
        url=UrlCodec(_url_moment, lambda vs: from_browser(_last_or_none(vs))),
    )
    emit_element(
        {
            "type": "datetime_input",
            "id": wid,
            "label": text,
            **_shown_datetime(current),
            "min": _datetime_text(low),
            "max": _datetime_text(high),
            "step": seconds,
            "format": _check_date_format(format),
            "required": _check_required(required),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return current  # type: ignore[no-any-return]


def _url_moment(value: Any) -> list[str]:
    """A time or datetime as the URL shows it; none: an empty value."""
    return [""] if value is None else [time_text(value)]


def _last_or_none(values: list[str]) -> str | None:
    """A time or datetime widget's URL value: the last one given; empty: none."""
    return values[-1] if values and values[-1] != "" else None
