"""numpy and pandas values wherever Streamlit takes Python numbers, strings and lists; what each
widget returns is what Streamlit 1.67 returns (checked side by side in its venv)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def returned(app: App, call: str) -> str:
    a = app(
        "import streamlit as st, numpy as np, pandas as pd, datetime as dt\n"
        f"r = {call}\nst.write(repr(r) + ' ' + type(r).__name__)\n"
    )
    assert not a.of_type("exception"), a.error()
    return a.texts()[-1]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("st.number_input('a', np.int64(0), np.int64(10), np.int64(3))", "3 int"),
        ("st.number_input('a', 0, 10, np.int64(3), step=np.int64(2))", "3 int"),
        ("st.number_input('a', value=np.float64(0.5))", "0.5 float"),
        ("st.number_input('a', 5, 5)", "5 int"),
        ("st.select_slider('a', np.array([1, 2, 3]), value=np.int64(2))", "2 int"),
        ("st.select_slider('a', pd.Series(['x', 'y']), value='y')", "'y' str"),
        ("st.select_slider('a', pd.Index([1, 2, 3]))", "1 int"),
        ("st.select_slider('a', [1, 2, 3], value=(3, 1))", "(1, 3) tuple"),
        (
            "st.select_slider('a', [dt.timedelta(hours=1), dt.timedelta(hours=2)])",
            "datetime.timedelta(seconds=3600) timedelta",
        ),
        ("st.selectbox('a', np.array(['x', 'y']))", "'x' str"),
        ("st.radio('a', pd.Series([1, 2]))", "1 int"),
        ("st.multiselect('a', np.array([1, 2]), default=np.array([2]))", "[2] list"),
        ("st.checkbox('a', np.bool_(True))", "True bool"),
    ],
)
def test_widgets_take_numpy_and_pandas_values(app: App, call: str, expected: str) -> None:
    assert returned(app, call) == expected


def test_number_input_sends_plain_numbers_to_the_browser(app: App) -> None:
    a = app("import streamlit as st, numpy as np\nst.number_input('N', np.int64(1), np.int64(9), np.int64(4))\n")
    w = a.widget("N")
    assert (w["min"], w["max"], w["value"], w["step"]) == (1, 9, 4, 1)
    assert all(type(w[k]) is int for k in ("min", "max", "value", "step"))
