# Benchmark app: an "Increment" button above 100 input widgets of every kind.
# Written against the Streamlit API (1.67); runs unchanged on any compatible framework.
# The widgets are untouched: each click reruns the app, and every widget is sent again (or not).
import datetime

import streamlit as st

if "n" not in st.session_state:
    st.session_state.n = 0
st.title("Bench: 100 widgets")
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count: {st.session_state.n}")

OPTIONS = ["alpha", "beta", "gamma", "delta"]
DAY = datetime.date(2024, 7, 1)
KINDS = [
    lambda i: st.checkbox(f"Checkbox {i}", value=i % 2 == 0),
    lambda i: st.toggle(f"Toggle {i}"),
    lambda i: st.text_input(f"Text input {i}", f"text {i}"),
    lambda i: st.text_area(f"Text area {i}", f"area {i}"),
    lambda i: st.number_input(f"Number input {i}", 0, 1000, i),
    lambda i: st.slider(f"Slider {i}", 0, 100, i % 100),
    lambda i: st.slider(f"Range slider {i}", 0.0, 1.0, (0.2, 0.8)),
    lambda i: st.select_slider(f"Select slider {i}", OPTIONS, value="beta"),
    lambda i: st.selectbox(f"Selectbox {i}", OPTIONS, index=i % 4),
    lambda i: st.radio(f"Radio {i}", OPTIONS, horizontal=True),
    lambda i: st.multiselect(f"Multiselect {i}", OPTIONS, default=["alpha"]),
    lambda i: st.pills(f"Pills {i}", OPTIONS),
    lambda i: st.segmented_control(f"Segmented control {i}", OPTIONS, default="gamma"),
    lambda i: st.date_input(f"Date input {i}", DAY),
    lambda i: st.date_input(f"Date range {i}", (DAY, DAY + datetime.timedelta(days=7))),
    lambda i: st.time_input(f"Time input {i}", datetime.time(7, 30)),
    lambda i: st.color_picker(f"Colour picker {i}", "#ff4b4b"),
    lambda i: st.feedback("stars", key=f"feedback {i}"),
    lambda i: st.feedback("thumbs", key=f"thumbs {i}"),
    lambda i: st.checkbox(f"Checkbox b {i}"),
]
values = [KINDS[i % len(KINDS)](i) for i in range(100)]
st.caption(f"{sum(v is not None for v in values)} widgets with a value")
