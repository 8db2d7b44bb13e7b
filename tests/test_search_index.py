"""The full-text indexes filled a batch at a time (migration 0010) hold exactly what the per-row
triggers put in them, inside a batch and out, after deletes and updates in the middle of a batch, and
in a ledger written before the migration existed."""
from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

from kronika.api import Options, ingest
from kronika.article import Article
from kronika.ledger import Ledger
from kronika.ledger.migrations import _statements
from kronika.pipeline import extract
from kronika.web.search import search
from tests.scale_corpus import mixed_inputs, varied

INDEXES = ("articles_fts", "claims_fts")


def _index(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    """Every (term, row, column, offset) the index holds, after FTS5 checked it against its table."""
    connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    connection.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_terms"
                       f" USING fts5vocab(main, {table}, instance)")
    return sorted(tuple(row) for row in connection.execute(f"SELECT term, doc, col, offset FROM temp.{table}_terms"))


def _rebuilt(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    connection.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    return _index(connection, table)


def _stored_one_by_one(db: Path, articles: list[Article]) -> None:
    """Each article in its own transaction: the per-row triggers index it."""
    with Ledger(db) as ledger:
        for article in articles:
            ledger.add_article(article, extract(article.text, "2025-09-15", article=article.id))


def test_a_batched_ingest_indexes_what_the_triggers_index(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in")
    with Ledger(tmp_path / "batched.db") as ledger:
        ingest([inputs], ledger, options=Options(jobs=1))
        rows = [row[0] for row in ledger.connection.execute("SELECT rowid FROM articles ORDER BY rowid")]
        batched = {table: _index(ledger.connection, table) for table in INDEXES}
        found = search(ledger.connection, "osoba")
        assert not ledger.connection.execute("SELECT * FROM search_deferred").fetchall()
    assert len(rows) > 10 and all(batched.values()) and found["articles"] and found["claims"]
    with Ledger(tmp_path / "rows.db") as ledger:  # the same rows, in the same order, outside any batch
        connection = ledger.connection
        connection.execute("ATTACH ? AS batched", (str(tmp_path / "batched.db"),))
        for row in rows:
            connection.execute("INSERT INTO articles SELECT * FROM batched.articles WHERE rowid = ?", (row,))
        connection.execute("INSERT INTO claims SELECT * FROM batched.claims ORDER BY id")
        connection.execute("DETACH batched")
        assert {table: _index(connection, table) for table in INDEXES} == batched
        assert search(connection, "osoba") == found


def test_deletes_and_updates_inside_a_batch_keep_the_index_whole(tmp_path: Path) -> None:
    texts = varied(6)
    _stored_one_by_one(tmp_path / "k.db", [Article(id=f"a{n}", text=t) for n, t in enumerate(texts[:3])])
    with Ledger(tmp_path / "k.db") as ledger:
        connection = ledger.connection
        batch = ledger.batch(limit=100, seconds=3600)
        batch.open()
        for n in (3, 4):
            ledger.add_article(Article(id=f"a{n}", text=texts[n]), extract(texts[n], "2025-09-15", article=f"a{n}"))
        connection.execute("UPDATE articles SET title = 'Nowy tytuł' WHERE id IN ('a0', 'a4')")  # indexed, not yet
        connection.execute("UPDATE claims SET source = 'wojewoda' WHERE id IN (1, (SELECT max(id) FROM claims))")
        connection.execute("DELETE FROM articles WHERE id IN ('a1', 'a3')")  # one indexed, one not yet
        connection.execute("DELETE FROM articles WHERE id = 'a4'")  # the last row, not yet indexed
        connection.execute("DELETE FROM articles WHERE id = 'a2'")  # now the last, indexed: rowids 2, 3 given again
        ledger.add_article(Article(id="a5", text=texts[5]), extract(texts[5], "2025-09-15", article="a5"))
        ledger.add_article(Article(id="a6", text=texts[2]), extract(texts[2], "2025-09-15", article="a6"))
        assert [row[0] for row in connection.execute("SELECT rowid FROM articles ORDER BY rowid")] == [1, 2, 3]
        batch.commit()
        for table in INDEXES:
            assert _index(connection, table) == _rebuilt(connection, table)
        assert [hit["id"] for hit in search(connection, "tytuł")["articles"]] == ["a0"]
        assert connection.execute("SELECT count(*) FROM search_deferred").fetchone()[0] == 0


def test_a_ledger_written_before_migration_0010_migrates_and_stays_searchable(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    folder = resources.files("kronika.ledger").joinpath("migrations")
    for script in sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name):
        if script.name >= "0010":
            continue
        for statement in _statements(script.read_text("utf-8")):
            connection.execute(statement)
        connection.execute("INSERT INTO migrations VALUES (?, '2026-12-01')", (script.name,))
    texts = varied(4)
    connection.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES ('old', 'h', ?, '2026')",
                       (texts[0],))
    connection.execute("INSERT INTO claims (article, span_start, span_end, mention, value, qualifier, measure,"
                       " modality, sentence) VALUES ('old', 0, 1, 'x', 1, 'exact', 'killed', 'asserted',"
                       " 'Powódź zalała piwnice')")
    connection.close()
    with Ledger(db) as ledger:
        batch = ledger.batch()
        batch.open()
        for n in (1, 2, 3):
            ledger.add_article(Article(id=f"new{n}", text=texts[n]), extract(texts[n], "2025-09-15", article=f"new{n}"))
        batch.commit()
        for table in INDEXES:
            assert _index(ledger.connection, table) == _rebuilt(ledger.connection, table)
        assert [hit["article"] for hit in search(ledger.connection, "piwnica")["claims"]] == ["old"]
        assert ledger.counts()["articles"] == 4
