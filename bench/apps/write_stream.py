"""bench/write_stream.py's streaming app: a button streams 5,000 short tokens as fast as the
generator yields them, writing each token's yield time (epoch ms) to out/write_stream_times.json."""

import json
import time
from pathlib import Path

import streamlit as st

TOKENS = 5000

if st.button("Stream"):
    yielded: list[float] = []

    def tokens():
        for i in range(TOKENS):
            yielded.append(time.time() * 1000)
            yield f"t{i} "

    st.write_stream(tokens)
    Path("out").mkdir(exist_ok=True)
    Path("out/write_stream_times.json").write_text(json.dumps(yielded))
    st.write("stream done")
