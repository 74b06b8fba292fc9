"""JSON from a browser, decoded so that nothing of it outlives the call.

orjson keeps the keys of the objects it decodes in a process-wide cache (2,048 short strings).
Keys that a browser chooses would stay there for the life of the process, and each one pins the
allocator arena it was made in: after a burst of hostile messages, tens of MiB stayed resident
for 160 KB of cached keys. The standard library's decoder keeps nothing between calls. Its hooks
here make it as strict as the wire contract: no NaN or Infinity, numbers that fit a double or a
64-bit integer, no lone surrogates (they could not be encoded again), nesting within Python's
recursion limit.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any


class BrowserJSONError(ValueError):
    """Text from a browser that is not JSON the protocol accepts."""


_LONGEST_INT = 20  # digits of 2**64, the largest integer a JSON number may carry here
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _reject_constant(name: str) -> Any:
    raise BrowserJSONError(f"{name} is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BrowserJSONError(f"the number {text[:40]} is too large")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _LONGEST_INT or not -(2**63) <= (value := int(text)) < 2**64:
        raise BrowserJSONError(f"the integer {text[:40]} is out of range")
    return value


_DECODER = json.JSONDecoder(parse_float=_finite_float, parse_int=_bounded_int, parse_constant=_reject_constant)


def loads(raw: str | bytes) -> Any:
    """Decode ``raw``; BrowserJSONError (a ValueError) when it is not acceptable JSON."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        value = _DECODER.decode(text)
        if _SURROGATE_ESCAPE.search(text):  # escaped surrogates are fine only in pairs
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except BrowserJSONError:
        raise
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeError are ValueErrors
        raise BrowserJSONError(_describe(exc)) from None
    return value


def _describe(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    if isinstance(exc, UnicodeError):
        return "it holds text that is not valid Unicode"
    return str(exc)
