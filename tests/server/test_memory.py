"""Memory closed connections held goes back: collected once it is worth a collection."""

from __future__ import annotations

import pytest

from slipstream.server import memory


def test_a_collection_runs_only_after_connections_ended_and_memory_grew_or_time_passed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [0.0]
    rss = [100 << 20]
    collections: list[int] = []
    monkeypatch.setattr(memory, "resident_bytes", lambda: rss[0])
    monkeypatch.setattr(memory.gc, "collect", lambda: collections.append(1) or 0)
    reclaimer = memory.Reclaimer(clock=lambda: now[0])

    reclaimer.reclaim()
    rss[0] += 64 << 20
    reclaimer.reclaim()
    assert collections == []  # no connection ended: nothing to reclaim

    reclaimer.connection_ended()
    reclaimer.reclaim()
    assert collections == [1]  # grew by more than GROWTH

    reclaimer.connection_ended()
    reclaimer.reclaim()
    assert collections == [1]  # ended, but neither grown nor a PERIOD later
    now[0] += memory.Reclaimer.PERIOD
    reclaimer.reclaim()
    assert collections == [1, 1]
