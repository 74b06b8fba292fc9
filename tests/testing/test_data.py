"""Data and media elements through AppTest (those Slipstream has when these tests run)."""

from __future__ import annotations

import importlib.util

import pytest

import slipstream
from slipstream.testing import AppTest


def needs(*names: str) -> pytest.MarkDecorator:
    missing = [
        name
        for name in names
        if name not in slipstream._ELEMENTS or importlib.util.find_spec(slipstream._ELEMENTS[name]) is None
    ]
    return pytest.mark.skipif(bool(missing), reason=f"st.{', st.'.join(missing)} not in Slipstream yet")


@needs("dataframe", "data_editor", "table")
def test_frames_and_tables_read_back_as_dataframes() -> None:
    pd = pytest.importorskip("pandas")
    at = AppTest.from_string(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["r1", "r2"])
        st.dataframe(df)
        st.data_editor(df.reset_index(drop=True), key="ed")
        st.table(df)
        """
    ).run()
    expected = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["r1", "r2"])
    assert at.dataframe[0].value.equals(expected)
    assert at.data_editor[0].value.equals(expected.reset_index(drop=True))
    assert at.table[0].value["b"].tolist() == ["x", "y"]


@needs("metric")
def test_metric() -> None:
    at = AppTest.from_string("import streamlit as st\nst.metric('Temp', 20, 1.5)").run()
    assert at.metric[0].value == "20" and at.metric[0].label == "Temp" and at.metric[0].delta == "1.5"


@needs("image", "audio")
def test_images_and_media() -> None:
    pytest.importorskip("numpy")
    at = AppTest.from_string(
        """
        import numpy as np
        import streamlit as st
        st.image(np.zeros((2, 2, 3), dtype=np.uint8), caption="black")
        st.audio(b"RIFF")
        """
    ).run()
    assert at.image[0].captions == ["black"] and at.image[0].value[0].endswith(".jpg")
    assert at.get("audio")[0].value.endswith(".wav")


@needs("line_chart")
def test_charts_are_generic_nodes_with_their_fields() -> None:
    at = AppTest.from_string("import streamlit as st\nst.line_chart({'a': [1, 2, 3]})").run()
    chart = at.get("vega_lite_chart")[0]
    assert '"line"' in chart.spec
