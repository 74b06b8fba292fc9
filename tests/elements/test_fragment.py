"""st.fragment and st.rerun's scopes, run through the real runtime with no browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from slipstream.runtime.script import SourceScript
from slipstream.runtime.session import Session
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]

COUNTERS = """
import streamlit as st

st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("fragment_runs", 0)
st.session_state.app_runs += 1

@st.fragment
def part(label):
    st.session_state.fragment_runs += 1
    st.button(label)
    st.write(f"fragment {st.session_state.fragment_runs}")

part("In fragment")
st.button("Outside")
st.write(f"app {st.session_state.app_runs}")
"""


def test_a_widget_in_a_fragment_reruns_the_fragment_alone(app: App) -> None:
    a = app(COUNTERS)
    a.press("In fragment")
    assert a.state["app_runs"] == 1  # the rest of the script did not run
    assert a.state["fragment_runs"] == 2
    assert a.texts() == ["fragment 2", "app 1"]  # the rest of the page stays as it was
    frame = a.last_frame
    assert frame[0] == {"t": "run_start", "run": 2, "scopes": [[0, 0]]}
    sent = [m for m in frame if m["t"] in ("el", "patch")]
    assert [m["p"] for m in sent] == [[0, 0, 1]]  # only what changed in the fragment
    a.press("Outside")
    assert (a.state["app_runs"], a.state["fragment_runs"]) == (2, 3)  # a full run draws the fragment again


def test_the_fragment_keeps_the_arguments_of_its_call(app: App) -> None:
    a = app(COUNTERS)
    a.press("In fragment")
    a.press("In fragment")
    assert a.widget("In fragment")["label"] == "In fragment"
    assert a.state["fragment_runs"] == 3


def test_apptest_runs_the_whole_script_as_streamlit_does(app: App) -> None:
    from slipstream.testing import AppTest

    at = AppTest.from_string(COUNTERS).run()
    at.button[0].click().run()
    assert (at.session_state["app_runs"], at.session_state["fragment_runs"]) == (2, 2)


def test_a_fragment_in_columns_and_the_sidebar_redraws_in_place(app: App) -> None:
    a = app(
        """
        import streamlit as st
        left, right = st.columns(2)
        st.session_state.setdefault("n", 0)

        @st.fragment
        def counter():
            if st.button("More"):
                st.session_state.n += 1
            st.write(f"n = {st.session_state.n}")

        with right:
            counter()
        with st.sidebar:
            st.write("side")
        left.write("left")
        """
    )
    a.press("More")
    paths = {tuple(p): e.get("body") for p, e in a.session.view.elements().items() if e["type"] == "markdown"}
    assert paths[(0, 0, 1, 0, 1)] == "n = 1"
    assert paths[(0, 0, 0, 0)] == "left"
    assert paths[(1, 0)] == "side"


WRITES_OUTSIDE = """
import streamlit as st
st.sidebar.write("sidebar top")
st.session_state.setdefault("n", 0)

@st.fragment
def part():
    st.session_state.n += 1
    st.button("Again")
    st.sidebar.write(f"from the fragment {st.session_state.n}")
    if st.session_state.n == 1:
        st.sidebar.write("only the first time")

part()
st.sidebar.write("sidebar bottom")
"""


def test_writes_to_an_outside_container_are_redrawn_in_their_place(app: App) -> None:
    a = app(WRITES_OUTSIDE)
    assert a.texts() == ["sidebar top", "from the fragment 1", "only the first time", "sidebar bottom"]
    a.press("Again")
    assert a.texts() == ["sidebar top", "from the fragment 2", "sidebar bottom"]
    assert a.last_frame[0]["scopes"] == [[0, 0], [1, 1]]


def test_rerun_with_the_fragment_scope_reruns_the_running_fragment(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state.setdefault("app_runs", 0)
        st.session_state.app_runs += 1
        st.session_state.setdefault("n", 0)

        @st.fragment
        def part():
            st.session_state.n += 1
            if st.button("Go") and st.session_state.n < 5:
                st.rerun(scope="fragment")
            st.write(f"n = {st.session_state.n}")

        part()
        """
    )
    a.press("Go")
    assert a.state["n"] == 3  # the click's run, then one more from st.rerun(scope="fragment")
    assert a.state["app_runs"] == 1
    assert a.texts() == ["n = 3"]


