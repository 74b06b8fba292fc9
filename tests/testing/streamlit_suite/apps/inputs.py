import streamlit as st

name = st.text_input("Your name", key="name")
color = st.selectbox("Favourite colour", ["red", "green", "blue"])
if name:
    st.write(f"Hello, {name}!")
st.write(f"You like {color}")
with st.sidebar:
    agree = st.checkbox("I agree")
    size = st.slider("Size", 1, 10, 5)
st.write(f"agree={agree} size={size}")
