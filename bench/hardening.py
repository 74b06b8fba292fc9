"""Attack probes on Slipstream, beside Streamlit 1.67: what hostile or careless clients cost a server.

Six probes, each on servers it starts itself on 127.0.0.1 (a free port, one fresh server per probe and
framework): memory per idle session and threads after short ones; a good session's rerun latency while
an attacker sends malformed, oversized and out-of-order messages; a client that never reads; three
150 MiB messages at once; the log after 100 rejected 900 KB widget values; stopping a pure-Python loop.
The clients are bench/hardening_client.py, run under each framework's own Python. Raw figures go to
bench/out/hardening-<time>.json and a dated section into bench/RESULTS.md (a full run of all probes only).

usage: python3 bench/hardening.py [--quick] [--only sessions,fuzz,...] [--slipstream-src DIR] [--no-publish]

--slipstream-src runs another Slipstream, e.g. an older commit for comparison:
    git archive COMMIT src | tar -x -C /tmp/old && cp -r src/slipstream/static /tmp/old/src/slipstream/
    python3 bench/hardening.py --slipstream-src /tmp/old/src --no-publish
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from common import (
    APPS,
    BENCH,
    COUNTER_APP,
    OUT,
    STREAMLIT_VERSION,
    Server,
    Target,
    child_env,
    ensure_streamlit_venv,
    rank_percentile,
    slipstream_target,
    streamlit_target,
    tree_rss_kib,
)
from run_core import log, machine, publish_section

CLIENT = BENCH / "hardening_client.py"
WRITES_A_LOT_APP = APPS / "writes_a_lot.py"
PURE_LOOP_APP = APPS / "pure_loop.py"
HEADING = "## Hardening: attack probes"
NAMES = {"slipstream": "Slipstream", "streamlit": f"Streamlit {STREAMLIT_VERSION}"}
SESSIONS_TTL_S = 3600  # the sessions probe: every closed session stays within the TTL while it is measured
TRACEBACK = b"Traceback (most recent call last)"
RUN_TIMEOUT_S = 10.0  # the clicker's: a rerun without its end after this long is an error

# Slipstream's targets: from the issue where it gives a number, else the harness's reading of it.
KIB_PER_SESSION = 50
RERUN_P99_MS = 100.0
RSS_AFTER_WITHIN = 0.10
FUZZ_LOG_BYTES = 1 << 20
EXTRA_THREADS = 5
SLOW_READER_GROWTH_KIB = 64 * 1024
OVERSIZED_SENT_BYTES = 16 << 20
OVERSIZED_GROWTH_KIB = 16 * 1024
REJECTED_LOG_BYTES = 64 * 1024
STOP_MS = 1000.0
IDLE_CPU_PERCENT = 5.0

Results = dict[str, Any]


@dataclass(frozen=True)
class Settings:
    idle_steps: tuple[int, ...]  # connected idle sessions, measured at each count
    short_sessions: int  # connect, first run, close: then the server's threads and RSS
    sessions_cap_s: float  # each count of sessions stops opening more after this long
    attack_messages: int
    attack_cap_s: float  # the attack stops here even if it has not sent all its messages
    rest_s: float  # the good session alone before the attack
    ttl_s: int  # server.disconnectedSessionTTL in every probe but the sessions one
    slow_reader_s: float
    oversized_mib: int
    rejected_values: int


FULL = Settings(
    idle_steps=(500, 2000),
    short_sessions=500,
    sessions_cap_s=120.0,
    attack_messages=20_000,
    attack_cap_s=90.0,
    rest_s=10.0,
    ttl_s=15,
    slow_reader_s=60.0,
    oversized_mib=150,
    rejected_values=100,
)
QUICK = replace(
    FULL,
    idle_steps=(100, 300),
    short_sessions=100,
    sessions_cap_s=60.0,
    attack_messages=2_000,
    attack_cap_s=20.0,
    rest_s=5.0,
    ttl_s=5,
    slow_reader_s=20.0,
)


@dataclass(frozen=True)
class Framework:
    """A framework under test: the Python that runs its server and our client for it."""

    kind: str  # "slipstream" or "streamlit"
    python: Path
    src: Path | None = None  # Slipstream only: import it from this folder instead of the installed one

    def target(self, app: Path, ttl_s: int, keep_disconnected: int | None = None) -> Target:
        """``keep_disconnected``: Slipstream keeps that many disconnected sessions (its option
        server.maxDisconnectedSessions; Streamlit always keeps at most 128)."""
        extra: tuple[str, ...] = ()
        if self.kind == "streamlit":
            base = streamlit_target(self.python, app)
        else:
            base = slipstream_target(app)
            if self.src is not None:
                boot = f"import sys; sys.path.insert(0, {str(self.src)!r}); from slipstream.cli import main; main()"
                base = replace(base, argv=(base.argv[0], "-c", boot, *base.argv[3:]))
            if keep_disconnected is not None:
                extra = ("--server.maxDisconnectedSessions", str(keep_disconnected))
        return replace(base, argv=(*base.argv, "--server.disconnectedSessionTTL", str(ttl_s), *extra))

    def client(self, probe: str, port: int, *options: object) -> list[str]:
        argv = [str(self.python), str(CLIENT), probe, "--kind", self.kind, "--port", str(port)]
        return argv + [str(option) for option in options]


class ProbeError(RuntimeError):
    pass


@dataclass(frozen=True)
class LogGrowth:
    bytes: int
    lines: int
    tracebacks: int


class ProbedServer(Server):
    """A bench server, and what the probes read of it: its log, its threads."""

    def __init__(self, framework: Framework, app: Path, ttl_s: int, keep_disconnected: int | None = None) -> None:
        super().__init__(framework.target(app, ttl_s, keep_disconnected))
        self.framework = framework

    def __enter__(self) -> ProbedServer:
        super().__enter__()
        return self

    @property
    def log_path(self) -> Path:
        return self._log  # common.Server chooses the file (bench/out/logs/) but keeps its name private

    def log_size(self) -> int:
        return self.log_path.stat().st_size

    def log_since(self, offset: int) -> LogGrowth:
        size = lines = tracebacks = 0
        carry = b""  # a marker split across two reads is counted once, in the second
        with self.log_path.open("rb") as file:
            file.seek(offset)
            while chunk := file.read(8 << 20):
                size += len(chunk)
                lines += chunk.count(b"\n")
                tracebacks += (carry + chunk).count(TRACEBACK)
                carry = chunk[-(len(TRACEBACK) - 1) :]
        return LogGrowth(size, lines, tracebacks)

    def threads(self) -> int:
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(status.split("Threads:", 1)[1].split()[0])

    def client(self, probe: str, *options: object, timeout: float = 900) -> Results:
        """Run one client against this server to its end; its JSON line."""
        argv = self.framework.client(probe, self.target.port, *options)
        done = subprocess.run(argv, env=child_env(), capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or not done.stdout.strip():
            raise ProbeError(f"{probe} client exited with {done.returncode}: {done.stderr.strip()[-1500:]}")
        result: Results = json.loads(done.stdout.splitlines()[-1])
        return result

    def start_client(self, probe: str, *options: object) -> subprocess.Popen[str]:
        """Start a client that runs alongside: stdin and stdout are pipes, stderr goes to client_log(probe)."""
        argv = self.framework.client(probe, self.target.port, *options)
        with self.client_log(probe).open("w") as stderr:
            return subprocess.Popen(
                argv, env=child_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True
            )

    def client_log(self, probe: str) -> Path:
        return self.log_path.with_name(f"{self.log_path.stem}-{probe}-client.log")

    def client_errors(self, probe: str) -> str:
        return self.client_log(probe).read_text(errors="replace").strip()[-1500:]

    def warm_up(self) -> int:
        """A few sessions, so that what the app's first run imports is loaded; then the RSS (KiB)."""
        self.client("sessions", "--count", 3, timeout=300)
        time.sleep(1)
        return self.rss_kib()


