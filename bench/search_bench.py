"""Time the portal search against Wagtail's stock database search backend, queried fairly.

Run on PostgreSQL, against a database holding demo data::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hdnd \\
        .venv/bin/python bench/search_bench.py [--articles N] [--repeat 7]

``--articles N`` first tops the database up to N demo articles with
``manage.py load_demo --articles N``. The script makes sure both indexes are
complete and hold the same rows (the portal's ``SearchEntry`` rows and the stock
backend's index of the same page types, built with ``update_index`` when it is
behind), then times, for one-word and two-word queries, the top 20 results of
each in the same run, and prints milliseconds (median of ``--repeat`` runs after
one warm-up) and the ratio portal / stock.

The two are asked the same question: every word must match (``operator="and"``),
newest first (``order_by("-first_published_at")``, no relevance ranking), in the
same Vietnamese text-search configuration (the project's Wagtail backend uses
``portal_vi`` on PostgreSQL), over the same page types (those the subjects
register as searchable). "ours" is what the search page runs: the count (exact up
to 1.000, shown as ">1,000" beyond) and the top-20 page; "stock" is only the
top-20 page (Wagtail has no capped count). Rare words and queries matching
nothing are timed too: both must stay fast.

Before the timings the script measures the ranking: the judged query set of
``portal/search/tests/judged.py`` (a controlled corpus, each query with the
documents that must come first) is published into a scratch test database on
SQLite and on PostgreSQL (a child process each, ``config.settings.test``; the
PostgreSQL one is ``<database>_judged`` next to ``DATABASE_URL``'s, dropped
afterwards), and MRR and nDCG@10 are printed for both, with the queries whose
expected documents are not on top. ``--ranking-only`` stops there (no demo data
needed), ``--no-ranking`` skips it.

The figures are printed, never asserted: this is not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ONE_WORD = ["HĐND", "giám", "tỉnh", "cử"]
TWO_WORDS = ["kỳ họp", "đại biểu", "Bắc Kạn", "ngân sách"]
# Under 1 % of the demo articles hold these (read through the GIN index, not the date walk).
RARE = ["phiên", "chuẩn"]
# Nothing matches: an unknown word, and two known words no page holds together.
NO_MATCH = ["xyzzy", "phiên chuẩn"]


ROOT = Path(__file__).resolve().parent.parent


def setup_django(settings="config.settings.dev"):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def ranking_worker():
    """In a child process: publish the judged corpus into a fresh test database,
    run every judged query, print one JSON line and drop the database."""
    setup_django("config.settings.test")
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    default = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        default.setdefault("TEST", {})["NAME"] = f"{default['NAME']}_judged"
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from wagtail.images.models import Image
        from wagtail.images.tests.utils import get_test_image_file

        from portal.home.models import HomePage
        from portal.news.factories import NewsCategoryPageFactory, NewsIndexPageFactory
        from portal.search.tests.judged import QUERIES, build_corpus, rank_measures, ranked_keys

        news = NewsIndexPageFactory(parent=HomePage.objects.get(), title="Tin tức")
        category = NewsCategoryPageFactory(parent=news, title="Thường trực HĐND")
        image = Image.objects.create(title="Ảnh", file=get_test_image_file())
        pages = build_corpus(category, image)
        ranking = {judged.q: ranked_keys(pages, judged.q) for judged in QUERIES}
        mrr, ndcg = rank_measures(ranking)
        missed = [
            (judged.q, ranking[judged.q][:5])
            for judged in QUERIES
            if set(ranking[judged.q][: len(judged.expect)]) != set(judged.expect)
            or any(key in ranking[judged.q] for key in judged.exclude)
        ]
        print(json.dumps({"mrr": mrr, "ndcg": ndcg, "queries": len(QUERIES), "missed": missed}))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure_ranking():
    """MRR and nDCG@10 of the judged set on SQLite and on PostgreSQL (child processes)."""
    postgres = os.environ.get("DATABASE_URL", "")
    targets = [("SQLite", None)]
    if postgres.startswith("postgres"):
        targets.append(("PostgreSQL", postgres))
    else:
        print("(DATABASE_URL không phải PostgreSQL: chỉ đo trên SQLite)")
    print("\nXếp hạng trên bộ truy vấn có đánh giá (portal/search/tests/judged.py)")
    with tempfile.TemporaryDirectory() as scratch:
        for label, url in targets:
            env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
            env["DATABASE_URL"] = url or f"sqlite:///{scratch}/judged.sqlite3"
            env.pop("REDIS_URL", None)
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, __file__, "--ranking-worker"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=1800,
            )
            if done.returncode != 0:
                print(f"{label}: lỗi\n{done.stderr[-3000:]}")
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"{label:<11} MRR {result['mrr']:.3f}  nDCG@10 {result['ndcg']:.3f}  "
                f"({result['queries']} truy vấn, {len(result['missed'])} chưa đúng đầu bảng; "
                f"{time.perf_counter() - started:.0f} s)"
            )
            for q, top in result["missed"]:
                print(f"    {q!r}: {', '.join(top)}")


def timed(fn, repeat):
    """Median milliseconds of ``repeat`` runs after a warm-up; a run over 2 s counts once."""
    started = time.perf_counter()
    fn()  # warm-up: plans, caches
    first = (time.perf_counter() - started) * 1000
    if first > 2000:
        return first
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def ensure_data(articles: int | None):
    from django.core.management import call_command

    from portal.news.models import ArticlePage

    present = ArticlePage.objects.live().count()
    if articles and present < articles:
        print(f"Bổ sung dữ liệu mẫu: {present} → {articles} tin bài (load_demo)…", flush=True)
        call_command("load_demo", articles=articles, no_progress=True)


def ensure_portal_index():
    from portal.search.documents import searchable_models
    from portal.search.models import SearchEntry
    from portal.search.services import rebuild_index

    live = sum(model.objects.live().count() for model in searchable_models())
    entries = SearchEntry.objects.count()
    if entries != live:
        print(f"Chỉ mục của cổng: {entries}/{live} trang, lập lại…", flush=True)
        started = time.perf_counter()
        rebuild_index(progress=False)
        print(f"  xong sau {time.perf_counter() - started:.1f} s", flush=True)
    return live


def ensure_stock_index():
    """Run ``update_index`` when the stock index holds fewer rows of the searchable
    types than there are pages of them."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from wagtail.search.models import IndexEntry

    from portal.search.documents import searchable_models

    models = searchable_models()
    types = ContentType.objects.get_for_models(*models).values()
    present = IndexEntry.objects.filter(content_type__in=types).count()
    pages = sum(model.objects.count() for model in models)
    if present < pages:
        print(f"Chỉ mục Wagtail: {present} mục < {pages} trang, chạy update_index…", flush=True)
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"  xong sau {time.perf_counter() - started:.1f} s", flush=True)


