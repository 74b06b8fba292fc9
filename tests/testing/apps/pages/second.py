import streamlit as st

st.write(f"second page, visits={st.session_state.visits}")
