"""st.App: an app as an ASGI application, with routes, a lifespan, secrets and an error hook."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

import slipstream as st
from slipstream.runtime.wire import decode_frame
from slipstream.testing.app_test import AppTest

SHOW_OPTION_AND_SECRET = """
import streamlit as st
from slipstream import config
from slipstream.runtime.context import get_run_context
from slipstream.runtime.wire import decode_frame
st.write(f"upload limit {config.get_option('server.maxUploadSize')}")
st.write(f"secret {get_run_context().session.app.secrets.get('token')}")
"""


def _script(tmp_path: Path, source: str, name: str = "main.py") -> Path:
    path = tmp_path / name
    path.write_text(source)
    return path


def _run_in_browser_protocol(client: TestClient, prefix: str = "") -> list[str]:
    """Open a session over the websocket; the markdown the first run shows."""
    with client.websocket_connect(f"{prefix}/_slipstream/ws") as ws:
        ws.send_text(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
        decode_frame(ws.receive_text())
        bodies: list[str] = []
        while True:
            frame = decode_frame(ws.receive_text())
            bodies += [m["e"]["body"] for m in frame if m["t"] == "el" and m["e"]["type"] == "markdown"]
            if any(m["t"] == "run_end" for m in frame):
                return bodies


def test_an_app_serves_its_own_routes_and_lifespan_state(tmp_path: Path) -> None:
    events: list[str] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: st.App) -> AsyncIterator[dict[str, Any]]:
        events.append("start")
        yield {"model": "loaded"}
        events.append("stop")

    async def ping(request: Request) -> PlainTextResponse:
        return PlainTextResponse("pong")

    script = _script(tmp_path, "import streamlit as st\nst.write('hi')\n")
    app = st.App(script, lifespan=lifespan, routes=[Route("/ping", ping)])
    with TestClient(app) as client:
        assert client.get("/ping").text == "pong"
        assert client.get("/_slipstream/health").text == "ok"
        assert app.state.model == "loaded" and events == ["start"]
        assert _run_in_browser_protocol(client) == ["hi"]
    assert events == ["start", "stop"]


def test_two_apps_in_one_process_keep_their_own_options_and_secrets(tmp_path: Path) -> None:
    script = _script(tmp_path, SHOW_OPTION_AND_SECRET)
    first = st.App(script, secrets={"token": "one"})
    second = st.App(script, secrets={"token": "two"})
    first._configure({"server.maxUploadSize": 5})
    second._configure({"server.maxUploadSize": 7})
    with TestClient(first) as a, TestClient(second) as b:
        assert _run_in_browser_protocol(a) == ["upload limit 5", "secret one"]
        assert _run_in_browser_protocol(b) == ["upload limit 7", "secret two"]


def test_apptests_do_not_share_secrets() -> None:
    source = (
        "import streamlit as st\nfrom slipstream.runtime.context import get_run_context\n"
        "st.write(str(get_run_context().session.app.secrets))"
    )
    first, second = AppTest.from_string(source), AppTest.from_string(source)
    first.secrets["token"] = "mine"
    assert first.run().markdown[0].value == "{'token': 'mine'}"
    assert second.run().markdown[0].value == "{}"


def test_an_app_mounted_under_a_path_serves_its_page_and_websocket_there(tmp_path: Path) -> None:
    app = st.App(_script(tmp_path, "import streamlit as st\nst.write('mounted')\n"))
    outer = Starlette(routes=[Mount("/dash", app=app)], lifespan=app.lifespan())
    with TestClient(outer) as client:
        page = client.get("/dash/")
        assert page.status_code in (200, 503)  # 503: the frontend is not built in this checkout
        assert _run_in_browser_protocol(client, "/dash") == ["mounted"]


def test_a_route_that_clashes_with_slipstreams_is_refused(tmp_path: Path) -> None:
    async def page(request: Request) -> PlainTextResponse:
        return PlainTextResponse("")

    script = _script(tmp_path, "")
    for path in ("/", "/_slipstream/ws", "/assets/x.js"):
        with pytest.raises(ValueError, match=f"route '{path}' clashes"):
            st.App(script, routes=[Route(path, page)])


def test_secrets_of_unsupported_types_are_refused_by_key(tmp_path: Path) -> None:
    script = _script(tmp_path, "")
    st.App(script, secrets={"db": {"host": "h", "port": 5432, "replicas": ["a", "b"], "ssl": True, "w": 0.5}})
    with pytest.raises(TypeError, match=r"'db\.when'.*datetime"):
        import datetime

        st.App(script, secrets={"db": {"when": datetime.datetime.now()}})
    with pytest.raises(TypeError, match=r"'keys\[1\]'.*object"):
        st.App(script, secrets={"keys": ["a", object()]})


def test_a_missing_script_is_named_at_construction(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nothing_here\.py"):
        st.App(tmp_path / "nothing_here.py")


CRASHES = """
import streamlit as st
def boom():
    raise KeyError("from a callback")
