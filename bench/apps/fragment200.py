# Benchmark app: a counter inside a fragment, beside 200 other elements.
# Written against the Streamlit API; runs unchanged on any compatible framework.
import streamlit as st

if "n" not in st.session_state:
    st.session_state.n = 0
st.title("Fragment bench")


@st.fragment
def counter():
    if st.button("Increment"):
        st.session_state.n += 1
    st.write(f"count: {st.session_state.n}")


counter()
cols = st.columns(4)
for i in range(200):
    cols[i % 4].metric(f"m{i}", i, i % 7 - 3)
