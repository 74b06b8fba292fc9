import streamlit as st
from helper import GREETING  # a module beside the app, importable as under `run`

st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.write(GREETING)
