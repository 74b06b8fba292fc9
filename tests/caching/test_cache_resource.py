from __future__ import annotations

import threading
from typing import Any

import slipstream as st
from tests.caching.conftest import FakeClock
from tests.conftest import HeadlessApp


def test_returns_the_shared_object_even_if_unpicklable() -> None:
    @st.cache_resource
    def connect(url: str) -> Any:
        return {"url": url, "lock": threading.Lock()}

    first = connect("db://a")
    first["used"] = True
    assert connect("db://a") is first
    assert connect("db://b") is not first


def test_validate_recreates_a_broken_resource() -> None:
    made: list[dict[str, bool]] = []

    @st.cache_resource(validate=lambda conn: conn["alive"])
    def connect() -> dict[str, bool]:
        made.append({"alive": True})
        return made[-1]

    connect()["alive"] = False
    assert connect() is made[1]
    assert len(made) == 2


def test_on_release_on_eviction_expiry_and_clear(clock: FakeClock) -> None:
    released: list[str] = []

    @st.cache_resource(max_entries=1, ttl=10, on_release=released.append)
    def resource(name: str) -> str:
        return name

    resource("a")
    resource("b")
    assert released == ["a"]
    clock.advance(11)
    resource("b")
    assert released == ["a", "b"]
    st.cache_resource.clear()
    assert released == ["a", "b", "b"]


def test_clear_one_entry() -> None:
    made: list[int] = []

    @st.cache_resource
    def resource(n: int) -> list[int]:
        made.append(n)
        return [n]

    resource(1)
    resource(2)
    resource.clear(2)
    resource(1)
    resource(2)
    assert made == [1, 2, 2]


SESSION_APP = """
import streamlit as st

@st.cache_resource(scope="session", show_spinner=False)
def mine():
    return object()

st.session_state.setdefault("ids", []).append(id(mine()))
st.markdown(str(len(set(st.session_state.ids))))
"""


def test_session_scope_keeps_one_per_session() -> None:
    one = HeadlessApp(SESSION_APP).run().run()
    two = HeadlessApp(SESSION_APP).run()
    assert one.texts() == ["1"]
    assert set(one.state["ids"]).isdisjoint(two.state["ids"])
