"""Ledger: the SQLite store. WAL, and each article written atomically (its own transaction, or a
savepoint inside an ingest's batch of articles, `Ledger.batch`), so a killed ingest leaves no half
article, loses at most its open batch, and a rerun finishes the job (articles already in are
recognised by their content hash)."""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from kronika.article import Article, Rejection
from kronika.claim import Claim
from kronika.ledger.migrations import migrate

DEFAULT_DB = "kronika.db"
_CLAIM_COLUMNS = (
    "article", "span_start", "span_end", "mention", "value", "value_max", "qualifier", "low", "high",
    "unit", "measure", "subject", "actor", "place", "source", "source_id", "source_kind", "outlet", "modality",
    "reference_time", "reference_basis", "published", "sentence",
)


def default_db_path() -> Path:
    return Path(os.environ.get("KRONIKA_DB") or DEFAULT_DB)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def atomic(connection: sqlite3.Connection) -> Iterator[None]:
    """One all-or-nothing write: its own transaction, or a savepoint when a batch is open (the batch's
    commit makes it durable)."""
    if connection.in_transaction:
        connection.execute("SAVEPOINT atomic")
        try:
            yield
        except BaseException:
            if connection.in_transaction:  # SQLite may have rolled the whole batch back itself
                connection.execute("ROLLBACK TO atomic")
                connection.execute("RELEASE atomic")
            raise
        connection.execute("RELEASE atomic")
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@contextmanager
def statement_journals_in_memory(connection: sqlite3.Connection) -> Iterator[None]:
    """SQLite's temporary files in memory for the block (`PRAGMA temp_store=MEMORY`), then as before.

    Each claim or band row an ingest writes inside a batch's savepoint is a statement that keeps a
    statement journal (the claims table's indexes and full-text trigger make it large enough to spill):
    with temporary files on disk it is a file created and deleted per statement, which cost an ingest
    a third of its writing time. Only the journals of single statements live there during the writes,
    a few pages each; the reconciliation afterwards (large sorts over the whole ledger) runs with the
    setting it had. What is written is the same either way."""
    try:
        previous = connection.execute("PRAGMA temp_store").fetchone()[0]
        connection.execute("PRAGMA temp_store=MEMORY")
    except sqlite3.Error:  # the setting is an optimisation only: without it the writes are the same
        yield
        return
    try:
        yield
    finally:
        try:
            connection.execute(f"PRAGMA temp_store={int(previous)}")
        except sqlite3.Error:  # a closed or busy connection keeps the setting: it only decides where temp data lives
            pass


_DEFER_SEARCH = ("INSERT INTO search_deferred (articles_after, claims_after) SELECT"
                 " (SELECT coalesce(max(rowid), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM claims)")
_INDEX_DEFERRED = (
    "INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles"
    " WHERE rowid > (SELECT max(articles_after) FROM search_deferred)",
    "INSERT INTO claims_fts (rowid, sentence, source, mention) SELECT id, sentence, source, mention FROM claims"
    " WHERE id > (SELECT max(claims_after) FROM search_deferred)",
    "DELETE FROM search_deferred",
)


class Batch:
    """Articles written in one transaction until `limit` of them or `seconds` have gone by: fewer
    commits per article, the write lock held for moments only, and the full-text index filled once per
    batch (migration 0010: the per-row triggers stand aside while the batch's `search_deferred` row
    exists; `commit` indexes the batch's rows and removes it)."""

    def __init__(self, connection: sqlite3.Connection, limit: int, seconds: float) -> None:
        self.connection, self.limit, self.seconds = connection, limit, seconds
        self.written = 0
        self.opened = 0.0

    def open(self) -> None:
        if not self.connection.in_transaction:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                self.connection.execute(_DEFER_SEARCH)
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            self.written, self.opened = 0, time.monotonic()

    def wrote(self) -> None:
        """One more input written: commit when the batch is full or old."""
        self.written += 1
        if self.written >= self.limit or time.monotonic() - self.opened >= self.seconds:
            self.commit()

    def commit(self) -> None:
        if self.connection.in_transaction:
            for statement in _INDEX_DEFERRED:
                self.connection.execute(statement)
            self.connection.execute("COMMIT")
        self.written = 0


