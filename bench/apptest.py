"""AppTest speed: the counter app run once, then 100 button clicks each followed by a run.

    python3 bench/apptest.py            # measures both, prints the section and writes it to RESULTS.md
    python3 bench/apptest.py --print    # prints it only

The same test code runs in two processes in the same run: Slipstream's AppTest with this
interpreter, Streamlit 1.67's ``streamlit.testing.v1.AppTest`` with bench/.venv-streamlit. Each
process imports its framework, does one untimed warm-up test, then times ``REPEATS`` tests.
"""

from __future__ import annotations

import json
import logging
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CLICKS = 100
REPEATS = 7
BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "RESULTS.md"
COUNTER_APP = BENCH / "apps" / "counter.py"
STREAMLIT_PYTHON = BENCH / ".venv-streamlit" / "bin" / "python"
TARGET = 5.0  # Slipstream must take at most 1/TARGET of Streamlit's time
SECTION = re.compile(r"## AppTest: .*?(?=\n## |\n<!-- )", re.S)


def one_test(app_test: Any, source: str) -> float:
    """The benchmarked test; returns its time in seconds."""
    start = time.perf_counter()
    at = app_test.from_string(source).run()
    for _ in range(CLICKS):
        at.button[0].click().run()
    elapsed = time.perf_counter() - start
    shown = at.markdown[0].value
    assert shown == f"count: {CLICKS}", shown
    return elapsed


def measure(framework: str) -> dict[str, Any]:
    """In the framework's own process: the times of REPEATS tests after a warm-up."""
    logging.disable(logging.CRITICAL)  # Streamlit warns that it runs without a server
    if framework == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from slipstream.testing import AppTest  # type: ignore[assignment]
    source = COUNTER_APP.read_text()
    one_test(AppTest, source)
    times = [one_test(AppTest, source) for _ in range(REPEATS)]
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times)}


def run_half(python: Path | str, framework: str) -> dict[str, Any]:
    result = subprocess.run(
        [str(python), __file__, "--half", framework], capture_output=True, text=True, check=True, cwd=BENCH
    )
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def report(ours: dict[str, Any], theirs: dict[str, Any]) -> str:
    from datetime import datetime, timezone

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    share = ours["median_s"] / theirs["median_s"]
    met = "yes" if share <= 1 / TARGET else "**no**"

    def cell(data: dict[str, Any]) -> str:
        return f"{data['median_s'] * 1000:.0f} ms ({data['min_s'] * 1000:.0f}–{data['max_s'] * 1000:.0f})"

    return "\n".join(
        [
            f"## AppTest: counter app, one run and {CLICKS} clicks ({stamp})",
            "",
            f"Measured by `python3 bench/apptest.py`: `AppTest.from_string(bench/apps/counter.py).run()`, then "
            f"`at.button[0].click().run()` {CLICKS} times, checking `count: {CLICKS}` at the end. Slipstream's "
            f"`slipstream.testing.AppTest` with {Path(sys.executable).name} {sys.version.split()[0]}, Streamlit "
            f"1.67.0's `streamlit.testing.v1.AppTest` from `bench/.venv-streamlit`, each in its own process, same "
            f"run; median (min–max) of {REPEATS} tests after one warm-up.",
            "",
            "| | Slipstream | Streamlit 1.67 | Slipstream ÷ Streamlit |",
            "|---|---:|---:|---:|",
            f"| whole test | {cell(ours)} | {cell(theirs)} | {share:.3f} (1/{1 / share:.0f}) |",
            f"| per click and run | {ours['median_s'] / CLICKS * 1000:.2f} ms | "
            f"{theirs['median_s'] / CLICKS * 1000:.2f} ms | |",
            "",
            f"Target: at most 1/{TARGET:.0f} of Streamlit's time. Met: {met}.",
            "",
        ]
    )


def write_section(section: str) -> None:
    """Put the section in RESULTS.md: in place of the last one, else above the other sections."""
    text = RESULTS.read_text()
    if SECTION.search(text):
        text = SECTION.sub(lambda _: section, text, count=1)
    else:
        first = text.index("\n## ") + 1
        text = text[:first] + section + "\n" + text[first:]
    RESULTS.write_text(text)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--half":
        print(json.dumps(measure(sys.argv[2])))
        return 0
    if not STREAMLIT_PYTHON.exists():
        print("Streamlit 1.67 is needed: run bench/run_core.py once to create bench/.venv-streamlit", file=sys.stderr)
        return 1
    ours = run_half(sys.executable, "slipstream")
    theirs = run_half(STREAMLIT_PYTHON, "streamlit")
    section = report(ours, theirs)
    print(section)
    if "--print" not in sys.argv:
        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
