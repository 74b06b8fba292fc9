from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from slipstream.runtime.script import SourceScript
from slipstream.runtime.session import Session
from slipstream.runtime.workers import KEEP_IDLE
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_script_runs_top_to_bottom_as_main(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.write("first")
        st.write(__name__)
        """
    )
    assert a.texts() == ["first", "__main__"]
    assert a.status == "ok"


def test_button_increments_a_counter_kept_in_session_state(app: App) -> None:
    a = app(
        """
        import streamlit as st
        if "n" not in st.session_state:
            st.session_state.n = 0
        if st.button("Increment"):
            st.session_state.n += 1
        st.write(f"count: {st.session_state.n}")
        """
    )
    assert a.texts() == ["count: 0"]
    a.click("Increment")
    assert a.texts() == ["count: 1"]
    a.click("Increment").click("Increment")
    assert a.texts() == ["count: 3"]
    a.run()  # a rerun without a click: the button is False again
    assert a.texts() == ["count: 3"]


def test_exception_shows_where_it_happened_and_keeps_earlier_output(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.write("before")
        def f():
            raise ValueError("boom")
        f()
        st.write("after")
        """
    )
    assert a.status == "error"
    assert a.texts() == ["before"]
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "ValueError"
    assert exc["message"] == "boom"
    assert any("app.py" in line and "f()" in line for line in exc["traceback"])
    assert not any("slipstream" in line for line in exc["traceback"])
    a.run()  # the session keeps working
    assert a.status == "error"


def test_syntax_error_shows_with_its_line(app: App) -> None:
    a = app("import streamlit as st\nst.write('x')\nx = = 1\n")
    (exc,) = a.of_type("exception")
    assert exc["exc_type"] == "SyntaxError"
    assert "line 3" in exc["message"]
    assert any("x = = 1" in line for line in exc["traceback"])


def test_stop_ends_the_run_quietly(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.write("shown")
        st.stop()
        st.write("never")
        """
    )
    assert a.status == "stopped"
    assert a.texts() == ["shown"]


def test_rerun_runs_again_from_the_top(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs < 3:
            st.rerun()
        st.write(f"runs: {st.session_state.runs}")
        """
    )
    assert a.texts() == ["runs: 3"]
    assert a.status == "ok"


def test_exception_catching_scripts_cannot_swallow_stop(app: App) -> None:
    a = app(
        """
        import streamlit as st
        try:
            st.stop()
        except Exception:
            st.write("swallowed")
        st.write("after")
        """
    )
    assert a.status == "stopped"
    assert a.texts() == []


def test_magic_writes_bare_expressions_but_not_calls_or_docstrings(app: App) -> None:
    a = app(
        '''
        """Module docstring."""
        import streamlit as st
        x = 41
        x + 1
        "a floating string"
        st.write("called")
        def f():
            """Function docstring."""
            "inside f"
        f()
        class C:
            "class body string"
        if True:
            [1, 2]
        '''
    )
    assert a.texts() == ["`42`", "a floating string", "called", "inside f"]
    assert [e["body"] for e in a.of_type("json")] == ["[1, 2]"]


def _threaded_session(source: str) -> Session:
    return Session(SourceScript(source, "app.py"), threaded=True)


