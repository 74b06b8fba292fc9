from __future__ import annotations

import threading
import time
from collections.abc import Callable

from slipstream.runtime.workers import Workers


def _wait(condition: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_jobs_never_wait_for_each_other() -> None:
    pool = Workers(keep_idle=2, idle_s=5)
    release = threading.Event()
    started: list[int] = []
    for i in range(20):  # twenty jobs that block until released: each needs a worker of its own
        pool.submit(lambda i=i: (started.append(i), release.wait(10)))
    _wait(lambda: len(started) == 20)
    assert len(pool) == 20
    release.set()
    _wait(lambda: len(pool) == 2)  # all but the two kept idle have ended


def test_idle_workers_are_reused_then_end() -> None:
    pool = Workers(keep_idle=2, idle_s=0.3)
    ran: list[int] = []
    for _ in range(50):
        done = threading.Event()
        pool.submit(lambda done=done: (ran.append(threading.get_ident()), done.set()))
        assert done.wait(10)
    assert len(ran) == 50 and len(set(ran)) <= 3  # one after the other: a worker or two did them all
    _wait(lambda: len(pool) == 0)


def test_a_failing_job_does_not_lose_its_worker() -> None:
    pool = Workers(keep_idle=1, idle_s=5)
    pool.submit(lambda: 1 / 0)
    done = threading.Event()
    pool.submit(done.set)
    assert done.wait(10)
