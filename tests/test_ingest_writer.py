"""The writer's side of an ingest: story features made with each article (in a worker with --jobs)
are those reconciliation makes from the stored rows, and the whole ledger, reconciliation tables and
wire-copy index included, is the same with one job or two."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from kronika.api import Options, ingest
from kronika.ledger import Ledger
from kronika.reconcile.store import reconcile_ledger
from tests.scale_corpus import mixed_inputs

TABLES = ("articles", "claims", "rejections", "story_features", "stories", "story_articles", "figures",
          "figure_claims", "conflicts", "wire_signatures", "wire_bands", "wire_copies")
TIMES = {"ingested_at", "rejected_at", "resolved_at"}


def _content(db: Path, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(db)
    try:
        content = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})") if row[1] not in TIMES]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            content[table] = sorted(rows, key=repr)
        return content
    finally:
        connection.close()


def test_every_table_is_the_same_with_one_job_or_two(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in")
    for jobs in (1, 2):
        with Ledger(tmp_path / f"jobs{jobs}.db") as ledger:
            ingest([inputs], ledger, options=Options(jobs=jobs))
    one = _content(tmp_path / "jobs1.db")
    assert len(one["story_features"]) == len(one["articles"]) > 10 and one["stories"] and one["figures"]
    assert _content(tmp_path / "jobs2.db") == one


def test_features_stored_while_ingesting_are_those_reconciliation_reads_from_the_rows(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in")
    with Ledger(tmp_path / "k.db") as ledger:
        ingest([inputs], ledger, options=Options(jobs=2))
    before = _content(tmp_path / "k.db")
    with Ledger(tmp_path / "k.db") as ledger:
        for table in ("conflicts", "figure_claims", "figures", "story_articles", "stories", "story_features"):
            ledger.connection.execute(f"DELETE FROM {table}")
        done = reconcile_ledger(ledger)
    assert done.new_articles == len(before["articles"])
    assert _content(tmp_path / "k.db") == before
