"""The inputs of a batch cut into partitions that workers read themselves: whole files, and large JSON
Lines files in byte ranges that end at line ends. A partition is named by what it holds (paths, ranges,
sizes, modification times), so a rerun over unchanged inputs finds the partitions already written."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from kronika.article import Rejection
from kronika.ingest.paths import FileInput, Skipped, StdinInput, expand_paths
from kronika.ingest.readers import JSONL_SUFFIXES

DEFAULT_PARTITION_BYTES = 1_000_000  # ~300 news articles: seconds of work, a few hundred KB of Parquet
_COUNT_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Piece:
    """A whole file (`stop` None), a byte range of a JSON Lines file whose first line is `first_line`,
    or an input already rejected while listing (`reason`)."""

    path: str
    name: str
    start: int = 0
    stop: int | None = None
    first_line: int = 1
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Partition:
    name: str
    pieces: tuple[Piece, ...]


def plan(arguments: Iterable[str | Path], target_bytes: int = DEFAULT_PARTITION_BYTES) -> Iterator[Partition | Skipped]:
    """Partitions of about `target_bytes` each, in input order; inputs skipped on purpose as they are."""
    pieces: list[tuple[Piece, int]] = []
    size, index = 0, 0
    for item in expand_paths(arguments):
        if isinstance(item, Skipped):
            yield item
            continue
        if isinstance(item, StdinInput):
            item = Rejection(item.name, "standard input cannot be partitioned: batch reads files")
        for piece, piece_size, stamp in _pieces(item, target_bytes):
            if pieces and size + piece_size > target_bytes:
                yield _partition(index, pieces)
                pieces, size, index = [], 0, index + 1
            pieces.append((piece, stamp))
            size += piece_size
    if pieces:
        yield _partition(index, pieces)


def _pieces(item: FileInput | Rejection, target_bytes: int) -> Iterator[tuple[Piece, int, int]]:
    if isinstance(item, Rejection):
        yield Piece(item.input, item.input, reason=item.reason), 0, 0
        return
    try:
        status = item.path.stat()
    except OSError as error:
        yield Piece(str(item.path), item.name, reason=f"cannot read: {error.strerror or error}"), 0, 0
        return
    stamp = status.st_mtime_ns
    if item.path.suffix.lower() not in JSONL_SUFFIXES or status.st_size <= target_bytes:
        yield Piece(str(item.path), item.name), status.st_size, stamp
        return
    for start, stop, first_line in _line_ranges(item.path, status.st_size, target_bytes):
        yield Piece(str(item.path), item.name, start, stop, first_line), stop - start, stamp


def _line_ranges(path: Path, size: int, target_bytes: int) -> Iterator[tuple[int, int, int]]:
    """Byte ranges of about `target_bytes` that end after a newline, with the number of their first line."""
    with path.open("rb") as handle:
        start, line = 0, 1
        while start < size:
            handle.seek(min(start + target_bytes, size))
            handle.readline()
            stop = handle.tell()
            yield start, stop, line
            line += _newlines(handle, start, stop)
            start = stop


def _newlines(handle: BinaryIO, start: int, stop: int) -> int:
    handle.seek(start)
    count, left = 0, stop - start
    while left > 0:
        chunk = handle.read(min(_COUNT_CHUNK, left))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
    return count


def _partition(index: int, pieces: list[tuple[Piece, int]]) -> Partition:
    """Named by its place (shards load in input order) and a digest of what it holds."""
    described = json.dumps([[asdict(piece), stamp] for piece, stamp in pieces], sort_keys=True)
    digest = hashlib.sha256(described.encode()).hexdigest()[:12]
    return Partition(f"part-{index:06d}-{digest}", tuple(piece for piece, _ in pieces))
