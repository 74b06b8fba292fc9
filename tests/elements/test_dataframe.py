from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
import pyarrow as pa

from slipstream.runtime.blobs import blob_store
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def _error(app: App, call: str) -> str:
    return app(f"import pandas as pd, streamlit as st\n{call}\n").error()


def _rows(url: str) -> pa.Table:
    blob = blob_store.get(url.rsplit("/", 1)[1])
    assert blob is not None
    return pa.ipc.open_stream(blob.data).read_all()


def test_dataframe_arrow_blob_and_columns(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"a": [1, 2], "b": ["x", None], "c": [[1, 2], [3]], "d": [{"k": 1}, None]})
        st.dataframe(df, hide_index=True, column_order=["b", "a"], height=200,
                     column_config={"a": st.column_config.NumberColumn("A", format="%d"), "b": "Bee", "d": None})
        """
    )
    el = a.of_type("dataframe")[0]
    assert el["rows"] == 2 and el["hide_index"] is True and el["column_order"] == ["b", "a"] and el["height"] == 200
    assert [(c["name"], c["index"], c["kind"]) for c in el["columns"]] == [
        ("", True, "int"),
        ("a", False, "int"),
        ("b", False, "string"),
        ("c", False, "list"),
        ("d", False, "json"),
    ]
    assert el["columns"][1]["config"]["label"] == "A"
    assert el["columns"][1]["config"]["type_config"]["format"] == "%d"
    assert el["columns"][2]["config"] == {"label": "Bee"}
    assert el["columns"][4]["config"] == {"hidden": True}
    table = _rows(el["url"])
    assert table.column(1).to_pylist() == [1, 2]
    assert table.column(2).to_pylist() == ["x", None]
    assert table.column(4).to_pylist() == ['{"k": 1}', None]


def test_unchanged_frame_is_not_resent(app: App) -> None:
    a = app(
        """
        import numpy as np, pandas as pd, streamlit as st
        st.dataframe(pd.DataFrame(np.arange(60000.0).reshape(-1, 6), columns=list("abcdef")))
        """
    )
    a.run()
    assert [m["t"] for m in a.last_frame] == ["run_start", "run_end"]
    assert len(orjson.dumps(a.last_frame)) < 1024


def test_a_larger_frame_sends_its_first_rows_ahead(app: App) -> None:
    a = app(
        """
        import numpy as np, pandas as pd, streamlit as st
        st.dataframe(pd.DataFrame({"v": np.arange(5000)}))
        st.data_editor(pd.DataFrame({"w": np.arange(500)}))
        st.dataframe(pd.DataFrame({"small": [1, 2]}))
        """
    )
    big, editor, small = a.of_type("dataframe")[0], a.of_type("data_editor")[0], a.of_type("dataframe")[1]
    assert _rows(big["head"]).column(1).to_pylist() == list(range(100))
    assert _rows(big["url"]).column(1).to_pylist() == list(range(5000))
    assert _rows(editor["head"]).num_rows == 100 and _rows(editor["url"]).num_rows == 500
    assert small["head"] is None
    first_url = big["url"]
    a.run()  # the same frame again: named by its content, so the same URLs
    assert a.of_type("dataframe")[0]["url"] == first_url


def test_many_kinds_of_data(app: App) -> None:
    a = app(
        """
        import numpy as np, pandas as pd, pyarrow as pa, polars as pl, streamlit as st
        st.dataframe([1, 2, 3])
        st.dataframe({"x": [1, 2], "y": [3, 4]})
        st.dataframe(np.ones((3, 2)))
        st.dataframe(pa.table({"p": [1, 2]}))
        st.dataframe(pl.DataFrame({"q": ["a"]}))
        st.dataframe(pd.Series([1.5], name="s"))
        st.dataframe(pd.DataFrame({"v": [1]}).style.format("{:.2f}"))
        st.dataframe(None)
        """
    )
    frames = a.of_type("dataframe")
    assert [f["rows"] for f in frames] == [3, 2, 3, 2, 1, 1, 1, 0]
    assert frames[4]["columns"][1]["name"] == "q"
    assert frames[6]["display"] is not None
    assert _rows(frames[6]["display"]).column(0).to_pylist() == ["1.00"]


def test_bad_input_is_a_clear_error(app: App) -> None:
    message = _error(app, "class X: pass\nst.dataframe(X())")
    assert "cannot show data of type" in message and "pandas DataFrame" in message
    assert "column_config['a']" in _error(app, "st.dataframe(pd.DataFrame({'a': [1]}), column_config={'a': 5})")
    assert "selection_mode 'rows'" in _error(app, "st.dataframe([1], on_select='rerun', selection_mode='rows')")
    message = _error(
        app, "st.data_editor(pd.DataFrame({'b': ['x']}), column_config={'b': st.column_config.NumberColumn()})"
    )
    assert "column 'b' holds string values" in message and "TextColumn" in message
    a = app("import streamlit as st\nst.dataframe(object())\nst.write('after')\n")
    assert a.texts() == []  # the script stopped at the error, which shows in the app
    assert a.of_type("exception")


def test_selection_round_trip(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        ev = st.dataframe(pd.DataFrame({"a": [1, 2, 3]}), on_select="rerun", key="sel")
        st.write(repr((ev.selection.rows, ev.selection.columns, st.session_state.sel["selection"]["rows"])))
        """
    )
    assert a.texts() == ["([], [], [])"]
    el = a.of_type("dataframe")[0]
    assert el["selection_mode"] == ["multi-row"] and el["id"]
    a.run({el["id"]: orjson.dumps({"selection": {"rows": [2, 0]}}).decode()})
    assert a.texts() == ["([0, 2], [], [0, 2])"]
    assert a.of_type("dataframe")[0]["selection"]["rows"] == [0, 2]
    a.run({el["id"]: orjson.dumps({"selection": {"rows": [7]}}).decode()})  # out of range: refused
    assert a.texts() == ["([0, 2], [], [0, 2])"]


