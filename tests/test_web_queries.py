"""The workbench's queries against the ledger's own schema: the indexes they walk come from migrations
(never made at serve time), and the plans SQLite picks for them use those indexes."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kronika.ledger import Ledger
from kronika.web.database import Database
from kronika.web.queries import Ledger as Pages
from kronika.web.queries import Reconciled


def _plan(connection: sqlite3.Connection, sql: str, parameters: list[object]) -> str:
    return " | ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, parameters))


def test_figures_listing_index_is_a_migration(tmp_path: Path) -> None:
    db = tmp_path / "kronika.db"
    Ledger(db).close()
    connection = sqlite3.connect(db)
    migrations = [row[0] for row in connection.execute("SELECT name FROM migrations ORDER BY name")]
    assert "0007_figures_listing.sql" in migrations
    index = connection.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'figures_listing'")
    assert "contested DESC, claims DESC, id" in index.fetchone()[0]
    before = connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    connection.close()
    Database(db)  # serving the ledger creates nothing of its own
    with sqlite3.connect(db) as again:
        assert again.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == before


def test_figures_list_walks_its_index_instead_of_sorting(tmp_path: Path) -> None:
    db = tmp_path / "kronika.db"
    Ledger(db).close()
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    reconciled = Reconciled(Pages(lambda: connection))
    for filters in ({}, {"contested": True}, {"contested": False}):
        sql, parameters = reconciled.figures_sql(filters)
        plan = _plan(connection, sql, [*parameters, 51, 0])
        assert "figures_listing" in plan and "TEMP B-TREE" not in plan, (filters, plan)
