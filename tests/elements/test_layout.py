from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def _tree(a: HeadlessApp) -> list[tuple[tuple[int, ...], str]]:
    return [(path, e["type"]) for path, e in a.session.view.elements().items()]


def test_columns_containers_and_sidebar_with_blocks_and_method_calls(app: App) -> None:
    a = app(
        """
        import streamlit as st
        left, right = st.columns([2, 1], gap="large", vertical_alignment="center")
        left.write("L")
        with right:
            st.button("R")
        st.sidebar.write("S")
        with st.sidebar:
            st.checkbox("C")
        box = st.container(border=True, height=200)
        box.write("in box")
        st.write("after")
        """
    )
    assert _tree(a) == [
        ((0, 0), "columns"),
        ((0, 0, 0), "column"),
        ((0, 0, 0, 0), "markdown"),
        ((0, 0, 1), "column"),
        ((0, 0, 1, 0), "button"),
        ((0, 1), "container"),
        ((0, 1, 0), "markdown"),
        ((0, 2), "markdown"),
        ((1, 0), "markdown"),
        ((1, 1), "checkbox"),
    ]
    elements = a.session.view.elements()
    assert elements[(0, 0)]["gap"] == "large"
    assert [elements[(0, 0, i)]["weight"] for i in (0, 1)] == [2 / 3, 1 / 3]
    assert elements[(0, 1)]["height"] == 200 and elements[(0, 1)]["border"] is True


def test_columns_reject_bad_specs(app: App) -> None:
    for spec in ("0", "[1, -1]", "'abc'", "[]"):
        a = app(f"import streamlit as st\nst.columns({spec})\n")
        assert a.of_type("exception"), spec
        assert a.of_type("exception")[0]["exc_type"] == "StreamlitAPIException"


def test_expander_tabs_and_empty(app: App) -> None:
    a = app(
        """
        import streamlit as st
        with st.expander("More", expanded=True):
            st.write("hidden")
        t1, t2 = st.tabs(["A", "B"])
        t2.write("in B")
        slot = st.empty()
        st.write("end")
        """
    )
    assert _tree(a) == [
        ((0, 0), "expander"),
        ((0, 0, 0), "markdown"),
        ((0, 1), "tabs"),
        ((0, 1, 0), "tab"),
        ((0, 1, 1), "tab"),
        ((0, 1, 1, 0), "markdown"),
        ((0, 2), "empty"),
        ((0, 3), "markdown"),
    ]
    assert a.session.view.elements()[(0, 1)]["labels"] == ["A", "B"]


def test_an_element_can_be_replaced_through_what_it_returned(app: App) -> None:
    a = app(
        """
        import streamlit as st
        msg = st.text("working")
        st.write("below")
        msg.success("done")
        """
    )
    assert [e["type"] for e in a.elements] == ["alert", "markdown"]


def test_with_block_nesting_restores_the_outer_container(app: App) -> None:
    a = app(
        """
        import streamlit as st
        outer = st.container()
        with outer:
            inner = st.container()
            with inner:
                st.write("deep")
            st.write("outer")
        st.write("main")
        """
    )
    assert _tree(a) == [
        ((0, 0), "container"),
        ((0, 0, 0), "container"),
        ((0, 0, 0, 0), "markdown"),
        ((0, 0, 1), "markdown"),
        ((0, 1), "markdown"),
    ]