def test_single_row_required_and_default(app: App) -> None:
    a = app(
        """
        import streamlit as st
        ev = st.dataframe([5, 6], on_select="rerun", selection_mode=["single-row-required", "multi-column"])
        st.write(repr(ev["selection"]["rows"]))
        ev = st.dataframe([5, 6], on_select="rerun", selection_default={"selection": {"rows": [1]}}, key="d")
        st.write(repr(ev.selection.rows))
        """
    )
    assert a.texts() == ["[0]", "[1]"]


def test_table(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"a": [1, 2], "b": [0.5, None]}, index=pd.Index(["x", "y"], name="k"))
        st.table(df)
        st.table(df.style.format({"b": "{:.1f}"}).highlight_max(subset=["a"], color="yellow"))
        """
    )
    plain, styled = a.of_type("table")
    assert plain["cells"] == [["1", "0.5000"], ["2", "None"]]
    assert plain["index"] == [["x"], ["y"]] and plain["index_header"] == ["k"]
    assert plain["header"] == [["a", "b"]] and plain["numeric"] == [True, True]
    assert styled["cells"][0][1] == "0.5"
    assert styled["styles"] is not None and "yellow" in styled["styles"][1][0]


def test_a_table_hides_a_positional_index_and_the_header_of_unnamed_columns(app: App) -> None:
    # As 1.67 decides when hide_index / hide_header are None.
    a = app(
        """
        import numpy as np, pandas as pd, streamlit as st
        st.table(pd.DataFrame({"x": [1, 2]}))
        st.table(pd.DataFrame({"x": [1, 2]}, index=["r1", "r2"]))
        st.table({"a": 1, "b": 2})
        st.table([[1, 2], [3, 4]])
        st.table([{"a": 1}, {"a": 2}])
        st.table(np.array([1, 2]))
        st.table(pd.DataFrame({"x": [1, 2]}), hide_index=False, hide_header=True)
        """
    )
    shown = [(t["hide_index"], t["hide_header"]) for t in a.of_type("table")]
    assert shown == [
        (True, False), (False, False), (False, True), (True, True), (True, False), (True, True), (False, True)
    ]  # fmt: skip


def test_data_editor_edits_come_back_in_the_input_type(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"name": ["a", "b"], "n": [1, 2], "ok": [True, False]})
        out = st.data_editor(df, num_rows="dynamic", key="ed", disabled=["ok"])
        st.write(repr(out.to_dict("list")))
        st.write(repr(st.session_state.ed))
        lst = st.data_editor([{"x": 1}], key="lst")
        st.write(repr(lst))
        """
    )
    assert a.texts()[0] == "{'name': ['a', 'b'], 'n': [1, 2], 'ok': [True, False]}"
    ed = a.of_type("data_editor")[0]
    assert ed["disabled"] == ["ok"] and ed["num_rows"] == "dynamic"
    edits = {"edited_rows": {"1": {"n": 20}}, "added_rows": [{"name": "c", "n": 3}], "deleted_rows": [0]}
    a.run({ed["id"]: orjson.dumps(edits).decode()})
    assert a.texts()[0] == "{'name': ['b', 'c'], 'n': [20, 3], 'ok': [False, nan]}"
    assert a.texts()[1] == "{'edited_rows': {1: {'n': 20}}, 'added_rows': [{'name': 'c', 'n': 3}], 'deleted_rows': [0]}"
    assert a.of_type("data_editor")[0]["edits"]["edited_rows"] == {"1": {"n": 20}}
    a.run({ed["id"]: orjson.dumps({"edited_rows": {"0": {"ok": False}}}).decode()})  # disabled column: refused
    assert a.texts()[0] == "{'name': ['b', 'c'], 'n': [20, 3], 'ok': [False, nan]}"
    lst = a.of_type("data_editor")[1]
    a.run({lst["id"]: orjson.dumps({"edited_rows": {"0": {"x": 5}}}).decode()})
    assert a.texts()[2] == "[{'x': 5}]"


