"""Dates, times and datetimes as the browser's sliders hold them: microseconds since the epoch.

The browser shows a position as wall-clock time in UTC, so a value's own clock reading goes over
the wire as if it were UTC and its time zone stays on the server, put back on the way in. A date
is its midnight; a time is that time on 2000-01-01 (any fixed day would do).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal

TimeKind = Literal["date", "time", "datetime"]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_TIME_DAY = date(2000, 1, 1)
# The browser holds positions in doubles: integers beyond 2**53 - 1 lose precision.
MAX_SAFE_INTEGER = 2**53 - 1


def kind_of(value: object) -> TimeKind | None:
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    return None


def as_datetime(value: date | time) -> datetime:
    """A naive or aware datetime with ``value``'s clock reading."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    return datetime.combine(_TIME_DAY, value)


def to_micros(value: date | time) -> int:
    delta = as_datetime(value).replace(tzinfo=timezone.utc) - _EPOCH
    return delta // timedelta(microseconds=1)


def from_micros(micros: float, kind: TimeKind, tz: tzinfo | None) -> date | time | datetime:
    moment = (_EPOCH + timedelta(microseconds=int(micros))).replace(tzinfo=tz)
    if kind == "date":
        return moment.date()
    if kind == "time":
        return moment.timetz()
    return moment


def micros_of(step: timedelta) -> int:
    return step // timedelta(microseconds=1)
