"""Ingest the test corpora, the seeds and the benchmark corpus with `--jobs 1` and `--jobs 2`, each into a
new ledger, and dump every table of each ledger (rows sorted, the times at which they were written left
out, the full-text indexes as their fts5vocab instances), so a change meant to be perf-only can be
checked to change no row of any table:

    .venv/bin/python bench/ledger_dump.py /tmp/before
    ... change ...
    .venv/bin/python bench/ledger_dump.py /tmp/after && diff -r /tmp/before /tmp/after

Each ledger's dump is one file, `<corpus>-jobs<N>.txt`, so `--jobs 1` and `--jobs 2` can be compared too
(`bench/ledger_dump.py --compare-jobs DIR`). Run it on an older tree through PYTHONPATH for a "before".
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import CORPUS, SHARED, realistic_articles  # noqa: E402
from kronika.api import Options, ingest  # noqa: E402
from kronika.ledger import Ledger  # noqa: E402

TIMES = {"ingested_at", "rejected_at", "resolved_at", "finished_at", "checked_at", "next_poll_at", "seen_at",
         "reviewed_at", "applied_at"}
ROOT = Path(__file__).resolve().parent.parent
# Input names hold their paths: the tree's and ../shared's are written as <root> and <shared>, so a tree
# unpacked elsewhere (the "before") gives the same lines
PLACES = sorted({(str(ROOT), "<root>"), (str(SHARED), "<shared>"), (str(SHARED.resolve()), "<shared>")}, reverse=True)


def dump(db: Path) -> list[str]:
    """Every table's rows, sorted, one JSON line each, headed by the table's name."""
    connection = sqlite3.connect(db)
    lines: list[str] = []
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%_fts_%' ORDER BY name")]
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})") if row[1] not in TIMES]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            lines.append(f"## {table} {columns} {len(rows)}")
            lines.extend(sorted(_placed(json.dumps([r.hex() if isinstance(r, bytes) else r for r in row],
                                                   ensure_ascii=False)) for row in rows))
        for index in ("articles_fts", "claims_fts"):
            connection.execute(f"CREATE VIRTUAL TABLE temp.v_{index} USING fts5vocab(main, {index}, instance)")
            rows = connection.execute(f"SELECT * FROM temp.v_{index}").fetchall()
            lines.append(f"## {index} (fts5vocab instance) {len(rows)}")
            lines.extend(sorted(json.dumps(row, ensure_ascii=False) for row in rows))
    finally:
        connection.close()
    return lines


def _placed(line: str) -> str:
    for path, name in PLACES:
        line = line.replace(path, name)
    return line


def corpora(root: Path) -> dict[str, list[list[Path]]]:
    """The ingests of each ledger: every folder of tests/corpus, the seeds, all of them at once, all of them
    one ingest after another (each reconciliation after the first an incremental one), and the benchmark
    corpus."""
    found = {folder.name: [[folder]] for folder in sorted(CORPUS.iterdir())
             if folder.is_dir() and any(folder.glob("*.txt"))}
    if (SHARED / "seeds").is_dir():
        found["seeds"] = [[SHARED / "seeds"]]
    folders = [paths[0][0] for paths in found.values()]
    found["all"] = [folders]
    found["one-by-one"] = [[folder] for folder in folders]
    bench = root / "bench.jsonl"
    bench.write_text("".join(json.dumps({"id": f"a{n}", "text": t}, ensure_ascii=False) + "\n"
                             for n, t in enumerate(realistic_articles(1_500_000))), "utf-8")
    found["bench"] = [[bench]]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", help="one corpus by name")
    parser.add_argument("--compare-jobs", action="store_true", help="only compare the jobs1 and jobs2 dumps in OUT")
    args = parser.parse_args()
    if args.compare_jobs:
        differ = [p.name for p in sorted(args.out.glob("*-jobs1.txt"))
                  if p.read_text() != p.with_name(p.name.replace("jobs1", "jobs2")).read_text()]
        print("jobs1 and jobs2 differ:", differ or "none")
        sys.exit(1 if differ else 0)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        PLACES.insert(0, (str(root), "<tmp>"))
        for name, ingests in corpora(root).items():
            if args.only and name != args.only:
                continue
            for jobs in (1, 2):
                db = root / f"{name}-{jobs}.db"
                with Ledger(db) as ledger:
                    for inputs in ingests:
                        summary = ingest(inputs, ledger, options=Options(jobs=jobs))
                lines = dump(db)
                (args.out / f"{name}-jobs{jobs}.txt").write_text("\n".join(lines) + "\n", "utf-8")
                print(f"{name} --jobs {jobs}: {summary.ingested} ingested (the last ingest), {summary.claims} claims,"
                      f" {len(lines)} lines", flush=True)


if __name__ == "__main__":
    main()
