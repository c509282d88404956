#!/usr/bin/env python
"""Lighthouse scores of every public page type, on a phone and on a desktop.

    .venv/bin/python bench/lighthouse_bench.py [--base-url http://127.0.0.1:8000]
        [--categories accessibility,seo,best-practices] [--json FILE]

Runs against a portal that is already being served (``make run``, or any server on
loopback), with the same DATABASE_URL in the environment: the pages (a category,
an article, a gallery, a topic) are picked from that database. Lighthouse 12
(Node 18+) is installed once with npm into ``var/lighthouse`` when it is not there;
it drives the system chromium (``CHROME_PATH``, default ``/usr/bin/chromium``).
Prints one row per page with each category's score for the mobile (Lighthouse's
default, a 412 px phone) and the desktop preset, and the audits that failed.
Lighthouse gives no score to a page answered with an error status (the 404 page),
and its SEO score counts ``noindex`` (search results, the 404 page) as a failure
("is-crawlable"): both are the portal's choice, not faults.
Never part of the test suite; loopback only; each Lighthouse run is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "var" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = "12.8.2"  # 13.x needs Node 22
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
RUN_TIMEOUT = 180


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def page_types():
    """One address of each public page type, from the served portal's database."""
    from portal.core.visibility import visible_pages
    from portal.news.models import ArticlePage, GalleryPage, NewsCategoryPage, NewsIndexPage
    from portal.news.models.topics import Topic

    news_index = visible_pages(NewsIndexPage.objects.all()).first()
    category = visible_pages(NewsCategoryPage.objects.all()).order_by("path").first()
    article = (
        visible_pages(ArticlePage.objects.exclude(featured_image=None)).order_by("-pk").first()
    )
    gallery = visible_pages(GalleryPage.objects.all()).order_by("-pk").first()
    topic = Topic.objects.filter(tagged_items__isnull=False).order_by("pk").first()
    pages = {"trang chủ": "/"}
    if news_index:
        pages["trang tin tức"] = news_index.url
        if topic:
            pages["chủ đề"] = f"{news_index.url}chu-de/{topic.slug}/"
    for name, page in (("chuyên mục", category), ("tin bài", article), ("thư viện ảnh", gallery)):
        if page is not None:
            pages[name] = page.url
    pages.update(
        {
            "tìm kiếm": "/search/?q=ky+hop",
            "trang 404": "/trang-khong-co/",
            "sơ đồ trang": "/so-do-trang/",
        }
    )
    return pages


def ensure_lighthouse():
    if LIGHTHOUSE.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm không có trên máy: cài Node.js 18+ (Debian: apt-get install npm).")
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Cài lighthouse@{LIGHTHOUSE_VERSION} vào {LIGHTHOUSE_DIR} …", flush=True)
    subprocess.run(
        [
            npm,
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(LIGHTHOUSE_DIR),
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ],
        check=True,
        timeout=300,
    )


def run_lighthouse(url, categories, preset, out_dir):
    report = Path(out_dir) / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={categories}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        command,
        check=True,
        timeout=RUN_TIMEOUT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    data = json.loads(report.read_text())
    scores = {key: round(value["score"] * 100) for key, value in data["categories"].items()}
    failed = sorted(
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
        and any(
            ref["id"] == audit["id"]
            for category in data["categories"].values()
            for ref in category["auditRefs"]
            if ref.get("weight", 0) > 0
        )
    )
    return scores, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--categories", default="accessibility,seo,best-practices")
    parser.add_argument("--json", help="also write the scores to this file")
    args = parser.parse_args()
    host = urlsplit(args.base_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("Chỉ chạy với máy chủ trên loopback (127.0.0.1, localhost).")
    setup_django()
    ensure_lighthouse()
    results = []
    with tempfile.TemporaryDirectory() as out_dir:
        for name, path in page_types().items():
            row = {"page": name, "path": path}
            for preset in ("mobile", "desktop"):
                try:
                    scores, failed = run_lighthouse(
                        args.base_url.rstrip("/") + path, args.categories, preset, out_dir
                    )
                except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                    # Lighthouse scores no page answered with an error status (the 404).
                    scores, failed = {}, ["lighthouse-khong-cham-trang-nay"]
                row[preset] = {"scores": scores, "failed": failed}
            results.append(row)
            cells = "  ".join(
                f"{preset}: " + " ".join(f"{k}={v}" for k, v in row[preset]["scores"].items())
                for preset in ("mobile", "desktop")
            )
            failed = sorted(set(row["mobile"]["failed"]) | set(row["desktop"]["failed"]))
            print(
                f"{name:14} {path:42} {cells}"
                + (f"  failed: {', '.join(failed)}" if failed else ""),
                flush=True,
            )
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
