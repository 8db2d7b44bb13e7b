"""The workbench's hold on one ledger file: a read-only SQLite connection per server thread, and one
writer (for reviews) behind a lock. Opening applies the ledger's migrations once, so an older ledger
gains the search index and the reviews table (0006) and the indexes of the figures list (0007) before
the first page is served: nothing is created ad hoc at serve time."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from kronika.ledger import Ledger


class Database:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        if not self.path.exists():
            raise FileNotFoundError(f"no ledger at {self.path}")
        Ledger(self.path).close()  # applies the migrations the ledger lacks (0006 search, 0007 indexes)
        self._local = threading.local()
        self._write_lock = threading.Lock()

    def read(self) -> sqlite3.Connection:
        """This thread's read-only connection (opened on first use, kept for the thread's life)."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"file:{quote(str(self.path))}?mode=ro", uri=True, check_same_thread=False)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA busy_timeout=5000")
            self._local.connection = connection
        return connection

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """The ledger opened for writing, one writer at a time; the caller runs its own transaction."""
        with self._write_lock, Ledger(self.path) as ledger:
            yield ledger.connection

