"""The login's HTTP routes: ``auth/login``, ``oauth2callback`` and ``auth/logout``.

What the callback must check (state, nonce, PKCE verifier) travels in a sealed cookie that lives
ten minutes and is removed by the callback, so any server process can finish a login another
began, and a callback replayed (or forged, or without a login begun in this browser) is refused.
A login that fails shows a short page saying why, with a way back to the app: never a traceback,
a token or the client secret.
"""

from __future__ import annotations

import hmac
import html
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
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

_PAGE = """<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Login failed</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#31333f}}
h1{{font-size:1.5rem}}a{{color:#ff4b4b}}</style>
<h1>Login failed</h1><p data-testid="stLoginError">{message}</p><p><a href="{home}">Back to the app</a></p>"""


def _root(request: Request, own_path: str) -> str:
    """The app's root path, from this route's own path (the app may be mounted under a prefix)."""
    path = request.url.path
    return path[: -len(own_path)] if path.endswith(own_path) else "/"


def _failed(root: str, message: str, status: int, request: Request) -> Response:
    page = _PAGE.format(message=html.escape(message), home=html.escape(root, quote=True))
    response = HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-store"})
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
            metadata = await app.auth_providers.metadata(provider)
        except StreamlitAPIException as exc:
            log.warning("login not started: %s", exc)
            return _failed(root, f"Login is not possible: {exc}", 500, request)
        started = oidc.start(provider, metadata)
        response = RedirectResponse(started.url, status_code=302, headers={"Cache-Control": "no-store"})
        secret = _cookie_secret(app)
        set_cookie(
            response,
            FLOW_COOKIE,
            Sealer(secret, "flow").seal(started.flow),
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
            response = RedirectResponse(root, status_code=302)
            delete_cookie(response, request.cookies, FLOW_COOKIE, path=root)
            return response
        if "error" in query:
            error, description = _clean(query["error"], 100), _clean(query.get("error_description", ""))
            log.warning("login failed: the provider returned %s%s", error, f" ({description})" if description else "")
            said = f"{error}: {description}" if description else error
            return _failed(root, f"The provider did not log you in ({said}).", 400, request)
        flow = _flow(app, request)
        if flow is None:
            log.warning("login refused: a callback came with no login in progress (replayed, expired or forged)")
            return _failed(root, "This login link has expired or was already used. Log in again.", 400, request)
        if not hmac.compare_digest(query.get("state", ""), flow.get("state", "")):
            log.warning("login refused: the callback's state does not match the login in progress")
            return _failed(root, "The login's state does not match: log in again.", 400, request)
        code = query.get("code", "")
        if not code:
            return _failed(root, "The provider sent no authorization code: log in again.", 400, request)
        try:
            provider = provider_settings(app, check_provider_name(flow.get("provider")))
            metadata = await app.auth_providers.metadata(provider)
            claims, tokens = await oidc.finish(provider, metadata, app.auth_providers, code, flow)
        except StreamlitAPIException as exc:
            log.warning("login failed: %s", exc)
            return _failed(root, f"Login is not possible: {exc}", 500, request)
        except oidc.LoginFailed as exc:
            log.warning("login failed: %s", exc)
            return _failed(root, f"The login did not complete: {exc}.", 400, request)
        response = RedirectResponse(root, status_code=302, headers={"Cache-Control": "no-store"})
        delete_cookie(response, request.cookies, FLOW_COOKIE, path=root)
        identity = {
            "claims": claims,
            "tokens": tokens,
            "provider": provider.name,
            "origin": origin_of(provider.redirect_uri),
        }
        if not _set_identity(response, app, identity, root, provider.redirect_uri.startswith("https:")):
            return _failed(root, "The provider's identity is too large to keep in a cookie.", 400, request)
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
            log.warning("login: the identity with its tokens is too large for a cookie; tokens are not kept")
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
