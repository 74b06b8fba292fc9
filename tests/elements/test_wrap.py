"""``wrap`` on checkbox, toggle, pills and segmented control: the layout decides (None), the
label or the row of options wraps (True), or stays on one line (False)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


@pytest.mark.parametrize(
    "call", ['st.checkbox("a"{})', 'st.toggle("a"{})', 'st.pills("a", ["x"]{})', 'st.segmented_control("a", ["x"]{})']
)
@pytest.mark.parametrize(
    ("given", "sent"), [("", None), (", wrap=True", True), (", wrap=False", False), (", wrap=1", True)]
)
def test_wrap_reaches_the_browser(app: App, call: str, given: str, sent: bool | None) -> None:
    a = app(f"import streamlit as st\n{call.format(given)}\n")
    assert a.elements[0]["wrap"] is sent


def test_a_wrap_that_is_no_truth_value_is_refused(app: App) -> None:
    a = app('import streamlit as st\nst.checkbox("a", wrap="yes")\n')
    assert "st.checkbox: wrap is 'yes'" in a.error()