def test_data_editor_returns_the_input_type(app: App) -> None:
    a = app(
        """
        import numpy as np, pandas as pd, polars as pl, pyarrow as pa, streamlit as st
        for i, data in enumerate([pl.DataFrame({"x": [1]}), pa.table({"x": [1]}), np.array([[1]]), {"x": [1]}]):
            out = st.data_editor(data, key=f"e{i}")
            shown = out if isinstance(out, dict) else out.tolist() if hasattr(out, "tolist") else None
            st.write(type(out).__name__ + " " + repr(shown))
        """
    )
    assert [t.split()[0] for t in a.texts()] == ["DataFrame", "Table", "ndarray", "dict"]
    numpy_editor, dict_editor = a.of_type("data_editor")[2:]
    a.run({dict_editor["id"]: orjson.dumps({"edited_rows": {"0": {"x": 7}}}).decode()})
    a.run({numpy_editor["id"]: orjson.dumps({"edited_rows": {"0": {"0": 5}}}).decode()})
    assert [t.split()[0] for t in a.texts()] == ["DataFrame", "Table", "ndarray", "dict"]
    assert a.texts()[2:] == ["ndarray [[5]]", "dict {'x': [7]}"]


BUTTONS = """
import pandas as pd, streamlit as st
calls = st.session_state.setdefault("calls", [])
df = pd.DataFrame({"name": ["a", "b"], "act": ["Open", "Open"], "more": [["Edit", "Drop"], ["Edit"]]})
st.dataframe(df, column_config={
    "act": st.column_config.ButtonColumn("Act", on_click=lambda: calls.append(st.session_state.go.row), key="go"),
    "more": st.column_config.ButtonColumn(type="tertiary"),
})
st.text(f"go={st.session_state.go} calls={calls}")
"""


def test_button_columns_are_triggers_with_row_and_label(app: App) -> None:
    a = app(BUTTONS)
    columns = {c["name"]: c for c in a.of_type("dataframe")[0]["columns"]}
    trigger = columns["act"]["config"]["type_config"]["trigger"]
    assert columns["act"]["config"]["disabled"] is True and "trigger" not in columns["more"]["config"]["type_config"]
    assert a.texts("text") == ["go=None calls=[]"]
    a.run({trigger: '{"row": 1, "label": "Open"}'})
    assert a.texts("text") == ["go={'row': 1, 'label': 'Open'} calls=[1]"]
    a.run()  # the click lasts one run
    assert a.texts("text") == ["go=None calls=[1]"]
    a.run({trigger: '{"row": "x"}'})  # malformed clicks are dropped
    assert a.texts("text") == ["go=None calls=[1]"]