class RssSampler:
    """A process tree's RSS, sampled every 0.2 s on a thread, for peaks over windows of time."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._samples: list[tuple[float, int]] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.is_set():
            self._samples.append((time.time(), tree_rss_kib(self.pid)))
            self._done.wait(0.2)

    def peak(self, since: float, until: float | None = None) -> int:
        until = time.time() if until is None else until
        return max((kib for at, kib in list(self._samples) if since <= at <= until), default=0)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._done.set()
        self._thread.join()


def sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.time()))


def latency(samples: list[list[float]], errors: int) -> Results:
    """Percentiles of the reruns that ended; the ones that failed are only counted."""
    ms = [sample[1] for sample in samples]
    if not ms:
        return {"reruns": 0, "errors": errors}
    p50, p99 = rank_percentile(ms, 0.5), rank_percentile(ms, 0.99)
    return {"reruns": len(ms), "errors": errors, "p50_ms": p50, "p99_ms": p99, "max_ms": max(ms)}


# ---- probes: each runs one framework and returns its figures -----------------------------------------


def probe_sessions(fw: Framework, s: Settings) -> Results:
    """Sessions held open and idle (RSS at each count), then short sessions on a fresh server (RSS, threads)."""
    idle: list[Results] = []
    with ProbedServer(fw, COUNTER_APP, SESSIONS_TTL_S) as server:
        server.wait_ready()
        before = server.warm_up()
        threads_before = server.threads()
        steps = ",".join(map(str, s.idle_steps))
        holder = server.start_client(
            "sessions", "--hold", "--steps", steps, "--concurrency", 8, "--cap", s.sessions_cap_s
        )
        assert holder.stdin is not None and holder.stdout is not None
        try:
            for _ in s.idle_steps:
                line = holder.stdout.readline()
                if not line:
                    raise ProbeError(f"the sessions client ended early: {server.client_errors('sessions')}")
                opened = json.loads(line)
                time.sleep(2)
                rss = server.rss_kib()
                count = max(1, opened["sessions"])
                idle.append(
                    {
                        **opened,
                        "rss_kib": rss,
                        "kib_per_session": (rss - before) / count,
                        "threads": server.threads(),
                    }
                )
                holder.stdin.write("\n")
                holder.stdin.flush()
        finally:
            holder.kill()
            holder.communicate()
    connected = {"rss_before_kib": before, "threads_before": threads_before, "steps": idle}

    # Every one of them kept, so that the figure is what a kept disconnected session costs.
    with ProbedServer(fw, COUNTER_APP, SESSIONS_TTL_S, keep_disconnected=s.short_sessions) as server:
        server.wait_ready()
        before = server.warm_up()
        threads_before = server.threads()
        opened = server.client("sessions", "--count", s.short_sessions, "--concurrency", 8, "--cap", s.sessions_cap_s)
        time.sleep(2)
        rss = server.rss_kib()
        disconnected = {
            **opened,
            "rss_before_kib": before,
            "rss_kib": rss,
            "kib_per_session": (rss - before) / max(1, opened["sessions"]),
            "threads_before": threads_before,
            "threads": server.threads(),
        }
    return {"connected_idle": connected, "disconnected_within_ttl": disconnected}


def probe_fuzz(fw: Framework, s: Settings) -> Results:
    """A good session clicking throughout; the attack after ``rest_s``; memory until after the TTL."""
    with ProbedServer(fw, COUNTER_APP, s.ttl_s) as server, RssSampler(server.pid) as rss:
        server.wait_ready()
        server.warm_up()
        clicker = server.start_client("clicker")
        try:
            time.sleep(s.rest_s)
            before, threads_before, log_offset = server.rss_kib(), server.threads(), server.log_size()
            start = time.time()
            attack = server.client(
                "attack", "--count", s.attack_messages, "--seconds", s.attack_cap_s, timeout=s.attack_cap_s + 300
            )
            end = time.time()
            peak = rss.peak(start, end)
            sleep_until(end + 10)
            after_10s, threads_10s, log_growth = server.rss_kib(), server.threads(), server.log_since(log_offset)
            sleep_until(end + s.ttl_s + 15)
            after_ttl, threads_ttl = server.rss_kib(), server.threads()
            # The same attack again: memory a first burst leaves (allocator arenas it spread over) is
            # reused by the next one, not added to.
            server.client(
                "attack", "--count", s.attack_messages, "--seconds", s.attack_cap_s, timeout=s.attack_cap_s + 300
            )
            sleep_until(time.time() + s.ttl_s + 15)
            after_second = server.rss_kib()
        finally:
            clicker.terminate()  # it prints its figures on SIGTERM
            try:
                out = clicker.communicate(timeout=60)[0]
            except subprocess.TimeoutExpired:
                clicker.kill()
                out = clicker.communicate()[0]
    if not out.strip():
        raise ProbeError(f"the clicker printed nothing: {server.client_errors('clicker')}")
    clicks = json.loads(out.splitlines()[-1])
    samples, errors = clicks["samples"], clicks["errors"]

    def phase(first: float, last: float) -> Results:
        """The reruns sent from ``first`` until ``last``, and the failures of those started then."""
        failed = sum(1 for at, _ in errors if first <= at < last)
        return latency([x for x in samples if first <= x[0] < last], failed)

    during = phase(start, end)
    return {
        "attack": attack,
        "good_session": {
            "at_rest": phase(0, start),
            "during_attack": during,
            "after_attack": phase(end, float("inf")),
            "errors_during_attack": during["errors"],
            "errors": errors,
            "connections": clicks["connections"],
        },
        "rss_before_kib": before,
        "rss_peak_kib": peak,
        "rss_after_10s_kib": after_10s,
        "rss_after_ttl_kib": after_ttl,
        "rss_after_second_attack_kib": after_second,
        "ttl_s": s.ttl_s,
        "threads": {"before": threads_before, "after_10s": threads_10s, "after_ttl": threads_ttl},
        "log": {**asdict(log_growth), "path": str(server.log_path)},
    }


def probe_slow_reader(fw: Framework, s: Settings) -> Results:
    with ProbedServer(fw, WRITES_A_LOT_APP, s.ttl_s) as server, RssSampler(server.pid) as rss:
        server.wait_ready()
        before = server.warm_up()
        start = time.time()
        reader = server.client("slow-reader", "--seconds", s.slow_reader_s, timeout=s.slow_reader_s + 300)
        end = time.time()
        sleep_until(end + 10)
        after_10s = server.rss_kib()
        sleep_until(end + s.ttl_s + 15)
        after_ttl = server.rss_kib()
        peak = rss.peak(start)
    return {
        "client": reader,
        "seconds": s.slow_reader_s,
        "rss_before_kib": before,
        "rss_peak_kib": peak,
        "rss_after_10s_kib": after_10s,
        "rss_after_ttl_kib": after_ttl,
        "ttl_s": s.ttl_s,
    }


def probe_oversized(fw: Framework, s: Settings) -> Results:
    with ProbedServer(fw, COUNTER_APP, s.ttl_s) as server, RssSampler(server.pid) as rss:
        server.wait_ready()
        before = server.warm_up()
        start = time.time()
        pushed = server.client("oversized", "--count", 3, "--mib", s.oversized_mib, timeout=600)
        time.sleep(5)
        after = server.rss_kib()
        peak = rss.peak(start)
    return {"mib": s.oversized_mib, **pushed, "rss_before_kib": before, "rss_peak_kib": peak, "rss_after_kib": after}


def probe_rejected(fw: Framework, s: Settings) -> Results:
    with ProbedServer(fw, COUNTER_APP, s.ttl_s) as server:
        server.wait_ready()
        server.warm_up()
        offset = server.log_size()
        sent = server.client("rejected", "--count", s.rejected_values, "--size", 900_000, timeout=600)
        time.sleep(1)
        return {
            **sent,
            "value_chars": 900_000,
            "log": {**asdict(server.log_since(offset)), "path": str(server.log_path)},
        }


def probe_stop(fw: Framework, s: Settings) -> Results:
    with ProbedServer(fw, PURE_LOOP_APP, s.ttl_s) as server:
        server.wait_ready()
        return server.client("stop", "--pid", server.pid, "--seconds", 5, timeout=120)


PROBES: dict[str, Callable[[Framework, Settings], Results]] = {
    "sessions": probe_sessions,
    "fuzz": probe_fuzz,
    "slow_reader": probe_slow_reader,
    "oversized": probe_oversized,
    "rejected": probe_rejected,
    "stop": probe_stop,
}


def measure(frameworks: list[Framework], probes: list[str], settings: Settings) -> Results:
    results: Results = {}
    for probe in probes:
        results[probe] = {}
        for fw in frameworks:
            start = time.perf_counter()
            try:
                results[probe][fw.kind] = PROBES[probe](fw, settings)
            except Exception as exc:  # one failed probe must not lose the others' figures
                results[probe][fw.kind] = {"error": f"{type(exc).__name__}: {exc}"}
            took = time.perf_counter() - start
            log(f"{probe:12} {fw.kind:10} {took:6.1f} s  {summary(probe, results[probe][fw.kind])}")
    return results


# ---- the report ---------------------------------------------------------------------------------------


def mib(kib: float) -> str:
    return f"{kib / 1024:,.1f} MiB"


def nbytes(count: float) -> str:
    if count >= 1 << 20:
        return f"{count / (1 << 20):,.1f} MiB"
    return f"{count / 1024:,.1f} KiB" if count >= 1024 else f"{count:,.0f} B"


def ms(row: Results, key: str) -> str:
    return f"{row[key]:,.1f} ms" if key in row else "—"


def summary(probe: str, r: Results) -> str:
    """One line for the progress log."""
    if "error" in r:
        return f"FAILED: {r['error'][:300]}"
    if probe == "sessions":
        last = r["connected_idle"]["steps"][-1]
        return f"{last['kib_per_session']:.1f} KiB/idle session, {r['disconnected_within_ttl']['threads']} threads"
    if probe == "fuzz":
        during = r["good_session"]["during_attack"]
        return f"{r['attack']['messages']} msgs in {r['attack']['seconds']:.1f} s, p99 {ms(during, 'p99_ms')}"
    if probe in ("slow_reader", "oversized"):
        return f"RSS {mib(r['rss_before_kib'])} -> peak {mib(r['rss_peak_kib'])}"
    if probe == "rejected":
        return f"log +{nbytes(r['log']['bytes'])}"
    return f"stop {r['stop_ms']} ms, CPU after {r['cpu_percent_after']:.0f} %"


def cells(results: Results, probe: str, show: Callable[[Results], str]) -> str:
    """One table row's cells, one per framework: the figure, or why there is none."""
    out = []
    for kind in NAMES:
        r = results.get(probe, {}).get(kind)
        if r is None:
            out.append("not run")
        elif "error" in r:
            out.append("failed (see JSON)")
        else:
            try:
                out.append(show(r))
            except (KeyError, IndexError, TypeError, ZeroDivisionError):
                out.append("—")
    return " | ".join(out)


