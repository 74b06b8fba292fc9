from __future__ import annotations

import io
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from slipstream.runtime.blobs import blob_store
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def blob(url: str) -> Any:
    found = blob_store.get(Path(url).name)
    assert found is not None, url
    return found


def error_of(a: HeadlessApp) -> str:
    errors = a.of_type("exception")
    assert len(errors) == 1, a.elements
    return str(errors[0]["message"])


def image_of(a: HeadlessApp, index: int = 0) -> Any:
    from PIL import Image

    url = a.of_type("image")[0]["images"][index]["url"]
    return Image.open(io.BytesIO(blob(url).data))


# ---- st.image ---------------------------------------------------------------------------------


def test_image_encodes_arrays_and_sends_only_a_url(app: App) -> None:
    a = app(
        """
        import numpy as np, streamlit as st
        st.image(np.zeros((4, 6)), caption="gray")
        st.image(np.full((2, 2, 4), 255, dtype=np.uint8))
        """
    )
    first, second = a.of_type("image")
    assert first["images"] == [{"url": first["images"][0]["url"], "caption": "gray", "alt": None}]
    assert first["images"][0]["url"].startswith("_slipstream/blob/")
    assert first["width"] == "content" and first["item_width"] == "content" and first["link"] is None
    assert blob(first["images"][0]["url"]).mimetype == "image/jpeg"
    assert image_of(a).size == (6, 4)
    assert blob(second["images"][0]["url"]).mimetype == "image/png"  # alpha: PNG
    assert all(len(str(e)) < 400 for e in a.elements)  # no pixels on the websocket


def test_image_float_and_int_ranges_need_clamp(app: App) -> None:
    assert "[0.0, 1.0]" in error_of(app("import numpy as np, streamlit as st\nst.image(np.ones((4, 4)) * 2)"))
    assert "clamp=True" in error_of(app("import numpy as np, streamlit as st\nst.image(np.ones((4, 4)) * 2)"))
    message = error_of(app("import numpy as np, streamlit as st\nst.image(np.full((4, 4), 300))"))
    assert "[0, 255]" in message and "300" in message
    a = app("import numpy as np, streamlit as st\nst.image(np.full((4, 4), 2.0), clamp=True, output_format='PNG')")
    assert image_of(a).getpixel((0, 0)) == 255
    a = app("import numpy as np, streamlit as st\nst.image(np.full((4, 4), -5), clamp=True, output_format='PNG')")
    assert image_of(a).getpixel((0, 0)) == 0


def test_image_bgr_swaps_channels(app: App) -> None:
    a = app(
        """
        import numpy as np, streamlit as st
        pixels = np.zeros((2, 2, 3), dtype=np.uint8)
        pixels[..., 0] = 255  # blue in BGR
        st.image(pixels, channels="BGR", output_format="PNG")
        """
    )
    assert image_of(a).getpixel((0, 0)) == (0, 0, 255)
    assert "BGR" in error_of(app("import numpy as np, streamlit as st\nst.image(np.zeros((2, 2)), channels='BGR')"))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("np.zeros(4)", "2D (grayscale) or 3D"),
        ("np.zeros((2, 2, 2))", "1, 3 or 4 channels"),
        ("42", "cannot show a int"),
        ("None", "image is None"),
        ("b'not an image'", "not an image Pillow can read"),
        ("'missing.png'", "neither a URL nor a file that exists"),
        ("[np.zeros((2, 2))] * 2, caption=['one']", "cannot pair 1 caption with 2 images"),
        ("[np.zeros((2, 2))] * 2, link='https://x.org'", "link works with a single image only"),
        ("[np.zeros((2, 2))] * 2, alt='x'", "one alt text cannot describe 2 images"),
        ("np.zeros((2, 2)), width=0", "width must be"),
        ("np.zeros((2, 2)), channels='XYZ'", "channels is 'XYZ'"),
    ],
)
def test_image_rejects_bad_input_with_a_clear_error(app: App, source: str, expected: str) -> None:
    a = app(f"import numpy as np, streamlit as st\nst.image({source})\nst.write('after')")
    assert expected in error_of(a)
    assert a.texts() == []  # the script stopped at the error, as in Streamlit


