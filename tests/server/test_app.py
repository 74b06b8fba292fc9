from __future__ import annotations

import asyncio
import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from slipstream.runtime.blobs import BlobStore
from slipstream.runtime.wire import decode_frame
from slipstream.server.app import create_app
from slipstream.server.ranges import parse_range

COUNTER = """
import streamlit as st
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count: {st.session_state.n}")
"""


@pytest.fixture
def client(tmp_path: Path) -> Any:
    script = tmp_path / "app.py"
    script.write_text(COUNTER)
    app = create_app(script, {"server.fileWatcherType": "none"}, blobs=BlobStore())
    with TestClient(app, base_url="http://testserver") as c:
        yield c


def _hello(ws: Any, session: str | None = None) -> dict[str, Any]:
    ws.send_text(json.dumps({"t": "hello", "v": 1, "session": session, "query": ""}))
    (reply,) = decode_frame(ws.receive_text())
    return reply  # type: ignore[no-any-return]


def _until_run_end(ws: Any) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    while True:
        frame = decode_frame(ws.receive_text())
        messages.extend(frame)
        if any(m["t"] == "run_end" for m in frame):
            return messages


def test_health(client: Any) -> None:
    assert client.get("/_slipstream/health").text == "ok"


def test_websocket_runs_the_app_and_reruns_on_a_click(client: Any) -> None:
    with client.websocket_connect("/_slipstream/ws") as ws:
        reply = _hello(ws)
        assert reply["t"] == "session" and reply["resumed"] is False
        first = _until_run_end(ws)
        button = next(m["e"] for m in first if m["t"] == "el" and m["e"]["type"] == "button")
        ws.send_text(json.dumps({"t": "rerun", "values": {button["id"]: True}}))
        second = _until_run_end(ws)
        # only the text changed: a patch of its body
        assert [(m["t"], m["e"]) for m in second if m["t"] in ("el", "patch")] == [("patch", {"body": "count: 1"})]


def test_a_reconnecting_tab_gets_its_session_and_state_back(client: Any) -> None:
    with client.websocket_connect("/_slipstream/ws") as ws:
        session = _hello(ws)["session"]
        first = _until_run_end(ws)
        button = next(m["e"] for m in first if m["t"] == "el" and m["e"]["type"] == "button")
        ws.send_text(json.dumps({"t": "rerun", "values": {button["id"]: True}}))
        _until_run_end(ws)
    with client.websocket_connect("/_slipstream/ws") as ws:
        reply = _hello(ws, session)
        assert reply["resumed"] is True and reply["session"] == session
        again = _until_run_end(ws)
        # everything is sent again (the tab may have reloaded), with the state kept
        assert [m["e"].get("body") for m in again if m["t"] == "el" and m["e"]["type"] == "markdown"] == ["count: 1"]


def test_an_unknown_or_expired_session_id_gets_a_new_session(client: Any) -> None:
    with client.websocket_connect("/_slipstream/ws") as ws:
        reply = _hello(ws, "no-such-session")
        assert reply["resumed"] is False and reply["session"] != "no-such-session"


def test_expired_sessions_are_freed(client: Any) -> None:
    manager = client.app.state.manager
    with client.websocket_connect("/_slipstream/ws") as ws:
        _hello(ws)
        _until_run_end(ws)
    assert len(manager) == 1
    assert manager.reap() == 0
    import time

    assert manager.reap(now=time.monotonic() + manager.ttl + 1) == 1
    assert len(manager) == 0


@pytest.mark.parametrize(
    "bad", ['{"t":"rerun","values":5}', "garbage", '{"t":"hello","v":1,"session":null,"query":""}']
)
def test_malformed_messages_close_only_that_connection(client: Any, bad: str, caplog: Any) -> None:
    caplog.set_level(logging.WARNING, "slipstream.server")
    with client.websocket_connect("/_slipstream/ws") as ws:
        _hello(ws)
        _until_run_end(ws)
        ws.send_text(bad)
        with pytest.raises(WebSocketDisconnect) as closed:
            while True:
                decode_frame(ws.receive_text())
        assert closed.value.code == 1008
    assert any(r.message.startswith("websocket testclient") and "closed" in r.message for r in caplog.records)
    with client.websocket_connect("/_slipstream/ws") as ws:  # the server keeps serving
        _hello(ws)
        assert _until_run_end(ws)[-1]["status"] == "ok"


def test_websocket_from_another_origin_is_refused(client: Any) -> None:
    with pytest.raises(WebSocketDisconnect) as refused:
        with client.websocket_connect("/_slipstream/ws", headers={"origin": "http://evil.example"}) as ws:
            decode_frame(ws.receive_text())
    assert refused.value.code == 1008
    with client.websocket_connect("/_slipstream/ws", headers={"origin": "http://testserver"}) as ws:
        assert _hello(ws)["t"] == "session"


