"""The HTTP and websocket server: a Starlette app built by ``create_app``."""

from slipstream.server.app import create_app

__all__ = ["create_app"]
