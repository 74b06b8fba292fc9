"""What a cached function shows in the app: recorded on a miss, shown again on a hit.

Paths are recorded as they were emitted and re-placed on replay: elements written to the
container the function was called in go to the container of the new call; elements written
into containers the function itself created follow those containers; anything else (the
sidebar, a container passed in) goes back to the container it was written to. The payloads the
elements point at are held too, and put back in the blob store if it has dropped them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from slipstream.caching.errors import WIDGET_IN_CACHE_MESSAGE
from slipstream.caching.payloads import HeldBlobs
from slipstream.caching.storage import Recorded, Replay
from slipstream.runtime.context import get_run_context
from slipstream.runtime.outbox import Path
from slipstream.runtime.placement import (
    DeltaGenerator,
    current_target,
    emit,
    is_slot,
    listen_to_emits,
    place_of,
)

log = logging.getLogger("slipstream.caching")


class Recorder:
    def __init__(self) -> None:
        target = current_target()
        self.base = place_of(target)
        self.base_is_slot = is_slot(target)
        self.elements: Recorded = []
        self.blobs = HeldBlobs()
        self._warned = False

    def saved(self) -> Replay | None:
        if not self.elements:
            return None
        self.blobs.settle()
        return Replay(self.base, self.base_is_slot, self.elements, self.blobs)

    def __call__(self, path: Path, element: dict[str, Any]) -> None:
        self.elements.append((path, element))
        self.blobs.hold(element)
        if element.get("id") is not None and not self._warned:  # only widgets carry an id (charts: None)
            self._warned = True
            log.warning("%s", WIDGET_IN_CACHE_MESSAGE)
            emit(
                {
                    "type": "alert",
                    "kind": "warning",
                    "body": WIDGET_IN_CACHE_MESSAGE,
                    "icon": None,
                    "title": None,
                    "width": "stretch",
                }
            )


@contextmanager
def recording() -> Iterator[Recorder | None]:
    """Record the elements emitted in the block (None outside a running app)."""
    if get_run_context() is None:
        yield None
        return
    recorder = Recorder()
    listen_to_emits(recorder)
    try:
        yield recorder
    finally:
        listen_to_emits(None)


def replay(saved: Replay) -> None:
    """Emit what a cached function showed again, at the current place of the running app."""
    if get_run_context() is None:
        return
    saved.blobs.restore()
    base, base_is_slot = saved.base, saved.base_is_slot
    moved: dict[Path, Path] = {}
    for old, element in saved.elements:
        parent = old[:-1]
        if old in moved:  # written again through a slot it made (st.empty)
            emit(element, target=DeltaGenerator(moved[old], slot=True))
        elif parent in moved:
            moved[old] = emit(element, target=DeltaGenerator(moved[parent]))
        elif (base_is_slot and old == base) or (not base_is_slot and parent == base):
            moved[old] = emit(element)
        else:
            moved[old] = emit(element, target=DeltaGenerator(parent))
