#!/usr/bin/env python
"""Time the resolution register's first page at 5,000 resolutions against a minimal view
doing one query, in the same run.

Run against a migrated database (PostgreSQL for figures that mean something)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hdnd_res \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hdnd_res \\
        .venv/bin/python bench/register_bench.py [--resolutions 5000] [--repeat 30]

Everything the script writes (a council index, a term, two sessions, the resolutions
with a link in ten and a field in each) is written inside one transaction that is
rolled back at the end: the database is left as it was. Requests go through Django's
test client and the whole middleware stack in this process (``config.settings.dev``,
``DEBUG`` off, the page cache off so every request builds the page), with the
register's default view (newest first, status computed in SQL) and a filtered one
(one year, one status, words without diacritics) and its 50th page. The baseline is
``/bench/one-query/``: one ``SELECT`` through the same stack.

It prints milliseconds per request (median of ``--repeat`` after two warm-ups), the
queries each page made, and the ratio page / baseline. The figures are printed, never
asserted: this is not part of the test run, nor of CI.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)  # the page writes' log lines are not the figures


def one_query(request):
    from django.db import connection
    from django.http import HttpResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def _urlconf():
    import types

    from django.urls import path

    from config.urls import urlpatterns

    module = types.ModuleType("register_bench_urls")
    module.urlpatterns = [path("bench/one-query/", one_query), *urlpatterns]
    sys.modules[module.__name__] = module
    return module.__name__


class Rollback(Exception):
    pass


def populate(count: int):
    """The pages and ``count`` resolutions, numbered per kind and year as the register
    numbers them (bulk-written: the numbering's lock is not what is measured)."""
    from portal.core.text import fold
    from portal.council.factories import (
        CouncilIndexPageFactory,
        SessionPageFactory,
        TermPageFactory,
    )
    from portal.council.models import (
        RelationKind,
        Resolution,
        ResolutionField,
        ResolutionKind,
        ResolutionRelation,
    )
    from portal.home.models import HomePage

    home = HomePage.objects.get()
    index = CouncilIndexPageFactory(parent=home, title="Kỳ họp", slug="ky-hop-bench")
    term = TermPageFactory(parent=index)
    sessions = [
        SessionPageFactory(
            parent=term,
            number=90 + n,
            opening_date=datetime.date(2016 + n, 12, 9),
            closing_date=datetime.date(2016 + n, 12, 11),
        )
        for n in range(5)
    ]
    fields = [
        ResolutionField.objects.create(name=name, slug=slug)
        for name, slug in (("Ngân sách", "bench-ngan-sach"), ("Đất đai", "bench-dat-dai"),
                           ("Giáo dục", "bench-giao-duc"), ("Y tế", "bench-y-te"))
    ]  # fmt: skip
    topics = ["mức thu học phí", "bảng giá đất", "dự toán ngân sách", "giá dịch vụ khám bệnh"]
    rows, numbers = [], {}
    for n in range(count):
        session = sessions[n % len(sessions)]
        kind = ResolutionKind.NORMATIVE if n % 3 == 0 else ResolutionKind.INDIVIDUAL
        year = session.closing_date.year
        number = numbers[(kind, year)] = numbers.get((kind, year), 0) + 1
        code = f"{number:02d}/{year}/NQ-HĐND" if kind == "quy-pham" else f"{number:02d}/NQ-HĐND"
        title = f"Quy định {topics[n % len(topics)]} (lần {n + 1})"
        rows.append(
            Resolution(
                kind=kind,
                code=code,
                number=number,
                year=year,
                title=title,
                session=session,
                field=fields[n % len(fields)],
                issuing_body="HĐND tỉnh",
                adoption_date=session.closing_date,
                effective_date=session.closing_date,
                search_text=fold(f"{code} {title} HĐND tỉnh"),
            )
        )
    created = Resolution.objects.bulk_create(rows, batch_size=1000)
    by_year = sorted(created, key=lambda r: r.adoption_date)
    links = [
        ResolutionRelation(
            source=by_year[-1 - n],
            target=by_year[n],
            kind=RelationKind.values[n % 3],
            date=by_year[-1 - n].effective_date,
        )
        for n in range(0, count // 10)
    ]
    ResolutionRelation.objects.bulk_create(links, batch_size=1000)
    return index


def measure(client, url: str, repeat: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    if SLOWEST:
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:SLOWEST]:
            print(f"  {url}: {float(query['time']) * 1000:.1f} ms  {query['sql'][:300]}")
    return statistics.median(timings) * 1000, len(queries)


SLOWEST = 0


def main(argv: list[str] | None = None) -> int:
    global SLOWEST
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resolutions", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--slowest", type=int, default=0, help="print each page's N slowest queries"
    )
    args = parser.parse_args(argv)
    SLOWEST = args.slowest
    setup_django()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import override_settings

    rows = []
    try:
        with (
            transaction.atomic(),
            override_settings(ROOT_URLCONF=_urlconf(), DEBUG=False, PAGE_CACHE_SECONDS=0),
        ):
            started = time.perf_counter()
            index = populate(args.resolutions)
            written = time.perf_counter() - started
            client = Client(HTTP_HOST="localhost")
            register = f"{index.url}so-nghi-quyet/"
            pages = [
                ("minimal view (one query)", "/bench/one-query/"),
                ("register, first page", register),
                ("register, filtered", f"{register}?nam=2018&trang-thai=con-hieu-luc&q=hoc+phi"),
                ("register, page 50", f"{register}?page=50"),
            ]
            for _ in range(2):
                for label, url in pages:  # interleaved: both see the same machine
                    ms, queries = measure(client, url, args.repeat // 2)
                    rows.append((label, ms, queries))
            raise Rollback
    except Rollback:
        pass
    merged = {}
    for label, ms, queries in rows:
        merged.setdefault(label, ([], queries))[0].append(ms)
    baseline = statistics.median(merged["minimal view (one query)"][0])
    print(
        f"Resolution register at {args.resolutions:,} resolutions "
        f"({connection.vendor}, {settings.DATABASES['default']['NAME']}; written in "
        f"{written:.1f}s, rolled back)"
    )
    print(f"{'page':<32}{'ms/request':>12}{'queries':>9}{'ratio':>8}")
    for label, (timings, queries) in merged.items():
        ms = statistics.median(timings)
        print(f"{label:<32}{ms:>12.1f}{queries:>9}{ms / baseline:>8.1f}")
    print("ratio = time per request ÷ the minimal view's (lower is better)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
