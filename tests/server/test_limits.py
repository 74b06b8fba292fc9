"""A real `slipstream run` server under hostile clients: oversized frames, clients that never
read, floods of rejected values, many short sessions. One client cannot make the server hold
unbounded memory, threads or log."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from slipstream.runtime.wire import decode_frame
from tests.server_process import free_port

COUNTER = """
import streamlit as st
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Increment"):
    st.session_state.n += 1
st.checkbox("Check")
st.write(f"count: {st.session_state.n}")
"""


class Server:
    def __init__(self, proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.proc = proc
        self.port = port
        self.log = log

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_slipstream/ws"

    def status(self, field: str) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
        raise KeyError(field)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def serving(tmp_path: Path, source: str, *flags: str) -> Iterator[Server]:
    script = tmp_path / "app.py"
    script.write_text(source)
    port = free_port()
    log = tmp_path / "server.log"
    out = log.open("wb")
    cmd = [sys.executable, "-m", "slipstream", "run", str(script), "--server.address", "127.0.0.1"]
    cmd += ["--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none", *flags]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_slipstream/health", timeout=1).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.05)
        yield Server(proc, port, log)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
        out.close()


def _hello(ws: ClientConnection, session: str | None = None) -> dict[str, Any]:
    ws.send(json.dumps({"t": "hello", "v": 1, "session": session, "query": ""}))
    (reply,) = decode_frame(ws.recv(timeout=10))
    return reply  # type: ignore[no-any-return]


def _until_run_end(ws: ClientConnection) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    while not any(m["t"] == "run_end" for m in messages):
        messages.extend(decode_frame(ws.recv(timeout=10)))
    return messages


def _close_code(ws: ClientConnection, timeout: float = 10) -> int | None:
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ws.recv(timeout=deadline - time.monotonic())
    except ConnectionClosed as exc:
        return exc.rcvd.code if exc.rcvd else None
    raise AssertionError("the server did not close the connection")


def _raw_upgrade(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET /_slipstream/ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(4096)
    assert b" 101 " in response
    return sock


def test_an_oversized_frame_is_refused_from_its_header_before_it_is_read(tmp_path: Path) -> None:
    with serving(tmp_path, COUNTER, "--server.maxMessageSize", "1") as server:
        rss_before = server.status("VmRSS")
        sock = _raw_upgrade(server.port)
        # a text frame that says it holds 150 MiB; send only its header and 64 KiB of it
        sock.sendall(bytes([0x81, 0x80 | 127]) + struct.pack("!Q", 150 << 20) + os.urandom(4) + b"x" * 65536)
        sock.settimeout(5)
        reply = sock.recv(64)
        assert reply[0] == 0x88  # a close frame
        assert struct.unpack("!H", reply[2:4])[0] == 1009
        sock.close()
        # counted in bytes: 300,000 emoji are 1.2 MB though fewer than a million characters
        with connect(server.ws_url, max_size=None) as ws:
            _hello(ws)
            _until_run_end(ws)
            ws.send(json.dumps({"t": "rerun", "values": {"x": "😀" * 300_000}}, ensure_ascii=False))
            assert _close_code(ws) == 1009
        assert server.status("VmRSS") - rss_before < 20_000  # KiB
        time.sleep(0.2)
        lines = [line for line in server.log_text().splitlines() if "maxMessageSize" in line]
        assert len(lines) == 2 and all(len(line) < 300 for line in lines)


def test_what_clients_that_hang_up_mid_message_held_goes_back(tmp_path: Path) -> None:
    flags = ("--server.maxMessageSize", "16", "--server.disconnectedSessionTTL", "4")  # reclaim each second
    with serving(tmp_path, COUNTER, *flags) as server:
        rss_before = server.status("VmRSS")
        payload = b"x" * (15 << 20)
        for _ in range(20):  # 15 MiB each, under the limit: read whole, then the client is gone
            sock = _raw_upgrade(server.port)
            sock.sendall(bytes([0x81, 0x80 | 127]) + struct.pack("!Q", len(payload)) + b"\x00" * 4 + payload)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()  # a reset, no closing handshake
        deadline = time.monotonic() + 15
        while server.status("VmRSS") - rss_before > 30_000:  # KiB
            assert time.monotonic() < deadline, (rss_before, server.status("VmRSS"))
            time.sleep(0.2)


def test_binary_and_out_of_order_messages_close_only_their_connection(tmp_path: Path) -> None:
    with serving(tmp_path, COUNTER) as server:
        with connect(server.ws_url) as ws:
            ws.send(json.dumps({"t": "rerun", "values": {}}))
            assert _close_code(ws) == 1008
        with connect(server.ws_url) as ws:
            _hello(ws)
            _until_run_end(ws)
            ws.send(b"\x00\x01binary")
            assert _close_code(ws) == 1008
        with connect(server.ws_url) as ws:
            assert _hello(ws)["t"] == "session"
            assert any(m["t"] == "el" for m in _until_run_end(ws))
        assert "Traceback" not in server.log_text()


WRITES_A_LOT = """
import random
import streamlit as st
st.write(random.random())
for i in range(2000):
    st.markdown(f"line {i} {'x' * 100} {random.random()}")