@dataclass(frozen=True)
class Check:
    figure: str
    target: str
    measured: str
    met: bool


def evaluate(results: Results) -> list[Check]:
    """Slipstream's figures against its targets."""
    checks: list[Check] = []

    def get(probe: str) -> Results | None:
        r = results.get(probe, {}).get("slipstream")
        return None if r is None or "error" in r else r

    if (r := get("sessions")) is not None:
        last, d = r["connected_idle"]["steps"][-1], r["disconnected_within_ttl"]
        per_idle, per_gone = last["kib_per_session"], d["kib_per_session"]
        checks += [
            Check(
                f"RSS per connected idle session ({last['sessions']:,})",
                f"≤ {KIB_PER_SESSION} KiB",
                f"{per_idle:,.1f} KiB",
                per_idle <= KIB_PER_SESSION,
            ),
            Check(
                f"RSS per disconnected session within the TTL ({d['sessions']:,})",
                f"≤ {KIB_PER_SESSION} KiB",
                f"{per_gone:,.1f} KiB",
                per_gone <= KIB_PER_SESSION,
            ),
            Check(
                f"threads after {d['sessions']:,} short sessions",
                f"≤ idle ({d['threads_before']}) + {EXTRA_THREADS}",
                str(d["threads"]),
                d["threads"] <= d["threads_before"] + EXTRA_THREADS,
            ),
        ]
    if (r := get("fuzz")) is not None:
        errors, p99 = r["good_session"]["errors_during_attack"], r["good_session"]["during_attack"].get("p99_ms")
        growth = r["rss_after_ttl_kib"] / r["rss_before_kib"] - 1
        again = r["rss_after_second_attack_kib"] / r["rss_after_ttl_kib"] - 1
        logged = r["log"]
        checks += [
            Check("fuzz: good session's errors during the attack", "0", str(errors), errors == 0),
            Check(
                "fuzz: good session's rerun p99 during the attack",
                f"≤ {RERUN_P99_MS:.0f} ms",
                "—" if p99 is None else f"{p99:,.1f} ms",
                p99 is not None and p99 <= RERUN_P99_MS,
            ),
            Check(
                "fuzz: RSS after the TTL against before",
                f"within {RSS_AFTER_WITHIN:.0%}",
                f"{growth:+.0%}",
                abs(growth) <= RSS_AFTER_WITHIN,
            ),
            Check(
                "fuzz: RSS after the same attack again against after the first",
                f"within {RSS_AFTER_WITHIN:.0%}",
                f"{again:+.0%}",
                abs(again) <= RSS_AFTER_WITHIN,
            ),
            Check(
                "fuzz: log written (tracebacks)",
                f"≤ {nbytes(FUZZ_LOG_BYTES)} (none)",
                f"{nbytes(logged['bytes'])} ({logged['tracebacks']:,})",
                logged["bytes"] <= FUZZ_LOG_BYTES and logged["tracebacks"] == 0,
            ),
        ]
    if (r := get("slow_reader")) is not None:
        growth = r["rss_peak_kib"] - r["rss_before_kib"]
        checks.append(
            Check(
                "slow reader: RSS peak above before",
                f"≤ {mib(SLOW_READER_GROWTH_KIB)}",
                mib(growth),
                growth <= SLOW_READER_GROWTH_KIB,
            )
        )
    if (r := get("oversized")) is not None:
        sent = max(c["sent_bytes"] for c in r["connections"])
        closed = all(c["closed_by_server"] for c in r["connections"])
        growth = r["rss_peak_kib"] - r["rss_before_kib"]
        checks += [
            Check(
                "oversized: closed by the server before the payload (most bytes sent)",
                f"yes, ≤ {nbytes(OVERSIZED_SENT_BYTES)}",
                f"{'yes' if closed else 'no'}, {nbytes(sent)}",
                closed and sent <= OVERSIZED_SENT_BYTES,
            ),
            Check(
                "oversized: RSS peak above before",
                f"≤ {mib(OVERSIZED_GROWTH_KIB)}",
                mib(growth),
                growth <= OVERSIZED_GROWTH_KIB,
            ),
        ]
    if (r := get("rejected")) is not None:
        added = r["log"]["bytes"]
        checks.append(
            Check(
                f"log added by {r['sent']} rejected 900 KB values",
                f"≤ {nbytes(REJECTED_LOG_BYTES)}",
                nbytes(added),
                added <= REJECTED_LOG_BYTES,
            )
        )
    if (r := get("stop")) is not None:
        stop, cpu = r["stop_ms"], r["cpu_percent_after"]
        checks += [
            Check(
                "stop a pure loop: run end after Stop",
                f"≤ {STOP_MS:,.0f} ms",
                "did not stop" if stop is None else f"{stop:,.0f} ms",
                stop is not None and stop <= STOP_MS,
            ),
            Check(
                "stop a pure loop: server CPU after",
                f"≤ {IDLE_CPU_PERCENT:.0f} %",
                f"{cpu:.0f} %",
                cpu <= IDLE_CPU_PERCENT,
            ),
        ]
    return checks


