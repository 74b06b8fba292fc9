"""The OpenID Connect authorization-code flow, with PKCE, state and nonce, through Authlib.

``start`` makes the provider's authorization URL and what the callback must check (kept in a
sealed cookie, not in the server). State and nonce are always sent; PKCE (S256) only when the
provider's metadata lists S256 in ``code_challenge_methods_supported``, as Streamlit 1.67 does: a
provider that does not support it may refuse an authorization request that carries it.
``finish`` trades the code for tokens and checks the ID token (signature against the provider's
keys, issuer, audience, nonce, expiry). Errors are ``LoginFailed`` with a message fit for a log
line: the provider's error code and description, never a token or the client secret.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from slipstream.auth.settings import ProviderSettings
from slipstream.errors import StreamlitAuthError

log = logging.getLogger("slipstream.auth")

HTTP_TIMEOUT = 10.0  # seconds for one request to the provider
METADATA_TTL = 3600.0  # seconds a provider's metadata and keys are kept
CLOCK_LEEWAY = 120  # seconds of clock difference allowed with the provider
MAX_CLAIM_BYTES = 2048  # a claim longer than this (as JSON) is left out of st.user
MAX_CLAIMS = 100
_NEEDED = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")


class LoginFailed(Exception):
    """The login cannot complete; the message says why (for the log). ``unreachable``: the
    provider could not be reached, rather than refusing."""

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable


@dataclass(frozen=True)
class Started:
    url: str  # the provider's authorization page
    flow: dict[str, str]  # what the callback checks: state, nonce, provider (code_verifier with PKCE)


def _checked_metadata(url: str, document: Any) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise ValueError("the document is not a JSON object")
    missing = [key for key in _NEEDED if not isinstance(document.get(key), str)]
    if missing:
        raise ValueError(f"the document has no {', '.join(missing)}")
    return document


def _metadata_error(provider: ProviderSettings, exc: Exception) -> StreamlitAuthError:
    who = "the default provider" if provider.name == "default" else f'the provider "{provider.name}"'
    reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return StreamlitAuthError(
        f"Could not fetch the OpenID Connect metadata of {who} from {provider.server_metadata_url}: "
        f"{reason}. Check server_metadata_url in the [auth] secrets and that the provider can be reached."
    )


class ProviderCache:
    """An app's providers' metadata and signing keys, fetched once and kept an hour."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._documents: dict[str, tuple[float, dict[str, Any]]] = {}

    def _cached(self, url: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._documents.get(url)
        return found[1] if found is not None and time.monotonic() - found[0] < METADATA_TTL else None

    def _keep(self, url: str, document: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._documents[url] = (time.monotonic(), document)
        return document

    def forget(self, url: str) -> None:
        with self._lock:
            self._documents.pop(url, None)

    async def metadata(self, provider: ProviderSettings) -> dict[str, Any]:
        """The provider's metadata (its endpoints, issuer and keys' address)."""
        import httpx

        url = provider.server_metadata_url
        cached = self._cached(url)
        if cached is not None:
            return cached
        try:
            async with httpx.AsyncClient(timeout=HTTP_TIMEOUT, follow_redirects=True) as client:
                response = await client.get(url)
            response.raise_for_status()
            return self._keep(url, _checked_metadata(url, response.json()))
        except (httpx.HTTPError, ValueError) as exc:
            raise _metadata_error(provider, exc) from None

    async def keys(self, jwks_uri: str, *, fresh: bool = False) -> Any:
        """The provider's signing keys (a joserfc KeySet)."""
        import httpx
        from joserfc.jwk import KeySet

        cached = None if fresh else self._cached(jwks_uri)
        if cached is None:
            try:
                async with httpx.AsyncClient(timeout=HTTP_TIMEOUT, follow_redirects=True) as client:
                    response = await client.get(jwks_uri)
                response.raise_for_status()
                document = response.json()
                if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
                    raise ValueError("not a JSON Web Key Set")
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("login failed: the provider's keys could not be fetched from %s (%s)", jwks_uri, exc)
                raise LoginFailed("the provider's signing keys could not be fetched", unreachable=True) from None
            cached = self._keep(jwks_uri, document)
        return KeySet.import_key_set(cached)  # type: ignore[arg-type]


def _exchange_errors() -> tuple[type[Exception], ...]:
    """What a failed token request raises in Authlib's client: httpx's errors, or httpx2's where
    Authlib uses that (recent Authlib, when httpx2 is installed); ValueError for a reply that is
    not JSON."""
    import httpx

    try:
        import httpx2  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return (httpx.HTTPError, ValueError)
    return (httpx.HTTPError, httpx2.HTTPError, ValueError)


def uses_pkce(metadata: dict[str, Any]) -> bool:
    """Whether the provider advertises S256 PKCE (a null or absent list: it does not)."""
    methods = metadata.get("code_challenge_methods_supported")
    return isinstance(methods, list) and "S256" in methods


def _client(provider: ProviderSettings, pkce: bool) -> Any:
    from authlib.integrations.httpx_client import AsyncOAuth2Client

    return AsyncOAuth2Client(
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        scope=provider.scope,
        redirect_uri=provider.redirect_uri,
        token_endpoint_auth_method=provider.token_endpoint_auth_method,
        code_challenge_method="S256" if pkce else None,
        timeout=HTTP_TIMEOUT,
    )


def start(provider: ProviderSettings, metadata: dict[str, Any]) -> Started:
    """The authorization URL for ``provider``, with a fresh state and nonce, and a fresh PKCE
    verifier when the provider supports it."""
    from authlib.common.security import generate_token

    flow = {"state": generate_token(32), "nonce": generate_token(32), "provider": provider.name}
    pkce = uses_pkce(metadata)
    if pkce:
        flow["code_verifier"] = generate_token(64)
    url, _ = _client(provider, pkce).create_authorization_url(
        metadata["authorization_endpoint"],
        state=flow["state"],
        code_verifier=flow.get("code_verifier"),
        nonce=flow["nonce"],
        **provider.authorize_params,
    )
    return Started(str(url), flow)


async def finish(
    provider: ProviderSettings, metadata: dict[str, Any], cache: ProviderCache, code: str, flow: dict[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Trade ``code`` for tokens; the ID token's checked claims and the tokens by kind."""
    from authlib.integrations.httpx_client import OAuthError

    verifier = flow.get("code_verifier")
    pkce = {"code_verifier": verifier} if isinstance(verifier, str) else {}
    try:
        async with _client(provider, bool(pkce)) as client:
            token = await client.fetch_token(
                metadata["token_endpoint"], grant_type="authorization_code", code=code, **pkce
            )
    except OAuthError as exc:
        described = f"{exc.error}" + (f": {exc.description}" if exc.description else "")
        raise LoginFailed(f"the provider refused the login ({described[:300]})") from None
    except _exchange_errors() as exc:
        log.warning("login failed: the token request to the provider failed (%s)", type(exc).__name__)
        raise LoginFailed("the provider could not be reached to complete the login", unreachable=True) from None
    id_token = token.get("id_token")
    if not isinstance(id_token, str):
        raise LoginFailed("the provider sent no ID token (is 'openid' in the scope?)")
    claims = await _checked_claims(provider, metadata, cache, id_token, flow["nonce"])
    tokens = {kind: token[f"{kind}_token"] for kind in ("id", "access") if isinstance(token.get(f"{kind}_token"), str)}
    return claims, tokens


async def _checked_claims(
    provider: ProviderSettings, metadata: dict[str, Any], cache: ProviderCache, id_token: str, nonce: str
) -> dict[str, Any]:
    from joserfc import jwt
    from joserfc.errors import JoseError

    algorithms = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    algorithms = [alg for alg in algorithms if isinstance(alg, str) and alg != "none"]
    try:
        try:
            decoded = jwt.decode(id_token, await cache.keys(metadata["jwks_uri"]), algorithms=algorithms)
        except JoseError:  # the provider may have turned to a new key since the keys were fetched
            decoded = jwt.decode(id_token, await cache.keys(metadata["jwks_uri"], fresh=True), algorithms=algorithms)
        registry = jwt.JWTClaimsRegistry(
            leeway=CLOCK_LEEWAY,
            iss={"essential": True, "value": metadata["issuer"]},
            sub={"essential": True},
            aud={"essential": True, "value": provider.client_id},
            exp={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        registry.validate(decoded.claims)
    except (JoseError, ValueError) as exc:
        log.warning("login failed: the ID token was refused (%s)", type(exc).__name__)
        raise LoginFailed(f"the provider's ID token was refused ({type(exc).__name__})") from None
    return bounded_claims(decoded.claims)


def bounded_claims(claims: dict[str, Any]) -> dict[str, Any]:
    """The claims st.user shows: each at most MAX_CLAIM_BYTES of JSON, at most MAX_CLAIMS of them;
    one over the bound is left out, with a log line naming it (never its value)."""
    kept: dict[str, Any] = {}
    for name, value in claims.items():
        if len(kept) >= MAX_CLAIMS:
            log.warning("login: the ID token has over %d claims; the rest are left out of st.user", MAX_CLAIMS)
            break
        size = len(json.dumps(value, separators=(",", ":")))
        if size > MAX_CLAIM_BYTES or len(name) > 256:
            log.warning(
                "login: the claim %r is %d bytes, over %d; left out of st.user", name[:64], size, MAX_CLAIM_BYTES
            )
            continue
        kept[name] = value
    return kept
