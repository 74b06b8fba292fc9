from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_chat_input_is_pinned_at_the_bottom_and_returns_a_message_once(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        if prompt := st.chat_input("Ask"):
            st.session_state.log.append(prompt)
        for line in st.session_state.log:
            st.write(line)
        with st.sidebar:
            st.chat_input("Side")
        """
    )
    paths = {e["placeholder"]: p for p, e in a.session.view.elements().items() if e["type"] == "chat_input"}
    assert paths == {"Ask": (2, 0), "Side": (1, 0)}
    chat = next(e for e in a.of_type("chat_input") if e["placeholder"] == "Ask")
    a.run({chat["id"]: "hello"})
    assert a.texts() == ["hello"]
    a.run()  # the message is seen in one run only
    assert a.texts() == ["hello"]
    a.run({chat["id"]: ""})  # empty messages are rejected
    assert a.texts() == ["hello"]
    a.run({chat["id"]: "again"})
    assert a.texts() == ["hello", "again"]


def test_chat_input_callback_and_errors(app: App) -> None:
    a = app(
        """
        import streamlit as st
        def got():
            st.session_state.seen = st.session_state.chat
        st.chat_input("Ask", key="chat", on_submit=got, max_chars=5)
        st.write(st.session_state.get("seen", "none"))
        """
    )
    chat = a.of_type("chat_input")[0]
    a.run({chat["id"]: "toolongmessage"})
    assert a.texts() == ["none"]
    a.run({chat["id"]: "hi"})
    assert a.texts() == ["hi"]
    a = app("import streamlit as st\nst.chat_input(accept_file=True)\n")
    assert "not available in Slipstream yet" in a.of_type("exception")[0]["message"]
