from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from slipstream.caching import storage
from slipstream.runtime.app_runtime import default_app


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def forget_memory() -> None:
    """What a server restart does to the in-memory caches."""
    for registry in default_app().caches.values():
        registry.global_stores.clear()
        registry.session_stores.clear()


@pytest.fixture(autouse=True)
def fresh_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    forget_memory()
    yield
    forget_memory()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(storage, "clock", fake)
    return fake
