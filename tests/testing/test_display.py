"""AppTest finds every display element under Streamlit's names, with its value."""

from __future__ import annotations

from slipstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string(source).run()


def test_text_elements() -> None:
    at = run(
        """
        import streamlit as st
        st.markdown("**bold**")
        st.caption("small print")
        st.text("plain")
        st.code("x = 1", language="python")
        st.latex("e^{i\\\\pi} + 1 = 0")
        st.divider()
        st.json({"a": 1})
        st.write("written")
        "magic"
        """
    )
    assert at.markdown.values == ["**bold**", "written", "magic"]
    assert at.caption[0].value == "small print" and at.caption[0].is_caption
    assert at.text[0].value == "plain"
    assert at.code[0].value == "x = 1" and at.code[0].language == "python"
    assert at.latex[0].value == "e^{i\\pi} + 1 = 0"
    assert at.divider[0].value == "---"
    assert '"a"' in at.json[0].value
    kinds = "markdown caption text code latex divider json markdown markdown".split()
    assert [node.type for node in at.main.children.values()] == kinds


def test_headings_are_title_header_and_subheader() -> None:
    at = run(
        """
        import streamlit as st
        st.title("T")
        st.header("H")
        st.subheader("S")
        """
    )
    assert at.title[0].value == "T" and at.title[0].tag == "h1"
    assert at.header[0].value == "H" and at.header[0].tag == "h2"
    assert at.subheader[0].value == "S" and at.subheader[0].type == "subheader"
    assert len(at.get("heading")) == 0


def test_alerts_by_kind() -> None:
    at = run(
        """
        import streamlit as st
        st.error("e", icon="🚨")
        st.warning("w")
        st.info("i")
        st.success("s")
        """
    )
    assert at.error[0].value == "e" and at.error[0].icon == "🚨"
    assert (at.warning[0].value, at.info[0].value, at.success[0].value) == ("w", "i", "s")
    assert repr(at.main[0]) == "Error(value='e')"


def test_script_errors_and_st_exception() -> None:
    at = run(
        """
        import streamlit as st
        st.exception(ValueError("shown"))
        raise KeyError("boom")
        """
    )
    assert len(at.exception) == 2
    shown, raised = at.exception
    assert shown.value == "shown" and shown.exc_type == "ValueError"
    assert raised.exc_type == "KeyError" and "boom" in raised.message
    assert any("app.py" in line for line in raised.stack_trace)


def test_link_button_empty_and_placeholders() -> None:
    at = run(
        """
        import streamlit as st
        st.link_button("Docs", "https://example.com")
        st.empty()
        slot = st.empty()
        slot.text("first")
        slot.text("second")
        """
    )
    assert at.link_button[0].value == "Docs" and at.link_button[0].url == "https://example.com"
    assert len(at.get("empty")) == 1
    assert at.text.values == ["second"]


def test_unregistered_element_types_are_generic_nodes() -> None:
    at = run(
        """
        import streamlit as st
        from slipstream.delta_generator import emit_element
        emit_element({"type": "sparkle", "level": 3})
        """
    )
    node = at.get("sparkle")[0]
    assert node.level == 3 and node.value is None
    assert "UnknownElement()" in repr(at)  # as Streamlit's AppTest shows an element it has no class for
