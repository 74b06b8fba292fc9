import streamlit as st

st.page_link("pages/2_beta.py", label="To beta")
st.write("page alpha")
for i in range(20):
    st.write(f"alpha row {i}")
