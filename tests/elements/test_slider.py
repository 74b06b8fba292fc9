"""st.slider as Streamlit 1.67 behaves (each case checked side by side in its venv): numpy
scalars, values outside the bounds, dates, times and datetimes, and the errors it raises."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]

DAY = 86_400_000_000  # microseconds
JAN_5_2020 = 1_578_182_400_000_000


def slider_app(app: App, call: str) -> HeadlessApp:
    return app(
        "import streamlit as st, numpy as np, pandas as pd, datetime as dt\n"
        f"r = {call}\nst.write(repr(r) + ' ' + type(r).__name__)\n"
    )


def test_numpy_bounds_from_a_dataframe_give_python_ints(app: App) -> None:
    a = app(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"year": [1990, 2005, 2020]})
        year = st.slider("Year", df.year.min(), df.year.max(), df.year.min())
        span = st.slider("Span", df.year.min(), df.year.max(), (df.year.min(), df.year.max()))
        st.write(repr((year, span)), type(year).__name__)
        """
    )
    assert a.texts() == ["(1990, (1990, 2020)) int"]
    assert (a.widget("Year")["min"], a.widget("Year")["max"], a.widget("Year")["step"]) == (1990, 2020, 1)
    a.set("Year", [2001])
    assert a.texts() == ["(2001, (1990, 2020)) int"]


@pytest.mark.parametrize(
    ("call", "returns", "bounds"),
    [
        ("st.slider('a', np.float64(0.5), np.float64(2.5), np.float64(1.0))", "1.0 float", (0.5, 2.5)),
        ("st.slider('a', 0, 10, 12)", "12 int", (0, 12)),
        ("st.slider('a', 0, 10, -3)", "-3 int", (-3, 10)),
        ("st.slider('a', 10, 0, 5)", "5 int", (0, 10)),
        ("st.slider('a', 0, 10, (8, 2))", "(2, 8) tuple", (0, 10)),
        ("st.slider('a', 0, 10, [])", "(0, 10) tuple", (0, 10)),
        ("st.slider('a', 0, 10, [3])", "(3,) tuple", (0, 10)),
        ("st.slider('a', max_value=5)", "0 int", (0, 5)),
        ("st.slider('a', min_value=50)", "50 int", (50, 100)),
        ("st.slider('a', min_value=50.0)", "50.0 float", (1.0, 50.0)),
        ("st.slider('a', True, False)", "1 int", (0, 1)),
    ],
)
def test_values_and_bounds_as_streamlit_makes_them(
    app: App, call: str, returns: str, bounds: tuple[float, float]
) -> None:
    a = slider_app(app, call)
    assert a.texts() == [returns]
    assert (a.widget("a")["min"], a.widget("a")["max"]) == bounds


@pytest.mark.parametrize(
    ("call", "says"),
    [
        ("st.slider('a', 5, 5)", "`min_value` and `max_value` are both 5"),
        ("st.slider('a', 0, 10, 5, step=0)", "step is 0"),
        ("st.slider('a', 0, 10, 5.0)", "(got min_value=int, max_value=int, step=float)"),
        ("st.slider('a', 0.0, 10.0, 5)", "(got min_value=float, max_value=float, step=int)"),
        ("st.slider('a', step=0.5)", "must be all ints, all floats"),
        ("st.slider('a', 0, 10, [1, 2, 3])", "value has 3 items"),
        ("st.slider('a', 0, 10, 'x')", "value is a str"),
        ("st.slider('a', 'a', 'b')", "value is a str"),
        ("st.slider('a', value=dt.timedelta(days=1))", "value is a timedelta"),
        ("st.slider('a', 0, 2**60, 5)", "max_value (1152921504606846976) is beyond ±(2**53 - 1)"),
        ("st.slider('a', dt.date(2020, 1, 1), dt.date(2020, 1, 1) + dt.timedelta(hours=5))", "both 2020-01-01"),
    ],
)
def test_errors_where_streamlit_raises(app: App, call: str, says: str) -> None:
    a = slider_app(app, call)
    assert says in a.error()


def test_a_date_slider_spans_four_weeks_by_days(app: App) -> None:
    a = slider_app(app, "st.slider('a', value=dt.date(2020, 1, 5))")
    assert a.texts() == ["datetime.date(2020, 1, 5) date"]
    w = a.widget("a")
    assert (w["data_type"], w["format"], w["step"]) == ("date", "YYYY-MM-DD", DAY)
    assert (w["value"], w["min"], w["max"]) == ([JAN_5_2020], JAN_5_2020 - 14 * DAY, JAN_5_2020 + 14 * DAY)
    a.set("a", [JAN_5_2020 + 3 * DAY])
    assert a.texts() == ["datetime.date(2020, 1, 8) date"]


