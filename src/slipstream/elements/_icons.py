"""Icons as apps name them: one emoji, or a Material Symbols glyph as ``:material/name:``.

An element's ``icon`` takes exactly those, as Streamlit does: an emoji shortcode such as
``:rocket:`` is refused there (it works in Markdown text and as the page icon, where the browser
looks it up in its emoji table).
"""

from __future__ import annotations

import random
import re
from typing import Any

from slipstream.errors import StreamlitAPIException

SHORTCODE = re.compile(r":[a-zA-Z0-9_+-]+:")
_MATERIAL = re.compile(r":(.+)/(.+):")
_MATERIAL_NAME = re.compile(r"[a-z0-9_]+")
# A keycap emoji (1️⃣, #️⃣) is the one emoji that starts with an ASCII character.
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")
_HINT = "Use a single emoji or a Material icon like ':material/thumb_up:'."
# page_icon="random" picks one of these.
_RANDOM = ("🎈", "🚀", "✨", "🔥", "🌈", "🎉", "🌟", "💡", "🍀", "🦄", "🐙", "🌵", "🍉", "🎨", "🧭", "🌊", "🍿", "🎯")


def check_material(fn: str, icon: str) -> str:
    """``:material/name:`` as its canonical text, or a StreamlitAPIException naming the value."""
    match = _MATERIAL.fullmatch(icon.strip())
    if match is None or match.group(1) != "material" or not _MATERIAL_NAME.fullmatch(match.group(2)):
        raise StreamlitAPIException(
            f"st.{fn}: {icon!r} is not a Material icon. Write one as ':material/<name>:' with the icon's "
            "name in lower case, like ':material/thumb_up:' (names at https://fonts.google.com/icons)."
        )
    return f":material/{match.group(2)}:"


def is_emoji(text: str) -> bool:
    """Whether ``text`` is one emoji (possibly ZWJ-joined, with a skin tone or a flag)."""
    if _KEYCAP.fullmatch(text):
        return True
    return 0 < len(text) <= 16 and not any(c.isascii() for c in text) and not any(c.isspace() for c in text)


def check_icon(fn: str, icon: Any, *, spinner: bool = False) -> str | None:
    """An element's ``icon``: None (or blank) for none, else one emoji or a Material icon (or
    "spinner" where the element can show one, as st.selectbox can)."""
    if icon is None:
        return None
    if not isinstance(icon, str):
        raise StreamlitAPIException(f"st.{fn}: icon must be a str or None, not {type(icon).__name__}.")
    text = icon.strip()
    if not text:
        return None
    if spinner and text == "spinner":
        return text
    if text.lower().startswith(":material"):
        return check_material(fn, text)
    if SHORTCODE.fullmatch(text):
        raise StreamlitAPIException(
            f"st.{fn}: icon {text!r} is an emoji shortcode, which an icon does not take (Streamlit refuses "
            f"it too). Put the emoji itself, like '🚀' for ':rocket:', or a Material icon like "
            "':material/rocket_launch:'."
        )
    if "://" in text or text.lower().startswith("data:") or text.startswith("//"):
        raise StreamlitAPIException(f"st.{fn}: icon {text!r} looks like a URL; an icon cannot be an image. {_HINT}")
    if not is_emoji(text):
        raise StreamlitAPIException(f"st.{fn}: icon {text!r} is not a single emoji. {_HINT}")
    return text


def random_emoji() -> str:
    return random.choice(_RANDOM)
