"""st.menu_button: a button opening a menu; the pick comes back once, then None again."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def menu_app() -> None:
    import streamlit as st

    def picked(note: str) -> None:
        st.session_state.log = [*st.session_state.get("log", []), (note, st.session_state.exp)]

    choice = st.menu_button("Export", ["CSV", "JSON", 3], key="exp", on_click=picked, args=("picked",))
    st.text(f"choice={choice!r} state={st.session_state.get('exp')!r} log={st.session_state.get('log', [])}")


def test_a_pick_returns_the_option_once_after_the_callback() -> None:
    at = AppTest.from_function(menu_app).run()
    menu = at.menu_button[0]
    assert repr(menu) == "MenuButton(key='exp', label='Export', options=['CSV', 'JSON', '3'])"
    assert menu.value is None and at.text[0].value == "choice=None state=None log=[]"
    menu.click("JSON").run()
    assert at.text[0].value == "choice='JSON' state='JSON' log=[('picked', 'JSON')]"
    at.run()
    assert at.text[0].value == "choice=None state=None log=[('picked', 'JSON')]"
    at.menu_button[0].click_index(2).run()
    assert at.text[0].value.startswith("choice=3 state=3")


def test_the_menu_shows_formatted_options() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.menu_button("Size", [1, 2], format_func=lambda n: f"{n} px", type="primary", icon="📏", wrap=False)
        """
    ).run()
    proto = at.menu_button[0].proto
    assert (proto["options"], proto["kind"], proto["icon"], proto["wrap"]) == (["1 px", "2 px"], "primary", "📏", False)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.menu_button('a', ['x'], type='big')", "type is 'big'"),
        ("st.menu_button('a', 5)", "options must be a list or another iterable"),
        ("st.menu_button('a', ['x'], wrap='no')", "Invalid `wrap` value."),
    ],
)
def test_bad_arguments_raise(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in at.exception[0].message
