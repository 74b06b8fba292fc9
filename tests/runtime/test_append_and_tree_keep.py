"""Streamed text travels as appends, and an unchanged container is confirmed whole by one tree
keep; what a browser applying the frames shows stays what the view holds."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from slipstream.runtime.outbox import Outbox
from slipstream.runtime.wire import decode_frame
from tests.conftest import HeadlessApp
from tests.runtime.browser_model import Browser, every_run_slow

Path = tuple[int, ...]


def _drained(app: HeadlessApp) -> list[dict[str, Any]]:
    return decode_frame(app.session.outbox.drain() or b"[]")  # type: ignore[no-any-return]


CHAT = """
import streamlit as st
st.session_state.setdefault("history", [("user", f"message {i}") for i in range({n})])
if st.session_state.get("add"):
    st.session_state.history.append(("assistant", "a new answer"))
    st.session_state.add = False
for role, text in st.session_state.history:
    with st.chat_message(role):
        st.markdown(text)
"""


def _rerun_bytes(history: int) -> int:
    a = HeadlessApp(CHAT.replace("{n}", str(history)))
    a.session.run_until_idle()
    a.session.outbox.drain()
    a.session.state["add"] = True
    a.session.run_until_idle()
    return len(a.session.outbox.drain() or b"")


def test_a_new_chat_message_costs_the_same_whatever_the_history() -> None:
    small, large = _rerun_bytes(5), _rerun_bytes(500)
    assert large < 600  # the new message and its text, plus a keep or two
    assert large - small < 40


def test_a_tree_keep_stands_for_a_whole_unchanged_subtree_only(monkeypatch: pytest.MonkeyPatch) -> None:
    every_run_slow(monkeypatch)
    app = HeadlessApp(
        """
        import streamlit as st
        st.session_state.setdefault("run", 0)
        st.session_state.run += 1
        for i in range(3):
            with st.chat_message("user"):
                st.write(f"m{i}")
                if i == 1 and st.session_state.run == 1:
                    st.write("only in the first run")
        """
    )
    browser = Browser()
    for _ in range(3):
        app.session.run_until_idle()
        frame = _drained(app)
        browser.apply(frame)
        assert browser.shown == app.session.view.elements()
    assert {"t": "keep", "p": [0, 0], "n": 3, "tree": True} in frame  # the third run: all unchanged
    assert {"t": "keep", "p": [0, 0], "n": 1, "tree": True} not in frame


@pytest.mark.parametrize("slow", [False, True])
def test_appends_keep_the_browser_equal_to_the_view_across_reruns(slow: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if slow:
        every_run_slow(monkeypatch)
    app = HeadlessApp(
        """
        import streamlit as st
        st.session_state.setdefault("run", 0)
        st.session_state.run += 1
        with st.chat_message("assistant"):
            st.write_stream(f"w{i} " for i in range(20 + st.session_state.run))
        st.write("end")
        """
    )
    browser = Browser()
    for _ in range(3):
        app.session.run_until_idle()
        browser.apply(_drained(app))
        assert browser.shown == app.session.view.elements()


def test_consecutive_appends_to_one_path_merge_and_order_is_kept() -> None:
    box = Outbox()
    box.put_append((0, 1), "a")
    box.put_append((0, 1), "b")
    box.put_keep((0, 2))
    box.put_append((0, 1), "c")
    box.put_append((0, 3), "d")
    box.put_run_end(1, "ok", [])
    assert decode_frame(box.drain() or b"") == [
        {"t": "append", "p": [0, 1], "s": "ab"},
        {"t": "keep", "p": [0, 2], "n": 1},
        {"t": "append", "p": [0, 1], "s": "c"},
        {"t": "append", "p": [0, 3], "s": "d"},
        {"t": "run_end", "run": 1, "status": "ok", "drop": []},
    ]


def test_a_container_is_kept_whole_only_when_all_it_holds_was_kept_in_the_same_frame() -> None:
    box = Outbox()
    box.put_keep((0, 0), descendants=2)
    box.put_keep((0, 0, 0))
    box.put_keep((0, 0, 1))
    box.put_keep((0, 1), descendants=2)
    box.put_keep((0, 1, 0))  # (0, 1, 1) was not kept: the container is kept on its own
    assert decode_frame(box.drain() or b"") == [
        {"t": "keep", "p": [0, 0], "n": 1, "tree": True},
        {"t": "keep", "p": [0, 1], "n": 1},
        {"t": "keep", "p": [0, 1, 0], "n": 1},
    ]


def test_the_view_materialises_appended_text_once_for_a_reader() -> None:
    app = HeadlessApp(
        """
        import streamlit as st
        st.write_stream(["a", "b", "c"])
        """
    )
    app.session.run_until_idle()
    held = app.session.view.held[(0, 0)]
    assert held.decoded()["body"] == "abc"
    assert orjson.loads(held.data)["body"] == "abc"
    assert held.appended is None
