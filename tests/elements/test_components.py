"""Custom components: declare_component's arguments, values from the browser (checked, bounded),
component files served from the declared folder only, and v2 state, triggers and callbacks."""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from slipstream.components import registry
from slipstream.components._values import value_from_browser
from slipstream.protocol import (
    MAX_COMPONENT_DEPTH,
    MAX_COMPONENT_VALUE_BYTES,
    ProtocolError,
    check_component_value,
    parse_client_message,
)
from slipstream.runtime.blobs import BlobStore
from slipstream.server.app import create_app
from slipstream.testing import AppTest


@pytest.fixture
def component_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "frontend"
    (folder / "js").mkdir(parents=True)
    (folder / "index.html").write_text("<script src='js/app.js'></script>")
    (folder / "js" / "app.js").write_text("console.log(1)")
    (tmp_path / "secret.txt").write_text("not for the browser")
    return folder


def _browser_sends(at: AppTest, values: dict[str, Any]) -> None:
    """What a rerun message from the browser does: apply the values, run the script."""
    at._session.run_until_idle(values)
    at._session.outbox.drain()
    at._tree = None


def _app(folder: Path, body: str) -> AppTest:
    return AppTest.from_string(
        "import streamlit as st\nimport streamlit.components.v1 as components\n"
        f"picker = components.declare_component('picker', path={str(folder)!r})\n{body}"
    )


def test_a_call_sends_json_args_key_and_default_and_returns_the_default(component_dir: Path) -> None:
    at = _app(component_dir, "st.write(picker(options=['a', (1, 2)], n={1: 2}, default='a', key='p'))").run()
    assert not at.exception
    (el,) = (n.proto for n in at.get("component"))
    assert el["name"] == "app.picker"
    assert el["url"] == "_slipstream/component/app.picker/index.html"
    assert el["args"] == {"options": ["a", [1, 2]], "n": {"1": 2}, "default": "a", "key": "p"}
    assert el["id"].endswith("component-p")
    assert at.markdown[0].value == "a"


def test_a_value_from_the_browser_comes_back_and_calls_on_change(component_dir: Path) -> None:
    at = _app(
        component_dir,
        "def changed():\n    st.session_state.calls = st.session_state.get('calls', 0) + 1\n"
        "st.write(repr(picker(default=None, key='p', on_change=changed)))\n",
    ).run()
    wid = at.get("component")[0].proto["id"]
    _browser_sends(at, {wid: {"json": {"picked": ["b", 2]}}})
    assert at.markdown[0].value == "{'picked': ['b', 2]}"
    assert at.session_state["p"] == {"picked": ["b", 2]} and at.session_state["calls"] == 1
    _browser_sends(at, {wid: {"bytes": base64.b64encode(b"\x00\x01").decode()}})
    assert at.markdown[0].value == "b'\\x00\\x01'"


