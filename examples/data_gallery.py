"""Data, charts and media on one page: slipstream run examples/data_gallery.py"""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Data gallery", layout="wide")
st.title("Data gallery")


@st.cache_data
def prices() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    days = pd.date_range("2026-01-01", periods=120, freq="D")
    walk = rng.standard_normal((120, 3)).cumsum(axis=0) + 100
    return pd.DataFrame(walk, index=days, columns=["alpha", "beta", "gamma"])


df = prices()
cols = st.columns(3)
for col, name in zip(cols, df.columns):
    last, first = df[name].iloc[-1], df[name].iloc[-2]
    col.metric(name, f"{last:.1f}", f"{last - first:+.2f}", border=True, chart_data=df[name].tail(30))

left, right = st.columns(2)
with left:
    st.subheader("Line chart")
    st.line_chart(df)
with right:
    st.subheader("Bar chart")
    monthly = df.resample("MS").mean()
    monthly.index = monthly.index.strftime("%Y-%m")  # months as categories: one group of bars each
    st.bar_chart(monthly, stack=False)

st.subheader("Dataframe")
event = st.dataframe(
    df.reset_index(names="day"),
    column_config={
        "day": st.column_config.DateColumn("Day"),
        "alpha": st.column_config.NumberColumn("Alpha", format="%.2f"),
        "beta": st.column_config.ProgressColumn("Beta", min_value=90, max_value=110),
    },
    hide_index=True,
    height=260,
    on_select="rerun",
    selection_mode="multi-row",
)
st.write("Selected rows:", event.selection.rows)

st.subheader("Data editor")
tasks = pd.DataFrame(
    {
        "task": ["write", "test", "ship"],
        "done": [True, False, False],
        "hours": [3, 5, 1],
        "owner": ["Ada", "Linus", "Ada"],
        "due": pd.to_datetime(["2026-12-01", "2026-12-08", "2026-12-15"]).date,
    }
)
edited = st.data_editor(
    tasks,
    num_rows="dynamic",
    key="tasks",
    column_config={
        "owner": st.column_config.SelectboxColumn("Owner", options=["Ada", "Linus", "Grace"], help="Who does it"),
        "due": st.column_config.DateColumn("Due"),
    },
)
st.write(f"{int(edited['hours'].sum())} hours planned, {int(edited['done'].sum())} tasks done")

left, right = st.columns(2)
with left:
    st.subheader("Altair, with a selection")
    brush = alt.selection_interval(name="brush", encodings=["x"])
    chart = alt.Chart(df.reset_index(names="day")).mark_area(opacity=0.6).encode(x="day:T", y="alpha:Q")
    picked = st.altair_chart(chart.add_params(brush), on_select="rerun", key="brush_chart")
    st.caption(f"Selection: {picked.selection}")
with right:
    st.subheader("Map")
    rng = np.random.default_rng(1)
    points = pd.DataFrame({"lat": 48.85 + rng.normal(0, 0.05, 200), "lon": 2.35 + rng.normal(0, 0.08, 200)})
    st.map(points, size=60)

st.subheader("Table and image")
left, right = st.columns(2)
left.table(df.tail(5).round(2))
gradient = np.linspace(0, 1, 256 * 64).reshape(64, 256)
right.image(np.dstack([gradient, gradient[::-1], np.full_like(gradient, 0.6)]), caption="A generated image")