class Ledger:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        # isolation_level=None: transactions are explicit, one per article.
        self.connection = sqlite3.connect(self.path, isolation_level=None)
        self.connection.row_factory = sqlite3.Row
        # The busy timeout first: switching a new file to WAL takes a lock that a concurrent opener waits for.
        self.connection.execute("PRAGMA busy_timeout=30000")
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute("PRAGMA foreign_keys=ON")
        migrate(self.connection)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------------

    def article_id_for_hash(self, content_hash: str) -> str | None:
        row = self.connection.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def add_article(self, article: Article, claims: Iterable[Claim], language: str = "pl") -> str | None:
        """Store an article with its claims atomically (`atomic`). Return the id it was stored under, or
        None when the same content is already in the ledger. An id already taken by other content gets
        the content hash's first 8 digits appended, so both versions stay."""
        return self.add_article_rows(article, claim_rows(claims), language)

    def add_article_rows(self, article: Article, rows: Iterable[tuple[Any, ...]], language: str = "pl",
                         content_hash: str | None = None) -> str | None:
        """`add_article` with the claims as `claim_rows` made them (in a worker process, say), and the
        article's content hash when it is known already."""
        content_hash = content_hash or article.content_hash
        connection = self.connection
        with atomic(connection):
            if connection.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone():
                return None
            article_id = article.id
            if connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                article_id = f"{article.id}@{content_hash[:8]}"
            connection.execute(
                "INSERT INTO articles (id, content_hash, text, title, url, outlet, published, published_precision,"
                " language, encoding, format, input, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article_id, content_hash, article.text, article.title, article.url, article.outlet,
                 article.published, article.published_precision, language, article.encoding, article.format,
                 article.input, _now()),
            )
            self._resolve(article.input, article_id)
            connection.executemany(_INSERT_CLAIM, ((article_id, *row) for row in rows))
        return article_id

    def batch(self, limit: int = 64, seconds: float = 0.5) -> Batch:
        """A batch of writes in one transaction (`Batch.open`, `.wrote`, `.commit`)."""
        return Batch(self.connection, limit, seconds)

    def add_rejection(self, rejection: Rejection) -> None:
        """Record a rejection; the same input rejected again for the same reason is one row, open again."""
        self.connection.execute(
            "INSERT INTO rejections (input, reason, rejected_at) VALUES (?, ?, ?)"
            " ON CONFLICT (input, reason) DO UPDATE SET rejected_at = excluded.rejected_at,"
            " resolved_at = NULL, resolved_as = NULL",
            (rejection.input, rejection.reason, _now()),
        )

    def resolve_rejections(self, input_name: str, article_id: str) -> None:
        """An input rejected before that is now in the ledger (read by a newer version, or fixed): its
        rejections are kept as history, marked resolved by the article."""
        self._resolve(input_name, article_id)

    def _resolve(self, input_name: str, article_id: str) -> None:
        self.connection.execute(
            "UPDATE rejections SET resolved_at = ?, resolved_as = ? WHERE input = ? AND resolved_at IS NULL",
            (_now(), article_id, input_name),
        )

    # -- reading -----------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            table: self.connection.execute(f"SELECT COUNT(*) FROM {table}{where}").fetchone()[0]
            for table, where in (("articles", ""), ("claims", ""), ("rejections", " WHERE resolved_at IS NULL"))
        }

    def articles(self) -> Iterator[dict[str, Any]]:
        for row in self.connection.execute(
            "SELECT id, title, outlet, published, published_precision, language, encoding, format, input,"
            " length(text) AS chars, (SELECT COUNT(*) FROM claims WHERE claims.article = articles.id) AS claims"
            " FROM articles ORDER BY id"
        ):
            yield dict(row)

    def article_text(self, article_id: str) -> str | None:
        row = self.connection.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def rejections(self, include_resolved: bool = False) -> Iterator[dict[str, Any]]:
        """Rejections still open (or all, with those a later ingest resolved)."""
        sql = "SELECT input, reason, rejected_at, resolved_at, resolved_as FROM rejections"
        if not include_resolved:
            sql += " WHERE resolved_at IS NULL"
        for row in self.connection.execute(sql + " ORDER BY id"):
            yield dict(row)

    def claims(
        self, measure: str | None = None, actor: str | None = None, article: str | None = None,
        since: str | None = None, until: str | None = None, qualifier: str | None = None,
        modality: str | None = None,
    ) -> Iterator[Claim]:
        """Claims in article and text order, filtered; `since` keeps claims whose reference time (or
        publication date) is on or after an ISO date prefix, `until` those whose day is on or before
        an ISO day (claims with no time at all are kept)."""
        where, parameters = [], []
        for column, value in (("measure", measure), ("actor", actor), ("article", article),
                              ("qualifier", qualifier), ("modality", modality)):
            if value is not None:
                where.append(f"{column} = ?")
                parameters.append(value)
        if since is not None:
            where.append("COALESCE(reference_time, published) >= ?")
            parameters.append(since)
        if until is not None:
            where.append("substr(COALESCE(NULLIF(reference_time, ''), NULLIF(published, ''), ''), 1, 10) <= ?")
            parameters.append(until)
        sql = f"SELECT {', '.join(_CLAIM_COLUMNS)} FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article, span_start"
        for row in self.connection.execute(sql, parameters):
            record = dict(row)
            record["span"] = (record.pop("span_start"), record.pop("span_end"))
            yield Claim.from_dict(record)


_INSERT_CLAIM = f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) VALUES ({', '.join('?' * len(_CLAIM_COLUMNS))})"
_CLAIM_VALUES = attrgetter(*_CLAIM_COLUMNS[3:])  # the columns after article, span_start and span_end


def claim_rows(claims: Iterable[Claim]) -> Iterator[tuple[Any, ...]]:
    """Each claim as its row of `claims`, without the article (the id it is stored under goes first):
    plain tuples, cheap to send from a worker process and to write."""
    for claim in claims:
        start, end = claim.span
        yield (start, end, *_CLAIM_VALUES(claim))


def take_claim_rows(claims: list[Claim]) -> list[tuple[Any, ...]]:
    """`claim_rows` of `claims`, emptying the list as it goes: each Claim is dropped once its row is
    made, so the 60,000 claims of a 10 MB article are never held twice."""
    rows: list[tuple[Any, ...]] = []
    while claims:
        rows.extend(claim_rows([claims.pop()]))
    rows.reverse()
    return rows
