"""A throwaway PostgreSQL server for tests: Debian's binaries, a temporary data directory,
127.0.0.1 only, a password; run as ``nobody`` when the tests run as root (PostgreSQL refuses
root); stopped and removed afterwards."""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.server_process import free_port


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yield its SQLAlchemy URL (user ``slip``, a random password)."""
    bindir = postgres_bin()
    assert bindir is not None
    as_root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="slipstream-pg-"))
    data, password = folder / "data", secrets.token_hex(12)
    (folder / "pw").write_text(password)
    if as_root:  # the server runs as nobody: it must own its folder
        shutil.chown(folder, "nobody", "nogroup")
        shutil.chown(folder / "pw", "nobody", "nogroup")

    def run(*cmd: str) -> None:
        prefix = ["runuser", "-u", "nobody", "--"] if as_root else []
        subprocess.run([*prefix, *cmd], check=True, capture_output=True, cwd=folder, timeout=120)

    port = free_port()
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "slip", f"--pwfile={folder / 'pw'}",
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8")  # fmt: skip
        options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off"
        run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
        try:
            yield f"postgresql+psycopg2://slip:{password}@127.0.0.1:{port}/postgres"
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
