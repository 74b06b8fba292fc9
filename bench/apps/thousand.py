# Benchmark app: a counter above 1,000 unchanging elements; a click changes one text.
import streamlit as st

if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count: {st.session_state.n}")
for i in range(1000):
    st.markdown(f"line {i} with **bold** and `code`")