def _wait(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_a_rerun_request_interrupts_the_running_script_at_its_next_st_call() -> None:
    source = (
        "import time, streamlit as st\n"
        "st.session_state.setdefault('starts', 0)\n"
        "st.session_state.starts += 1\n"
        "for i in range(200):\n"
        "    st.write(f'step {i}')\n"
        "    time.sleep(0.01)\n"
    )
    session = _threaded_session(source)
    statuses: list[str] = []
    session.on_run_end = lambda s, status: statuses.append(status)
    session.request_rerun()
    _wait(lambda: session.run_count == 1 and session.running)
    time.sleep(0.05)
    started = time.monotonic()
    session.request_rerun()
    _wait(lambda: len(statuses) >= 1)
    assert statuses[0] == "interrupted"
    assert time.monotonic() - started < 0.5  # interrupted promptly, not after 2 s
    session.request_stop()
    _wait(lambda: len(statuses) >= 2)
    assert statuses[1] == "stopped"
    assert session.state["starts"] == 2
    session.close()


def test_runs_of_one_session_never_overlap() -> None:
    source = "import streamlit as st\nst.session_state.setdefault('n', 0)\nst.session_state.n += 1\n"
    session = _threaded_session(source)
    done = threading.Event()
    session.on_run_end = lambda s, status: done.set() if status == "ok" else None
    for _ in range(20):
        session.request_rerun()
    _wait(lambda: done.is_set() and not session.running)
    assert 1 <= session.state["n"] <= 20
    session.close()


def test_a_click_during_a_run_is_not_lost_when_it_interrupts() -> None:
    source = (
        "import time, streamlit as st\n"
        "st.session_state.setdefault('n', 0)\n"
        "time.sleep(0.2)\n"
        "st.title('slow')\n"
        "if st.button('Increment'):\n"
        "    st.session_state.n += 1\n"
        'st.write(f"count: {st.session_state.n}")\n'
    )
    session = _threaded_session(source)
    ends: list[str] = []
    session.on_run_end = lambda s, status: ends.append(status)
    session.request_rerun()
    _wait(lambda: ends == ["ok"])
    button = next(e for e in session.view.elements().values() if e["type"] == "button")
    session.request_rerun({button["id"]: True})
    time.sleep(0.05)
    session.request_rerun()  # interrupts the run before it reached the button
    _wait(lambda: len(ends) == 3)
    assert ends[1:] == ["interrupted", "ok"]
    assert session.state["n"] == 1
    session.close()


PURE_LOOP = "import streamlit as st\nst.write('looping')\nx = 0\nwhile True:\n    x += 1\n"


@pytest.mark.parametrize("ask", ["stop", "rerun", "close"])
def test_a_pure_python_loop_is_ended_from_outside_within_a_second(ask: str) -> None:
    session = _threaded_session(PURE_LOOP)
    statuses: list[str] = []
    session.on_run_end = lambda s, status: statuses.append(status)
    session.request_rerun()
    _wait(lambda: session.running)
    time.sleep(0.1)
    asked = time.monotonic()
    if ask == "stop":
        session.request_stop()
    elif ask == "rerun":
        session.request_rerun()
    else:
        session.close()
    _wait(lambda: len(statuses) >= 1)
    assert time.monotonic() - asked < 1.0
    assert statuses[0] == {"stop": "stopped", "rerun": "interrupted", "close": "stopped"}[ask]
    session.close()
    _wait(lambda: not session.running)
    # the CPU it used is freed: this process is idle again
    time.sleep(0.1)
    before = time.process_time()
    time.sleep(0.3)
    assert time.process_time() - before < 0.1


def test_a_loop_that_catches_the_stop_is_stopped_again() -> None:
    source = (
        "import streamlit as st\n"
        "st.session_state.caught = 0\n"
        "while True:\n"
        "    try:\n"
        "        while True:\n"
        "            pass\n"
        "    except BaseException:\n"
        "        st.session_state.caught += 1\n"
        "        if st.session_state.caught == 2:\n"
        "            break\n"
        "st.write('after')\n"
        "while True:\n"
        "    pass\n"
    )
    session = _threaded_session(source)
    statuses: list[str] = []
    session.on_run_end = lambda s, status: statuses.append(status)
    session.request_rerun()
    _wait(lambda: session.running)
    session.request_stop()
    _wait(lambda: len(statuses) >= 1, timeout=3)
    assert statuses == ["stopped"]
    assert session.state["caught"] == 2
    session.close()


def test_idle_sessions_hold_no_thread() -> None:
    baseline = threading.active_count()
    sessions = []
    for _ in range(500):
        session = _threaded_session("import streamlit as st\nst.write('hi')\n")
        session.request_rerun()
        sessions.append(session)
    _wait(lambda: all(s.run_count == 1 and not s.running for s in sessions))
    # What is left are the workers kept for the next runs (and the background thread), not one per session.
    _wait(lambda: threading.active_count() <= baseline + KEEP_IDLE + 1)
    sessions[0].request_rerun()  # and a later rerun still runs
    _wait(lambda: sessions[0].run_count == 2 and not sessions[0].running)
    for session in sessions:
        session.close()