def test_image_sources(app: App, tmp_path: Path) -> None:
    from PIL import Image

    png = tmp_path / "pic.png"
    Image.new("RGB", (3, 2), "red").save(png)
    svg = '<svg width="10" height="10"><rect width="10" height="10"/></svg>'
    a = app(
        f"""
        import io, pathlib, streamlit as st
        from PIL import Image
        st.image("https://example.com/a.png", link="https://example.com")
        st.image({str(png)!r})
        st.image(pathlib.Path({str(png)!r}).read_bytes())
        st.image(io.BytesIO(pathlib.Path({str(png)!r}).read_bytes()))
        st.image(Image.new("L", (5, 5)))
        st.image({svg!r})
        """
    )
    url, path, raw, buffer, pil, vector = (e["images"][0]["url"] for e in a.of_type("image"))
    assert url == "https://example.com/a.png" and a.of_type("image")[0]["link"] == "https://example.com"
    assert path == raw == buffer  # same bytes, same blob; a PNG stays a PNG
    assert blob(path).mimetype == "image/png" and blob(path).data == png.read_bytes()
    assert blob(pil).mimetype == "image/jpeg"
    assert blob(vector).mimetype == "image/svg+xml" and b'xmlns="http://www.w3.org/2000/svg"' in blob(vector).data


def test_image_lists_captions_widths_and_alt(app: App) -> None:
    a = app(
        """
        import numpy as np, streamlit as st
        st.image([np.zeros((2, 2)), np.ones((2, 2))], caption=["a", "b"], width=100, alt=["first", None])
        st.image(np.zeros((3, 2, 2, 3)), width="stretch")
        st.image(np.zeros((2, 2)), width=50, alt="")
        """
    )
    several, four_d, single = a.of_type("image")
    assert [(i["caption"], i["alt"]) for i in several["images"]] == [("a", "first"), ("b", None)]
    assert several["width"] == "stretch" and several["item_width"] == 100
    assert len(four_d["images"]) == 3 and four_d["item_width"] == "stretch"
    assert single["width"] == 50 and single["item_width"] == "stretch" and single["images"][0]["alt"] == ""


def test_image_shrinks_what_it_cannot_show(app: App) -> None:
    a = app("import numpy as np, streamlit as st\nst.image(np.zeros((10, 400)), width=100)")
    assert image_of(a).size == (100, 2)
    a = app("import numpy as np, streamlit as st\nst.image(np.zeros((10, 3000)))")
    assert image_of(a).size[0] == 1460


def test_image_width_deprecations(app: App, caplog: pytest.LogCaptureFixture) -> None:
    a = app("import numpy as np, streamlit as st\nst.image(np.zeros((2, 2)), use_column_width=True)")
    assert "`use_column_width` was removed" in a.of_type("alert")[0]["body"]
    assert a.of_type("image")[0]["width"] == "content"
    a = app("import numpy as np, streamlit as st\nst.image(np.zeros((2, 2)), use_container_width=True)")
    assert a.of_type("image")[0]["width"] == "stretch" and not a.of_type("alert")
    a = app("import numpy as np, streamlit as st\nst.image(np.zeros((2, 2)), use_container_width=False, width=40)")
    assert a.of_type("image")[0]["width"] == 40


def test_unchanged_image_is_kept_not_resent(app: App) -> None:
    a = app("import numpy as np, streamlit as st\nst.image(np.eye(8))\nst.button('again')")
    assert any(m["t"] == "el" and m["e"]["type"] == "image" for m in a.last_frame)
    a.click("again")
    assert not any(m["t"] == "el" and m["e"]["type"] == "image" for m in a.last_frame)
    assert not any(m["t"] in ("el", "patch") for m in a.last_frame)


# ---- st.audio, st.video -----------------------------------------------------------------------


def wav_of(url: str) -> tuple[int, int, int, bytes]:
    with wave.open(io.BytesIO(blob(url).data)) as w:
        return w.getnchannels(), w.getframerate(), w.getsampwidth(), w.readframes(w.getnframes())


