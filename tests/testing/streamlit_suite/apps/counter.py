import streamlit as st

if "count" not in st.session_state:
    st.session_state.count = 0


def add(amount: int) -> None:
    st.session_state.count += amount


st.title("Counter")
st.button("Add one", on_click=add, args=(1,), key="add")
if st.button("Reset"):
    st.session_state.count = 0
st.markdown(f"Count: {st.session_state.count}")
