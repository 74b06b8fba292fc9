"""The login's HTTP routes: ``auth/login``, ``oauth2callback`` and ``auth/logout``.

What the callback must check (state, nonce, PKCE verifier) travels in a sealed cookie that lives
ten minutes and is removed by the callback, so any server process can finish a login another
began, and a callback replayed (or forged, or without a login begun in this browser) is refused.

A login that fails logs why and sends the tab back to the app, as Streamlit 1.67 does; the app
then tells the user in a toast. The reason travels as ``#login-failed=<reason>`` in the URL's
fragment: one word out of ``REASONS``, for which the page has fixed sentences, so a crafted link
can show nothing but those; the fragment never reaches a server, the page removes it at once (a
reload does not show the message again) and a script's ``st.query_params`` never sees it. Nothing
the provider sent (its error description, a token) is shown in the page.
"""

from __future__ import annotations

import hmac
import logging
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from slipstream.auth import oidc
from slipstream.auth.cookie import (
    FLOW_COOKIE,
    FLOW_MAX_AGE,
    USER_COOKIE,
    USER_MAX_AGE,
    BadSeal,
    Sealer,
    delete_cookie,
    read_cookie,
    set_cookie,
)
from slipstream.auth.settings import CALLBACK_PATH, check_authlib, check_provider_name, provider_settings
from slipstream.auth.user import LOGIN_PATH, LOGOUT_PATH, origin_of
from slipstream.errors import StreamlitAPIException

if TYPE_CHECKING:
    from slipstream.runtime.app_runtime import AppRuntime

log = logging.getLogger("slipstream.auth")

# Why a login failed, as the page's toast says it (frontend/src/authRedirect.ts has the sentences):
# denied: the user (or the provider) refused at the provider; provider: the provider returned
# another error or no code; expired: no login in progress (replayed, too old, another browser);
# state: the callback's state is not the login's; refused: the provider refused the code or its
# ID token failed the checks; unreachable: the provider could not be reached; config: the [auth]
# settings are incomplete or wrong.
Reason = Literal["denied", "provider", "expired", "state", "refused", "unreachable", "config"]
FRAGMENT = "login-failed"


def _root(request: Request, own_path: str) -> str:
    """The app's root path, from this route's own path (the app may be mounted under a prefix)."""
    path = request.url.path
    return path[: -len(own_path)] if path.endswith(own_path) else "/"


def _home(root: str, request: Request, reason: Reason | None = None) -> Response:
    """Back to the app (telling it why the login failed), the login in progress forgotten."""
    target = root if reason is None else f"{root}#{FRAGMENT}={reason}"
    response = RedirectResponse(target, status_code=302, headers={"Cache-Control": "no-store"})
    delete_cookie(response, request.cookies, FLOW_COOKIE, path=root)
    return response


def _clean(text: str, limit: int = 200) -> str:
    """A value from the query string, fit for a log line and a page: one line, bounded."""
    return " ".join(text.split())[:limit]