def test_audio_from_numpy_is_normalised_wav(app: App) -> None:
    import numpy as np

    a = app(
        """
        import numpy as np, streamlit as st
        st.audio(np.array([0.0, 0.5, -0.25]), sample_rate=8000)
        st.audio(np.array([[0.0, 1.0], [-2.0, 0.0]]), sample_rate=16000)
        st.audio(np.zeros(4), sample_rate=8000)
        """
    )
    mono, stereo, silent = (e["url"] for e in a.of_type("audio"))
    channels, rate, width, frames = wav_of(mono)
    assert (channels, rate, width) == (1, 8000, 2)
    assert np.frombuffer(frames, "<i2").tolist() == [0, 32767, -16383]
    channels, rate, _, frames = wav_of(stereo)
    assert (channels, rate) == (2, 16000)
    assert np.frombuffer(frames, "<i2").tolist() == [0, -32767, 16383, 0]  # interleaved frames
    assert np.frombuffer(wav_of(silent)[3], "<i2").tolist() == [0, 0, 0, 0]
    assert blob(mono).mimetype == "audio/wav" and mono.endswith(".wav")


def test_audio_and_video_options(app: App, tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp3"
    clip.write_bytes(b"ID3 fake mp3")
    a = app(
        f"""
        import io, streamlit as st
        from datetime import timedelta
        st.audio({str(clip)!r}, start_time="2s", end_time="1 min", loop=True, autoplay=True)
        st.audio(io.BytesIO(b"RIFF...."), format="audio/ogg", start_time=2.7, width=300)
        st.video("https://example.com/v.mp4", start_time=timedelta(seconds=5), muted=True, autoplay=True)
        st.video("https://youtu.be/dQw4w9WgXcQ")
        st.audio("00:01:30")
        """
    )
    first, second = a.of_type("audio")
    assert (first["start_time"], first["end_time"], first["loop"], first["autoplay"]) == (2, 60, True, True)
    assert blob(first["url"]).mimetype == "audio/mpeg"  # guessed from the file name
    assert (second["start_time"], second["width"]) == (2, 300) and blob(second["url"]).mimetype == "audio/ogg"
    native, youtube = a.of_type("video")
    assert native["url"] == "https://example.com/v.mp4" and native["muted"] and native["start_time"] == 5
    assert youtube["youtube"] and youtube["url"] == "https://www.youtube.com/embed/dQw4w9WgXcQ"
    assert "neither a URL nor a file" in error_of(a)  # "00:01:30" is no file


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("st.audio(np.zeros(10))", "sample_rate is required"),
        ("st.audio(np.zeros((2, 2, 2)), sample_rate=8000)", "1D (mono) or 2D"),
        ("st.audio(np.zeros(2), sample_rate=-1)", "sample_rate must be a positive"),
        ("st.audio(42)", "cannot play a int"),
        ("st.audio(b'x', start_time='soon')", "start_time 'soon' is not a time"),
        ("st.audio(b'x', width='content')", 'width must be "stretch"'),
        ("st.video(b'x', start_time=5, end_time=3)", "do not make a range"),
        ("st.video(b'x', start_time=-1)", "do not make a range"),
        ("st.video(b'x', subtitles='hello')", "neither a .srt/.vtt file"),
        ("st.video(b'x', subtitles=42)", "give a file path, WebVTT or SRT"),
        ("st.video('https://youtu.be/dQw4w9WgXcQ', subtitles=b'WEBVTT')", "YouTube"),
    ],
)
def test_audio_video_reject_bad_input(app: App, source: str, expected: str) -> None:
    assert expected in error_of(app(f"import numpy as np, streamlit as st\n{source}"))


def test_video_subtitles_convert_srt_to_webvtt(app: App, tmp_path: Path) -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,500\nHello\n"
    (tmp_path / "en.srt").write_text(srt)
    a = app(
        f"""
        import io, streamlit as st
        vtt = b"WEBVTT\\n\\n00:01.000 --> 00:02.000\\nHi"
        st.video(b"video", subtitles={{"English": {str(tmp_path / "en.srt")!r}, "Text": {srt!r},
                                       "VTT": vtt, "Buf": io.BytesIO({srt.encode()!r})}})
        """
    )
    tracks = a.of_type("video")[0]["subtitles"]
    assert [t["label"] for t in tracks] == ["English", "Text", "VTT", "Buf"]
    english = blob(tracks[0]["url"])
    assert english.mimetype == "text/vtt"
    assert english.data.decode() == "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello\n"
    assert blob(tracks[1]["url"]).data == english.data == blob(tracks[3]["url"]).data
    assert blob(tracks[2]["url"]).data.startswith(b"WEBVTT")


