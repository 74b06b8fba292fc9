from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_session_state_supports_items_attributes_in_del_iteration_and_to_dict(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state["a"] = 1
        st.session_state.b = 2
        del st.session_state["a"]
        st.session_state.c = 3
        del st.session_state.c
        ss = st.session_state
        st.write(f"{'a' in ss} {'b' in ss} {list(ss)} {ss.to_dict()}")
        """
    )
    assert a.texts() == ["False True ['b'] {'b': 2}"]


def test_missing_keys_raise_a_helpful_error(app: App) -> None:
    a = app("import streamlit as st\nst.session_state.missing\n")
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "AttributeError"
    assert "initialize" in exc["message"]


def test_a_keyed_widget_is_bound_to_session_state(app: App) -> None:
    a = app(
        """
        import streamlit as st
        name = st.text_input("Name", key="name")
        st.write(f"name={name} state={st.session_state.name}")
        """
    )
    assert a.texts() == ["name= state="]
    a.set("Name", "Ada")
    assert a.texts() == ["name=Ada state=Ada"]


def test_a_value_set_in_session_state_before_creation_is_the_widgets_value(app: App) -> None:
    a = app(
        """
        import streamlit as st
        if "n" not in st.session_state:
            st.session_state.n = 5
        v = st.slider("N", 0, 10, key="n")
        st.write(f"v={v}")
        """
    )
    assert a.texts() == ["v=5"]
    assert a.widget("N")["value"] == [5]


def test_callbacks_run_before_the_script_with_args_and_kwargs(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def changed(tag, *, suffix):
            st.session_state.log.append(f"{tag}{suffix}:{st.session_state.box}")
        def clicked():
            st.session_state.log.append("click")
        st.write(" ".join(st.session_state.log) or "empty")
        st.checkbox("Box", key="box", on_change=changed, args=("box",), kwargs={"suffix": "!"})
        st.button("Go", on_click=clicked)
        """
    )
    assert a.texts() == ["empty"]
    a.set("Box", True)
    assert a.texts() == ["box!:True"]
    a.click("Go")
    assert a.texts() == ["box!:True click"]
    a.set("Box", True)  # unchanged: no callback
    assert a.texts() == ["box!:True click"]


def test_callbacks_may_set_widget_state(app: App) -> None:
    a = app(
        """
        import streamlit as st
        def clear():
            st.session_state.text = ""
        st.text_input("Text", key="text")
        st.button("Clear", on_click=clear)
        """
    )
    a.set("Text", "hello")
    assert a.widget("Text")["value"] == "hello"
    a.click("Clear")
    assert a.widget("Text")["value"] == ""


def test_setting_a_widgets_state_after_it_was_created_is_an_error(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.text_input("Text", key="text")
        st.session_state.text = "late"
        """
    )
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "StreamlitSetWidgetAfterCreation"
    assert "`st.session_state.text` cannot be modified after the widget" in exc["message"]


def test_buttons_cannot_be_set_through_session_state(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.button("B", key="b")
        """
    )
    a.session.state.start_run()
    try:
        a.session.state["b"] = True
    except Exception as exc:
        assert type(exc).__name__ == "StreamlitValueAssignmentNotAllowedError"
    else:
        raise AssertionError("setting a button's state must fail")


def test_a_value_set_before_a_browser_only_widget_exists_is_refused_there(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state["b"] = True
        st.button("B", key="b")
        st.text("after")
        """
    )
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "StreamlitValueAssignmentNotAllowedError" and "key 'b'" in exc["message"]
    assert a.texts("text") == []


def test_two_widgets_with_the_same_automatic_id_raise_duplicate_id(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.button("Same")
        st.button("Same")
        """
    )
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "StreamlitDuplicateElementId"
    assert "key" in exc["message"]
    assert len(a.of_type("button")) == 1


def test_two_widgets_with_the_same_key_raise_duplicate_key(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.checkbox("A", key="k")
        st.text_input("B", key="k")
        """
    )
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "StreamlitDuplicateElementKey"
    assert "key='k'" in exc["message"]


def test_a_widget_not_rendered_in_a_run_loses_its_state(app: App) -> None:
    a = app(
        """
        import streamlit as st
        show = st.checkbox("Show")
        if show:
            st.text_input("Inner", key="inner")
        st.write(str(st.session_state.get("inner")))
        """
    )
    a.set("Show", True)
    a.set("Inner", "kept?")
    assert a.texts() == ["kept?"]
    a.set("Show", False)
    a.run()
    assert a.texts() == ["None"]
    a.set("Show", True)
    assert a.widget("Inner")["value"] == ""


def test_state_written_by_the_script_survives_when_the_widget_is_not_rendered(app: App) -> None:
    a = app(
        """
        import streamlit as st
        if "inner" in st.session_state:
            st.session_state.inner = st.session_state.inner
        show = st.checkbox("Show")
        if show:
            st.text_input("Inner", key="inner")
        st.write(str(st.session_state.get("inner")))
        """
    )
    a.set("Show", True)
    a.set("Inner", "kept")
    a.set("Show", False)
    a.run()
    assert a.texts() == ["kept"]
    a.set("Show", True)
    assert a.widget("Inner")["value"] == "kept"


def test_keyless_widget_state_follows_its_parameters(app: App) -> None:
    a = app(
        """
        import streamlit as st
        big = st.checkbox("Big")
        v = st.slider("V", 0, 100 if big else 10)
        st.write(str(v))
        """
    )
    a.set("V", [7])
    assert a.texts() == ["7"]
    a.set("Big", True)  # a new slider (other parameters): back to its default
    assert a.texts() == ["0"]


def test_values_the_widget_cannot_hold_are_rejected_and_the_last_value_kept(app: App, caplog: object) -> None:
    a = app(
        """
        import streamlit as st
        n = st.number_input("N", min_value=0, max_value=10, value=3)
        c = st.selectbox("C", ["a", "b"])
        t = st.text_input("T", max_chars=3)
        st.write(f"{n} {c} {t}")
        """
    )
    for label, bad in [("N", 11), ("N", "x"), ("N", 2.5), ("C", 5), ("C", "a"), ("T", "toolong"), ("T", 3)]:
        a.set(label, bad)
        assert a.texts() == ["3 a"], (label, bad)
    a.set("N", 4)
    a.set("C", 1)
    a.set("T", "abc")
    assert a.texts() == ["4 b abc"]


def test_a_default_value_overridden_by_session_state_is_logged_once(app: App, caplog: Any) -> None:
    import slipstream.runtime.state as state_module

    state_module._warned_set_twice = False
    caplog.set_level(logging.WARNING, "slipstream.state")
    a = app(
        """
        import streamlit as st
        st.session_state.n = 7
        st.slider("N", 0, 10, 3, key="n")
        st.session_state.t = "from state"
        st.text_input("T", "default", key="t")
        """
    )
    assert a.widget("N")["value"] == [7]
    assert a.widget("T")["value"] == "from state"
    warnings = [r.message for r in caplog.records if "session_state value wins" in r.message]
    assert warnings == [
        'The widget with key "n" was given a default value and also had its value set through '
        "st.session_state; the session_state value wins."
    ]
