"""A real OpenID Connect provider on 127.0.0.1 (oidc-provider-mock), for the login tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

ALICE_CLAIMS = {"email": "alice@example.com", "name": "Alice Example", "team": "blue"}


@contextmanager
def running_provider(**claims_by_sub: dict[str, object]) -> Iterator[str]:
    """Serve a provider knowing ``alice`` (and the users given) on a free port; yield its URL."""
    import oidc_provider_mock
    import werkzeug.serving

    users = {"alice": ALICE_CLAIMS, **claims_by_sub}
    app = oidc_provider_mock.app(
        require_nonce=True,
        user_claims=[oidc_provider_mock.User(sub=sub, claims=dict(claims)) for sub, claims in users.items()],
    )
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
