"""Declared v1 components: where each one's files are, and serving them path-safely.

The registry is the process's, not an app's: a component is declared when its package is
imported, and Python imports a package once per process, for every app the process serves.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Routes of the files of a v1 component declared with a path, and of a v2 component's asset
# folder (relative to the page, as blobs are).
COMPONENT_PREFIX = "_slipstream/component/"
ASSET_PREFIX = "_slipstream/bidi-component/"


@dataclass(frozen=True, slots=True)
class Declared:
    name: str
    folder: Path | None  # the resolved folder of its files
    url: str | None  # its development server


_declared: dict[str, Declared] = {}
_asset_dirs: dict[str, Path] = {}  # v2 components defined with files, by full name
_lock = threading.Lock()


def declare(component: Declared) -> None:
    with _lock:
        _declared[component.name] = component


def declared(name: str) -> Declared | None:
    return _declared.get(name)


def declare_assets(name: str, folder: Path) -> None:
    """Serve the files of v2 component ``name`` from its (resolved) asset folder."""
    with _lock:
        _asset_dirs[name] = folder


def component_file(name: str, relative: str) -> Path | None:
    """The file ``relative`` in the folder of v1 component ``name`` (see ``file_in``)."""
    component = _declared.get(name)
    return file_in(component.folder, relative) if component is not None else None


def asset_file(name: str, relative: str) -> Path | None:
    """The file ``relative`` in the asset folder of v2 component ``name`` (see ``file_in``)."""
    return file_in(_asset_dirs.get(name), relative)


def file_in(folder: Path | None, relative: str) -> Path | None:
    """The file ``relative`` in ``folder``, or None when there is no folder or file, or when the
    path would leave the folder (``..``, absolute paths, links pointing outside)."""
    if folder is None:
        return None
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or "\\" in relative or any(p in ("..", ".") for p in parts):
        return None
    if any("\0" in p for p in parts):
        return None
    candidate = folder.joinpath(*parts).resolve()
    if not candidate.is_relative_to(folder) or not candidate.is_file():
        return None
    return candidate
