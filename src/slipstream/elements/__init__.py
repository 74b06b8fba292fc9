"""The st.* element builders, one module per family."""