st.button("Go", on_click=boom, key="go")
st.write("before")
if st.session_state.get("crash_script"):
    raise ValueError("from the script")
"""


def test_on_script_error_sees_script_and_callback_errors_and_may_replace_the_display() -> None:
    seen: list[BaseException] = []

    def handler(exc: Exception) -> bool:
        seen.append(exc)
        st.error(f"custom: {exc}")
        return True

    at = AppTest.from_string(CRASHES)
    at._app.on_script_error = handler  # what App(on_script_error=...) gives the app's sessions
    at.session_state["crash_script"] = True
    at.run()
    assert [type(e) for e in seen] == [ValueError]
    assert [e.value for e in at.error] == ["custom: from the script"] and not at.exception
    at.session_state["crash_script"] = False
    at.button(key="go").click().run()
    assert [type(e) for e in seen] == [ValueError, KeyError]
    assert not at.exception


def test_when_the_handler_returns_none_the_exception_shows() -> None:
    at = AppTest.from_string('raise ValueError("shown")')
    at._app.on_script_error = lambda exc: None
    assert "shown" in at.run().exception[0].value


COUNTS_CALLS = """
import streamlit as st
import builtins

@st.cache_data
def value():
    builtins.cache_calls_for_test = getattr(builtins, "cache_calls_for_test", 0) + 1
    return 1

value()
st.write("done")
"""


def test_each_app_caches_its_own_values(tmp_path: Path) -> None:
    import builtins

    script = _script(tmp_path, COUNTS_CALLS)
    builtins.cache_calls_for_test = 0  # type: ignore[attr-defined]
    first, second = st.App(script), st.App(script)
    with TestClient(first) as a, TestClient(second) as b:
        _run_in_browser_protocol(a)
        _run_in_browser_protocol(a)
        assert builtins.cache_calls_for_test == 1  # type: ignore[attr-defined]
        _run_in_browser_protocol(b)
        assert builtins.cache_calls_for_test == 2  # type: ignore[attr-defined]
    del builtins.cache_calls_for_test  # type: ignore[attr-defined]


def test_session_state_lives_in_the_apps_state_store() -> None:
    from slipstream.runtime.app_runtime import AppRuntime
    from slipstream.runtime.script import SourceScript
    from slipstream.runtime.session import Session

    stores: dict[str, dict[str, Any]] = {}
    app = AppRuntime(
        SourceScript("import streamlit as st\nst.session_state.visits = st.session_state.get('visits', 0) + 1")
    )
    app.state_store = lambda session_id: stores.setdefault(session_id, {})
    assert app.script is not None
    session = Session(app.script, app=app, threaded=False)
    session.run_pending()
    session.run_pending()
    assert stores == {session.id: {"visits": 2}}


def test_server_base_url_path_serves_the_app_under_its_prefix(tmp_path: Path) -> None:
    from slipstream.server.app import create_app, under_base_path

    script = _script(tmp_path, "import streamlit as st\nst.write('under a prefix')\n")
    asgi = under_base_path(create_app(script, {"server.fileWatcherType": "none"}), "/tools/dash/")
    with TestClient(asgi) as client:
        assert client.get("/", follow_redirects=False).headers["location"] == "/tools/dash/"
        assert client.get("/tools/dash/_slipstream/health").text == "ok"
        assert client.get("/_slipstream/health").status_code == 404
        assert _run_in_browser_protocol(client, "/tools/dash") == ["under a prefix"]


def test_a_run_reaches_its_app() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nfrom slipstream.runtime.context import get_run_context\n"
        "st.write(str(get_run_context().app.secrets))"
    )
    at.secrets["k"] = "v"
    assert at.run().markdown[0].value == "{'k': 'v'}"


def test_user_middleware_runs_before_slipstreams(tmp_path: Path) -> None:
    from starlette.middleware import Middleware
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    seen: list[str] = []

    class Outermost:
        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            async def watch(message: Message) -> None:
                if message["type"] == "http.response.start":
                    names = {name.decode().lower() for name, _ in message["headers"]}
                    seen.append("page headers already set" if "x-frame-options" in names else "not yet")
                await send(message)

            await self.app(scope, receive, watch if scope["type"] == "http" else send)

    app = st.App(_script(tmp_path, ""), middleware=[Middleware(Outermost)])
    with TestClient(app) as client:
        client.get("/")
    assert seen == ["page headers already set"]  # it wraps Slipstream's own, so it sees their work
