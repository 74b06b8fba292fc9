"""st.file_uploader: files from the user's computer, uploaded over HTTP."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from slipstream import config
from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.errors import StreamlitAPIException, StreamlitValueError
from slipstream.runtime.context import get_run_context
from slipstream.runtime.uploads import UploadedFile
from slipstream.runtime.widgets import Key, register

# "image" is short for "image/*", and so on.
_MEDIA_SHORTCUTS = frozenset({"image", "audio", "video", "text"})
# Extensions that name the same kind of file: either one accepts both.
_SAME_EXTENSIONS = ((".jpg", ".jpeg"), (".mpg", ".mpeg"), (".mp4", ".mpeg4"), (".tif", ".tiff"), (".htm", ".html"))


def file_types(kind: str | Sequence[str] | None) -> list[str]:
    """The accepted file types, normalised for the browser's ``accept`` attribute: MIME types and
    wildcards ("image/jpeg", "image/*"; "image" stands for "image/*") first, then extensions
    (".csv", case and leading dot as given or not), then the other spelling of each extension
    that has one (".jpg" brings ".jpeg", ".tif" ".tiff", ...), as Streamlit 1.67 orders them."""
    if not kind:
        return []
    mimes: list[str] = []
    extensions: list[str] = []
    for item in [kind] if isinstance(kind, str) else list(kind):
        entry = str(item).strip().lower()
        if not entry.strip("."):
            continue
        if entry in _MEDIA_SHORTCUTS:
            mimes.append(entry + "/*")
        elif "/" in entry:
            mimes.append(entry)
        else:
            extensions.append("." + entry.lstrip("."))
    for pair in _SAME_EXTENSIONS:
        for have, other in (pair, pair[::-1]):
            if have in extensions and other not in extensions:
                extensions.append(other)
    return list(dict.fromkeys(mimes + extensions))


def type_allowed(name: str, accept: list[str], declared: str = "") -> bool:
    """Whether a file named ``name``, sent as MIME type ``declared``, matches ``accept`` (from
    ``file_types``; empty: anything): by its extension, or for a MIME entry by the type its name
    suggests or the type the browser declared (what the browser's own ``accept`` filter goes
    by). A best effort: names and types are the user's to choose. A name with a NUL is refused."""
    if "\0" in name:
        return False
    if not accept:
        return True
    import mimetypes

    lower = name.lower()
    types = {(mimetypes.guess_type(lower)[0] or "").lower(), declared.strip().lower()} - {""}
    for entry in accept:
        if entry.startswith("."):
            if lower.endswith(entry):
                return True
        elif entry.endswith("/*"):
            if any(t.startswith(entry[:-1]) for t in types):
                return True
        elif entry in types:
            return True
    return False


def check_max_upload_size(fn: str, max_upload_size: Any) -> None:
    """``max_upload_size`` is None or a whole number of megabytes, at least 1, as in 1.67."""
    if max_upload_size is not None and (
        isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int) or max_upload_size < 1
    ):
        raise StreamlitValueError(
            "max_upload_size",
            ["a positive integer"],
            detail=(
                f"st.{fn} got {max_upload_size!r}: give a whole number of megabytes, or None for the "
                "`server.maxUploadSize` configuration option."
            ),
        )


