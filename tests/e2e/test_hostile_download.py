"""Hostile blobs in a real browser: downloads of HTML, XHTML, XML and SVG an app's user chose, and
inline blobs of such types, run no script with the app's origin however they are opened; the
download button still saves its file under its name, and images still show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Error

from tests.e2e.conftest import ServeApp

# What a hostile blob would do with the app's origin: mark the app's storage, rename the page, and
# reach the page that opened or framed it.
ATTACK = (
    "localStorage.setItem('pwned', KIND); document.title = 'pwned'; "
    "try { parent.pwn(KIND) } catch (e) {} try { opener.pwn(KIND) } catch (e) {}"
)


def _script(kind: str) -> str:
    return ATTACK.replace("KIND", repr(kind))


HTML = f"<!doctype html><title>blob</title><script>{_script('html')}</script>"
XHTML = (
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>blob</title></head>'
    f"<body><script>{_script('xhtml')}</script></body></html>"
)
XML = f'<?xml version="1.0"?><root><script xmlns="http://www.w3.org/1999/xhtml">{_script("xml")}</script></root>'
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
    f'<rect width="40" height="20" fill="teal"/><script>{_script("svg")}</script></svg>'
)

DOWNLOADS = {
    "x.html": (HTML, None),
    "x.xhtml": (XHTML, None),
    "x.xml": (XML, None),
    "x.svg": (SVG, None),
    "shout.txt": (HTML, "Text/HTML"),
    "feed.dat": (XML, "application/xml"),
    "rapport été.html": (HTML, None),
}

APP = f"""
import io
import numpy as np
import streamlit as st

for name, (data, mime) in {DOWNLOADS!r}.items():
    st.download_button("Save " + name, data, file_name=name, mime=mime, on_click="ignore")
ramp = np.zeros((20, 30, 3), dtype=np.uint8)
ramp[..., 1] = 200
st.image(ramp, caption="png")
st.image({SVG!r}, caption="svg")
st.audio({HTML.encode()!r}, format="Text/HTML; charset=utf-8")
st.video({XML.encode()!r}, format="application/xml")
"""


def _attempts(page: Any) -> list[str]:
    """What the hostile scripts managed, as the app page sees it."""
    found: list[str] = page.evaluate("() => [...window.pwned, localStorage.getItem('pwned')].filter(Boolean)")
    return found


def _open_directly(page: Any, url: str) -> None:
    """Open ``url`` as a page of its own: an attachment starts a download instead."""
    try:
        page.goto(url)
    except Error as error:
        assert "Download is starting" in error.message
    else:
        page.wait_for_timeout(100)
        assert page.title() != "pwned"


def test_hostile_downloads_and_inline_blobs_run_no_script(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    with serve(APP) as url:
        root = url.rstrip("/") + "/"
        # The check can see a script run: the same HTML from the app's origin without the blob
        # route's headers does everything it tries.
        page.context.route(root + "control.html", lambda route: route.fulfill(body=HTML, content_type="text/html"))
        page.goto(root + "control.html")
        assert page.title() == "pwned" and page.evaluate("localStorage.getItem('pwned')") == "html"
        page.evaluate("localStorage.clear()")

        page.goto(url)
        page.get_by_role("button", name="Save x.html").wait_for()
        page.evaluate("() => { window.pwned = []; window.pwn = (kind) => window.pwned.push(kind) }")

        blob_urls: list[str] = []
        for name, (data, _) in DOWNLOADS.items():
            with page.expect_download() as info:
                page.get_by_role("button", name="Save " + name).click()
            download = info.value
            assert download.suggested_filename == name
            assert Path(download.path()).read_text() == data
            blob_urls.append(download.url)
        assert all("/_slipstream/blob/" in u for u in blob_urls)

        images = page.locator(".image-list img")
        assert images.count() == 2
        page.wait_for_function(
            "() => [...document.querySelectorAll('.image-list img')].every((i) => i.complete && i.naturalWidth > 0)"
        )
        assert images.nth(1).evaluate("i => i.naturalWidth") == 40
        inline = [root + images.nth(1).get_attribute("src")]
        inline += [root + page.locator(tag).get_attribute("src") for tag in ("audio", "video")]

        for blob_url in blob_urls + inline:
            # Framed by the app page and opened by it as a new window...
            page.evaluate(
                """(src) => new Promise((done) => {
                    const frame = Object.assign(document.createElement("iframe"), { src });
                    frame.onload = done;
                    setTimeout(done, 1000);  // a download never loads the frame
                    document.body.appendChild(frame);
                })""",
                blob_url,
            )
            with page.context.expect_page() as opened:
                page.evaluate("(src) => { window.open(src) }", blob_url)
            popup = opened.value
            page.wait_for_timeout(200)
            if not popup.is_closed():  # a window that only downloads closes itself
                popup.close()
        page.wait_for_timeout(300)
        assert _attempts(page) == []
        assert page.title() != "pwned"

        # ...and opened directly, in a tab of its own.
        tab = page.context.new_page()
        for blob_url in blob_urls + inline:
            _open_directly(tab, blob_url)
        tab.close()
        assert _attempts(page) == []


def test_download_blobs_are_attachments_and_inline_blobs_are_sandboxed(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        svg = page.locator(".image-list img").nth(1)
        svg.wait_for()
        response = page.request.get(url.rstrip("/") + "/" + svg.get_attribute("src"))
        assert response.headers["content-type"] == "image/svg+xml"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]
        assert "content-disposition" not in response.headers
        assert page.request.get(url).headers["x-frame-options"] == "SAMEORIGIN"


PDF_APP = """
import io
import matplotlib.pyplot as plt
import streamlit as st

fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([1, 2])
doc = io.BytesIO()
fig.savefig(doc, format="pdf")
st.pdf(doc, height=300)
"""


def _wait_for_pdf_viewer(page: Any) -> None:
    """Chromium's viewer is an extension frame inside the frame showing the PDF."""
    for _ in range(50):
        if any(frame.url.startswith("chrome-extension://") for frame in page.frames):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"no PDF viewer loaded in {[frame.url for frame in page.frames]}")


def test_the_pdf_viewer_still_shows_a_pdf_blob_in_the_page_and_opened_directly(serve: ServeApp, page: Any) -> None:
    # The frame policy lets the app's own page embed its blobs, and PDF is not sandboxed.
    with serve(PDF_APP) as url:
        page.goto(url)
        pdf = page.locator(".el-pdf object")
        pdf.wait_for()
        assert page.evaluate("navigator.pdfViewerEnabled")
        _wait_for_pdf_viewer(page)
        assert not page.locator(".pdf-fallback").is_visible()
        tab = page.context.new_page()
        tab.goto(url.rstrip("/") + "/" + pdf.get_attribute("data"))
        _wait_for_pdf_viewer(tab)
