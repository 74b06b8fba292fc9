"""A keyed widget carries its key to the page (which gives it the `st-key-<key>` class that apps'
CSS aims at); unkeyed widgets and charts without selections carry none, as in Streamlit 1.67."""

from __future__ import annotations

from slipstream.testing import AppTest


def test_keyed_widgets_carry_their_key() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.checkbox("Agree", key="agree")
        st.checkbox("Plain")
        st.slider("Level", key=7)
        st.button("Go", key="go")
        st.dataframe({"a": [1]}, key="table")
        st.dataframe({"a": [1]}, key="picked", on_select="rerun")
        """
    ).run()
    agree, plain = (c.proto for c in at.checkbox)
    assert agree["key"] == "agree"
    assert "key" not in plain
    assert at.slider[0].proto["key"] == "7"
    assert at.button[0].proto["key"] == "go"
    still, picked = (d.proto for d in at.dataframe)
    assert "key" not in still
    assert picked["key"] == "picked"
