"""Start a real `slipstream run` server on 127.0.0.1 for tests, and stop it."""

from __future__ import annotations

import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(
    script: Path, *flags: str, port: int | None = None, cwd: Path | None = None, scheme: str = "http"
) -> Iterator[str]:
    port = port or free_port()
    cmd = [
        sys.executable,
        "-m",
        "slipstream",
        "run",
        str(script),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        *flags,
    ]
    with running_process(cmd, cwd or script.parent, f"{scheme}://127.0.0.1:{port}") as url:
        yield url


@contextmanager
def running_process(cmd: list[str], cwd: Path, url: str, health: str = "/_slipstream/health") -> Iterator[str]:
    """Run ``cmd`` (a server) in ``cwd`` until ``url + health`` answers; yield ``url``; stop it."""
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                # The readiness probe only: an HTTPS test server's certificate is the test's own.
                context = ssl._create_unverified_context() if url.startswith("https:") else None
                urllib.request.urlopen(url + health, timeout=1, context=context).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode() if proc.stdout else ""
                    raise RuntimeError(f"server did not start: {output}") from None
                time.sleep(0.05)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        if proc.stdout:
            proc.stdout.close()
