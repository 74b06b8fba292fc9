"""The websocket endpoint: one connection per tab, attached to a session."""

from __future__ import annotations

import asyncio
import logging

import orjson
from starlette.websockets import WebSocket, WebSocketDisconnect

from slipstream.protocol import PROTOCOL_VERSION, ProtocolError, parse_client_message
from slipstream.runtime.manager import SessionManager
from slipstream.runtime.session import Session
from slipstream.server.security import origin_allowed

log = logging.getLogger("slipstream.server")

POLICY_VIOLATION = 1008


async def _send_frames(ws: WebSocket, session: Session, ready: asyncio.Event) -> None:
    """Send whatever the session queued, as soon as the loop gets to it."""
    while True:
        await ready.wait()
        ready.clear()
        frame = session.outbox.drain()
        if frame is not None:
            await ws.send_text(frame.decode())


async def serve_websocket(
    ws: WebSocket, manager: SessionManager, allowed_origins: list[str], check_origin: bool
) -> None:
    client = f"{ws.client.host}:{ws.client.port}" if ws.client else "?"
    if check_origin and not origin_allowed(ws.headers.get("origin"), ws.headers.get("host"), allowed_origins):
        log.warning(
            "refused websocket from %s: origin %r does not match host %r",
            client,
            ws.headers.get("origin"),
            ws.headers.get("host"),
        )
        await ws.close(code=POLICY_VIOLATION)
        return
    await ws.accept()
    session: Session | None = None
    sender: asyncio.Task[None] | None = None
    try:
        hello = parse_client_message(await ws.receive_text())
        if hello["t"] != "hello":
            raise ProtocolError(f"the first message must be hello, not {hello['t']!r}")
        session, resumed = manager.attach(hello["session"], hello["query"])
        await ws.send_text(
            orjson.dumps(
                [
                    {
                        "t": "session",
                        "v": PROTOCOL_VERSION,
                        "session": session.id,
                        "resumed": resumed,
                        "run_on_save": session.run_on_save,
                        "xsrf": session.xsrf,
                    }
                ]
            ).decode()
        )
        loop = asyncio.get_running_loop()
        ready = asyncio.Event()
        sender = asyncio.create_task(_send_frames(ws, session, ready))
        if resumed:
            session.resend_all()
        session.outbox.drain()

        def wake_sender() -> None:
            loop.call_soon_threadsafe(ready.set)

        session.outbox.set_listener(wake_sender)
        session.request_rerun()
        while True:
            message = parse_client_message(await ws.receive_text())
            if message["t"] == "rerun":
                session.request_rerun(message["values"])
            elif message["t"] == "stop":
                session.request_stop()
            elif message["t"] == "run_on_save":
                session.run_on_save = message["value"]
            elif message["t"] == "clear_cache":
                from slipstream.caching.api import cache_data, cache_resource

                cache_data.clear()
                cache_resource.clear()
                log.info("caches cleared from the app menu")
            else:
                raise ProtocolError(f"unexpected {message['t']!r} message after hello")
    except WebSocketDisconnect:
        pass
    except ProtocolError as exc:
        log.warning("closed websocket from %s: %s", client, exc)
        await ws.close(code=POLICY_VIOLATION, reason=str(exc)[:120])
    except KeyError as exc:  # receive_text on a binary frame
        log.warning("closed websocket from %s: unexpected frame (%s)", client, exc)
        await ws.close(code=POLICY_VIOLATION)
    finally:
        if sender is not None:
            sender.cancel()
        if session is not None:
            manager.detach(session)
