"""Where an ingest's writer spends its SQLite time: `ingest --jobs 1` of the bench corpus (that of
bench/scale_speed.py) into a fresh ledger, each statement's wall time summed by its text (the first 90
characters), the reconciliation's statements included.

    .venv/bin/python bench/writer_sql.py [--mb 1.5] [--top 15]

The connection is wrapped, so the statements run as the ingest sends them; the wrapper's own cost is
outside the figures. On 2026-12-06 it gave 0.79 s in all before session speed3's change (0.26 s of it
the claims' inserts, 8,193 rows) and 0.62 to 0.68 s after (0.15 s), back to back.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import realistic_articles  # noqa: E402
from kronika.api import Options, ingest  # noqa: E402
from kronika.ledger import Ledger  # noqa: E402

SECONDS: Counter[str] = Counter()
CALLS: Counter[str] = Counter()


class TimedConnection:
    """A sqlite3 connection whose execute and executemany are timed; everything else passes through."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        object.__setattr__(self, "_connection", connection)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._connection, name, value)

    def _timed(self, label: str, run: Any, sql: str, *parameters: Any) -> Any:
        started = time.perf_counter()
        try:
            return run(sql, *parameters)
        finally:
            SECONDS[label + sql[:90]] += time.perf_counter() - started
            CALLS[label + sql[:90]] += 1

    def execute(self, sql: str, *parameters: Any) -> Any:
        return self._timed("", self._connection.execute, sql, *parameters)

    def executemany(self, sql: str, *parameters: Any) -> Any:
        return self._timed("MANY ", self._connection.executemany, sql, *parameters)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.5)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    texts = realistic_articles(int(args.mb * 1e6))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        inputs = root / "articles.jsonl"
        inputs.write_text("\n".join(json.dumps({"id": f"a{n}", "text": t}, ensure_ascii=False)
                                    for n, t in enumerate(texts)) + "\n", "utf-8")
        with Ledger(root / "bench.db") as ledger:
            ledger.connection = TimedConnection(ledger.connection)  # type: ignore[assignment]
            started = time.perf_counter()
            ingest([inputs], ledger, options=Options(jobs=1))
            elapsed = time.perf_counter() - started
    print(f"ingest --jobs 1: {elapsed:.2f} s; SQLite statements: {sum(SECONDS.values()):.2f} s in all")
    for statement, seconds in SECONDS.most_common(args.top):
        print(f"  {seconds:6.3f} s {CALLS[statement]:6d} x  {statement}")


if __name__ == "__main__":
    main()
