"""Representative apps whose screenshots are compared with Streamlit 1.67's (tests/e2e/reference/),
and the stylesheet an app typically aims at Streamlit's hooks."""

from __future__ import annotations

APPS = {
    "basics": """
import streamlit as st

st.title("Quarterly report")
st.header("Summary")
st.write("Revenue grew in every region; costs stayed flat.")
st.caption("Figures in thousands of euros.")
c1, c2, c3 = st.columns(3)
c1.metric("Revenue", "1,204", "12%")
c2.metric("Costs", "830", "-1%")
c3.metric("Margin", "31%", "4%")
st.subheader("Notes")
st.info("The March figures are provisional.")
st.button("Refresh")
""",
    "sidebar": """
import streamlit as st

with st.sidebar:
    st.header("Filters")
    st.text_input("Customer", "ACME")
    st.text_input("Password", type="password")
    st.checkbox("Only open orders", True)
st.title("Orders")
with st.expander("How to read this page", expanded=True):
    st.write("Pick a customer in the sidebar.")
with st.form("order"):
    st.text_input("Product")
    st.number_input("Quantity", value=1)
    st.form_submit_button("Add")
""",
}

# Each rule gives its target a property that nothing else on the page sets to that value.
STYLESHEET = """
<style>
section[data-testid="stSidebar"] { background-color: rgb(1, 2, 3); }
[data-testid="stSidebarContent"] [data-testid="stWidgetLabel"] p { color: rgb(4, 5, 6); }
.block-container { padding-top: 7px; }
[data-testid="stHorizontalBlock"] > [data-testid="stColumn"] { outline: 3px solid rgb(7, 8, 9); }
[data-testid="stMetric"] [data-testid="stMetricValue"] { color: rgb(10, 11, 12); }
[data-testid="stMetricLabel"] { color: rgb(13, 14, 15); }
[data-testid="stMetricDelta"] { letter-spacing: 3px; }
.stButton button { border-color: rgb(16, 17, 18); }
[data-testid="stExpander"] details { border-color: rgb(19, 20, 21); }
[data-testid="stExpanderDetails"] [data-testid="stVerticalBlock"] { outline: 2px dashed rgb(22, 23, 24); }
.stTextInput input { color: rgb(25, 26, 27); }
[data-testid="stForm"] { border-color: rgb(28, 29, 30); }
div[data-testid="stMarkdownContainer"] > p { word-spacing: 5px; }
.stAlert [data-testid="stAlertContainer"] { outline: 1px solid rgb(31, 32, 33); }
#MainMenu { visibility: hidden; }
[data-testid="stHeader"] { outline: 4px solid rgb(34, 35, 36); }
[data-testid="stMain"] [data-testid="stElementContainer"] .stHeading h1 { letter-spacing: 2px; }
</style>
"""

STYLED_APP = f"""
import streamlit as st

st.markdown('''{STYLESHEET}''', unsafe_allow_html=True)
st.sidebar.text_input("Customer")
st.title("Styled")
st.write("Plain words.")
a, b = st.columns(2)
a.metric("Revenue", "1,204", "12%")
b.button("Refresh")
with st.expander("More", expanded=True):
    st.write("Inside")
with st.form("f"):
    st.text_input("Product")
    st.form_submit_button("Add")
st.info("Note")
"""

# (selector of the element that must be styled, property, value): what Streamlit 1.67 shows.
LANDS = [
    ('section[data-testid="stSidebar"]', "background-color", "rgb(1, 2, 3)"),
    ('[data-testid="stSidebar"] [data-testid="stWidgetLabel"] p', "color", "rgb(4, 5, 6)"),
    ('[data-testid="stMainBlockContainer"]', "padding-top", "7px"),
    ('[data-testid="stColumn"]', "outline-color", "rgb(7, 8, 9)"),
    ('[data-testid="stMetricValue"]', "color", "rgb(10, 11, 12)"),
    ('[data-testid="stMetricLabel"]', "color", "rgb(13, 14, 15)"),
    ('[data-testid="stMetricDelta"]', "letter-spacing", "3px"),
    ('[data-testid="stButton"] button', "border-top-color", "rgb(16, 17, 18)"),
    ('[data-testid="stExpander"] details', "border-top-color", "rgb(19, 20, 21)"),
    ('[data-testid="stExpanderDetails"] [data-testid="stVerticalBlock"]', "outline-color", "rgb(22, 23, 24)"),
    ('[data-testid="stMain"] [data-testid="stTextInput"] input', "color", "rgb(25, 26, 27)"),
    ('[data-testid="stForm"]', "border-top-color", "rgb(28, 29, 30)"),
    ('[data-testid="stMain"] [data-testid="stMarkdown"] p', "word-spacing", "5px"),
    ('[data-testid="stAlertContainer"]', "outline-color", "rgb(31, 32, 33)"),
    ("#MainMenu", "visibility", "hidden"),
    ('[data-testid="stHeader"]', "outline-color", "rgb(34, 35, 36)"),
    ('[data-testid="stMain"] h1', "letter-spacing", "2px"),
]
