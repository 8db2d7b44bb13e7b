"""The reconciliation that closes an ingest of a few new articles into a ledger of about a thousand:
CPU of the incremental rebuild (what an ingest runs) against the full rebuild (`kronika reconcile`),
each measured on its own copy of the same ledger, repeated; and whether their tables are equal.

    .venv/bin/python bench/incremental_speed.py [--mb 1.5] [--new 10] [--repeat 3]
    .venv/bin/python bench/incremental_speed.py --synthetic 100000   # bench/reconcile_speed.py's claims
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import real_texts, realistic_articles  # noqa: E402
from kronika.api import ingest  # noqa: E402
from kronika.claim import Claim  # noqa: E402
from kronika.ledger import Ledger  # noqa: E402
from kronika.reconcile.store import reconcile_ledger  # noqa: E402

TABLES = ("stories", "story_articles", "figures", "figure_claims", "conflicts")


def rows(db: Path) -> dict[str, set[tuple[object, ...]]]:
    connection = sqlite3.connect(db)
    try:
        return {table: set(connection.execute(
            f"SELECT {', '.join(c[1] for c in connection.execute(f'PRAGMA table_info({table})') if c[1] != 'id' or table != 'conflicts')}"  # noqa: E501
            f" FROM {table}")) for table in TABLES}
    finally:
        connection.close()


def write(path: Path, texts: list[tuple[int, str]]) -> Path:
    path.write_text("\n".join(json.dumps({"id": f"a{n}", "text": t}, ensure_ascii=False) for n, t in texts) + "\n",
                    "utf-8")
    return path


def synthetic_ledger(db: Path, count: int, seed: int, new: int) -> list[tuple[Any, list[Claim], Any]]:
    """A ledger of bench/reconcile_speed.py's synthetic claims and story features, reconciled in full; the
    last `new` articles are held back and returned (article, claims, features) for the ingest timed."""
    from bench.reconcile_speed import synthetic_claims, synthetic_features
    from kronika.ledger.store import _INSERT_CLAIM, claim_rows
    from kronika.reconcile.store import store_features

    claims = synthetic_claims(count, seed)
    features = {f.article: f for f in synthetic_features(claims, seed)}
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    order = list(by_article)
    held = order[-new:]
    with Ledger(db) as ledger:
        with ledger.connection:
            add_synthetic(ledger, [(a, by_article[a], features[a]) for a in order[:-new]], _INSERT_CLAIM, claim_rows,
                          store_features)
        reconcile_ledger(ledger)
    return [(a, by_article[a], features[a]) for a in held]


def add_synthetic(ledger: Ledger, articles: list[tuple[Any, list[Claim], Any]], insert: str, rows: Any,
                  features: Any) -> None:
    connection = ledger.connection
    for article, claims, feature in articles:
        connection.execute("INSERT INTO articles (id, content_hash, text, published, ingested_at)"
                           " VALUES (?, ?, ?, ?, ?)", (article, article, claims[0].sentence, feature.published,
                                                       "2025-01-01T00:00:00"))
        connection.executemany(insert, ((article, *row) for row in rows(claims)))
        features(connection, feature)


def synthetic_main(count: int, new: int, repeat: int, seed: int) -> None:
    from kronika.ledger.store import _INSERT_CLAIM, claim_rows
    from kronika.reconcile.store import store_features

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        base = root / "base.db"
        held = synthetic_ledger(base, count, seed, new)
        with Ledger(base) as ledger:
            counts = ledger.connection.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims), (SELECT count(*) FROM figures),"
                " (SELECT count(*) FROM stories), (SELECT count(*) FROM figures WHERE story IS NULL)").fetchone()
        print(f"synthetic ledger: {counts[0]} articles, {counts[1]} claims, {counts[2]} figures ({counts[4]} running),"
              f" {counts[3]} stories; adding {new} articles")
        timings: dict[str, list[float]] = {"incremental": [], "full": []}
        results = {}
        for attempt in range(repeat):
            for mode in ("incremental", "full"):
                db = root / f"{mode}{attempt}.db"
                shutil.copy(base, db)
                with Ledger(db) as ledger:
                    with ledger.connection:
                        add_synthetic(ledger, held, _INSERT_CLAIM, claim_rows, store_features)
                    cpu = time.process_time()
                    done = reconcile_ledger(ledger, incremental=mode == "incremental")
                    timings[mode].append(time.process_time() - cpu)
                print(f"  {mode}: {timings[mode][-1]:.3f} s CPU ({done.mode}, {done.claims} claims read)")
                results[mode] = rows(db)
                db.unlink()
        best = {mode: min(values) for mode, values in timings.items()}
        print(f"closing reconcile, best of {repeat}: full {best['full']:.3f} s CPU, incremental"
              f" {best['incremental']:.3f} s CPU; tables equal: {results['incremental'] == results['full']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.5)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--synthetic", type=int, default=0, help="claims of a synthetic ledger instead")
    parser.add_argument("--real", action="store_true",
                        help="the new articles drawn from the real texts only (not the generated news, whose few"
                             " large stories most draws join)")
    args = parser.parse_args()
    if args.synthetic:
        synthetic_main(args.synthetic, args.new, args.repeat, args.seed)
        return
    texts = list(enumerate(realistic_articles(int(args.mb * 1e6))))
    pool = range(len(real_texts())) if args.real else range(len(texts))
    new = set(random.Random(args.seed).sample(pool, args.new))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        base = root / "base.db"
        with Ledger(base) as ledger:
            ingest([write(root / "old.jsonl", [t for t in texts if t[0] not in new])], ledger)
            counts = ledger.connection.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims), (SELECT count(*) FROM figures)"
            ).fetchone()
        print(f"ledger: {counts[0]} articles, {counts[1]} claims, {counts[2]} figures; ingesting {args.new} new")
        fresh = write(root / "new.jsonl", [t for t in texts if t[0] in new])
        timings: dict[str, list[float]] = {"incremental": [], "full": []}
        results = {}
        for attempt in range(args.repeat):
            for mode in ("incremental", "full"):
                db = root / f"{mode}{attempt}.db"
                shutil.copy(base, db)
                with Ledger(db) as ledger:
                    import kronika.reconcile.store as store

                    real = store.reconcile_after_ingest
                    store.reconcile_after_ingest = lambda _ledger: None  # type: ignore[assignment]
                    try:
                        ingest([fresh], ledger)
                    finally:
                        store.reconcile_after_ingest = real
                    cpu = time.process_time()
                    done = reconcile_ledger(ledger, incremental=mode == "incremental")
                    timings[mode].append(time.process_time() - cpu)
                print(f"  {mode}: {timings[mode][-1]:.3f} s CPU ({done.mode}, {done.claims} claims read,"
                      f" {done.figures} figures)")
                results[mode] = rows(db)
        same = results["incremental"] == results["full"]
        best = {mode: min(values) for mode, values in timings.items()}
        print(f"closing reconcile, best of {args.repeat}: full {best['full']:.3f} s CPU, incremental"
              f" {best['incremental']:.3f} s CPU ({best['full'] / best['incremental']:.1f}x less);"
              f" tables equal: {same}")


if __name__ == "__main__":
    main()
