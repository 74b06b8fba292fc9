"""Watch the app's script and the local modules it imports; report changes.

Uses watchdog's native observer, falling back to polling where the native one cannot start
(for example when the inotify watch limit is reached).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("slipstream.watcher")


def local_modules(folder: Path) -> dict[Path, str]:
    """Modules imported from the app's folder (not from a virtualenv inside it): file -> name."""
    found: dict[Path, str] = {}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not file:
            continue
        path = Path(file).resolve()
        if path.suffix == ".py" and folder in path.parents and "site-packages" not in path.parts:
            found[path] = name
    return found


class SourceWatcher:
    """Calls ``on_change`` (on the watcher's thread) after the script or a local module changed."""

    def __init__(
        self, script: Path, on_change: Callable[[], None], *, kind: str = "auto", settle: float = 0.05
    ) -> None:
        self.script = script.resolve()
        self.folder = self.script.parent
        self.on_change = on_change
        self.kind = kind
        self.settle = settle
        self._observer: object | None = None
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
                        watcher._seen(Path(str(raw)))

        observers = [PollingObserver] if self.kind == "poll" else [Observer, PollingObserver]
        for observer_class in observers:
            observer = observer_class()
            try:
                observer.schedule(Handler(), str(self.folder), recursive=True)
                observer.start()
            except OSError as exc:
                log.warning("could not start %s (%s); falling back to polling", observer_class.__name__, exc)
                continue
            self._observer = observer
            return

    def _seen(self, path: Path) -> None:
        try:
            path = path.resolve()
        except OSError:
            return
        if path.suffix != ".py":
            return
        if path != self.script and path not in local_modules(self.folder):
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
            if path != self.script:
                sys.modules.pop(name, None)
        self.on_change()

    def stop(self) -> None:
        observer = self._observer
        if observer is not None:
            observer.stop()  # type: ignore[attr-defined]
            observer.join(timeout=2)  # type: ignore[attr-defined]
        if self._timer is not None:
            self._timer.cancel()
