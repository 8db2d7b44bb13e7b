"""One partition's extraction written as Parquet shards: `articles/`, `claims/` and `rejections/` under
the output folder, one file each per partition, which DuckDB, pandas or Spark read as tables.

Writing is idempotent: each file is written under a temporary name and renamed into place, the
articles file last, so a partition whose articles file exists is complete and is skipped by a rerun;
a worker killed half-way leaves only temporary files, and its partition is simply done again.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kronika.article import Article, Rejection
from kronika.claim import CLAIM_FIELDS, Claim
from kronika.ingest.budget import DEFAULT_TIME_BUDGET
from kronika.ingest.paths import FileInput, display_name
from kronika.ingest.readers import DEFAULT_MAX_BYTES, bounded_lines, read_input
from kronika.ingest.records import jsonl_record
from kronika.scale.partitions import Partition, Piece

TABLES = ("rejections", "claims", "articles")  # the order they are renamed in: articles marks completion
_TEXT = pa.string()
ARTICLE_SCHEMA = pa.schema(
    [("row", pa.int32()), ("content_hash", _TEXT)] + [(f.name, _TEXT) for f in fields(Article)]
)
_CLAIM_TYPES = {"value": pa.float64(), "value_max": pa.float64(), "low": pa.float64(), "high": pa.float64()}
CLAIM_SCHEMA = pa.schema(
    [("article_row", pa.int32()), ("content_hash", _TEXT), ("span_start", pa.int64()), ("span_end", pa.int64())]
    + [(name, _CLAIM_TYPES.get(name, _TEXT)) for name in CLAIM_FIELDS if name != "span"]
)
REJECTION_SCHEMA = pa.schema([("input", _TEXT), ("reason", _TEXT)])


@dataclass(frozen=True, slots=True)
class BatchOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    time_budget: float | None = DEFAULT_TIME_BUDGET  # CPU seconds per article, in a Dask worker's thread too
    published: str | None = None


@dataclass(frozen=True, slots=True)
class PartitionResult:
    name: str
    written: bool  # False: found complete from an earlier run, left as it was
    articles: int = 0
    claims: int = 0
    rejections: int = 0


def shard_path(out: Path, table: str, partition: str) -> Path:
    return out / table / f"{partition}.parquet"


def is_complete(out: Path, partition: str) -> bool:
    return shard_path(out, "articles", partition).exists()


def run_partition(partition: Partition, out: str, options: BatchOptions) -> PartitionResult:
    """Read, check and extract every input of `partition` and write its three shards (a task for a
    Dask worker or a process: everything it needs travels in its arguments)."""
    from kronika.api import extract_guarded, with_default_date

    folder = Path(out)
    if is_complete(folder, partition.name):
        return PartitionResult(partition.name, written=False)
    articles: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    rejections: list[dict[str, Any]] = []
    for result in _read(partition.pieces, options.max_bytes):
        if isinstance(result, Rejection):
            rejections.append({"input": result.input, "reason": result.reason})
            continue
        article = with_default_date(result, options.published)
        extracted = extract_guarded(article, options.time_budget)
        if isinstance(extracted, Rejection):
            rejections.append({"input": extracted.input, "reason": extracted.reason})
            continue
        row, content_hash = len(articles), article.content_hash
        articles.append({"row": row, "content_hash": content_hash,
                         **{f.name: getattr(article, f.name) for f in fields(Article)}})
        claims.extend(_claim_row(claim, row, content_hash) for claim in extracted)
    tables = {"rejections": pa.Table.from_pylist(rejections, REJECTION_SCHEMA),
              "claims": pa.Table.from_pylist(claims, CLAIM_SCHEMA),
              "articles": pa.Table.from_pylist(articles, ARTICLE_SCHEMA)}
    for table in TABLES:
        _write_atomically(tables[table], shard_path(folder, table, partition.name))
    return PartitionResult(partition.name, True, len(articles), len(claims), len(rejections))


def _claim_row(claim: Claim, row: int, content_hash: str) -> dict[str, Any]:
    record = claim.to_dict()
    record["span_start"], record["span_end"] = record.pop("span")
    return {"article_row": row, "content_hash": content_hash, **record}


def _write_atomically(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def _read(pieces: tuple[Piece, ...], max_bytes: int) -> Iterator[Article | Rejection]:
    for piece in pieces:
        if piece.reason is not None:
            yield Rejection(piece.name, piece.reason)
        elif piece.stop is None:
            yield from read_input(FileInput(Path(piece.path), piece.name), max_bytes)
        else:
            yield from _jsonl_range(piece, max_bytes)


def _jsonl_range(piece: Piece, max_bytes: int) -> Iterator[Article | Rejection]:
    """The records of a byte range of a JSON Lines file, named `file:line` as a whole-file read names them."""
    stem = display_name(Path(piece.path).stem)
    try:
        handle = open(piece.path, "rb")  # closed below; a failure to open is this piece's rejection
    except OSError as error:
        yield Rejection(piece.name, f"cannot read: {error.strerror or error}")
        return
    with handle:
        handle.seek(piece.start)
        for number, raw in enumerate(bounded_lines(handle, max_bytes, piece.stop or 0), start=piece.first_line):
            if raw.strip():
                yield jsonl_record(raw, f"{piece.name}:{number}", stem, number, max_bytes)


def read_shards(out: Path, table: str, partition: str) -> list[dict[str, Any]]:
    return pq.read_table(shard_path(out, table, partition)).to_pylist()


def complete_partitions(out: Path) -> list[str]:
    """The partitions whose shards are all written, in input order."""
    folder = out / "articles"
    if not folder.is_dir():
        return []
    return sorted(p.name.removesuffix(".parquet") for p in folder.glob("part-*.parquet"))
