"""All sessions of one app: attach, detach, resume within the TTL, free when expired."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator

from slipstream.runtime.app_runtime import AppRuntime
from slipstream.runtime.script import AppScript
from slipstream.runtime.session import Session

log = logging.getLogger("slipstream.sessions")


class SessionLimitReached(Exception):
    """Every session the process may hold is attached to a tab."""


class SessionManager:
    """The sessions of ``app``: its options give their TTL, their limits and how many there may be."""

    def __init__(self, app: AppRuntime) -> None:
        assert app.script is not None
        self.app = app
        self.script: AppScript = app.script
        self.ttl = float(app.option("server.disconnectedSessionTTL"))
        self.run_on_save = bool(app.option("server.runOnSave"))
        self.max_sessions: int | None = int(app.option("server.maxSessions"))
        self.max_disconnected = max(0, int(app.option("server.maxDisconnectedSessions")))
        self.outbox_limit: int | None = int(app.option("server.maxOutboxSize")) << 20
        self._sessions: dict[str, Session] = {}
        self._attached: set[str] = set()
        # The sessions no tab holds, longest-disconnected first (a dict keeps the order they left in).
        self._detached: dict[str, Session] = {}
        self.after_run: Callable[[], None] | None = None

    def __iter__(self) -> Iterator[Session]:
        return iter(list(self._sessions.values()))

    def __len__(self) -> int:
        return len(self._sessions)

    def get(self, session_id: str) -> Session | None:
        session = self._sessions.get(session_id)
        return None if session is None or session.closed else session

    def attach(self, session_id: str | None, query: str = "") -> tuple[Session, bool]:
        """The session for a connecting tab, and whether it is an earlier one resumed.

        A session that another live connection holds (a duplicated tab shares the id) is not
        handed out twice; the newcomer gets a new session. When the process holds
        ``max_sessions``, the longest-disconnected sessions make room; with every one attached,
        SessionLimitReached.
        """
        session = self._sessions.get(session_id) if session_id else None
        resumed = session is not None and session.id not in self._attached and not session.closed
        if not resumed:
            self._make_room()
            session = Session(self.script, app=self.app, query=query, outbox_limit=self.outbox_limit)
            session.run_on_save = self.run_on_save
            session.on_run_end = self._run_ended
            self._sessions[session.id] = session
        assert session is not None
        session.location.query = query
        session.detached_since = None
        self._detached.pop(session.id, None)
        self._attached.add(session.id)
        return session, resumed

    def _run_ended(self, session: Session, status: str) -> None:
        if self.after_run is not None:
            self.after_run()

    def _make_room(self) -> None:
        if self.max_sessions is None or len(self._sessions) < self.max_sessions:
            return
        excess = len(self._sessions) - self.max_sessions + 1
        if len(self._detached) < excess:
            raise SessionLimitReached(
                f"the server holds its limit of {self.max_sessions} sessions (server.maxSessions)"
            )
        self._free_longest_detached(excess)
        log.info("freed %d disconnected session(s) to stay within server.maxSessions", excess)

    def detach(self, session: Session) -> None:
        """No tab holds ``session`` any more: it stays resumable for the TTL, unless more than
        ``max_disconnected`` sessions wait so; then the longest-disconnected is freed, as
        Streamlit's session storage does. Many tabs that came and went (a crawler, an attack)
        would otherwise keep thousands of small objects alive for the TTL, and the allocator
        keeps the memory they were spread over."""
        self._attached.discard(session.id)
        session.detached_since = time.monotonic()
        session.outbox.detach()
        session.drop_view()
        if session.id in self._sessions:
            self._detached.pop(session.id, None)  # to the end: the order is the order they left in
            self._detached[session.id] = session
        if len(self._detached) > self.max_disconnected:
            self._free_longest_detached(len(self._detached) - self.max_disconnected)

    def _free_longest_detached(self, count: int) -> None:
        for session in list(self._detached.values())[:count]:
            self.discard(session)

    def discard(self, session: Session) -> None:
        """Free ``session`` now (its tab broke the protocol, or room is needed): it cannot be resumed."""
        self._attached.discard(session.id)
        self._detached.pop(session.id, None)
        session.outbox.detach()
        session.close()
        self._sessions.pop(session.id, None)

    def reap(self, now: float | None = None) -> int:
        """Free sessions detached for longer than the TTL; return how many."""
        now = time.monotonic() if now is None else now
        expired: list[Session] = []
        for session in self._detached.values():  # longest-disconnected first
            if session.detached_since is None or now - session.detached_since < self.ttl:
                break
            expired.append(session)
        for session in expired:
            self.discard(session)
        if expired:
            log.info("freed %d expired session(s)", len(expired))
        return len(expired)

    def close_all(self) -> None:
        for session in self._sessions.values():
            session.close()
        self._sessions.clear()
        self._attached.clear()
        self._detached.clear()
