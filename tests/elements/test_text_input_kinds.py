"""st.text_input's kinds (email, url, phone, search), icon, validate, live and required."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def test_each_kind_brings_its_icon_placeholder_and_check() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        for kind in ["default", "password", "email", "url", "phone", "search"]:
            st.text_input(kind, type=kind)
        """
    ).run()
    shown = {w.label: w.proto for w in at.text_input}
    assert shown["email"]["icon"] == ":material/mail:" and shown["email"]["placeholder"] == "you@example.com"
    assert shown["email"]["validate_message"] == "Enter a valid email address."
    assert shown["url"]["autocomplete"] == "url" and shown["url"]["validate_pattern"]
    assert (shown["phone"]["icon"], shown["phone"]["autocomplete"]) == (":material/call:", "tel")
    assert (shown["search"]["icon"], shown["search"]["validate_pattern"]) == (":material/search:", None)
    assert (shown["password"]["autocomplete"], shown["default"]["icon"]) == ("new-password", None)


def test_icon_validate_live_and_required() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.text_input("a", validate=("^a", "Must start with a"), live=True, icon="🔥", required=True)
        st.text_input("b", validate="^b", live="0.5s")
        st.text_input("c", type="email", icon="", validate="", live="0ms")
        """
    ).run()
    a, b, c = (w.proto for w in at.text_input)
    assert (a["icon"], a["validate_pattern"], a["validate_message"], a["live_ms"], a["required"]) == (
        "🔥",
        "^a",
        "Must start with a",
        250,
        True,
    )
    assert (b["validate_pattern"], b["validate_message"], b["live_ms"]) == ("^b", None, 500)
    assert (c["icon"], c["validate_pattern"], c["live_ms"]) == (None, None, 0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("type='x'", "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone'"),
        ("live=300", "Invalid `live` type. Expected one of: bool, str. Provided type: int."),
        ("live='2m'", "The `live` parameter, set to 2m, is outside the required range [0ms, 1m]."),
        ("validate=5", "Invalid `validate` type. Expected one of: None, str, tuple. Provided type: int."),
        ("validate=('a',)", "Supported values: a regex string, a (regex, message) tuple of strings."),
    ],
)
def test_bad_values_raise(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\nst.text_input('a', {call})\n").run()
    assert message in at.exception[0].message
