from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from slipstream.cli import main
from slipstream.elements import spinner
from tests.conftest import HeadlessApp

REPLAY_APP = """
import streamlit as st

@st.cache_data
def load(n):
    st.session_state["computed"] = st.session_state.get("computed", 0) + 1
    st.markdown(f"loading {n}")
    with st.expander("details"):
        st.markdown("inside")
    return n * 2

st.markdown("before")
st.markdown(str(load(3)))
"""


def test_elements_inside_a_cached_function_are_replayed_on_a_hit(app: Callable[[str], HeadlessApp]) -> None:
    a = app(REPLAY_APP)
    first = a.texts()
    a.run()
    assert a.texts() == first == ["before", "loading 3", "inside", "6"]
    assert a.state["computed"] == 1
    assert [e["type"] for e in a.elements] == ["markdown", "markdown", "expander", "markdown", "markdown"]


def test_a_new_session_replays_too(app: Callable[[str], HeadlessApp]) -> None:
    app(REPLAY_APP)
    b = app(REPLAY_APP)
    assert b.texts() == ["before", "loading 3", "inside", "6"]
    assert "computed" not in b.state


SPINNER_APP = """
import streamlit as st

@st.cache_data(show_spinner="Crunching...")
def crunch():
    return 1

crunch()
"""


def test_a_quick_computation_shows_no_spinner(app: Callable[[str], HeadlessApp]) -> None:
    a = app(SPINNER_APP)  # as in Streamlit, the spinner waits half a second before it shows
    assert not [m for m in a.last_frame if m.get("t") == "el"]
    assert a.elements == []


def test_a_slow_computation_shows_the_spinner_then_takes_no_place(
    app: Callable[[str], HeadlessApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spinner, "DELAY", 0.02)
    a = app(SPINNER_APP.replace("return 1", "import time; time.sleep(0.2); return 1"))
    sent = [m["e"] for m in a.last_frame if m.get("t") == "el"]
    assert sent[0] == {"type": "spinner", "text": "Crunching...", "show_time": False, "cache": True, "width": "content"}
    assert [e["type"] for e in a.elements] == ["empty"]
    a.run()
    assert not [m for m in a.last_frame if m.get("t") == "el" and m["e"]["type"] == "spinner"]


def test_no_spinner_when_disabled_or_on_a_hit(app: Callable[[str], HeadlessApp]) -> None:
    a = app(SPINNER_APP.replace('show_spinner="Crunching..."', "show_spinner=False"))
    assert not [m for m in a.last_frame if m.get("t") == "el" and m["e"]["type"] == "spinner"]


WIDGET_APP = """
import streamlit as st

@st.cache_data
def pick():
    return st.checkbox("inside")

pick()
"""


def test_widgets_inside_give_a_warning_that_is_replayed(app: Callable[[str], HeadlessApp]) -> None:
    a = app(WIDGET_APP)
    warnings = [e for e in a.of_type("alert") if e["kind"] == "warning"]
    assert len(warnings) == 1 and "cached function" in warnings[0]["body"]
    a.run()
    assert [e["type"] for e in a.elements] == ["checkbox", "alert"]


def test_cli_cache_clear_removes_disk_entries(tmp_path: Path, capsys: object) -> None:
    folder = tmp_path / ".slipstream" / "cache"
    folder.mkdir(parents=True)
    (folder / "abc-def.pickle").write_bytes(b"x")
    assert main(["cache", "clear"]) == 0
    assert not list(folder.iterdir())
    assert main(["cache", "bogus"]) == 1
