#!/usr/bin/env python
"""Fault injection: the portal under load while Redis and PostgreSQL fail.

Starts its own Redis and its own PostgreSQL (a throw-away cluster in a temporary
directory, on free loopback ports), migrates a fresh database, loads a small demo
portal, serves it with gunicorn (``bench.settings``: production's, on plain http)
and puts a bounded load on it: client threads, each at most ``--rate`` requests a
second, over cached pages (home, a category, an article, warmed first) and
uncached ones (search, the same pages with a cache-busting query, the home page
with a session cookie). Then, phase by phase:

1. baseline;
2. Redis stopped (SIGTERM), then started again (empty);
3. Redis frozen (SIGSTOP), then SIGCONT;
4. PostgreSQL stopped (``pg_ctl stop -m fast``), then started again;
5. recovery, without restarting the app.

It prints, per phase and per kind of page, the number of requests, the status
histogram, p50/p99 latency and the ERROR lines gunicorn's workers logged, then
the checks: no 5xx while Redis is down or hung; while PostgreSQL is down cached
pages 200 and uncached ones 503 (never 500); the first uncached 200 within
``--recovery-aim`` seconds of PostgreSQL being back; p99 under 1 s while Redis
hangs. Exits 1 when a check fails. Everything it started is stopped at the end,
on failure and on Ctrl-C too. Loopback only; bounded in time (about 2 minutes).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.http_bench import PAGES_QUERY, free_port, log  # noqa: E402

VENV_BIN = Path(sys.executable).parent
LOG_DIR = ROOT / "var" / "fault-bench"
DATABASE_NAME = "hdnd_fault"
SEARCH_WORDS = ["hội đồng nhân dân", "kỳ họp"]
ERROR_LINE = re.compile(r'"level": "(ERROR|CRITICAL)"|\[(ERROR|CRITICAL)\]')
WARNING_LINE = re.compile(r'"level": "WARNING"|\[WARNING\]')
REDIS_PHASES = ("redis stopped", "redis restarted", "redis frozen", "redis resumed")


# --- helpers ---------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def wait_until(predicate, timeout: float, what: str, interval: float = 0.1) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(interval)
    raise RuntimeError(f"{what}: not within {timeout:.0f} s")


def http_get(port: int, path: str, headers: dict | None = None, timeout: float = 10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("X-Cache", "")
    finally:
        connection.close()


def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def postgres_bin_dir(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout
        if (Path(found.strip()) / "initdb").exists():
            return Path(found.strip())
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name or 0)
    )
    for candidate in reversed(candidates):
        if (candidate / "initdb").exists():
            return candidate
    if shutil.which("initdb"):
        return Path(shutil.which("initdb")).parent
    sys.exit("PostgreSQL's initdb not found: pass --pg-bin (e.g. /usr/lib/postgresql/15/bin)")


# --- the services ------------------------------------------------------------------


class Postgres:
    """A throw-away cluster; run as the ``postgres`` user when we are root."""

    def __init__(self, workdir: Path, bin_dir: Path):
        self.bin_dir = bin_dir
        self.data = workdir / "pgdata"
        self.socket_dir = workdir / "pgsocket"
        self.logfile = workdir / "postgresql.log"
        self.port = free_port()
        self.prefix: list[str] = []
        self.started = False
        self.workdir = workdir
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                sys.exit("run as root: a `postgres` user is needed (PostgreSQL refuses root)")
            self.prefix = ["runuser", "-u", "postgres", "--"]
            os.chown(workdir, user.pw_uid, user.pw_gid)
        self.socket_dir.mkdir()
        if self.prefix:
            os.chown(self.socket_dir, pwd.getpwnam("postgres").pw_uid, -1)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE_NAME}"

    def _run(self, *command: str, timeout: float = 60) -> None:
        subprocess.run(
            [*self.prefix, str(self.bin_dir / command[0]), *command[1:]],
            cwd=self.workdir,
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def init(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            timeout=120,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=60"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-o", options, "-w",
            "-t", "60", "start",
        )  # fmt: skip
        self.started = True

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")
        self.started = False

    def create_database(self) -> None:
        import psycopg

        with psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')

    def teardown(self) -> None:
        if self.started or (self.data / "postmaster.pid").exists():
            try:
                self.stop("immediate")
            except (subprocess.SubprocessError, OSError) as error:
                log(f"postgresql: stop failed at teardown: {error}")


class Redis:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.frozen = False
        self.binary = shutil.which("redis-server") or sys.exit("redis-server not found")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(self.workdir), "--daemonize", "no",
                "--logfile", str(self.workdir / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        wait_until(lambda: redis_answers(self.port), 10, "redis-server start")

    def stop(self) -> None:
        """SIGTERM: Redis shuts down (no save) and its port closes."""
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        if self.frozen and self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
        self.frozen = False

    def teardown(self) -> None:
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.kill()
            self.process.wait(timeout=10)


class Gunicorn:
    """The portal, its workers' output read line by line with the time of arrival."""

    def __init__(self, env: dict, workers: int, threads: int, logfile: Path):
        self.env = env
        self.workers = workers
        self.threads = threads
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.lines: list[tuple[float, str]] = []
        self.logfile = logfile
        self._reader: threading.Thread | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"), "bench.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}",
                "--workers", str(self.workers), "--worker-class", "gthread",
                "--threads", str(self.threads), "--timeout", "30", "--graceful-timeout", "5",
                "--log-level", "warning", "--error-logfile", "-",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            start_new_session=True,
        )  # fmt: skip
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

        def healthy() -> bool:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited while starting: see " + str(self.logfile))
            try:
                return http_get(self.port, "/healthz/", timeout=5)[0] == 200
            except OSError:
                return False

        wait_until(healthy, 60, "gunicorn /healthz/", interval=0.3)

    def _read(self) -> None:
        with self.logfile.open("w", encoding="utf-8") as out:
            for line in self.process.stdout:
                self.lines.append((time.monotonic(), line.rstrip("\n")))
                out.write(line)
                out.flush()

    def teardown(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self._reader:
            self._reader.join(timeout=5)


# --- the load ----------------------------------------------------------------------


@dataclass
class Target:
    kind: str
    cached: bool
    path: str  # "{n}" in it becomes a number unique to the request: never cached
    headers: dict = field(default_factory=dict)


@dataclass
class Sample:
    started: float
    kind: str
    cached: bool
    status: int  # 0: no HTTP answer (refused, reset, timeout)
    latency: float
    x_cache: str = ""
    error: str = ""


class Load:
    """``clients`` threads, each at most ``rate`` requests a second, round the targets."""

    def __init__(self, port: int, targets: list[Target], clients: int, rate: float):
        self.port = port
        self.targets = targets
        self.clients = clients
        self.interval = 1.0 / rate
        self.samples: list[Sample] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._counter = 0
        self._lock = threading.Lock()

    def _unique(self) -> int:
        with self._lock:
            self._counter += 1
            return self._counter

    def start(self) -> None:
        for number in range(self.clients):
            thread = threading.Thread(target=self._client, args=(number,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=15)

    def _client(self, number: int) -> None:
        connection = None
        step = number
        while not self._stop.is_set():
            target = self.targets[step % len(self.targets)]
            step += 1
            path = target.path
            if "{n}" in path:
                path = path.replace("{n}", str(self._unique()))
            started = time.monotonic()
            clock = time.perf_counter()
            status, x_cache, error = 0, "", ""
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                connection.request("GET", path, headers=target.headers)
                response = connection.getresponse()
                response.read()
                status, x_cache = response.status, response.getheader("X-Cache", "")
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as exc:
                error = type(exc).__name__
                if connection is not None:
                    connection.close()
                connection = None
            latency = time.perf_counter() - clock
            self.samples.append(
                Sample(started, target.kind, target.cached, status, latency, x_cache, error)
            )
            self._stop.wait(max(0.0, self.interval - latency))
        if connection is not None:
            connection.close()


# --- phases, figures and checks ----------------------------------------------------


@dataclass
class Phase:
    name: str
    start: float
    end: float = 0.0


@dataclass
class Figures:
    count: int
    statuses: Counter
    p50: float | None
    p99: float | None
    errors: Counter

    @classmethod
    def of(cls, samples: list[Sample]) -> Figures:
        latencies = [s.latency for s in samples]
        return cls(
            count=len(samples),
            statuses=Counter(s.status for s in samples),
            p50=percentile(latencies, 0.50),
            p99=percentile(latencies, 0.99),
            errors=Counter(s.error for s in samples if s.error),
        )

    def server_errors(self, allowed: frozenset = frozenset()) -> int:
        return sum(n for code, n in self.statuses.items() if code >= 500 and code not in allowed)

    def histogram(self) -> str:
        parts = [f"{code or 'none'}×{n}" for code, n in sorted(self.statuses.items())]
        if self.errors:
            parts.append("(" + ", ".join(f"{k}×{v}" for k, v in self.errors.items()) + ")")
        return " ".join(parts) or "-"


def in_phase(samples: list[Sample], phase: Phase) -> list[Sample]:
    """The requests that started and ended within the phase: one that straddles a
    change (Redis stopped while it was being served) belongs to neither side."""
    return [s for s in samples if phase.start <= s.started and s.started + s.latency <= phase.end]


def log_lines(lines: list[tuple[float, str]], phase: Phase, pattern: re.Pattern) -> list[str]:
    return [line for at, line in lines if phase.start <= at < phase.end and pattern.search(line)]


@dataclass
class Check:
    name: str
    passed: bool
    detail: str


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.0f}"


def report(phases: list[Phase], load: Load, server: Gunicorn, checks: list[Check]) -> dict:
    print()
    print("Fault injection (gunicorn + Redis + PostgreSQL, bench.settings)")
    header = (
        f"{'phase':<18} {'pages':<9} {'secs':>5} {'reqs':>6} {'5xx':>5} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'ERROR':>5} {'WARN':>5}  statuses"
    )
    print(header)
    print("-" * len(header))
    summary = []
    for phase in phases:
        samples = in_phase(load.samples, phase)
        errors = log_lines(server.lines, phase, ERROR_LINE)
        warnings = log_lines(server.lines, phase, WARNING_LINE)
        for label, subset in (
            ("all", samples),
            ("cached", [s for s in samples if s.cached]),
            ("uncached", [s for s in samples if not s.cached]),
        ):
            figures = Figures.of(subset)
            first = label == "all"
            print(
                f"{phase.name if first else '':<18} {label:<9} "
                f"{(f'{phase.end - phase.start:.1f}' if first else ''):>5} {figures.count:>6} "
                f"{figures.server_errors():>5} {ms(figures.p50):>7} {ms(figures.p99):>7} "
                f"{(len(errors) if first else ''):>5} {(len(warnings) if first else ''):>5}  "
                f"{figures.histogram()}"
            )
            summary.append(
                {
                    "phase": phase.name,
                    "pages": label,
                    "seconds": round(phase.end - phase.start, 2),
                    "requests": figures.count,
                    "statuses": {str(k): v for k, v in sorted(figures.statuses.items())},
                    "p50_ms": figures.p50 and round(figures.p50 * 1000, 1),
                    "p99_ms": figures.p99 and round(figures.p99 * 1000, 1),
                    "error_log_lines": len(errors) if first else None,
                    "warning_log_lines": len(warnings) if first else None,
                }
            )
        kinds = []
        for target in load.targets:
            subset = Figures.of([s for s in samples if s.kind == target.kind])
            kinds.append(f"{target.kind} {subset.histogram()} p99 {ms(subset.p99)}")
        print(f"{'':<18}   " + " | ".join(dict.fromkeys(kinds)))
        for line in errors[:3]:
            print(f"{'':<18}   ERROR line: {line[:220]}")
    print()
    print("Checks")
    for check in checks:
        print(f"  [{'ok' if check.passed else 'FAIL'}] {check.name}: {check.detail}")
    return {"phases": summary, "checks": [check.__dict__ for check in checks]}


def evaluate(phases: dict[str, Phase], load: Load, postgres_back: float, aim: float) -> list:
    checks = []

    def figures(name: str, cached: bool | None = None) -> Figures:
        samples = in_phase(load.samples, phases[name])
        if cached is not None:
            samples = [s for s in samples if s.cached is cached]
        return Figures.of(samples)

    baseline = figures("baseline")
    checks.append(
        Check(
            "baseline: every request 200",
            baseline.count > 0 and baseline.statuses == Counter({200: baseline.count}),
            baseline.histogram(),
        )
    )
    for name in REDIS_PHASES:
        result = figures(name)
        unanswered = result.statuses.get(0, 0)
        checks.append(
            Check(
                f"{name}: no 5xx, every request answered",
                result.count > 0 and result.server_errors() == 0 and unanswered == 0,
                result.histogram(),
            )
        )
    # A hung Redis must cost no more than a dead one: under 1 s, or, on a machine too
    # busy for that (CI runs other work beside it), no more than 1.5 times the same
    # pages built with Redis refusing at once, measured in this run.
    frozen = figures("redis frozen")
    refusing = figures("redis stopped").p99
    within = frozen.p99 is not None and (
        frozen.p99 < 1.0 or (refusing is not None and frozen.p99 <= 1.5 * refusing)
    )
    checks.append(
        Check(
            "redis frozen: p99 latency under 1 s (or within 1.5 × Redis refusing, same run)",
            within,
            f"p50 {ms(frozen.p50)} ms, p99 {ms(frozen.p99)} ms (the same pages built with "
            f"Redis refusing at once: p99 {ms(refusing)} ms; uncached "
            f"pages in the baseline: p99 {ms(figures('baseline', cached=False).p99)} ms)",
        )
    )
    cached = figures("postgres stopped", cached=True)
    uncached = figures("postgres stopped", cached=False)
    checks.append(
        Check(
            "postgres stopped: cached pages 200",
            cached.count > 0 and cached.statuses == Counter({200: cached.count}),
            cached.histogram(),
        )
    )
    checks.append(
        Check(
            "postgres stopped: uncached pages 503, never 500",
            uncached.count > 0 and uncached.statuses == Counter({503: uncached.count}),
            uncached.histogram(),
        )
    )
    after = sorted(
        (s for s in load.samples if not s.cached and s.started >= postgres_back),
        key=lambda s: s.started,
    )
    first_ok = next((s for s in after if s.status == 200), None)
    recovered = None if first_ok is None else first_ok.started + first_ok.latency - postgres_back
    checks.append(
        Check(
            f"postgres back: first uncached 200 within {aim:.0f} s, no app restart",
            recovered is not None and recovered <= aim,
            "never" if recovered is None else f"{recovered:.2f} s",
        )
    )
    recovery = figures("recovery")
    late = [
        s
        for s in in_phase(load.samples, phases["recovery"])
        if first_ok is not None and s.started > first_ok.started + 1.0 and s.status != 200
    ]
    checks.append(
        Check(
            "recovery: no 500; every request 200 from 1 s after the first",
            recovery.statuses.get(500, 0) == 0 and first_ok is not None and not late,
            recovery.histogram() + (f"; {len(late)} not 200 late" if late else ""),
        )
    )
    return checks


# --- the run -------------------------------------------------------------------------


class Interrupted(Exception):
    pass


def on_signal(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def targets_for(pages: dict) -> list[Target]:
    """Cached: three pages warmed into the page cache. Uncached: the same pages and a
    search with a session cookie (a session no row holds: every cache is bypassed and
    the session is read from the database), and a search no visitor asked before (the
    search cache misses, the index is asked). A made-up query parameter would not do:
    the page cache keys a page by the parameters it reads only."""
    session = {"Cookie": "sessionid=" + "0" * 32}
    return [
        Target("home", True, "/"),
        Target("category", True, pages["category"]),
        Target("article", True, pages["article"]),
        Target("search new", False, "/search/?q=" + quote_plus(SEARCH_WORDS[0]) + "+{n}"),
        Target("home+session", False, "/", session),
        Target("category+session", False, pages["category"], session),
        Target("article+session", False, pages["article"], session),
        Target("search+session", False, "/search/?q=" + quote_plus(SEARCH_WORDS[1]), session),
    ]


def warm(port: int, targets: list[Target], timeout: float = 15) -> None:
    """Until every cached target is a HIT (each worker's cache breaker may still be
    open for up to 5 s after a Redis fault, so a few tries may be needed)."""
    for target in targets:
        if not target.cached:
            continue
        deadline = time.monotonic() + timeout
        status, state = 0, ""
        while time.monotonic() < deadline:
            status, state = http_get(port, target.path)
            if status == 200 and state == "HIT":
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"{target.path}: not served from the page cache ({status} {state})")


def run(args: argparse.Namespace) -> int:
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="hdnd-fault-"))
    postgres = redis = server = load = None
    started = time.monotonic()
    setup: dict[str, float] = {}
    try:
        postgres = Postgres(workdir, postgres_bin_dir(args.pg_bin))
        redis = Redis(workdir)
        log(f"postgresql: initdb in {workdir} ({postgres.bin_dir}), port {postgres.port}")
        postgres.init()
        postgres.start()
        postgres.create_database()
        redis.start()
        log(f"redis: port {redis.port}")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "CACHE_KEY_PREFIX": "fault",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # One address sends every request here: the search limit stays on (its
            # counters live in Redis, which is what fails) but never refuses.
            "SEARCH_RATE_LIMIT": str(args.search_limit),
        }

        def manage(*command: str, capture: bool = False, timeout: float = 600) -> str:
            result = subprocess.run(
                [str(VENV_BIN / "python"), "manage.py", *command],
                cwd=ROOT,
                env=env,
                timeout=timeout,
                check=True,
                text=True,
                stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            )
            return result.stdout or ""

        log("collecting static files (meanwhile: migrating a fresh database)")
        static = subprocess.Popen(
            [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            clock = time.monotonic()
            manage("migrate", "--noinput", "-v0")
            setup["migrate"] = time.monotonic() - clock
            log(f"loading the demo portal ({args.articles} articles)")
            clock = time.monotonic()
            manage(
                "load_demo", "--articles", str(args.articles), "--galleries", "0",
                "--images", str(args.images), "--workers", "1", "--no-progress",
            )  # fmt: skip
            setup["load_demo"] = time.monotonic() - clock
            if static.wait(timeout=600) != 0:
                raise RuntimeError("collectstatic failed")
        finally:
            if static.poll() is None:
                static.kill()
                static.wait()
        pages = json.loads(
            manage("shell", "-c", PAGES_QUERY, capture=True).strip().splitlines()[-1]
        )
        if not pages["category"] or not pages["article"]:
            raise RuntimeError(f"the demo data has no category or article: {pages}")
        log(f"pages: category {pages['category']}, article {pages['article']}")

        server = Gunicorn(env, args.workers, args.threads, LOG_DIR / "gunicorn.log")
        clock = time.monotonic()
        server.start()
        setup["gunicorn"] = time.monotonic() - clock
        log(f"gunicorn: port {server.port}, {args.workers} workers × {args.threads} threads")
        targets = targets_for(pages)
        warm(server.port, targets)

        load = Load(server.port, targets, args.clients, args.rate)
        load.start()
        phases: dict[str, Phase] = {}

        def phase(name: str, seconds: float) -> None:
            current = Phase(name, time.monotonic())
            log(f"phase: {name} ({seconds:.0f} s)")
            time.sleep(seconds)
            current.end = time.monotonic()
            phases[name] = current

        phase("baseline", args.baseline)

        redis.stop()
        phase("redis stopped", args.redis_seconds)
        redis.start()
        phase("redis restarted", args.settle)

        redis.freeze()
        phase("redis frozen", args.redis_seconds)
        redis.thaw()
        phase("redis resumed", args.settle)

        warm(server.port, targets)  # the restarted Redis started empty
        postgres.stop("fast")
        phase("postgres stopped", args.postgres_seconds)
        postgres.start()
        postgres_back = time.monotonic()
        phase("recovery", args.recovery)
        load.stop()

        checks = evaluate(phases, load, postgres_back, args.recovery_aim)
        ordered = sorted(phases.values(), key=lambda p: p.start)
        figures = report(ordered, load, server, checks)
        elapsed = time.monotonic() - started
        setup["phases"] = sum(phase.end - phase.start for phase in ordered)
        print("\n" + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in setup.items()))
        print(f"{len(load.samples)} requests in all; run took {elapsed:.0f} s; "
              f"gunicorn log: {server.logfile}")  # fmt: skip
        figures["setup_seconds"] = {name: round(value, 1) for name, value in setup.items()}
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2))
        failed = [check for check in checks if not check.passed]
        print("FAULT BENCH: " + ("OK" if not failed else f"FAILED ({len(failed)} checks)"))
        return 1 if failed else 0
    finally:
        for name in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # a second Ctrl-C waits
            signal.signal(name, signal.SIG_IGN)
        log("tearing down")
        for step in (
            load and load.stop,
            server and server.teardown,
            redis and redis.teardown,
            postgres and postgres.teardown,
        ):
            if step:
                try:
                    step()
                except Exception as error:  # noqa: BLE001 - tear everything down regardless
                    log(f"teardown: {error}")
        for name in ("postgresql.log", "redis.log"):
            if (workdir / name).exists():
                shutil.copy(workdir / name, LOG_DIR / name)
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60, help="demo articles to load")
    parser.add_argument("--images", type=int, default=4, help="demo images to make")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--clients", type=int, default=4, help="load threads")
    parser.add_argument("--rate", type=float, default=4, help="requests/s per load thread, at most")
    parser.add_argument("--baseline", type=float, default=5)
    parser.add_argument("--redis-seconds", type=float, default=20, help="Redis down, then hung")
    parser.add_argument("--postgres-seconds", type=float, default=10, help="PostgreSQL down")
    parser.add_argument(
        "--settle", type=float, default=6, help="after each Redis fault (breaker: 5 s)"
    )
    parser.add_argument("--recovery", type=float, default=8, help="after PostgreSQL is back")
    parser.add_argument("--recovery-aim", type=float, default=5)
    parser.add_argument(
        "--search-limit", type=int, default=1_000_000, help="SEARCH_RATE_LIMIT for the portal"
    )
    parser.add_argument("--pg-bin", help="PostgreSQL's bin directory (initdb, pg_ctl)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    for name in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # also when started with `&`
        signal.signal(name, on_signal)
    try:
        return run(args)
    except Interrupted as stop:
        log(f"stopped by {stop}")
        return 130
    except (RuntimeError, subprocess.SubprocessError) as error:
        stderr = getattr(error, "stderr", None) or ""
        if isinstance(stderr, bytes):
            stderr = stderr.decode(errors="replace")
        log(f"FAULT BENCH: could not run: {error}" + (f"\n{stderr}" if stderr else ""))
        return 2


if __name__ == "__main__":
    sys.exit(main())
