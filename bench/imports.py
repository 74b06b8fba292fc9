"""Import cost of a package: wall time of a fresh interpreter importing it, less a bare one, and peak RSS."""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from common import child_env


@dataclass
class ImportCost:
    module: str
    python: str
    runs: int
    import_ms: float  # median with the import less median of `python -c pass`
    median_ms: float  # median wall time of `python -c "import MODULE"`
    baseline_ms: float  # median wall time of `python -c pass`
    peak_rss_kib: int  # median peak RSS of `python -c "import MODULE"`
    baseline_rss_kib: int


def _spawn(python: Path, code: str, env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `python -c code`."""
    start = time.perf_counter()
    pid = os.posix_spawn(python, [str(python), "-c", code], env)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{python} -c {code!r} failed")
    return elapsed, usage.ru_maxrss


def measure_import(python: Path, module: str, runs: int) -> ImportCost:
    """Alternate bare and importing interpreters `runs` times, after one warm-up of each (which caches bytecode)."""
    env = child_env()
    code = f"import {module}"
    _spawn(python, "pass", env)
    _spawn(python, code, env)
    bare: list[tuple[float, int]] = []
    full: list[tuple[float, int]] = []
    for _ in range(runs):
        bare.append(_spawn(python, "pass", env))
        full.append(_spawn(python, code, env))
    median_s = statistics.median(t for t, _ in full)
    baseline_s = statistics.median(t for t, _ in bare)
    return ImportCost(
        module=module,
        python=str(python),
        runs=runs,
        import_ms=(median_s - baseline_s) * 1000,
        median_ms=median_s * 1000,
        baseline_ms=baseline_s * 1000,
        peak_rss_kib=int(statistics.median(r for _, r in full)),
        baseline_rss_kib=int(statistics.median(r for _, r in bare)),
    )
