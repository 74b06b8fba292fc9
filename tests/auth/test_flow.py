"""The whole login against a real OpenID Connect provider on 127.0.0.1, over HTTP and the
websocket (the browser's own run is in tests/e2e/test_auth.py)."""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from starlette.testclient import TestClient

from slipstream.runtime.blobs import BlobStore
from slipstream.runtime.wire import decode_frame
from slipstream.server.app import create_app
from tests.auth.provider import running_pkce_provider, running_provider

pytest.importorskip("oidc_provider_mock")

APP = """
import streamlit as st
st.write(f"logged in: {st.user.is_logged_in}")
if st.user.is_logged_in:
    st.write(f"email: {st.user.email}")
    st.write(f"team: {st.user['team']}")
    st.write(f"bio: {'bio' in st.user}")
    st.write(f"tokens: {sorted(st.user.tokens)}")
"""
ORIGIN = "http://testserver"
CLIENT_SECRET = "very-secret-client-secret"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with running_provider(bob={"email": "bob@example.com", "team": "red", "bio": "x" * 5000}) as url:
        yield url


def make_client(
    tmp_path: Path, provider: str, extra: str = "", secret: str = "a-cookie-secret-for-tests"
) -> TestClient:
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / ".streamlit").mkdir(exist_ok=True)
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        f"""
[auth]
redirect_uri = "{ORIGIN}/oauth2callback"
cookie_secret = "{secret}"
client_id = "slipstream-test"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{provider}/.well-known/openid-configuration"
{extra}
"""
    )
    app = create_app(tmp_path / "app.py", {"server.fileWatcherType": "none"}, blobs=BlobStore())
    return TestClient(app, base_url=ORIGIN)


@pytest.fixture
def client(tmp_path: Path, provider: str) -> Iterator[TestClient]:
    with make_client(tmp_path, provider) as c:
        yield c


def start_login(client: TestClient, provider_name: str = "default") -> str:
    """Ask the app to log in; the provider's authorization URL it redirects to."""
    response = client.get(f"/auth/login?provider={provider_name}", follow_redirects=False)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def authorize(authorization_url: str, sub: str = "alice") -> str:
    """The user logs in at the provider: the callback URL it sends the browser to."""
    response = httpx.post(authorization_url, data={"sub": sub}, follow_redirects=False)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def callback_path(url: str) -> str:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == ORIGIN
    return f"{parts.path}?{parts.query}"


