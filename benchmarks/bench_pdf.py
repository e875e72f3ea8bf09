"""PDF reading speed: debatekit's line reconstruction against pdfium's raw text, same run.

Builds a PDF of the sample report (its 27 pages, typeset as the tests do)
repeated ``--copies`` times, then times

- baseline: open the PDF with pypdfium2 and take each page's raw text;
- ``dk.read_text``: the same, plus reading order, paragraph gaps and the
  line-end hyphens pdfium joins itself;
- ``dk.read_transcript``: all of that and the parse into turns.

Run: ``python benchmarks/bench_pdf.py [--copies 10] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

import debatekit as dk

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_pdf import pages_of_sample, write_pdf  # noqa: E402


def raw_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    lines = dk.sample_path().read_text(encoding="utf-8").split("\n")
    pages = pages_of_sample(lines) * args.copies
    with tempfile.TemporaryDirectory() as folder:
        path = write_pdf(pages, Path(folder) / "C190_2024-03-28.pdf")
        size_mb = len(raw_text(path).encode("utf-8")) / 1e6
        baseline = best_of(args.repeat, lambda: raw_text(path))
        read = best_of(args.repeat, lambda: dk.read_text(path))
        parse = best_of(args.repeat, lambda: dk.read_transcript(path))
    n = len(pages)
    print(f"PDF of {n} pages, {size_mb:.2f} MB of text, best of {args.repeat} runs")
    for name, seconds in (
        ("baseline: pypdfium2 raw page text", baseline),
        ("dk.read_text (lines, gaps, hyphens)", read),
        ("dk.read_transcript (and parse)", parse),
    ):
        print(
            f"  {name:<38} {seconds:6.2f} s  {n / seconds:6.0f} pages/s  "
            f"{size_mb / seconds:5.2f} MB/s  x{seconds / baseline:.2f} of baseline"
        )


if __name__ == "__main__":
    main()
