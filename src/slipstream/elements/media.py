"""Sound and film: st.audio and st.video.

The media goes to the blob store (served with range requests, so the browser can seek) unless it
is a URL; NumPy audio becomes a 16-bit WAV file, SRT subtitles become WebVTT.
"""

from __future__ import annotations

import io
import logging
import math
import os
import re
from datetime import timedelta
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width
from slipstream.elements._sources import guess_mimetype, is_url, put_blob, put_file, read_buffer, read_path
from slipstream.elements.image import normalize_alt
from slipstream.errors import StreamlitAPIException

log = logging.getLogger("slipstream")

# ---- times ------------------------------------------------------------------------------------

_UNIT_SECONDS = {
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 604800.0),
    **dict.fromkeys(("d", "day", "days"), 86400.0),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600.0),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "t"), 60.0),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", ""), 1.0),
    **dict.fromkeys(("ms", "milli", "millis", "millisecond", "milliseconds", "l"), 1e-3),
    **dict.fromkeys(("us", "µs", "micro", "micros", "microsecond", "microseconds", "u"), 1e-6),
    **dict.fromkeys(("ns", "nano", "nanos", "nanosecond", "nanoseconds", "n"), 1e-9),
}
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zµ]*)\s*,?", re.IGNORECASE)
_CLOCK = re.compile(r"^(?:(\d+)\s*days?,?\s+)?(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d*)?))?$", re.IGNORECASE)


def _parse_time_string(text: str) -> float | None:
    text = text.strip()
    sign = -1.0 if text.startswith("-") else 1.0
    body = text.lstrip("+-").strip()
    clock = _CLOCK.match(body)
    if clock:
        days, first, second, third = clock.groups()
        if third is None:  # H:MM
            hours, minutes, seconds = float(first), float(second), 0.0
        else:
            hours, minutes, seconds = float(first), float(second), float(third)
        return sign * (float(days or 0) * 86400 + hours * 3600 + minutes * 60 + seconds)
    total, at = 0.0, 0
    while at < len(body):
        part = _PART.match(body, at)
        if part is None or part.end() == at:
            return None
        unit = part.group(2).lower()
        if unit not in _UNIT_SECONDS:
            return None
        total += float(part.group(1)) * _UNIT_SECONDS[unit]
        at = part.end()
    return sign * total if body else None


def media_time(fn: str, arg: str, value: Any) -> int | None:
    """A start or end time in whole seconds: numbers, timedeltas, or strings like "2s",
    "1 min", "1h23s" or "00:01:30" (a bare number is seconds)."""
    if value is None:
        return None
    seconds: float | None
    if isinstance(value, bool):
        seconds = None
    elif isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) or type(value).__module__.startswith("numpy"):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = None
    elif isinstance(value, str):
        seconds = _parse_time_string(value)
        if seconds is None:
            seconds = _pandas_time(value)
    else:
        seconds = None
    if seconds is None or not math.isfinite(seconds):
        raise StreamlitAPIException(
            f"st.{fn}: {arg} {value!r} is not a time. Use seconds (an int or a float), a timedelta, "
            'or a string like "10s", "15 seconds", "1 min" or "1h23s".'
        )
    return int(seconds)


def _pandas_time(text: str) -> float | None:
    """Other spellings pandas understands (ISO 8601 durations...), when pandas is installed."""
    try:
        import pandas as pd
    except ImportError:
        return None
    try:
        seconds = float(pd.Timedelta(text).total_seconds())
    except (ValueError, TypeError, OverflowError):
        return None
    return None if math.isnan(seconds) else seconds


# ---- data -> URL ------------------------------------------------------------------------------


def media_url(fn: str, data: Any, mimetype: str, default_mimetype: str) -> str:
    """The URL of ``data``: a URL as given; paths, bytes and files as a blob of ``mimetype``
    (for a path given with the default format, the type its extension names)."""
    if isinstance(data, os.PathLike):
        data = os.fspath(data)
    if isinstance(data, str):
        if is_url(data):
            return data.strip()
        kind = guess_mimetype(data, mimetype) if mimetype == default_mimetype else mimetype
        return put_file(fn, data, kind)
    if type(data).__module__.startswith("numpy") and hasattr(data, "tobytes"):
        return put_blob(data.tobytes(), mimetype)
    payload = read_buffer(data)
    if payload is None:
        raise StreamlitAPIException(
            f"st.{fn}: cannot play a {type(data).__name__}. Give it a URL, a file path, bytes, "
            f"a file-like object{' or a NumPy array with sample_rate' if fn == 'audio' else ''}."
        )
    return put_blob(payload, mimetype)