def auth_routes(app: AppRuntime) -> list[Route]:
    """The three routes, for ``app``'s [auth] secrets (read at each request: they may change)."""

    async def login(request: Request) -> Response:
        root = _root(request, LOGIN_PATH)
        try:
            name = check_provider_name(request.query_params.get("provider"))
            check_authlib()
            provider = provider_settings(app, name)
        except StreamlitAPIException as exc:
            log.warning("login not started: %s", exc)
            return _home(root, request, "config")
        try:
            metadata = await app.auth_providers.metadata(provider)
        except StreamlitAPIException as exc:
            log.warning("login not started: %s", exc)
            return _home(root, request, "unreachable")
        started = oidc.start(provider, metadata)
        response = RedirectResponse(started.url, status_code=302, headers={"Cache-Control": "no-store"})
        set_cookie(
            response,
            FLOW_COOKIE,
            Sealer(_cookie_secret(app), "flow").seal(started.flow),
            path=root,
            max_age=FLOW_MAX_AGE,
            secure=provider.redirect_uri.startswith("https:"),
        )
        return response

    async def callback(request: Request) -> Response:
        root = _root(request, CALLBACK_PATH)
        query = request.query_params
        if not {"code", "state", "error"} & set(query):
            # The provider's logout sends the browser back here, with nothing to check.
            return _home(root, request)
        if "error" in query:
            error, description = _clean(query["error"], 100), _clean(query.get("error_description", ""))
            log.warning("login failed: the provider returned %s%s", error, f" ({description})" if description else "")
            return _home(root, request, "denied" if error == "access_denied" else "provider")
        flow = _flow(app, request)
        if flow is None:
            log.warning("login refused: a callback came with no login in progress (replayed, expired or forged)")
            # Back and forward through the history lead here too: a logged-in user needs no word.
            return _home(root, request, None if _logged_in(app, request) else "expired")
        if not hmac.compare_digest(query.get("state", ""), flow.get("state", "")):
            log.warning("login refused: the callback's state does not match the login in progress")
            return _home(root, request, "state")
        code = query.get("code", "")
        if not code:
            log.warning("login failed: the provider sent no authorization code")
            return _home(root, request, "provider")
        try:
            provider = provider_settings(app, check_provider_name(flow.get("provider")))
        except StreamlitAPIException as exc:
            log.warning("login failed: %s", exc)
            return _home(root, request, "config")
        try:
            metadata = await app.auth_providers.metadata(provider)
            claims, tokens = await oidc.finish(provider, metadata, app.auth_providers, code, flow)
        except StreamlitAPIException as exc:
            log.warning("login failed: %s", exc)
            return _home(root, request, "unreachable")
        except oidc.LoginFailed as exc:
            log.warning("login failed: %s", exc)
            response = _home(root, request, "unreachable" if exc.unreachable else "refused")
            # As 1.67: a code the provider refused logs out whoever this browser was logged in as.
            delete_cookie(response, request.cookies, USER_COOKIE, path=root)
            return response
        response = _home(root, request)
        identity = {
            "claims": claims,
            "tokens": tokens,
            "provider": provider.name,
            "origin": origin_of(provider.redirect_uri),
        }
        if not _set_identity(response, app, identity, root, provider.redirect_uri.startswith("https:")):
            return _home(root, request, "refused")
        return response

    async def logout(request: Request) -> Response:
        root = _root(request, LOGOUT_PATH)
        target = await _provider_logout(app, request) or root
        response = RedirectResponse(target, status_code=302, headers={"Cache-Control": "no-store"})
        delete_cookie(response, request.cookies, USER_COOKIE, path=root)
        delete_cookie(response, request.cookies, FLOW_COOKIE, path=root)
        return response

    return [
        Route(f"/{LOGIN_PATH}", login, methods=["GET"]),
        Route(f"/{CALLBACK_PATH}", callback, methods=["GET"]),
        Route(f"/{LOGOUT_PATH}", logout, methods=["GET"]),
    ]


def _cookie_secret(app: AppRuntime) -> str:
    from slipstream.auth.settings import shared_settings

    return shared_settings(app).cookie_secret


def _logged_in(app: AppRuntime, request: Request) -> bool:
    sealed = read_cookie(request.cookies, USER_COOKIE)
    if sealed is None:
        return False
    try:
        Sealer(_cookie_secret(app), "user").open(sealed, USER_MAX_AGE)
    except (BadSeal, StreamlitAPIException):
        return False
    return True


def _flow(app: AppRuntime, request: Request) -> dict[str, Any] | None:
    sealed = read_cookie(request.cookies, FLOW_COOKIE)
    if sealed is None:
        return None
    try:
        return Sealer(_cookie_secret(app), "flow").open(sealed, FLOW_MAX_AGE)
    except (BadSeal, StreamlitAPIException):
        return None


def _set_identity(response: Response, app: AppRuntime, identity: dict[str, Any], root: str, secure: bool) -> bool:
    """Set the identity cookie; tokens are dropped (with a log line) when they make it too large."""
    sealer = Sealer(_cookie_secret(app), "user")
    for attempt in (identity, {**identity, "tokens": {}}):
        try:
            set_cookie(response, USER_COOKIE, sealer.seal(attempt), path=root, max_age=USER_MAX_AGE, secure=secure)
            return True
        except ValueError:
            if attempt is identity:
                log.warning("login: the identity with its tokens is too large for a cookie; tokens are not kept")
    log.warning("login failed: the identity is too large for a cookie even without its tokens")
    return False


async def _provider_logout(app: AppRuntime, request: Request) -> str | None:
    """The provider's end_session_endpoint for the logged-in user, when it has one."""
    from slipstream.auth.settings import shared_settings

    sealed = read_cookie(request.cookies, USER_COOKIE)
    if sealed is None:
        return None
    try:
        identity = Sealer(_cookie_secret(app), "user").open(sealed, USER_MAX_AGE)
        provider = provider_settings(app, check_provider_name(identity.get("provider")))
        metadata = await app.auth_providers.metadata(provider)
    except (BadSeal, StreamlitAPIException, ImportError):
        return None
    endpoint = metadata.get("end_session_endpoint")
    if not isinstance(endpoint, str) or not endpoint.startswith(("https://", "http://")):
        return None
    params = {"client_id": provider.client_id, "post_logout_redirect_uri": shared_settings(app).redirect_uri}
    id_token = identity.get("tokens", {}).get("id")
    if isinstance(id_token, str):
        params["id_token_hint"] = id_token
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}"
