"""The client side of bench/hardening.py: well-behaved sessions and attackers, for either framework.

It runs under the Python of the framework it talks to (Streamlit's protobuf types come from
bench/.venv-streamlit), connects to 127.0.0.1 only, and prints its figures as one JSON line.
A connection the server closes is a valid outcome for every attacker here: it is counted, never fatal.

usage: hardening_client.py PROBE --kind slipstream|streamlit --port P [options]   (PROBE: see --help)
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import signal
import socket
import struct
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.typing import Origin, Subprotocol

HOST = "127.0.0.1"
MIB = 1 << 20
CLK_TCK = os.sysconf("SC_CLK_TCK")
RUN_TIMEOUT_S = 10.0  # a rerun with no end after this long counts as an error
TEXT, BINARY = 0x1, 0x2
RARE_EVERY = 100  # the attacker's connections per one of the byte-heavy scenarios
ZERO_KEY = b"\0\0\0\0"  # a legal masking key that leaves the payload as it is: no masking cost for huge frames


@dataclass(frozen=True)
class BadText:
    """A text frame whose bytes are not UTF-8."""

    data: bytes


@dataclass(frozen=True)
class Huge:
    """A frame that announces ``declared`` payload bytes, of which only the first ``sent`` follow."""

    declared: int
    sent: int


Message = str | bytes | BadText | Huge
Scenario = tuple[str, float, Callable[[random.Random], list[Message]]]  # name, weight, messages


@dataclass
class Seen:
    """What a server's frames showed: the end of a run, a button's id, elements."""

    ended: bool = False
    button: str | None = None
    elements: int = 0


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process, all its threads, in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def emit(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


# ---- the two protocols -------------------------------------------------------------------------


class Dialect:
    """How one framework's browser talks to its server: route, subprotocol and messages."""

    kind = ""
    path = ""
    opcode = TEXT
    subprotocols: tuple[Subprotocol, ...] = ()

    def start(self) -> str | bytes:
        """The first message of a tab: its server then runs the script."""
        raise NotImplementedError

    def rerun(self, values: dict[str, Any] | None = None) -> str | bytes:
        """A rerun with these widget values: True for a button, a string for any widget."""
        raise NotImplementedError

    def stop(self) -> str | bytes:
        raise NotImplementedError

    def read(self, frame: str | bytes, seen: Seen) -> None:
        raise NotImplementedError

    def scenarios(self, button: str) -> list[Scenario]:
        """The attacker's connections: each a list of messages sent in order, most of them malformed."""
        raise NotImplementedError

    def rare_scenarios(self) -> list[Scenario]:
        """Scenarios heavy on bytes, each the scenario of one connection in RARE_EVERY, in turn (weights unused)."""
        return [
            ("message over the limit (2-17 MiB)", 0, self.over_limit),
            ("frame declaring 20-150 MiB", 0, lambda rng: [Huge(rng.randint(20, 150) * MIB, 256 * 1024)]),
        ]

    def over_limit(self, rng: random.Random) -> list[Message]:
        raise NotImplementedError


