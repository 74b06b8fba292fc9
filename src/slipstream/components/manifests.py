"""Asset folders of v2 components declared by installed packages, as Streamlit 1.67 reads them.

A package declares its components in its ``pyproject.toml``::

    [project]
    name = "my-widgets"

    [[tool.streamlit.component.components]]
    name = "slider"
    asset_dir = "frontend/build"

``st.components.v2.component("my-widgets.slider", js="index-*.js")`` then takes its files from
that folder, relative to the package's import folder. Only distributions that mention Streamlit
(name, summary or requirements) are read, and a ``pyproject.toml`` counts only when its project
name is the distribution's.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import re
import threading
from pathlib import Path
from typing import Any

import tomllib

from slipstream.errors import StreamlitAPIException

log = logging.getLogger("slipstream.components")


class StreamlitComponentRegistryError(StreamlitAPIException):
    """A component's declared asset folder or one of its file paths is unusable."""


def canonical_name(name: str) -> str:
    """A project name as package indexes compare them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _mentions_streamlit(dist: importlib.metadata.Distribution) -> bool:
    meta = dist.metadata
    name = str(meta["Name"] or "").lower()
    summary = str(meta["Summary"] or "").lower()
    requires = " ".join(meta.get_all("Requires-Dist") or []).lower()
    return "streamlit" in name or "streamlit" in summary or "streamlit" in requires or name.startswith(("st-", "st_"))


def _read_toml(path: Path) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.debug("cannot read %s: %s", path, exc)
        return None


def _owned_by(data: dict[str, Any], dist_name: str) -> bool:
    project = data.get("project")
    name = project.get("name") if isinstance(project, dict) else None
    return isinstance(name, str) and canonical_name(name) == canonical_name(dist_name)


def _import_folder(dist: importlib.metadata.Distribution) -> Path | None:
    """The folder of the distribution's package (its name with "_" for "-"), when importable."""
    try:
        spec = importlib.util.find_spec(dist.metadata["Name"].replace("-", "_"))
    except (ImportError, ValueError):
        return None
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def _pyproject_candidates(dist: importlib.metadata.Distribution, package: Path | None) -> list[Path]:
    """Where the distribution's pyproject.toml may be: listed among its files (wheels that ship
    it), next to or above its package folder (editable installs), next to or above its first
    Python file."""
    found: list[Path] = []
    files = dist.files or []
    found += [Path(str(dist.locate_file(f))) for f in files if f.name == "pyproject.toml"]
    if package is not None:
        found += [package / "pyproject.toml", package.parent / "pyproject.toml"]
    first_py = next((f for f in files if f.name.endswith(".py")), None)
    if first_py is not None:
        folder = Path(str(dist.locate_file(first_py))).parent
        found += [folder / "pyproject.toml", folder.parent / "pyproject.toml"]
    return found


def _asset_dirs_of(dist: importlib.metadata.Distribution) -> dict[str, Path]:
    """The asset folders the distribution declares, by full component name."""
    dist_name = str(dist.metadata["Name"] or "")
    package = _import_folder(dist)
    for candidate in _pyproject_candidates(dist, package):
        if not candidate.is_file():
            continue
        data = _read_toml(candidate)
        if data is None or not _owned_by(data, dist_name):
            continue
        return _declared_dirs(data, package or candidate.parent)
    return {}


def _declared_dirs(data: dict[str, Any], package_root: Path) -> dict[str, Path]:
    tool = data.get("tool", {}).get("streamlit", {}).get("component", {})
    entries = tool.get("components") if isinstance(tool, dict) else None
    if not isinstance(entries, list):
        return {}
    project_name = data["project"]["name"]
    dirs: dict[str, Path] = {}
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else None
        asset_dir = entry.get("asset_dir") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name or not isinstance(asset_dir, str):
            continue  # malformed entries, and entries without files, declare no folder
        full_name = f"{project_name}.{name}"
        try:
            dirs[full_name] = _checked_asset_dir(full_name, asset_dir, package_root)
        except StreamlitComponentRegistryError as exc:
            log.warning("%s", exc)
    return dirs


def _checked_asset_dir(full_name: str, asset_dir: str, package_root: Path) -> Path:
    check_relative(asset_dir, f"the asset_dir of component {full_name!r}")
    root = package_root.resolve()
    folder = (root / asset_dir).resolve()
    if not folder.is_dir():
        raise StreamlitComponentRegistryError(
            f"Component {full_name!r}: its asset_dir {asset_dir!r} is not a folder under {str(root)!r}."
        )
    if not folder.is_relative_to(root):
        raise StreamlitComponentRegistryError(
            f"Component {full_name!r}: its asset_dir {asset_dir!r} leads outside its package {str(root)!r}."
        )
    return folder


def check_relative(path: str, what: str) -> None:
    """Raise unless ``path`` stays inside the folder it is relative to (no absolute paths, drive
    letters, ``..`` or NUL)."""
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    if "\0" in path or path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        raise StreamlitComponentRegistryError(f"Unsafe path {path!r} in {what}: give a path relative to it.")
    if ".." in parts:
        raise StreamlitComponentRegistryError(f"Path traversal ({path!r}) is not allowed in {what}.")


_lock = threading.Lock()
_scanned: dict[str, Path] | None = None


def _scan() -> dict[str, Path]:
    dirs: dict[str, Path] = {}
    for dist in importlib.metadata.distributions():
        try:
            if _mentions_streamlit(dist):
                dirs.update(_asset_dirs_of(dist))
        except (OSError, KeyError, TypeError, ValueError) as exc:  # a broken install: skip it
            log.debug("cannot read the component manifest of %s: %s", dist, exc)
    return dirs


def asset_dir(full_name: str) -> Path | None:
    """The asset folder declared for component ``full_name``, or None. Installed packages are
    read once; again when a name is not found (a package installed since)."""
    global _scanned
    with _lock:
        if _scanned is None or full_name not in _scanned:
            _scanned = _scan()
        return _scanned.get(full_name)
