"""Extraction speed over at least 4 MB of Polish text, beside morfeusz2 analysing every word of the
same text in the same process, and the time layer's share of extraction.

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

import kronika.assemble as assemble  # noqa: E402
from bench.corpus import polish_text  # noqa: E402
from kronika import extract  # noqa: E402

DOCUMENT_CHARS = 3000  # news-article sized pieces, as extraction sees them


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0)
    args = parser.parse_args()
    text = polish_text(int(args.mb * 1_000_000))
    documents = [text[i : i + DOCUMENT_CHARS] for i in range(0, len(text), DOCUMENT_CHARS)]
    kb = len(text.encode("utf-8")) / 1000
    extract(documents[0], "2025-01-01")  # load language data once, outside the timing

    # The time layer's own share, measured inside the pipeline by timing each of its calls.
    find_times = assemble.find_times
    time_spent = 0.0

    def timed_find_times(*arguments, **keywords):  # type: ignore[no-untyped-def]
        nonlocal time_spent
        started = time.perf_counter()
        try:
            return find_times(*arguments, **keywords)
        finally:
            time_spent += time.perf_counter() - started

    assemble.find_times = timed_find_times
    started = time.perf_counter()
    claims = sum(len(extract(d, "2025-01-01")) for d in documents)
    extraction = time.perf_counter() - started
    assemble.find_times = find_times

    analyser = morfeusz2.Morfeusz()
    words = re.findall(r"\w+", text)
    started = time.perf_counter()
    for word in words:
        analyser.analyse(word)
    morphology = time.perf_counter() - started

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rest = extraction - time_spent
    print(f"extract: {kb / extraction:.0f} KB/s over {kb / 1000:.1f} MB ({claims} claims, {extraction:.1f} s)")
    print(f"morfeusz2 analysing every word ({len(words)} words): {kb / morphology:.0f} KB/s ({morphology:.1f} s)")
    print(f"ratio extraction/morfeusz2 time: {extraction / morphology:.2f} (target <= 1.0)")
    print(f"time layer: {time_spent:.2f} s, adds {100 * time_spent / rest:.0f} % to the rest of extraction"
          f" (target <= 20 %)")
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
