from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_checkbox_and_toggle(app: App) -> None:
    a = app(
        """
        import streamlit as st
        c = st.checkbox("C", value=True)
        t = st.toggle("T")
        st.write(f"{c} {t}")
        """
    )
    assert a.texts() == ["True False"]
    assert a.widget("T")["toggle"] is True
    a.set("T", True)
    assert a.texts() == ["True True"]


def test_text_input_value_rules(app: App) -> None:
    a = app(
        """
        import streamlit as st
        a = st.text_input("A")
        b = st.text_input("B", value=None, placeholder="type")
        p = st.text_input("P", type="password", max_chars=5)
        st.write(repr((a, b, p)))
        """
    )
    assert a.texts() == ["('', None, '')"]
    assert a.widget("P")["input_type"] == "password"
    a.set("B", "x")
    assert a.texts() == ["('', 'x', '')"]


def test_text_input_errors(app: App) -> None:
    a = app("import streamlit as st\nst.text_input('A', 'toolong', max_chars=3)\n")
    assert "max_chars=3" in a.of_type("exception")[0]["message"]
    a = app("import streamlit as st\nst.text_input('A', type='email2')\n")
    message = a.of_type("exception")[0]["message"]
    assert "Invalid `type` value. Supported values: 'default', 'password', 'email'" in message


def test_number_input_int_and_float(app: App) -> None:
    a = app(
        """
        import streamlit as st
        i = st.number_input("I", min_value=1, max_value=10)
        f = st.number_input("F", value=0.5, step=0.1)
        n = st.number_input("N", value=None)
        st.write(repr((i, f, n)))
        """
    )
    assert a.texts() == ["(1, 0.5, None)"]
    assert (a.widget("I")["is_int"], a.widget("I")["format"], a.widget("F")["format"]) == (True, "%d", "%0.2f")
    a.set("I", 7)
    a.set("F", 2.25)
    assert a.texts() == ["(7, 2.25, None)"]


def test_number_input_errors(app: App) -> None:
    cases = {
        "st.number_input('x', min_value=1, value=0.5)": "all be ints or all be floats",
        "st.number_input('x', min_value=5, value=1)": "The `value` 1 is less than the `min_value` 5.",
        "st.number_input('x', max_value=5, value=9)": "The `value` 9 is greater than the `max_value` 5.",
        "st.number_input('x', min_value=10, max_value=0)": "`min_value` (10) is greater than `max_value` (0)",
        "st.number_input('x', format='%q')": "printf-style",
    }
    for call, message in cases.items():
        a = app(f"import streamlit as st\n{call}\n")
        assert message in a.of_type("exception")[0]["message"], call


def test_slider_int_float_and_range(app: App) -> None:
    a = app(
        """
        import streamlit as st
        i = st.slider("I")
        f = st.slider("F", 0.0, 1.0, 0.25)
        r = st.slider("R", 0, 10, (2, 8))
        st.write(repr((i, f, r)))
        """
    )
    assert a.texts() == ["(0, 0.25, (2, 8))"]
    assert (a.widget("I")["min"], a.widget("I")["max"], a.widget("I")["step"]) == (0, 100, 1)
    assert a.widget("R")["value"] == [2, 8]
    a.set("R", [9, 3])
    assert a.texts() == ["(0, 0.25, (3, 9))"]
    a.set("F", [2.0])  # out of range: rejected
    assert a.texts() == ["(0, 0.25, (3, 9))"]


def test_selectbox_and_radio_with_format_func_and_no_selection(app: App) -> None:
    a = app(
        """
        import streamlit as st
        s = st.selectbox("S", [1, 2, 3], format_func=lambda x: f"#{x}")
        n = st.selectbox("N", ["a", "b"], index=None, placeholder="pick")
        r = st.radio("R", ["x", "y"], index=1, horizontal=True, captions=["cx", "cy"])
        st.write(repr((s, n, r)))
        """
    )
    assert a.texts() == ["(1, None, 'y')"]
    assert a.widget("S")["options"] == ["#1", "#2", "#3"]
    assert (a.widget("N")["index"], a.widget("N")["placeholder"]) == (None, "pick")
    assert a.widget("R")["captions"] == ["cx", "cy"]
    a.set("S", 2)
    a.set("N", 1)
    a.set("R", 0)
    assert a.texts() == ["(3, 'b', 'x')"]


def test_selectbox_errors(app: App) -> None:
    a = app("import streamlit as st\nst.selectbox('x', ['a'], index=3)\n")
    assert "outside the required range [0, 0]" in a.of_type("exception")[0]["message"]
    a = app("import streamlit as st\nst.radio('x', ['a', 'b'], captions=['c'])\n")
    assert "one per option" in a.of_type("exception")[0]["message"]


def test_button_types_and_help(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.button("P", type="primary", help="does things", icon="🚀", disabled=True)
        """
    )
    b = a.widget("P")
    assert (b["kind"], b["help"], b["icon"], b["disabled"]) == ("primary", "does things", "🚀", True)
    a = app("import streamlit as st\nst.button('x', type='huge')\n")
    assert "'primary', 'secondary' and 'tertiary'" in a.of_type("exception")[0]["message"]


def test_label_visibility_is_checked(app: App) -> None:
    a = app("import streamlit as st\nst.checkbox('x', label_visibility='gone')\n")
    assert "label_visibility" in a.of_type("exception")[0]["message"]
    a = app("import streamlit as st\nst.checkbox('x', label_visibility='collapsed')\n")
    assert a.widget("x")["label_visibility"] == "collapsed"
