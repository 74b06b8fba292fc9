"""What the benchmark scripts share: paths, the servers under test, process memory, percentiles."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
APPS = BENCH / "apps"
OUT = BENCH / "out"
COUNTER_APP = APPS / "counter.py"
FLOOR_DIR = APPS / "floor"
DEFERRED_FLOOR_DIR = APPS / "floor_deferred"
STREAMLIT_VERSION = "1.67.0"
STREAMLIT_VENV = BENCH / ".venv-streamlit"
PAGE_SIZE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def child_env() -> dict[str, str]:
    """The environment of every Python process the bench starts.

    Bytecode caching is on (into bench/out/pycache) whatever PYTHONDONTWRITEBYTECODE says, so that
    after a first warm-up run both frameworks load from cached bytecode, as a normal install does.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rank_percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile the way the reference tools compute it: the int(n*q)-th smallest value."""
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * q) - 1)]


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (0 when it is gone)."""
    parent_of: dict[int, int] = {}
    rss_of: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        # Fields after the command name (which may hold spaces): state, ppid, ... rss is the 22nd.
        fields = stat[stat.rindex(")") + 2 :].split()
        parent_of[int(entry.name)] = int(fields[1])
        rss_of[int(entry.name)] = int(fields[21]) * PAGE_SIZE_KIB
    tree = {pid} if pid in rss_of else set()
    grew = True
    while grew:
        found = {child for child, parent in parent_of.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    return sum(rss_of[p] for p in tree)


@dataclass(frozen=True)
class Target:
    """Something served over HTTP that shows the counter: a framework running the app, or the floor page."""

    name: str
    argv: tuple[str, ...]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def floor_target() -> Target:
    """The harness floor: a static page whose button updates the counter in plain JavaScript."""
    port = free_port()
    argv = (sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(FLOOR_DIR))
    return Target("floor", argv, port)


def deferred_floor_target() -> Target:
    """The floor with the update deferred by one task: the least any server-driven update can cost."""
    port = free_port()
    argv = (
        sys.executable,
        "-m",
        "http.server",
        str(port),
        "--bind",
        "127.0.0.1",
        "--directory",
        str(DEFERRED_FLOOR_DIR),
    )
    return Target("floor_deferred", argv, port)


def slipstream_target(app: Path = COUNTER_APP) -> Target:
    port = free_port()
    options = ("--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true")
    return Target("slipstream", (sys.executable, "-m", "slipstream", "run", str(app), *options), port)


def streamlit_target(python: Path, app: Path = COUNTER_APP) -> Target:
    port = free_port()
    options = ("--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true")
    no_telemetry = ("--browser.gatherUsageStats", "false")
    return Target("streamlit", (str(python), "-m", "streamlit", "run", str(app), *options, *no_telemetry), port)


class ServerError(RuntimeError):
    pass


class Server:
    """A target's server, in its own process group, started when entered and ended (group and all) on exit."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.started = 0.0
        self._proc: subprocess.Popen[bytes] | None = None
        self._log = OUT / "logs" / f"{target.name}-{target.port}.log"

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    def __enter__(self) -> Server:
        self._log.parent.mkdir(parents=True, exist_ok=True)
        with self._log.open("wb") as log:
            self.started = time.perf_counter()
            self._proc = subprocess.Popen(
                self.target.argv, cwd=BENCH, env=child_env(), stdout=log, stderr=log, start_new_session=True
            )
        return self

    def wait_ready(self, timeout: float = 60.0) -> float:
        """Poll the page until it answers 200; return the seconds since the process was spawned."""
        assert self._proc is not None
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._proc.poll() is not None:
                raise ServerError(f"{self.target.name} exited with {self._proc.returncode}; see {self._log}")
            try:
                with urllib.request.urlopen(self.target.url, timeout=1) as response:
                    response.read()
                return time.perf_counter() - self.started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        raise ServerError(f"{self.target.name} did not answer {self.target.url} in {timeout:.0f} s; see {self._log}")

    def rss_kib(self) -> int:
        return tree_rss_kib(self.pid)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        assert self._proc is not None
        try:
            os.killpg(self._proc.pid, signal.SIGTERM)
            self._proc.wait(10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self._proc.pid, signal.SIGKILL)
            self._proc.wait()


def ensure_streamlit_venv() -> Path:
    """The Python of bench/.venv-streamlit, created with Streamlit and websockets when missing."""
    python = STREAMLIT_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {STREAMLIT_VENV} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(STREAMLIT_VENV)], check=True)
    probe = "import importlib.metadata as m, websockets; print(m.version('streamlit'))"
    found = subprocess.run([str(python), "-c", probe], capture_output=True, text=True).stdout.strip()
    if found != STREAMLIT_VERSION:
        print(f"installing streamlit=={STREAMLIT_VERSION} into {STREAMLIT_VENV} ...", file=sys.stderr, flush=True)
        install = [str(python), "-m", "pip", "install", "--quiet", f"streamlit=={STREAMLIT_VERSION}", "websockets"]
        subprocess.run(install, check=True)
    return python