def render(report: Results) -> str:
    m, s, results = report["machine"], report["settings"], report["results"]
    source = f" from `{report['slipstream_src']}`" if report.get("slipstream_src") else ""
    lines = [
        f"{HEADING} ({report['date']})",
        "",
        f"Measured by `python3 bench/hardening.py{' --quick' if report['quick'] else ''}` "
        f"({report['seconds'] / 60:.0f} min): every probe starts a fresh server of each framework on 127.0.0.1 and "
        "drives it at the protocol level with `bench/hardening_client.py` (websockets, plus raw sockets for frames "
        "no library sends), the Streamlit client under bench/.venv-streamlit's Python for its protobuf types. "
        "RSS is the server's process tree. "
        f"Machine: {m['cpu']}, load average {m['load_average']} at the start; "
        f"Slipstream {m['slipstream']}{source}; Streamlit {STREAMLIT_VERSION}.",
        "",
        "| Slipstream's target | target | measured | met |",
        "|---|---|---|---|",
    ]
    for check in evaluate(results):
        lines.append(f"| {check.figure} | {check.target} | {check.measured} | {'yes' if check.met else '**no**'} |")
    parts = {
        "sessions": render_sessions,
        "fuzz": render_fuzz,
        "slow_reader": render_slow_reader,
        "oversized": render_oversized,
        "rejected": render_rejected,
        "stop": render_stop,
    }
    for probe, part in parts.items():
        if probe in results:
            lines += ["", *part(s, results)]
    return "\n".join(lines) + "\n"


