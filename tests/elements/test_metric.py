from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def _error(app: App, call: str) -> str:
    return app(f"import streamlit as st\n{call}\n").error()


def test_metric_values_and_deltas(app: App) -> None:
    a = app(
        """
        import decimal
        import numpy as np
        import streamlit as st
        st.metric("a", 1.0, 0.5)
        st.metric("b", None, "-3%")
        st.metric("c", np.int64(5), 0)
        st.metric("d", decimal.Decimal("1.50"), "0")
        st.metric("e", 12, -1.25, delta_color="inverse", delta_arrow="up", border=True)
        st.metric("f", "x", 3, delta_color="blue")
        st.metric("g", 3, "", delta_color="off")
        st.metric("h", 3, 2, delta_arrow="off", chart_data=[1, 2, None, 3], chart_type="bar", format="dollar")
        """
    )
    got = [(m["body"], m["delta"], m["direction"], m["color"]) for m in a.of_type("metric")]
    assert got == [
        ("1.0", "0.5", "up", "green"),
        ("—", "-3%", "down", "red"),
        ("5", "0", "none", "gray"),
        ("1.50", "0", "none", "gray"),
        ("12", "-1.25", "up", "green"),
        ("x", "3", "up", "blue"),
        ("3", None, "none", "gray"),
        ("3", "2", "none", "green"),
    ]
    last = a.of_type("metric")[-1]
    assert (last["chart_data"], last["chart_type"], last["format"]) == ([1.0, 2.0, 3.0], "bar", "dollar")
    assert a.of_type("metric")[4]["border"] is True


def test_metric_bad_input(app: App) -> None:
    assert "value is a list" in _error(app, "st.metric('x', [1])")
    assert "delta_color is 'pink'" in _error(app, "st.metric('x', 1, 1, delta_color='pink')")
    assert "chart_data holds 'a'" in _error(app, "st.metric('x', 1, chart_data=['a'])")


def test_metric_rerun_is_a_keep(app: App) -> None:
    a = app("import streamlit as st\nfor i in range(200):\n    st.metric(f'm{i}', i, i % 7 - 3)\n")
    a.run()
    assert all(m["t"] != "el" for m in a.last_frame)
