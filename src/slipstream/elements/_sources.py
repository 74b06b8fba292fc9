"""Where media comes from: URLs passed to the browser as they are, and bytes read from paths,
files and buffers, put in the blob store so elements carry only their URL."""

from __future__ import annotations

import mimetypes
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from slipstream.errors import StreamlitAPIException

_URL_PREFIXES = ("http://", "https://", "data:", "/app/static/", "app/static/")


def is_url(value: Any) -> bool:
    """A string the browser can load itself (and not the name of a local file)."""
    return isinstance(value, str) and value.strip().startswith(_URL_PREFIXES) and not os.path.isfile(value)


def read_path(fn: str, path: str | os.PathLike[str], arg: str = "data") -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        raise StreamlitAPIException(
            f"st.{fn}: {arg} {str(path)!r} is neither a URL nor a file that exists "
            f"(relative paths start from {os.getcwd()!r}). Check the path, or pass the bytes themselves."
        ) from None
    except OSError as exc:
        raise StreamlitAPIException(f"st.{fn}: cannot read {arg} {str(path)!r}: {exc.strerror or exc}.") from None


def read_buffer(data: Any) -> bytes | None:
    """The whole content of a bytes-like or file-like object (from its start), or None."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if hasattr(data, "getvalue"):
        value = data.getvalue()
        return value.encode() if isinstance(value, str) else bytes(value)
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            try:
                data.seek(0)
            except OSError:  # a stream that cannot seek: read what is left
                pass
        content = data.read()
        if content is None:
            return b""
        return content.encode() if isinstance(content, str) else bytes(content)
    return None


def guess_mimetype(path: str | os.PathLike[str], default: str) -> str:
    return mimetypes.guess_type(str(path))[0] or default


def extension_for(mimetype: str) -> str:
    """A file extension for URLs of this mimetype ('' when unknown), so saved files are named well."""
    base = mimetype.split(";")[0].strip().lower()
    known = {"audio/wav": ".wav", "audio/mpeg": ".mp3", "video/mp4": ".mp4", "image/jpeg": ".jpg", "text/vtt": ".vtt"}
    ext = known.get(base) or mimetypes.guess_extension(base) or ""
    return ext if ext[1:].isalnum() and len(ext) <= 11 else ""


def put_blob(data: bytes, mimetype: str) -> str:
    from slipstream.runtime.blobs import current_blobs

    return current_blobs().put(data, mimetype, extension_for(mimetype))


# Files already stored, by (real path, mtime, size, mimetype): a rerun showing the same large video
# neither reads nor hashes it again, as long as its blob is still in the store.
_file_urls: OrderedDict[tuple[str, int, int, str], str] = OrderedDict()
_file_urls_lock = threading.Lock()


def put_file(fn: str, path: str | os.PathLike[str], mimetype: str, arg: str = "data") -> str:
    from slipstream.runtime.blobs import current_blobs

    try:
        real = os.path.realpath(path)
        stat = os.stat(real)
        key: tuple[str, int, int, str] | None = (real, stat.st_mtime_ns, stat.st_size, mimetype)
    except OSError:
        key = None
    if key is not None:
        with _file_urls_lock:
            url = _file_urls.get(key)
        if url is not None and current_blobs().get(Path(url).name) is not None:
            return url
    url = put_blob(read_path(fn, path, arg), mimetype)
    if key is not None:
        with _file_urls_lock:
            _file_urls[key] = url
            while len(_file_urls) > 256:
                _file_urls.popitem(last=False)
    return url