def wav_bytes(fn: str, data: Any, sample_rate: Any) -> bytes:
    """NumPy samples as a 16-bit PCM WAV file: a 1D array is mono, a 2D array holds one row per
    channel. Samples are scaled so the loudest one reaches full scale."""
    import wave

    import numpy as np

    if isinstance(sample_rate, bool) or not isinstance(sample_rate, (int, np.integer)) or sample_rate <= 0:
        raise StreamlitAPIException(
            f"st.{fn}: sample_rate must be a positive whole number of samples per second, not {sample_rate!r}."
        )
    samples = np.asarray(data, dtype=float)
    if samples.ndim == 1:
        channels = 1
    elif samples.ndim == 2:
        channels = samples.shape[0]
        samples = samples.T.ravel()  # interleave: one frame holds a sample of each channel
    else:
        raise StreamlitAPIException(
            f"st.{fn}: NumPy audio must be 1D (mono) or 2D (one row per channel), not of shape {samples.shape}."
        )
    if channels < 1:
        raise StreamlitAPIException(f"st.{fn}: the NumPy audio of shape {np.shape(data)} has no channel.")
    if not np.all(np.isfinite(samples)):
        raise StreamlitAPIException(f"st.{fn}: the NumPy audio holds NaN or infinite samples.")
    peak = float(np.max(np.abs(samples))) if samples.size else 0.0
    scaled = (samples / peak * 32767 if peak > 0 else samples).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(int(sample_rate))
        wav.writeframes(scaled.tobytes())
    return out.getvalue()


def _time_range(fn: str, start_time: Any, end_time: Any) -> tuple[int, int | None]:
    start = media_time(fn, "start_time", start_time)
    return (start or 0), media_time(fn, "end_time", end_time)


# ---- subtitles --------------------------------------------------------------------------------

_SRT_TIME = re.compile(r"(\d{1,2}:\d{2}:\d{2}),(\d{3})")
_SRT_CUE = re.compile(r"^\d+\s*\n\s*\d{1,2}:\d{2}:\d{2},\d{3}\s*-->\s*\d{1,2}:\d{2}:\d{2},\d{3}")


