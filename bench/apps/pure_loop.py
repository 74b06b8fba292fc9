# Benchmark app: one line, then a loop that never calls st.* again. The stop probe of
# bench/hardening.py presses Stop while it spins; only a runtime that can interrupt pure Python ends it.
# Written against the Streamlit API; runs unchanged on any compatible framework.
import streamlit as st

st.write("looping")
x = 0
while True:
    x += 1
