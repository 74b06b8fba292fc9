"""Memory closed connections held goes back: collected once a burst of connections is over."""

from __future__ import annotations

import pytest

from slipstream.server import memory


def test_a_collection_waits_for_a_quiet_tick_after_connections_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    collections: list[float] = []
    monkeypatch.setattr(memory.gc, "collect", lambda: collections.append(now[0]) or 0)
    reclaimer = memory.Reclaimer(clock=lambda: now[0])

    reclaimer.reclaim()
    assert collections == []  # no connection ended: nothing to reclaim

    for tick in range(1, 4):  # a burst: connections end during every tick
        now[0] = tick
        reclaimer.released()
        reclaimer.reclaim()
    assert collections == []
    now[0] = 4
    reclaimer.reclaim()  # the first quiet tick
    assert collections == [4]
    now[0] = 5
    reclaimer.reclaim()
    assert collections == [4]  # nothing ended since


def test_a_burst_that_goes_on_is_collected_once_a_period(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    collections: list[float] = []
    monkeypatch.setattr(memory.gc, "collect", lambda: collections.append(now[0]) or 0)
    reclaimer = memory.Reclaimer(clock=lambda: now[0])
    for tick in range(1, 130):
        now[0] = tick
        reclaimer.released()
        reclaimer.reclaim()
    assert collections == [60, 120]
