"""What one browser tab holds, so each run sends only what changed.

For every path the view remembers the encoded element the browser has and the last run that
confirmed it. Putting an identical element again costs a ``keep``; anything else is sent.
The element itself is kept only for a reader in the same process (AppTest): a tab's view
holds bytes, which is half the memory of an idle session.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import orjson

from slipstream.protocol import CONTAINER_TYPES
from slipstream.runtime.outbox import Outbox, Path, element_message, sized

# The menu of an app without pages.
NO_NAVIGATION = {
    "t": "navigation",
    "position": "hidden",
    "expanded": False,
    "visible": None,
    "sections": [],
    "pages": [],
    "page": "",
}


@dataclass(slots=True)
class Held:
    data: bytes
    kind: str  # the element's type
    widget_id: str | None
    run: int
    element: dict[str, Any] | None  # kept only for a reader of the elements

    def decoded(self) -> dict[str, Any]:
        if self.element is not None:
            return self.element
        element: dict[str, Any] = orjson.loads(self.data)
        return element


class ClientView:
    def __init__(self, outbox: Outbox, *, keep_elements: bool = False) -> None:
        self.outbox = outbox
        self.keep_elements = keep_elements
        self.held: dict[Path, Held] = {}
        self._lock = threading.RLock()
        self.run = 0
        self.page_config: dict[str, Any] | None = None
        self.navigation: dict[str, Any] | None = None  # the last st.navigation menu sent

    def start_run(self, run: int) -> None:
        self.run = run

    def put(self, path: Path, element: dict[str, Any]) -> None:
        data = orjson.dumps(element)
        with self._lock:  # parallel fragments put from their own threads
            self._put(path, element, data)

    def _put(self, path: Path, element: dict[str, Any], data: bytes) -> None:
        held = self.held.get(path)
        if held is not None:
            if held.run != self.run and held.data == data:
                held.run = self.run
                self.outbox.put_keep(path)
                return
            if held.kind in CONTAINER_TYPES and (held.run == self.run or held.kind != element["type"]):
                self._drop_descendants(path)
        widget_id = element.get("id")
        self.held[path] = Held(
            sized(data),
            element["type"],
            widget_id if isinstance(widget_id, str) else None,
            self.run,
            element if self.keep_elements else None,
        )
        self.outbox.put_element(path, data)

    def _drop_descendants(self, path: Path) -> None:
        depth = len(path)
        doomed = [p for p in self.held if len(p) > depth and p[:depth] == path]
        for p in doomed:
            del self.held[p]

    def update_widget(self, within: Path, widget_id: str, fields: dict[str, Any]) -> None:
        """Change some fields of the widget ``widget_id``, somewhere under the path ``within``."""
        depth = len(within)
        for path, held in self.held.items():
            if path[:depth] == within and held.widget_id == widget_id:
                self.put(path, {**held.decoded(), **fields})
                return

    def finish_run(self, scopes: tuple[Path, ...] = ((),)) -> None:
        """The run completed: forget what it did not produce within ``scopes``, the parts of the
        app it drew again (the browser removes the same)."""
        with self._lock:
            run = self.run
            stale = [p for p, held in self.held.items() if held.run != run and _below(p, scopes)]
            for p in stale:
                del self.held[p]

    def widget_ids_under(self, scopes: tuple[Path, ...]) -> set[str]:
        """The widgets shown within ``scopes`` (below the elements at those paths)."""
        with self._lock:
            return {h.widget_id for p, h in self.held.items() if h.widget_id and _below(p, scopes)}

    def next_child(self, parent: Path) -> int:
        """The index after the last child the container at ``parent`` holds."""
        depth = len(parent) + 1
        with self._lock:
            return 1 + max((p[-1] for p in self.held if len(p) == depth and p[:-1] == parent), default=-1)

    def set_page_config(self, config: dict[str, Any]) -> None:
        """Send the page configuration, unless the browser has it already."""
        if config != self.page_config:
            self.page_config = config
            self.outbox.put({"t": "page_config", **config})

    def reset_page_title(self) -> None:
        """Another page is shown: the tab's title and icon follow it again, unless it sets its own."""
        config = self.page_config
        if config is not None and (config["title"] is not None or config["icon"] is not None):
            self.set_page_config({**config, "title": None, "icon": None})

    def set_navigation(self, menu: dict[str, Any] | None) -> None:
        """Send the menu of pages (None: the app has none any more), unless the browser has it."""
        if menu == self.navigation:
            return
        self.navigation = menu
        self.outbox.put(menu if menu is not None else NO_NAVIGATION)

    def coalesce_unsent(self, run: int, status: str) -> None:
        """At a run's end: when the tab has not read even the runs before this one, what it must
        end up showing replaces them all, so a tab that reads slowly costs at most one snapshot."""
        if self.outbox.unsent_runs() < 2:
            return
        snapshot = [orjson.dumps({"t": "run_start", "run": run})]  # the whole view
        if self.page_config is not None:
            snapshot.append(orjson.dumps({"t": "page_config", **self.page_config}))
        if self.navigation is not None:
            snapshot.append(orjson.dumps(self.navigation))
        for path, held in sorted(self.held.items()):
            snapshot.append(element_message(path, held.data))
        snapshot.append(orjson.dumps({"t": "run_end", "run": run, "status": status}))
        self.outbox.replace_runs(snapshot)

    def forget(self) -> None:
        """The browser lost its copy (a new page load): send everything again next run."""
        self.held.clear()
        self.page_config = None
        self.navigation = None

    def elements(self) -> dict[Path, dict[str, Any]]:
        return {path: held.decoded() for path, held in sorted(self.held.items())}


def _below(path: Path, scopes: tuple[Path, ...]) -> bool:
    """Whether ``path`` lies strictly below one of ``scopes``."""
    return any(len(path) > len(scope) and path[: len(scope)] == scope for scope in scopes)