class Slipstream(Dialect):
    kind = "slipstream"
    path = "/_slipstream/ws"

    def start(self) -> str:
        return json.dumps({"t": "hello", "v": 1, "session": None, "query": ""})

    def rerun(self, values: dict[str, Any] | None = None) -> str:
        return json.dumps({"t": "rerun", "values": values or {}})

    def stop(self) -> str:
        return '{"t":"stop"}'

    def read(self, frame: str | bytes, seen: Seen) -> None:
        decoded = json.loads(frame)
        for message in decoded if isinstance(decoded, list) else [decoded]:
            # the short forms of docs/protocol.md: ["e", RUN, ...] is a run's end
            short = isinstance(message, list) and message[:1] == ["e"]
            kind = "run_end" if short else message.get("t") if isinstance(message, dict) else None
            if kind == "el":
                seen.elements += 1
                if message["e"].get("type") == "button":
                    seen.button = message["e"].get("id")
            elif kind == "run_end":
                seen.ended = True

    def scenarios(self, button: str) -> list[Scenario]:
        hello = self.start()
        big = self.rerun({button: "x" * 900_000})
        emoji = self.rerun({button: "🦄" * 50_000, "🦄" * 1000: True})
        deep_list = '{"t":"rerun","values":{"w":' + "[" * 50_000 + "]" * 50_000 + "}}"
        deep_object = '{"a":' * 20_000 + "1" + "}" * 20_000
        broken = ['{"t": "hello", "v": 1,', "{t: hello}", "", "null", "[[[", '{"t":"rerun","values":{"a":tru}}']
        wrong_types = [
            "[]",
            '"hello"',
            "42",
            '{"t": 1}',
            '{"t":"hello","v":"1","session":5,"query":[]}',
            '{"t":"hello","v":1,"session":null,"query":"","extra":1}',
            '{"t":"rerun","values":[1,2]}',
        ]

        def junk(rng: random.Random) -> str:
            return "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(1, 400)))

        def unknown_widgets(rng: random.Random) -> list[Message]:
            return [hello, self.rerun({f"no-such-widget-{rng.getrandbits(64):x}": True for _ in range(200)})]

        return [
            ("invalid JSON", 8, lambda rng: [rng.choice(broken)]),
            ("invalid JSON (random text)", 4, lambda rng: [junk(rng)]),
            ("wrong types", 10, lambda rng: [rng.choice(wrong_types)]),
            ("unknown t", 5, lambda rng: [rng.choice(('{"t":"launch"}', '{"t":null}', '{"t":"el","p":[0]}'))]),
            ("rerun before hello", 5, lambda rng: [self.rerun({button: True}), hello]),
            ("stop before hello", 3, lambda rng: [self.stop(), hello]),
            ("binary frame", 5, lambda rng: [rng.choice((hello.encode(), rng.randbytes(rng.randrange(1, 2000))))]),
            ("text frame, not UTF-8", 3, lambda rng: [BadText(b'{"t":"hello\xff\xfe"}')]),
            ("deep nesting", 3, lambda rng: [rng.choice((deep_list, deep_object))]),
            ("emoji strings", 5, lambda rng: [hello, emoji]),
            ("hello twice", 6, lambda rng: [hello, hello]),
            ("rerun naming 200 unknown widgets", 6, unknown_widgets),
            ("900 KB string for the button", 1, lambda rng: [hello, big]),
            ("wrong value types", 5, lambda rng: [hello, self.rerun({button: {"a": [1]}})]),
            ("rerun with unknown fields", 3, lambda rng: [hello, '{"t":"rerun","values":{},"x":1}']),
            ("out of order", 6, lambda rng: [hello, self.stop(), self.stop(), '{"t":"run_on_save","value":"yes"}']),
            ("rerun flood, unread", 6, lambda rng: [hello, *[self.rerun()] * 20]),
            ("binary after hello", 4, lambda rng: [hello, rng.randbytes(rng.randrange(1, 2000))]),
        ]

    def over_limit(self, rng: random.Random) -> list[Message]:
        return ["x" * rng.choice((2, 8, 15, 17)) * MIB]


