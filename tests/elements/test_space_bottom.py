"""st.space (room in the direction of its container) and st.bottom (pinned below the page)."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def test_space_sizes_read_as_in_streamlit() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.space()
        st.space("medium")
        st.space(40)
        with st.container(horizontal=True):
            st.button("left")
            st.space("stretch")
            st.button("right")
        """
    ).run()
    assert [s.proto["size"] for s in at.space] == ["small", "medium", 40, "stretch"]
    assert repr(at.space[2]) == "Space(size=40)"


@pytest.mark.parametrize("size", ["'huge'", "0", "-3", "2.5", "None"])
def test_bad_space_sizes_raise_naming_what_is_accepted(size: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\nst.space({size})\n").run()
    message = at.exception[0].message
    assert message.startswith("Invalid `size` value. Supported values: 'stretch', 'xxsmall'")
    assert message.endswith(f"a positive integer. Got {size}.")


def test_bottom_holds_elements_beside_the_chat_input() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("page")
        st.bottom.caption("pinned note")
        with st.bottom:
            st.button("Clear chat")
        st.chat_input("Say something")
        """
    ).run()
    assert at.main.markdown.values == ["page"]
    assert at.caption[0].value == "pinned note" and at.button[0].label == "Clear chat"
    bottom = at.tree.children[2]
    assert [node.type for node in bottom.children.values()] == ["caption", "button", "chat_input"]
