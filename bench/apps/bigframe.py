# Benchmark app: a 1,000,000 x 10 numeric DataFrame in st.dataframe.
# Cell (i, j) holds i * 10 + j, so the last row reads 9999990 ... 9999999.
# The wall-clock time just before st.dataframe is written to $BENCH_T0_FILE for the harness.
import os
import time

import numpy as np
import pandas as pd
import streamlit as st


@st.cache_data
def frame():
    values = np.arange(10_000_000, dtype=np.int64).reshape(1_000_000, 10)
    return pd.DataFrame(values, columns=[f"c{j}" for j in range(10)])


df = frame()
t0 = time.time()
st.dataframe(df)
if os.environ.get("BENCH_T0_FILE"):
    with open(os.environ["BENCH_T0_FILE"], "w") as f:
        f.write(repr(t0))