TABLE_HEAD = [f"| figure | {NAMES['slipstream']} | {NAMES['streamlit']} |", "|---|---:|---:|"]


def render_sessions(s: Results, results: Results) -> list[str]:
    steps = s["idle_steps"]

    def row(label: str, show: Callable[[Results], str]) -> str:
        return f"| {label} | {cells(results, 'sessions', show)} |"

    def warm(r: Results) -> str:
        return mib(r["connected_idle"]["rss_before_kib"])

    def last_threads(r: Results) -> str:
        return str(r["connected_idle"]["steps"][-1]["threads"])

    def opened(at: Results) -> str:
        """How many sessions were opened, when the time cap stopped short of the count asked for."""
        return f", {at['sessions']:,} opened before the time cap" if at.get("capped") else ""

    def gone(r: Results) -> str:
        d = r["disconnected_within_ttl"]
        return f"{mib(d['rss_kib'])}: **{d['kib_per_session']:,.1f} KiB** each ({d['seconds']:.0f} s{opened(d)})"

    def threads(r: Results) -> str:
        d = r["disconnected_within_ttl"]
        return f"{d['threads_before']} → **{d['threads']}**"

    lines = [
        "### Memory per idle session",
        "",
        "Sessions on `bench/apps/counter.py`, eight opening at a time, each until its first run ends. Connected "
        f"idle: {' then '.join(f'{n:,}' for n in steps)} kept open on one server, the RSS 2 s after each count "
        "against the RSS after 3 warm-up sessions. Disconnected within the TTL: on a fresh server, "
        f"{s['short_sessions']:,} sessions that connect, run once and close (the server keeps them for the TTL; "
        "Slipstream started with `--server.maxDisconnectedSessions` as high, Streamlit keeps at most 128), "
        "then the RSS and the server's threads (`/proc/PID/status`). Each count may take "
        f"{s['sessions_cap_s']:.0f} s at most (the time it took in brackets); KiB per session are over the "
        "sessions actually opened.",
        "",
        *TABLE_HEAD,
        row("RSS after warm-up", warm),
    ]
    for index, step in enumerate(steps):

        def idle(r: Results, i: int = index) -> str:
            at = r["connected_idle"]["steps"][i]
            return (
                f"{mib(at['rss_kib'])}: **{at['kib_per_session']:,.1f} KiB** each ({at['seconds']:.0f} s{opened(at)})"
            )

        lines.append(row(f"{step:,} connected idle sessions", idle))
    return [
        *lines,
        row(f"threads with {steps[-1]:,} connected idle sessions", last_threads),
        row(f"{s['short_sessions']:,} sessions disconnected within the TTL", gone),
        row(f"threads: idle server → after {s['short_sessions']:,} short sessions", threads),
    ]


