"""Every article corpus of the tests ingested into one real SQLite ledger: the closing reconciliation stores each
figure once (a regression: two keys that differ only in whether their group splits by place, with no
place, once made two figures of one id and a UNIQUE failure that lost the reconciliation)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from kronika.cli import main

CORPUS = Path(__file__).parent / "corpus"


def test_every_corpus_reconciles_in_one_ledger(tmp_path: Path) -> None:
    articles = sorted(str(p) for p in CORPUS.glob("*/*.txt"))
    assert len(articles) > 200
    db = tmp_path / "mixed.db"
    result = CliRunner().invoke(main, ["ingest", *articles, "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    connection = sqlite3.connect(db)
    figures, distinct = connection.execute("SELECT count(*), count(DISTINCT id) FROM figures").fetchone()
    members = connection.execute("SELECT count(DISTINCT claim) FROM figure_claims").fetchone()[0]
    claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert figures == distinct > 100
    assert members == claims  # every claim belongs to a figure
