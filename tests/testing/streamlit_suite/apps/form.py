import streamlit as st

with st.form("signup"):
    email = st.text_input("Email")
    plan = st.radio("Plan", ["free", "pro"])
    sent = st.form_submit_button("Sign up")
if sent:
    if "@" in email:
        st.success(f"Signed up {email} on {plan}")
    else:
        st.error("That is not an email address")
