"""A real OpenID Connect provider on 127.0.0.1 (oidc-provider-mock), for the login tests.

oidc-provider-mock knows nothing of PKCE; with ``pkce=True`` a small WSGI layer in front of it
advertises S256 in its metadata and enforces it as a provider that supports PKCE does: the
code_challenge of the authorization request is remembered with the code issued, and the token
request for that code is refused (invalid_grant) unless its code_verifier hashes to it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, urlsplit

ALICE_CLAIMS = {"email": "alice@example.com", "name": "Alice Example", "team": "blue"}

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class PkceProvider:
    """The provider's WSGI app, with S256 PKCE advertised and checked."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app
        self.challenges: dict[str, str] = {}  # code issued -> the authorization request's challenge
        self.seen: list[dict[str, list[str]]] = []  # the authorization requests' parameters

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/.well-known/openid-configuration":
            return self._metadata(environ, start_response)
        if path == "/oauth2/authorize":
            return self._authorize(environ, start_response)
        if path == "/oauth2/token":
            return self._token(environ, start_response)
        return self.app(environ, start_response)

    def _metadata(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        captured: list[Any] = []
        body = b"".join(self.app(environ, lambda status, headers, *_: captured.extend([status, headers])))
        document = json.loads(body)
        document["code_challenge_methods_supported"] = ["plain", "S256"]
        out = json.dumps(document).encode()
        headers = [(k, v) for k, v in captured[1] if k.lower() != "content-length"]
        start_response(captured[0], [*headers, ("Content-Length", str(len(out)))])
        return [out]

    def _authorize(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        query = parse_qs(environ.get("QUERY_STRING", ""))
        if environ.get("REQUEST_METHOD") == "GET":
            self.seen.append(query)

        def start(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            location = next((v for k, v in headers if k.lower() == "location"), "")
            code = parse_qs(urlsplit(location).query).get("code")
            if code and "code_challenge" in query:
                self.challenges[code[0]] = query["code_challenge"][0]
            return start_response(status, headers, *rest)

        return self.app(environ, start)

    def _token(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        form = parse_qs(body.decode())
        challenge = self.challenges.get(form.get("code", [""])[0])
        verifier = form.get("code_verifier", [""])[0]
        if challenge is not None:
            digest = hashlib.sha256(verifier.encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != challenge:
                out = json.dumps({"error": "invalid_grant", "error_description": "code_verifier mismatch"}).encode()
                start_response("400 Bad Request", [("Content-Type", "application/json")])
                return [out]
        environ["wsgi.input"] = io.BytesIO(body)
        return self.app(environ, start_response)


@contextmanager
def running_provider(**claims_by_sub: dict[str, object]) -> Iterator[str]:
    """Serve a provider knowing ``alice`` (and the users given) on a free port; yield its URL."""
    with serving_provider(pkce=False, **claims_by_sub) as (url, _):
        yield url


@contextmanager
def running_pkce_provider() -> Iterator[tuple[str, PkceProvider]]:
    """A provider that advertises and checks S256 PKCE: its URL and the checking layer."""
    with serving_provider(pkce=True) as (url, layer):
        assert layer is not None
        yield url, layer


@contextmanager
def serving_provider(*, pkce: bool, **claims_by_sub: dict[str, object]) -> Iterator[tuple[str, PkceProvider | None]]:
    import oidc_provider_mock
    import werkzeug.serving

    users = {"alice": ALICE_CLAIMS, **claims_by_sub}
    app: Any = oidc_provider_mock.app(
        require_nonce=True,
        user_claims=[oidc_provider_mock.User(sub=sub, claims=dict(claims)) for sub, claims in users.items()],
    )
    layer = PkceProvider(app) if pkce else None
    server = werkzeug.serving.make_server("127.0.0.1", 0, layer or app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", layer
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
