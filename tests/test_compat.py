from __future__ import annotations

import subprocess
import sys
import textwrap


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_alias_makes_streamlit_imports_give_slipstream() -> None:
    out = _python(
        """
        from slipstream.compat import install_streamlit_alias
        install_streamlit_alias()
        import streamlit as st
        from streamlit import session_state, columns
        from streamlit.errors import StreamlitAPIException
        import slipstream
        print(st is slipstream, StreamlitAPIException.__module__)
        """
    )
    assert out == "True slipstream.errors"


def test_the_alias_gives_streamlits_testing_api() -> None:
    out = _python(
        """
        from slipstream.compat import install_streamlit_alias
        install_streamlit_alias()
        from streamlit.testing.v1 import AppTest
        import slipstream.testing
        print(AppTest is slipstream.testing.AppTest)
        """
    )
    assert out == "True"


def test_the_alias_gives_streamlits_typing_names() -> None:
    out = _python(
        """
        from slipstream.compat import install_streamlit_alias
        install_streamlit_alias()
        from streamlit.typing import (ButtonColumnClickState, ChatInputValue, DataEditorState, DataframeState,
                                      EChartsState, PlotlyState, PydeckState, UploadedFile, VegaLiteState)
        print(sorted(ButtonColumnClickState.__annotations__), sorted(DataEditorState.__annotations__))
        """
    )
    assert out == "['label', 'row'] ['added_rows', 'deleted_rows', 'edited_rows']"


def test_without_the_alias_streamlit_is_untouched() -> None:
    out = _python(
        """
        import importlib.util, slipstream
        spec = importlib.util.find_spec("streamlit")
        print(spec is None or "slipstream" not in (spec.origin or ""))
        """
    )
    assert out == "True"


def test_importing_slipstream_imports_nothing_heavy() -> None:
    out = _python(
        """
        import sys, slipstream
        heavy = {"pandas", "numpy", "pyarrow", "altair", "plotly", "starlette", "uvicorn"}
        print(sorted(heavy & set(sys.modules)))
        """
    )
    assert out == "[]"
