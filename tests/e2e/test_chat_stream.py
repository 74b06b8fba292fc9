"""A chat in a real browser: a message typed into st.chat_input shows as the user's, the reply
streams in (each piece visible before the generator has finished), a popover opens and stays
open across reruns, and st.help's panel shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import time
from pathlib import Path
import streamlit as st

GO = Path({go!r})
history = st.session_state.setdefault("history", [])
for role, text in history:
    with st.chat_message(role):
        st.markdown(text)

def reply(prompt):
    yield f"You said {{prompt}}. "
    yield "Thinking"
    for _ in range(200):  # hold the rest back until the test has seen the first pieces
        if GO.exists():
            break
        time.sleep(0.05)
    yield " and done."

if prompt := st.chat_input("Say something"):
    history.append(("user", prompt))
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        history.append(("assistant", st.write_stream(reply(prompt))))

with st.sidebar:
    pop = st.popover("Options", key="options", on_change="rerun")
    pop.checkbox("Verbose")
    st.write(f"popover open: {{pop.open}}")
    st.help(len)
"""


def test_a_chat_round_trip_streams_the_reply(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    go = tmp_path / "go"
    with serve(APP.format(go=str(go))) as url:
        page.goto(url)
        box = page.get_by_placeholder("Say something")
        box.fill("hello")
        box.press("Enter")
        user = page.locator('[data-testid="stChatMessage"]').filter(has=page.get_by_test_id("stChatMessageAvatarUser"))
        user.get_by_text("hello", exact=True).wait_for()
        assistant = page.locator('[data-testid="stChatMessage"]').filter(
            has=page.get_by_test_id("stChatMessageAvatarAssistant")
        )
        assistant.get_by_text("You said hello. Thinking").wait_for()  # streamed while the generator waits
        assert not go.exists()
        go.write_text("go")
        assistant.get_by_text("You said hello. Thinking and done.").wait_for()
        # The next run shows the history; the streamed reply is there as it was.
        box.fill("again")
        box.press("Enter")
        page.get_by_text("You said again. Thinking").wait_for()
        assert page.get_by_text("You said hello. Thinking and done.").count() == 1


def test_a_popover_keeps_its_state_and_help_shows(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    (tmp_path / "go").write_text("go")
    with serve(APP.format(go=str(tmp_path / "go"))) as url:
        page.goto(url)
        page.get_by_text("popover open: False").wait_for()
        help_panel = page.get_by_test_id("stHelp")
        assert help_panel.get_by_test_id("stHelpName").inner_text() == "len"
        assert "Return the number of items" in help_panel.get_by_test_id("stHelpDoc").inner_text()
        page.get_by_test_id("stPopoverButton").click()
        page.get_by_text("popover open: True").wait_for()
        body = page.get_by_test_id("stPopoverBody")
        assert body.is_visible()
        body.get_by_text("Verbose").click()  # a widget inside reruns; the popover stays open
        page.wait_for_timeout(300)
        assert body.is_visible()
        assert page.get_by_text("popover open: True").count() == 1
        page.keyboard.press("Escape")
        page.get_by_text("popover open: False").wait_for()
        assert not body.is_visible()