def test_a_date_range_slider(app: App) -> None:
    a = slider_app(app, "st.slider('a', value=(dt.date(2020, 1, 5), dt.date(2020, 2, 5)))")
    assert a.texts() == ["(datetime.date(2020, 1, 5), datetime.date(2020, 2, 5)) tuple"]
    a.set("a", [JAN_5_2020 + DAY, JAN_5_2020 + 2 * DAY])
    assert a.texts() == ["(datetime.date(2020, 1, 6), datetime.date(2020, 1, 7)) tuple"]


def test_a_time_slider_spans_the_day_by_quarter_hours(app: App) -> None:
    a = slider_app(app, "st.slider('a', value=dt.time(12, 30))")
    w = a.widget("a")
    assert (w["data_type"], w["format"], w["step"]) == ("time", "HH:mm", 15 * 60_000_000)
    assert (w["min"], w["max"]) == (946_684_800_000_000, 946_771_199_999_999)
    a.set("a", [w["value"][0] + 15 * 60_000_000])
    assert a.texts() == ["datetime.time(12, 45) time"]


def test_a_datetime_slider_keeps_its_time_zone_and_steps_by_quarter_hours_within_a_day(app: App) -> None:
    a = slider_app(
        app,
        "st.slider('a', dt.datetime(2020, 1, 5, 9, tzinfo=dt.timezone.utc), "
        "dt.datetime(2020, 1, 5, 17, tzinfo=dt.timezone.utc), format='HH:mm')",
    )
    w = a.widget("a")
    assert (w["data_type"], w["step"], w["format"]) == ("datetime", 15 * 60_000_000, "HH:mm")
    a.set("a", [w["min"] + 60 * 60_000_000])
    assert a.texts() == ["datetime.datetime(2020, 1, 5, 10, 0, tzinfo=datetime.timezone.utc) datetime"]


def test_a_range_held_in_session_state_makes_a_range_slider(app: App) -> None:
    a = app(
        """
        import streamlit as st
        if "r" not in st.session_state:
            st.session_state.r = (20, 30)
        st.write(repr(st.slider("R", key="r")))
        """
    )
    assert a.texts() == ["(20, 30)"]


def test_browser_values_outside_the_bounds_are_refused(app: App) -> None:
    a = slider_app(app, "st.slider('a', 0, 10, 5)")
    a.set("a", [11])
    assert a.texts() == ["5 int"]


def test_a_value_of_the_other_shape_set_in_session_state_lasts_one_run(app: App) -> None:
    # Streamlit 1.67 returns (and shows) such a value as it is, then the default from the next run
    a = app(
        """
        import streamlit as st
        if "r" not in st.session_state:
            st.session_state.r = 5
            st.session_state.s = (2, 8)
        st.write(repr(st.slider("R", 0, 10, (2, 8), key="r")))
        st.write(repr(st.slider("S", 0, 10, 3, key="s")))
        st.button("again")
        """
    )
    assert a.texts() == ["5", "(2, 8)"]
    assert (a.widget("R")["value"], a.widget("S")["value"]) == ([5], [2, 8])
    a.click("again")
    assert a.texts() == ["(2, 8)", "3"]
    assert (a.widget("R")["value"], a.widget("S")["value"]) == ([2, 8], [3])


def test_a_single_thumb_sent_for_a_range_slider_gives_its_default(app: App) -> None:
    a = slider_app(app, "st.slider('a', 0, 10, (2, 8))")
    a.set("a", [5])
    assert a.texts() == ["(2, 8) tuple"]


def test_text_or_none_in_session_state_raises_what_1_67_raises(app: App) -> None:
    cases = [
        ("'abc'", "st.slider('S', 0, 10, key='s')", "ValueError"),
        ("None", "st.slider('S', 0.0, 1.0, key='s')", "TypeError"),
        ("['a', 5]", "st.slider('S', 0, 10, (1, 2), key='s')", "ValueError"),
        ("'abc'", "st.slider('S', datetime.date(2020, 1, 1), datetime.date(2021, 1, 1), key='s')", "TypeError"),
    ]
    for held, call, raised in cases:
        a = app(f"import datetime\nimport streamlit as st\nst.session_state['s'] = {held}\n{call}\n")
        assert "st.session_state['s'] holds" in a.error(), call
        assert a.of_type("exception")[0]["exc_type"] == raised, call
