"""A multipage app's pages: their names and URL paths from file names, the ``pages/`` folder, and
which page a request for a URL path gets.

A page file's name gives its place, icon and name as Streamlit derives them: a leading number
orders it (``02_sales.py`` before ``10_map.py``, numbered pages before the others), a leading
emoji is its icon (``1_📈_Charts.py``), and the rest, underscores and spaces folded into one
underscore, is its URL path (``Charts``) and, with spaces for underscores, its title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PAGES_FOLDER = "pages"
_FILE_NAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")


def page_sort_key(path: Path) -> tuple[float, str]:
    """Numbered pages first, by number, then the others by name (case-insensitive)."""
    match = _FILE_NAME.fullmatch(path.name)
    if match is None:
        return (float("inf"), path.name.lower())
    number, rest = match.groups()
    return (float(number) if number else float("inf"), rest.lower())


def page_icon_and_name(path: Path) -> tuple[str, str]:
    """The icon (a leading emoji, or "") and the URL-path name of the page file ``path``."""
    match = _FILE_NAME.fullmatch(path.name)
    if match is None:
        return "", ""
    number, rest = match.groups()
    name = re.sub(r"[_ ]+", "_", rest).strip() or number
    return split_leading_emoji(name)


def split_leading_emoji(text: str) -> tuple[str, str]:
    """A leading emoji of ``text`` and the rest, without the separators after the emoji.

    An emoji starts with a pictograph (or is a keycap such as 1️⃣) and goes on through what builds
    one glyph: joiners and what they join, variation selectors, skin tones, tags, a flag's second
    letter. A letter such as "ü" starts none."""
    keycap = _KEYCAP.match(text)
    if keycap:
        end = keycap.end()
    elif text and unicodedata.category(text[0]) == "So":
        end = 1
        while end < len(text) and _continues_glyph(text[end - 1], text[end], end):
            end += 1
    else:
        return "", text
    return text[:end], text[end:].lstrip("_ -")


def _continues_glyph(previous: str, char: str, position: int) -> bool:
    if char in "\u200d\ufe0f\u20e3" or "\U0001f3fb" <= char <= "\U0001f3ff" or "\U000e0020" <= char <= "\U000e007f":
        return True
    if previous == "\u200d":
        return unicodedata.category(char) == "So"
    regional = "\U0001f1e6" <= previous <= "\U0001f1ff" and "\U0001f1e6" <= char <= "\U0001f1ff"
    return regional and position == 1


def folder_pages(main_script: Path) -> list[Path]:
    """The page files of the ``pages/`` folder beside ``main_script``, in the menu's order."""
    folder = main_script.parent / PAGES_FOLDER
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.py") if not p.name.startswith(".") and p.name != "__init__.py"]
    return sorted(files, key=page_sort_key)


def url_path_from_title(title: str) -> str:
    """An external page's URL path from its title: lower case, runs of spaces as one underscore,
    none of the characters that mean something in a URL."""
    path = re.sub(r"\s+", "_", title.lower())
    path = re.sub(r"[&#?/\\:*\"<>|']", "", path).strip("_")
    return re.sub(r"_+", "_", path)


@dataclass(frozen=True, slots=True)
class PageEntry:
    """What the browser's menu shows of one page (one entry of a ``navigation`` message)."""

    url_path: str  # "" for the default page
    title: str
    icon: str
    section: str
    hidden: bool
    help: str
    external: str | None
    # The page's source: a file's resolved path, else None (a function or an external URL).
    script: Path | None

    def wire(self) -> dict[str, object]:
        return {
            "url_path": self.url_path,
            "title": self.title,
            "icon": self.icon,
            "section": self.section,
            "hidden": self.hidden,
            "help": self.help,
            "external": self.external,
        }


def resolve(entries: list[PageEntry], requested: str | None, default: PageEntry) -> tuple[PageEntry, bool]:
    """The page to run for the URL path ``requested`` (None or "": the default page), and whether
    it was found. An external page is never run: asking for it gets the default page."""
    if not requested:
        return default, True
    for entry in entries:
        if entry.url_path == requested and entry.external is None:
            return entry, True
    return default, False
