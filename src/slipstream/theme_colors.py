"""The colours a theme implies but does not set, computed as Streamlit 1.67 computes them.

Setting ``redColor`` alone tints red backgrounds and red text to match; a custom background or
primary colour turns borders, code and table chrome into shades of the text colour; a
``borderColor`` gives the table a lighter border of the same colour; ``linkColor`` follows the blue
text. :func:`derived_colors` returns those values (only for options the app did not set) so the
browser applies them like options. The arithmetic (alpha steps, HSL lightness steps of 15%, an even
mix of the two backgrounds) and its rounding follow 1.67, so computed colours in the page match.
"""

from __future__ import annotations

import colorsys
import math
import re
from collections.abc import Mapping
from typing import Any

from slipstream.css_colors import NAMED_COLORS

HUES = ("red", "orange", "yellow", "blue", "green", "violet", "gray")

_BASE_KEYS = ("backgroundColor", "secondaryBackgroundColor", "textColor", "primaryColor")

#: Streamlit 1.67's light palette, by option name.
LIGHT: dict[str, str] = {
    "backgroundColor": "#FFFFFF",
    "secondaryBackgroundColor": "#F8F8F7",
    "textColor": "#2F2D2B",
    "primaryColor": "#C53948",
    "redColor": "#D94A57",
    "orangeColor": "#E0682B",
    "yellowColor": "#BB8300",
    "blueColor": "#3B82F6",
    "greenColor": "#079464",
    "violetColor": "#9B5DE5",
    "grayColor": "#6B7280",
    "redBackgroundColor": "#FFF1F2",
    "orangeBackgroundColor": "#FFF6ED",
    "yellowBackgroundColor": "#FFFAE5",
    "blueBackgroundColor": "#EDF5FF",
    "greenBackgroundColor": "#F1FBF6",
    "violetBackgroundColor": "#F8F2FF",
    "grayBackgroundColor": "#F5F4F2",
    "redTextColor": "#9E303B",
    "orangeTextColor": "#9B4519",
    "yellowTextColor": "#956B0F",
    "blueTextColor": "#244FB4",
    "greenTextColor": "#0C5A44",
    "violetTextColor": "#6F33B8",
    "grayTextColor": "#686255",
    "borderColor": "#DCD8D4",
}

#: Streamlit 1.67's dark palette, by option name.
DARK: dict[str, str] = {
    "backgroundColor": "#171614",
    "secondaryBackgroundColor": "#2D2B27",
    "textColor": "#EDEBE8",
    "primaryColor": "#CF4250",
    "redColor": "#F2919A",
    "orangeColor": "#F2A56D",
    "yellowColor": "#FBD54F",
    "blueColor": "#85B8F8",
    "greenColor": "#7ED5B0",
    "violetColor": "#BF8EF7",
    "grayColor": "#A9A5A0",
    "redBackgroundColor": "#412023",
    "orangeBackgroundColor": "#342414",
    "yellowBackgroundColor": "#302917",
    "blueBackgroundColor": "#1E2A3D",
    "greenBackgroundColor": "#0E2F24",
    "violetBackgroundColor": "#332244",
    "grayBackgroundColor": "#2C2925",
    "redTextColor": "#F2919A",
    "orangeTextColor": "#F2A56D",
    "yellowTextColor": "#FBD54F",
    "blueTextColor": "#85B8F8",
    "greenTextColor": "#7ED5B0",
    "violetTextColor": "#BF8EF7",
    "grayTextColor": "#B8B3A8",
    "borderColor": "#4A4742",
}

RGBA = tuple[float, float, float, float]

_HEX = re.compile(r"#?([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_FUNC = re.compile(r"rgba?\(\s*([^)]*)\)", re.IGNORECASE)
_HSL = re.compile(r"hsla?\(\s*([^)]*)\)", re.IGNORECASE)