class Streamlit(Dialect):
    kind = "streamlit"
    path = "/_stcore/stream"
    opcode = BINARY
    subprotocols = (Subprotocol("streamlit"),)

    def __init__(self) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._back, self._forward = BackMsg, ForwardMsg

    def start(self) -> bytes:
        return self.rerun()

    def rerun(self, values: dict[str, Any] | None = None, query: str = "") -> bytes:
        message = self._back()
        message.rerun_script.query_string = query
        message.rerun_script.page_script_hash = ""
        for widget_id, value in (values or {}).items():
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            if value is True:
                state.trigger_value = True
            else:
                state.string_value = str(value)
        return bytes(message.SerializeToString())

    def stop(self) -> bytes:
        message = self._back()
        message.stop_script = True
        return bytes(message.SerializeToString())

    def read(self, frame: str | bytes, seen: Seen) -> None:
        message = self._forward()
        message.ParseFromString(frame if isinstance(frame, bytes) else frame.encode())
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            seen.elements += 1
            element = message.delta.new_element
            if element.WhichOneof("type") == "button":
                seen.button = element.button.id
        elif kind == "script_finished":
            seen.ended = True

    def scenarios(self, button: str) -> list[Scenario]:
        start = self.start()
        big = self.rerun({button: "x" * 900_000})
        emoji = self.rerun({button: "🦄" * 50_000, "🦄" * 1000: True}, query="🦄" * 2000)
        deep_json = self._back()
        state = deep_json.rerun_script.widget_states.widgets.add()
        state.id, state.json_value = button, "[" * 50_000 + "]" * 50_000
        wrong_wire = [
            b"\x22\x05\xff\xff",  # rerun_script, 5 bytes announced, 2 follow
            b"\x20" + b"\x80" * 11 + b"\x01",  # rerun_script as an overlong varint
            b"\x00",  # field number 0
            b"\xfa\xff\xff\xff\x0f\x02ok",  # an unknown field number
            b"\x22\x03\x0a\x01",  # nested message cut short
        ]

        def unknown_widgets(rng: random.Random) -> list[Message]:
            return [start, self.rerun({f"no-such-widget-{rng.getrandbits(64):x}": True for _ in range(200)})]

        return [
            ("garbage bytes", 20, lambda rng: [rng.randbytes(rng.randrange(1, 2000))]),
            ("text frame (JSON)", 8, lambda rng: [rng.choice(('{"t":"hello","v":1}', "🦄" * 100, ""))]),
            ("text frame, not UTF-8", 3, lambda rng: [BadText(b"\xff\xfe\x00hello")]),
            ("truncated protobuf", 8, lambda rng: [big[: rng.randrange(1, 64)]]),
            ("wrong wire types", 8, lambda rng: [rng.choice(wrong_wire)]),
            ("stop before any run", 3, lambda rng: [self.stop(), start]),
            ("start twice", 6, lambda rng: [start, start]),
            ("emoji strings", 5, lambda rng: [emoji]),
            ("deep JSON for the button", 3, lambda rng: [start, bytes(deep_json.SerializeToString())]),
            ("rerun naming 200 unknown widgets", 6, unknown_widgets),
            ("900 KB string for the button", 1, lambda rng: [start, big]),
            ("rerun flood, unread", 6, lambda rng: [start, *[self.rerun()] * 20]),
            ("garbage after a run", 5, lambda rng: [start, rng.randbytes(rng.randrange(1, 2000))]),
        ]

    def over_limit(self, rng: random.Random) -> list[Message]:
        """Streamlit's limit is 200 MB: these are within it, and garbage."""
        return [rng.randbytes(rng.choice((2, 8, 15, 17)) * MIB)]


def dialect_for(kind: str) -> Dialect:
    return Streamlit() if kind == "streamlit" else Slipstream()


# ---- websocket sessions --------------------------------------------------------------------------


def open_ws(dialect: Dialect, port: int, *, compression: str | None = "deflate") -> Any:
    """A websockets connection as a browser tab opens it (no client pings: browsers send none)."""
    return connect(
        f"ws://{HOST}:{port}{dialect.path}",
        subprotocols=list(dialect.subprotocols) or None,
        origin=Origin(f"http://{HOST}:{port}"),
        compression=compression,
        max_size=None,
        ping_interval=None,
        open_timeout=30,
        close_timeout=2,
    )


async def until_run_end(ws: ClientConnection, dialect: Dialect, seen: Seen | None = None) -> Seen:
    seen = seen or Seen()
    seen.ended = False
    while not seen.ended:
        dialect.read(await ws.recv(), seen)
    return seen