def test_blobs_are_content_addressed_immutable_and_support_ranges(client: Any) -> None:
    store = client.app.state.blobs
    url = store.put(b"0123456789", "text/plain", ".txt")
    assert url == store.put(b"0123456789", "text/plain", ".txt")
    full = client.get("/" + url)
    assert full.content == b"0123456789"
    assert "immutable" in full.headers["cache-control"]
    part = client.get("/" + url, headers={"range": "bytes=2-4"})
    assert (part.status_code, part.content, part.headers["content-range"]) == (206, b"234", "bytes 2-4/10")
    assert client.get("/" + url, headers={"range": "bytes=50-"}).status_code == 416
    assert client.get("/_slipstream/blob/" + "0" * 64).status_code == 404
    assert client.get("/_slipstream/blob/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_large_blobs_stream_and_promised_blobs_are_awaited(client: Any) -> None:
    store = client.app.state.blobs
    data = bytes(range(256)) * 20_000  # 5 MB: sent in pieces
    url = store.put(data, "application/octet-stream")
    full = client.get("/" + url)
    assert full.content == data and full.headers["content-length"] == str(len(data))
    part = client.get("/" + url, headers={"range": "bytes=1000000-3000000"})
    assert part.status_code == 206 and part.content == data[1_000_000:3_000_001]

    promise = store.promise("some content", "text/plain", ".txt")
    assert store.has(promise.url) and store.promise("some content", "text/plain", ".txt") == promise.url
    threading.Timer(0.05, promise.keep, args=(b"kept",)).start()
    assert client.get("/" + promise.url).content == b"kept"  # waits for the keep
    assert store.promise("some content", "text/plain", ".txt") == promise.url

    broken = store.promise("other content")
    broken.break_()
    assert not store.has(broken.url) and client.get("/" + broken.url).status_code == 404


def _wait(store: BlobStore, url: str, timeout: float) -> Any:
    """The store's wait for ``url``, run on an event loop of its own thread (the browser tests'
    Playwright keeps a loop running on the main thread)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, store.wait(url.rsplit("/", 1)[1], timeout)).result()


def test_a_promise_not_kept_in_time_is_not_found() -> None:
    store = BlobStore()
    promise = store.promise("never written")
    assert not isinstance(promise, str)
    assert _wait(store, promise.url, 0.05) is None
    promise.keep(b"late")  # keeping it afterwards still works
    assert _wait(store, promise.url, 1.0) is not None


def test_parse_range() -> None:
    assert parse_range("bytes=0-", 10) == (0, 9)
    assert parse_range("bytes=-3", 10) == (7, 9)
    assert parse_range("bytes=5-100", 10) == (5, 9)
    assert parse_range("bytes=9-3", 10) is None
    assert parse_range("bytes=0-1,3-4", 10) is None
    assert parse_range("items=0-1", 10) is None


def test_blob_store_drops_least_recently_used_beyond_its_budget() -> None:
    store = BlobStore(max_bytes=25)
    a = store.put(b"a" * 10)
    store.put(b"b" * 10)
    store.get(a.rsplit("/", 1)[1])
    store.put(b"c" * 10)
    assert len(store) == 2
    assert store.get(a.rsplit("/", 1)[1]) is not None


UPLOADER = """
import streamlit as st
f = st.file_uploader("Data", max_upload_size=1)
st.write("none" if f is None else f"{f.name}: {f.getvalue().decode()}")
"""


def test_files_are_uploaded_with_the_sessions_xsrf_token_within_the_size_limit(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(UPLOADER)
    app = create_app(script, {"server.fileWatcherType": "none"}, blobs=BlobStore())
    with TestClient(app, base_url="http://testserver") as client, client.websocket_connect("/_slipstream/ws") as ws:
        reply = _hello(ws)
        first = _until_run_end(ws)
        widget = next(m["e"]["id"] for m in first if m["t"] == "el" and m["e"]["type"] == "file_uploader")
        url = f"/_slipstream/upload/{reply['session']}/{widget}?name=notes.txt"
        headers = {"x-slipstream-xsrf": reply["xsrf"], "content-type": "text/plain"}
        assert client.put(url, content=b"hi").status_code == 403  # no token
        assert client.put(url, content=b"hi", headers={**headers, "x-slipstream-xsrf": "forged"}).status_code == 403
        too_big = client.put(url, content=b"x" * (1024 * 1024 + 1), headers=headers)
        assert too_big.status_code == 413 and "limit of 1 MB" in too_big.text
        assert (
            client.put(f"/_slipstream/upload/{reply['session']}/nope", content=b"x", headers=headers).status_code == 404
        )
        assert client.put(f"/_slipstream/upload/nosession/{widget}", content=b"x", headers=headers).status_code == 404
        ok = client.put(url, content=b"hello", headers=headers)
        assert ok.status_code == 200
        ws.send_text(json.dumps({"t": "rerun", "values": {widget: [ok.json()["file_id"]]}}))
        second = _until_run_end(ws)
        sent = [m["e"] for m in second if m["t"] in ("el", "patch")]
        assert [e["body"] for e in sent if "body" in e] == ["notes.txt: hello"]
