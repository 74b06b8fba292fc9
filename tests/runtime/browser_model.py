"""The browser's store reduced to elements by path, applying frames as frontend/src/store.ts does,
so tests can check that what a tab ends up showing is what the server's view holds."""

from __future__ import annotations

from typing import Any

import pytest

from slipstream.runtime.outbox import Outbox

Path = tuple[int, ...]


class Browser:
    def __init__(self) -> None:
        self.shown: dict[Path, dict[str, Any]] = {}
        self.confirmed: set[Path] = set()

    def apply_all(self, frames: list[list[dict[str, Any]]]) -> Browser:
        for frame in frames:
            self.apply(frame)
        return self

    def apply(self, frame: list[dict[str, Any]]) -> None:
        for m in frame:
            kind = m["t"]
            if kind == "run_start":
                self.confirmed = set()
            elif kind == "el":
                path = tuple(m["p"])
                old = self.shown.get(path)
                if old is not None and (old["type"] != m["e"]["type"] or m.get("clear")):
                    self._drop_below(path)
                self.shown[path] = m["e"]
                self.confirmed.add(path)
            elif kind == "patch":
                path = tuple(m["p"])
                self.shown[path] = {**self.shown[path], **m["e"]}
                self.confirmed.add(path)
            elif kind == "keep":
                first = tuple(m["p"])
                for i in range(m["n"]):
                    path = (*first[:-1], first[-1] + i)
                    self.confirmed.add(path)
                    if m.get("tree"):
                        self.confirmed |= {p for p in self.shown if p[: len(path)] == path}
            elif kind == "append":
                path = tuple(m["p"])
                self.shown[path] = {**self.shown[path], "body": self.shown[path]["body"] + m["s"]}
            elif kind == "run_end" and m["status"] != "interrupted":
                if m.get("whole"):
                    self.shown = {p: e for p, e in self.shown.items() if p in self.confirmed}
                for path in m.get("drop", []):
                    self.shown.pop(tuple(path), None)
                    self._drop_below(tuple(path))

    def _drop_below(self, path: Path) -> None:
        for p in [p for p in self.shown if len(p) > len(path) and p[: len(path)] == path]:
            del self.shown[p]


def every_run_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every run send its keeps, as a run that goes on past the outbox's hold does."""
    start = Outbox.put_run_start

    def started(self: Outbox, run: int, scopes: list[Path] | None = None) -> None:
        start(self, run, scopes)
        self.release_keeps(run)

    monkeypatch.setattr(Outbox, "put_run_start", started)