def _text(label: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StreamlitAPIException(f"st.video: the subtitles {label!r} are not UTF-8 text.") from None


def srt_to_vtt(text: str) -> str:
    body = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()
    return "WEBVTT\n\n" + _SRT_TIME.sub(r"\1.\2", body) + "\n"


def _is_srt(text: str) -> bool:
    return _SRT_CUE.match(text.replace("\r\n", "\n").lstrip("\ufeff").lstrip()) is not None


def _vtt(label: str, source: Any) -> bytes:
    """One subtitle track as WebVTT bytes."""
    if isinstance(source, os.PathLike) or (isinstance(source, str) and os.path.isfile(source)):
        path = os.fspath(source)
        ext = os.path.splitext(path)[1].lower()
        if ext not in (".srt", ".vtt"):
            raise StreamlitAPIException(
                f"st.video: subtitles file {path!r} should be .srt or .vtt, not {ext or 'without extension'}."
            )
        text = _text(label, read_path("video", path, "subtitles"))
        return (srt_to_vtt(text) if ext == ".srt" else text).encode()
    if isinstance(source, str):
        text = source.strip()
        if text == "" or text.startswith("WEBVTT"):
            return text.encode()
        if _is_srt(text):
            return srt_to_vtt(text).encode()
        raise StreamlitAPIException(
            f"st.video: the subtitles {label!r} are neither a .srt/.vtt file that exists nor WebVTT or SRT text."
        )
    payload = read_buffer(source)
    if payload is None:
        raise StreamlitAPIException(
            f"st.video: subtitles {label!r} is a {type(source).__name__}; give a file path, WebVTT or SRT "
            "text, bytes, a file-like object, or a dict of label -> one of those."
        )
    text = _text(label, payload)
    return (srt_to_vtt(text) if _is_srt(text) else text).encode()


def _subtitles(subtitles: Any) -> list[dict[str, str]]:
    if subtitles is None or (isinstance(subtitles, (str, bytes, dict)) and not subtitles):
        return []
    items = list(subtitles.items()) if isinstance(subtitles, dict) else [("default", subtitles)]
    return [{"label": str(label or ""), "url": put_blob(_vtt(str(label), src), "text/vtt")} for label, src in items]


_YOUTUBE = re.compile(
    r"^(?:https?:)?//(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:.*&)?v=|embed/|v/|e/|shorts/|live/)"
    r"|youtu\.be/)([\w-]{10,20})",
    re.IGNORECASE,
)


def youtube_embed(url: str) -> str | None:
    match = _YOUTUBE.match(url.strip())
    return f"https://www.youtube.com/embed/{match.group(1)}" if match else None


# ---- st.audio, st.video -----------------------------------------------------------------------


def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: Any = 0,
    *,
    sample_rate: int | None = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: int | str = "stretch",
) -> DeltaGenerator:
    """Show an audio player.

    ``data``: a URL (played by the browser as is), a file path, bytes, a file-like object, or a
    NumPy array of samples (1D mono, 2D one row per channel) with ``sample_rate``, sent as WAV.
    ``format``: the mimetype of bytes and files. ``start_time``/``end_time``: seconds, a
    timedelta, or a string like "2s" or "1 min". ``loop``, ``autoplay``: as named. ``alt``: text
    for screen readers. ``width``: "stretch" or pixels. Returns the element's placeholder.

    Example::

        st.audio("https://example.com/song.mp3")
        st.audio(np.sin(np.linspace(0, 440 * 2 * np.pi, 44100)), sample_rate=44100)
    """
    fn = "audio"
    start, end = _time_range(fn, start_time, end_time)
    width = check_width(fn, width, allow_content=False)
    is_array = type(data).__module__.startswith("numpy") and hasattr(data, "ndim")
    if is_array and sample_rate is None:
        raise StreamlitAPIException(
            "st.audio: sample_rate is required with a NumPy array: pass the samples per second, e.g. sample_rate=44100."
        )
    if not is_array and sample_rate is not None:
        log.warning("st.audio: sample_rate is ignored since data is not a NumPy array.")
    if data is None:
        url = ""
    elif is_array:
        url = put_blob(wav_bytes(fn, data, sample_rate), "audio/wav")
    else:
        url = media_url(fn, data, str(format), "audio/wav")
    return emit_element(
        {
            "type": "audio",
            "url": url,
            "start_time": start,
            "end_time": end,
            "loop": bool(loop),
            "autoplay": bool(autoplay),
            "alt": normalize_alt(fn, alt) or None,
            "width": width,
        }
    )


def video(
    data: Any,
    format: str = "video/mp4",
    start_time: Any = 0,
    *,
    subtitles: Any = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: int | str = "stretch",
) -> DeltaGenerator:
    """Show a video player.

    ``data``: a URL (YouTube links are embedded), a file path, bytes or a file-like object.
    ``format``: the mimetype of bytes and files. ``start_time``/``end_time``: seconds, a
    timedelta, or a string like "2s" or "1 min". ``subtitles``: a .srt/.vtt path, WebVTT or SRT
    text or bytes, or a dict of label -> one of those (SRT is converted to WebVTT). ``loop``,
    ``autoplay``, ``muted``: as named (browsers autoplay only muted videos). ``alt``: text for
    screen readers. ``width``: "stretch" or pixels. Returns the element's placeholder.

    Example::

        st.video("clip.mp4", subtitles={"English": "clip.en.srt"}, start_time="5s")
    """
    fn = "video"
    start, end = _time_range(fn, start_time, end_time)
    width = check_width(fn, width, allow_content=False)
    if start < 0 or (end is not None and end <= start):
        raise StreamlitAPIException(
            f"st.video: start_time {start} and end_time {end} do not make a range: start_time must be 0 or "
            "more, and end_time (if given) after it."
        )
    embed = youtube_embed(data) if isinstance(data, str) and is_url(data) else None
    if embed is not None and subtitles:
        raise StreamlitAPIException("st.video: subtitles cannot be added to a YouTube video; remove subtitles.")
    if embed is not None:
        url = embed
    elif data is None:
        url = ""
    else:
        url = media_url(fn, data, str(format), "video/mp4")
    return emit_element(
        {
            "type": "video",
            "url": url,
            "youtube": embed is not None,
            "start_time": start,
            "end_time": end,
            "loop": bool(loop),
            "autoplay": bool(autoplay),
            "muted": bool(muted),
            "subtitles": _subtitles(subtitles),
            "alt": normalize_alt(fn, alt) or None,
            "width": width,
        }
    )
