from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_camera_and_audio_inputs_return_their_uploaded_file(app: App) -> None:
    a = app(
        """
        import streamlit as st
        photo = st.camera_input("Photo")
        clip = st.audio_input("Voice", sample_rate=None)
        st.write(repr((photo and photo.name, clip and clip.name)))
        """
    )
    assert a.texts() == ["(None, None)"]
    assert a.widget("Photo")["file"] is None and a.widget("Voice")["sample_rate"] is None
    photo = a.session.uploads.add(a.widget("Photo")["id"], "camera.jpg", "image/jpeg", b"\xff\xd8jpeg")
    clip = a.session.uploads.add(a.widget("Voice")["id"], "recording.wav", "audio/wav", b"RIFFwav")
    a.run({a.widget("Photo")["id"]: [photo], a.widget("Voice")["id"]: [clip]})
    assert a.texts() == ["('camera.jpg', 'recording.wav')"]
    assert a.widget("Photo")["file"] == {"file_id": photo, "name": "camera.jpg", "size": 6}
    a.set("Photo", [])  # "Clear photo"
    assert a.texts() == ["(None, 'recording.wav')"]
    a.set("Voice", [clip, clip])  # one file only
    assert a.texts() == ["(None, 'recording.wav')"]


def test_audio_input_checks_its_sample_rate(app: App) -> None:
    a = app("import streamlit as st\nst.audio_input('V', sample_rate=12345)\n")
    assert "sample_rate 12345 is not supported" in a.of_type("exception")[0]["message"]
