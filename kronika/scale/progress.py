"""How many outcomes an ingest will have, for a progress bar per article rather than per file."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kronika.ingest.paths import FileInput, StdinInput, expand_paths
from kronika.ingest.readers import JSONL_SUFFIXES


def expected_outcomes(paths: Iterable[str | Path], ledger: Path | None = None) -> int | None:
    """One per file, one per non-blank JSON Lines record (a pass over those files, reading lines,
    not parsing them); None when standard input is among the inputs (it cannot be read twice)."""
    total = 0
    for item in expand_paths(paths, ledger):
        if isinstance(item, StdinInput):
            return None
        if isinstance(item, FileInput) and item.path.suffix.lower() in JSONL_SUFFIXES:
            total += max(1, _records(item.path))
        else:
            total += 1
    return total


def _records(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1  # it will be one rejection
