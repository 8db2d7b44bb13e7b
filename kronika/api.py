"""The Python API behind the CLI: ingest inputs into a ledger, accounting for every one.

Each input (a file, a JSON Lines record, standard input) ends as exactly one outcome: ingested,
duplicate (of an article already in the ledger), rejected (with a reason, recorded in the ledger) or
skipped on purpose (with the rule that skipped it). Every stage — read, decode, hash, language,
extract, store — is guarded for each input: a failure becomes that input's rejection and the batch
goes on.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from kronika.article import Article, Rejection, precision_of, valid_published
from kronika.claim import Claim
from kronika.ingest import DEFAULT_MAX_BYTES, check_language
from kronika.ingest.budget import DEFAULT_TIME_BUDGET, BudgetExceeded, time_budget
from kronika.ingest.paths import Skipped
from kronika.ledger import Ledger
from kronika.ledger.store import Batch, statement_journals_in_memory, take_claim_rows
from kronika.pipeline import extract_article
from kronika.scale.pool import Ahead, ExtractionPool, input_units, story_features
from kronika.scale.wire import link_stored

if TYPE_CHECKING:
    from kronika.reconcile.context import ClaimContext

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

STATUSES = ("ingested", "duplicate", "rejected", "skipped")
STORE_ATTEMPTS = 5  # a ledger busy beyond its 30 s timeout is tried again this many times
# Inputs written in one transaction: fewer commits and full-text index flushes per article, a kill -9
# loses at most the open batch (a rerun stores it), another writer waits for the lock moments only.
BATCH_ARTICLES = 64
BATCH_SECONDS = 0.5
LONG_TEXT = 200_000  # characters: an article this long extracted by the writer is extracted outside a batch


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input. `detail` is the article id stored, the id duplicated, the reason
    rejected or the rule that skipped it."""

    input: str
    status: str
    detail: str = ""
    claims: int = 0


@dataclass(frozen=True, slots=True)
class Options:
    max_bytes: int = DEFAULT_MAX_BYTES
    time_budget: float | None = DEFAULT_TIME_BUDGET
    published: str | None = None  # the date of inputs that carry none
    stdin_format: str = "text"
    jobs: int = 1  # worker processes extracting ahead of the one writer; the outcomes are the same


@dataclass
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    claims: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def inputs(self) -> int:
        return self.ingested + self.duplicates + len(self.rejected) + len(self.skipped)

    def reasons(self) -> Counter[str]:
        return Counter(r.reason.split(":")[0] for r in self.rejected)

    def rules(self) -> Counter[str]:
        return Counter(s.rule for s in self.skipped)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "ingested":
            self.ingested += 1
            self.claims += outcome.claims
        elif outcome.status == "duplicate":
            self.duplicates += 1
        elif outcome.status == "rejected":
            self.rejected.append(Rejection(outcome.input, outcome.detail))
        else:
            self.skipped.append(Skipped(outcome.input, outcome.detail))


def ingest(
    paths: Iterable[str | Path], ledger: Ledger, max_bytes: int = DEFAULT_MAX_BYTES,
    on_outcome: Callable[[Outcome], None] | None = None, options: Options | None = None,
) -> IngestSummary:
    """Read, extract and store every input under `paths`; `on_outcome` sees each outcome as it happens."""
    options = options or Options(max_bytes=max_bytes)
    summary = IngestSummary()
    contexts: dict[str, tuple[ClaimContext, ...]] = {}  # stored article -> its claims' contexts, worked out ahead
    for outcome in ingest_outcomes(paths, ledger, options, contexts):
        summary.add(outcome)
        if on_outcome:
            on_outcome(outcome)
    from kronika.reconcile.store import reconcile_after_ingest  # stories and figures: only where a ledger is written

    if summary.ingested or _unreconciled(ledger):
        # stories, figures, conflicts tables; a failure is logged, the ingest kept
        reconcile_after_ingest(ledger, contexts)
    return summary


