"""Containers: the tree AppTest builds matches what the browser shows."""

from __future__ import annotations

from slipstream.testing import AppTest


def test_columns_tabs_expander_container_form_and_sidebar() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        a, b = st.columns([2, 1])
        a.button("In a")
        with b:
            st.text_input("In b")
        t1, t2 = st.tabs(["One", "Two"])
        t2.checkbox("In two")
        with st.expander("More"):
            st.markdown("inside")
        with st.container(key="box"):
            st.text("boxed")
        with st.form("f"):
            st.slider("In form")
            st.form_submit_button("Send")
        st.sidebar.title("Side")
        """
    ).run()
    assert [c.type for c in at.columns] == ["column", "column"]
    assert at.columns[0].weight > at.columns[1].weight
    assert at.columns[0].button[0].label == "In a"
    assert at.columns[1].text_input[0].label == "In b"
    assert [t.label for t in at.tabs] == ["One", "Two"]
    assert len(at.tabs[0].checkbox) == 0 and at.tabs[1].checkbox[0].label == "In two"
    assert at.expander[0].label == "More" and at.expander[0].markdown[0].value == "inside"
    assert at.get_by_key("box").text[0].value == "boxed"
    assert {c.type for c in at.container} == {"flex_container"}
    assert len(at.container) == 2  # the columns' row and the keyed container
    assert at.form[0].slider[0].form_id == "f"
    assert at.form_submit_button[0].label == "Send" and len(at.button) == 2
    assert at.sidebar.title[0].value == "Side" and len(at.main.title) == 0
    assert at.main.type == "main" and at.sidebar.type == "sidebar"


def test_iteration_indexing_and_repr() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.markdown("a")
        with st.expander("E"):
            st.button("b", key="k")
        """
    ).run()
    assert [n.type for n in at.main] == ["main", "markdown", "expander", "button"]
    assert at.main[1][0].label == "b"
    assert len(at.main) == 2
    text = repr(at.main)
    assert "Markdown(value='a')" in text and "Expander(label='E', children={" in text
    assert "Button(key='k', label='b')" in text  # no blank or false fields, as in Streamlit's repr
