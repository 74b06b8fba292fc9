"""A keyed widget carries its key to the page (which gives it the `st-key-<key>` class that apps'
CSS aims at); unkeyed widgets and charts without selections carry none, as in Streamlit 1.67."""

from __future__ import annotations

from slipstream.testing import AppTest
from slipstream.testing.widgets import Button


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


def test_link_button_ignore_returns_the_element_and_keeps_its_key() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        shown = st.link_button("Docs", "https://example.com", key="docs")
        st.write(type(shown).__name__)
        """
    ).run()
    link = at.get("link_button")[0].proto
    assert (link["id"], link["key"]) == (None, "docs")
    assert at.markdown[0].value == "DeltaGenerator"
    assert "docs" not in at.session_state


def test_link_button_that_reruns_is_a_button() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def note():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        rerun = st.link_button("Docs", "https://example.com", key="docs", on_click="rerun")
        called = st.link_button("Guide", "https://example.com/guide", on_click=note)
        plain = st.link_button("None", "https://example.com/none", on_click=None)
        st.write(f"{rerun} {called} {plain} {st.session_state.get('calls', 0)}")
        """
    ).run()
    assert at.markdown[0].value == "False False False 0"
    assert at.session_state["docs"] is False
    docs, guide, _ = at.get("link_button")
    assert docs.proto["key"] == "docs"
    Button(docs.proto, docs.path, at).click().run()
    assert at.markdown[0].value == "True False False 0"
    guide = at.get("link_button")[1]
    Button(guide.proto, guide.path, at).click().run()
    assert at.markdown[0].value == "False True False 1"


def test_link_button_refuses_an_unknown_on_click() -> None:
    at = AppTest.from_string('import streamlit as st\nst.link_button("a", "https://x.org", on_click="open")\n').run()
    assert "Invalid `on_click` value" in at.exception[0].message
    assert "'open'" in at.exception[0].message


def test_pdf_key_reaches_the_page() -> None:
    script = 'import streamlit as st\nst.pdf(b"%PDF-1.4 tiny", key="report")\nst.pdf(b"%PDF-1.4 x")\n'
    at = AppTest.from_string(script).run()
    keyed, plain = at.get("pdf")
    assert keyed.proto["key"] == "report"
    assert "key" not in plain.proto
