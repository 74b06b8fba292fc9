"""st.selectbox and st.multiselect as Streamlit 1.67 behaves (each case checked in its venv):
typed new options, filter modes, required, icons, "Select all", wrap, and the errors it raises."""

from __future__ import annotations

import textwrap

import pytest

from slipstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + textwrap.dedent(source)).run()


def shown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_selectbox_returns_a_typed_new_option_or_the_option_its_text_names() -> None:
    at = run(
        """
        n = st.selectbox("Number", [1, 2, 3], format_func=lambda x: f"n{x}", index=None, accept_new_options=True)
        st.write(repr(n))
        """
    )
    box = at.selectbox[0]
    assert (box.value, box.options, box.proto["placeholder"]) == (None, ["n1", "n2", "n3"], "Choose or add an option")
    box.set_value("n2").run()
    assert shown(at) == ["2"]  # the option itself, not its text
    at.selectbox[0].set_value("7").run()
    assert shown(at) == ["'7'"]
    assert (at.selectbox[0].index, at.selectbox[0].proto["new_value"]) == (None, "7")


def test_selectbox_without_new_options_refuses_typed_text_and_resets_a_foreign_state_value() -> None:
    at = run(
        """
        st.session_state.setdefault("k", "zz")
        st.write(repr(st.selectbox("S", ["a", "b"], index=1, key="k")))
        st.write(repr(st.selectbox("T", ["a"], key="t", accept_new_options=True)))
        """
    )
    assert shown(at) == ["'b'", "'a'"]  # "zz" is no option: back to index 1
    with pytest.raises(ValueError, match="not one of the options"):
        at.selectbox[0].set_value("zz")
    at.session_state["t"] = "typed"
    at.run()
    assert shown(at)[1] == "'typed'"  # a selectbox that takes new options keeps any text


def test_selectbox_placeholders_follow_the_options_and_new_options() -> None:
    at = run(
        """
        st.selectbox("A", ["x"], index=None)
        st.selectbox("B", [], accept_new_options=True)
        st.selectbox("C", [])
        st.selectbox("D", ["x"], index=None, placeholder="")
        """
    )
    fields = [(s.proto["placeholder"], s.proto["disabled"]) for s in at.selectbox]
    assert fields == [
        ("Choose an option", False),
        ("Add an option", False),
        ("No options to select", True),
        ("", False),
    ]
    assert at.selectbox[1].value is None


def test_filter_mode_reaches_the_browser_and_is_checked() -> None:
    at = run(
        """
        st.selectbox("F", ["a"])
        st.selectbox("C", ["a"], filter_mode="contains")
        st.multiselect("P", ["a"], filter_mode="prefix")
        st.multiselect("N", ["a"], filter_mode=None)
        """
    )
    assert [s.proto["filter_mode"] for s in at.selectbox] == ["fuzzy", "contains"]
    assert [m.proto["filter_mode"] for m in at.multiselect] == ["prefix", None]


def test_required_keeps_a_value_from_being_cleared_and_marks_the_field() -> None:
    at = run(
        """
        a = st.selectbox("Plan", ["Free", "Pro"], index=None, required=True)
        b = st.selectbox("Size", ["S", "M"], required=True)
        c = st.selectbox("Colour", ["red"], index=None)
        st.write(repr((a, b, c)))
        """
    )
    assert shown(at) == ["(None, 'S', None)"]  # required changes no default
    flags = [(s.proto["required"], s.proto["clearable"]) for s in at.selectbox]
    assert flags == [(True, False), (True, False), (False, True)]
    at.selectbox[0].set_value("Pro").run()
    assert shown(at) == ["('Pro', 'S', None)"]


def test_icons_a_selectbox_takes() -> None:
    at = run(
        """
        st.selectbox("E", ["a"], icon="🚨")
        st.selectbox("M", ["a"], icon=":material/search:")
        st.selectbox("S", ["a"], icon="spinner")
        st.selectbox("N", ["a"])
        """
    )
    assert [s.proto["icon"] for s in at.selectbox] == ["🚨", ":material/search:", "spinner", None]