def parse_color(value: Any) -> RGBA | None:
    """``(r, g, b, alpha)`` of a colour as CSS writes it: hex (with or without ``#``), a named
    colour, ``rgb()``/``rgba()`` or ``hsl()``/``hsla()``; None for anything else."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.lower() == "transparent":
        return (0, 0, 0, 0.0)
    if named := NAMED_COLORS.get(text.lower()):
        text = named
    if match := _HSL.fullmatch(text):
        return _parse_hsl(match.group(1))
    if match := _HEX.fullmatch(text):
        digits = match.group(1)
        if len(digits) <= 4:
            digits = "".join(ch * 2 for ch in digits)
        channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        alpha = channels[3] / 255 if len(channels) == 4 else 1.0
        return (channels[0], channels[1], channels[2], alpha)
    if match := _FUNC.fullmatch(text):
        parts = [p for p in re.split(r"[\s,/]+", match.group(1).strip()) if p]
        if len(parts) not in (3, 4):
            return None
        try:
            rgb = [float(p[:-1]) * 2.55 if p.endswith("%") else float(p) for p in parts[:3]]
            alpha = 1.0 if len(parts) == 3 else _fraction(parts[3])
        except ValueError:
            return None
        return (rgb[0], rgb[1], rgb[2], alpha)
    return None


def _parse_hsl(body: str) -> RGBA | None:
    """``hsl(200, 50%, 50%)``, ``hsl(200deg 50% 50% / 0.5)``, ``hsla(...)``."""
    parts = [p for p in re.split(r"[\s,/]+", body.strip()) if p]
    if len(parts) not in (3, 4) or not all(p.endswith("%") for p in parts[1:3]):
        return None
    try:
        hue = float(parts[0].removesuffix("deg")) % 360 / 360
        sat, light = (_clamp(0, 1, float(p[:-1]) / 100) for p in parts[1:3])
        alpha = 1.0 if len(parts) == 3 else _clamp(0, 1, _fraction(parts[3]))
    except ValueError:
        return None
    r, g, b = colorsys.hls_to_rgb(hue, light, sat)
    return (r * 255, g * 255, b * 255, alpha)


def _fraction(text: str) -> float:
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def _round(x: float) -> int:
    """Half up, as JavaScript's ``toFixed()`` rounds these values (Python's round() is half-even)."""
    return math.floor(x + 0.5)


def _clamp(low: float, high: float, x: float) -> float:
    return max(low, min(high, x))


def _alpha(a: float) -> str:
    return f"{round(_clamp(0, 1, a), 3):g}"


def _rgba(r: float, g: float, b: float, a: float) -> str:
    channels = ", ".join(str(_round(_clamp(0, 255, c))) for c in (r, g, b))
    return f"rgba({channels}, {_alpha(a)})"


def luminance(color: RGBA) -> float:
    """Relative luminance (WCAG), 0 for black to 1 for white."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = color
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def transparentize(color: RGBA, amount: float) -> str:
    """The colour with ``amount`` taken off its alpha."""
    r, g, b, a = color
    return _rgba(r, g, b, a - amount)


def shift_lightness(color: RGBA, amount: float) -> str:
    """The colour ``amount`` (0..1) lighter in HSL, negative for darker, as an ``hsla()`` string."""
    r, g, b, a = color
    h, lightness, s = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    light = _clamp(0, 100, (lightness + amount) * 100)
    return f"hsla({_round(h * 360) % 360}, {_round(_clamp(0, 100, s * 100))}%, {_round(light)}%, {_alpha(a)})"


def mix(first: RGBA, second: RGBA) -> str:
    """The even mix of two colours."""
    r = tuple((x + y) / 2 for x, y in zip(first, second, strict=True))
    return _rgba(r[0], r[1], r[2], r[3])


def derived_colors(section: Mapping[str, Any], base: Mapping[str, str]) -> dict[str, str]:
    """The colours ``section`` (a theme section's set options) implies on top of ``base`` (the
    palette it draws over), by option name; options the section sets are never in the result."""
    given = {key: parsed for key, value in section.items() if (parsed := parse_color(value)) is not None}
    base_colors = {key: parse_color(value) for key, value in base.items()}

    def final(key: str) -> RGBA:
        found = given.get(key) or base_colors.get(key)
        assert found is not None, key
        return found

    out: dict[str, str] = {}
    text = final("textColor")
    light = luminance(final("backgroundColor")) > 0.5
    # A new background or primary colour restyles the chrome from the text colour (1.67 does this
    # only when the colour really differs from the base one).
    restyled = any(key in given and given[key] != base_colors.get(key) for key in _BASE_KEYS if key != "textColor")
    if restyled:
        if "borderColor" not in given:
            out["borderColor"] = transparentize(text, 0.8)
            if "dataframeBorderColor" not in given:
                out["dataframeBorderColor"] = transparentize(text, 0.9)
        surfaces = mix(final("backgroundColor"), final("secondaryBackgroundColor"))
        out["codeBackgroundColor"] = surfaces
        out["dataframeHeaderBackgroundColor"] = surfaces
    if "borderColor" in given:
        out["dataframeBorderColor"] = transparentize(given["borderColor"], 0.55)
    if "textColor" in given:
        out["dataframeHeaderTextColor"] = transparentize(text, 0.3)
        out["fadedTextColor"] = transparentize(text, 0.4)
    for hue in HUES:
        main = given.get(f"{hue}Color")
        if main is None:
            continue
        out[f"{hue}BackgroundColor"] = transparentize(main, 0.9 if light else 0.8)
        out[f"{hue}TextColor"] = shift_lightness(main, -0.15 if light else 0.15)
    if "blueTextColor" in given:
        out["linkColor"] = section["blueTextColor"]
    elif "blueTextColor" in out:
        out["linkColor"] = out["blueTextColor"]
    if restyled:
        green = section.get("greenTextColor") or out.get("greenTextColor") or base["greenTextColor"]
        out["codeTextColor"] = green
    elif "textColor" in given:
        out["codeTextColor"] = section["textColor"]
    return {key: value for key, value in out.items() if key not in section}
