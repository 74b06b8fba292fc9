"""st.mermaid_chart: the diagram's text and accessible name reach the browser; AppTest reads it
as Streamlit's AppTest does (Markdown holding a mermaid fence)."""

from __future__ import annotations

from slipstream.testing import AppTest


def test_the_diagram_reads_as_a_mermaid_fence() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.mermaid_chart('''
            graph LR
                A --> B
        ''', alt="  two   nodes ")
        st.mermaid_chart("graph LR; A-->B", alt="", width=300)
        """
    ).run()
    first, second = at.markdown
    assert first.value == "````mermaid\n%% stAlt: two nodes\ngraph LR\n    A --> B\n````"
    assert second.value == "````mermaid\ngraph LR; A-->B\n````"
    assert (first.proto["alt"], second.proto["alt"], second.proto["width"]) == ("two nodes", None, 300)
    assert repr(second).startswith("Markdown(")


def test_a_body_that_is_not_text_raises() -> None:
    at = AppTest.from_string("import streamlit as st\nst.mermaid_chart(123)\n").run()
    assert "st.mermaid_chart takes the diagram's text as a str, not int." in at.exception[0].message
