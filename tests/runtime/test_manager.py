from __future__ import annotations

from slipstream.runtime.app_runtime import AppRuntime
from slipstream.runtime.manager import SessionManager
from slipstream.runtime.script import SourceScript
from slipstream.runtime.session import Session
from slipstream.runtime.wire import decode_frame

APP = """
import streamlit as st
st.session_state.runs = st.session_state.get("runs", 0) + 1
for i in range(20):
    st.markdown(f"line {i}")
st.write(f"runs: {st.session_state.runs}")
"""


def _attach(manager: SessionManager, session_id: str | None = None) -> tuple[Session, bool]:
    session, resumed = manager.attach(session_id)
    session._threaded = False  # runs on this thread
    session.outbox.attach(on_ready=lambda: None)
    if resumed:
        session.resend_all()
    session.run_pending()
    return session, resumed


def _shown(session: Session) -> dict[tuple[int, ...], dict[str, object]]:
    frame = session.outbox.drain()
    assert frame is not None
    return {tuple(m["p"]): m["e"] for m in decode_frame(frame) if m["t"] == "el"}


def test_a_disconnected_session_keeps_its_state_but_not_what_its_tab_showed() -> None:
    manager = AppRuntime(SourceScript(APP)).sessions
    session, _ = _attach(manager)
    assert len(_shown(session)) == 21
    manager.detach(session)
    assert session.view.held == {}
    assert session.state["runs"] == 1

    again, resumed = _attach(manager, session.id)
    assert resumed and again is session
    shown = _shown(again)
    assert len(shown) == 21  # the new tab gets every element, not keep markers
    assert shown[(0, 20)]["body"] == "runs: 2"


def test_a_session_that_disconnects_mid_run_drops_its_view_when_the_run_ends() -> None:
    manager = AppRuntime(SourceScript(APP)).sessions
    session, _ = _attach(manager)
    session._running = True  # as if its script were still running on another thread
    manager.detach(session)
    assert session.view.held  # the running script still uses it
    session._running = False
    session.run_pending()
    assert session.view.held == {}


def test_past_max_disconnected_sessions_the_longest_disconnected_are_freed() -> None:
    manager = AppRuntime(SourceScript(APP), options={"server.maxDisconnectedSessions": 2}).sessions
    first, second, third = (_attach(manager)[0] for _ in range(3))
    for session in (first, second, third):
        manager.detach(session)
    assert first.closed and manager.get(first.id) is None  # left first: freed to keep two
    assert manager.get(second.id) is second and manager.get(third.id) is third

    again, resumed = _attach(manager, second.id)  # resumed: no longer counted as disconnected
    assert resumed and again is second
    fourth = _attach(manager)[0]
    manager.detach(fourth)
    assert manager.get(third.id) is third and manager.get(fourth.id) is fourth
    manager.detach(second)  # now three wait: third left longest ago
    assert third.closed and manager.get(second.id) is second and manager.get(fourth.id) is fourth


def test_reap_frees_the_sessions_past_the_ttl_in_the_order_they_left() -> None:
    manager = AppRuntime(SourceScript(APP), options={"server.disconnectedSessionTTL": 10}).sessions
    early, late, attached = (_attach(manager)[0] for _ in range(3))
    manager.detach(early)
    manager.detach(late)
    assert early.detached_since is not None and late.detached_since is not None
    late.detached_since = early.detached_since + 5
    assert manager.reap(now=early.detached_since + 12) == 1
    assert early.closed and not late.closed and not attached.closed
    assert manager.reap(now=early.detached_since + 16) == 1
    assert late.closed and manager.get(attached.id) is attached and len(manager) == 1