async def start_session(ws: ClientConnection, dialect: Dialect) -> Seen:
    """Open a session and wait for its first run to end."""
    await ws.send(dialect.start())
    return await asyncio.wait_for(until_run_end(ws, dialect), 60)


async def find_button(dialect: Dialect, port: int) -> str:
    async with open_ws(dialect, port) as ws:
        seen = await start_session(ws, dialect)
    if seen.button is None:
        raise SystemExit("the app showed no button")
    return seen.button


async def discard(ws: ClientConnection) -> None:
    """Read and drop all the server sends until it closes: an attacker that is no slow reader."""
    try:
        async for _ in ws:
            pass
    except ConnectionClosed:
        pass


def close_code(exc: ConnectionClosed) -> str:
    return str(exc.rcvd.code) if exc.rcvd is not None else "no close frame"


# ---- raw sockets: frames websockets will not send ---------------------------------------------


def handshake_request(dialect: Dialect, port: int) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        f"GET {dialect.path} HTTP/1.1",
        f"Host: {HOST}:{port}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        f"Origin: http://{HOST}:{port}",
        *(f"Sec-WebSocket-Protocol: {p}" for p in dialect.subprotocols),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def check_handshake(head: bytes) -> None:
    status = head.split(b"\r\n", 1)[0]
    if b" 101 " not in status + b" ":
        raise ConnectionRefusedError(f"handshake refused: {status.decode(errors='replace')}")


def frame_header(opcode: int, length: int, key: bytes) -> bytes:
    """A final client frame's header announcing ``length`` payload bytes, masked with ``key``."""
    if length < 126:
        head = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
    elif length < 1 << 16:
        head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, length)
    return head + key


