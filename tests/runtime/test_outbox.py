"""What a tab has not read stays bounded: unread runs collapse into one snapshot, and past the
byte limit the connection is given up."""

from __future__ import annotations

from collections.abc import Callable

import orjson

from slipstream.runtime.outbox import Outbox
from slipstream.runtime.wire import decode_frame
from tests.conftest import HeadlessApp
from tests.runtime.browser_model import Browser

App = Callable[[str], HeadlessApp]

WRITES_A_LOT = """
import streamlit as st
st.session_state.setdefault("run", 0)
st.session_state.run += 1
st.title(f"run {st.session_state.run}")
for i in range(300):
    st.write(f"line {i}")
if st.session_state.run % 2:
    st.write("only on odd runs")
"""


def test_runs_a_tab_has_not_read_collapse_into_one_snapshot_of_the_newest() -> None:
    reader = HeadlessApp(WRITES_A_LOT).run()
    a = HeadlessApp(WRITES_A_LOT)
    a.session.run_until_idle()
    first = a.session.outbox.drain()
    assert first is not None
    for _ in range(20):  # twenty runs, none read
        a.session.run_until_idle()
        reader.run()
    unread = len(a.session.outbox)
    assert unread < 2 * len(first)  # one snapshot, not twenty runs
    frame = decode_frame(a.session.outbox.drain() or b"")
    assert [m["t"] for m in frame].count("run_start") == 1
    shown = Browser().apply_all([decode_frame(first), frame]).shown
    expected = {path: held.decoded() for path, held in a.session.view.held.items()}
    assert shown == expected
    assert shown[(0, 0)]["body"] == "run 21"
    # the same as a tab that read every run
    assert Browser().apply_all(reader.frames).shown == {p: h.decoded() for p, h in reader.session.view.held.items()}


def test_a_tab_that_reads_each_run_gets_diffs_not_snapshots(app: App) -> None:
    a = app(WRITES_A_LOT)
    a.run()
    a.run()
    assert len(orjson.dumps(a.last_frame)) < 2000  # keeps and the changed lines only


def test_messages_that_are_not_view_state_survive_a_snapshot() -> None:
    box = Outbox()
    box.put({"t": "run_start", "run": 1})
    box.put({"t": "file_changed"})
    box.put({"t": "run_end", "run": 1, "status": "ok"})
    box.put({"t": "run_start", "run": 2})
    assert box.unsent_runs() == 2
    box.replace_runs([b'{"t":"run_start","run":2}', b'{"t":"run_end","run":2,"status":"ok"}'])
    assert decode_frame(box.drain() or b"") == [
        {"t": "file_changed"},
        {"t": "run_start", "run": 2},
        {"t": "run_end", "run": 2, "status": "ok"},
    ]
    assert box.unsent_runs() == 0


def test_past_its_limit_the_outbox_gives_up_and_holds_nothing_until_a_tab_attaches() -> None:
    gave_up: list[int] = []
    box = Outbox(limit=10_000)
    box.attach(on_ready=lambda: None, on_overflow=lambda: gave_up.append(1))
    for i in range(200):
        box.put({"t": "el", "p": [0, i], "e": {"type": "text", "body": "x" * 100}})
    assert gave_up == [1]
    assert len(box) == 0 and box.drain() is None
    box.put({"t": "run_start", "run": 9})
    box.put_keep((0, 0))
    assert box.drain() is None
    box.attach(on_ready=lambda: None)
    box.put({"t": "run_start", "run": 10})
    assert box.drain() == b'[{"t":"run_start","run":10}]'


def test_a_detached_outbox_discards_and_an_attached_one_starts_empty() -> None:
    box = Outbox()
    box.put({"t": "run_start", "run": 1})
    box.detach()
    box.put({"t": "run_end", "run": 1, "status": "ok"})
    assert box.drain() is None
    woken: list[int] = []
    box.attach(on_ready=lambda: woken.append(1))
    box.put({"t": "run_start", "run": 2})
    assert woken == [1]
    assert box.drain() == b'[{"t":"run_start","run":2}]'
