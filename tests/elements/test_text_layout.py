"""text_alignment and wrap on the text elements: title, header, subheader, text, caption, markdown."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def test_alignment_and_wrap_reach_every_text_element() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.title("T", text_alignment="center")
        st.header("H", text_alignment="right", wrap=False)
        st.subheader("S", text_alignment=None)  # the default, as Streamlit takes it
        st.text("plain", text_alignment="justify", wrap=False)
        st.caption("small", text_alignment="center")
        st.markdown("**long** line", wrap=False)
        """
    ).run()
    shown = [(n.proto["text_alignment"], n.proto["wrap"]) for n in at.main.children.values()]
    assert shown == [
        ("center", True),
        ("right", False),
        ("left", True),
        ("justify", False),
        ("center", True),
        ("left", False),
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.title("a", text_alignment="middle")', "Invalid `text_alignment` value. Supported values: 'left'"),
        ('st.text("a", wrap="no")', "Invalid `wrap` value. Supported values: True, False."),
        ('st.markdown("a", wrap=False, unsafe_allow_html=True)', "`wrap=False` and `unsafe_allow_html=True` cannot"),
        ('st.text("a", wrap=None)', "Invalid `wrap` value."),
    ],
)
def test_bad_values_raise_naming_the_argument(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in at.exception[0].message
