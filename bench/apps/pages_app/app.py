import streamlit as st

st.sidebar.write("shared sidebar")
st.page_link("pages/1_alpha.py", label="To alpha")
st.page_link("pages/2_beta.py", label="To beta")
# A big app: the entry page holds 300 elements that the other pages never resend.
for i in range(300):
    st.write(f"home row {i}")
