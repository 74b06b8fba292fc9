"""Ten v1 components (bench/apps/tiny_component) and a button that reruns the app."""

import os

import streamlit as st
import streamlit.components.v1 as components

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny_component")
tiny = components.declare_component("tiny", path=FOLDER)
st.session_state.runs = st.session_state.get("runs", 0) + 1
for i in range(10):
    tiny(label=f"component {i}", key=f"tiny{i}")
st.button("Rerun")
st.write(f"runs: {st.session_state.runs}")