def test_media_time_strings() -> None:
    from slipstream.elements.media import media_time

    cases = {"2s": 2, "1 min": 60, "1h23s": 3623, "00:01:30": 90, "1.9s": 1, "2 minutes 3 seconds": 123, "PT2S": 2}
    for text, seconds in cases.items():
        assert media_time("audio", "start_time", text) == seconds, text
    assert media_time("audio", "start_time", 7.9) == 7 and media_time("audio", "end_time", None) is None


# ---- st.pdf, st.pyplot, st.logo ---------------------------------------------------------------


def test_pdf_sources(app: App, tmp_path: Path) -> None:
    doc = tmp_path / "doc.pdf"
    doc.write_bytes(b"%PDF-1.4 tiny")
    a = app(
        f"""
        import io, streamlit as st
        st.pdf({str(doc)!r})
        st.pdf(io.BytesIO(b"%PDF-1.4 tiny"), height="stretch")
        st.pdf("https://example.com/doc.pdf", height=300)
        """
    )
    path, buffer, url = a.of_type("pdf")
    assert path["url"] == buffer["url"] and blob(path["url"]).mimetype == "application/pdf"
    assert (path["height"], buffer["height"], url["height"]) == (500, "stretch", 300)
    assert url["url"] == "https://example.com/doc.pdf"
    assert "height must be" in error_of(app("import streamlit as st\nst.pdf(b'%PDF', height=0)"))
    assert "data is None" in error_of(app("import streamlit as st\nst.pdf(None)"))
    assert "cannot show a int" in error_of(app("import streamlit as st\nst.pdf(3)"))


def test_pyplot_renders_a_png(app: App) -> None:
    a = app(
        """
        import matplotlib.pyplot as plt, streamlit as st
        fig, ax = plt.subplots(figsize=(2, 1))
        ax.plot([1, 2, 3])
        st.pyplot(fig, clear_figure=True, alt="a line")
        st.text(len(fig.axes))
        """
    )
    element = a.of_type("image")[0]
    assert element["width"] == "stretch" and element["images"][0]["alt"] == "a line"
    assert blob(element["images"][0]["url"]).mimetype == "image/png"
    assert image_of(a).size[0] > 100
    assert a.texts("text") == ["0"]  # cleared
    assert "fig is required" in error_of(app("import streamlit as st\nst.pyplot(None)"))


def test_pyplot_savefig_arguments_are_deprecated_but_used(app: App) -> None:
    a = app(
        """
        import matplotlib.pyplot as plt, streamlit as st
        fig, ax = plt.subplots(figsize=(2, 1))
        st.pyplot(fig, dpi=50)
        """
    )
    assert "deprecated" in a.of_type("alert")[0]["body"]
    assert image_of(a).size[0] < 120  # 2 inches at 50 dpi, trimmed


def test_pyplot_without_matplotlib_names_the_fix(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert "pip install matplotlib" in error_of(app("import streamlit as st\nst.pyplot(object())"))


def test_logo_lives_in_its_own_root(app: App) -> None:
    a = app(
        """
        import numpy as np, streamlit as st
        st.logo(np.zeros((8, 8)), size="large", link="https://example.com", icon_image=":material/home:")
        st.write("main")
        """
    )
    paths = {path: el for path, el in a.session.view.elements().items()}
    logo = paths[(3, 0)]
    assert logo["type"] == "logo" and logo["image_kind"] == "image" and logo["image"].startswith("_slipstream/blob/")
    assert (logo["icon_image"], logo["icon_kind"], logo["size"]) == (":material/home:", "icon", "large")
    assert paths[(0, 0)]["type"] == "markdown"  # the logo takes no place in the main area
    assert app("import streamlit as st\nst.logo('🚀')").of_type("logo")[0]["image_kind"] == "emoji"
    assert "size is 'huge'" in error_of(app("import streamlit as st\nst.logo('🚀', size='huge')"))
    assert "not a web address" in error_of(app("import streamlit as st\nst.logo('🚀', link='ftp://x')"))
    assert "image is not an image" in error_of(app("import streamlit as st\nst.logo(42)"))
