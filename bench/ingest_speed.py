"""Ingest throughput: N generated articles written as files, ingested into a fresh ledger.

    .venv/bin/python bench/ingest_speed.py [--articles 20000]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import varied_articles  # noqa: E402
from kronika.api import ingest  # noqa: E402
from kronika.ledger import Ledger  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        corpus = root / "articles"
        corpus.mkdir()
        size = 0
        for number, text in enumerate(varied_articles(args.articles)):
            data = text.encode("utf-8")
            size += len(data)
            (corpus / f"a{number:06d}.txt").write_bytes(data)
        started = time.perf_counter()
        with Ledger(root / "bench.db") as ledger:
            summary = ingest([corpus], ledger)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest: {summary.ingested} articles ({size / 1e6:.1f} MB, {summary.claims} claims) in {elapsed:.1f} s:"
          f" {summary.ingested / elapsed:.0f} articles/s, {size / 1e6 / elapsed:.2f} MB/s;"
          f" {summary.duplicates} duplicates, {len(summary.rejected)} rejected; peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
