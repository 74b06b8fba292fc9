"""Import cost of a package: wall time of a fresh interpreter importing it, less a bare one, and peak RSS.

Interpreters run with `-S` and the module path a normal start of the same interpreter has, so that what
site.py and .pth files happen to import at startup is counted for neither package.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from common import child_env

# The child prints its peak resident set (VmHWM, in KiB) once done.
_REPORT_PEAK = "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])"


@dataclass
class ImportCost:
    module: str
    python: str
    runs: int
    import_ms: float  # median_ms - baseline_ms
    median_ms: float  # median wall time of an interpreter importing the module
    baseline_ms: float  # median wall time of a bare interpreter
    peak_rss_kib: int  # median peak RSS of an interpreter importing the module
    baseline_rss_kib: int


def _run(python: Path, code: str, env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `python -S -c code`."""
    start = time.perf_counter()
    done = subprocess.run([str(python), "-S", "-c", code], env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1])


def measure_import(python: Path, module: str, runs: int) -> ImportCost:
    """Alternate bare and importing interpreters `runs` times, after one warm-up of each (which caches bytecode)."""
    env = child_env()
    probe = "import json, sys; print(json.dumps(sys.path[1:]))"
    path = json.loads(subprocess.run([str(python), "-c", probe], env=env, capture_output=True, check=True).stdout)
    bare_code = f"import sys; sys.path[:] = {path!r}; {_REPORT_PEAK}"
    full_code = f"import sys; sys.path[:] = {path!r}; import {module}; {_REPORT_PEAK}"
    _run(python, bare_code, env)
    _run(python, full_code, env)
    bare: list[tuple[float, int]] = []
    full: list[tuple[float, int]] = []
    for _ in range(runs):
        bare.append(_run(python, bare_code, env))
        full.append(_run(python, full_code, env))
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
