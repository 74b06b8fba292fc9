"""The time input's hour format, the date-and-time input's date format, and required fields."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest


def test_formats_and_required_reach_the_browser() -> None:
    at = AppTest.from_string(
        """
        import datetime
        import streamlit as st
        st.time_input("At", datetime.time(20, 5))
        st.time_input("Later", datetime.time(20, 5), format="12h", required=True)
        st.datetime_input("When", datetime.datetime(2024, 5, 1, 9, 30), format="DD.MM.YYYY", required=True)
        st.date_input("Day", required=True)
        """
    ).run()
    at_24, at_12, when, day = (node.proto for node in at.main.children.values())
    assert (at_24["format"], at_24["required"], at_24["value"]) == ("24h", False, "20:05")
    assert (at_12["format"], at_12["required"]) == ("12h", True)
    assert (when["format"], when["required"], when["value"]) == ("DD.MM.YYYY", True, "2024-05-01T09:30")
    assert day["required"] is True
    assert at.time_input[1].value.hour == 20  # the value is the same time whatever the display


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.time_input('a', format='13h')", "Invalid `format` value. Supported values: '12h', '24h', 'localized'."),
        ("st.datetime_input('a', format='bad')", "Invalid `format` value 'bad'"),
        ("st.date_input('a', format='YY/MM/DD')", "Invalid `format` value 'YY/MM/DD'"),
        ("st.date_input('a', required='x')", "Invalid `required` value."),
    ],
)
def test_bad_formats_raise(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in at.exception[0].message
