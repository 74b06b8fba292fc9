from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from slipstream.cli import _split_flags
from slipstream.runtime.wire import decode_frame
from tests.server_process import running_server


def slipstream(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "slipstream", *args], capture_output=True, text=True, timeout=30, cwd=cwd
    )


def test_version() -> None:
    result = slipstream("version")
    assert result.returncode == 0 and result.stdout.startswith("Slipstream, version")


@pytest.mark.parametrize(
    ("target", "message"),
    [("missing.py", "File does not exist: missing.py"), (".", "is a directory"), ("notes.txt", "is not a Python file")],
)
def test_bad_targets_give_one_clear_line_and_fail(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "notes.txt").write_text("hi")
    result = slipstream("run", target, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_slipstream_test_runs_pytest_with_the_streamlit_alias(tmp_path: Path) -> None:
    (tmp_path / "test_app.py").write_text(
        "from streamlit.testing.v1 import AppTest\n\n"
        "def test_it():\n"
        "    at = AppTest.from_string('import streamlit as st\\nst.title(\"Hi\")').run()\n"
        "    assert at.title[0].value == 'Hi'\n"
    )
    result = slipstream("test", "-q", "-p", "no:cacheprovider", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_a_port_in_use_given_explicitly_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("import streamlit as st\n")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = slipstream("run", "app.py", "--server.address", "127.0.0.1", "--server.port", str(port), cwd=tmp_path)
    assert result.returncode == 1
    assert f"Port {port} is already in use" in result.stderr


def test_flags_and_script_arguments_are_split() -> None:
    assert _split_flags(["app.py", "--server.port", "9000", "--", "-x", "y"]) == (
        ["app.py"],
        {"server.port": "9000"},
        ["-x", "y"],
    )
    assert _split_flags(["app.py", "--server.headless=true", "a", "b"]) == (
        ["app.py"],
        {"server.headless": "true"},
        ["a", "b"],
    )


def test_run_serves_the_app_with_its_arguments_as_argv(tmp_path: Path) -> None:
    import json

    from websockets.sync.client import connect

    script = tmp_path / "app.py"
    script.write_text("import sys, streamlit as st\nst.write(repr(sys.argv[1:]))\n")
    with running_server(script, "--", "--flag", "value") as url:
        with connect(url.replace("http", "ws") + "/_slipstream/ws") as ws:
            ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
            bodies: list[str] = []
            done = False
            while not done:
                for m in decode_frame(ws.recv(timeout=10)):
                    bodies += [m["e"]["body"]] if m["t"] == "el" else []
                    done = done or m["t"] == "run_end"
    assert bodies == ["['--flag', 'value']"]


def test_a_busy_default_port_moves_to_the_next_free_one(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("import streamlit as st\n")
    with socket.socket() as blocker:
        try:
            blocker.bind(("127.0.0.1", 8501))  # if this fails, something else already holds it
        except OSError:
            pass
        proc = subprocess.Popen(
            [sys.executable, "-m", "slipstream", "run", "app.py", "--server.address", "127.0.0.1"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            assert proc.stdout is not None
            url_line = next(line for line in iter(proc.stdout.readline, "") if "Local URL" in line)
            assert "http://127.0.0.1:85" in url_line and ":8501" not in url_line
        finally:
            proc.terminate()
            proc.wait(10)
            if proc.stdout:
                proc.stdout.close()
