"""Which st.link_button calls must be unique in a run, as Streamlit 1.67 checks (each case run
side by side in its venv): in the default on_click="ignore" mode a plain link may repeat, but a
key, or a shortcut (an id from the button's parameters), may not; and a widget placed in the
sidebar is not the same widget as its twin in the main area."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def _errors(body: str) -> list[str]:
    at = AppTest.from_string("import streamlit as st\n" + body).run()
    return [e.message for e in at.exception]


def test_the_same_plain_link_twice_is_fine() -> None:
    assert _errors("st.link_button('a', 'https://x.com')\nst.link_button('a', 'https://x.com')") == []


@pytest.mark.parametrize(
    "body",
    [
        "st.link_button('a', 'https://x.com', key='k')\nst.link_button('b', 'https://y.com', key='k')",
        "st.link_button('a', 'https://x.com', key='k')\nst.button('b', key='k')",
        "st.button('b', key='k')\nst.link_button('a', 'https://x.com', key='k')",
        "st.text_input('t', key='k')\nst.link_button('a', 'https://x.com', key='k')",
    ],
)
def test_a_key_is_unique_in_the_run_even_on_a_plain_link(body: str) -> None:
    (message,) = _errors(body)
    assert "same `key='k'`" in message


def test_the_same_link_with_a_shortcut_twice_has_a_duplicate_id() -> None:
    (message,) = _errors(
        "st.link_button('a', 'https://x.com', shortcut='k')\nst.link_button('a', 'https://x.com', shortcut='k')"
    )
    assert "several `link_button` elements with the same automatically generated id" in message
    assert (
        _errors(
            "st.link_button('a', 'https://x.com', shortcut='k')\nst.link_button('b', 'https://x.com', shortcut='j')"
        )
        == []
    )


def test_a_plain_link_key_takes_no_value_from_session_state() -> None:
    (message,) = _errors("st.session_state.k = True\nst.link_button('a', 'https://x.com', key='k')")
    assert "'k' cannot be set using `st.session_state`" in message
    at = AppTest.from_string(
        "import streamlit as st\n"
        "st.link_button('a', 'https://x.com', key='k')\n"
        "st.write(repr(st.session_state.get('k')))"
    ).run()
    assert [m.value for m in at.markdown] == ["None"]


def test_the_same_widget_in_the_main_area_and_the_sidebar_is_two_widgets() -> None:
    assert _errors("st.button('a')\nst.sidebar.button('a')\nst.text_input('t')\nst.sidebar.text_input('t')") == []
    assert (
        _errors(
            "st.link_button('a', 'https://x.com', shortcut='k')\n"
            "st.sidebar.link_button('a', 'https://x.com', shortcut='k')"
        )
        == []
    )
