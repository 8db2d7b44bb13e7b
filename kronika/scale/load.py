"""`kronika load`: Parquet shards written by `kronika batch` into the ledger, partition by partition in
input order, each article with its claims written atomically (a savepoint in a batch of articles, as
an ingest writes them, so the full-text index is filled a batch at a time). An article whose content
is already in the ledger is skipped, so loading the same shards again (or two overlapping batches)
adds nothing."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kronika.article import Article, Rejection
from kronika.claim import Claim
from kronika.ledger import Ledger
from kronika.ledger.store import Batch, statement_journals_in_memory
from kronika.scale.shards import complete_partitions, read_shards
from kronika.scale.wire import link_stored

_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
BATCH_ARTICLES, BATCH_SECONDS = 64, 0.5  # as kronika.api's ingest


@dataclass
class LoadSummary:
    partitions: int = 0
    articles: int = 0
    duplicates: int = 0
    claims: int = 0
    rejections: int = 0


def load_shards(out: Path, ledger: Ledger, on_partition: Callable[[str], None] | None = None) -> LoadSummary:
    """Every complete partition into the ledger; then the ledger's stories, figures and conflicts are
    rebuilt once (not per partition), as an ingest does at its end."""
    from kronika.reconcile.store import reconcile_after_ingest  # stories and figures: only where a ledger is written

    summary = LoadSummary()
    batch = ledger.batch(BATCH_ARTICLES, BATCH_SECONDS)
    with statement_journals_in_memory(ledger.connection):  # the writes' statement journals: no file each
        try:
            for partition in complete_partitions(out):
                _load_partition(out, partition, ledger, summary, batch)
                batch.commit()
                summary.partitions += 1
                if on_partition:
                    on_partition(partition)
        finally:
            batch.commit()  # whole articles (each a savepoint): keep them
    if summary.articles:
        reconcile_after_ingest(ledger)
    return summary


def _load_partition(out: Path, partition: str, ledger: Ledger, summary: LoadSummary, batch: Batch) -> None:
    claims: dict[int, list[Claim]] = defaultdict(list)
    for row in read_shards(out, "claims", partition):
        claims[row["article_row"]].append(_claim(row))
    for row in read_shards(out, "articles", partition):
        article = Article(**{name: row[name] for name in _ARTICLE_FIELDS})
        batch.open()
        stored = ledger.add_article(article, claims[row["row"]])
        if stored is None:
            summary.duplicates += 1
        else:
            link_stored(ledger.connection, stored, article.text)
            summary.articles += 1
            summary.claims += len(claims[row["row"]])
        batch.wrote()
    for row in read_shards(out, "rejections", partition):
        batch.open()
        ledger.add_rejection(Rejection(row["input"], row["reason"]))
        summary.rejections += 1
        batch.wrote()


def _claim(row: dict[str, Any]) -> Claim:
    record = dict(row)
    record["span"] = (record.pop("span_start"), record.pop("span_end"))
    return Claim.from_dict(record)
