"""Extraction speed over at least 4 MB of Polish text, beside morfeusz2 analysing every word of the
same text in the same process, and the time layer's share.

    .venv/bin/python bench/extract_speed.py [--mb 4]
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import morfeusz2  # noqa: E402

from bench.corpus import polish_text  # noqa: E402
from kronika import extract  # noqa: E402
from kronika.timex import find_times  # noqa: E402

DOCUMENT_CHARS = 3000  # news-article sized pieces, as extraction sees them


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0)
    args = parser.parse_args()
    text = polish_text(int(args.mb * 1_000_000))
    documents = [text[i : i + DOCUMENT_CHARS] for i in range(0, len(text), DOCUMENT_CHARS)]
    kb = len(text.encode("utf-8")) / 1000
    extract(documents[0], "2025-01-01")  # load language data once, outside the timing

    started = time.perf_counter()
    claims = sum(len(extract(d, "2025-01-01")) for d in documents)
    extraction = time.perf_counter() - started

    started = time.perf_counter()
    for d in documents:
        find_times(d, "2025-01-01")
    timing = time.perf_counter() - started

    analyser = morfeusz2.Morfeusz()
    words = re.findall(r"\w+", text)
    started = time.perf_counter()
    for word in words:
        analyser.analyse(word)
    morphology = time.perf_counter() - started

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"extract: {kb / extraction:.0f} KB/s over {kb / 1000:.1f} MB ({claims} claims, {extraction:.1f} s)")
    print(f"morfeusz2 analysing every word ({len(words)} words): {kb / morphology:.0f} KB/s ({morphology:.1f} s)")
    print(f"ratio extraction/morfeusz2 time: {extraction / morphology:.2f} (target <= 1.0)")
    print(f"time layer alone: {kb / timing:.0f} KB/s, {100 * timing / extraction:.0f} % of extraction time")
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
