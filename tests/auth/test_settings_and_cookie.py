"""The [auth] secrets' checks, the sealed cookie, and st.user / st.login / st.logout in AppTest."""

from __future__ import annotations

import sys
import time
from typing import Any

import pytest
from starlette.responses import Response

from slipstream.auth import cookie
from slipstream.auth.oidc import MAX_CLAIM_BYTES, bounded_claims
from slipstream.auth.settings import check_authlib, provider_settings
from slipstream.auth.user import user_from_cookies
from slipstream.errors import StreamlitAuthError, StreamlitMissingAuthlibError
from slipstream.runtime.app_runtime import AppRuntime
from slipstream.testing.v1 import AppTest

SHARED = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s3cret"}
PROVIDER = {
    "client_id": "id",
    "client_secret": "client-s3cret",
    "server_metadata_url": "https://p.example/.well-known/openid-configuration",
}


def app_with(auth: dict[str, Any] | None, **options: Any) -> AppRuntime:
    app = AppRuntime(secrets={} if auth is None else {"auth": auth}, options=options)
    app.read_secret_files = False
    return app


@pytest.mark.parametrize(
    ("auth", "provider", "message"),
    [
        ({}, "default", 'missing the "redirect_uri" key'),
        ({"redirect_uri": SHARED["redirect_uri"]}, "default", 'missing the "cookie_secret" key'),
        (SHARED, "default", "missing for the default authentication provider"),
        (SHARED, "okta", 'missing for the authentication provider "okta"'),
        (
            {**SHARED, "client_id": "x"},
            "default",
            "missing the following keys: ['client_secret', 'server_metadata_url']",
        ),
        ({**SHARED, "okta": {"client_id": "x"}}, "okta", "\"okta\" are missing the following keys: ['client_secret'"),
        ({**SHARED, "redirect_uri": "/oauth2callback", **PROVIDER}, "default", "not an absolute http(s) URL"),
        ({**SHARED, "redirect_uri": "http://h/callback", **PROVIDER}, "default", "does not end with /oauth2callback"),
    ],
)
def test_missing_or_wrong_settings_are_named(auth: dict[str, Any], provider: str, message: str) -> None:
    with pytest.raises(StreamlitAuthError, match=None) as caught:
        provider_settings(app_with(auth), provider)
    assert message in str(caught.value)
    assert "secrets searched: the app's own secrets" in str(caught.value)
    assert "client-s3cret" not in str(caught.value) and "s3cret" not in str(caught.value).replace("client-s3cret", "")


def test_no_auth_section_at_all_says_how_to_configure() -> None:
    with pytest.raises(StreamlitAuthError, match=r"configure credentials .* \[auth\] section"):
        provider_settings(app_with(None), "default")


def test_settings_defaults_named_providers_and_client_kwargs() -> None:
    app = app_with(
        {
            **SHARED,
            **PROVIDER,
            "okta": {
                **PROVIDER,
                "client_id": "okta-id",
                "client_kwargs": {"prompt": "login", "scope": "openid", "state": "x", "hd": "example.com"},
            },
        }
    )
    default = provider_settings(app, "default")
    assert (default.client_id, default.scope, default.authorize_params) == (
        "id",
        "openid profile email",
        {"prompt": "select_account"},
    )
    okta = provider_settings(app, "okta")
    assert (okta.client_id, okta.scope, okta.authorize_params) == (
        "okta-id",
        "openid",
        {"prompt": "login", "hd": "example.com"},
    )
    assert "client-s3cret" not in repr(okta)


def test_server_cookie_secret_serves_when_auth_has_none() -> None:
    auth = {"redirect_uri": SHARED["redirect_uri"], **PROVIDER}
    assert provider_settings(app_with(auth, **{"server.cookieSecret": "from-config"}), "default").client_id == "id"


def test_expose_tokens_takes_a_string_or_a_list_of_id_and_access() -> None:
    from slipstream.auth.settings import shared_settings

    assert shared_settings(app_with({**SHARED, "expose_tokens": "id"})).expose_tokens == ("id",)
    assert shared_settings(app_with({**SHARED, "expose_tokens": ["access", "id"]})).expose_tokens == ("access", "id")
    with pytest.raises(StreamlitAuthError, match="Only 'id' and 'access' are allowed"):
        shared_settings(app_with({**SHARED, "expose_tokens": ["refresh"]}))


def test_authlib_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "authlib", None)
    with pytest.raises(StreamlitMissingAuthlibError, match=r"pip install slipstream\[auth\]"):
        check_authlib()


def test_a_sealed_value_is_refused_when_changed_old_or_for_another_purpose(monkeypatch: pytest.MonkeyPatch) -> None:
    sealer = cookie.Sealer("secret", "user")
    sealed = sealer.seal({"a": 1})
    assert sealer.open(sealed, 60) == {"a": 1}
    with pytest.raises(cookie.BadSeal):
        sealer.open(sealed[:-4] + "AAAA", 60)
    with pytest.raises(cookie.BadSeal):
        cookie.Sealer("secret", "flow").open(sealed, 60)
    with pytest.raises(cookie.BadSeal):
        cookie.Sealer("other", "user").open(sealed, 60)
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(cookie.BadSeal):
        sealer.open(sealed, 60)


