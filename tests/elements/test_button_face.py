"""Buttons' shortcut, icon_position and wrap, checked and written as Streamlit does."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def test_every_kind_of_button_carries_its_shortcut_icon_side_and_wrap() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.button("Save", shortcut="Shift+Ctrl+S", icon=":material/save:", icon_position="right")
        st.link_button("Docs", "https://example.com", shortcut="K", wrap=False)
        st.download_button("Get", "a,b", shortcut="Meta+Enter", wrap=True)
        with st.form("f"):
            st.form_submit_button("Send", shortcut="Mod+Enter")
        """
    ).run()
    protos = {n.proto.get("label"): n.proto for n in at.main if n.proto.get("label")}
    assert (protos["Save"]["shortcut"], protos["Save"]["icon_position"]) == ("ctrl+shift+s", "right")
    assert (protos["Docs"]["shortcut"], protos["Docs"]["wrap"]) == ("k", False)
    assert (protos["Get"]["shortcut"], protos["Get"]["wrap"]) == ("cmd+enter", True)
    assert protos["Send"]["shortcut"] == "ctrl+enter"


@pytest.mark.parametrize(
    ("shortcut", "shown"),
    [
        ("Option+k", "alt+k"),
        ("Shift+Alt+Cmd+Ctrl+K", "ctrl+cmd+alt+shift+k"),
        ("ctrl + k", "ctrl+k"),
        ("Esc", "escape"),
        ("Return", "enter"),
        ("ArrowUp", "up"),
        ("Del", "delete"),
        ("F11", "f11"),
    ],
)
def test_shortcuts_are_written_one_way(shortcut: str, shown: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\nst.button('a', shortcut={shortcut!r})\n").run()
    assert at.button[0].proto["shortcut"] == shown


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("shortcut='C'", "cannot use the keys 'C' or 'R'"),
        ("shortcut='Ctrl+R'", "cannot use the keys 'C' or 'R'"),
        ("shortcut='K+J'", "may only specify a single non-modifier key"),
        ("shortcut='Ctrl+'", "must include a non-modifier key such as 'K' or 'Ctrl+K'"),
        ("shortcut=''", "must contain at least one key or modifier"),
        ("shortcut='.'", "is not a key"),
        ("shortcut=5", "Invalid `shortcut` type. Expected one of: str. Provided type: int."),
        ("icon_position='top'", "Invalid `icon_position` value. Supported values: 'left', 'right'."),
        ("wrap='x'", "Invalid `wrap` value."),
    ],
)
def test_bad_values_raise(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\nst.button('a', {call})\n").run()
    assert message in at.exception[0].message
