"""st.dataframe(lazy=...): which grids keep their rows on the server, as Streamlit 1.67 decides,
where it refuses, and what AppTest sees (every row)."""

from __future__ import annotations

import pytest

from slipstream.testing.v1 import AppTest


def _lazy_flags(at: AppTest) -> list[bool]:
    return [d.proto.get("lazy") is not None for d in at.dataframe]


def test_none_loads_large_in_memory_frames_lazily_and_true_anything_over_a_thousand_rows() -> None:
    def app() -> None:
        import pandas as pd
        import pyarrow as pa
        import streamlit as st

        big = pd.DataFrame({"a": range(150_001)})
        st.dataframe(big)  # automatic: over 150,000 rows
        st.dataframe(big.head(150_000))  # automatic: not over
        st.dataframe(pa.Table.from_pandas(big, preserve_index=False))  # pyarrow too
        st.dataframe(big["a"])  # a Series is not an in-memory frame: eager
        st.dataframe(big.head(1_001), lazy=True)
        st.dataframe(big.head(1_000), lazy=True)  # small: eager anyway
        st.dataframe(big, lazy=False)
        st.dataframe(list(range(2_000)), lazy=True)  # any supported input

    at = AppTest.from_function(app).run()
    assert not at.exception
    assert _lazy_flags(at) == [True, False, True, False, True, False, False, True]


def test_a_polars_lazyframe_is_lazy_over_ten_thousand_rows() -> None:
    pytest.importorskip("polars")

    def app() -> None:
        import polars as pl
        import streamlit as st

        st.dataframe(pl.LazyFrame({"a": range(10_001)}))
        st.dataframe(pl.LazyFrame({"a": range(10_000)}))
        st.dataframe(pl.DataFrame({"a": range(10_001)}))  # in memory: the 150,000 threshold

    at = AppTest.from_function(app).run()
    assert _lazy_flags(at) == [True, False, False]


def test_apptest_sees_every_row_of_a_lazy_grid() -> None:
    def app() -> None:
        import pandas as pd
        import streamlit as st

        st.dataframe(pd.DataFrame({"x": range(5_000)}, index=[f"r{i}" for i in range(5_000)]), lazy=True)

    at = AppTest.from_function(app).run()
    grid = at.dataframe[0]
    assert grid.proto["lazy"] == {"source": grid.proto["lazy"]["source"], "chunk": 1_000}
    assert grid.proto["rows"] == 5_000
    value = grid.value
    assert len(value) == 5_000 and value["x"].iloc[-1] == 4_999 and value.index[-1] == "r4999"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.dataframe(df, lazy=True, on_select='rerun')", "`lazy=True` and `on_select` cannot be used together"),
        ("st.dataframe(df.style, lazy=True)", "`lazy=True` is not supported for `pandas.Styler`"),
        ("st.dataframe(multi, lazy=True)", "multi-level (`MultiIndex`) column headers"),
    ],
)
def test_lazy_true_raises_where_streamlit_raises(call: str, message: str) -> None:
    at = AppTest.from_string(
        "import pandas as pd, streamlit as st\n"
        "df = pd.DataFrame({'a': range(5)})\n"
        "multi = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([('a', 'b'), ('a', 'c')]))\n" + call
    ).run()
    assert message in at.exception[0].value


def test_automatic_mode_falls_back_to_eager_for_what_lazy_grids_cannot_do() -> None:
    def app() -> None:
        import pandas as pd
        import streamlit as st

        big = pd.DataFrame({"a": range(150_001)})
        st.dataframe(big, on_select="rerun")  # selections need every row in the browser
        st.dataframe(big.style)
        wide = pd.DataFrame({("a", "b"): range(150_001)})
        st.dataframe(wide)
        st.dataframe(big, lazy="yes")  # not True nor False: automatic, as Streamlit reads it

    at = AppTest.from_function(app).run()
    assert not at.exception
    assert _lazy_flags(at) == [False, False, False, True]


def test_a_grid_no_longer_shown_frees_its_rows_and_an_unchanged_one_is_kept() -> None:
    def app() -> None:
        import pandas as pd
        import streamlit as st

        if st.session_state.get("show", True):
            st.dataframe(pd.DataFrame({"a": range(2_000)}), lazy=True)

    at = AppTest.from_function(app).run()
    rows = at._session.lazy_rows
    source = at.dataframe[0].proto["lazy"]["source"]
    assert source in rows
    at.run()
    assert at.dataframe[0].proto["lazy"]["source"] == source and len(rows) == 1
    at.session_state["show"] = False
    at.run()
    assert len(rows) == 0
