"""bench/write_stream.py's chat app: 500 messages of history, and each message typed into the
chat input adds it and a reply."""

import streamlit as st

history = st.session_state.setdefault(
    "history", [("user" if i % 2 == 0 else "assistant", f"message {i}: " + "words " * 20) for i in range(500)]
)
if prompt := st.chat_input("Say something"):
    history.append(("user", prompt))
    history.append(("assistant", f"reply to {prompt}"))
for role, text in history:
    with st.chat_message(role):
        st.markdown(text)
