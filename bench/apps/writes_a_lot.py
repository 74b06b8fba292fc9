# Benchmark app: about 2000 markdown lines that all change on every run (each names the run), so that
# every run sends the whole page again. The slow-reader probe of bench/hardening.py uses it.
# Written against the Streamlit API; runs unchanged on any compatible framework.
import streamlit as st

if "runs" not in st.session_state:
    st.session_state.runs = 0
st.session_state.runs += 1
run = st.session_state.runs
st.write(f"run {run}")
for i in range(2000):
    st.markdown(f"line {i} of run {run} with **bold** and `code`")
