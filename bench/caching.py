"""st.cache_data on a 1,000,000 x 6 float DataFrame: hit time and exactness, beside Streamlit 1.67.

    python3 bench/caching.py            # prints a Markdown section for bench/RESULTS.md

Each framework runs in its own process on the same machine, in the same run: Slipstream with
this interpreter, Streamlit with bench/.venv-streamlit (or /tmp/stvenv). Both processes build
the same frame from one seed. A "hit" is a call with the identical frame after a first call;
"exact" asks whether changing a single cell at each listed row makes the next call recompute.
"""

from __future__ import annotations

import json
import logging
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROWS, COLS = 1_000_000, 6
CHANGED_ROWS = (5, 123456, 500001, 777777, 999999)
REPEATS = 30
BENCH = Path(__file__).resolve().parent
STREAMLIT_PYTHONS = (BENCH / ".venv-streamlit" / "bin" / "python", Path("/tmp/stvenv/bin/python"))


def measure(framework: str) -> dict[str, Any]:
    """Run in the framework's own process: hit times, exactness, and pandas' own hash for scale."""
    logging.disable(logging.CRITICAL)  # Streamlit warns that it runs without a server
    import numpy as np
    import pandas as pd

    if framework == "streamlit":
        import streamlit as st
    else:
        import slipstream as st  # type: ignore[no-redef]

    df = pd.DataFrame(np.random.default_rng(42).random((ROWS, COLS)), columns=[f"c{i}" for i in range(COLS)])
    computed: list[int] = []

    @st.cache_data(show_spinner=False)
    def summarize(frame: pd.DataFrame) -> float:
        computed.append(1)
        return float(frame.to_numpy().sum())

    summarize(df)
    hits = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        summarize(df)
        hits.append((time.perf_counter() - start) * 1000)
    assert len(computed) == 1, "the identical frame should hit"

    seen: dict[int, bool] = {}
    for row in CHANGED_ROWS:
        changed = df.copy()
        changed.iloc[row, 3] += 1.0
        before = len(computed)
        summarize(changed)
        seen[row] = len(computed) > before

    pandas_hash = []
    for _ in range(5):
        start = time.perf_counter()
        pd.util.hash_pandas_object(df).sum()
        pandas_hash.append((time.perf_counter() - start) * 1000)
    return {
        "hit_ms": statistics.median(hits),
        "hit_p90_ms": sorted(hits)[int(0.9 * len(hits))],
        "recomputed": seen,
        "pandas_hash_ms": statistics.median(pandas_hash),
    }


def run_half(python: Path | str, framework: str) -> dict[str, Any]:
    result = subprocess.run(
        [str(python), __file__, "--half", framework], capture_output=True, text=True, check=True, cwd=BENCH
    )
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    data["recomputed"] = {int(k): v for k, v in data["recomputed"].items()}
    return data


def report(ours: dict[str, Any], theirs: dict[str, Any], st_python: Path) -> str:
    from datetime import datetime, timezone

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    def misses(data: dict[str, Any]) -> str:
        return f"{sum(data['recomputed'].values())} of {len(CHANGED_ROWS)}"

    ratio = theirs["hit_ms"] / ours["hit_ms"]
    lines = [
        f"## Caching: st.cache_data on a 1,000,000 x 6 float DataFrame ({stamp})",
        "",
        f"Measured by `python3 bench/caching.py` (Slipstream with {Path(sys.executable).name} "
        f"{sys.version.split()[0]}, Streamlit 1.67.0 from `{st_python}`, each in its own process, same run). "
        f"Hit time is the median of {REPEATS} calls with the identical frame; exactness changes one "
        f"cell (column 3) at rows {', '.join(map(str, CHANGED_ROWS))} and counts the calls that recompute.",
        "",
        "| | Slipstream | Streamlit 1.67 | ratio |",
        "|---|---:|---:|---:|",
        f"| cache hit, median (p90) | {ours['hit_ms']:.1f} ms ({ours['hit_p90_ms']:.1f}) | "
        f"{theirs['hit_ms']:.1f} ms ({theirs['hit_p90_ms']:.1f}) | {ratio:.1f}x faster |",
        f"| one changed cell recomputes | {misses(ours)} | {misses(theirs)} | |",
        f"| pandas' own `hash_pandas_object` on the frame (for scale) | {ours['pandas_hash_ms']:.1f} ms | "
        f"{theirs['pandas_hash_ms']:.1f} ms | |",
        "",
        "Slipstream hashes every byte of every column buffer with xxh3-128; Streamlit samples large "
        "frames, so a change outside its sample returns the stale cached value.",
    ]
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--half":
        print(json.dumps(measure(sys.argv[2])))
        return 0
    st_python = next((p for p in STREAMLIT_PYTHONS if p.exists()), None)
    if st_python is None:
        print("Streamlit 1.67 is needed: run bench/run_core.py once to create bench/.venv-streamlit", file=sys.stderr)
        return 1
    ours = run_half(sys.executable, "slipstream")
    theirs = run_half(st_python, "streamlit")
    print(
        report(
            ours, theirs, st_python.relative_to(BENCH.parent) if st_python.is_relative_to(BENCH.parent) else st_python
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
