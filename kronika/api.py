"""The Python API behind the CLI: ingest paths into a ledger, with a summary of what happened."""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kronika.article import Article, Rejection
from kronika.ingest import DEFAULT_MAX_BYTES, check_language
from kronika.ingest.paths import expand_paths
from kronika.ingest.readers import read_path
from kronika.ledger import Ledger
from kronika.pipeline import extract_article

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    claims: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def reasons(self) -> Counter[str]:
        return Counter(r.reason.split(":")[0] for r in self.rejected)


def ingest(
    paths: Iterable[str | Path], ledger: Ledger, max_bytes: int = DEFAULT_MAX_BYTES,
    on_result: Callable[[Article | Rejection, str], None] | None = None,
    on_file: Callable[[Path | str], None] | None = None,
) -> IngestSummary:
    """Read, extract and store every article under `paths`. Bad input is recorded as rejected with its
    reason and never stops the batch. `on_result(result, status)` sees each article or rejection with
    status "ingested", "duplicate" or "rejected"; `on_file` is called after each input file."""
    summary = IngestSummary()
    for path in expand_paths(paths):
        missing = isinstance(path, str)
        results = [Rejection(str(path), "no such file or directory")] if missing else read_path(Path(path), max_bytes)
        for result in results:
            status = _ingest_one(result, ledger, summary)
            if on_result:
                on_result(result, status)
        if on_file:
            on_file(path)
    return summary


def _ingest_one(result: Article | Rejection, ledger: Ledger, summary: IngestSummary) -> str:
    if isinstance(result, Article):
        if ledger.article_id_for_hash(result.content_hash):
            summary.duplicates += 1
            return "duplicate"
        checked = check_language(result)
        if isinstance(checked, Article):
            try:
                claims = extract_article(checked)
            except Exception as error:  # an extraction bug must not stop the batch; the input is kept as rejected
                log.exception("extraction failed on %s", checked.input)
                result = Rejection(checked.input, f"extraction failed: {type(error).__name__}: {error}"[:300])
            else:
                if ledger.add_article(checked, claims) is None:
                    summary.duplicates += 1
                    return "duplicate"
                summary.ingested += 1
                summary.claims += len(claims)
                return "ingested"
        else:
            result = checked
    ledger.add_rejection(result)
    summary.rejected.append(result)
    return "rejected"
