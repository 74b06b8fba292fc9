from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from slipstream.runtime.blobs import BlobStore
from slipstream.runtime.wire import decode_frame
from slipstream.server.app import create_app
from slipstream.server.uploads import MAX_FIELD_CHARS, clean_field
from tests.server.test_app import _until_run_end

UPLOADER = """
import hashlib
import streamlit as st
files = st.file_uploader("Data", accept_multiple_files=True)
for f in files:
    st.write(f"{f.name} {f.type} {f.size} {hashlib.sha256(f.read()).hexdigest()}")
"""


@contextmanager
def _uploader(tmp_path: Path, options: dict[str, Any] | None = None) -> Iterator[tuple[Any, Any, str, str]]:
    """A client, its websocket, and the upload URL and XSRF token of the page's file uploader."""
    script = tmp_path / "app.py"
    script.write_text(UPLOADER)
    app = create_app(script, {"server.fileWatcherType": "none", **(options or {})}, blobs=BlobStore())
    with TestClient(app, base_url="http://testserver") as client, client.websocket_connect("/_slipstream/ws") as ws:
        ws.send_text(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
        (reply,) = decode_frame(ws.receive_text())
        first = _until_run_end(ws)
        widget = next(m["e"]["id"] for m in first if m["t"] == "el" and m["e"]["type"] == "file_uploader")
        yield client, ws, f"/_slipstream/upload/{reply['session']}/{widget}", reply["xsrf"]


def _shown(messages: list[dict[str, Any]]) -> list[str]:
    return [m["e"]["body"] for m in messages if m["t"] in ("el", "patch") and "body" in m["e"]]


def test_unclaimed_uploads_are_bounded_and_submitting_frees_room(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with _uploader(tmp_path) as (client, ws, url, xsrf):
        headers = {"x-slipstream-xsrf": xsrf, "content-type": "text/plain"}
        answers = [client.put(f"{url}?name=f{n}.txt", content=b"x", headers=headers) for n in range(200)]
        ok = [a.json()["file_id"] for a in answers if a.status_code == 200]
        refused = [a for a in answers if a.status_code != 200]
        assert len(ok) == 100 and {a.status_code for a in refused} == {429}
        assert "limit of 100 uploaded files" in refused[0].text and "server.maxUnclaimedUploads" in refused[0].text
        assert refused[0].headers["content-type"].startswith("text/plain") and "\n" not in refused[0].text
        # a few short log lines, not one per refusal
        logged = [r.getMessage() for r in caplog.records if "refused upload" in r.getMessage()]
        assert 1 <= len(logged) <= 10 and all(len(line) < 400 for line in logged)
        # 20 files at once for accept_multiple_files: the widget takes them, and there is room again
        ws.send_text(json.dumps({"t": "rerun", "values": {url.rsplit("/", 1)[1]: ok[:20]}}))
        assert len(_shown(_until_run_end(ws))) == 20
        again = [client.put(f"{url}?name=g{n}.txt", content=b"y", headers=headers) for n in range(25)]
        assert [a.status_code for a in again] == [200] * 20 + [429] * 5


def test_past_the_byte_bound_an_upload_gets_413_naming_the_option(tmp_path: Path) -> None:
    with _uploader(tmp_path, {"server.maxUnclaimedUploadSize": 1}) as (client, _ws, url, xsrf):
        headers = {"x-slipstream-xsrf": xsrf}
        assert client.put(url, content=b"a" * 700_000, headers=headers).status_code == 200
        refused = client.put(url, content=b"b" * 700_000, headers=headers)
        assert refused.status_code == 413
        assert refused.text == (
            "uploaded files that no widget has taken yet would pass this session's limit of 1 MB "
            "(server.maxUnclaimedUploadSize); submit or remove some first"
        )
        assert client.put(url, content=b"c" * 300_000, headers=headers).status_code == 200


def test_a_5_mb_upload_reaches_the_script_byte_for_byte(tmp_path: Path) -> None:
    data = os.urandom(5 * 1024 * 1024)

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(data), 64 * 1024):
            yield data[start : start + 64 * 1024]

    with _uploader(tmp_path) as (client, ws, url, xsrf):
        headers = {"x-slipstream-xsrf": xsrf, "content-type": "application/octet-stream"}
        answer = client.put(f"{url}?name=big.bin", content=chunks(), headers=headers)
        assert answer.status_code == 200
        ws.send_text(json.dumps({"t": "rerun", "values": {url.rsplit("/", 1)[1]: [answer.json()["file_id"]]}}))
        assert _shown(_until_run_end(ws)) == [
            f"big.bin application/octet-stream {len(data)} {hashlib.sha256(data).hexdigest()}"
        ]


def test_names_and_types_lose_control_characters_and_are_bounded(tmp_path: Path) -> None:
    assert clean_field("a\x00b\r\nc\x1b[31m\u202etxt.exe") == "abc[31mtxt.exe"
    assert clean_field("ü" * 1000) == "ü" * MAX_FIELD_CHARS
    with _uploader(tmp_path) as (client, ws, url, xsrf):
        headers = {"x-slipstream-xsrf": xsrf, "content-type": "text/plain"}
        answer = client.put(url, params={"name": "evil\r\n\u202egpj.exe" + "x" * 1000}, content=b"1", headers=headers)
        ws.send_text(json.dumps({"t": "rerun", "values": {url.rsplit("/", 1)[1]: [answer.json()["file_id"]]}}))
        (line,) = _shown(_until_run_end(ws))
        name = line.split(" ")[0]
        assert name.startswith("evilgpj.exexxx") and len(name) == MAX_FIELD_CHARS
        nameless = client.put(url, params={"name": "\x00\x01"}, content=b"1", headers=headers)
        ws.send_text(json.dumps({"t": "rerun", "values": {url.rsplit("/", 1)[1]: [nameless.json()["file_id"]]}}))
        assert _shown(_until_run_end(ws))[0].startswith("file text/plain 1 ")


def test_a_full_temp_dir_gets_507_and_the_session_keeps_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from slipstream.runtime import uploads

    def no_room(self: Any, chunk: bytes) -> None:
        raise OSError(28, "No space left on device")

    with _uploader(tmp_path) as (client, _ws, url, xsrf):
        headers = {"x-slipstream-xsrf": xsrf}
        with monkeypatch.context() as patch:
            patch.setattr(uploads.Incoming, "write", no_room)
            full = client.put(url, content=b"x", headers=headers)
        assert full.status_code == 507 and "no room" in full.text
        assert client.put(url, content=b"x", headers=headers).status_code == 200
