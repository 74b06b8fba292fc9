"""server.enableStaticServing (path-safe, typed, never sniffed) and HTTPS with sslCertFile/sslKeyFile."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import urllib.request
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import slipstream as st
from tests.server_process import running_server


def _app(tmp_path: Path, **config: object) -> st.App:
    folder = tmp_path / "project"
    (folder / "static" / "sub").mkdir(parents=True)
    (folder / "app.py").write_text("import streamlit as st\nst.write('hi')\n")
    (folder / "static" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    (folder / "static" / "sub" / "page.html").write_text("<script>alert(1)</script>")
    (folder / "static" / "data.json").write_text('{"a": 1}')
    (tmp_path / "secret.txt").write_text("outside")
    (folder / "static" / "link.txt").symlink_to(tmp_path / "secret.txt")
    return st.App(folder / "app.py", config=config)


def test_static_files_are_served_only_when_enabled(tmp_path: Path) -> None:
    with TestClient(_app(tmp_path)) as client:
        assert client.get("/app/static/logo.png").status_code == 404


def test_static_files_are_typed_safely_and_stay_inside_the_folder(tmp_path: Path) -> None:
    with TestClient(_app(tmp_path, **{"server.enableStaticServing": True})) as client:
        png = client.get("/app/static/logo.png")
        assert png.status_code == 200 and png.headers["content-type"] == "image/png"
        assert png.content.startswith(b"\x89PNG") and png.headers["x-content-type-options"] == "nosniff"
        assert client.get("/app/static/data.json").headers["content-type"] == "application/json"
        html = client.get("/app/static/sub/page.html")  # served, but as text: it cannot run as the app
        assert html.status_code == 200 and html.headers["content-type"] == "text/plain; charset=utf-8"
        for path in ("/app/static/../app.py", "/app/static/%2e%2e/app.py", "/app/static/link.txt", "/app/static/"):
            response = client.get(path)
            assert response.status_code == 404, path
            assert b"outside" not in response.content and b"st.write" not in response.content


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")
def test_https_with_a_certificate_the_test_makes(tmp_path: Path) -> None:
    cert, key = _certificate(tmp_path)
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write('secure')\n")
    flags = ("--server.sslCertFile", str(cert), "--server.sslKeyFile", str(key))
    with running_server(script, *flags, scheme="https") as url:
        assert url.startswith("https://")
        trusted = ssl.create_default_context(cafile=str(cert))
        with urllib.request.urlopen(url + "/_slipstream/health", context=trusted, timeout=5) as response:
            assert response.status == 200 and response.read() == b"ok"
        with pytest.raises(OSError):  # plain HTTP is not served on that port
            urllib.request.urlopen(url.replace("https://", "http://") + "/_slipstream/health", timeout=5).read()
