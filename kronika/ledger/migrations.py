"""Schema changes as numbered SQL files, each applied once, in its own transaction, and recorded."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib import resources


def migrate(connection: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; return their names. What is applied is read without a
    lock (an up-to-date ledger opens without writing), and read again under the write lock before a
    script runs, so two first ingests into one new ledger cannot both apply it."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    applied = {row[0] for row in connection.execute("SELECT name FROM migrations")}
    folder = resources.files("kronika.ledger").joinpath("migrations")
    done = []
    for script in sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name):
        if script.name in applied:
            continue
        connection.execute("BEGIN IMMEDIATE")
        try:
            if connection.execute("SELECT 1 FROM migrations WHERE name = ?", (script.name,)).fetchone():
                connection.execute("COMMIT")  # another process applied it while we waited for the lock
                continue
            for statement in _statements(script.read_text("utf-8")):
                connection.execute(statement)
            connection.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (script.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        done.append(script.name)
    return done


def _statements(script: str) -> list[str]:
    """Whole statements, a trigger's BEGIN ... END included: lines are gathered until SQLite calls the
    text complete. Comments are dropped first; migrations hold no string literal with `--`."""
    statements, pending = [], ""
    for line in script.splitlines():
        pending += line.split("--", 1)[0] + "\n"
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip().rstrip(";"))
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
