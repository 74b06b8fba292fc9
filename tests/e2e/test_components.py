"""HTML and custom components in a real browser: st.html's sanitizing, frames' sizes, a v1
component speaking streamlit-component-lib's messages, a real PyPI component
(streamlit-option-menu, which the README's test command installs) and a v2 component with state
and triggers."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import ServeApp

# A component page written against streamlit-component-lib's protocol by hand. It counts its
# loads and the render events it gets in the parent page, which a test can read (same origin).
COMPONENT_PAGE = """<!doctype html><html><body style="margin:0">
<button id="send">send</button><button id="grow">grow</button><div id="args"></div>
<script>
const post = (type, data) => parent.postMessage({isStreamlitMessage: true, type, ...data}, "*");
parent.__loads = (parent.__loads || 0) + 1;
parent.__renders = parent.__renders || 0;
window.addEventListener("message", (event) => {
  if (event.data.type !== "streamlit:render") return;
  parent.__renders += 1;
  const rows = event.data.dfs.length ? event.data.dfs[0].value.data.data.length : 0;
  document.getElementById("args").textContent =
    JSON.stringify(event.data.args) + " theme:" + event.data.theme.base + " arrowbytes:" + (rows > 0);
  post("streamlit:setFrameHeight", {height: 80});
});
document.getElementById("send").onclick = () =>
  post("streamlit:setComponentValue", {value: {clicked: event.data === undefined, n: 42}, dataType: "json"});
document.getElementById("grow").onclick = () => post("streamlit:setFrameHeight", {height: 230});
post("streamlit:bogus", {});
post("streamlit:setComponentValue", {value: 1, dataType: "nonsense"});
post("streamlit:componentReady", {apiVersion: 1});
</script></body></html>"""

V1_APP = """
import os
import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

probe = components.declare_component("probe", path=os.path.join(os.path.dirname(__file__), "probe"))
value = probe(label="hello", table=pd.DataFrame({"a": [1, 2]}), key="p", default={"n": 0})
st.write("value:", value["n"])
st.button("unrelated rerun")
"""


def test_a_v1_component_round_trips_its_value_and_sizes_its_frame(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    (tmp_path / "probe").mkdir()
    (tmp_path / "probe" / "index.html").write_text(COMPONENT_PAGE)
    with serve(V1_APP) as url:
        page.goto(url)
        frame_el = page.locator("iframe[data-testid='stCustomComponentV1']")
        frame = page.frame_locator("iframe[data-testid='stCustomComponentV1']")
        args = frame.locator("#args")
        args.get_by_text('"label":"hello"').wait_for()
        assert '"key":"p"' in args.inner_text() and "theme:light" in args.inner_text()
        assert "arrowbytes:true" in args.inner_text()
        page.wait_for_function("() => document.querySelector('[data-testid=stCustomComponentV1]').offsetHeight === 80")
        frame.locator("#grow").click()
        page.wait_for_function("() => document.querySelector('[data-testid=stCustomComponentV1]').offsetHeight === 230")
        frame.locator("#send").click()
        page.get_by_text("value: 42").wait_for()
        # An unrelated rerun neither reloads the frame nor sends its render event again.
        renders = page.evaluate("window.__renders")
        page.get_by_role("button", name="unrelated rerun").click()
        page.wait_for_timeout(600)
        assert page.evaluate("window.__loads") == 1
        assert page.evaluate("window.__renders") == renders
        assert frame_el.count() == 1


OPTION_MENU_APP = """
import streamlit as st
from streamlit_option_menu import option_menu

choice = option_menu("Main menu", ["Home", "Upload", "Settings"], icons=["house", "cloud-upload", "gear"], key="menu")
st.write(f"chosen: {choice}")
"""


def test_streamlit_option_menu_from_pypi_runs_unchanged(serve: ServeApp, page: Any) -> None:
    if importlib.util.find_spec("streamlit_option_menu") is None:
        pytest.fail("streamlit-option-menu is missing: scripts/test installs it (pip install --no-deps ...)")
    with serve(OPTION_MENU_APP) as url:
        page.goto(url)
        page.get_by_text("chosen: Home").wait_for()
        menu = page.frame_locator("iframe[data-testid='stCustomComponentV1']")
        menu.get_by_text("Main menu").wait_for()
        assert page.locator("iframe[data-testid='stCustomComponentV1']").evaluate("f => f.offsetHeight") > 100
        menu.get_by_text("Settings").click()
        page.get_by_text("chosen: Settings").wait_for()


HTML_APP = """
import streamlit as st
import streamlit.components.v1 as components

