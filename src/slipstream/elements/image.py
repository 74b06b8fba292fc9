"""Pictures: st.image, and the encoding every image-showing element shares (st.pyplot, st.logo).

Arrays and PIL images are encoded on the server (PNG or JPEG), shrunk when wider than they can
be shown, and stored as blobs; URLs go to the browser as they are.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width
from slipstream.elements._sources import is_url, put_blob, read_buffer, read_path
from slipstream.errors import StreamlitAPIException

log = logging.getLogger("slipstream")

# Wider images are shrunk: no layout shows more pixels than this (two 730px columns' worth).
MAX_IMAGE_WIDTH = 1460
_SVG = re.compile(r"^\s*(<\?xml[\s\S]*?)?(<!--[\s\S]*?-->\s*)*<svg[\s>]", re.IGNORECASE)
_FORMATS = {"JPEG": "JPEG", "JPG": "JPEG", "PNG": "PNG", "GIF": "GIF"}
_warned: set[str] = set()
_warned_lock = threading.Lock()


def warn_once(message: str) -> None:
    """Log a deprecation once per process: a rerun loop must not flood the log."""
    with _warned_lock:
        if message in _warned:
            return
        _warned.add(message)
    log.warning(message)


def container_width_deprecation(fn: str) -> None:
    warn_once(
        f"st.{fn}: use_container_width is deprecated and will be removed; use width='stretch' "
        "instead of use_container_width=True and width='content' instead of use_container_width=False."
    )


# ---- one image -> a URL ---------------------------------------------------------------------


def _svg_url(text: str) -> str:
    if "xmlns" not in text.split(">", 1)[0] and "<svg" in text:
        text = text.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    return put_blob(text.encode(), "image/svg+xml")


def _is_svg_bytes(data: bytes) -> bool:
    head = data[:2048].lstrip()
    return head.startswith((b"<svg", b"<?xml", b"<!--")) and b"<svg" in data[:4096]


def _choose_format(pil: Any, output_format: str) -> str:
    wanted = str(output_format).upper()
    if wanted in ("JPEG", "JPG", "PNG"):
        return _FORMATS[wanted]
    if pil.format == "GIF":
        return "GIF"
    return "PNG" if pil.mode in ("RGBA", "LA", "P", "PA") or "transparency" in pil.info else "JPEG"


def _encode(pil: Any, fmt: str, quality: int) -> bytes:
    if fmt == "JPEG" and pil.mode not in ("RGB", "L", "CMYK"):
        pil = pil.convert("RGB")
    elif fmt == "PNG" and pil.mode in ("F", "I;16B", "CMYK"):
        pil = pil.convert("RGB" if pil.mode == "CMYK" else "I")
    out = io.BytesIO()
    pil.save(out, format=fmt, quality=quality)
    return out.getvalue()


def _fit(fn: str, pil: Any, data: bytes | None, fmt: str, max_width: int) -> tuple[bytes, str]:
    """``pil`` as ``fmt`` bytes, no wider than ``max_width``; ``data`` (its encoded form, if any)
    is kept as is when nothing needs to change."""
    from PIL import Image

    width, height = pil.size
    try:
        if width > max_width and fmt != "GIF":  # shrinking a GIF would lose its animation
            pil = pil.resize((max_width, max(1, round(height * max_width / width))), Image.Resampling.BILINEAR)
            return _encode(pil, fmt, 90), fmt
        if data is not None and pil.format == fmt:
            return data, fmt
        return _encode(pil, fmt, 90 if data is not None else 100), fmt
    except (OSError, ValueError) as exc:
        raise StreamlitAPIException(f"st.{fn}: cannot encode the image as {fmt}: {exc}.") from None


def _bytes_url(fn: str, data: bytes, output_format: str, max_width: int) -> str:
    from PIL import Image, UnidentifiedImageError

    if _is_svg_bytes(data):
        return _svg_url(data.decode("utf-8", errors="replace"))
    try:
        pil = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise StreamlitAPIException(
            f"st.{fn}: the {len(data)} bytes given are not an image Pillow can read "
            "(PNG, JPEG, GIF, WebP, BMP...) nor an SVG. Check the data, or pass a URL or a file path."
        ) from None
    # Encoded images the browser shows keep their format ("auto"): no loss, no work.
    keep = str(output_format).lower() == "auto" and pil.format in ("PNG", "JPEG", "GIF")
    fmt = str(pil.format) if keep else _choose_format(pil, output_format)
    encoded, fmt = _fit(fn, pil, data, fmt, max_width)
    return put_blob(encoded, f"image/{fmt.lower()}")


def _check_array(fn: str, array: Any, clamp: bool, channels: str) -> Any:
    import numpy as np

    if array.ndim not in (2, 3):
        raise StreamlitAPIException(
            f"st.{fn}: an image array must be 2D (grayscale) or 3D (height, width, channels), "
            f"not of shape {array.shape}."
        )
    if array.ndim == 3 and array.shape[-1] not in (1, 3, 4):
        raise StreamlitAPIException(
            f"st.{fn}: an image array has 1, 3 or 4 channels (gray, RGB, RGBA), not {array.shape[-1]}: "
            f"its shape is {array.shape}."
        )
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[:, :, 0]
    if array.size == 0:
        raise StreamlitAPIException(f"st.{fn}: the image array of shape {array.shape} is empty.")
    if np.issubdtype(array.dtype, np.bool_):
        array = array.astype(np.uint8) * 255
    elif np.issubdtype(array.dtype, np.floating):
        if clamp:
            array = np.clip(np.nan_to_num(array), 0.0, 1.0)
        elif not (np.amin(array) >= 0.0 and np.amax(array) <= 1.0):
            raise StreamlitAPIException(
                f"st.{fn}: float pixel values must lie in [0.0, 1.0]; these span "
                f"[{np.amin(array):g}, {np.amax(array):g}]. Scale them, or pass clamp=True to clip them."
            )
        array = array * 255
    elif np.issubdtype(array.dtype, np.integer):
        if clamp:
            array = np.clip(array, 0, 255)
        elif np.amin(array) < 0 or np.amax(array) > 255:
            raise StreamlitAPIException(
                f"st.{fn}: integer pixel values must lie in [0, 255]; these span "
                f"[{np.amin(array)}, {np.amax(array)}]. Scale them, or pass clamp=True to clip them."
            )
    else:
        raise StreamlitAPIException(f"st.{fn}: an image array must hold numbers, not {array.dtype}.")
    if channels == "BGR":
        if array.ndim != 3 or array.shape[-1] not in (3, 4):
            raise StreamlitAPIException(
                f'st.{fn}: channels="BGR" needs a color image of shape (height, width, 3), not {array.shape}.'
            )
        array = array[:, :, [2, 1, 0, *([3] if array.shape[-1] == 4 else [])]]
    return np.ascontiguousarray(array.astype(np.uint8))


# Encoded arrays by content: hashing an array costs far less than encoding it again each rerun.
_array_urls: OrderedDict[tuple[Any, ...], str] = OrderedDict()
_array_lock = threading.Lock()


def _array_url(fn: str, array: Any, clamp: bool, channels: str, output_format: str, max_width: int) -> str:
    import numpy as np
    from PIL import Image

    from slipstream.runtime.blobs import current_blobs

    array = np.asarray(array)
    try:
        digest = hashlib.blake2b(np.ascontiguousarray(array).data).digest()
    except (TypeError, ValueError, BufferError):  # object arrays: no buffer; _check_array refuses them
        digest = b""
    key = (digest, array.shape, str(array.dtype), clamp, channels, str(output_format).upper(), max_width)
    with _array_lock:
        url = _array_urls.get(key) if digest else None
    if url is not None and current_blobs().get(Path(url).name) is not None:
        return url
    pixels = _check_array(fn, array, clamp, channels)
    pil = Image.fromarray(pixels)
    encoded, fmt = _fit(fn, pil, None, _choose_format(pil, output_format), max_width)
    url = put_blob(encoded, f"image/{fmt.lower()}")
    with _array_lock:
        if digest:
            _array_urls[key] = url
        while len(_array_urls) > 512:
            _array_urls.popitem(last=False)
    return url


def image_url(
    fn: str,
    image: Any,
    *,
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    max_width: int = MAX_IMAGE_WIDTH,
    arg: str = "image",
) -> str:
    """The URL the browser loads ``image`` from (a URL as given, else a blob)."""
    if isinstance(image, os.PathLike):
        image = os.fspath(image)
    if isinstance(image, str):
        if is_url(image):
            return image.strip()
        if _SVG.match(image):
            return _svg_url(image)
        if image.lower().endswith(".svg") and os.path.isfile(image):
            return _svg_url(read_path(fn, image, arg).decode("utf-8", errors="replace"))
        return _bytes_url(fn, read_path(fn, image, arg), output_format, max_width)
    if type(image).__module__.startswith("numpy"):
        return _array_url(fn, image, clamp, channels, output_format, max_width)
    if type(image).__module__.startswith("PIL."):
        from PIL import Image

        if isinstance(image, Image.Image):
            fmt = _choose_format(image, output_format)
            encoded, fmt = _fit(fn, image, None, fmt, max_width)
            return put_blob(encoded, f"image/{fmt.lower()}")
    data = read_buffer(image)
    if data is None:
        raise StreamlitAPIException(
            f"st.{fn}: cannot show a {type(image).__name__} as an image. Give it a URL, a file path, "
            "bytes or a file-like object, a NumPy array, a PIL image, an SVG string, or a list of those."
        )
    return _bytes_url(fn, data, output_format, max_width)


# ---- st.image ---------------------------------------------------------------------------------


def _as_list(image: Any) -> list[Any]:
    if isinstance(image, (list, tuple, set)):
        return list(image)
    if type(image).__module__.startswith("numpy") and getattr(image, "ndim", 0) == 4:
        return list(image)
    return [image]


def _captions(caption: Any, count: int) -> list[str | None]:
    if caption is None:
        return [None] * count
    if isinstance(caption, str):
        captions: list[Any] = [caption]
    elif isinstance(caption, (list, tuple)) or (type(caption).__module__.startswith("numpy") and caption.ndim == 1):
        captions = list(caption)
    else:
        captions = [str(caption)]
    if len(captions) != count:
        raise StreamlitAPIException(
            f"st.image: cannot pair {len(captions)} caption{'s' if len(captions) != 1 else ''} with {count} "
            "images: give one caption per image (None for none), or no caption."
        )
    return [None if c is None else str(c) for c in captions]


def normalize_alt(fn: str, alt: Any) -> str | None:
    """Alt text: None when absent or blank (blank is logged), "" marks an image as decorative."""
    if alt is None:
        return None
    text = alt.decode() if isinstance(alt, (bytes, bytearray)) else str(alt)
    if text == "":
        return ""
    if not text.strip():
        log.warning("st.%s: alt text is only whitespace and is ignored; use '' for a decorative image.", fn)
        return None
    return text.strip()


def _alts(alt: Any, count: int, from_set: bool) -> list[str | None]:
    if alt is None:
        return [None] * count
    if isinstance(alt, (str, bytes, bytearray)) or not (
        isinstance(alt, Sequence) or (type(alt).__module__.startswith("numpy") and getattr(alt, "ndim", 0) == 1)
    ):
        if count != 1:
            raise StreamlitAPIException(
                f"st.image: one alt text cannot describe {count} images: give a list of {count} alt texts "
                "(None to skip an image)."
            )
        return [normalize_alt("image", alt)]
    if from_set:
        raise StreamlitAPIException(
            "st.image: a list of alt texts cannot be paired with a set of images, whose order is undefined. "
            "Pass the images as a list or tuple."
        )
    alts = list(alt)
    if len(alts) != count:
        raise StreamlitAPIException(f"st.image: cannot pair {len(alts)} alt texts with {count} images.")
    return [normalize_alt("image", a) for a in alts]


def image_element(
    urls: list[str],
    captions: list[str | None],
    alts: list[str | None],
    width: int | str,
    link: str | None,
) -> dict[str, Any]:
    several = len(urls) > 1
    return {
        "type": "image",
        "images": [{"url": u, "caption": c, "alt": a} for u, c, a in zip(urls, captions, alts, strict=True)],
        "link": link,
        # A row of images spans its container; each image then takes the width asked for.
        "width": "stretch" if several else width,
        "item_width": width if several else ("content" if width == "content" else "stretch"),
    }


def image(
    image: Any,
    caption: str | list[str] | None = None,
    width: int | str = "content",
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: str | Sequence[str | None] | None = None,
) -> DeltaGenerator:
    """Show an image, or a row of images that wraps.

    ``image``: a URL (shown by the browser as is), a file path, bytes or a file-like object, an
    SVG string, a PIL image, a NumPy array (2D grayscale, 3D RGB/RGBA; floats in [0, 1], integers
    in [0, 255], or anything with ``clamp=True``), or a list of those (a 4D array too).
    ``caption``: Markdown under the image; one per image for a list. ``width``: "content" (the
    image's own width, at most the container's), "stretch" or pixels. ``channels``: "RGB" or
    "BGR" (OpenCV arrays). ``output_format``: "JPEG", "PNG" or "auto". ``link``: a URL opened
    when the (single) image is clicked. ``alt``: text for screen readers ("" for decorative).
    Returns the element's placeholder.

    Example::

        st.image("sunrise.jpg", caption="Sunrise by the mountains")
        st.image(np.random.rand(64, 64), width=256)
    """
    fn = "image"
    if use_column_width is not None:
        from slipstream.elements.alerts import alert_element

        message = (
            "`use_column_width` was removed and has no effect. Use `width='stretch'`, `width='content'`, "
            "or an integer pixel value instead."
        )
        log.warning(message)
        emit_element(alert_element("warning", message))
    if use_container_width is not None:
        container_width_deprecation(fn)
        if use_container_width:
            width = "stretch"
        elif not isinstance(width, int) or isinstance(width, bool):
            width = "content"
    width = check_width(fn, width)
    channel_order = str(channels).upper()
    if channel_order not in ("RGB", "BGR"):
        raise StreamlitAPIException(f"st.image: channels is {channels!r}; use 'RGB' or 'BGR'.")
    if image is None:
        raise StreamlitAPIException(
            "st.image: image is None. Give it a URL, a file path, bytes, an array, a PIL image or a list of those."
        )
    images = _as_list(image)
    if not images:
        raise StreamlitAPIException("st.image: the list of images is empty.")
    captions = _captions(caption, len(images))
    alts = _alts(alt, len(images), isinstance(image, set))
    if link is not None and len(images) > 1:
        raise StreamlitAPIException(
            f"st.image: link works with a single image only; {len(images)} images were given. "
            "Show them one by one to give each a link."
        )
    max_width = min(width, MAX_IMAGE_WIDTH) if isinstance(width, int) else MAX_IMAGE_WIDTH
    urls = [
        image_url(fn, one, clamp=bool(clamp), channels=channel_order, output_format=output_format, max_width=max_width)
        for one in images
    ]
    return emit_element(image_element(urls, captions, alts, width, None if link is None else str(link)))