def test_a_long_value_is_split_over_numbered_cookies() -> None:
    response = Response()
    value = "v" * (cookie.CHUNK * 2 + 10)
    cookie.set_cookie(response, "c", value, path="/", max_age=60, secure=False)
    jar = {}
    for header in response.headers.getlist("set-cookie"):
        name, rest = header.split("=", 1)
        jar[name] = rest.split(";", 1)[0]
        assert "HttpOnly" in header and "SameSite=lax" in header
    assert jar["c"] == "chunks-3" and cookie.read_cookie(jar, "c") == value
    del jar["c_2"]
    assert cookie.read_cookie(jar, "c") is None
    with pytest.raises(ValueError, match="at most"):
        cookie.set_cookie(
            Response(), "c", "v" * cookie.CHUNK * (cookie.MAX_CHUNKS + 1), path="/", max_age=60, secure=False
        )


def test_an_expired_login_cookie_logs_the_user_out(monkeypatch: pytest.MonkeyPatch, caplog: Any) -> None:
    app = app_with({**SHARED, **PROVIDER})
    payload = {"claims": {"sub": "a"}, "tokens": {}, "provider": "default", "origin": "http://localhost:8501"}
    sealed = cookie.Sealer("s3cret", "user").seal(payload)
    assert user_from_cookies(app, {cookie.USER_COOKIE: sealed}, "http://localhost:8501", "t")["sub"] == "a"
    assert user_from_cookies(app, {cookie.USER_COOKIE: sealed}, "http://elsewhere", "t") == {}
    later = time.time() + cookie.USER_MAX_AGE + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert user_from_cookies(app, {cookie.USER_COOKIE: sealed}, None, "t") == {}
    assert "login cookie refused" in caplog.text and "Traceback" not in caplog.text


def test_over_long_claims_are_bounded() -> None:
    kept = bounded_claims({"sub": "a", "bio": "x" * (MAX_CLAIM_BYTES + 1), "ok": "y" * 100})
    assert kept == {"sub": "a", "ok": "y" * 100}


APP = """
import streamlit as st
st.write(f"user: {st.user.to_dict()}")
if st.user.get("is_logged_in"):
    st.write(f"name: {st.user.name} / {st.user['email']} / {st.user.tokens.to_dict()}")
    if st.button("Log out"):
        st.logout()
        st.write(f"after: {st.user.to_dict()}")
"""


def test_apptest_runs_as_a_given_user_and_logout_leaves_a_logged_out_one() -> None:
    at = AppTest.from_string(APP).run()
    assert at.markdown[0].value == "user: {'email': 'test@example.com'}"
    at = AppTest.from_string(APP)
    at.user = {"is_logged_in": True, "name": "Ann", "email": "ann@example.com", "tokens": {"id": "tok"}}
    mine = at.user
    at.run()
    assert at.markdown[1].value == "name: Ann / ann@example.com / {'id': 'tok'}"
    at.button[0].click().run()
    assert at.markdown[-1].value == "after: {'is_logged_in': False}"
    assert at.user == {"is_logged_in": False} and mine["name"] == "Ann"
    assert at.run().markdown[0].value == "user: {'is_logged_in': False}"


def test_st_user_is_read_only_and_names_a_missing_claim() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
for attempt in (lambda: setattr(st.user, "x", 1), lambda: st.user.__setitem__("x", 1), lambda: st.user.nickname,
                lambda: st.user.tokens.id):
    try:
        attempt()
    except Exception as exc:
        st.write(f"{type(exc).__name__}: {exc}")
"""
    )
    at.run()
    assert [m.value for m in at.markdown] == [
        "StreamlitAPIException: st.user cannot be modified",
        "StreamlitAPIException: st.user cannot be modified",
        'AttributeError: st.user has no attribute "nickname".',
        'AttributeError: Token "id" is not exposed or does not exist.',
    ]


def test_st_login_checks_the_settings_where_it_is_called() -> None:
    at = AppTest.from_string("import streamlit as st\nst.login('okta')")
    at.secrets["auth"] = {**SHARED, **PROVIDER}
    at.run()
    assert 'missing for the authentication provider "okta"' in at.exception[0].value
    at = AppTest.from_string("import streamlit as st\nst.login('my_provider')").run()
    assert "contains an underscore" in at.exception[0].value
    at = AppTest.from_string("import streamlit as st\nst.login()\nst.write('asked')")
    at.secrets["auth"] = {**SHARED, **PROVIDER}
    assert at.run().markdown[0].value == "asked" and not at.exception
    assert at.user == {"email": "test@example.com"}
