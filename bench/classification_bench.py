"""Time the classification gate's detector on scanned pages and text PDFs.

    .venv/bin/python bench/classification_bench.py [--pages 100] [--scans 5]

Prints seconds per scanned page (PNG scans with a red stamp and a seal, and the
same page without a stamp) and per 100-page text PDF, each next to a baseline
measured in the same run: one plain ``tesseract`` call over the whole page (what
reading a scan at all costs) and pypdf's bare text extraction of the same PDF.
Aims (issue 7): ≤ 1 s per scanned page, ≤ 2 s per 100-page text PDF. Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path


def setup_django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def median_seconds(fn, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100, help="pages of the text PDF")
    parser.add_argument("--scans", type=int, default=5, help="runs of each scan")
    args = parser.parse_args()
    setup_django()

    from PIL import Image
    from pypdf import PdfReader

    from portal.editorial.classification import ocr, scan_file
    from portal.editorial.tests import corpus

    stamped = corpus.image_bytes(corpus.scan(corpus.LETTER, stamp="TUYỆT MẬT", angle=5))
    plain = corpus.image_bytes(corpus.scan(corpus.LETTER))
    text_pdf = corpus.pdf(corpus.LETTER * 3, pages=args.pages, header="UBND TỈNH BẮC KẠN")

    def whole_page_ocr():
        ocr.run_tesseract(Image.open(io.BytesIO(plain)).convert("L"), 3)

    def bare_extraction():
        for page in PdfReader(io.BytesIO(text_pdf)).pages:
            page.extract_text()

    rows = [
        ("trang quét có dấu đỏ", lambda: scan_file(stamped, "a.png"), whole_page_ocr, 1.0),
        ("trang quét không dấu", lambda: scan_file(plain, "b.png"), whole_page_ocr, 1.0),
        (f"PDF chữ {args.pages} trang", lambda: scan_file(text_pdf, "c.pdf"), bare_extraction, 2.0),
    ]
    assert scan_file(stamped, "a.png").level and scan_file(plain, "b.png").is_clean
    print(f"{'tệp':<24}{'cổng (s)':>10}{'nền (s)':>10}{'tỉ lệ':>8}{'mục tiêu':>10}")
    for label, ours, baseline, aim in rows:
        ours_s = median_seconds(ours, args.scans)
        base_s = median_seconds(baseline, args.scans)
        verdict = "ok" if ours_s <= aim else "MISS"
        print(
            f"{label:<24}{ours_s:>10.2f}{base_s:>10.2f}{ours_s / base_s:>8.2f}"
            f"{f'≤ {aim:g} s':>10} {verdict}",
            flush=True,
        )
    print("nền: một lần tesseract cả trang / pypdf chỉ trích chữ, cùng lần chạy")


if __name__ == "__main__":
    main()
