"""The ``[auth]`` secrets, read and checked as Streamlit 1.67 reads them.

``[auth]`` holds the shared settings (``redirect_uri``, ``cookie_secret``, ``expose_tokens``) and,
for the unnamed provider, ``client_id``, ``client_secret``, ``server_metadata_url`` and
``client_kwargs``; ``[auth.NAME]`` holds those four for the provider ``NAME``. Errors name the
missing key and the secrets files searched, never a value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from slipstream.errors import StreamlitAPIException, StreamlitAuthError, StreamlitMissingAuthlibError

if TYPE_CHECKING:
    from slipstream.runtime.app_runtime import AppRuntime

DEFAULT_PROVIDER = "default"
DEFAULT_SCOPE = "openid profile email"
DEFAULT_PROMPT = "select_account"
TOKEN_TYPES = ("id", "access")
CALLBACK_PATH = "oauth2callback"
REQUIRED_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# A provider's name travels in a URL and a cookie: letters, digits and dashes only (Streamlit
# also refuses underscores).
_PROVIDER_NAME = re.compile(r"[A-Za-z0-9-]{1,64}")


@dataclass(frozen=True)
class ProviderSettings:
    """One provider's settings, with the shared ones it needs."""

    name: str
    client_id: str
    client_secret: str = field(repr=False)
    server_metadata_url: str
    redirect_uri: str
    scope: str
    # Further parameters of the authorization request (prompt, login_hint, hd, ...).
    authorize_params: dict[str, str]
    token_endpoint_auth_method: str | None


@dataclass(frozen=True)
class SharedSettings:
    redirect_uri: str
    cookie_secret: str = field(repr=False)
    expose_tokens: tuple[str, ...]


def check_authlib() -> None:
    """Raise StreamlitMissingAuthlibError unless the ``auth`` extra is installed."""
    try:
        import authlib
        import httpx  # noqa: F401  (Authlib's HTTP client)
        import joserfc  # noqa: F401  (the ID token's signature)
    except ImportError:
        raise StreamlitMissingAuthlibError() from None
    version = tuple(int(part) for part in re.findall(r"\d+", authlib.__version__)[:2])
    if version < (1, 6):
        raise StreamlitMissingAuthlibError()


def _searched(app: AppRuntime) -> str:
    from slipstream.runtime.secrets import secret_files

    if not app.read_secret_files:
        return "the app's own secrets"
    return ", ".join(str(path) for path in secret_files(app))


def auth_section(app: AppRuntime) -> Mapping[str, Any] | None:
    """``[auth]`` of the app's secrets, or None when there is none (or no secrets at all)."""
    from slipstream.runtime.secrets import StreamlitSecretNotFoundError, secrets_of

    try:
        values = secrets_of(app).values()
    except StreamlitSecretNotFoundError:
        return None
    section = values.get("auth")
    return section if isinstance(section, Mapping) else None


def xsrf_protected(app: AppRuntime) -> bool:
    """Whether uploads need the session's XSRF token: server.enableXsrfProtection, or always once
    [auth] is in the secrets (as Streamlit 1.67: a login is worth protecting whatever the config)."""
    return bool(app.option("server.enableXsrfProtection")) or auth_section(app) is not None


def _fail(app: AppRuntime, problem: str) -> StreamlitAuthError:
    return StreamlitAuthError(
        f"Authentication credentials in secrets.toml {problem}. Please check your configuration "
        f"(secrets searched: {_searched(app)})."
    )


def _absolute_url(app: AppRuntime, value: Any, key: str, where: str) -> str:
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise _fail(app, f'{where} have a "{key}" that is not an absolute http(s) URL')
    return str(value)