def test_dataframe_args_go_as_three_arrow_blobs(component_dir: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    at = _app(component_dir, "import pandas as pd\npicker(table=pd.DataFrame({'x': [1, 2]}, index=['r', 's']))").run()
    el = at.get("component")[0].proto
    assert "table" not in el["args"]
    (frame,) = el["dfs"]
    store = at._app.blobs

    def table(url: str) -> Any:
        blob = store.get(url.rsplit("/", 1)[1])
        return pa.ipc.open_stream(blob.data).read_all().to_pandas()

    assert table(frame["data"])["0"].tolist() == [1, 2]
    assert table(frame["index"])["0"].tolist() == ["r", "s"]
    assert table(frame["columns"])["0"].tolist() == ["x"]


def test_arguments_that_cannot_be_serialised_name_the_argument(component_dir: Path) -> None:
    at = _app(component_dir, "picker(colors={'red', 'blue'})").run()
    message = at.exception[0].message
    assert "could not convert component args to JSON" in message and "`colors`" in message and "set" in message
    at = _app(component_dir, "picker('positional')").run()
    assert "pass its arguments by name" in at.exception[0].message


def test_declaring_a_missing_folder_names_it(tmp_path: Path) -> None:
    at = _app(tmp_path / "nowhere", "").run()
    message = at.exception[0].message
    assert str(tmp_path / "nowhere") in message and "is not a folder that exists" in message
    at = AppTest.from_string("import streamlit.components.v1 as c\nc.declare_component('x')\n").run()
    assert "either 'path' or 'url' must be set" in at.exception[0].message


def test_a_url_component_loads_from_its_development_server() -> None:
    at = AppTest.from_string(
        "import streamlit.components.v1 as c\n"
        "dev = c.declare_component('dev', url='http://localhost:3001')\ndev(key='d')\n"
    ).run()
    assert at.get("component")[0].proto["url"] == "http://localhost:3001"


def test_component_values_are_bounded() -> None:
    check_component_value({"json": {"a": [1, "b", None]}})
    deep: Any = 1
    for _ in range(MAX_COMPONENT_DEPTH):
        deep = [deep]
    with pytest.raises(ProtocolError, match="nested"):
        check_component_value({"json": deep})
    with pytest.raises(ProtocolError, match="over the limit"):
        check_component_value({"json": "x" * MAX_COMPONENT_VALUE_BYTES})
    for bad in [{"json": 1, "bytes": ""}, {"text": "x"}, {"bytes": 3}]:
        with pytest.raises(ProtocolError):
            check_component_value(bad)
    with pytest.raises(ValueError, match="base64"):
        value_from_browser({"bytes": "not base64!"})


def test_the_wire_takes_the_component_value_shape_only() -> None:
    parse_client_message('{"t":"rerun","values":{"w":{"json":{"deep":[{"x":1}]}}}}')
    with pytest.raises(ProtocolError):
        parse_client_message('{"t":"rerun","values":{"w":{"other":1}}}')


def test_a_bad_value_is_ignored_with_a_log_line_and_the_session_goes_on(
    component_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    at = _app(component_dir, "st.write(repr(picker(default=0, key='p')))").run()
    wid = at.get("component")[0].proto["id"]
    with caplog.at_level(logging.WARNING):
        _browser_sends(at, {wid: {"json": "x" * (MAX_COMPONENT_VALUE_BYTES + 1)}})
    assert "over the limit" in caplog.text
    assert at.markdown[0].value == "0"
    _browser_sends(at, {wid: {"json": 5}})
    assert at.markdown[0].value == "5"


def test_component_files_are_served_from_their_folder_only(component_dir: Path, tmp_path: Path) -> None:
    registry.declare(registry.Declared("tests.served", component_dir.resolve(), None))
    (component_dir / "link.txt").symlink_to(tmp_path / "secret.txt")
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\n")
    app = create_app(script, {"server.fileWatcherType": "none"}, blobs=BlobStore())
    with TestClient(app) as client:
        page = client.get("/_slipstream/component/tests.served/index.html")
        assert page.status_code == 200 and "js/app.js" in page.text
        assert page.headers["x-content-type-options"] == "nosniff"
        assert client.get("/_slipstream/component/tests.served/js/app.js").status_code == 200
        for path in ["../secret.txt", "%2e%2e/secret.txt", "js/../../secret.txt", "link.txt", "js", "missing.js"]:
            response = client.get(f"/_slipstream/component/tests.served/{path}")
            assert response.status_code == 404, path
        assert client.get("/_slipstream/component/tests.unknown/index.html").status_code == 404
    assert registry.component_file("tests.served", "/etc/passwd") is None
    assert registry.component_file("tests.served", "..\\secret.txt") is None


V2 = """
import streamlit as st
calls = st.session_state.setdefault("calls", [])
JS = "export default () => {}"
counter = st.components.v2.component("counter", html="<button>+1</button>", css="button{}", js=JS)
result = counter(
    key="c",
    data={"start": 1},
    default={"count": 10},
    on_count_change=lambda: calls.append("count"),
    on_clicked_change=lambda: calls.append("clicked"),
)
st.write(repr(dict(result)), repr(result.clicked))
st.write(repr(dict(st.session_state.c)))
"""


def test_v2_state_and_trigger_values_reach_the_script_and_callbacks() -> None:
    at = AppTest.from_string(V2).run()
    assert not at.exception
    el = at.get("bidi_component")[0].proto
    assert (el["html"], el["css"], el["isolate_styles"], el["data"], el["state"]) == (
        "<button>+1</button>",
        "button{}",
        True,
        {"start": 1},
        {"count": 10},
    )
    assert at.markdown[0].value == "{'count': 10, 'clicked': None} None"
    assert at.markdown[1].value == "{'count': 10}"
    _browser_sends(at, {el["id"]: {"json": {"count": 11}}})
    assert at.markdown[0].value == "{'count': 11, 'clicked': None} None"
    assert at.session_state["c"] == {"count": 11} and at.session_state["calls"] == ["count"]
    _browser_sends(at, {el["trigger_id"]: {"json": {"clicked": "yes"}}})
    assert at.markdown[0].value == "{'count': 11, 'clicked': 'yes'} 'yes'"
    assert at.session_state["calls"] == ["count", "clicked"]
    assert at.markdown[1].value == "{'clicked': 'yes', 'count': 11}"  # session_state has the trigger too
    at.run()  # a trigger lasts one run
    assert at.markdown[0].value == "{'count': 11, 'clicked': None} None"
    assert at.markdown[1].value == "{'count': 11}"


def test_v2_argument_errors() -> None:
    for body, words in [
        ("c(on_click=print)", "on_<name>_change"),
        ("c(default={'x': 1})", "names no state"),
        ("c(width=0)", "width"),
    ]:
        at = AppTest.from_string(f"import streamlit as st\nc = st.components.v2.component('c')\n{body}\n").run()
        assert words in at.exception[0].message, body
    at = AppTest.from_string("import streamlit as st\nst.components.v2.component('c', js=3)\n").run()
    assert "js must be a string" in at.exception[0].message


PACKAGE_TOML = """
[project]
name = "st-demo-widgets"
version = "0.1.0"

[[tool.streamlit.component.components]]
name = "counter"
asset_dir = "frontend/build"

[[tool.streamlit.component.components]]
name = "escaper"
asset_dir = "../.."

[[tool.streamlit.component.components]]
name = "inline_only"
"""


@pytest.fixture
def widgets_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed component package as an editable install leaves it: the project folder (its
    pyproject.toml, the package, the .dist-info) on sys.path. Returns the asset folder."""
    project = tmp_path / "project"
    assets = project / "st_demo_widgets" / "frontend" / "build"
    (assets / "chunks").mkdir(parents=True)
    (project / "pyproject.toml").write_text(PACKAGE_TOML)
    (project / "st_demo_widgets" / "__init__.py").write_text("")
    (assets / "index-3f9a1c.js").write_text("import './chunks/util.js'; export default () => {}")
    (assets / "chunks" / "util.js").write_text("export const x = 1")
    (assets / "styles.css").write_text("button { color: red }")
    (assets / "card.html").write_text("<button>from a file</button>")
    (assets / "two-a.js").write_text("")
    (assets / "two-b.js").write_text("")
    (project / "secret.txt").write_text("not for the browser")
    info = project / "st_demo_widgets-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: st-demo-widgets\nVersion: 0.1.0\nRequires-Dist: streamlit>=1.50\n"
    )
    (info / "RECORD").write_text("st_demo_widgets/__init__.py,,\n")
    monkeypatch.syspath_prepend(str(project))
    return assets


PACKAGED = """
import streamlit as st
counter = st.components.v2.component(
    "st-demo-widgets.counter", html="card.html", css="*.css", js="index-*.js"
)
counter(key="c")
"""


def test_v2_files_come_from_the_asset_dir_its_package_declares(widgets_package: Path, tmp_path: Path) -> None:
    at = AppTest.from_string(PACKAGED).run()
    assert not at.exception
    el = at.get("bidi_component")[0].proto
    prefix = "_slipstream/bidi-component/st-demo-widgets.counter/"
    assert (el["html"], el["css"], el["js"]) == ("<button>from a file</button>", None, None)
    assert (el["css_url"], el["js_url"]) == (prefix + "styles.css", prefix + "index-3f9a1c.js")
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\n")
    app = create_app(script, {"server.fileWatcherType": "none"}, blobs=BlobStore())
    with TestClient(app) as client:
        module = client.get("/" + el["js_url"])
        assert module.status_code == 200 and module.headers["content-type"].startswith("text/javascript")
        assert client.get("/" + prefix + "chunks/util.js").text == "export const x = 1"
        for path in ["%2e%2e/%2e%2e/%2e%2e/secret.txt", "..%2f..%2f..%2fsecret.txt", "chunks/%2e%2e/styles.css"]:
            assert client.get("/" + prefix + path).status_code == 404, path
        # the v1 route does not serve v2 folders, nor the other way round
        assert client.get("/_slipstream/component/st-demo-widgets.counter/styles.css").status_code == 404
        assert client.get("/_slipstream/bidi-component/st-demo-widgets.other/styles.css").status_code == 404
    assert registry.asset_file("st-demo-widgets.counter", "../../../secret.txt") is None
    assert registry.asset_file("st-demo-widgets.counter", str(widgets_package / "styles.css")) is None


def test_v2_file_paths_are_checked_at_definition(widgets_package: Path) -> None:
    for name, args, words in [
        ("counter", "js='two-*.js'", "exactly one file"),
        ("counter", "js='none-*.js'", "matched: none"),
        ("counter", "js='../../__init__.js'", "traversal"),
        ("counter", "css='/etc/x.css'", "Unsafe path"),
        ("counter", "js='missing.js'", "no file 'missing.js'"),
        ("inline_only", "js='index.js'", "no installed package declares an asset_dir"),
        ("escaper", "js='index.js'", "no installed package declares an asset_dir"),  # refused folder
        ("unknown", "css='style.css'", "no installed package declares an asset_dir"),
    ]:
        body = f"import streamlit as st\nst.components.v2.component('st-demo-widgets.{name}', {args})\n"
        at = AppTest.from_string(body).run()
        assert at.exception and words in at.exception[0].message, (name, args, at.exception)
    # Inline code stays code; html that merely ends in .html is text without an asset folder
    body = "import streamlit as st\nst.components.v2.component('plain', html='a.html', css='b{}', js='x()')()\n"
    el = AppTest.from_string(body).run().get("bidi_component")[0].proto
    assert (el["html"], el["css"], el["js"], el["css_url"], el["js_url"]) == ("a.html", "b{}", "x()", None, None)


def test_a_dataframe_value_keeps_its_index_and_column_labels() -> None:
    import pandas as pd
    import pyarrow as pa

    def part(frame: pd.DataFrame) -> str:
        sink = pa.BufferOutputStream()
        table = pa.Table.from_pandas(frame, preserve_index=False)
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        return base64.b64encode(sink.getvalue().to_pybytes()).decode()

    # What streamlit-component-lib's ArrowTable.serialize() sends: values, index, column labels
    parts = {
        "data": part(pd.DataFrame({"0": [1, 2], "1": [3, 4]})),
        "index": part(pd.DataFrame({"0": [10, 11]})),
        "columns": part(pd.DataFrame({"0": ["price", "qty"]})),
    }
    frame = value_from_browser({"arrow": parts})
    # As Streamlit 1.67 builds it: one-level MultiIndexes for the labels
    assert [c[0] for c in frame.columns] == ["price", "qty"] and [i[0] for i in frame.index] == [10, 11]
    assert frame["price"].to_numpy().ravel().tolist() == [1, 2]
    for bad in [{**parts, "extra": parts["data"]}, {**parts, "index": 3}, {**parts, "index": parts["columns"] + "!"}]:
        with pytest.raises((ProtocolError, ValueError)):
            value_from_browser({"arrow": bad})


def test_v2_session_state_writes_through_to_the_components_state() -> None:
    body = (
        "import streamlit as st\nc = st.components.v2.component('c', js='x()')\n"
        "if 'c' in st.session_state and st.session_state.get('bump'):\n    st.session_state.c['count'] = 5\n"
        "st.write(repr(dict(c(key='c', default={'count': 1}, on_count_change=lambda: None))))\n"
    )
    at = AppTest.from_string(body).run()
    assert at.markdown[0].value == "{'count': 1}"
    at.session_state["bump"] = True
    assert at.run().markdown[0].value == "{'count': 5}"
