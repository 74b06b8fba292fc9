"""App tests written for Streamlit's own AppTest pass unchanged under `slipstream test`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SUITE = Path(__file__).parent / "streamlit_suite"


def test_a_suite_written_for_streamlit_passes_under_slipstream_test(tmp_path: Path) -> None:
    # Outside the repository, so that no conftest of ours installs the alias: `slipstream test` must.
    suite = tmp_path / "suite"
    shutil.copytree(SUITE, suite)
    result = subprocess.run(
        [sys.executable, "-m", "slipstream", "test", "-q", "-p", "no:cacheprovider", "-o", "python_files=check_*.py"],
        cwd=suite,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout


def test_the_pytest_plugin_is_opt_in_and_installs_the_alias(tmp_path: Path) -> None:
    (tmp_path / "check_alias.py").write_text(
        "import streamlit\n\ndef test_alias():\n    assert streamlit.__name__ == 'slipstream'\n"
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "python_files=check_*.py"]
    with_plugin = subprocess.run(
        [*command, "-p", "slipstream.testing.pytest_plugin"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert with_plugin.returncode == 0, with_plugin.stdout + with_plugin.stderr
    without = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert without.returncode != 0
