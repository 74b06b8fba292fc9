"""Media in a real browser: images load, audio and video load their metadata, videos seek
through range requests, subtitles and the logo show."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

from tests.e2e.conftest import ServeApp

SHOTS = Path(os.environ.get("SLIPSTREAM_SHOTS", "/tmp/slipstream-shots"))

# Chromium records a short WebM from a canvas: a real video file without any encoder installed.
RECORD_WEBM = """
async () => {
  const canvas = Object.assign(document.createElement("canvas"), { width: 64, height: 48 });
  const paint = canvas.getContext("2d");
  const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: "video/webm;codecs=vp8" });
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start();
  for (let i = 0; i < 10; i++) {
    paint.fillStyle = `hsl(${i * 36}, 80%, 50%)`;
    paint.fillRect(0, 0, 64, 48);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}
"""

APP = """
import io
import matplotlib.pyplot as plt
import numpy as np
import streamlit as st

st.logo(np.tile(np.linspace(0, 1, 96), (24, 1)), size="large")
st.title("Media")
ramp = np.zeros((60, 160, 3), dtype=np.uint8)
ramp[..., 0] = np.linspace(0, 255, 160)
ramp[..., 2] = 255 - ramp[..., 0]
st.image(ramp, caption="A **ramp**")
st.image([np.eye(40), np.full((40, 40), 0.5)], caption=["eye", "gray"], width=80)
tone = np.sin(np.linspace(0, 440 * 2 * np.pi, 8000))
st.audio(tone, sample_rate=8000)
st.video({clip!r}, format="video/webm", subtitles="1\\n00:00:00,000 --> 00:00:05,000\\nHello subtitles\\n")
fig, ax = plt.subplots(figsize=(4, 2))
ax.plot([1, 3, 2, 4])
st.pyplot(fig)
doc = io.BytesIO()
fig.savefig(doc, format="pdf")
st.pdf(doc, height=320)
"""


def test_images_audio_video_pdf_and_logo_render(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    clip = tmp_path / "clip.webm"
    clip.write_bytes(base64.b64decode(page.evaluate(RECORD_WEBM)))
    with serve(APP.format(clip=str(clip))) as url:
        page.goto(url)
        page.get_by_text("Media").first.wait_for()
        page.locator(".el-pdf").wait_for()

        images = page.locator(".image-list img")
        assert images.count() == 4
        page.wait_for_function(
            "() => [...document.querySelectorAll('.image-list img')].every((i) => i.complete && i.naturalWidth > 0)"
        )
        assert images.first.evaluate("i => i.naturalWidth") == 160
        assert page.locator(".image-list figcaption strong").inner_text() == "ramp"
        assert page.locator(".image-fixed figure").first.evaluate("f => f.getBoundingClientRect().width") == 80

        page.wait_for_function("() => document.querySelector('audio').readyState >= 1")
        assert abs(page.locator("audio").evaluate("a => a.duration") - 1.0) < 0.01

        page.wait_for_function("() => document.querySelector('video').readyState >= 1")
        assert page.locator("video").evaluate("v => [v.videoWidth, v.videoHeight]") == [64, 48]
        track = page.locator("video track")
        assert track.get_attribute("label") == "default"
        vtt = page.request.get(url.rstrip("/") + "/" + track.get_attribute("src"))
        assert vtt.headers["content-type"].startswith("text/vtt")
        assert vtt.text().startswith("WEBVTT") and "00:00:05.000" in vtt.text()

        # Seeking asks for byte ranges; the blob route answers with exactly those bytes.
        src = page.locator("video").get_attribute("src")
        assert src.startswith("_slipstream/blob/") and src.endswith(".webm")
        part = page.request.get(url.rstrip("/") + "/" + src, headers={"Range": "bytes=100-299"})
        assert part.status == 206
        assert part.headers["content-range"] == f"bytes 100-299/{clip.stat().st_size}"
        assert part.body() == clip.read_bytes()[100:300]

        pdf = page.locator(".el-pdf object")
        assert pdf.get_attribute("type") == "application/pdf"
        assert page.request.get(url.rstrip("/") + "/" + pdf.get_attribute("data")).body().startswith(b"%PDF")

        logo = page.locator(".header-logo img")
        logo.wait_for()
        assert logo.evaluate("i => i.complete && i.naturalWidth") == 96

        SHOTS.mkdir(parents=True, exist_ok=True)
        page.wait_for_timeout(300)
        page.screenshot(path=str(SHOTS / "media.png"), full_page=True)
