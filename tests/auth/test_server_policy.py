"""What [auth] changes in the server beyond the login itself, as in Streamlit 1.67: XSRF
protection on, st.user from trusted request headers (server.trustedUserHeaders), and which tab
may resume a session."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from starlette.datastructures import Headers
from starlette.testclient import TestClient

from slipstream import config
from slipstream.auth.user import user_from_headers
from slipstream.runtime.blobs import BlobStore
from slipstream.runtime.wire import decode_frame
from slipstream.server.app import create_app

ORIGIN = "http://testserver"
AUTH = f"""
[auth]
redirect_uri = "{ORIGIN}/oauth2callback"
cookie_secret = "a-cookie-secret-for-tests"
client_id = "id"
client_secret = "client-secret"
server_metadata_url = "https://p.example/.well-known/openid-configuration"
"""
APP = """
import streamlit as st
f = st.file_uploader("Data")
st.write(f"user: {st.user.to_dict()}")
if st.button("Log out"):
    st.logout()
"""


def make_client(tmp_path: Path, secrets: str, **options: Any) -> TestClient:
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / ".streamlit").mkdir(exist_ok=True)
    (tmp_path / ".streamlit" / "secrets.toml").write_text(secrets)
    app = create_app(tmp_path / "app.py", {"server.fileWatcherType": "none", **options}, blobs=BlobStore())
    return TestClient(app, base_url=ORIGIN)


def first_run(ws: Any, session: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Say hello (resuming ``session``): the server's reply and the first run's elements."""
    ws.send_text(json.dumps({"t": "hello", "v": 1, "session": session, "query": ""}))
    reply = decode_frame(ws.receive_text())[0]
    elements: list[dict[str, Any]] = []
    while True:
        frame = decode_frame(ws.receive_text())
        elements += [m["e"] for m in frame if m["t"] in ("el", "patch")]
        if any(m["t"] == "run_end" for m in frame):
            return reply, elements


def user_line(elements: list[dict[str, Any]]) -> str:
    return next(e["body"] for e in elements if str(e.get("body", "")).startswith("user: "))


def test_auth_turns_xsrf_protection_on_for_uploads(tmp_path: Path, caplog: Any) -> None:
    with caplog.at_level(logging.INFO, "slipstream.server"):
        client = make_client(tmp_path, AUTH, **{"server.enableXsrfProtection": False})
    assert "[auth] is in the secrets: uploads still need" in caplog.text
    with client, client.websocket_connect("/_slipstream/ws", headers={"origin": ORIGIN}) as ws:
        reply, elements = first_run(ws)
        widget = next(e["id"] for e in elements if e["type"] == "file_uploader")
        url = f"/_slipstream/upload/{reply['session']}/{widget}?name=a.txt"
        assert client.put(url, content=b"hi").status_code == 403
        assert client.put(url, content=b"hi", headers={"x-slipstream-xsrf": reply["xsrf"]}).status_code == 200


def test_without_auth_xsrf_protection_follows_the_option(tmp_path: Path) -> None:
    with (
        make_client(tmp_path, "", **{"server.enableXsrfProtection": False}) as client,
        client.websocket_connect("/_slipstream/ws", headers={"origin": ORIGIN}) as ws,
    ):
        reply, elements = first_run(ws)
        widget = next(e["id"] for e in elements if e["type"] == "file_uploader")
        assert client.put(f"/_slipstream/upload/{reply['session']}/{widget}?name=a", content=b"hi").status_code == 200


def test_trusted_headers_fill_st_user_first_value_none_when_absent(tmp_path: Path) -> None:
    mapping = {"X-Forwarded-Email": "email", "X-Team": "team"}
    with make_client(tmp_path, "", **{"server.trustedUserHeaders": mapping}) as client:
        headers = {"origin": ORIGIN, "x-forwarded-email": "ann@example.com"}
        with client.websocket_connect("/_slipstream/ws", headers=headers) as ws:
            assert user_line(first_run(ws)[1]) == "user: {'email': 'ann@example.com', 'team': None}"
        # A header sent twice (as a proxy could): the first value counts.
        twice = Headers(raw=[(b"x-forwarded-email", b"ann@example.com"), (b"x-forwarded-email", b"eve@example.com")])
        app = client.app.state.manager.app  # type: ignore[attr-defined]
        assert user_from_headers(app, twice) == {"email": "ann@example.com", "team": None}


def test_trusted_headers_override_the_login_cookie_and_add_to_a_logged_out_user(tmp_path: Path) -> None:
    with make_client(tmp_path, AUTH, **{"server.trustedUserHeaders": {"X-Email": "email"}}) as client:
        with client.websocket_connect("/_slipstream/ws", headers={"origin": ORIGIN, "x-email": "b@x"}) as ws:
            assert user_line(first_run(ws)[1]) == "user: {'email': 'b@x', 'is_logged_in': False}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('{"X-A": "email", "X-B": "email"}', "several headers to the same key of st.user: ['email']"),
        ('{"X-A": 1}', "must map to a string"),
        ("[1]", "must be a table"),
        ("{nope", "is not JSON"),
    ],
)
def test_trusted_headers_option_is_checked(value: str, message: str) -> None:
    with pytest.raises(config.ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        config._check("server.trustedUserHeaders", value)


def test_trusted_headers_option_takes_json_from_the_environment() -> None:
    assert config._check("server.trustedUserHeaders", '{"X-Email": "email"}') == {"X-Email": "email"}


def test_a_session_resumes_only_for_the_same_user_and_never_after_logout(tmp_path: Path) -> None:
    mapping = {"X-Email": "email"}
    with make_client(tmp_path, "", **{"server.trustedUserHeaders": mapping}) as client:
        ann = {"origin": ORIGIN, "x-email": "ann@example.com"}
        with client.websocket_connect("/_slipstream/ws", headers=ann) as ws:
            session = first_run(ws)[0]["session"]
        with client.websocket_connect("/_slipstream/ws", headers=ann) as ws:
            assert first_run(ws, session)[0]["resumed"] is True
        bob = {**ann, "x-email": "bob@example.com"}
        with client.websocket_connect("/_slipstream/ws", headers=bob) as ws:
            reply, elements = first_run(ws, session)
            assert reply["resumed"] is False and reply["session"] != session
            assert user_line(elements) == "user: {'email': 'bob@example.com'}"
        with client.websocket_connect("/_slipstream/ws", headers=ann) as ws:
            reply, elements = first_run(ws, session)
            assert reply["resumed"] is True
            button = next(e["id"] for e in elements if e["type"] == "button")
            ws.send_text(json.dumps({"t": "rerun", "values": {button: True}}))
            while not any(m["t"] == "auth_redirect" for m in decode_frame(ws.receive_text())):
                pass
        with client.websocket_connect("/_slipstream/ws", headers=ann) as ws:  # the same headers, after st.logout
            reply = first_run(ws, session)[0]
            assert reply["resumed"] is False and reply["session"] != session
