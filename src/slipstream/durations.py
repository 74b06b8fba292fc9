"""Durations as Streamlit takes them: seconds, a timedelta, or a string such as "1h30m"."""

from __future__ import annotations

import datetime
import re
from typing import Any

from slipstream.errors import StreamlitAPIException

_UNITS = {
    "w": 604800.0, "week": 604800.0, "weeks": 604800.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "h": 3600.0, "hr": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "m": 60.0, "min": 60.0, "mins": 60.0, "minute": 60.0, "minutes": 60.0,
    "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0,
    "ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
}  # fmt: skip
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)\s*,?", re.IGNORECASE)


def duration_seconds(call: str, name: str, value: Any) -> float | None:
    """Seconds from a number, a timedelta or a string such as "1h30m" or "2 days" (None: none).

    ``call`` and ``name`` name the function and its argument in the error for anything else."""
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
        if value < 0:
            raise StreamlitAPIException(f"{call}: {name} is {value!r}; give a number of seconds of 0 or more.")
        return float(value)
    if isinstance(value, str):
        text, seconds, position = value.strip(), 0.0, 0
        while position < len(text):
            match = _PART.match(text, position)
            if match is None or match.group(2).lower() not in _UNITS:
                break
            seconds += float(match.group(1)) * _UNITS[match.group(2).lower()]
            position = match.end()
        else:
            if text:
                return seconds
    raise StreamlitAPIException(
        f"{call}: {name}={value!r} is not a duration. Give seconds ({name}=3600), a datetime.timedelta, "
        f'or a string such as "1h", "30m", "1d2h34m" or "2 days".'
    )
