from __future__ import annotations

import json
from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_write_chooses_an_element_per_argument(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.write("**md**")
        st.write("a", 1, "b")
        st.write({"k": 1}, [1, 2])
        st.write(ValueError("bad"))
        st.write("multi\\nline", 3.5)
        """
    )
    assert [e["type"] for e in a.elements] == ["markdown", "markdown", "json", "json", "exception", "markdown"]
    assert a.texts() == ["**md**", "a `1` b", "multi\nline `3.5`"]
    assert [json.loads(e["body"]) for e in a.of_type("json")] == [{"k": 1}, [1, 2]]


def test_write_of_several_things_into_a_placeholder_is_an_error(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.empty().write("a", "b")
        """
    )
    assert "placeholder" in a.of_type("exception")[0]["message"]


def test_write_does_nothing_and_returns_none_outside_an_app() -> None:
    import slipstream as st

    assert st.write("hello") is None
    assert st.button("b") is False
    assert st.text_input("t", "x") == "x"
