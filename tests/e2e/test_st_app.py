"""st.App in a real browser: served by `slipstream run`, and mounted under a path by uvicorn."""

from __future__ import annotations

import sys
import urllib.request
from pathlib import Path
from typing import Any

from tests.server_process import free_port, running_process, running_server

DASHBOARD = """
import numpy as np
import pandas as pd
import streamlit as st

if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count: {st.session_state.n}")
st.image(np.full((8, 8, 3), 200, dtype=np.uint8), caption="square")
st.dataframe(pd.DataFrame({"city": ["Lyon", "Oslo"], "rain": [1.5, 2.5]}))
if st.session_state.n >= 2:
    raise RuntimeError("two clicks is too many")
"""

LAUNCHER = """
import contextlib

import streamlit as st
from starlette.responses import PlainTextResponse
from starlette.routing import Route

@contextlib.asynccontextmanager
async def lifespan(app):
    yield {"greeting": "hello from the lifespan"}

async def greet(request):
    return PlainTextResponse(app.state.greeting)

def friendly_error(exc):
    st.error(f"Sorry: {exc}")
    return True

app = st.App("dashboard.py", lifespan=lifespan, routes=[Route("/greet", greet)], on_script_error=friendly_error)
"""

MOUNTED = """
import slipstream as st
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

dashboard = st.App("dashboard.py")

async def home(request):
    return PlainTextResponse("the outer app")

app = Starlette(routes=[Route("/", home), Mount("/dash", app=dashboard)], lifespan=dashboard.lifespan())
"""


def _click_twice_and_see(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_text("count: 0").wait_for()
    page.wait_for_function("() => [...document.images].some(i => i.complete && i.naturalWidth === 8)")
    page.locator("[data-testid=stDataFrame], .el-dataframe").first.wait_for()
    page.get_by_role("button", name="Increment").click()
    page.get_by_text("count: 1").wait_for()


def test_a_launcher_file_is_served_with_its_routes_lifespan_and_error_handler(tmp_path: Path, page: Any) -> None:
    (tmp_path / "dashboard.py").write_text(DASHBOARD)
    launcher = tmp_path / "serve.py"
    launcher.write_text(LAUNCHER)
    with running_server(launcher) as url:
        assert urllib.request.urlopen(url + "/greet", timeout=5).read() == b"hello from the lifespan"
        _click_twice_and_see(page, url)
        page.get_by_role("button", name="Increment").click()
        page.get_by_text("Sorry: two clicks is too many").wait_for()
        assert page.get_by_text("RuntimeError").count() == 0  # the handler's error replaced the traceback


def test_an_app_mounted_under_a_path_works_there(tmp_path: Path, page: Any) -> None:
    (tmp_path / "dashboard.py").write_text(DASHBOARD)
    (tmp_path / "outer.py").write_text(MOUNTED)
    port = free_port()
    cmd = [sys.executable, "-m", "uvicorn", "outer:app", "--host", "127.0.0.1", "--port", str(port)]
    with running_process(cmd, tmp_path, f"http://127.0.0.1:{port}", health="/dash/_slipstream/health") as url:
        assert urllib.request.urlopen(url + "/", timeout=5).read() == b"the outer app"
        _click_twice_and_see(page, url + "/dash")  # without the slash: redirected to /dash/
        assert page.url.endswith("/dash/")
        page.screenshot(path=str(tmp_path / "mounted.png"))