def app_lines(client: TestClient, cookies: dict[str, str] | None = None) -> list[str]:
    """What the app writes, for a tab connecting with the client's cookies."""
    jar = client.cookies if cookies is None else cookies
    header = "; ".join(f"{name}={value}" for name, value in jar.items())
    with client.websocket_connect("/_slipstream/ws", headers={"origin": ORIGIN, "cookie": header}) as ws:
        ws.send_text(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
        decode_frame(ws.receive_text())
        lines: list[str] = []
        while True:
            frame = decode_frame(ws.receive_text())
            lines += [m["e"]["body"] for m in frame if m["t"] in ("el", "patch") and "body" in m["e"]]
            if any(m["t"] == "run_end" for m in frame):
                return lines


def test_the_authorization_request_has_state_nonce_and_the_default_scope(client: TestClient) -> None:
    query = parse_qs(urlsplit(start_login(client)).query)
    assert query["response_type"] == ["code"] and query["client_id"] == ["slipstream-test"]
    assert query["redirect_uri"] == [f"{ORIGIN}/oauth2callback"]
    assert query["scope"] == ["openid profile email"] and query["prompt"] == ["select_account"]
    assert len(query["state"][0]) >= 32 and len(query["nonce"][0]) >= 32
    # This provider does not list S256 in code_challenge_methods_supported: no PKCE, as 1.67.
    assert "code_challenge" not in query and "code_challenge_method" not in query
    assert CLIENT_SECRET not in start_login(client)


def test_pkce_is_sent_and_checked_when_the_provider_advertises_s256(tmp_path: Path) -> None:
    with running_pkce_provider() as (url, layer), make_client(tmp_path, url) as client:
        query = parse_qs(urlsplit(start_login(client)).query)
        assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
        response = client.get(callback_path(authorize(start_login(client))), follow_redirects=False)
        assert response.status_code == 302 and response.headers["location"] == "/"
        assert app_lines(client)[:2] == ["logged in: True", "email: alice@example.com"]
        assert len(layer.challenges) == 1  # the provider saw the challenge and checked the verifier


def test_a_login_fills_st_user_from_the_id_token(client: TestClient, caplog: Any) -> None:
    assert app_lines(client) == ["logged in: False"]
    response = client.get(callback_path(authorize(start_login(client))), follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == "/"
    cookie_header = next(v for v in response.headers.get_list("set-cookie") if v.startswith("_slipstream_user="))
    assert "HttpOnly" in cookie_header and "SameSite=lax" in cookie_header and "Path=/" in cookie_header
    assert "Max-Age=2592000" in cookie_header
    assert app_lines(client) == [
        "logged in: True",
        "email: alice@example.com",
        "team: blue",
        "bio: False",
        "tokens: []",  # none exposed unless expose_tokens says so
    ]
    assert CLIENT_SECRET not in caplog.text


def test_exposed_tokens_reach_st_user_tokens(tmp_path: Path, provider: str) -> None:
    with make_client(tmp_path, provider, 'expose_tokens = ["id", "access"]') as client:
        client.get(callback_path(authorize(start_login(client))), follow_redirects=False)
        assert app_lines(client)[-1] == "tokens: ['access', 'id']"


def test_an_over_long_claim_is_left_out(client: TestClient, caplog: Any) -> None:
    client.get(callback_path(authorize(start_login(client), sub="bob")), follow_redirects=False)
    assert app_lines(client)[:4] == ["logged in: True", "email: bob@example.com", "team: red", "bio: False"]
    assert "'bio'" in caplog.text and "x" * 100 not in caplog.text


def failure(response: httpx.Response) -> str | None:
    """Where a callback sent the tab: the reason it gives the app (None: no failure), checking
    that it goes back to the app with the login in progress forgotten."""
    assert response.status_code == 302, response.text
    target = urlsplit(response.headers["location"])
    assert (target.scheme, target.netloc, target.path, target.query) == ("", "", "/", "")
    assert "_slipstream_auth_flow" not in response.cookies
    if not target.fragment:
        return None
    key, _, reason = target.fragment.partition("=")
    assert key == "login-failed"
    return reason


def test_a_replayed_callback_is_refused(client: TestClient, caplog: Any) -> None:
    callback = callback_path(authorize(start_login(client)))
    assert failure(client.get(callback, follow_redirects=False)) is None
    # Back to the callback through the history, still logged in: home, without a word.
    assert failure(client.get(callback, follow_redirects=False)) is None
    assert app_lines(client)[0] == "logged in: True"
    client.cookies.clear()
    assert failure(client.get(callback, follow_redirects=False)) == "expired"
    assert "_slipstream_user" not in client.cookies
    assert "no login in progress" in caplog.text


def test_a_replayed_code_is_refused_by_the_provider(client: TestClient, caplog: Any) -> None:
    callback = callback_path(authorize(start_login(client)))
    flow = dict(client.cookies)
    assert client.get(callback, follow_redirects=False).status_code == 302
    assert "_slipstream_user" in client.cookies
    for name, value in flow.items():  # the same login cookie, and the same code, again
        client.cookies.set(name, value)
    replay = client.get(callback, follow_redirects=False)
    assert failure(replay) == "refused" and "invalid_grant" in caplog.text
    # As 1.67: a refused code logs this browser out.
    assert any(v.startswith('_slipstream_user=""') for v in replay.headers.get_list("set-cookie"))
    assert CLIENT_SECRET not in caplog.text and "Traceback" not in caplog.text


def test_a_wrong_or_missing_state_is_refused(client: TestClient) -> None:
    callback = callback_path(authorize(start_login(client)))
    path, query = callback.split("?")
    params = {key: values[0] for key, values in parse_qs(query).items()}
    assert failure(client.get(path, params={**params, "state": "forged"}, follow_redirects=False)) == "state"
    start_login(client)
    assert failure(client.get(path, params={"code": params["code"]}, follow_redirects=False)) == "state"
    assert "_slipstream_user" not in client.cookies


def test_a_provider_error_goes_back_to_the_app_with_a_reason_only(client: TestClient, caplog: Any) -> None:
    start_login(client)
    said = "<script>alert(1)</script> Call +1 555 0100\nnow"
    response = client.get(
        "/oauth2callback", params={"error": "access_denied", "error_description": said}, follow_redirects=False
    )
    assert failure(response) == "denied"  # the provider's words stay out of the page, in the log
    assert "access_denied (<script>alert(1)</script> Call +1 555 0100 now)" in caplog.text
    other = client.get("/oauth2callback", params={"error": "server_error"}, follow_redirects=False)
    assert failure(other) == "provider" and "Traceback" not in caplog.text


def test_a_denied_login_at_the_provider_is_reported(client: TestClient) -> None:
    denied = httpx.post(start_login(client), data={"action": "deny"}, follow_redirects=False)
    assert failure(client.get(callback_path(denied.headers["location"]), follow_redirects=False)) == "denied"


def test_a_tampered_cookie_is_refused_with_one_log_line(client: TestClient, caplog: Any) -> None:
    client.get(callback_path(authorize(start_login(client))), follow_redirects=False)
    sealed = client.cookies["_slipstream_user"]
    tampered = sealed[:-8] + ("A" if sealed[-8] != "A" else "B") + sealed[-7:]
    with caplog.at_level(logging.WARNING):
        assert app_lines(client, {"_slipstream_user": tampered}) == ["logged in: False"]
    refused = [r for r in caplog.records if "login cookie refused" in r.getMessage()]
    assert len(refused) == 1 and refused[0].exc_info is None


def test_a_cookie_sealed_with_another_secret_is_refused(tmp_path: Path, provider: str) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    with make_client(tmp_path / "one", provider) as one:
        one.get(callback_path(authorize(start_login(one))), follow_redirects=False)
        cookie = dict(one.cookies)
    with make_client(tmp_path / "two", provider) as two:
        # Another server process knowing the same secret recognises the user.
        assert app_lines(two, cookie)[0] == "logged in: True"
    with make_client(tmp_path / "two", provider, secret="another-secret") as two:
        assert app_lines(two, cookie) == ["logged in: False"]


def test_logout_removes_the_cookie_and_goes_through_the_providers_logout(client: TestClient) -> None:
    client.get(callback_path(authorize(start_login(client))), follow_redirects=False)
    response = client.get("/auth/logout", follow_redirects=False)
    target = urlsplit(response.headers["location"])
    assert target.path == "/oauth2/end_session"
    assert parse_qs(target.query)["post_logout_redirect_uri"] == [f"{ORIGIN}/oauth2callback"]
    assert any(
        v.startswith('_slipstream_user=""') and "Max-Age=0" in v for v in response.headers.get_list("set-cookie")
    )
    assert "_slipstream_user" not in client.cookies
    assert app_lines(client) == ["logged in: False"]
    back = client.get("/oauth2callback", follow_redirects=False)  # where the provider sends the tab back
    assert failure(back) is None


def test_an_unreachable_provider_is_reported_and_named_in_the_log(tmp_path: Path, caplog: Any) -> None:
    with make_client(tmp_path, "http://127.0.0.1:9") as client:
        response = client.get("/auth/login?provider=default", follow_redirects=False)
        assert failure(response) == "unreachable"
        assert failure(client.get("/auth/login?provider=okta", follow_redirects=False)) == "config"
    assert "Could not fetch the OpenID Connect metadata of the default provider" in caplog.text
    assert 'missing for the authentication provider "okta"' in caplog.text
    assert CLIENT_SECRET not in caplog.text and "Traceback" not in caplog.text


def test_a_provider_gone_before_the_code_is_traded_is_reported(tmp_path: Path, caplog: Any) -> None:
    with contextlib.ExitStack() as provider_running:
        url = provider_running.enter_context(running_provider())
        with make_client(tmp_path, url) as client:
            callback = callback_path(authorize(start_login(client)))
            provider_running.close()  # the provider stops while the user comes back to the app
            assert failure(client.get(callback, follow_redirects=False)) == "unreachable"
    assert "could not be reached" in caplog.text and "Traceback" not in caplog.text


def test_a_resumed_session_keeps_its_user_only(client: TestClient) -> None:
    header = {"origin": ORIGIN}
    with client.websocket_connect("/_slipstream/ws", headers=header) as ws:
        ws.send_text(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
        session = decode_frame(ws.receive_text())[0]["session"]
    client.get(callback_path(authorize(start_login(client))), follow_redirects=False)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    with client.websocket_connect("/_slipstream/ws", headers={**header, "cookie": cookie}) as ws:
        ws.send_text(json.dumps({"t": "hello", "v": 1, "session": session, "query": ""}))
        reply = decode_frame(ws.receive_text())[0]
    assert reply["session"] != session and reply["resumed"] is False


def test_every_failure_reason_has_a_sentence_in_the_page() -> None:
    from typing import get_args

    from slipstream.auth.routes import Reason

    source = (Path(__file__).parents[2] / "frontend" / "src" / "authRedirect.ts").read_text()
    table = source[source.index("LOGIN_FAILURES") : source.index("};", source.index("LOGIN_FAILURES"))]
    assert sorted(get_args(Reason)) == sorted(re.findall(r"^\s+(\w+): ", table, re.M))