def render_fuzz(s: Results, results: Results) -> list[str]:
    def row(label: str, show: Callable[[Results], str]) -> str:
        return f"| {label} | {cells(results, 'fuzz', show)} |"

    def attack(r: Results) -> str:
        a = r["attack"]
        return f"{a['messages']:,}, {a['connections']:,}, {a['seconds']:.1f} s{' (time cap)' if a['capped'] else ''}"

    def good(phase: str) -> Callable[[Results], str]:
        def show(r: Results) -> str:
            at = r["good_session"][phase]
            failed = f", **{at['errors']} failed**" if at.get("errors") else ""
            return f"{ms(at, 'p50_ms')} / {ms(at, 'p99_ms')} ({at['reruns']:,} reruns{failed})"

        return show

    def errors(r: Results) -> str:
        return f"{r['good_session']['errors_during_attack']} ({len(r['good_session']['errors'])})"

    def rss(r: Results) -> str:
        keys = ("rss_before_kib", "rss_peak_kib", "rss_after_10s_kib", "rss_after_ttl_kib")
        return " / ".join(mib(r[key]) for key in keys)

    def second(r: Results) -> str:
        return mib(r["rss_after_second_attack_kib"])

    def threads(r: Results) -> str:
        return "{before} / {after_10s} / {after_ttl}".format(**r["threads"])

    def logged(r: Results) -> str:
        growth = r["log"]
        return f"{nbytes(growth['bytes'])}, {growth['lines']:,}, {growth['tracebacks']:,}"

    return [
        "### Good session under a fuzz run",
        "",
        "One well-behaved client presses the button in a loop (50 ms between reruns; a rerun without its end "
        f"within {RUN_TIMEOUT_S:.0f} s fails, and the client reconnects; percentiles are over the reruns that "
        "ended, failures are counted beside them) on a server started with "
        f"`--server.disconnectedSessionTTL {s['ttl_s']}`. After {s['rest_s']:.0f} s at rest, an attacker sends "
        f"{s['attack_messages']:,} messages (for at most {s['attack_cap_s']:.0f} s) over many connections, 32 at a "
        "time, reading what the server sends and hanging up 0.1 s after its last message: invalid JSON, wrong "
        "types, unknown `t`, rerun and stop before hello, hello twice, binary frames and non-UTF-8 text frames, "
        "50,000-deep JSON nesting, emoji strings, reruns naming 200 unknown widgets, wrong-typed and 900 KB string "
        "values for the real button, unread rerun floods, messages of 2-17 MiB, frames declaring 20-150 MiB of "
        "which 256 KiB are sent. For Streamlit, the same on /_stcore/stream in its protocol: random bytes, text "
        "frames, truncated and wrongly typed protobuf, unknown widgets, 900 KB and emoji strings, deep JSON in a "
        "widget's json_value, floods, garbage of 2-17 MiB, the same huge frames (its limit is 200 MB; the JSON cases "
        "do not apply to protobuf). Log: what the server wrote to stdout/stderr from the attack's start until "
        "10 s after its end. The JSON has each scenario's count and how each connection ended. Then the same attack "
        "runs once more, and the RSS is read again after the TTL.",
        "",
        *TABLE_HEAD,
        row("attack: messages, connections, duration", attack),
        row("good session: rerun p50 / p99 at rest", good("at_rest")),
        row("good session: rerun p50 / p99 during the attack", good("during_attack")),
        row("good session: rerun p50 / p99 after the attack", good("after_attack")),
        row("good session: errors during the attack (whole run)", errors),
        row(f"RSS before / peak during / 10 s after / after the TTL ({s['ttl_s']} s + 15 s)", rss),
        row("RSS after the same attack again, and the TTL", second),
        row("threads before / 10 s after / after the TTL", threads),
        row("log written: bytes, lines, tracebacks", logged),
    ]


