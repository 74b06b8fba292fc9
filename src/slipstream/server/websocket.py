"""The websocket endpoint: one connection per tab, attached to a session.

Everything a browser sends is hostile until parsed: a message over ``max_message_bytes`` (in
UTF-8 bytes; uvicorn refuses it from the frame header, before reading it), a binary frame, or
one that breaks the protocol closes the connection with one short, rate-limited log line, and a
session that broke the protocol is freed. A tab that does not read what it is sent loses its
connection once its outbox holds too much; its session stays resumable. Disconnects are normal
and log nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

import orjson
from starlette.websockets import WebSocket, WebSocketDisconnect

from slipstream.auth.user import user_from_cookies, user_from_headers
from slipstream.context_info import ClientInfo
from slipstream.protocol import (
    PROTOCOL_VERSION,
    ClientMessage,
    HelloMsg,
    MessageTooLarge,
    ProtocolError,
    parse_client_message,
)
from slipstream.runtime.client_log import ClientLog
from slipstream.runtime.manager import SessionLimitReached, SessionManager
from slipstream.runtime.session import Session
from slipstream.server.security import origin_allowed
from slipstream.theme import client_settings

log = logging.getLogger("slipstream.server")

POLICY_VIOLATION = 1008
MESSAGE_TOO_BIG = 1009
TRY_AGAIN_LATER = 1013
CLOSE_TIMEOUT = 1.0  # seconds

# What a send or a close raises once the peer or the server has closed the connection.
_GONE = (WebSocketDisconnect, RuntimeError, OSError)


@dataclass(frozen=True, slots=True)
class SocketPolicy:
    allowed_origins: list[str]
    check_origin: bool
    max_message_bytes: int


async def serve_websocket(ws: WebSocket, manager: SessionManager, policy: SocketPolicy) -> None:
    client = f"{ws.client.host}:{ws.client.port}" if ws.client else "?"
    client_log = ClientLog(log, f"websocket {client}")
    if policy.check_origin and not origin_allowed(
        ws.headers.get("origin"), ws.headers.get("host"), policy.allowed_origins
    ):
        client_log.warning(
            "refused: origin %r does not match host %r", ws.headers.get("origin"), ws.headers.get("host")
        )
        await _close(ws, POLICY_VIOLATION)
        return
    await ws.accept()
    session: Session | None = None
    try:
        hello = await _receive(ws, policy.max_message_bytes)
        if hello["t"] != "hello":
            raise ProtocolError(f"the first message must be hello, not {hello['t']!r}")
        try:
            session, resumed = manager.attach(hello["session"], hello["query"])
        except SessionLimitReached as exc:
            client_log.warning("refused: %s", exc)
            await _close(ws, TRY_AGAIN_LATER, "the server is full")
            return
        session, resumed = _as_user(ws, manager, session, resumed, hello["query"], client)
        session.arrive(hello.get("page", ""), hello["query"], _client_info(ws, hello))
        await _attached(ws, session, resumed, manager, policy, client_log)
    except OSError:  # the peer went away while the server was sending
        pass
    except WebSocketDisconnect as exc:
        if exc.code == MESSAGE_TOO_BIG:
            client_log.warning(
                "closed: a message was over the limit of %s bytes (server.maxMessageSize)",
                f"{policy.max_message_bytes:,}",
            )
    except MessageTooLarge as exc:
        client_log.warning("closed: %s (server.maxMessageSize)", exc)
        await _close(ws, MESSAGE_TOO_BIG)
    except ProtocolError as exc:
        client_log.warning("closed: %s", exc)
        if session is not None:
            manager.discard(session)
            session = None
        await _close(ws, POLICY_VIOLATION, str(exc)[:120])
    finally:
        if session is not None:
            manager.detach(session)


async def _attached(
    ws: WebSocket,
    session: Session,
    resumed: bool,
    manager: SessionManager,
    policy: SocketPolicy,
    client_log: ClientLog,
) -> None:
    """Serve a tab attached to ``session``: its messages in, the session's frames out."""
    welcome = {
        "t": "session",
        "v": PROTOCOL_VERSION,
        "session": session.id,
        "resumed": resumed,
        "run_on_save": session.run_on_save,
        "xsrf": session.xsrf,
        "client": client_settings(session.app.options),
    }
    await ws.send_text(orjson.dumps([welcome]).decode())  # a peer gone already: WebSocketDisconnect
    if resumed:
        session.resend_all()
    sender = _Sender(ws, session, client_log)
    session.outbox.attach(on_ready=sender.wake, on_overflow=sender.give_up)
    session.request_rerun()
    try:
        await _receive_requests(ws, session, manager, policy)  # until the peer or a close ends it
    finally:
        sender.stop()


