"""st.html and st.iframe: what reaches the browser, and Streamlit's errors."""

from __future__ import annotations

from pathlib import Path

from slipstream.elements.html import is_style_only
from slipstream.protocol import ROOT_EVENT
from slipstream.testing import AppTest


def test_html_body_from_text_path_css_and_repr_html(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<b>from a file</b>")
    (tmp_path / "look.css").write_text("p { color: teal }")
    at = AppTest.from_string(
        f"""
        from pathlib import Path
        import streamlit as st
        st.html("<p onclick='x()'>hi</p>", width=200)
        st.html(Path({str(tmp_path / "page.html")!r}))
        st.html("{tmp_path / "page.html"!s}")
        st.html(Path({str(tmp_path / "look.css")!r}))
        class Rich:
            def _repr_html_(self):
                return "<i>rich</i>"
        st.html(Rich())
        """
    ).run()
    assert not at.exception
    bodies = [n.proto["body"] for n in at.get("html")]
    assert bodies[:3] == ["<p onclick='x()'>hi</p>", "<b>from a file</b>", str(tmp_path / "page.html")]
    assert sorted(bodies[3:]) == ["<i>rich</i>", "<style>p { color: teal }</style>"]  # the style: out of the flow
    assert at.get("html")[0].proto["width"] == 200
    assert at.get("html")[0].proto["unsafe_allow_javascript"] is False


def test_style_only_html_goes_out_of_the_page_flow() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.html("<!-- theme --><style>p{color:red}</style>\\n<style>b{}</style>")
        st.html("<style>p{}</style><p>text</p>")
        """
    ).run()
    places = {n.proto["body"][:10]: n.path[0] for n in at.get("html")}
    assert places == {"<!-- theme": ROOT_EVENT, "<style>p{}": 0}
    assert is_style_only("<STYLE media='x'>a{}</STYLE>") and not is_style_only("<style></style>x")


def test_html_errors() -> None:
    at = AppTest.from_string('import streamlit as st\nst.html("  ")\n').run()
    assert "the `body` parameter is required" in at.exception[0].message
    at = AppTest.from_string('import streamlit as st\nst.html("x", width=0)\n').run()
    assert "width" in at.exception[0].message


def test_iframe_sources_and_sizes(tmp_path: Path) -> None:
    (tmp_path / "doc.html").write_text("<h1>doc</h1>")
    at = AppTest.from_string(
        f"""
        from pathlib import Path
        import streamlit as st
        st.iframe("https://example.com", height=300, tab_index=-1, alt="Example")
        st.iframe("/app/static/report.html", width=400, height="stretch")
        st.iframe("<h1>Hi</h1>")
        st.iframe(Path({str(tmp_path / "doc.html")!r}))
        """
    ).run()
    assert not at.exception
    frames = [n.proto for n in at.get("iframe")]
    assert (frames[0]["src"], frames[0]["height"], frames[0]["tab_index"], frames[0]["title"]) == (
        "https://example.com",
        300,
        -1,
        "Example",
    )
    assert (frames[1]["src"], frames[1]["width"], frames[1]["height"]) == ("/app/static/report.html", 400, "stretch")
    assert (frames[2]["srcdoc"], frames[2]["height"], frames[2]["title"]) == ("<h1>Hi</h1>", "content", "st.iframe")
    assert frames[3]["srcdoc"] == "<h1>doc</h1>"


def test_iframe_errors_are_streamlits() -> None:
    for call, words in [
        ('st.iframe("x", height=0)', "Invalid height value: 0"),
        ('st.iframe("x", tab_index=-2)', "Invalid `tab_index` value"),
        ('st.iframe("x", tab_index=True)', "Invalid `tab_index` type"),
    ]:
        at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
        assert words in at.exception[0].message, call


def test_components_html_and_iframe() -> None:
    at = AppTest.from_string(
        """
        import streamlit.components.v1 as components
        components.html("<p>x</p>", height=120, scrolling=True)
        components.iframe("https://example.com", width=300)
        """
    ).run()
    first, second = (n.proto for n in at.get("iframe"))
    assert (first["srcdoc"], first["height"], first["scrolling"], first["width"]) == ("<p>x</p>", 120, True, "stretch")
    assert (second["src"], second["height"], second["scrolling"], second["width"]) == (
        "https://example.com",
        150,
        False,
        300,
    )
    at = AppTest.from_string("import streamlit.components.v1 as c\nc.html('x', height=-5)\n").run()
    assert "height must be a non-negative number of pixels" in at.exception[0].message
