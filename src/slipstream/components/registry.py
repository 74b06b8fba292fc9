"""Declared v1 components: where each one's files are, and serving them path-safely.

The registry is the process's, not an app's: a component is declared when its package is
imported, and Python imports a package once per process, for every app the process serves.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Route of the files of a component declared with a path (relative to the page, as blobs are).
COMPONENT_PREFIX = "_slipstream/component/"


@dataclass(frozen=True, slots=True)
class Declared:
    name: str
    folder: Path | None  # the resolved folder of its files
    url: str | None  # its development server


_declared: dict[str, Declared] = {}
_lock = threading.Lock()


def declare(component: Declared) -> None:
    with _lock:
        _declared[component.name] = component


def declared(name: str) -> Declared | None:
    return _declared.get(name)


def component_file(name: str, relative: str) -> Path | None:
    """The file ``relative`` in the folder of component ``name``, or None when there is no such
    component or file, or when the path would leave the folder (``..``, absolute paths, links
    pointing outside)."""
    component = _declared.get(name)
    if component is None or component.folder is None:
        return None
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or "\\" in relative or any(p in ("..", ".") for p in parts):
        return None
    if any("\0" in p for p in parts):
        return None
    candidate = component.folder.joinpath(*parts).resolve()
    if not candidate.is_relative_to(component.folder) or not candidate.is_file():
        return None
    return candidate