class _Sender:
    """Sends what the session queued, as soon as the event loop gets to it. The session's thread
    wakes it; each burst of frames goes out in a short-lived task, so an idle connection holds no
    task (nor a frame) for sending: a connected idle tab costs a few KiB less."""

    __slots__ = ("_client_log", "_loop", "_session", "_stopped", "_task", "_ws")

    def __init__(self, ws: WebSocket, session: Session, client_log: ClientLog) -> None:
        self._ws = ws
        self._session = session
        self._client_log = client_log
        self._loop = asyncio.get_running_loop()
        self._task: asyncio.Task[None] | None = None
        self._stopped = False

    def wake(self) -> None:  # on the script's thread
        self._loop.call_soon_threadsafe(self._start)

    def give_up(self) -> None:  # on the script's thread: the tab left too much unread
        self._loop.call_soon_threadsafe(self._close_unread)

    def stop(self) -> None:
        self._stopped = True
        if self._task is not None:
            self._task.cancel()

    def _start(self) -> None:
        if self._task is None and not self._stopped:
            self._task = self._loop.create_task(self._send())

    async def _send(self) -> None:
        try:
            with contextlib.suppress(*_GONE):  # the receiving side sees the peer go
                while not self._stopped and (frame := self._session.outbox.drain()) is not None:
                    await self._ws.send_text(frame.decode())
        finally:
            self._task = None

    def _close_unread(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        limit = self._session.outbox.limit or 0
        self._client_log.warning(
            "closed: the tab left over %s MB unread (server.maxOutboxSize); its session stays resumable",
            f"{limit / (1 << 20):g}",
        )
        # The close ends the connection, and with it the receiving loop.
        self._task = self._loop.create_task(_close(self._ws, TRY_AGAIN_LATER, "too much unread output"))


async def _receive(ws: WebSocket, max_bytes: int) -> ClientMessage:
    message = await ws.receive()
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000), message.get("reason"))
    text = message.get("text")
    if text is None:
        raise ProtocolError("binary frames are not part of the protocol")
    return parse_client_message(text, max_bytes)


async def _receive_requests(ws: WebSocket, session: Session, manager: SessionManager, policy: SocketPolicy) -> None:
    while True:
        message = await _receive(ws, policy.max_message_bytes)
        if message["t"] == "rerun":
            session.request_rerun(message["values"])
        elif message["t"] == "navigate":
            session.navigate(message["page"], message["query"])
        elif message["t"] == "stop":
            session.request_stop()
        elif message["t"] == "rows":
            # Off the event loop (a first sort of a large table takes a moment); one request of a
            # tab at a time, so a tab cannot make the server sort for it in parallel.
            session.outbox.put(dict(await asyncio.to_thread(session.lazy_rows.answer, message)))
        elif message["t"] == "run_on_save":
            session.run_on_save = message["value"]
        elif message["t"] == "clear_cache":
            from slipstream.caching.storage import clear_disk

            for registry in session.app.caches.values():  # this app's, not the process's
                registry.clear()
            clear_disk()
            log.info("caches cleared from the app menu")
        else:
            raise ProtocolError(f"unexpected {message['t']!r} message after hello")


def _as_user(
    ws: WebSocket, manager: SessionManager, session: Session, resumed: bool, query: str, client: str
) -> tuple[Session, bool]:
    """Give the session the user its tab's identity cookie names (st.user), with what the trusted
    headers (server.trustedUserHeaders) say over it. As in Streamlit 1.67, a session is resumed
    only by exactly the user it started with (claims, tokens and headers alike), and never after
    st.logout: anyone else gets a new session."""
    user = user_from_cookies(session.app, ws.cookies, ws.headers.get("origin"), f"websocket {client}")
    user.update(user_from_headers(session.app, ws.headers))
    if resumed and (session.logged_out or session.user != user):
        manager.detach(session)
        session, resumed = manager.attach(None, query)
    if not resumed:
        session.user = user
    return session, resumed


def _client_info(ws: WebSocket, hello: HelloMsg) -> ClientInfo:
    """st.context for the tab: its request's headers, cookies and address, and what its browser
    said of itself (checked by the protocol)."""
    browser = hello.get("context")
    info = ClientInfo(raw_headers=ws.scope["headers"], ip=ws.client.host if ws.client else None)
    if browser is not None:
        info.base_url = browser["url"]
        info.timezone = browser["timezone"]
        info.timezone_offset = browser["timezone_offset"]
        info.locale = browser["locale"]
        info.theme = browser["theme"]
        info.embedded = browser["embedded"]
    return info


async def _close(ws: WebSocket, code: int, reason: str = "") -> None:
    """Close, unless the connection is gone already (then there is nothing to say). A peer that
    does not read may never take the close frame: the server drops the connection then."""
    with contextlib.suppress(TimeoutError, *_GONE):
        await asyncio.wait_for(ws.close(code=code, reason=reason), CLOSE_TIMEOUT)
