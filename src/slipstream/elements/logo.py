"""st.logo: an image atop the sidebar, or in the page header when there is no sidebar."""

from __future__ import annotations

import os
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements._icons import check_material
from slipstream.elements._sources import is_url
from slipstream.elements.image import image_url
from slipstream.errors import StreamlitAPIException
from slipstream.protocol import ROOT_LOGO

# The logo has a root of its own: a later st.logo replaces it, and a run without one removes it.
_LOGO_SLOT = DeltaGenerator((ROOT_LOGO, 0), slot=True)
SIZES = ("small", "medium", "large")


def _looks_like_emoji(text: str) -> bool:
    return 0 < len(text) <= 16 and not any(c.isascii() and (c.isalnum() or c in "/.<:") for c in text)


def _logo_image(arg: str, image: Any) -> tuple[str, str]:
    """(value, kind) of a logo image: a URL, or an emoji or Material icon shown as text."""
    if isinstance(image, str) and not os.path.isfile(image) and not is_url(image):
        text = image.strip()
        if text.startswith(":material"):
            return check_material("logo", text), "icon"
        if _looks_like_emoji(text):
            return text, "emoji"
    try:
        return image_url("logo", image, arg=arg), "image"
    except StreamlitAPIException as exc:
        raise StreamlitAPIException(
            f"st.logo: {arg} is not an image it can show ({exc}). Give a URL, a file path, bytes, an array, "
            "a PIL image, an emoji or a Material icon like ':material/home:'."
        ) from None


def logo(
    image: Any,
    *,
    size: str = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Show a logo atop the sidebar, or in the top-left corner of the page.

    ``image``: a URL, a file path, bytes, an array, a PIL image, an emoji or a Material icon
    (``":material/home:"``). ``size``: "small", "medium" or "large". ``link``: an http(s) URL the
    logo opens. ``icon_image``: shown instead of ``image`` when the sidebar is closed. Call it in
    every run that should show the logo; the last call wins. Returns None.

    Example::

        st.logo("logo.png", link="https://example.com", icon_image="icon.png")
    """
    kind = size.lower() if isinstance(size, str) else size
    if kind not in SIZES:
        raise StreamlitAPIException(f"st.logo: size is {size!r}; use 'small', 'medium' or 'large'.")
    if link is not None and link != "" and not str(link).startswith(("http://", "https://")):
        raise StreamlitAPIException(
            f'st.logo: link {link!r} is not a web address: it must start with "http://" or "https://".'
        )
    value, value_kind = _logo_image("image", image)
    icon, icon_kind = _logo_image("icon_image", icon_image) if icon_image is not None else (None, "image")
    emit(
        {
            "type": "logo",
            "image": value,
            "image_kind": value_kind,
            "icon_image": icon,
            "icon_kind": icon_kind,
            "size": kind,
            "link": str(link) if link else None,
        },
        target=_LOGO_SLOT,
    )
