from __future__ import annotations

import json
from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_markdown_is_dedented_and_keeps_its_options(app: App) -> None:
    a = app(
        '''
        import streamlit as st
        st.markdown("""
            # Hi
            **bold** :red[red]
        """, unsafe_allow_html=True, help="tip")
        '''
    )
    (md,) = a.of_type("markdown")
    assert md["body"] == "# Hi\n**bold** :red[red]"
    assert md["allow_html"] is True
    assert md["help"] == "tip"


def test_headings_have_levels_anchors_and_dividers(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.title("Title", anchor="top")
        st.header("One", divider=True)
        st.header("Two", divider=True)
        st.subheader("Three", divider="grey", anchor=False)
        """
    )
    levels = [(h["level"], h["anchor"], h["show_anchor"], h["divider"]) for h in a.of_type("heading")]
    assert levels == [
        ("title", "top", True, None),
        ("header", None, True, "blue"),
        ("header", None, True, "green"),
        ("subheader", None, False, "gray"),
    ]


def test_bad_divider_colour_is_an_error_naming_the_choices(app: App) -> None:
    a = app("import streamlit as st\nst.header('x', divider='pink')\n")
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "StreamlitAPIException"
    assert "'pink'" in exc["message"] and "rainbow" in exc["message"]


def test_caption_text_code_divider_latex(app: App) -> None:
    a = app(
        r"""
        import streamlit as st
        st.caption("small")
        st.text("  raw *text*")
        st.code("x = 1", language="python", line_numbers=True, height=100)
        st.divider()
        st.latex(r"\frac{a}{b}")
        """
    )
    assert [e["type"] for e in a.elements] == ["caption", "text", "code", "divider", "latex"]
    assert a.of_type("text")[0]["body"] == "  raw *text*"
    code = a.of_type("code")[0]
    assert (code["language"], code["line_numbers"], code["height"]) == ("python", True, 100)
    assert a.of_type("latex")[0]["body"] == r"\frac{a}{b}"


def test_json_takes_objects_and_json_strings(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.json({"a": [1, 2], "b": None}, expanded=1)
        st.json('{"x": true}')
        st.json("not json")
        """
    )
    first, second = a.of_type("json")
    assert json.loads(first["body"]) == {"a": [1, 2], "b": None}
    assert first["expanded"] == 1
    assert json.loads(second["body"]) == {"x": True}
    assert a.of_type("exception")[0]["message"].startswith("st.json: the string is not valid JSON")


def test_alerts_and_their_icons(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.success("ok", icon="✅")
        st.info("fyi")
        st.warning("careful", title="Heads up")
        st.error("bad", icon=":material/error:")
        """
    )
    assert [(e["kind"], e["icon"], e["title"]) for e in a.of_type("alert")] == [
        ("success", "✅", None),
        ("info", None, None),
        ("warning", None, "Heads up"),
        ("error", ":material/error:", None),
    ]


def test_an_icon_that_is_not_an_emoji_is_an_error(app: App) -> None:
    a = app("import streamlit as st\nst.info('x', icon='abc')\n")
    assert "icon 'abc'" in a.of_type("exception")[0]["message"]


def test_st_exception_shows_a_caught_exception(app: App) -> None:
    a = app(
        """
        import streamlit as st
        try:
            {}["missing"]
        except KeyError as e:
            st.exception(e)
        st.write("still running")
        """
    )
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "KeyError"
    assert a.texts() == ["still running"]
    assert a.status == "ok"


def test_page_config_is_sent_once_and_again_only_when_it_changes(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.set_page_config(page_title="Sales", page_icon="📈", layout="wide")
        st.write("x")
        """
    )
    configs = [m for m in a.last_frame if m["t"] == "page_config"]
    menu = {"get_help": None, "report_a_bug": None, "about": None}
    assert configs == [
        {"t": "page_config", "title": "Sales", "icon": "📈", "layout": "wide", "sidebar": "auto", "menu_items": menu}
    ]
    a.run()
    assert not [m for m in a.last_frame if m["t"] == "page_config"]
    a = app("import streamlit as st\nst.set_page_config(layout='huge')\n")
    assert "'centered' or 'wide'" in a.of_type("exception")[0]["message"]
