"""Capture from the user's devices: st.camera_input and st.audio_input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_label, check_label_visibility, check_width, optional_str
from slipstream.elements.file_uploader import register_upload_widget, shown_file
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.uploads import UploadedFile
from slipstream.runtime.widgets import Key

AUDIO_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


def camera_input(
    label: str,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    resolution: Any = None,
    width: int | str = "stretch",
) -> UploadedFile | None:
    """Take a photo with the user's webcam. Returns it as an UploadedFile (JPEG), or None
    before a photo is taken.

    Example::

        photo = st.camera_input("Take a picture")
        if photo is not None:
            st.write(photo.size, "bytes")
    """
    fn = "camera_input"
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    wid, files, limit = register_upload_widget(
        fn,
        label=text,
        key=key,
        accept=[],
        multiple=False,
        max_upload_size=None,
        help=help,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        shown=shown_file,
    )
    emit_element(
        {
            "type": "camera_input",
            "id": wid,
            "label": text,
            **shown_file(files),
            "max_size": limit,
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
            "resolution": _check_resolution(resolution),
        }
    )
    return files[0] if files else None


_RESOLUTIONS = {"480p": 480, "720p": 720, "1080p": 1080}


def _check_resolution(resolution: Any) -> int | None:
    """The camera height a ``resolution`` preset asks for (a request the browser may round)."""
    if resolution is None:
        return None
    if isinstance(resolution, str) and resolution in _RESOLUTIONS:
        return _RESOLUTIONS[resolution]
    raise StreamlitAPIException(f"st.camera_input: resolution is {resolution!r}; give '480p', '720p', '1080p' or None.")


def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: Key = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
) -> UploadedFile | None:
    """Record audio from the user's microphone. Returns the recording as an UploadedFile (WAV),
    or None before anything is recorded. ``sample_rate`` (Hz) or None for the device's rate.

    Example::

        clip = st.audio_input("Say something")
        if clip is not None:
            st.write(clip.size, "bytes recorded")
    """
    fn = "audio_input"
    if sample_rate is not None and sample_rate not in AUDIO_SAMPLE_RATES:
        raise StreamlitAPIException(
            f"st.audio_input: sample_rate {sample_rate!r} is not supported; use None or one of "
            f"{', '.join(map(str, AUDIO_SAMPLE_RATES))}."
        )
    visibility = check_label_visibility(fn, label_visibility)
    text = check_label(fn, label, visibility)
    wid, files, limit = register_upload_widget(
        fn,
        label=text,
        key=key,
        accept=[],
        multiple=False,
        max_upload_size=None,
        help=help,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        shown=shown_file,
    )
    emit_element(
        {
            "type": "audio_input",
            "id": wid,
            "label": text,
            **shown_file(files),
            "sample_rate": sample_rate,
            "max_size": limit,
            "help": optional_str(help),
            "disabled": bool(disabled),
            "label_visibility": visibility,
            "width": check_width(fn, width, allow_content=False),
        }
    )
    return files[0] if files else None