"""


def _non_reader(server: Server) -> ClientConnection:
    """A client whose socket takes almost nothing unless it reads (which it won't)."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", server.port))
    return connect(server.ws_url, sock=sock, max_size=None, max_queue=1)


def test_a_client_that_never_reads_costs_a_bounded_amount_of_memory(tmp_path: Path) -> None:
    with serving(tmp_path, WRITES_A_LOT) as server:
        rss_before = server.status("VmRSS")
        peak = 0
        with _non_reader(server) as ws:
            ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
            started = time.monotonic()
            try:
                while time.monotonic() - started < 8:  # reruns asked for, never read
                    ws.send(json.dumps({"t": "rerun", "values": {}}))
                    time.sleep(0.02)
                    peak = max(peak, server.status("VmRSS"))
            except ConnectionClosed:
                pass  # the server may give up on this connection: that is allowed
        assert peak - rss_before < 60_000, (rss_before, peak)  # KiB; unbounded, it grew by ~150 MB here
        with connect(server.ws_url, max_size=None) as other:  # and the server still serves others
            _hello(other)
            assert len([m for m in _until_run_end(other) if m["t"] == "el"]) == 2001


STREAMS_IN_ONE_RUN = """
import secrets
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.write(f"runs: {st.session_state.runs}")
if st.session_state.runs == 1:
    for i in range(60000):  # lines that do not compress, or the socket's buffers would take them all
        st.text(f"line {i} " + secrets.token_hex(50))
"""


def test_past_the_outbox_limit_the_connection_is_dropped_and_the_session_resumes(tmp_path: Path) -> None:
    with serving(tmp_path, STREAMS_IN_ONE_RUN, "--server.maxOutboxSize", "1") as server:
        with _non_reader(server) as ws:
            session_id = _hello(ws)["session"]
            deadline = time.monotonic() + 30
            while "maxOutboxSize" not in server.log_text():
                assert time.monotonic() < deadline, server.log_text()
                time.sleep(0.1)
        with connect(server.ws_url, max_size=None) as again:
            reply = _hello(again, session_id)
            assert reply["resumed"] is True
            shown = {tuple(m["p"]): m["e"] for m in _until_run_end(again) if m["t"] == "el"}
            assert shown[(0, 0)]["body"] == "runs: 2"


def test_rejected_values_are_logged_briefly_and_rarely(tmp_path: Path) -> None:
    with serving(tmp_path, COUNTER) as server:
        with connect(server.ws_url, max_size=None) as ws:
            _hello(ws)
            first = _until_run_end(ws)
            checkbox = next(m["e"]["id"] for m in first if m["t"] == "el" and m["e"]["type"] == "checkbox")
            before = server.log.stat().st_size
            for _ in range(100):
                ws.send(json.dumps({"t": "rerun", "values": {checkbox: "z" * 900_000}}))
                _until_run_end(ws)
        time.sleep(0.2)
        added = server.log.stat().st_size - before
        assert added < 5_000, server.log_text()[-2000:]
        assert "rejected value" in server.log_text()
        assert "Traceback" not in server.log_text()


def test_short_sessions_leave_no_threads_behind(tmp_path: Path) -> None:
    with serving(tmp_path, COUNTER) as server:
        with connect(server.ws_url) as ws:
            _hello(ws)
            _until_run_end(ws)
        baseline = server.status("Threads")
        for _ in range(500):
            with connect(server.ws_url) as ws:
                _hello(ws)
                _until_run_end(ws)
        deadline = time.monotonic() + 5
        while server.status("Threads") > baseline + 2:
            assert time.monotonic() < deadline, (baseline, server.status("Threads"))
            time.sleep(0.05)


def test_past_max_sessions_the_longest_disconnected_make_room_then_tabs_are_refused(tmp_path: Path) -> None:
    with serving(tmp_path, COUNTER, "--server.maxSessions", "2") as server:
        with connect(server.ws_url) as first:
            old = _hello(first)["session"]
            _until_run_end(first)
        with connect(server.ws_url) as a, connect(server.ws_url) as b:
            _hello(a)
            _hello(b)  # the disconnected first session made room
            with connect(server.ws_url) as c:
                c.send(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
                assert _close_code(c) == 1013
        with connect(server.ws_url) as again:
            assert _hello(again, old)["resumed"] is False



def test_a_text_frame_that_is_not_utf8_is_logged_without_a_traceback(tmp_path: Path) -> None:
    with serving(tmp_path, COUNTER) as server:
        for _ in range(3):
            sock = _raw_upgrade(server.port)
            sock.sendall(bytes([0x81, 0x84]) + b"\x00" * 4 + b"\xff\xfe\xfd\xfc")
            sock.settimeout(5)
            assert sock.recv(64)[0] == 0x88  # closed
            sock.close()
        time.sleep(0.2)
        assert "Traceback" not in server.log_text()
