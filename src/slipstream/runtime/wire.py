"""The short forms of the messages every run sends, and their decoding.

Most messages travel as the JSON objects ``protocol.py`` declares. The four that every rerun
sends, often with little else (a run's start and end, a keep, a patch of a changed element), travel
as arrays whose first item names the kind, so that a rerun changing one line of text costs about
fifty bytes (docs/protocol.md, "Short forms"):

    ["s", RUN]  ["s", RUN, SCOPES]                 run_start
    ["e", RUN]  ["e", RUN, STATUS]  ["e", RUN, STATUS, DROP]
                                                   run_end (status "ok", nothing dropped by default)
    ["k", PATH, N]  ["k", PATH, N, 1]              keep (1: the whole subtrees)
    ["p", PATH, FIELDS]                            patch

``decode_frame`` turns a frame back into message objects, for tests and tools (the browser has
its own decoder).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

Path = tuple[int, ...]


def run_start(run: int, scopes: Sequence[Path] | None = None) -> bytes:
    if scopes is None:
        return b'["s",%d]' % run
    return b'["s",%d,' % run + orjson.dumps([list(s) for s in scopes]) + b"]"


def run_end(run: int, status: str, drop: Sequence[Path]) -> bytes:
    """The run ended; ``drop``: the elements it removed (each with what it holds)."""
    if drop:
        return b'["e",%d,' % run + orjson.dumps(status) + b"," + orjson.dumps([list(p) for p in drop]) + b"]"
    if status != "ok":
        return b'["e",%d,' % run + orjson.dumps(status) + b"]"
    return b'["e",%d]' % run


def run_end_whole(run: int, status: str) -> bytes:
    """The run ended, having sent every element the tab is to keep: anything it did not send or
    confirm goes (after the view was reset: a reload, a resumed tab, a snapshot)."""
    return orjson.dumps({"t": "run_end", "run": run, "status": status, "whole": True})


def keep(path: Path, count: int, tree: bool) -> bytes:
    return b'["k",' + orjson.dumps(path) + (b",%d,1]" % count if tree else b",%d]" % count)


def patch(path: Path, encoded_fields: bytes) -> bytes:
    return b'["p",' + orjson.dumps(path) + b"," + encoded_fields + b"]"


def decode_frame(frame: bytes | str) -> list[dict[str, Any]]:
    """A server frame as message objects, the short forms expanded."""
    return [decode(message) for message in orjson.loads(frame)]


def decode(message: Any) -> dict[str, Any]:
    if isinstance(message, dict):
        return message
    kind, *rest = message
    if kind == "s":
        return {"t": "run_start", "run": rest[0], **({"scopes": rest[1]} if len(rest) > 1 else {})}
    if kind == "e":
        status = rest[1] if len(rest) > 1 else "ok"
        return {"t": "run_end", "run": rest[0], "status": status, "drop": rest[2] if len(rest) > 2 else []}
    if kind == "k":
        return {"t": "keep", "p": rest[0], "n": rest[1], **({"tree": True} if len(rest) > 2 else {})}
    if kind == "p":
        return {"t": "patch", "p": rest[0], "e": rest[1]}
    raise ValueError(f"unknown short message {kind!r}")
