"""number_input's icon, and required on number_input and text_area (an emptied field is never
sent, so the last value stays)."""

from __future__ import annotations

from slipstream.testing import AppTest


def test_icon_and_required_reach_the_browser() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.number_input("Price", icon=":material/euro:", required=True)
        st.number_input("Count", icon="")
        st.text_area("Notes", required=True)
        """
    ).run()
    price, count = (n.proto for n in at.number_input)
    assert (price["icon"], price["required"]) == (":material/euro:", True)
    assert (count["icon"], count["required"]) == (None, False)
    assert at.text_area[0].proto["required"] is True


def test_a_bad_icon_raises() -> None:
    at = AppTest.from_string("import streamlit as st\nst.number_input('a', icon=':taxi:')\n").run()
    assert at.exception
