"""st.login / st.user / st.logout in real Chromium, against a real OpenID Connect provider on
127.0.0.1 (oidc-provider-mock). Nothing leaves 127.0.0.1: every other request is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.auth.provider import running_provider
from tests.server_process import free_port, running_server

pytest.importorskip("oidc_provider_mock")

APP = """
import streamlit as st
if st.user.is_logged_in:
    st.write(f"Hello {st.user.email}, team {st.user.team}")
    st.write(f"tokens: {sorted(st.user.tokens)}")
    st.button("Log out", on_click=st.logout)
else:
    st.write("Nobody is logged in")
    st.button("Log in", on_click=st.login)
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with running_provider() as url:
        yield url


@pytest.fixture
def app_url(tmp_path: Path, provider: str) -> Iterator[str]:
    port = free_port()
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        f"""
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "an-e2e-cookie-secret"
client_id = "slipstream-e2e"
client_secret = "e2e-client-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"
"""
    )
    (tmp_path / "app.py").write_text(APP)
    with running_server(tmp_path / "app.py", "--server.fileWatcherType", "none", port=port) as url:
        yield url


@pytest.fixture
def local_page(page: Any) -> Any:
    """The page, with every request off 127.0.0.1 refused (the provider's page links a CDN stylesheet)."""
    page.route("**/*", lambda route: route.continue_() if "//127.0.0.1" in route.request.url else route.abort())
    return page


def log_in(page: Any, app_url: str) -> None:
    page.goto(app_url)
    expect(page.get_by_text("Nobody is logged in")).to_be_visible()
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.get_by_role("button", name="alice").click()  # the provider's own page: a predefined user
    page.wait_for_url(f"{app_url}/")


def test_log_in_stay_logged_in_and_log_out(local_page: Any, app_url: str) -> None:
    page = local_page
    log_in(page, app_url)
    expect(page.get_by_text("Hello alice@example.com, team blue")).to_be_visible()
    expect(page.get_by_text("tokens: []")).to_be_visible()
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "_slipstream_user"]
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert page.evaluate("document.cookie").find("_slipstream_user") == -1  # out of the page's reach
    page.reload()
    expect(page.get_by_text("Hello alice@example.com, team blue")).to_be_visible()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/oauth2/end_session**")  # the provider's own logout page
    page.get_by_role("button").first.click()
    expect(page.get_by_text("Nobody is logged in")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == "_slipstream_user"]


def test_a_tampered_cookie_is_refused(local_page: Any, app_url: str) -> None:
    page = local_page
    log_in(page, app_url)
    expect(page.get_by_text("Hello alice@example.com, team blue")).to_be_visible()
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "_slipstream_user"]
    value = cookie["value"]
    cookie["value"] = value[:-10] + ("A" if value[-10] != "A" else "B") + value[-9:]
    page.context.add_cookies([cookie])
    page.reload()
    expect(page.get_by_text("Nobody is logged in")).to_be_visible()


def login_failed(page: Any) -> Any:
    return page.get_by_test_id("stToastText").filter(has_text="Login failed.")


def test_a_denied_login_is_told_in_the_app_once(local_page: Any, app_url: str) -> None:
    page = local_page
    page.goto(app_url)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.get_by_role("button", name="Deny").click()  # the user refuses at the provider
    page.wait_for_url(f"{app_url}/")  # back in the app, its address without the reason
    expect(login_failed(page)).to_have_text("Login failed. The login was cancelled or refused at the login provider.")
    expect(page.get_by_text("Nobody is logged in")).to_be_visible()
    page.reload()
    expect(page.get_by_text("Nobody is logged in")).to_be_visible()
    expect(login_failed(page)).to_have_count(0)


def test_a_replayed_or_forged_callback_is_refused(local_page: Any, app_url: str) -> None:
    page = local_page
    page.goto(app_url)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/oauth2/authorize**")
    callbacks: list[str] = []
    page.on("request", lambda request: callbacks.append(request.url) if "/oauth2callback?" in request.url else None)
    page.get_by_role("button", name="alice").click()
    page.wait_for_url(f"{app_url}/")
    expect(page.get_by_text("Hello alice@example.com, team blue")).to_be_visible()
    (callback,) = callbacks
    page.goto(callback)  # back to the callback (the history): still logged in, nothing to say
    expect(page.get_by_text("Hello alice@example.com, team blue")).to_be_visible()
    expect(login_failed(page)).to_have_count(0)
    page.context.clear_cookies()
    page.goto(callback)  # the same code and state again, in a browser not logged in
    expect(login_failed(page)).to_contain_text("This login has expired or was already used.")
    expect(page.get_by_text("Nobody is logged in")).to_be_visible()
    page.goto(f"{app_url}/oauth2callback?error=server_error&error_description=%3Cb%3ECall%20555%3C%2Fb%3E")
    expect(login_failed(page)).to_have_text("Login failed. The login provider returned an error.")
    assert "Call 555" not in page.content()  # the provider's words stay in the server's log
    page.goto("about:blank")
    page.goto(f"{app_url}/#login-failed=%3Cimg%20src%3Dx%3E")  # a crafted reason: nothing shown
    expect(page.get_by_text("Nobody is logged in")).to_be_visible()
    expect(login_failed(page)).to_have_count(0)
    assert page.url == f"{app_url}/"
