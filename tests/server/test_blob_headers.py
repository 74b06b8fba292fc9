"""Blobs opened directly never run script as the app; pages carry nosniff, a referrer policy and
a frame policy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from starlette.testclient import TestClient

from slipstream.config import ConfigError
from slipstream.runtime.blobs import Blob, BlobStore, blob_store
from slipstream.runtime.wire import decode_frame
from slipstream.server.app import create_app
from tests.conftest import HeadlessApp


def _client(tmp_path: Path, options: dict[str, Any] | None = None, store: BlobStore | None = None) -> TestClient:
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write('hi')\n")
    store = BlobStore() if store is None else store
    app = create_app(script, {"server.fileWatcherType": "none", **(options or {})}, blobs=store)
    return TestClient(app, base_url="http://testserver")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with _client(tmp_path) as c:
        yield c


def _policy(response: Any) -> set[str]:
    """The CSP directives of a response, e.g. {"sandbox", "frame-ancestors 'self'"}."""
    return {part.strip() for part in response.headers.get("content-security-policy", "").split(";") if part.strip()}


def _put(client: TestClient, data: bytes, mimetype: str, **kwargs: Any) -> str:
    store: BlobStore = client.app.state.blobs  # type: ignore[attr-defined]
    return "/" + store.put(data, mimetype, **kwargs)


DOCUMENT_TYPES = [
    "text/html",
    "Text/HTML",
    "text/html; charset=utf-8",
    "application/xhtml+xml",
    "application/xml",
    "text/xml",
    "image/svg+xml",
    "IMAGE/SVG+XML",
    "application/rss+xml",
    "application/atom+xml",
    "application/mathml+xml",
    "text/xsl",
    "multipart/x-mixed-replace; boundary=x",
    "message/rfc822",
    "application/octet-stream",
    "",
    "garbage",
    "text/html\r\nSet-Cookie: x=1",
    "text/html; charset=utf-8\r\nX-Injected: 1",
    'text/html; charset="a\rb"',
]


@pytest.mark.parametrize("mimetype", DOCUMENT_TYPES)
def test_types_a_browser_could_render_as_a_document_are_sandboxed(client: TestClient, mimetype: str) -> None:
    url = _put(client, b"<script>parent.pwned = 1</script>", mimetype)
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in _policy(response)
    assert "x-injected" not in response.headers and "set-cookie" not in response.headers
    assert "content-disposition" not in response.headers  # inline: only downloads are attachments


@pytest.mark.parametrize(
    ("mimetype", "served"),
    [
        ("", "application/octet-stream"),
        ("text/html\r\nSet-Cookie: x=1", "application/octet-stream"),
        ("multipart/x-mixed-replace; boundary=x", "application/octet-stream"),
        ("Text/HTML; charset=utf-8", "text/html; charset=utf-8"),
        ("IMAGE/SVG+XML", "image/svg+xml"),
    ],
)
def test_the_stored_type_reaches_the_header_only_when_valid(client: TestClient, mimetype: str, served: str) -> None:
    assert client.get(_put(client, mimetype.encode(), mimetype)).headers["content-type"] == served


@pytest.mark.parametrize(
    "mimetype",
    [
        *("image/png", "image/jpeg", "image/webp", "audio/wav", "video/mp4", "font/woff2"),
        *("application/pdf", "application/json", "application/vnd.apache.arrow.stream"),
    ],
)
def test_media_pdf_and_fetched_data_stay_inline_without_a_sandbox(client: TestClient, mimetype: str) -> None:
    response = client.get(_put(client, b"\x89PNG or such", mimetype))
    assert response.headers["content-type"] == mimetype
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" not in _policy(response)  # Chromium's PDF viewer renders nothing under a sandbox
    assert "content-disposition" not in response.headers


def test_range_416_and_404_responses_keep_the_headers(client: TestClient) -> None:
    url = _put(client, b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml", download_name="x.svg")
    part = client.get(url, headers={"range": "bytes=1-3"})
    assert part.status_code == 206 and part.content == b"svg"
    refused = client.get(url, headers={"range": "bytes=500-"})
    assert refused.status_code == 416 and refused.headers["content-range"] == "bytes */41"
    for response in (part, refused):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in _policy(response)
        assert response.headers["content-disposition"].startswith("attachment;")
    video = client.get(_put(client, b"0123456789", "video/mp4"), headers={"range": "bytes=2-4"})
    assert video.status_code == 206 and video.headers["x-content-type-options"] == "nosniff"
    missing = client.get("/_slipstream/blob/" + "0" * 64)
    assert missing.status_code == 404 and missing.headers["x-content-type-options"] == "nosniff"


def _filenames(disposition: str) -> tuple[str, str]:
    """The quoted fallback and the decoded filename* of a Content-Disposition header."""
    kind, fallback, extended = (part.strip() for part in disposition.split(";"))
    assert kind == "attachment" and fallback.startswith('filename="') and fallback.endswith('"')
    assert extended.startswith("filename*=UTF-8''")
    return fallback[len('filename="') : -1], unquote(extended[len("filename*=UTF-8''") :])


@pytest.mark.parametrize(
    ("name", "fallback"),
    [
        ("x.xhtml", "x.xhtml"),
        ("rapport été.csv", "rapport ete.csv"),
        ('a"b.txt', "a_b.txt"),
        ("a\\b.txt", "a_b.txt"),
        ("evil\r\nSet-Cookie: x=1.txt", "evil__Set-Cookie: x=1.txt"),
        ("../../etc/passwd", ".._.._etc_passwd"),
        ("日本.txt", "__.txt"),
    ],
)
def test_downloads_are_attachments_of_their_name(client: TestClient, name: str, fallback: str) -> None:
    response = client.get(_put(client, b"<html><script>alert(1)</script>", "text/html", download_name=name))
    assert "set-cookie" not in response.headers
    assert _filenames(response.headers["content-disposition"]) == (fallback, name)
    assert "sandbox" in _policy(response)
    assert all(" " <= c <= "~" for c in response.headers["content-disposition"])


def test_the_same_bytes_shown_as_an_image_stay_inline(client: TestClient) -> None:
    png = b"\x89PNG\r\n\x1a\n same bytes"
    image = _put(client, png, "image/png", extension=".png")
    download = _put(client, png, "image/png", extension=".png", download_name="x.png")
    assert image != download  # each URL opens the blob as it was stored, whichever is asked first
    assert "content-disposition" not in client.get(image).headers
    assert client.get(download).headers["content-disposition"].startswith("attachment;")
    renamed = _put(client, png, "image/png", extension=".png", download_name="y.png")
    assert renamed not in (image, download)


def test_a_restored_download_is_still_an_attachment() -> None:
    store = BlobStore()
    url = store.put(b"<html>", "text/html", download_name="x.html")
    name = url.rsplit("/", 1)[1]
    held = store.get(name)
    assert held == Blob(b"<html>", "text/html", "x.html")
    fresh = BlobStore()
    assert fresh.restore(name, held).filename == "x.html"
    assert fresh.get(name) is held


def test_download_button_serves_its_data_as_an_attachment(tmp_path: Path) -> None:
    app = HeadlessApp(
        """
        import streamlit as st
        st.download_button("Get", "<script>parent.pwned = 1</script>", file_name="x.xhtml")
        st.download_button("Get XML", "<x/>", file_name="x.bin", mime="application/xml")
        st.download_button("Get HTML", "<b>", file_name="page", mime="Text/HTML")
        """
    ).run()
    with _client(tmp_path, store=blob_store) as client:
        responses = {el["file_name"]: client.get("/" + el["url"]) for el in app.of_type("download_button")}
    assert set(responses) == {"x.xhtml", "x.bin", "page"}
    assert responses["x.xhtml"].headers["content-type"] == "application/xhtml+xml"
    assert responses["x.bin"].headers["content-type"] == "application/xml"
    assert responses["page"].headers["content-type"] == "text/html; charset=utf-8"
    for name, response in responses.items():
        assert _filenames(response.headers["content-disposition"]) == (name, name)
        assert "sandbox" in _policy(response)


PAGES = ["/", "/_slipstream/health", "/assets/nothing.js", "/nowhere"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_may_be_framed_only_by_the_app_itself(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert _policy(response) == {"frame-ancestors 'self'"}


def test_blobs_get_the_frame_policy_beside_their_sandbox(client: TestClient) -> None:
    response = client.get(_put(client, b"<p>", "text/html"))
    assert _policy(response) == {"sandbox", "frame-ancestors 'self'"}
    assert response.headers.get_list("content-security-policy") == ["sandbox; frame-ancestors 'self'"]
    assert response.headers.get_list("x-content-type-options") == ["nosniff"]


def test_frame_ancestors_lets_the_named_origins_frame_the_app(tmp_path: Path) -> None:
    origins = ["https://portal.example.com", "http://localhost:3000", "https://*.example.org"]
    with _client(tmp_path, {"server.frameAncestors": origins}) as client:
        response = client.get("/")
        assert _policy(response) == {"frame-ancestors 'self' " + " ".join(origins)}
        assert "x-frame-options" not in response.headers
    with _client(tmp_path, {"server.frameAncestors": ["*"]}) as client:
        response = client.get("/_slipstream/health")
        assert _policy(response) == {"frame-ancestors *"}
        assert "x-frame-options" not in response.headers
        assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "origin",
    [
        "https://a.example; script-src *",
        "https://a.example https://b.example",
        "'self'",
        "https://a.example,https://b.example",
        "https://a.example/path",
        "a.example",
        "https://a.example\r\nX-Injected: 1",
        "",
    ],
)
def test_frame_ancestors_that_are_not_origins_are_refused(tmp_path: Path, origin: str) -> None:
    with pytest.raises(ConfigError, match=r"server\.frameAncestors: .* is not an origin") as error:
        _client(tmp_path, {"server.frameAncestors": [origin]})
    assert repr(origin) in str(error.value)


def test_frame_ancestors_from_flags_files_or_env_are_checked_on_load(tmp_path: Path) -> None:
    from slipstream import config

    assert config.load({"server.frameAncestors": "https://a.example, https://b.example"}, cwd=tmp_path)[
        "server.frameAncestors"
    ] == ["https://a.example", "https://b.example"]
    with pytest.raises(ConfigError, match=r"'https://a.example; script-src \*' is not an origin"):
        config.load({"server.frameAncestors": "https://a.example; script-src *"}, cwd=tmp_path)


def test_large_blobs_stream_with_the_headers(client: TestClient) -> None:
    data = b"<svg>" + b" " * 3_000_000
    url = _put(client, data, "image/svg+xml", download_name="big.svg")
    with client.stream("GET", url) as response:
        assert response.headers["content-length"] == str(len(data))
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-disposition"].startswith('attachment; filename="big.svg"')
        assert _policy(response) == {"sandbox", "frame-ancestors 'self'"}
        assert b"".join(response.iter_bytes()) == data


def test_the_websocket_still_connects_through_the_headers_middleware(client: TestClient) -> None:
    with client.websocket_connect("/_slipstream/ws") as ws:
        ws.send_json({"t": "hello", "v": 1, "session": None, "query": ""})
        (reply,) = decode_frame(ws.receive_text())
        assert reply["t"] == "session"