def _unreconciled(ledger: Ledger) -> bool:
    """Whether an article is in no story: an ingest that ended before its reconciliation (killed, or
    the reconciliation failed). A rerun that stores nothing new reconciles only then, rather than
    rebuild every figure of a large ledger for nothing."""
    try:
        return ledger.connection.execute(
            "SELECT 1 FROM articles WHERE NOT EXISTS (SELECT 1 FROM story_articles WHERE article = articles.id)"
            " LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return True


def ingest_outcomes(paths: Iterable[str | Path], ledger: Ledger, options: Options,
                    contexts: dict[str, tuple[ClaimContext, ...]] | None = None) -> Iterator[Outcome]:
    """The outcome of each input, stored as it comes; `contexts`, when given, gathers the claim contexts
    the workers worked out for the stored articles (for the reconciliation that follows)."""
    def seen(content_hash: str) -> bool:
        try:
            return ledger.article_id_for_hash(content_hash) is not None
        except sqlite3.Error:  # the writer looks again, guarded, before it stores
            return False

    with statement_journals_in_memory(ledger.connection):  # restored once the last batch is committed
        yield from _written_outcomes(paths, ledger, options, seen, contexts)


def _written_outcomes(paths: Iterable[str | Path], ledger: Ledger, options: Options,
                      seen: Callable[[str], bool], contexts: dict[str, tuple[ClaimContext, ...]] | None,
                      ) -> Iterator[Outcome]:
    batch = ledger.batch(BATCH_ARTICLES, BATCH_SECONDS)
    try:
        with ExtractionPool(options.jobs, options, ledger.path) as pool:
            units = input_units(paths, ledger.path, options.max_bytes, options.stdin_format)
            # a long extraction here must not hold the write lock, nor a long wait for a worker
            for item, ahead in pool.results(units, seen, lambda _: batch.commit(), batch.commit):
                if isinstance(item, Skipped):
                    outcome = Outcome(item.name, "skipped", item.rule)
                elif isinstance(item, Rejection):
                    _open(batch)
                    outcome = _reject(ledger, item)
                else:
                    if ahead is None and len(item.text) > LONG_TEXT:
                        batch.commit()
                    _open(batch)
                    outcome = _ingest_article(item, ledger, options, ahead)
                    _keep_contexts(contexts, outcome, ahead)
                batch.wrote()
                yield outcome
    finally:
        batch.commit()  # what is written is whole articles (each a savepoint): keep them


# Contexts of at most this many articles are held for the reconciliation after an ingest; it works out
# the rest itself (an archive's ingest must not hold all of them).
HELD_CONTEXTS = 200_000


def _keep_contexts(contexts: dict[str, tuple[ClaimContext, ...]] | None, outcome: Outcome,
                   ahead: Ahead | None) -> None:
    """The stored article's claim contexts, when its extraction worked them out for all its claims."""
    if contexts is None or ahead is None or ahead.contexts is None or outcome.status != "ingested" \
            or len(contexts) >= HELD_CONTEXTS or isinstance(ahead.extracted, Rejection) \
            or len(ahead.contexts) != len(ahead.extracted):
        return
    contexts[outcome.detail] = ahead.contexts


def _open(batch: Batch) -> None:
    """Open a batch; a ledger locked beyond the retries leaves none open (each write is then its own
    transaction, retried and, failing, that input's rejection, as without batches)."""
    try:
        _store_retrying(batch.open)
    except sqlite3.OperationalError:
        log.warning("ledger busy: writing the next input in its own transaction", exc_info=True)


def ingest_one(result: Article | Rejection, ledger: Ledger, options: Options) -> Outcome:
    """One article (or rejection) that arrived other than by a path, e.g. a feed item's page."""
    if isinstance(result, Rejection):
        return _reject(ledger, result)
    return _ingest_article(with_default_date(result, options.published), ledger, options, None)


def _ingest_article(article: Article, ledger: Ledger, options: Options, ahead: Ahead | None) -> Outcome:
    """Store `article`; `ahead` is its extraction (and signature) done before, or None to do it here."""
    try:
        content_hash = ahead.content_hash if ahead and ahead.content_hash else article.content_hash
        duplicate_of = _store_retrying(ledger.article_id_for_hash, content_hash)
    except Exception as error:
        return _reject(ledger, _failure(article.input, "hash and look-up", error))
    if duplicate_of:
        _store_retrying(ledger.resolve_rejections, article.input, duplicate_of)
        return Outcome(article.input, "duplicate", duplicate_of)
    if ahead is None:
        extracted = extract_guarded(article, options.time_budget)
        rows = extracted if isinstance(extracted, Rejection) else take_claim_rows(extracted)
    else:
        rows = ahead.extracted
    if isinstance(rows, Rejection):
        return _reject(ledger, rows)
    try:
        stored = _store_retrying(ledger.add_article_rows, article, rows, content_hash=content_hash)
        if stored is None:  # another ingest stored the same text since the look-up
            return Outcome(article.input, "duplicate", ledger.article_id_for_hash(content_hash) or "")
    except Exception as error:
        return _reject(ledger, _failure(article.input, "storing", error))
    _index(ledger, stored, article, ahead)
    return Outcome(article.input, "ingested", stored, len(rows))


def _index(ledger: Ledger, stored: str, article: Article, ahead: Ahead | None) -> None:
    """The stored article's wire-copy links and story features, in one transaction. A failure is logged
    and leaves the article stored (reconciliation makes the features of articles without them)."""
    from kronika.reconcile.store import store_features

    try:
        features = ahead.features if ahead and ahead.features else story_features(article)
    except Exception:
        log.exception("could not read the story features of %s", stored)
        features = None
    also = None if features is None else partial(store_features, f=replace(features, article=stored))
    link_stored(ledger.connection, stored, article.text, ahead.signature if ahead else None, also)


def extract_guarded(article: Article, budget: float | None = DEFAULT_TIME_BUDGET) -> list[Claim] | Rejection:
    """The language check and the claims of one article, or its rejection: a pure function of the
    article, so it can run in a worker process."""
    try:
        checked = check_language(article)
    except Exception as error:
        return _failure(article.input, "language check", error)
    if isinstance(checked, Rejection):
        return checked
    started = time.perf_counter()
    try:
        with time_budget(budget):
            claims = extract_article(checked)
    except BudgetExceeded as error:
        return Rejection(article.input, f"{error} ({len(article.text):,} characters)")
    except Exception as error:  # an extraction bug must not stop the batch; the input is kept as rejected
        return _failure(article.input, "extraction", error)
    log.info("extracted %d claims from %s in %.2f s", len(claims), article.input, time.perf_counter() - started)
    return claims


def with_default_date(article: Article, published: str | None) -> Article:
    """`article` dated `published` when it carries no date of its own."""
    if article.published or not published:
        return article
    return replace(article, published=published, published_precision=precision_of(published))


def parse_published(value: str | None) -> str | None:
    """An ISO date, month or year for `--published`; ValueError names what is accepted."""
    if value is None:
        return None
    checked = valid_published(value)
    if checked is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return checked


def _failure(name: str, stage: str, error: BaseException) -> Rejection:
    log.exception("%s failed on %s", stage, name)
    return Rejection(name, f"{stage} failed: {type(error).__name__}: {error}"[:300])


def _reject(ledger: Ledger, rejection: Rejection) -> Outcome:
    try:
        _store_retrying(ledger.add_rejection, rejection)
    except Exception:  # the ledger itself is failing: the rejection is still reported and counted
        log.exception("could not record the rejection of %s", rejection.input)
    return Outcome(rejection.input, "rejected", rejection.reason)


def _store_retrying(write: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`write`, tried again while SQLite says the ledger is locked by another writer."""
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            return write(*args, **kwargs)
        except sqlite3.OperationalError as error:
            if attempt == STORE_ATTEMPTS or "locked" not in str(error) and "busy" not in str(error):
                raise
            log.warning("ledger busy (%s), trying again", error)
            time.sleep(0.1 * attempt)
    raise AssertionError("unreachable")