def frame(opcode: int, payload: bytes) -> bytes:
    key = os.urandom(4)
    n = len(payload)
    masked = (int.from_bytes(payload, "big") ^ int.from_bytes((key * (n // 4 + 1))[:n], "big")).to_bytes(n, "big")
    return frame_header(opcode, n, key) + masked


def encode(dialect: Dialect, message: str | bytes) -> bytes:
    return frame(dialect.opcode, message.encode() if isinstance(message, str) else message)


def raw_connect(dialect: Dialect, port: int, rcvbuf: int) -> socket.socket:
    """A blocking socket past the websocket handshake, with a receive buffer of about ``rcvbuf`` bytes."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(30)
    sock.connect((HOST, port))
    sock.sendall(handshake_request(dialect, port))
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1024)
        if not chunk:
            raise ConnectionResetError("closed during the handshake")
        head += chunk
    check_handshake(head)
    return sock


@dataclass
class HugeOutcome:
    sent_bytes: int = 0
    closed_by_server: bool = False
    how: str = ""
    seconds: float = 0.0


async def push_huge(dialect: Dialect, port: int, declared: int, send: int) -> HugeOutcome:
    """Announce a ``declared``-byte frame and send up to ``send`` payload bytes, stopping when the server closes."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 30)
    outcome = HugeOutcome()
    try:
        writer.write(handshake_request(dialect, port))
        check_handshake(await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30))
        start = time.perf_counter()
        # Whatever the server sends now (a close frame) or its EOF ends the push.
        answer = asyncio.ensure_future(reader.read(65536))
        writer.write(frame_header(dialect.opcode, declared, ZERO_KEY))
        chunk = b"a" * 65536
        try:
            while outcome.sent_bytes < send and not answer.done():
                piece = chunk[: send - outcome.sent_bytes]
                writer.write(piece)
                await writer.drain()
                outcome.sent_bytes += len(piece)
            if not answer.done():  # all of it sent: give the server time to read and judge it
                await asyncio.wait_for(asyncio.shield(answer), 10)
            outcome.closed_by_server, outcome.how = True, "close frame" if answer.result() else "EOF"
        except (ConnectionError, asyncio.IncompleteReadError) as exc:
            outcome.closed_by_server, outcome.how = True, type(exc).__name__
        except TimeoutError:
            outcome.how = "still open 10 s after the whole payload"
        outcome.seconds = time.perf_counter() - start
        answer.cancel()
    finally:
        writer.transport.abort()
    return outcome


# ---- probes ------------------------------------------------------------------------------------


async def sessions(dialect: Dialect, port: int, steps: list[int], concurrency: int, hold: bool, cap_s: float) -> None:
    """Open sessions, each until its first run ends, up to each count of ``steps`` in turn.

    Closed again at once, or (``hold``) kept open and idle: then after each step a JSON line is printed
    and the next step waits for a line on stdin (the harness has measured); the last waits for EOF.
    With ``cap_s``, a step opens no more sessions after that many seconds.
    """
    gate = asyncio.Semaphore(concurrency)
    held: list[ClientConnection] = []
    failures: Counter[str] = Counter()
    opened = 0
    deadline = float("inf")

    async def one() -> None:
        nonlocal opened
        async with gate:
            if time.perf_counter() > deadline:
                return
            try:
                ws = await open_ws(dialect, port)
                await start_session(ws, dialect)
                opened += 1
                if hold:
                    held.append(ws)
                else:
                    await ws.close()
            except (ConnectionClosed, InvalidHandshake, OSError, TimeoutError) as exc:
                failures[type(exc).__name__] += 1

    loop = asyncio.get_running_loop()
    asked = 0
    for step in steps:
        start = time.perf_counter()
        deadline = start + cap_s if cap_s else float("inf")
        await asyncio.gather(*(one() for _ in range(step - asked)))
        asked = step
        emit(
            {
                "sessions": opened,
                "asked": step,
                "capped": opened + sum(failures.values()) < step,
                "failures": dict(failures),
                "seconds": time.perf_counter() - start,
            }
        )
        if hold:
            await loop.run_in_executor(None, sys.stdin.readline)


async def clicker(dialect: Dialect, port: int, pause: float) -> None:
    """Press the button in a loop until SIGTERM: each rerun's (time sent, ms), and each failure's (time, why).

    A failure's time is when the rerun (or the connection) it ended was started.
    """
    samples: list[tuple[float, float]] = []
    errors: list[tuple[float, str]] = []
    connections = 0

    async def click() -> None:
        nonlocal connections
        while True:
            at = time.time()
            try:
                async with open_ws(dialect, port) as ws:
                    connections += 1
                    seen = await start_session(ws, dialect)
                    press = dialect.rerun({seen.button: True} if seen.button else None)
                    while True:
                        at, start = time.time(), time.perf_counter()
                        await ws.send(press)
                        await asyncio.wait_for(until_run_end(ws, dialect, seen), RUN_TIMEOUT_S)
                        samples.append((at, (time.perf_counter() - start) * 1000))
                        await asyncio.sleep(pause)
            except TimeoutError:
                errors.append((at, f"no run end within {RUN_TIMEOUT_S:.0f} s"))
            except (ConnectionClosed, InvalidHandshake, OSError) as exc:
                errors.append((at, f"{type(exc).__name__}: {exc}"[:200]))
            await asyncio.sleep(0.2)

    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    task = asyncio.create_task(click())
    await stop.wait()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    emit({"samples": samples, "errors": errors, "connections": connections})


async def attack(
    dialect: Dialect, port: int, messages: int, concurrency: int, cap_s: float, seed: int, only: str
) -> None:
    """Send about ``messages`` malformed, oversized and out-of-order messages over many connections.

    ``only``: just the scenarios whose name contains it, all equally often (to find which one costs what).
    """
    rng = random.Random(seed)
    scenarios, rare = dialect.scenarios(await find_button(dialect, port)), dialect.rare_scenarios()
    if only:
        chosen = [(name, 1.0, build) for name, _, build in [*scenarios, *rare] if only in name]
        if not chosen:
            names = ", ".join(repr(name) for name, _, _ in [*scenarios, *rare])
            raise SystemExit(f"--scenario {only!r} names none of the scenarios: {names}")
        scenarios, rare = chosen, []
    weights = [weight for _, weight, _ in scenarios]
    sent = connections = 0
    closes: Counter[str] = Counter()  # how each connection ended
    used: Counter[str] = Counter()
    huge_sent = 0
    deadline = time.monotonic() + cap_s

    async def connection(batch: list[Message]) -> str:
        nonlocal sent, huge_sent
        if isinstance(batch[0], Huge):
            outcome = await push_huge(dialect, port, batch[0].declared, batch[0].sent)
            sent += 1
            huge_sent += outcome.sent_bytes
            return f"huge frame: {'server closed' if outcome.closed_by_server else 'we closed'}"
        ws = await open_ws(dialect, port, compression=None)
        drain = asyncio.create_task(discard(ws))
        try:
            for message in batch:
                if drain.done():
                    break
                if isinstance(message, BadText):
                    await ws.send(message.data, text=True)
                else:
                    await ws.send(message)
                sent += 1
            await asyncio.wait_for(asyncio.shield(drain), 0.1)
        except TimeoutError:
            return "we hung up"
        finally:
            ws.transport.abort()  # no closing handshake: an attacker does not wait for one
        return f"server closed ({ws.close_code})"

    async def worker() -> None:
        nonlocal connections
        while sent < messages and time.monotonic() < deadline:
            connections += 1
            if rare and connections % RARE_EVERY == 0:
                name, _, build = rare[connections // RARE_EVERY % len(rare)]
            else:
                name, _, build = rng.choices(scenarios, weights)[0]
            used[name] += 1
            try:
                closes[await asyncio.wait_for(connection(build(rng)), 60)] += 1
            except ConnectionClosed as exc:
                closes[f"server closed ({close_code(exc)})"] += 1
            except (InvalidHandshake, OSError, TimeoutError) as exc:
                closes[f"failed: {type(exc).__name__}"] += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    emit(
        {
            "messages": sent,
            "connections": connections,
            "seconds": time.perf_counter() - start,
            "capped": sent < messages,
            "huge_payload_bytes_sent": huge_sent,
            "outcomes": dict(closes.most_common()),
            "scenarios": dict(used.most_common()),
        }
    )


def slow_reader(dialect: Dialect, port: int, seconds: float, interval: float) -> None:
    """Ask for reruns every ``interval`` s for ``seconds`` and never read; reconnect when the server hangs up."""
    deadline = time.monotonic() + seconds
    reruns = connections = closed = stalled = 0
    first_close: float | None = None
    start = time.monotonic()
    while time.monotonic() < deadline:
        try:
            sock = raw_connect(dialect, port, rcvbuf=4096)
        except OSError:
            time.sleep(0.5)
            continue
        connections += 1
        sock.settimeout(5)
        try:
            sock.sendall(encode(dialect, dialect.start()))
            while time.monotonic() < deadline:
                time.sleep(interval)
                sock.sendall(encode(dialect, dialect.rerun()))
                reruns += 1
        except TimeoutError:
            stalled += 1  # the server stopped reading from us too
        except OSError:
            closed += 1
            first_close = first_close or time.monotonic() - start
        finally:
            sock.close()
    emit(
        {
            "reruns_sent": reruns,
            "connections": connections,
            "closed_by_server": closed,
            "first_close_after_s": first_close,
            "sends_stalled": stalled,
        }
    )


async def oversized(dialect: Dialect, port: int, connections: int, mib: int) -> None:
    """``connections`` messages of ``mib`` MiB at once, each on its own connection."""
    outcomes = await asyncio.gather(*(push_huge(dialect, port, mib * MIB, mib * MIB) for _ in range(connections)))
    emit({"connections": [vars(outcome) for outcome in outcomes]})


async def rejected_values(dialect: Dialect, port: int, count: int, size: int) -> None:
    """``count`` reruns that give the button a ``size``-character string (a value it cannot hold)."""
    button = await find_button(dialect, port)
    message = dialect.rerun({button: "x" * size})
    sent = runs = connections = 0
    closes: Counter[str] = Counter()
    while sent < count:
        try:
            async with open_ws(dialect, port) as ws:
                connections += 1
                await start_session(ws, dialect)
                while sent < count:
                    await ws.send(message)
                    sent += 1
                    await asyncio.wait_for(until_run_end(ws, dialect), RUN_TIMEOUT_S)
                    runs += 1
        except ConnectionClosed as exc:
            closes[close_code(exc)] += 1
        except (InvalidHandshake, OSError, TimeoutError) as exc:
            closes[type(exc).__name__] += 1
    emit({"sent": sent, "runs_ended": runs, "connections": connections, "closes": dict(closes)})


async def stop_loop(dialect: Dialect, port: int, pid: int, cap_s: float) -> None:
    """Start the pure loop, press Stop, time the run's end; the server's CPU before and after."""

    def cpu_percent(seconds: float) -> float:
        before = cpu_seconds(pid)
        time.sleep(seconds)
        return 100 * (cpu_seconds(pid) - before) / seconds

    async with open_ws(dialect, port) as ws:
        await ws.send(dialect.start())
        seen = Seen()
        while seen.elements == 0:
            dialect.read(await asyncio.wait_for(ws.recv(), 60), seen)
        await asyncio.sleep(0.5)  # inside the loop by now
        spinning = cpu_percent(1.0)
        start = time.perf_counter()
        await ws.send(dialect.stop())
        stop_ms: float | None = None
        try:
            await asyncio.wait_for(until_run_end(ws, dialect, seen), cap_s)
            stop_ms = (time.perf_counter() - start) * 1000
        except TimeoutError:
            pass
        after = cpu_percent(2.0)
    emit({"stop_ms": stop_ms, "cap_s": cap_s, "cpu_percent_spinning": spinning, "cpu_percent_after": after})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    probes = ("sessions", "clicker", "attack", "slow-reader", "oversized", "rejected", "stop")
    parser.add_argument("probe", choices=probes)
    parser.add_argument("--kind", choices=("slipstream", "streamlit"), required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, default=100, help="sessions, attack messages or rejected values")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--hold", action="store_true", help="sessions: keep them open (see sessions())")
    parser.add_argument("--cap", type=float, default=0.0, help="sessions: seconds each step may take (0: no cap)")
    parser.add_argument("--steps", default="", help="sessions: counts to stop at, e.g. 500,2000 (default: --count)")
    parser.add_argument("--seconds", type=float, default=60.0, help="slow reader's duration; attack's time cap")
    parser.add_argument("--interval", type=float, default=0.1, help="slow reader: seconds between reruns")
    parser.add_argument("--pause", type=float, default=0.05, help="clicker: seconds between clicks")
    parser.add_argument("--mib", type=int, default=150, help="oversized: message size")
    parser.add_argument("--size", type=int, default=900_000, help="rejected: characters per value")
    parser.add_argument("--pid", type=int, default=0, help="stop: the server's pid, for its CPU time")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="", help="attack: only the scenarios whose name contains this")
    args = parser.parse_args()
    dialect, port = dialect_for(args.kind), args.port
    steps = [int(step) for step in args.steps.split(",")] if args.steps else [args.count]
    if args.probe == "slow-reader":
        slow_reader(dialect, port, args.seconds, args.interval)
        return
    coroutines = {
        "sessions": lambda: sessions(dialect, port, steps, args.concurrency, args.hold, args.cap),
        "clicker": lambda: clicker(dialect, port, args.pause),
        "attack": lambda: attack(dialect, port, args.count, args.concurrency, args.seconds, args.seed, args.scenario),
        "oversized": lambda: oversized(dialect, port, args.count, args.mib),
        "rejected": lambda: rejected_values(dialect, port, args.count, args.size),
        "stop": lambda: stop_loop(dialect, port, args.pid, args.seconds),
    }
    asyncio.run(coroutines[args.probe]())


if __name__ == "__main__":
    main()