st.html("<p id='safe' onclick='window.__clicked = 1'>safe<script>window.__ran = 1</script></p>")
st.html("<p id='trusted'>trusted</p><script>window.__trusted = 1</script>", unsafe_allow_javascript=True)
st.html("<style>#safe { color: rgb(0, 128, 0) }</style>")
components.html("<div style='height: 500px'>tall</div>", height=120, scrolling=True)
components.html("<p>fixed</p>", height=90)
st.iframe("<div style='height: 260px'>measured</div>")
"""


def test_html_sanitizes_unless_asked_and_frames_take_their_sizes(serve: ServeApp, page: Any) -> None:
    with serve(HTML_APP) as url:
        page.goto(url)
        safe = page.locator("#safe")
        safe.wait_for()
        page.locator("#trusted").wait_for()
        page.wait_for_function("() => window.__trusted === 1")
        safe.click()
        assert page.evaluate("[window.__ran, window.__clicked]") == [None, None]
        assert safe.evaluate("p => getComputedStyle(p).color") == "rgb(0, 128, 0)"
        frames = page.locator("iframe[data-testid='stIFrame']")
        assert frames.nth(0).evaluate("f => [f.offsetHeight, f.getAttribute('scrolling')]") == [120, "auto"]
        assert frames.nth(1).evaluate("f => [f.offsetHeight, f.getAttribute('scrolling')]") == [90, "no"]
        page.wait_for_function(
            "() => document.querySelectorAll('[data-testid=stIFrame]')[2].offsetHeight >= 260"
            " && document.querySelectorAll('[data-testid=stIFrame]')[2].offsetHeight < 300"
        )


V2_APP = """
import streamlit as st

JS = '''
export default function ({ parentElement, data, setStateValue, setTriggerValue }) {
  const button = parentElement.querySelector("button");
  button.textContent = data.label;
  let count = 0;
  button.onclick = () => { count += 1; setStateValue("count", count); setTriggerValue("clicked", count); };
}
'''
CSS = "button { color: rgb(200, 0, 0) }"
counter = st.components.v2.component("counter", html="<button>?</button>", css=CSS, js=JS)
log = st.session_state.setdefault("log", [])
result = counter(
    key="c",
    data={"label": "Add one"},
    on_count_change=lambda: log.append("count"),
    on_clicked_change=lambda: log.append("clicked"),
)
st.write(f"count={result.count} clicked={result.clicked} log={','.join(log)}")
st.button("again")
"""


def test_a_v2_component_sends_state_and_trigger_values_with_callbacks(serve: ServeApp, page: Any) -> None:
    with serve(V2_APP) as url:
        page.goto(url)
        page.get_by_text("count=None clicked=None log=").wait_for()
        host = page.locator("[data-testid='stBidiComponentIsolated']")
        button = host.get_by_role("button", name="Add one")  # inside its shadow root
        button.wait_for()
        assert host.evaluate("h => h.shadowRoot !== null")
        assert button.evaluate("b => getComputedStyle(b).color") == "rgb(200, 0, 0)"
        button.click()
        # Two reruns in a row: the state's, then the trigger's (which may interrupt the first).
        page.get_by_text("count=1 clicked=1 log=count,clicked").wait_for()
        page.get_by_role("button", name="again").click()
        page.get_by_text("count=1 clicked=None log=count,clicked").wait_for()


PACKAGED_APP = """
import streamlit as st

tags = st.components.v2.component("st-tag-widgets.tag", html="tag.html", css="*.css", js="index-*.js")
result = tags(key="t", data={"label": "Tag me"}, on_tagged_change=lambda: None)
st.write(f"tagged={result.tagged}")
"""


def test_a_v2_component_loads_its_files_from_its_package_asset_dir(
    serve: ServeApp, page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An installed package (editable layout) declaring the component's asset_dir in pyproject.toml.
    project = tmp_path / "project"
    assets = project / "st_tag_widgets" / "dist"
    (assets / "chunks").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[project]\nname = "st-tag-widgets"\nversion = "1.0"\n\n'
        '[[tool.streamlit.component.components]]\nname = "tag"\nasset_dir = "dist"\n'
    )
    (project / "st_tag_widgets" / "__init__.py").write_text("")
    info = project / "st_tag_widgets-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: st-tag-widgets\nVersion: 1.0\nRequires-Dist: streamlit\n"
    )
    (assets / "tag.html").write_text("<button class='tag'>?</button>")
    (assets / "tag-4d2e.css").write_text(".tag { color: rgb(0, 120, 0) }")
    # The module imports a sibling by a relative URL: it must load from its own URL, not a blob.
    (assets / "chunks" / "label.js").write_text("export const label = (d) => d.label + '!';")
    (assets / "index-9b1f.js").write_text(
        "import { label } from './chunks/label.js';\n"
        "export default ({ parentElement, data, setTriggerValue }) => {\n"
        "  const b = parentElement.querySelector('button');\n"
        "  b.textContent = label(data);\n"
        "  b.onclick = () => setTriggerValue('tagged', 'yes');\n"
        "};\n"
    )
    monkeypatch.setenv("PYTHONPATH", f"{project}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    with serve(PACKAGED_APP) as url:
        page.goto(url)
        page.get_by_text("tagged=None").wait_for()
        button = page.locator("[data-testid='stBidiComponentIsolated']").get_by_role("button", name="Tag me!")
        button.wait_for()
        assert button.evaluate("b => getComputedStyle(b).color") == "rgb(0, 120, 0)"
        button.click()
        page.get_by_text("tagged=yes").wait_for()
