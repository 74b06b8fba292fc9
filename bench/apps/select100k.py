"""A selectbox and a multiselect over 100,000 options, for bench/select_keystrokes.py.

The options read like a real long list (names and places, each with its own number), so that a
letter or two matches tens of thousands of them, as in an app's customer or product picker.
"""

import streamlit as st

FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Donald", "Edsger", "Frances"]
LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Knuth", "Dijkstra", "Allen"]
CITY = ["Berlin", "Lagos", "Lima", "Osaka", "Perth", "Quito", "Riga", "Seoul", "Tunis", "Utrecht"]
OPTIONS = [f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}, {CITY[(i // 100) % 10]} #{i:05d}" for i in range(100_000)]

choice = st.selectbox("Pick one of 100,000", OPTIONS, index=None)
chosen = st.multiselect("Pick several of 100,000", OPTIONS)
st.write(f"picked: {choice}; {len(chosen)} chosen")
