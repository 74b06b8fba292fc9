"""AppTest itself: making one, running it, timeouts, state, and finding elements."""

from __future__ import annotations

import time

import pytest

from slipstream.testing import AppTest, AppTestTimeoutError


def test_from_file_resolves_beside_the_calling_test() -> None:
    at = AppTest.from_file("apps/hello.py").run()
    assert at.markdown[0].value == "hello from a file"
    assert at.session_state.visits == 1
    with pytest.raises(FileNotFoundError):
        AppTest.from_file("apps/missing.py")


def test_switch_page_runs_another_file_with_the_same_session() -> None:
    at = AppTest.from_file("apps/hello.py").run()
    at.switch_page("pages/second.py").run()
    assert at.markdown[0].value == "second page, visits=1"
    with pytest.raises(ValueError, match="Could not find page"):
        at.switch_page("pages/nope.py")
    with pytest.raises(ValueError, match="from_file"):
        AppTest.from_string("").switch_page("pages/second.py")


def test_from_function_with_arguments() -> None:
    def app(greeting: str, *, times: int = 1) -> None:
        import streamlit as st

        for _ in range(times):
            st.write(greeting)

    at = AppTest.from_function(app, args=("hi",), kwargs={"times": 2}).run()
    assert at.markdown.values == ["hi", "hi"]


def test_a_slow_script_times_out_clearly() -> None:
    at = AppTest.from_string(
        """
        import time
        import streamlit as st
        for _ in range(200):
            time.sleep(0.01)
            st.empty()
        """,
        default_timeout=0.05,
    )
    with pytest.raises(AppTestTimeoutError, match=r"timeout of 0.05 s"):
        at.run()
    quick = AppTest.from_string("import streamlit as st\nst.write('ok')", default_timeout=0.001)
    assert quick.run(timeout=5).markdown[0].value == "ok"


def test_a_timeout_ends_a_pure_python_loop_and_the_app_test_can_run_again() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs == 1:
            x = 0
            while True:
                x += 1
        st.write("done")
        """
    )
    started = time.monotonic()
    with pytest.raises(AppTestTimeoutError):
        at.run(timeout=0.3)
    assert time.monotonic() - started < 1.3
    assert at.run().markdown[0].value == "done"


def test_reruns_run_until_the_app_is_idle() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        if st.session_state.n < 3:
            st.session_state.n += 1
            st.rerun()
        st.write(st.session_state.n)
        """
    ).run()
    assert at.markdown[0].value == "`3`"


def test_query_params_and_secrets_are_settable_dicts() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('x')")
    at.query_params["page"] = "2"
    at.secrets["token"] = "s3cret"
    at.run()
    assert at._session.location.query == "page=2"
    assert at.secrets == {"token": "s3cret"}


def test_get_and_get_by_key() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.button("A", key="a")
        st.sidebar.checkbox("B", key="b")
        with st.container(key="c"):
            st.button("C", key="c2")
        """
    ).run()
    assert [n.label for n in at.get("button")] == ["A", "C"]
    assert at.get_by_key("b").label == "B"
    assert at.get_by_key("c").type == "flex_container"
    assert at.main.get_by_key("c2").label == "C"
    with pytest.raises(KeyError):
        at.get_by_key("zzz")
    with pytest.raises(IndexError, match="shows 0 of these"):
        at.selectbox[0]
    with pytest.raises(AttributeError):
        at.not_an_element  # noqa: B018


def test_repr_shows_the_tree() -> None:
    at = AppTest.from_string("import streamlit as st\nst.title('T')\nst.sidebar.text_input('Name')").run()
    text = repr(at)
    assert "Title(value='T')" in text and "TextInput(label='Name')" in text
    assert "Sidebar(children=" in text


def test_acting_on_a_widget_the_run_did_not_create_fails_clearly() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        if not st.session_state.get("hide"):
            st.button("Once")
        """
    ).run()
    button = at.button[0]
    at.session_state["hide"] = True
    at.run()
    with pytest.raises(ValueError, match="not in the app's last run"):
        button.click()


def test_streamlit_alias_gives_apptest() -> None:
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    assert StreamlitAppTest is AppTest
