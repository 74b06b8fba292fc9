"""The threads that run scripts, shared by every session of the process.

A session needs a thread only while its script runs. Starting a thread for each burst of runs
costs more than the run of a small app: ``Thread.start`` waits until the OS and the GIL have
scheduled the new thread, which under load took a hundred milliseconds and more, and a rerun
waited for it. Workers that have finished a job wait a little for the next one instead; a few of
them stay a while (``IDLE_S``), the others end at once, so an idle server holds at most
``KEEP_IDLE`` of them. A job never waits for another to end: when no worker is free, one more is
started, from the background thread so that the caller (the event loop) never waits for it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from slipstream.runtime.background import background

log = logging.getLogger("slipstream.workers")

KEEP_IDLE = 4  # workers that may wait for work at once
IDLE_S = 10.0  # ... and for how long


class Workers:
    def __init__(self, keep_idle: int = KEEP_IDLE, idle_s: float = IDLE_S) -> None:
        self.keep_idle = keep_idle
        self.idle_s = idle_s
        self._cond = threading.Condition()
        self._jobs: deque[Callable[[], object]] = deque()
        self._idle = 0  # workers waiting for a job
        self._starting = 0  # workers asked for, not running yet
        self._count = 0  # workers alive or starting

    def submit(self, job: Callable[[], object]) -> None:
        """Run ``job`` on a worker as soon as possible, without waiting for it here."""
        with self._cond:
            self._jobs.append(job)
            if self._idle + self._starting >= len(self._jobs):
                self._cond.notify()
                return
            self._starting += 1
            self._count += 1
        background.call_soon(self._start_worker)

    def __len__(self) -> int:
        """Workers alive or starting."""
        return self._count

    def _start_worker(self) -> None:
        threading.Thread(target=self._work, name="slipstream-script", daemon=True).start()

    def _work(self) -> None:
        with self._cond:
            self._starting -= 1
        while (job := self._next_job()) is not None:
            try:
                job()
            except BaseException:  # a job ends its own errors; this keeps the worker alive whatever happens
                log.exception("a script job failed")

    def _next_job(self) -> Callable[[], object] | None:
        with self._cond:
            deadline = time.monotonic() + self.idle_s
            while not self._jobs:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._idle >= self.keep_idle:
                    self._count -= 1
                    return None
                self._idle += 1
                self._cond.wait(remaining)
                self._idle -= 1
            return self._jobs.popleft()


workers = Workers()  # a process's threads are the process's, whatever app asks
