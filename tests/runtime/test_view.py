"""What is resent after a rerun, and what is not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from slipstream.runtime.outbox import Outbox
from slipstream.runtime.view import ClientView
from slipstream.runtime.wire import decode_frame
from tests.conftest import HeadlessApp
from tests.runtime.browser_model import every_run_slow

App = Callable[[str], HeadlessApp]

COUNTER = """
import streamlit as st
if "n" not in st.session_state:
    st.session_state.n = 0
st.title("Bench")
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count: {st.session_state.n}")
for i in range(50):
    st.markdown(f"line {i} with **bold** and `code`")
"""


def test_unchanged_elements_are_not_resent(app: App) -> None:
    a = app(COUNTER)
    first = a.last_frame
    assert sum(m["t"] == "el" for m in first) == 53
    a.click("Increment")
    # a quick run: the changed text as a patch, and no keeps (the run's end says what went)
    assert a.last_frame == [
        {"t": "run_start", "run": 2},
        {"t": "patch", "p": [0, 2], "e": {"body": "count: 1"}},
        {"t": "run_end", "run": 2, "status": "ok", "drop": []},
    ]


def test_a_slow_run_sends_its_keeps_so_the_tab_fades_only_what_is_not_confirmed(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    every_run_slow(monkeypatch)
    a = app(COUNTER)
    a.click("Increment")
    keeps = [m for m in a.last_frame if m["t"] == "keep"]
    assert keeps == [{"t": "keep", "p": [0, 0], "n": 2}, {"t": "keep", "p": [0, 3], "n": 50}]


def test_a_rerun_of_the_counter_costs_about_fifty_bytes(app: App) -> None:
    a = app(COUNTER)
    button = a.widget("Increment")["id"]
    a.session.run_until_idle({button: True})
    assert a.session.outbox.drain() == b'[["s",2],["p",[0,2],{"body":"count: 1"}],["e",2]]'


def test_a_run_held_back_keeps_sends_them_once_released_and_drops_them_at_its_end() -> None:
    box = Outbox()
    box.put_run_start(1)
    box.put_keep((0, 0))
    assert box.drain() == b'[["s",1]]'
    box.release_keeps(1)
    box.put_keep((0, 1))
    assert decode_frame(box.drain() or b"") == [{"t": "keep", "p": [0, 0], "n": 1}, {"t": "keep", "p": [0, 1], "n": 1}]
    box.put_run_start(2)
    box.put_keep((0, 0))
    box.release_keeps(1)  # an old run's timer: too late
    box.put_run_end(2, "ok", [(0, 1)])
    assert box.drain() == b'[["s",2],["e",2,"ok",[[0,1]]]]'


def test_a_view_reset_during_a_run_has_the_tab_remove_all_the_run_did_not_send(app: App) -> None:
    a = app(COUNTER)
    a.session.resend_all()  # as a reloaded tab that resumes its session
    a.click("Increment")
    assert a.last_frame[-1] == {"t": "run_end", "run": 2, "status": "ok", "whole": True}
    assert sum(m["t"] == "el" for m in a.last_frame) == 53


def test_elements_not_produced_again_are_removed_when_the_run_completes(app: App) -> None:
    a = app(
        """
        import streamlit as st
        many = st.checkbox("Many", value=True)
        for i in range(5 if many else 2):
            st.write(f"line {i}")
        """
    )
    assert len(a.texts()) == 5
    a.set("Many", False)
    assert a.texts() == ["line 0", "line 1"]
    gone = [[0, 3], [0, 4], [0, 5]]  # the checkbox is at [0, 0]
    assert a.last_frame[-1] == {"t": "run_end", "run": 2, "status": "ok", "drop": gone}


def test_replacing_a_placeholder_within_a_run_drops_its_children(app: App) -> None:
    a = app(
        """
        import streamlit as st
        slot = st.empty()
        with slot.container():
            st.write("a")
            st.write("b")
        with slot.container():
            st.write("c")
        """
    )
    assert a.texts() == ["c"]
    a.run()
    assert a.texts() == ["c"]


def test_a_placeholder_written_several_times_keeps_the_last_element(app: App) -> None:
    a = app(
        """
        import streamlit as st
        slot = st.empty()
        st.write("below")
        for i in range(3):
            slot.text(f"step {i}")
        """
    )
    assert [e["type"] for e in a.elements] == ["text", "markdown"]
    assert a.texts("text") == ["step 2"]


def test_an_element_changing_type_at_a_path_drops_the_old_children(app: App) -> None:
    a = app(
        """
        import streamlit as st
        if st.checkbox("Flat"):
            st.write("flat")
        else:
            with st.container():
                st.write("nested 1")
                st.write("nested 2")
        """
    )
    assert a.texts() == ["nested 1", "nested 2"]
    a.set("Flat", True)
    assert a.texts() == ["flat"]
    paths = list(a.session.view.elements())
    assert all(len(p) == 2 for p in paths)


def test_keeps_written_round_robin_into_columns_make_one_message_per_column() -> None:
    box = Outbox()
    for i in range(200):
        box.put_keep((0, 3, i % 4, i // 4))
    box.put({"t": "run_end"})
    frame = decode_frame(box.drain() or b"")
    assert frame == [{"t": "keep", "p": [0, 3, c, 0], "n": 50} for c in range(4)] + [{"t": "run_end"}]


def test_consecutive_keeps_in_one_container_collapse_into_one_message() -> None:
    box = Outbox()
    for i in range(5):
        box.put_keep((0, i))
    box.put_keep((0, 7))
    box.put_keep((1, 0))
    assert box.drain() == b'[["k",[0,0],5],["k",[0,7],1],["k",[1,0],1]]'
    assert box.drain() is None


def test_the_outbox_signals_once_when_it_stops_being_empty() -> None:
    calls: list[int] = []
    box = Outbox(lambda: calls.append(1))
    box.put({"t": "run_start", "run": 1})
    box.put_keep((0, 0))
    box.put_keep((0, 1))
    assert calls == [1]
    box.drain()
    box.put_keep((0, 0))
    assert calls == [1, 1]


def test_an_interrupted_run_leaves_unconfirmed_elements_for_the_next_run(app: App) -> None:
    a = app(
        """
        import streamlit as st
        for i in range(3):
            st.write(f"line {i}")
        """
    )
    view = a.session.view
    view.start_run(99)
    view.put((0, 0), {"type": "markdown", "body": "new", "allow_html": False, "help": None, "width": "stretch"})
    # no finish_run: the browser keeps the other lines until a run completes
    assert [e["body"] for e in view.elements().values()] == ["new", "line 1", "line 2"]


SCOPED = """
import streamlit as st
second = st.session_state.get("second", False)
st.write("above")

