#!/usr/bin/env python
"""HTTP benchmark: home, category listing and article pages under gunicorn + wrk.

For each demo size (``--articles 1000 100000``) on PostgreSQL + Redis:

1. tops the benchmark database up to that many demo articles (``load_demo``),
2. serves the portal with gunicorn twice, with production settings on plain
   http (``bench.settings``): once with the full-page cache on, once with it
   off (``PAGE_CACHE_SECONDS=0``),
3. measures requests per second with wrk for the home page, a category listing
   and an article page, cached (``X-Cache: HIT``) and uncached, and a minimal
   Django view (a plain ``HttpResponse`` through the same middleware) served
   the same way in the same run,
4. prints req/s and the ratio of each to the minimal view.

Figures on a shared machine drift; ratios measured in one run hold. Never part
of the test suite's pass/fail. Loopback only; every run is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
MINIMAL_PATH = "/bench/minimal/"

AIMS = {
    "cached": 0.8,  # cached pages >= 0.8 of the minimal view
    "uncached article": 0.07,
    "uncached category": 0.05,
}
LISTING_DRIFT_AIM = 0.20  # uncached listing within 20 % between sizes

PAGES_QUERY = """
import json
from wagtail.models import Site
from portal.news.models import ArticlePage, NewsCategoryPage
site = Site.objects.get(is_default_site=True)
categories = NewsCategoryPage.objects.live().public().order_by("path")
best = None
for category in categories:
    count = ArticlePage.objects.live().child_of(category).count()
    if best is None or count > best[1]:
        best = (category, count)
article = (ArticlePage.objects.live().public()
    .filter(featured_image__isnull=False).order_by("-first_published_at").first()
    or ArticlePage.objects.live().public().order_by("-first_published_at").first())