def shared_settings(app: AppRuntime) -> SharedSettings:
    """The settings every provider shares; StreamlitAuthError when one is missing or wrong."""
    section = auth_section(app)
    if section is None:
        raise StreamlitAuthError(
            "To use authentication features you need to configure credentials for at least one "
            f"authentication provider in an [auth] section of secrets.toml (secrets searched: {_searched(app)})."
        )
    if "redirect_uri" not in section:
        raise _fail(app, 'are missing the "redirect_uri" key')
    redirect_uri = _absolute_url(app, section["redirect_uri"], "redirect_uri", "[auth]")
    if "{port}" in redirect_uri:  # Streamlit fills in the server's port
        redirect_uri = redirect_uri.replace("{port}", str(app.option("server.port")))
    if urlsplit(redirect_uri).path.rstrip("/").rsplit("/", 1)[-1] != CALLBACK_PATH:
        raise _fail(app, 'have a "redirect_uri" whose path does not end with /oauth2callback')
    secret = section.get("cookie_secret") or app.option("server.cookieSecret")
    if not secret:
        raise _fail(app, 'are missing the "cookie_secret" key')
    if not isinstance(secret, str):
        raise _fail(app, 'have a "cookie_secret" that is not a string')
    return SharedSettings(redirect_uri.rstrip("/"), secret, expose_tokens(section))


def expose_tokens(section: Mapping[str, Any]) -> tuple[str, ...]:
    """The token types ``st.user.tokens`` shows: ``expose_tokens``, a string or a list."""
    value = section.get("expose_tokens")
    if value is None:
        return ()
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if names is None or any(name not in TOKEN_TYPES for name in names):
        raise StreamlitAuthError("Invalid expose_tokens configuration. Only 'id' and 'access' are allowed.")
    return tuple(dict.fromkeys(str(name) for name in names))


def check_provider_name(provider: object) -> str:
    """``st.login``'s provider: None for the unnamed one, else a name of letters, digits, dashes."""
    if provider is None:
        return DEFAULT_PROVIDER
    if not isinstance(provider, str):
        raise StreamlitAPIException(f"st.login: provider must be a string or None, not {type(provider).__name__}.")
    if "_" in provider:
        raise StreamlitAuthError(
            f'Auth provider name "{provider[:64]}" contains an underscore. '
            "Please use a provider name without underscores."
        )
    if not _PROVIDER_NAME.fullmatch(provider):
        raise StreamlitAuthError(
            f"st.login: the provider name {provider[:64]!r} is not valid: use letters, digits and dashes."
        )
    return provider


def provider_settings(app: AppRuntime, provider: str) -> ProviderSettings:
    """The settings of ``provider`` ("default": the unnamed one, in ``[auth]`` itself)."""
    shared = shared_settings(app)
    section = auth_section(app)
    assert section is not None
    named = section.get(provider)
    if named is None and provider == DEFAULT_PROVIDER:
        named = {key: section[key] for key in (*REQUIRED_PROVIDER_KEYS, "client_kwargs") if key in section}
        if not named:
            raise _fail(app, "are missing for the default authentication provider")
    if named is None:
        raise _fail(app, f'are missing for the authentication provider "{provider}"')
    if not isinstance(named, Mapping):
        raise _fail(app, f'for the authentication provider "{provider}" must be a table ([auth.{provider}])')
    missing = [key for key in REQUIRED_PROVIDER_KEYS if key not in named]
    who = "the default authentication provider" if provider == DEFAULT_PROVIDER else f'"{provider}"'
    if missing:
        raise _fail(app, f"for {who} are missing the following keys: {missing}")
    for key in ("client_id", "client_secret"):
        if not isinstance(named[key], str) or not named[key]:
            raise _fail(app, f'for {who} have a "{key}" that is not a non-empty string')
    metadata_url = _absolute_url(app, named["server_metadata_url"], "server_metadata_url", f"for {who}")
    kwargs = named.get("client_kwargs", {})
    if not isinstance(kwargs, Mapping):
        raise _fail(app, f'for {who} have a "client_kwargs" that is not a table')
    params = {str(key): str(value) for key, value in kwargs.items()}
    scope = params.pop("scope", DEFAULT_SCOPE)
    params.setdefault("prompt", DEFAULT_PROMPT)
    auth_method = params.pop("token_endpoint_auth_method", None)
    # Handled by the flow itself, as Streamlit documents: a value given here would break it.
    for key in ("state", "nonce", "redirect_uri", "response_type", "client_id", "code_challenge",
                "code_challenge_method", "code_verifier"):  # fmt: skip
        params.pop(key, None)
    return ProviderSettings(
        name=provider,
        client_id=named["client_id"],
        client_secret=named["client_secret"],
        server_metadata_url=metadata_url,
        redirect_uri=shared.redirect_uri,
        scope=scope,
        authorize_params=params,
        token_endpoint_auth_method=auth_method,
    )
