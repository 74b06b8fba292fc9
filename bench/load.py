"""Protocol-level load on a Slipstream server running bench/apps/counter.py.

N concurrent sessions each connect to /_slipstream/ws, run the app once, then press the "Increment"
button M times, one rerun at a time. Prints, as one JSON line, the figures of the reference st_load.py:
total reruns/s, rerun latency (send -> run_end) p50/p99 and the server's RSS (process tree).

usage: load.py --port P --sessions N --reruns M [--pid SERVER_PID]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from typing import Any

from common import rank_percentile, tree_rss_kib
from websockets.asyncio.client import ClientConnection, connect

from slipstream.runtime.wire import decode_frame


async def _until_run_end(ws: ClientConnection, button: list[str]) -> None:
    """Read frames until the run ends, noting the button's id when its element arrives."""
    while True:
        messages: list[dict[str, Any]] = decode_frame(await ws.recv())
        for message in messages:
            if message["t"] == "el" and message["e"]["type"] == "button":
                button[0] = message["e"]["id"]
        if any(message["t"] == "run_end" for message in messages):
            return


async def _session(port: int, reruns: int, latencies: list[float]) -> None:
    async with connect(f"ws://127.0.0.1:{port}/_slipstream/ws", max_size=None) as ws:
        button = [""]
        await ws.send(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
        await _until_run_end(ws, button)
        if not button[0]:
            raise RuntimeError("the app showed no button")
        press = json.dumps({"t": "rerun", "values": {button[0]: True}})
        for _ in range(reruns):
            start = time.perf_counter()
            await ws.send(press)
            await _until_run_end(ws, button)
            latencies.append((time.perf_counter() - start) * 1000)


async def run_load(port: int, sessions: int, reruns: int) -> tuple[list[float], float]:
    """Rerun latencies (ms) of all sessions, and the wall time (s) of the whole load."""
    latencies: list[float] = []
    start = time.perf_counter()
    await asyncio.gather(*(_session(port, reruns, latencies) for _ in range(sessions)))
    return latencies, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--pid", type=int, default=0, help="the server's pid, to report its RSS")
    args = parser.parse_args()
    latencies, wall = asyncio.run(run_load(args.port, args.sessions, args.reruns))
    rss_kib = tree_rss_kib(args.pid) if args.pid else 0
    print(
        json.dumps(
            {
                "sessions": args.sessions,
                "reruns": len(latencies),
                "reruns_per_s": round(len(latencies) / wall, 1),
                "p50_ms": round(statistics.median(latencies), 1),
                "p99_ms": round(rank_percentile(latencies, 0.99), 1),
                "server_rss_mb": round(rss_kib / 1024, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
