"""Schema changes as numbered SQL files, each applied once, in its own transaction, and recorded."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib import resources


def migrate(connection: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; return their names. Each script is checked and applied
    under the write lock, so two first ingests into one new ledger cannot both apply it."""
    folder = resources.files("kronika.ledger").joinpath("migrations")
    done = []
    for script in sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name):
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            if connection.execute("SELECT 1 FROM migrations WHERE name = ?", (script.name,)).fetchone():
                connection.execute("COMMIT")
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
    """Split on semicolons that end a line; migrations hold no triggers or string literals with `;`."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
