# Benchmark app: heavy.py with 2,000 metrics instead of 200, to see whether a click's browser work
# grows with the number of unchanged elements.
import numpy as np
import pandas as pd
import streamlit as st


@st.cache_data
def data():
    rng = np.random.default_rng(0)
    return pd.DataFrame(rng.standard_normal((20_000, 6)), columns=list("abcdef"))


if "n" not in st.session_state:
    st.session_state.n = 0
st.title("Heavy bench")
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count: {st.session_state.n}")
df = data()
st.dataframe(df)
st.line_chart(df.head(500))
cols = st.columns(4)
for i in range(2000):
    cols[i % 4].metric(f"m{i}", i, i % 7 - 3)
