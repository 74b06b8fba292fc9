import streamlit as st

st.page_link("pages/1_alpha.py", label="To alpha")
st.write("page beta")
for i in range(20):
    st.write(f"beta row {i}")
