import streamlit as st

st.header("Division")
divisor = st.number_input("Divisor", value=1)
st.write(f"Result: {10 / divisor}")
