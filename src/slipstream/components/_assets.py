"""A v2 component's ``html``, ``css`` and ``js``: inline text, or a path or glob of a file in the
asset folder its package declares (``manifests``), told apart as Streamlit 1.67 does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from slipstream.components import manifests, registry
from slipstream.components.manifests import StreamlitComponentRegistryError, check_relative
from slipstream.errors import StreamlitAPIException

_GLOB = frozenset("*?[]")


@dataclass(frozen=True, slots=True)
class Source:
    """One of html, css, js: its text, or the page-relative URL of its file."""

    text: str | None
    url: str | None


def looks_inline(value: str, extensions: tuple[str, ...]) -> bool:
    """Whether ``value`` is code rather than a path: more than one line, or no glob character, no
    path separator and no file extension of its kind."""
    text = value.strip()
    if "\n" in text or "\r" in text:
        return True
    if _GLOB & set(text) or "/" in text or "\\" in text:
        return False
    return not text.lower().endswith(extensions)


def resolve(name: str, kind: str, value: str | None) -> Source:
    """``value`` (the ``kind`` argument of component ``name``) as text or as a served file.
    Raise when it names a file but the component declares no asset folder, when a glob matches
    no file or several, or when the path leaves the folder."""
    extensions = (".html", ".htm") if kind == "html" else (".css",) if kind == "css" else (".js", ".mjs", ".cjs")
    if value is None or looks_inline(value, extensions):
        return Source(value, None)
    root = manifests.asset_dir(name)
    if root is None:
        if kind == "html":  # Streamlit shows such html as text; a path was meant only with a folder
            return Source(value, None)
        raise StreamlitAPIException(
            f"st.components.v2.component({name!r}): {kind}={value!r} is a file path, but no installed package "
            f"declares an asset_dir for {name!r} in its pyproject.toml ([[tool.streamlit.component.components]]). "
            f"Declare it there, or pass the {kind} itself as a string."
        )
    path = _file(name, kind, value.strip(), root)
    relative = path.relative_to(root).as_posix()
    if kind == "html":
        return Source(path.read_text(encoding="utf-8"), None)
    registry.declare_assets(name, root)
    return Source(None, f"{registry.ASSET_PREFIX}{quote(name, safe='')}/{quote(relative)}")


def _file(name: str, kind: str, pattern: str, root: Path) -> Path:
    what = f"the {kind} of component {name!r}"
    check_relative(pattern, what)
    if _GLOB & set(pattern):
        matches = sorted({p.resolve() for p in root.glob(pattern)})
        files = [p for p in matches if p.is_file() and p.is_relative_to(root)]
        if len(files) != 1:
            found = ", ".join(p.relative_to(root).as_posix() for p in files) or "none"
            raise StreamlitComponentRegistryError(
                f"{what}: the pattern {pattern!r} must match exactly one file in {str(root)!r} (matched: {found})."
            )
        return files[0]
    path = (root / pattern).resolve()
    if not path.is_relative_to(root):
        raise StreamlitComponentRegistryError(f"{what}: {pattern!r} leads outside its asset_dir {str(root)!r}.")
    if not path.is_file():
        raise StreamlitComponentRegistryError(f"{what}: there is no file {pattern!r} in its asset_dir {str(root)!r}.")
    return path
