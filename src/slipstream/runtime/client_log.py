"""Log lines about what a browser sent: short, and few per client and per process.

Whatever a client sends can end up in a log line (a rejected value, a malformed message). Each
argument is cut to a few hundred characters, and lines are rate-limited twice: per client, so
one noisy tab cannot fill the log, and per process, so many connections cannot either. Lines
held back are counted and the count is told with the next line that gets through.
"""

from __future__ import annotations

import logging
import reprlib
import threading
import time
from collections.abc import Callable

MAX_ARG_CHARS = 200

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 60
_short.maxlist = _short.maxtuple = _short.maxset = _short.maxdict = 8
_short.maxlevel = 3


def shorten(value: object) -> str:
    """``value`` as one line of at most about MAX_ARG_CHARS characters: strings as they are (with
    control characters escaped), other values as a repr; what is cut off is counted."""
    if isinstance(value, str):
        text = value if len(value) <= MAX_ARG_CHARS else f"{value[:MAX_ARG_CHARS]}… ({len(value):,} chars)"
        # A line break from a client must not start a log line of its own.
        return text if text.isprintable() else repr(text)[1:-1]
    if isinstance(value, bytes | bytearray) and len(value) > MAX_ARG_CHARS:
        return f"{_short.repr(bytes(value[:MAX_ARG_CHARS]))}… ({len(value):,} bytes)"
    if isinstance(value, BaseException):
        return shorten(str(value))
    text = _short.repr(value)
    return text if len(text) <= MAX_ARG_CHARS else f"{text[:MAX_ARG_CHARS]}…"


class Budget:
    """A token bucket: ``burst`` lines at once, then one every ``per_line`` seconds."""

    def __init__(self, burst: int, per_line: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.per_line = per_line
        self._clock = clock
        self._tokens = float(burst)
        self._last = clock()
        self._lock = threading.Lock()

    def refill(self) -> None:
        with self._lock:
            self._tokens = float(self.burst)
            self._last = self._clock()

    def take(self) -> bool:
        with self._lock:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._last) / self.per_line)
            self._last = now
            if self._tokens >= 1:
                self._tokens -= 1
                return True
            return False


# The process's share: about 50 lines in a burst, then 2 a second, however many clients there are.
PROCESS_BUDGET = Budget(burst=50, per_line=0.5)


class ClientLog:
    """The log of one client (a connection or a session): arguments shortened, lines rate-limited."""

    def __init__(
        self,
        logger: logging.Logger,
        who: str = "",
        *,
        budget: Budget | None = None,
        shared: Budget = PROCESS_BUDGET,
    ) -> None:
        self.logger = logger
        self.who = who
        self._budget = budget or Budget(burst=10, per_line=6.0)
        self._shared = shared
        self._held_back = 0

    def info(self, message: str, *args: object) -> None:
        self._log(logging.INFO, message, args)

    def warning(self, message: str, *args: object) -> None:
        self._log(logging.WARNING, message, args)

    def _log(self, level: int, message: str, args: tuple[object, ...]) -> None:
        if not self.logger.isEnabledFor(level):
            return
        if not (self._budget.take() and self._shared.take()):
            self._held_back += 1
            return
        text = message % tuple(a if isinstance(a, int | float) else shorten(a) for a in args)
        prefix = f"{self.who}: " if self.who else ""
        suffix = f" ({self._held_back} more such lines held back)" if self._held_back else ""
        self._held_back = 0
        self.logger.log(level, "%s%s%s", prefix, text, suffix)


# uvicorn's lines about what a client sent, which it logs with a traceback of its own parser.
CLIENT_INPUT_LINES = ("Invalid HTTP request received", "Invalid UTF-8 sequence received from client")


class RateLimit(logging.Filter):
    """A filter for a logger we do not write ourselves (the ASGI server's, which says a line for
    each malformed request): its lines share the process's budget, so a flood of bad requests
    cannot flood the log."""

    def __init__(self, budget: Budget = PROCESS_BUDGET) -> None:
        super().__init__()
        self._budget = budget

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._budget.take():
            return False
        if record.getMessage().startswith(CLIENT_INPUT_LINES):
            record.exc_info = record.exc_text = None  # the client's bytes were bad: no traceback to read
        return True
