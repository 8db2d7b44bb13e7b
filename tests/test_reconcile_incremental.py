"""Incremental reconciliation (kronika.reconcile.incremental): an ingest rebuilds only the figures of
the stories it changed, closed over running totals, and the ledger's stories, figures, figure claims
and conflicts are then the very rows a full `reconcile` of the same ledger writes."""
from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kronika.api import ingest
from kronika.ledger import Ledger
from kronika.reconcile import incremental
from kronika.reconcile.store import reconcile_ledger

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(str(p) for name in ("stories", "stories_dev", "stories_blind", "stories_blind2")
               for p in (CORPUS / name).glob("*.txt"))
TABLES = ("stories", "story_articles", "figures", "figure_claims", "conflicts")


def _rows(db: Path) -> dict[str, set[tuple[Any, ...]]]:
    """Each table as a set of rows; a conflict's rowid is left out."""
    connection = sqlite3.connect(db)
    try:
        content = {}
        for table in TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")
                       if not (table == "conflicts" and row[1] == "id")]
            content[table] = set(connection.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        return content
    finally:
        connection.close()


def _modes(ledger: Ledger) -> list[tuple[str, int]]:
    rows = ledger.connection.execute("SELECT mode, claims FROM reconciliations ORDER BY id")
    return [(row[0], row[1]) for row in rows]


def _same_as_full(db: Path, tmp_path: Path) -> dict[str, set[tuple[Any, ...]]]:
    """The tables of `db`, asserted equal to those a full reconcile of a copy writes."""
    copy = tmp_path / f"full-{db.name}"
    shutil.copy(db, copy)
    with Ledger(copy) as ledger:
        done = reconcile_ledger(ledger)
    assert done.mode == "full"
    ours, full = _rows(db), _rows(copy)
    for table in TABLES:
        assert ours[table] == full[table], (table, sorted(ours[table] - full[table])[:3],
                                            sorted(full[table] - ours[table])[:3])
    return ours


@pytest.fixture
def always_incremental(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small corpus: let the incremental path run even where it rebuilds most of the ledger."""
    monkeypatch.setattr(incremental, "MOST_OF_THE_LEDGER", 1.0)


@pytest.mark.parametrize(("seed", "batch"), [(1, 9), (2, 23), (3, 50)])
def test_batches_in_any_order_give_the_full_rebuilds_tables(tmp_path: Path, always_incremental: None,
                                                            seed: int, batch: int) -> None:
    files = list(FILES)
    random.Random(seed).shuffle(files)
    db = tmp_path / "k.db"
    with Ledger(db) as ledger:
        for start in range(0, len(files), batch):
            ingest(files[start:start + batch], ledger)
        modes = _modes(ledger)
    batches = -(-len(files) // batch)
    assert len(modes) == batches  # a failed reconciliation rolls back and leaves no row
    assert modes[0][0] == "full" and {mode for mode, _ in modes[1:]} == {"incremental"}
    tables = _same_as_full(db, tmp_path)
    assert len(tables["story_articles"]) == len(FILES) and tables["figures"] and tables["conflicts"]


def test_an_ingest_into_an_empty_ledger_is_a_full_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Ledger(db) as ledger:
        ingest(FILES[:12], ledger)
        assert _modes(ledger) == [("full", ledger.connection.execute("SELECT count(*) FROM claims").fetchone()[0])]
    assert _same_as_full(db, tmp_path)["figures"]


def test_a_rerun_that_adds_nothing_reconciles_nothing(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Ledger(db) as ledger:
        ingest(FILES[:20], ledger)
        before = _rows(db)
        ingest(FILES[:20], ledger)
        assert len(_modes(ledger)) == 1
        done = reconcile_ledger(ledger, incremental=True)  # asked anyway: nothing changed, nothing rebuilt
        assert (done.mode, done.claims) == ("unchanged", 0)
    assert _rows(db) == before


def test_one_article_added_to_a_big_story_rebuilds_that_story_only(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Ledger(db) as ledger:
        ingest(FILES, ledger)
        big, size = ledger.connection.execute(
            "SELECT story, count(*) FROM story_articles GROUP BY story ORDER BY count(*) DESC, story LIMIT 1"
        ).fetchone()
        last = ledger.connection.execute(
            "SELECT a.input FROM story_articles s JOIN articles a ON a.id = s.article WHERE s.story = ?"
            " ORDER BY a.published DESC, a.id DESC LIMIT 1", (big,)).fetchone()[0]
    assert size >= 4
    db.unlink()
    with Ledger(db) as ledger:
        ingest([f for f in FILES if Path(f).resolve() != Path(last).resolve()], ledger)
        total = ledger.connection.execute("SELECT count(*) FROM claims").fetchone()[0]
        ingest([last], ledger)
        mode, claims = _modes(ledger)[-1]
        joined = ledger.connection.execute(
            "SELECT s.story FROM story_articles s JOIN articles a ON a.id = s.article WHERE a.input = ?",
            (last,)).fetchone()[0]
    assert mode == "incremental" and 0 < claims < total / 2
    assert joined == big
    _same_as_full(db, tmp_path)


def test_most_of_the_ledger_changed_falls_back_to_the_full_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Ledger(db) as ledger:
        ingest(FILES[:10], ledger)
        ingest(FILES[10:], ledger)
        assert [mode for mode, _ in _modes(ledger)] == ["full", "full"]
    _same_as_full(db, tmp_path)


def test_a_slug_shared_with_an_untouched_figure_asks_for_the_full_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Ledger(db) as ledger:
        ingest(FILES[:15], ledger)
        connection = ledger.connection
        stored = [row[0] for row in connection.execute("SELECT id FROM figures ORDER BY id")]
        assert stored
        untouched, deleted = stored[0], set(stored[1:])
        assert not incremental.ids_collide(connection, [], deleted)
        assert incremental.ids_collide(connection, [], {untouched + "~abcdef"})
        assert not incremental.ids_collide(connection, [], {untouched})  # it is the one rebuilt


def test_the_reconcile_command_rebuilds_in_full_unless_told_otherwise(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kronika.cli import main

    db = tmp_path / "k.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", *FILES[:8], "--db", str(db)]).exit_code == 0
    full = runner.invoke(main, ["reconcile", "--db", str(db)])
    assert full.exit_code == 0 and "reconciled (full," in full.output
    told = runner.invoke(main, ["reconcile", "--incremental", "--db", str(db)])
    assert told.exit_code == 0 and "reconciled (unchanged, 0 claims)" in told.output
    with Ledger(db) as ledger:
        assert [mode for mode, _ in _modes(ledger)] == ["full", "full", "unchanged"]
