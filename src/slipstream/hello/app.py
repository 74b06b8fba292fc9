"""Slipstream's demo: a tour of what works today. Run it with `slipstream hello`."""

import time

import streamlit as st

st.title("Welcome to Slipstream :wave:")
st.caption("Streamlit's API, many times faster and lighter. This page is an ordinary Streamlit script.")

with st.sidebar:
    st.header("Demo")
    section = st.radio("Show", ["Widgets", "Text", "Layout"], key="section")
    st.divider()
    st.toggle("Show the source of this demo", key="show_source")

if "clicks" not in st.session_state:
    st.session_state.clicks = 0


def count_click() -> None:
    st.session_state.clicks += 1


if section == "Widgets":
    st.header("Widgets", divider=True)
    name = st.text_input("Your name", placeholder="Ada Lovelace", key="name")
    if name:
        st.success(f"Hello, **{name}**!")
    st.button("Click me", on_click=count_click, type="primary")
    st.write(f"The button was clicked {st.session_state.clicks} times.")
    left, right = st.columns(2)
    with left:
        n = st.number_input("A number", min_value=0, max_value=100, value=7)
        st.write("Its square:", n * n)
    with right:
        low, high = st.slider("A range", 0.0, 10.0, (2.5, 7.5))
        st.write(f"Width of the range: {high - low:.1f}")
    flavour = st.selectbox("Ice cream", ["Vanilla", "Chocolate", "Strawberry"], index=None, placeholder="Pick one")
    if flavour:
        st.info(f"{flavour} it is.")
    if st.checkbox("Agree to the terms"):
        st.write("Thank you!")

elif section == "Text":
    st.header("Text", divider="rainbow")
    st.markdown(
        """
        Markdown with **bold**, *italics*, `code`, :red[colour], :blue-background[highlights]
        and emoji :rocket:.

        | Feature | Status |
        |---|---|
        | Streaming output | ✅ |
        | Fast reruns | ✅ |
        """
    )
    st.code("import streamlit as st\nst.write('Hello, world!')", language="python", line_numbers=True)
    st.latex(r"\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}")
    st.json({"name": "Slipstream", "fast": True, "layers": ["runtime", "server", "frontend"]})
    st.warning("Warnings look like this.")
    st.error("And errors like this.")
    try:
        int("not a number")
    except ValueError as exc:
        st.exception(exc)

else:
    st.header("Layout", divider=True)
    a, b, c = st.columns([1, 2, 1], border=True)
    a.write("Narrow")
    b.write("Twice as wide")
    c.write("Narrow")
    with st.expander("An expander"):
        st.write("Hidden until opened.")
    t1, t2 = st.tabs(["First tab", "Second tab"])
    t1.write("Content of the first tab")
    t2.write("Content of the second tab")
    with st.container(border=True, height=120):
        for i in range(10):
            st.write(f"Scrolling line {i + 1}")
    placeholder = st.empty()
    for i in range(3):
        placeholder.text(f"Counting {i + 1}/3…")
        time.sleep(0.2)
    placeholder.text("Done counting.")

if st.session_state.show_source:
    st.code(open(__file__).read())