def render_slow_reader(s: Results, results: Results) -> list[str]:
    def rss(r: Results) -> str:
        keys = ("rss_before_kib", "rss_peak_kib", "rss_after_10s_kib", "rss_after_ttl_kib")
        return " / ".join(mib(r[key]) for key in keys)

    def client(r: Results) -> str:
        return "{reruns_sent:,}, {connections}, {closed_by_server}".format(**r["client"])

    return [
        "### Slow reader",
        "",
        "`bench/apps/writes_a_lot.py` writes about 2000 markdown lines that all change on every run. A raw-socket "
        f"client (a 4 KiB receive buffer) asks for a rerun every 100 ms for {s['slow_reader_s']:.0f} s and never "
        "reads; when the server hangs up, it connects again. The RSS after: once the client has gone.",
        "",
        *TABLE_HEAD,
        f"| RSS before / peak / 10 s after / after the TTL | {cells(results, 'slow_reader', rss)} |",
        f"| reruns sent, connections, closed by the server | {cells(results, 'slow_reader', client)} |",
    ]


def render_oversized(s: Results, results: Results) -> list[str]:
    def each(r: Results) -> str:
        parts = (f"{nbytes(c['sent_bytes'])} in {c['seconds'] * 1000:,.1f} ms ({c['how']})" for c in r["connections"])
        return "<br>".join(parts)

    def rss(r: Results) -> str:
        return f"{mib(r['rss_before_kib'])} / {mib(r['rss_peak_kib'])} / {mib(r['rss_after_kib'])}"

    return [
        "### Oversized messages",
        "",
        f"Three connections at once each announce one {s['oversized_mib']} MiB frame (Slipstream: text, Streamlit: "
        "binary) and send its payload as fast as the server takes it, until the server ends the connection (a "
        "close frame, EOF or a reset). Bytes sent include what sat in the kernel's socket buffers.",
        "",
        *TABLE_HEAD,
        f"| each connection: bytes sent before the close, time | {cells(results, 'oversized', each)} |",
        f"| RSS before / peak / 5 s after | {cells(results, 'oversized', rss)} |",
    ]