print(json.dumps({
    "articles": ArticlePage.objects.live().count(),
    "home": "/",
    "category": best[0].relative_url(site) if best else None,
    "category_articles": best[1] if best else 0,
    "article": article.relative_url(site) if article else None,
}))
"""


@dataclass
class Measurement:
    label: str
    path: str
    rps: float | None = None
    ratio: float | None = None
    latency: str = ""
    note: str = ""
    samples: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)


@dataclass
class SizeResult:
    articles: int
    load_seconds: float = 0.0
    rows: list[Measurement] = field(default_factory=list)

    def rps(self, label: str) -> float | None:
        for row in self.rows:
            if row.label == label:
                return row.rps
        return None


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if Path("/etc/debian_version").exists() and os.geteuid() == 0:
        log("installing wrk (Debian package)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
        wrk = shutil.which("wrk")
        if wrk:
            return wrk
    sys.exit("wrk not found: install it (Debian/Ubuntu: `sudo apt-get install wrk`).")


def ensure_database(database_url: str) -> None:
    import psycopg

    parts = urlsplit(database_url)
    if parts.scheme not in {"postgres", "postgresql"}:
        sys.exit(f"the benchmark runs on PostgreSQL; got {database_url}")
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            log(f"creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.wrk = ensure_wrk()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "CACHE_KEY_PREFIX": "bench",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *command: str, timeout: float, capture: bool = False) -> str:
        result = subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", *command],
            cwd=ROOT,
            env=self.env,
            timeout=timeout,
            check=True,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        return result.stdout or ""

    def prepare(self, articles: int) -> float:
        started = time.monotonic()
        if not self.args.skip_load:
            log(f"loading demo data up to {articles} articles")
            self.manage("load_demo", "--articles", str(articles), timeout=self.args.load_timeout)
        return time.monotonic() - started

    def pages(self) -> dict:
        output = self.manage("shell", "-c", PAGES_QUERY, timeout=300, capture=True)
        return json.loads(output.strip().splitlines()[-1])

    def start_server(self, page_cache: bool) -> tuple[subprocess.Popen, str]:
        port = free_port()
        env = dict(self.env)
        if not page_cache:
            env["PAGE_CACHE_SECONDS"] = "0"
        process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "bench.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.args.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(self.args.threads),
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited while starting")
            try:
                with urllib.request.urlopen(base + "/healthz/", timeout=5) as response:
                    if response.status == 200:
                        return process, base
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        self.stop_server(process)
        raise RuntimeError("gunicorn did not answer /healthz/ within 60 s")

    @staticmethod
    def stop_server(process: subprocess.Popen) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    @staticmethod
    def fetch(url: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
                return response.status, response.headers.get("X-Cache", "")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("X-Cache", "")

    def wrk_rps(self, url: str) -> tuple[float | None, str]:
        command = [
            self.wrk,
            f"-t{self.args.wrk_threads}",
            f"-c{self.args.connections}",
            f"-d{self.args.duration}s",
            "--timeout",
            "30s",
            url,
        ]
        output = subprocess.run(
            command, capture_output=True, text=True, timeout=self.args.duration + 60
        ).stdout
        rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
        latency = re.search(r"Latency\s+(\S+)", output)
        errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
        note = f"{errors.group(1)} non-2xx" if errors else ""
        return (float(rps.group(1)) if rps else None), (latency.group(1) if latency else note)

    def check(self, url: str, expect_cache: str) -> str:
        """Warm the page up; return a note when it does not answer as expected."""
        status, cache_state = 0, ""
        for _ in range(self.args.warmup):
            status, cache_state = self.fetch(url)
        if status != 200:
            return f"HTTP {status}"
        if expect_cache and cache_state != expect_cache:
            return f"X-Cache {cache_state or 'absent'}, expected {expect_cache}"
        return ""

    def run_size(self, articles: int) -> SizeResult:
        """Measure every page between two runs of the minimal view, several rounds.

        The load of a shared machine drifts within seconds, so each page's
        ratio uses the minimal-view figures taken just before and after it.
        """
        result = SizeResult(articles)
        result.load_seconds = self.prepare(articles)
        pages = self.pages()
        result.articles = pages["articles"]  # what the database holds (--skip-load)
        log(
            f"{pages['articles']} live articles; category {pages['category']} "
            f"({pages['category_articles']} articles); article {pages['article']}"
        )
        uncached, uncached_base = self.start_server(page_cache=False)
        try:
            cached, cached_base = self.start_server(page_cache=True)
        except Exception:
            self.stop_server(uncached)
            raise
        try:
            minimal = Measurement("minimal view", MINIMAL_PATH)
            minimal.note = self.check(uncached_base + MINIMAL_PATH, "BYPASS")
            rows = []
            for name in ("home", "category", "article"):
                if not pages[name]:
                    continue
                for state, base, expect in (
                    ("uncached", uncached_base, "BYPASS"),
                    ("cached", cached_base, "HIT"),
                ):
                    row = Measurement(f"{state} {name}", pages[name])
                    row.note = self.check(base + pages[name], expect)
                    rows.append((row, base))
            minimal_url = uncached_base + MINIMAL_PATH
            for round_number in range(1, self.args.rounds + 1):
                log(f"round {round_number}/{self.args.rounds}")
                before, minimal.latency = self.wrk_rps(minimal_url)
                minimal.samples.append(before or 0)
                for row, base in rows:
                    rps, row.latency = self.wrk_rps(base + row.path)
                    after, minimal.latency = self.wrk_rps(minimal_url)
                    minimal.samples.append(after or 0)
                    row.samples.append(rps or 0)
                    bracket = ((before or 0) + (after or 0)) / 2
                    if rps and bracket:
                        row.ratios.append(rps / bracket)
                    log(f"  {row.label:<18} {rps or 0:>8.1f} req/s  (minimal {bracket:.1f})")
                    before = after
            for row in [minimal] + [row for row, _ in rows]:
                row.rps = sum(row.samples) / len(row.samples) if row.samples else None
                row.ratio = sum(row.ratios) / len(row.ratios) if row.ratios else None
            minimal.ratio = 1.0
            result.rows = [minimal] + [row for row, _ in rows]
        finally:
            self.stop_server(cached)
            self.stop_server(uncached)
        return result


def print_report(results: list[SizeResult]) -> None:
    print()
    print("HTTP benchmark (gunicorn + wrk, PostgreSQL + Redis); ratio = req/s ÷ minimal view")
    for result in results:
        print()
        print(f"== {result.articles} demo articles (data load {result.load_seconds:.0f} s)")
        print(f"{'page':<20} {'req/s':>10} {'ratio':>7} {'aim':>7}  latency/note")
        for row in result.rows:
            ratio = row.ratio
            kind = "cached" if row.label.startswith("cached") else row.label
            aim = AIMS.get(kind)
            verdict = ""
            if ratio is not None and aim is not None:
                verdict = "ok" if ratio >= aim else f"MISS ({ratio / aim:.0%} of aim)"
            print(
                f"{row.label:<20} {row.rps or 0:>10.1f} "
                f"{(f'{ratio:.3f}' if ratio is not None else '-'):>7} "
                f"{(f'≥{aim}' if aim else ''):>7}  {row.latency} {row.note} {verdict}".rstrip()
            )
    if len(results) > 1:
        first, last = results[0], results[-1]
        a, b = first.rps("uncached category"), last.rps("uncached category")
        if a and b:
            drift = abs(b - a) / a
            verdict = "ok" if drift <= LISTING_DRIFT_AIM else "MISS"
            print()
            print(
                f"uncached listing {first.articles} → {last.articles} articles: "
                f"{a:.1f} → {b:.1f} req/s, change {drift:.0%} (aim ≤ 20%) {verdict}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, nargs="+", default=[1000], help="demo sizes, e.g. 1000 100000"
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hdnd_bench"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per run")
    parser.add_argument("--rounds", type=int, default=2, help="measurements of each page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--warmup", type=int, default=5, help="requests before measuring")
    parser.add_argument("--load-timeout", type=int, default=3600, help="seconds for load_demo")
    parser.add_argument("--skip-load", action="store_true", help="measure the database as it is")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    ensure_database(args.database_url)
    bench = Bench(args)
    if not args.skip_load:
        log("migrating")
        bench.manage("migrate", "--noinput", "-v0", timeout=900)
    log("collecting static files")
    bench.manage("collectstatic", "--noinput", "-v0", timeout=300)

    results = []
    for articles in sorted(args.articles):
        results.append(bench.run_size(articles))
    print_report(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                [
                    {
                        "articles": r.articles,
                        "load_seconds": round(r.load_seconds, 1),
                        "rows": [
                            {k: v for k, v in row.__dict__.items() if k != "samples"}
                            for row in r.rows
                        ],
                    }
                    for r in results
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
