"""An opt-in pytest plugin: ``pytest -p slipstream.testing.pytest_plugin`` makes ``import
streamlit`` (and ``streamlit.testing.v1.AppTest``) give Slipstream in that test process, so app
tests written for Streamlit run unchanged. ``slipstream test`` is the same as that command.
"""

from __future__ import annotations

from slipstream.compat import install_streamlit_alias

install_streamlit_alias()


def run_pytest(args: list[str]) -> int:
    """Run pytest with ``args`` in this process, with the streamlit alias in place."""
    try:
        import pytest
    except ImportError:
        raise ImportError("`slipstream test` runs pytest, which is not installed: pip install pytest") from None
    return int(pytest.main(args))