def render_rejected(s: Results, results: Results) -> list[str]:
    def logged(r: Results) -> str:
        return f"{nbytes(r['log']['bytes'])}, {r['log']['lines']:,}"

    def runs(r: Results) -> str:
        return f"{r['runs_ended']}, {r['connections']}"

    return [
        "### Rejected values in the log",
        "",
        f"{s['rejected_values']} reruns, each giving the counter app's button (a trigger) a 900,000-character "
        "string, one at a time on one connection (a new one when the server closes it); what the server's log grew.",
        "",
        *TABLE_HEAD,
        f"| log added: bytes, lines | {cells(results, 'rejected', logged)} |",
        f"| runs ended, connections | {cells(results, 'rejected', runs)} |",
    ]


def render_stop(s: Results, results: Results) -> list[str]:
    def stopped(r: Results) -> str:
        return f"did not stop in {r['cap_s']:.0f} s" if r["stop_ms"] is None else f"{r['stop_ms']:,.0f} ms"

    def cpu(r: Results) -> str:
        return f"{r['cpu_percent_spinning']:.0f} % → {r['cpu_percent_after']:.0f} %"

    return [
        "### Stopping a pure loop",
        "",
        "`bench/apps/pure_loop.py` writes one line, then spins in `while True: x += 1` without calling st.*. The "
        "client presses Stop 0.5 s after the line arrives and waits up to 5 s for the run's end; the server's CPU "
        "(utime + stime in `/proc/PID/stat`, 100 % = one core) over 1 s before the Stop and 2 s after.",
        "",
        *TABLE_HEAD,
        f"| run end after Stop | {cells(results, 'stop', stopped)} |",
        f"| server CPU spinning → after | {cells(results, 'stop', cpu)} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts and shorter runs: a check in ~5 min")
    parser.add_argument("--only", default="", help=f"comma-separated probes of {', '.join(PROBES)} (no publishing)")
    parser.add_argument("--slipstream-src", type=Path, help="run Slipstream from this folder (holding slipstream/)")
    parser.add_argument("--no-publish", action="store_true", help="keep RESULTS.md as it is")
    parser.add_argument("--slipstream-only", action="store_true", help="leave Streamlit out (no publishing)")
    args = parser.parse_args()
    probes = args.only.split(",") if args.only else list(PROBES)
    if unknown := set(probes) - set(PROBES):
        sys.exit(f"unknown probe(s) {', '.join(sorted(unknown))}; choose from {', '.join(PROBES)}")
    src = args.slipstream_src.resolve() if args.slipstream_src else None
    if src is not None and not (src / "slipstream" / "static" / "index.html").is_file():
        sys.exit(f"{src} has no slipstream/static/index.html: copy the built frontend there first")
    settings = QUICK if args.quick else FULL
    frameworks = [Framework("slipstream", Path(sys.executable), src)]
    if not args.slipstream_only:
        frameworks.append(Framework("streamlit", ensure_streamlit_venv()))
    report: Results = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine("not used"),
        "quick": args.quick,
        "slipstream_src": str(src) if src else None,
        "settings": asdict(settings),
    }
    start = time.perf_counter()
    report["results"] = measure(frameworks, probes, settings)
    report["seconds"] = time.perf_counter() - start
    section = render(report)
    if args.only or args.no_publish or args.slipstream_only:
        OUT.mkdir(exist_ok=True)
        path = OUT / f"hardening-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}.json"
        path.write_text(json.dumps(report, indent=2) + "\n")
        print(section)
        log(f"raw figures: {path}; RESULTS.md not changed")
    else:
        publish_section("hardening", HEADING, report, section)


if __name__ == "__main__":
    main()