def test_rerun_of_the_app_from_a_fragment_runs_everything(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state.setdefault("app_runs", 0)
        st.session_state.app_runs += 1

        @st.fragment
        def part():
            if st.button("Go"):
                st.rerun()

        part()
        """
    )
    a.press("Go")
    assert a.state["app_runs"] == 2


KEYED = """
import streamlit as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
st.session_state.setdefault("chart_runs", 0)

@st.fragment(key="charts")
def charts():
    st.session_state.chart_runs += 1
    st.write(f"filter: {st.session_state.get('filter', 'all')}")

charts()
st.selectbox("Filter", ["all", "recent"], key="filter", on_change=lambda: st.rerun("charts"))
"""


def test_a_callback_reruns_a_fragment_by_its_key(app: App) -> None:
    a = app(KEYED)
    a.send({a.widget("Filter")["id"]: 1})
    assert a.state["app_runs"] == 1
    assert a.state["chart_runs"] == 2
    assert "filter: recent" in a.texts()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('st.rerun(scope="fragment")', "only inside a function decorated with @st.fragment"),
        ('st.fragment(lambda: st.rerun(scope="fragment"))()', "during a rerun of that fragment"),
        ('st.fragment(key="k")(lambda: None)()\nst.rerun("k")', "only from a widget callback"),
        ('st.fragment(key="app")(lambda: None)', "'app' cannot be a fragment key"),
        ("st.rerun([])", "empty list"),
        ('st.rerun(["k", "app"])', "cannot be in a list of fragment keys"),
        ("st.rerun(1.5)", "scope is a float"),
        ('st.fragment(run_every="soon")(lambda: None)', "run_every='soon' is not a duration"),
    ],
)
def test_misuse_gets_a_clear_error(app: App, source: str, message: str) -> None:
    a = app(f"import streamlit as st\n{source}\n")
    assert message in a.error()


def test_an_unknown_key_from_a_callback_names_the_known_ones(app: App) -> None:
    a = app(KEYED.replace('st.rerun("charts")', 'st.rerun("chart")'))
    a.send({a.widget("Filter")["id"]: 1})
    assert "no fragment has the key 'chart'" in a.error()
    assert "'charts'" in a.error()


def test_two_functions_with_one_key_are_refused(app: App) -> None:
    a = app(
        """
        import streamlit as st
        def one(): pass
        def two(): pass
        st.fragment(key="k")(one)()
        st.fragment(key="k")(two)()
        """
    )
    assert "key='k'" in a.error()


def test_an_error_in_a_fragment_shows_in_its_container(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.write("before")

        @st.fragment
        def part():
            st.write("inside")
            if st.button("Break"):
                raise ValueError("broken")

        part()
        st.write("after")
        """
    )
    a.press("Break")
    errors = {p: e for p, e in a.session.view.elements().items() if e["type"] == "exception"}
    assert list(errors) == [(0, 1, 2)]  # inside the fragment's container
    assert a.status == "error"
    assert a.texts() == ["before", "inside", "after"]


def test_outside_a_run_a_fragment_draws_nothing() -> None:
    import slipstream as st

    calls: list[int] = []
    st.fragment(lambda: calls.append(1))()
    assert calls == []


def test_parallel_fragments_overlap_with_the_script() -> None:
    session = Session(
        SourceScript(
            """
import threading, time
import streamlit as st

@st.fragment(parallel=True)
def slow(name):
    time.sleep(0.3)
    st.write(f"{name} done")

slow("one")
slow("two")
time.sleep(0.3)
st.write("script done")
""",
            "app.py",
        ),
        threaded=False,
    )
    started = time.perf_counter()
    assert session.run_until_idle() == "ok"
    elapsed = time.perf_counter() - started
    assert elapsed < 0.75, f"three 0.3 s waits took {elapsed:.2f} s: they did not overlap"
    bodies = {p: e.get("body") for p, e in session.view.elements().items()}
    assert bodies[(0, 0, 0)] == "one done"
    assert bodies[(0, 1, 0)] == "two done"
    assert bodies[(0, 2)] == "script done"


def test_a_parallel_fragment_may_not_write_outside_its_container(app: App) -> None:
    a = app(
        """
        import streamlit as st
        @st.fragment(parallel=True)
        def part():
            st.sidebar.write("no")
        part()
        """
    )
    assert "parallel=True cannot write to containers created outside it" in a.error()
    assert a.status == "error"


def test_run_every_ticks_while_the_fragment_is_drawn_then_stops() -> None:
    session = Session(
        SourceScript(
            """
import streamlit as st
st.session_state.setdefault("ticks", 0)
if st.session_state.get("ticking", True):
    @st.fragment(run_every=0.05)
    def clock():
        st.session_state.ticks += 1
    clock()
""",
            "app.py",
        ),
        threaded=True,
    )
    ran = threading.Event()
    session.on_run_end = lambda s, status: ran.set()
    session.request_rerun()
    deadline = time.monotonic() + 5
    while session.state.get("ticks", 0) < 4 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert session.state["ticks"] >= 4
    session.state["ticking"] = False
    session.request_rerun()
    time.sleep(0.3)
    ticks = session.state["ticks"]
    time.sleep(0.3)
    assert session.state["ticks"] == ticks  # no longer drawn: the timer ended
    assert not session.fragments.ticking
    session.close()


def test_parallel_max_workers_bounds_the_fragments_running_at_once() -> None:
    from slipstream.runtime.app_runtime import default_app

    app = default_app()
    before = app.options.get("runner.parallelMaxWorkers")
    app.options["runner.parallelMaxWorkers"] = 1
    try:
        session = Session(
            SourceScript(
                """
import time
import streamlit as st

@st.fragment(parallel=True)
def slow(name):
    time.sleep(0.2)
    st.write(f"{name} done")

slow("one")
slow("two")
""",
                "app.py",
            ),
            threaded=False,
        )
        started = time.perf_counter()
        assert session.run_until_idle() == "ok"
        assert time.perf_counter() - started >= 0.39  # one after the other
    finally:
        app.options["runner.parallelMaxWorkers"] = before
