"""An app run with plain ``python`` shows nothing: it says once how to run it, unless
global.showWarningOnDirectExecution is off."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = "import slipstream as st\nst.write('one')\nst.write('two')\n"


def _run(folder: Path) -> str:
    (folder / "app.py").write_text(SCRIPT)
    done = subprocess.run([sys.executable, "app.py"], cwd=folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_plain_python_says_once_how_to_run_the_app(tmp_path: Path) -> None:
    err = _run(tmp_path)
    assert err.count("slipstream run app.py [ARGUMENTS]") == 1


def test_the_warning_can_be_turned_off(tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text("[global]\nshowWarningOnDirectExecution = false\n")
    assert "slipstream run" not in _run(tmp_path)