def register_upload_widget(
    fn: str,
    *,
    label: str,
    key: Key,
    accept: list[str],
    multiple: bool,
    max_upload_size: float | None,
    help: str | None,
    on_change: Callable[..., Any] | None,
    args: Any,
    kwargs: Any,
    shown: Callable[[list[UploadedFile]], dict[str, Any]],
) -> tuple[str, list[UploadedFile], int]:
    """Register a widget whose value is files uploaded over HTTP; return its id, its files and
    its size limit in bytes."""
    megabytes = max_upload_size if max_upload_size is not None else config.get_option("server.maxUploadSize")
    if not isinstance(megabytes, (int, float)) or isinstance(megabytes, bool) or megabytes <= 0:
        raise StreamlitAPIException(f"st.{fn}: max_upload_size must be a positive number of MB, not {megabytes!r}.")
    limit = int(megabytes * 1024 * 1024)
    ctx = get_run_context()
    uploads = ctx.session.uploads if ctx is not None else None

    # The value, as the script and st.session_state see it: the list of files, or for a widget
    # that holds one file, that file or None (as in Streamlit).
    def as_value(files: list[UploadedFile]) -> Any:
        return files if multiple else files[0] if files else None

    def as_list(value: Any) -> list[UploadedFile]:
        return list(value) if isinstance(value, list) else [] if value is None else [value]

    def from_browser(raw: Any) -> Any:
        if not isinstance(raw, list) or not all(isinstance(f, str) for f in raw) or (len(raw) > 1 and not multiple):
            raise ValueError("expected a list of uploaded file ids")
        if uploads is None:
            return as_value([])
        files = [uploads.get(file_id, wid) for file_id in raw]
        if any(f is None for f in files):
            raise ValueError("unknown file id")
        found = [f for f in files if f is not None]
        refused = [f.name for f in found if not type_allowed(f.name, accept, f.type)]
        if refused:
            raise ValueError(f"{refused[0]!r} is not one of the accepted types ({', '.join(accept)})")
        uploads.hold(wid, list(raw))
        return as_value(found)

    wid, value = register(
        fn,
        key=key,
        identity={"label": label, "type": accept, "multiple": multiple, "help": help, "limit": limit},
        default=as_value([]),
        deserialize=from_browser,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        accept=(lambda v: isinstance(v, list)) if multiple else (lambda v: v is None or isinstance(v, UploadedFile)),
        shown=lambda v: shown(as_list(v)),
    )
    files = as_list(value)
    if uploads is not None:
        uploads.limits[wid] = limit
    for f in files:
        f.seek(0)
    return wid, files, limit


def file_info(files: list[UploadedFile]) -> list[dict[str, Any]]:
    return [{"file_id": f.file_id, "name": f.name, "size": f.size} for f in files]


def shown_files(files: list[UploadedFile]) -> dict[str, Any]:
    return {"files": file_info(files)}


def shown_file(files: list[UploadedFile]) -> dict[str, Any]:
    """Camera and audio inputs hold one file."""
    return {"file": file_info(files)[0] if files else None}


def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: bool | str = False,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    max_upload_size: int | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
) -> Any:
    """Let the user upload files. Returns an UploadedFile (a BytesIO with ``name``, ``type``,
    ``size``), a list of them with ``accept_multiple_files`` (True, or "directory" to pick whole
    folders: each file is then named by its path in the folder), or None before any upload.

    ``type`` limits the files: extensions (``["csv", ".txt"]``), MIME types (``"image/png"``),
    wildcards (``"image/*"``, or just ``"image"``); ``max_upload_size`` is in MB.

    Example::

        f = st.file_uploader("Data", type="csv")
        if f is not None:
            st.write(f.name, len(f.getvalue()), "bytes")
    """
    fn = "file_uploader"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    if accept_multiple_files not in (True, False, "directory"):
        raise StreamlitAPIException(
            "st.file_uploader: accept_multiple_files must be True, False or 'directory', "
            f"not {accept_multiple_files!r}."
        )
    check_max_upload_size(fn, max_upload_size)
    accept = file_types(type)
    multiple = accept_multiple_files is not False
    wid, files, limit = register_upload_widget(
        fn,
        label=text,
        key=key,
        accept=accept,
        multiple=multiple,
        max_upload_size=max_upload_size,
        help=help,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        shown=shown_files,
    )
    emit_element(
        {
            "type": "file_uploader",
            "id": wid,
            "label": text,
            "accept": accept,
            "multiple": multiple,
            "directory": accept_multiple_files == "directory",
            "max_size": limit,
            **shown_files(files),
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    if multiple:
        return files
    return files[0] if files else None