def ours(q):
    from portal.search.selectors import query_words, search

    def run():
        results = search(query_words(q), per_page=20)
        return (f">{results.count:,}" if results.capped else f"{results.count:,}"), results.entries

    return run


def stock(q):
    from wagtail.models import Page

    from portal.search.documents import searchable_models

    pages = Page.objects.live().type(*searchable_models()).order_by("-first_published_at")

    def run():
        results = pages.search(q, operator="and", order_by_relevance=False)
        return None, list(results[:20])

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--ranking-only", action="store_true", help="chỉ đo xếp hạng")
    parser.add_argument("--no-ranking", action="store_true", help="bỏ qua phần đo xếp hạng")
    parser.add_argument("--ranking-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.ranking_worker:
        ranking_worker()
        return
    if not args.no_ranking:
        measure_ranking()
        if args.ranking_only:
            return

    setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Cần PostgreSQL: đặt DATABASE_URL=postgres://… rồi chạy lại.")

    from django.conf import settings

    ensure_data(args.articles)
    pages = ensure_portal_index()
    ensure_stock_index()
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    print(f"Wagtail: {settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']}, cấu hình {config}")

    from portal.news.models import ArticlePage

    print(
        f"\nPostgreSQL, {ArticlePage.objects.live().count():,} tin bài, "
        f"{pages:,} trang trong chỉ mục; trung vị {args.repeat} lần, mili giây",
        flush=True,
    )
    print(f"{'truy vấn':<14}{'kết quả':>9}{'cổng (ms)':>12}{'Wagtail (ms)':>14}{'tỉ lệ':>9}")
    groups = (("1 từ", ONE_WORD), ("2 từ", TWO_WORDS), ("từ hiếm", RARE), ("không có", NO_MATCH))
    totals = {label: [] for label, _ in groups}
    for label, queries in groups:
        for q in queries:
            count, _ = ours(q)()
            ours_ms = timed(ours(q), args.repeat)
            stock_ms = timed(stock(q), args.repeat)
            ratio = ours_ms / stock_ms if stock_ms else float("nan")
            totals[label].append((ours_ms, stock_ms))
            print(f"{q:<14}{count:>9}{ours_ms:>12.1f}{stock_ms:>14.1f}{ratio:>9.3f}", flush=True)
    print()
    for label, rows in totals.items():
        ours_ms = statistics.mean(r[0] for r in rows)
        stock_ms = statistics.mean(r[1] for r in rows)
        print(
            f"trung bình {label}: cổng {ours_ms:.1f} ms, Wagtail {stock_ms:.1f} ms, "
            f"tỉ lệ {ours_ms / stock_ms:.3f} (mục tiêu ≤ 0,1)"
        )


if __name__ == "__main__":
    main()
