"""Every input widget Slipstream has, on one page. Run: slipstream run examples/widget_gallery.py"""

import datetime

import streamlit as st

st.set_page_config(page_title="Widget gallery", page_icon="🎛️", layout="wide")
st.title("Widget gallery")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Buttons")
    clicked = st.button("Button", type="primary", icon="🚀")
    st.link_button("Link button", "https://example.com")
    st.download_button("Download button", "a,b\n1,2\n", file_name="data.csv", mime="text/csv")
    st.subheader("Text and numbers")
    name = st.text_input("Text input", placeholder="Type here")
    secret = st.text_input("Password", type="password")
    notes = st.text_area("Text area", "Several\nlines", height=100)
    number = st.number_input("Number input", 0.0, 10.0, 2.5, step=0.5)
    st.subheader("Sliders")
    level = st.slider("Slider", 0, 100, 40)
    window = st.slider("Range slider", 0.0, 1.0, (0.2, 0.8))
    size = st.select_slider("Select slider", ["XS", "S", "M", "L", "XL"], value="M")
    st.subheader("Files")
    upload = st.file_uploader("File uploader", type=["csv", "txt"])

with right:
    st.subheader("Choices")
    agree = st.checkbox("Checkbox", value=True)
    switch = st.toggle("Toggle")
    colour = st.radio("Radio", ["Red", "Green", "Blue"], horizontal=True)
    fruit = st.selectbox("Selectbox", ["Apple", "Banana", "Cherry"])
    toppings = st.multiselect("Multiselect", ["Cheese", "Ham", "Olives", "Peppers"], default=["Cheese"])
    mood = st.pills("Pills", ["😀 Happy", "😐 Meh", "😢 Sad"])
    view = st.segmented_control("Segmented control", ["Day", "Week", "Month"], default="Week")
    stars = st.feedback("stars")
    st.subheader("Dates and colours")
    day = st.date_input("Date input", datetime.date(2024, 7, 1))
    period = st.date_input("Date range", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 31)))
    alarm = st.time_input("Time input", datetime.time(7, 30))
    meeting = st.datetime_input("Datetime input", datetime.datetime(2024, 7, 1, 9, 0))
    tint = st.color_picker("Colour picker", "#ff4b4b")

st.subheader("A form")
with st.form("order", clear_on_submit=True):
    dish = st.text_input("Dish")
    portions = st.number_input("Portions", 1, 10, 1)
    submitted = st.form_submit_button("Order", type="primary")
if submitted:
    st.success(f"Ordered {portions} × {dish or 'nothing'}")

st.subheader("Values")
st.json(
    {
        "button": clicked,
        "text": name,
        "password set": bool(secret),
        "text area": notes,
        "number": number,
        "slider": level,
        "range": list(window),
        "select slider": size,
        "file": None if upload is None else upload.name,
        "checkbox": agree,
        "toggle": switch,
        "radio": colour,
        "selectbox": fruit,
        "multiselect": toppings,
        "pills": mood,
        "segmented": view,
        "stars": stars,
        "date": str(day),
        "range of dates": [str(d) for d in period],
        "time": str(alarm),
        "datetime": str(meeting),
        "colour": tint,
    }
)
