"""What one browser tab holds, so each run sends only what changed.

For every path the view remembers the encoded element the browser has and the last run that
confirmed it. Putting an identical element again costs a ``keep``; anything else is sent.
The element itself is kept only for a reader in the same process (AppTest): a tab's view
holds bytes, which is half the memory of an idle session.

Encoded elements and paths are interned (runtime/interned.py): a thousand tabs showing the same
line of text hold it once.

Text appended to an element (st.write_stream) is held as pieces beside its bytes and folded in
only when something reads the whole element, so a chunk costs its own size, not the text's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from slipstream.protocol import CONTAINER_TYPES
from slipstream.runtime import wire
from slipstream.runtime.interned import element_bytes, paths
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
    _data: bytes
    kind: str  # the element's type
    widget_id: str | None
    run: int
    element: dict[str, Any] | None  # kept only for a reader of the elements
    appended: list[str] | None = None  # text appended to the body since _data was encoded

    @property
    def data(self) -> bytes:
        """The element as the browser has it, encoded."""
        if self.appended is not None:
            element = self.decoded()
            self._data = _kept(orjson.dumps(element))
            if self.element is not None:
                self.element = element
            self.appended = None
        return self._data

    def decoded(self) -> dict[str, Any]:
        element: dict[str, Any] = self.element if self.element is not None else orjson.loads(self._data)
        if self.appended is not None:
            element = {**element, "body": element["body"] + "".join(self.appended)}
        return element


class ClientView:
    def __init__(self, outbox: Outbox, *, keep_elements: bool = False) -> None:
        self.outbox = outbox
        self.keep_elements = keep_elements
        self.held: dict[Path, Held] = {}
        # How many elements each container holds at any depth, for keeping a whole subtree at once.
        self.sizes: dict[Path, int] = {}
        self.run = 0
        self.page_config: dict[str, Any] | None = None
        self.navigation: dict[str, Any] | None = None  # the last st.navigation menu sent
        self._reset = False  # forgotten since the last completed run: the browser may hold more
        # Puts come from the script's thread, from parallel fragments' threads, and from a timer's
        # for a delayed spinner: the lock makes each look-then-put one step against the others.
        self._lock = threading.RLock()

    def start_run(self, run: int) -> None:
        self.run = run

    def put(self, path: Path, element: dict[str, Any]) -> None:
        with self._lock:
            self._put(path, element)

    def put_if(self, path: Path, still: Callable[[Held | None], bool], element: dict[str, Any]) -> Held | None:
        """Put ``element`` at ``path`` only if ``still`` holds for what is there now, with no put
        in between (from another thread); return what was put, or None."""
        with self._lock:
            if not still(self.held.get(path)):
                return None
            self._put(path, element)
            return self.held[path]

    def update(self, path: Path, element: dict[str, Any]) -> None:
        """Change the container at ``path`` in place: unlike ``put`` it keeps its children even
        when this run put it already (a put again there starts an st.empty() afresh)."""
        with self._lock:
            held = self.held.get(path)
            if held is None or held.kind != element["type"]:
                self._put(path, element)
                return
            data = orjson.dumps(element)
            if held.data == data and held.run == self.run:
                return
            old = held._data
            held._data, held.appended, held.run = _kept(data), None, self.run
            held.element = element if self.keep_elements else None
            self.outbox.put_update(path, data)
            element_bytes.release(old)

    def _put(self, path: Path, element: dict[str, Any]) -> None:
        data = orjson.dumps(element)
        held = self.held.get(path)
        clear = False
        if held is not None:
            container = held.kind in CONTAINER_TYPES
            if held.data == data and (held.run != self.run or not container):
                if held.run != self.run:
                    held.run = self.run
                    self.outbox.put_keep(path, self.sizes.get(path, 0) if container else 0)
                return  # else the browser shows it already, confirmed in this run
            if container and (held.run == self.run or held.kind != element["type"]):
                self._drop_descendants(path)
                clear = held.kind == element["type"]  # another type drops its children anyway
        else:
            path = paths(path)  # a new key: the process's copy of this path
            self._count(path, 1)
        widget_id = element.get("id")
        changes = _patch(held.decoded(), element, data) if held is not None and not clear else None
        replaced = [held._data] if held is not None else []
        held = None  # the view's last reference to what it replaces: gone with the put below
        self.held[path] = Held(
            _kept(data),
            element["type"],
            widget_id if isinstance(widget_id, str) else None,
            self.run,
            element if self.keep_elements else None,
        )
        if changes is not None:
            self.outbox.put_patch(path, changes)
        else:
            self.outbox.put_element(path, data, clear=clear)
        element_bytes.release_all(replaced)

    def append(self, path: Path, text: str) -> bool:
        """Append ``text`` to the body of the text element at ``path``, when this run put one
        there (else nothing, and False)."""
        with self._lock:
            held = self.held.get(path)
            if held is None or held.run != self.run or held.kind != "markdown":
                return False
            if held.appended is None:
                held.appended = []
            held.appended.append(text)
            self.outbox.put_append(path, text)
            return True

    def _count(self, path: Path, change: int) -> None:
        """``path`` was added (1) or removed (-1): so many more or fewer inside its containers."""
        for depth in range(2, len(path)):
            above = path[:depth]
            self.sizes[above] = self.sizes.get(above, 0) + change

    def _remove(self, doomed: list[Path]) -> None:
        removed = []
        for p in doomed:
            removed.append(self.held.pop(p)._data)
            self.sizes.pop(p, None)
            self._count(p, -1)
        element_bytes.release_all(removed)

    def _drop_descendants(self, path: Path) -> None:
        depth = len(path)
        self._remove([p for p in self.held if len(p) > depth and p[:depth] == path])

    def update_widget(self, within: Path, widget_id: str, fields: dict[str, Any]) -> None:
        """Change some fields of the widget ``widget_id``, somewhere under the path ``within``."""
        depth = len(within)
        for path, held in self.held.items():
            if path[:depth] == within and held.widget_id == widget_id:
                self.put(path, {**held.decoded(), **fields})
                return

    def finish_run(self, scopes: tuple[Path, ...] = ((),)) -> list[Path] | None:
        """The run completed: forget what it did not produce within ``scopes``, the parts of the
        app it drew again. Return what the browser is to remove (each element with what it holds),
        or None when it is to remove everything the run did not send or confirm (the view was
        reset during the run, so it cannot say what the browser holds)."""
        with self._lock:
            run = self.run
            gone = [p for p, held in self.held.items() if held.run != run and _below(p, scopes)]
            self._remove(gone)
            if self._reset:
                self._reset = False
                return None
            removed = set(gone)
            return sorted(p for p in gone if not any(p[:depth] in removed for depth in range(2, len(p))))

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
        snapshot = [wire.run_start(run)]  # the whole view
        if self.page_config is not None:
            snapshot.append(orjson.dumps({"t": "page_config", **self.page_config}))
        if self.navigation is not None:
            snapshot.append(orjson.dumps(self.navigation))
        for path, held in sorted(self.held.items()):
            snapshot.append(element_message(path, held.data))
        snapshot.append(wire.run_end_whole(run, status))
        self.outbox.replace_runs(snapshot)

    def forget(self) -> None:
        """The browser lost its copy (a new page load): send everything again next run."""
        dropped = [held._data for held in self.held.values()]
        self.held.clear()
        element_bytes.release_all(dropped)
        self.sizes.clear()
        self.page_config = None
        self.navigation = None
        self._reset = True

    def elements(self) -> dict[Path, dict[str, Any]]:
        return {path: held.decoded() for path, held in sorted(self.held.items())}


def _patch(old: dict[str, Any], new: dict[str, Any], new_data: bytes) -> bytes | None:
    """The fields of ``new`` that differ from ``old``, encoded, when the browser can take them as a
    patch (same type, same fields) and they are smaller than the whole element; else None."""
    if old.get("type") != new["type"] or old.keys() != new.keys():
        return None
    changed = {k: v for k, v in new.items() if not _same_json(v, old[k])}
    encoded = orjson.dumps(changed)
    return encoded if len(encoded) < len(new_data) else None


def _same_json(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` encode alike: 1 == True and 1 == 1.0 in Python, not in JSON, so a
    list or dict is compared encoded, and a scalar by type as well."""
    if a != b or type(a) is not type(b):
        return False
    return not isinstance(a, (list, dict)) or orjson.dumps(a) == orjson.dumps(b)


def _kept(data: bytes) -> bytes:
    """An encoded element as views keep it: one copy per process (every tab of an app shows
    mostly the same elements), of its own length (see sized)."""
    kept = element_bytes.get(data)
    return kept if kept is not None else element_bytes(sized(data))


def _below(path: Path, scopes: tuple[Path, ...]) -> bool:
    """Whether ``path`` lies strictly below one of ``scopes``."""
    return any(len(path) > len(scope) and path[: len(scope)] == scope for scope in scopes)
