"""Watch the app's script and the local modules it imports; report changes.

Only the folders that hold the script or one of its local modules are watched, each without
its subfolders, so an app living in a busy folder (or beside a virtualenv) costs nothing for
the files it does not use. Uses watchdog's native observer, falling back to polling where the
native one cannot start (for example when the inotify watch limit is reached).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("slipstream.watcher")


def local_modules(folder: Path) -> dict[Path, str]:
    """Modules imported from the app's folder (not from a virtualenv inside it): file -> name."""
    prefix = str(folder) + os.sep
    found: dict[Path, str] = {}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py") or not file.startswith(prefix):
            continue
        if "site-packages" in file or "dist-packages" in file:
            continue
        found[Path(file)] = name
    return found


class SourceWatcher:
    """Calls ``on_change`` (on the watcher's thread) after the script or a local module changed."""

    def __init__(
        self,
        script: Path,
        on_change: Callable[[], None],
        *,
        kind: str = "auto",
        settle: float = 0.05,
        extra: Sequence[Path] = (),
        ignore: Sequence[Path] = (),
    ) -> None:
        self.script = script.resolve()
        # server.folderWatchList (watched with their subfolders) and server.folderWatchBlacklist
        self.extra = [folder.resolve() for folder in extra]
        self.ignore = [folder.resolve() for folder in ignore]
        self.folder = self.script.parent
        self.on_change = on_change
        self.kind = kind
        self.settle = settle
        self._observer: Any = None
        self._handler: Any = None
        self._watched: set[Path] = set()
        self._files: set[Path] = set()  # page scripts: watched besides the script and its modules
        self._modules_seen: tuple[int, str | None] = (0, None)  # sys.modules' size and last name at the last refresh
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        if self.kind == "none":
            return
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    if raw:
                        watcher._seen(os.fsdecode(raw))

        self._handler = Handler()
        observers = [PollingObserver] if self.kind == "poll" else [Observer, PollingObserver]
        for observer_class in observers:
            observer = observer_class()
            try:
                observer.schedule(self._handler, str(self.folder), recursive=False)
                observer.start()
            except OSError as exc:
                log.warning("could not start %s (%s); falling back to polling", observer_class.__name__, exc)
                continue
            self._observer = observer
            self._watched = {self.folder}
            for folder in self.extra:
                try:
                    observer.schedule(self._handler, str(folder), recursive=True)
                except OSError as exc:
                    log.warning("server.folderWatchList: cannot watch %s: %s", folder, exc)
            self.refresh()
            return

    @property
    def active(self) -> bool:
        """Watching: changes will be reported."""
        return self._observer is not None

    def refresh(self) -> None:
        """Also watch the folders of local modules imported since the last refresh."""
        # Called after every run: a look at sys.modules only when a module came or went since.
        try:
            newest = next(reversed(sys.modules), None)
        except RuntimeError:  # another thread imported a module meanwhile: look
            newest = None
        modules = (len(sys.modules), newest)
        if self._observer is None or modules == self._modules_seen:
            return
        self._modules_seen = modules
        folders = {path.parent for path in local_modules(self.folder)}
        with self._lock:
            new = folders - self._watched
            self._watched |= new
        for folder in new:
            try:
                self._observer.schedule(self._handler, str(folder), recursive=False)
            except OSError as exc:
                log.warning("cannot watch %s: %s", folder, exc)

    def watch(self, file: Path) -> bool:
        """Also report changes of ``file`` (a page's script); True when changes will be reported."""
        if self._observer is None:
            return False
        file = file.resolve()
        with self._lock:
            self._files.add(file)
            new = file.parent not in self._watched
            self._watched.add(file.parent)
        if new:
            try:
                self._observer.schedule(self._handler, str(file.parent), recursive=False)
            except OSError as exc:
                log.warning("cannot watch %s: %s", file.parent, exc)
                return False
        return True

    def _seen(self, raw_path: str) -> None:
        if not raw_path.endswith(".py"):
            return
        path = Path(raw_path).resolve()
        if any(path.is_relative_to(folder) for folder in self.ignore):
            return
        listed = any(path.is_relative_to(folder) for folder in self.extra)
        if path != self.script and path not in self._files and not listed and path not in local_modules(self.folder):
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            # Editors save in several steps; report once they are done.
            self._timer = threading.Timer(self.settle, self._report)
            self._timer.daemon = True
            self._timer.start()

    def _report(self) -> None:
        for path, name in local_modules(self.folder).items():
            if path != self.script and path not in self._files:
                sys.modules.pop(name, None)
        self.on_change()

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=2)
        if self._timer is not None:
            self._timer.cancel()
