"""``st.user``, ``st.login`` and ``st.logout`` as a script sees them.

A session's user is read from the identity cookie when its tab connects (``user_from_cookies``)
and kept on the session; it changes only through ``st.login`` and ``st.logout`` (each reloads
the tab into a new session), as in Streamlit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import quote, urlsplit

from slipstream.auth.settings import (
    auth_section,
    check_authlib,
    check_provider_name,
    provider_settings,
    shared_settings,
)
from slipstream.errors import StreamlitAPIException, StreamlitAuthError

if TYPE_CHECKING:
    from slipstream.runtime.app_runtime import AppRuntime

log = logging.getLogger("slipstream.auth")

LOGIN_PATH = "auth/login"
LOGOUT_PATH = "auth/logout"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def user_from_cookies(app: AppRuntime, cookies: Mapping[str, str], origin: str | None, who: str) -> dict[str, Any]:
    """The user a connecting tab's cookies name: {} without [auth] secrets or a login cookie,
    else its claims, ``is_logged_in``, ``provider`` and the exposed ``tokens``. A cookie that is
    forged, expired or sealed with another secret logs one line and gives a logged-out user."""
    from slipstream.auth.cookie import USER_COOKIE, USER_MAX_AGE, BadSeal, Sealer, read_cookie

    if auth_section(app) is None:
        return {}
    sealed = read_cookie(cookies, USER_COOKIE)
    if sealed is None:
        return {}
    try:
        shared = shared_settings(app)
        payload = Sealer(shared.cookie_secret, "user").open(sealed, USER_MAX_AGE)
    except StreamlitAuthError as exc:
        log.warning("%s: the login cookie is ignored: %s", who, exc)
        return {}
    except (BadSeal, ImportError):
        log.warning("%s: login cookie refused (forged, expired or sealed with another secret); logged out", who)
        return {}
    claims, tokens = payload.get("claims"), payload.get("tokens")
    if not isinstance(claims, dict) or not isinstance(tokens, dict):
        log.warning("%s: login cookie refused (not in the expected form); logged out", who)
        return {}
    if origin is not None and origin != payload.get("origin"):
        log.warning("%s: login cookie refused (the tab's origin is not the redirect_uri's); logged out", who)
        return {}
    user: dict[str, Any] = {"is_logged_in": True, **claims, "provider": payload.get("provider")}
    user["tokens"] = {kind: tokens[kind] for kind in shared.expose_tokens if isinstance(tokens.get(kind), str)}
    return user


def user_from_headers(app: AppRuntime, headers: Any) -> dict[str, str | None]:
    """What ``server.trustedUserHeaders`` takes from a connecting tab's request into st.user: for
    each header named, its first value (None when absent), under the key it maps to. ``headers``
    is the request's (a Starlette ``Headers``, with ``getlist``)."""
    mapping = app.option("server.trustedUserHeaders")
    if not isinstance(mapping, Mapping):
        return {}
    found: dict[str, str | None] = {}
    for header, key in mapping.items():
        values = headers.getlist(str(header))
        found[str(key)] = values[0] if values else None
    return found


def _session_user() -> dict[str, Any]:
    """The running session's user as st.user shows it (a copy): {} outside any session."""
    from slipstream.runtime.context import get_run_context

    ctx = get_run_context()
    if ctx is None:
        return {}
    user = dict(ctx.session.user)
    if "is_logged_in" not in user and auth_section(ctx.session.app) is not None:
        user["is_logged_in"] = False
    return user


class TokensProxy(Mapping[str, str]):
    """``st.user.tokens``: the tokens ``expose_tokens`` lets the app read, by kind ("id", "access")."""

    _tokens: dict[str, str]

    def __init__(self, tokens: Mapping[str, str]) -> None:
        self.__dict__["_tokens"] = dict(tokens)

    def __getitem__(self, key: str) -> str:
        return self._tokens[key]

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._tokens[key]
        except KeyError:
            raise AttributeError(f'Token "{key}" is not exposed or does not exist.') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user.tokens cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user.tokens cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __repr__(self) -> str:  # kinds only: a token must not reach a log through repr
        return f"TokensProxy(kinds={list(self._tokens)!r})"

    def to_dict(self) -> dict[str, str]:
        """The exposed tokens as a plain dict."""
        return dict(self._tokens)


class UserInfoProxy(Mapping[str, Any]):
    """``st.user``: the logged-in user's ID-token claims, by attribute or item, read-only.

    ``is_logged_in`` exists once [auth] secrets are set; ``tokens`` holds the exposed tokens.
    """

    is_logged_in: bool

    def __getitem__(self, key: str) -> Any:
        if key == "tokens":
            return self.tokens
        try:
            return _session_user()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return _session_user()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(_session_user())

    def __len__(self) -> int:
        return len(_session_user())

    def __repr__(self) -> str:
        return repr({key: value for key, value in _session_user().items() if key != "tokens"})

    @property
    def tokens(self) -> TokensProxy:
        """The exposed tokens (``expose_tokens`` in [auth]); empty unless some are exposed."""
        tokens = _session_user().get("tokens")
        return TokensProxy(tokens if isinstance(tokens, Mapping) else {})

    def to_dict(self) -> dict[str, Any]:
        """The user's information as a plain dict (a copy)."""
        return _session_user()


user = UserInfoProxy()


def login(provider: str | None = None) -> None:
    """Send the user to an OpenID Connect provider to log in; back in the app, st.user has them.

    Parameters
    ----------
    provider : str or None
        The name of an ``[auth.NAME]`` section of the secrets; None (default) uses the settings
        in ``[auth]`` itself. ``redirect_uri`` and ``cookie_secret`` always come from ``[auth]``.

    Returns
    -------
    None

    Example
    -------
    >>> if not st.user.is_logged_in:
    ...     st.button("Log in", on_click=st.login)
    >>> st.write(st.user.name)
    """
    from slipstream.runtime.app_runtime import current_app
    from slipstream.runtime.context import get_run_context

    name = check_provider_name(provider)
    ctx = get_run_context()
    if ctx is None:
        return
    check_authlib()
    provider_settings(current_app(), name)  # every missing or wrong setting is named here
    # Relative to the app's root, as the tab resolves it: the app may be mounted under a path.
    ctx.session.outbox.put({"t": "auth_redirect", "url": f"{LOGIN_PATH}?provider={quote(name)}"})


def logout() -> None:
    """Log the user out: st.user empties, the identity cookie goes, and the tab reloads into a
    new session (through the provider's own logout page when it has one).

    Returns
    -------
    None

    Example
    -------
    >>> if st.user.is_logged_in:
    ...     st.button("Log out", on_click=st.logout)
    >>> st.write("Bye")
    """
    from slipstream.runtime.context import get_run_context

    ctx = get_run_context()
    if ctx is None:
        return
    session = ctx.session
    was_set = "is_logged_in" in session.user
    session.logged_out = True
    session.user.clear()
    if was_set:  # the rest of this run (and an AppTest's next ones) sees a logged-out user
        session.user["is_logged_in"] = False
    session.outbox.put({"t": "auth_redirect", "url": LOGOUT_PATH})
