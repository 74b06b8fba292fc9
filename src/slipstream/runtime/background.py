"""One thread for the runtime's small jobs that must not hold up their caller.

``threading.Thread.start`` waits until the new thread runs, which on a busy machine is as long as
the OS and the GIL take to schedule it. The server's event loop asks for a script thread on every
rerun of an idle session, and for a watchdog on every rerun that interrupts a run: done there, a
burst of new sessions stalled every other tab. Those jobs come here instead, and so do the
watchdogs' delays, which would otherwise cost a thread each (``threading.Timer``).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("slipstream.background")


class Background:
    """Runs calls in order of their due time, on one daemon thread started on first use."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._due: list[tuple[float, int, Callable[[], object]]] = []
        self._order = itertools.count()  # calls due at the same time run in the order given
        self._thread: threading.Thread | None = None

    def call_soon(self, call: Callable[[], object]) -> None:
        self.call_later(0.0, call)

    def call_later(self, delay: float, call: Callable[[], object]) -> None:
        with self._cond:
            heapq.heappush(self._due, (time.monotonic() + delay, next(self._order), call))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="slipstream-background", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._due or (wait := self._due[0][0] - time.monotonic()) > 0:
                    self._cond.wait(wait if self._due else None)
                _, _, call = heapq.heappop(self._due)
            try:
                call()
            except Exception:
                log.exception("a background call failed")


background = Background()  # a process's threads are the process's, whatever app asks