@pytest.mark.parametrize(
    ("call", "kind", "says"),
    [
        ("st.selectbox('S', ['a'], filter_mode='bad')", "StreamlitValueError", "Invalid `filter_mode` value"),
        ("st.selectbox('S', ['a'], filter_mode=['x'])", "StreamlitValueError", "fuzzy, contains, prefix, None"),
        (
            "st.selectbox('S', ['a'], filter_mode=None, accept_new_options=True)",
            "StreamlitIncompatibleParametersError",
            "`filter_mode=None` and `accept_new_options=True` cannot be used together",
        ),
        (
            "st.multiselect('M', ['a'], filter_mode=None, accept_new_options=True)",
            "StreamlitIncompatibleParametersError",
            "Set `filter_mode` to `fuzzy`, `contains`, or `prefix`",
        ),
        ("st.selectbox('S', ['a'], index='0')", "StreamlitInvalidParameterTypeError", "Provided type: str"),
        ("st.selectbox('S', ['a', 'b'], index=5)", "StreamlitValueOutOfRangeError", "set to 5, is outside"),
        ("st.selectbox('S', ['a'], icon=3)", "StreamlitInvalidParameterTypeError", "Invalid `icon` type"),
        ("st.selectbox('S', ['a'], icon=':rocket:')", "StreamlitAPIException", "emoji shortcode"),
        ("st.multiselect('M', ['a'], select_all=-1)", "StreamlitValueError", "a non-negative integer"),
        (
            "st.multiselect('M', ['a'], select_all='x')",
            "StreamlitInvalidParameterTypeError",
            "Expected one of: bool, int",
        ),
        ("st.multiselect('M', ['a'], select_all=1.5)", "StreamlitInvalidParameterTypeError", "Provided type: float"),
        ("st.multiselect('M', ['a'], max_selections=0)", "StreamlitValueError", "use `disabled=True`"),
        ("st.multiselect('M', ['a'], max_selections='2')", "StreamlitValueError", "a positive integer"),
        (
            "st.multiselect('M', ['a'], default=['z'], accept_new_options=True)",
            "StreamlitDefaultNotInOptionsError",
            "The default value 'z' is not part of the options",
        ),
        (
            "st.multiselect('M', ['a', 'b'], default=['a', 'b'], max_selections=1)",
            "StreamlitSelectionCountExceedsMaxError",
            "Multiselect has 2 options selected but `max_selections` is set to 1",
        ),
        ("st.multiselect('M', ['a'], wrap='x')", "StreamlitInvalidParameterTypeError", "Invalid `wrap` type"),
    ],
)
def test_errors_where_streamlit_raises(call: str, kind: str, says: str) -> None:
    at = run(call)
    assert at.exception[0].proto["exc_type"] == kind
    assert says in at.exception[0].message


def test_multiselect_new_options_keep_their_order_and_text() -> None:
    at = run(
        """
        picked = st.multiselect("Tags", [1, 2], format_func=lambda x: f"#{x}", accept_new_options=True)
        st.write(repr(picked))
        """
    )
    ms = at.multiselect[0]
    assert ms.proto["placeholder"] == "Choose or add options"
    ms.set_value(["urgent", 2]).run()
    assert shown(at) == ["['urgent', 2]"]
    assert at.multiselect[0].proto["value"] == ["urgent", 1]
    at.multiselect[0].set_value(["#1"]).run()  # a typed option's text is the option
    assert shown(at) == ["[1]"]


def test_multiselect_state_beyond_max_selections_raises() -> None:
    at = run(
        """
        st.session_state.setdefault("k", ["a", "b"])
        st.multiselect("M", ["a", "b"], key="k", max_selections=1)
        """
    )
    assert at.exception[0].proto["exc_type"] == "StreamlitSelectionCountExceedsMaxError"


def test_select_all_and_wrap_reach_the_browser() -> None:
    at = run(
        """
        st.multiselect("A", ["a"])
        st.multiselect("B", ["a"], select_all=True, wrap=False)
        st.multiselect("C", ["a"], select_all=False, wrap=True)
        st.multiselect("D", ["a"], select_all=5)
        """
    )
    fields = [(m.proto["select_all"], m.proto["wrap"]) for m in at.multiselect]
    assert fields == [(1000, None), (-1, False), (0, True), (5, None)]


def test_session_state_disabled_and_label_visibility_keep_working() -> None:
    at = run(
        """
        st.session_state.setdefault("s", "b")
        v = st.selectbox("S", ["a", "b"], key="s", disabled=True, label_visibility="collapsed", help="Pick")
        st.write(repr(v))
        """
    )
    box = at.selectbox[0]
    assert shown(at) == ["'b'"]
    assert (box.proto["disabled"], box.proto["label_visibility"], box.proto["help"]) == (True, "collapsed", "Pick")
