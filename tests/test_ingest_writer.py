"""The writer's side of an ingest: story features made with each article (in a worker with --jobs)
are those reconciliation makes from the stored rows, and the whole ledger, reconciliation tables and
wire-copy index included, is the same with one job or two."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kronika.api import Options, ingest
from kronika.ledger import Ledger
from kronika.pipeline import extract
from kronika.reconcile.store import reconcile_ledger
from tests.scale_corpus import mixed_inputs, varied

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


def test_a_failing_write_inside_a_batch_undoes_that_article_only(tmp_path: Path) -> None:
    from dataclasses import replace

    from kronika.article import Article

    texts = varied(3)
    claims = extract(texts[1], "2025-09-15")
    broken = [*claims[:2], replace(claims[2], mention=object())]  # a value SQLite cannot bind: the third row fails
    with Ledger(tmp_path / "k.db") as ledger:
        batch = ledger.batch(limit=10, seconds=60)
        batch.open()
        assert ledger.add_article(Article(id="a", text=texts[0]), []) == "a"
        with pytest.raises(sqlite3.Error):
            ledger.add_article(Article(id="b", text=texts[1]), broken)
        assert ledger.add_article(Article(id="c", text=texts[2]), claims) == "c"
        batch.commit()
    with Ledger(tmp_path / "k.db") as ledger:
        assert [a["id"] for a in ledger.articles()] == ["a", "c"]
        assert ledger.counts()["claims"] == len(claims) > 0


KILLED = """
import os, signal, sys
import kronika.api as api
from kronika.ledger import Ledger
api.BATCH_ARTICLES, api.BATCH_SECONDS = 4, 3600.0
with Ledger(sys.argv[1]) as ledger:
    for number, outcome in enumerate(api.ingest_outcomes([sys.argv[2]], ledger, api.Options()), 1):
        if number == 10:
            os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_ingest_loses_only_its_open_batch_and_a_rerun_stores_it(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    inputs = tmp_path / "in.jsonl"
    inputs.write_text("\n".join(json.dumps({"id": f"r{n}", "text": t}, ensure_ascii=False)
                                for n, t in enumerate(varied(14))) + "\n", "utf-8")
    done = subprocess.run([sys.executable, "-c", KILLED, str(tmp_path / "k.db"), str(inputs)], capture_output=True)
    assert done.returncode == -9
    with Ledger(tmp_path / "k.db") as ledger:
        assert [a["id"] for a in ledger.articles()] == [f"r{n}" for n in range(8)]  # two batches of 4 committed
        summary = ingest([inputs], ledger)
    assert (summary.ingested, summary.duplicates) == (6, 8)


def test_a_rerun_that_stores_nothing_reconciles_only_what_an_earlier_ingest_left_undone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kronika.reconcile.store as store

    inputs = mixed_inputs(tmp_path / "in", articles=4)

    def runs() -> int:
        with Ledger(tmp_path / "k.db") as ledger:
            return int(ledger.connection.execute("SELECT count(*) FROM reconciliations").fetchone()[0])

    real = store.reconcile_ledger
    monkeypatch.setattr(store, "reconcile_ledger", lambda ledger: (_ for _ in ()).throw(RuntimeError("killed")))
    with Ledger(tmp_path / "k.db") as ledger:
        assert ingest([inputs], ledger).ingested == 5  # stored, but its reconciliation failed
    assert runs() == 0
    monkeypatch.setattr(store, "reconcile_ledger", real)
    with Ledger(tmp_path / "k.db") as ledger:
        assert ingest([inputs], ledger).ingested == 0
    assert runs() == 1  # the rerun found articles in no story and reconciled them
    with Ledger(tmp_path / "k.db") as ledger:
        assert ingest([inputs], ledger).ingested == 0
        assert ledger.connection.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 5
    assert runs() == 1  # nothing new, nothing undone: the figures are not rebuilt again