def test_button_column_callbacks_need_a_key(app: App) -> None:
    message = _error(
        app,
        "st.dataframe(pd.DataFrame({'a': ['x']}), column_config={'a': st.column_config.ButtonColumn(on_click=print)})",
    )
    assert "need a key" in message
    assert "'primary', 'secondary' or 'tertiary'" in _error(app, "st.column_config.ButtonColumn(type='big')")


def test_categorical_columns_are_selectboxes_of_their_categories(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"size": pd.Categorical(["S", "L"], categories=["S", "M", "L"]), "n": [1, 2]})
        out = st.data_editor(df, key="ed")
        st.text(f"{list(out['size'])} {out['size'].dtype}")
        """
    )
    size = next(c for c in a.of_type("data_editor")[0]["columns"] if c["name"] == "size")
    assert size["config"]["type_config"] == {"type": "selectbox", "options": ["S", "M", "L"]}
    a.run(
        {
            a.of_type("data_editor")[0][
                "id"
            ]: '{"edited_rows": {"0": {"size": "M"}}, "added_rows": [], "deleted_rows": []}'
        }
    )
    assert a.texts("text") == ["['M', 'L'] category"]


def test_editor_edits_outside_a_columns_limits_are_refused(app: App) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"name": ["ab"], "n": [5]})
        out = st.data_editor(df, key="ed", column_config={
            "name": st.column_config.TextColumn(max_chars=3, validate="^[a-z]+$"),
            "n": st.column_config.NumberColumn(min_value=0, max_value=10),
        })
        st.text(f"{out.iloc[0, 0]} {out.iloc[0, 1]}")
        """
    )
    wid = a.of_type("data_editor")[0]["id"]

    def edit(values: dict[str, object]) -> list[str]:
        a.run({wid: orjson.dumps({"edited_rows": {"0": values}, "added_rows": [], "deleted_rows": []}).decode()})
        return a.texts("text")

    assert edit({"name": "abcd"}) == ["ab 5"]  # too long
    assert edit({"name": "A1"}) == ["ab 5"]  # refused by the pattern
    assert edit({"n": 11}) == ["ab 5"]  # above max_value
    assert edit({"name": "xyz", "n": 0}) == ["xyz 0"]


def test_alt_names_grids_and_tables_for_screen_readers(app: App, caplog: Any) -> None:
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"rain": [1.5, 2.5]})
        st.dataframe(df, alt="Rain by city")
        st.data_editor(df, alt=5, key="editor")
        st.table(df, alt="   ")
        st.table(df)
        """
    )
    names = [(e["type"], e["alt"]) for e in a.elements if e["type"] in ("dataframe", "data_editor", "table")]
    assert names == [("dataframe", "Rain by city"), ("data_editor", "5"), ("table", None), ("table", None)]
    assert "gives no accessible name" in caplog.text  # a blank alt is logged, as Streamlit does


def test_a_number_column_over_an_empty_object_column(app: App) -> None:
    # As in Streamlit 1.67: a column with no values yet takes any column type, and an added
    # row's number comes back as a number.
    a = app(
        """
        import pandas as pd, streamlit as st
        df = pd.DataFrame({"a": pd.Series([], dtype=object)})
        config = {"a": st.column_config.NumberColumn("A")}
        st.dataframe(df, column_config=config)
        out = st.data_editor(df, column_config=config, num_rows="dynamic", key="ed")
        st.write(repr(out["a"].tolist()))
        """
    )
    assert not a.of_type("exception")
    ed = a.of_type("data_editor")[0]
    assert [c["kind"] for c in ed["columns"] if not c["index"]] == ["empty"]
    a.run({ed["id"]: orjson.dumps({"edited_rows": {}, "added_rows": [{"a": 5}], "deleted_rows": []}).decode()})
    assert a.texts()[0] == "[5]"