@st.fragment
def part():
    if not st.session_state.get("second", False):
        st.checkbox("inner", key="inner")
        st.write("inner text")

part()
if not second:
    st.checkbox("outer", key="outer")
"""


def test_a_run_with_a_scope_removes_only_what_it_did_not_draw_within_it(app: App) -> None:
    a = app(SCOPED)
    assert {meta.user_key for meta in a.session.state.widgets.values()} == {"inner", "outer"}
    a.session.state["second"] = True
    inner = next(m.id for m in a.session.state.widgets.values() if m.user_key == "inner")
    a.session.request_rerun({inner: True})  # a run of the fragment alone
    a.session.run_wanted()
    frame = decode_frame(a.session.outbox.drain() or b"[]")
    assert frame[0] == {"t": "run_start", "run": 2, "scopes": [[0, 1]]}
    shown = {path: e["type"] for path, e in a.session.view.elements().items()}
    assert shown == {(0, 0): "markdown", (0, 1): "container", (0, 2): "checkbox"}  # outside the scope: kept
    widgets = {meta.user_key for meta in a.session.state.widgets.values()}
    assert widgets == {"outer"}  # the inner checkbox is gone with its container's contents


def test_a_patch_carries_a_field_that_only_json_tells_apart() -> None:
    view = ClientView(Outbox())
    view.start_run(1)
    view.put((0, 0), {"type": "metric", "value": 1, "items": [1, 2], "label": "x"})
    view.outbox.drain()
    view.start_run(2)
    view.put((0, 0), {"type": "metric", "value": True, "items": [1.0, 2], "label": "x"})
    assert decode_frame(view.outbox.drain() or b"") == [
        {"t": "patch", "p": [0, 0], "e": {"value": True, "items": [1.0, 2]}}
    ]
