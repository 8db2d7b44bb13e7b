"""Extraction ahead of the writer, in worker processes, results in input order.

The reader and the single writer (the ledger) stay in the calling process; only `extract_guarded`, a
pure function of one article, the article's wire-copy signature and its story features run in the
workers. Each item
comes back with that work, or with None when it was not done ahead (not an article, already in the
ledger, a copy of one in flight, or a worker failed): the caller then does exactly what one process
does, so the outcomes and the ledger are the same whatever the number of jobs.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from kronika.article import Article, Rejection
from kronika.claim import Claim
from kronika.scale.wire import signature

if TYPE_CHECKING:
    from kronika.reconcile.stories import ArticleFeatures

log = logging.getLogger(__name__)

T = TypeVar("T")
Extracted = list[Claim] | Rejection


@dataclass(frozen=True, slots=True)
class Ahead:
    """What a worker did for one article: its extraction, its wire-copy signature and its story features
    (under the article's own id; the writer files them under the id it stores the article with)."""

    extracted: Extracted
    signature: np.ndarray | None
    features: ArticleFeatures | None = None


def extract_and_sign(article: Article, budget: float | None) -> Ahead:
    """The work of one article that needs no ledger, done in a worker process (or by the writer itself
    with one job)."""
    from kronika.api import extract_guarded

    extracted = extract_guarded(article, budget)
    if isinstance(extracted, Rejection):
        return Ahead(extracted, None)
    return Ahead(extracted, signature(article.text), story_features(article))


def story_features(article: Article) -> ArticleFeatures:
    """The article's story features, as reconciliation would read them from its stored row."""
    from kronika.reconcile.stories import article_features

    return article_features(article.id, article.text, article.published, article.title)


AHEAD_PER_JOB = 8  # articles in flight per worker: enough to hide the writer, little memory


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class ExtractionPool:
    """`jobs` worker processes (none for one job), started when a second article arrives, so a
    single article costs no start-up."""

    def __init__(self, jobs: int, budget: float | None) -> None:
        self.jobs = max(1, jobs)
        self.budget = budget
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *_: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def ahead(self, items: Iterable[T], wanted: Callable[[Article], bool]) -> Iterator[tuple[T, Ahead | None]]:
        """Each item with its extraction when it is an article `wanted` says to extract."""
        if self.jobs == 1:
            yield from ((item, None) for item in items)
            return
        pending: deque[list] = deque()  # [item, future or None, content hash in flight or None]
        in_flight: set[str] = set()
        first: list | None = None  # the first article, sent to a worker only once a second one comes
        articles_seen = 0
        for item in items:
            entry: list = [item, None, None]
            if isinstance(item, Article):
                articles_seen += 1
                if articles_seen == 1:
                    first = entry  # a single article is extracted by the caller: no pool start-up
                else:
                    if first is not None:
                        self._ahead(first, wanted, in_flight)
                        first = None
                    self._ahead(entry, wanted, in_flight)
            pending.append(entry)
            while len(pending) > self.jobs * AHEAD_PER_JOB:
                done = pending.popleft()
                if done is first:
                    first = None  # yielded before a second article came: the caller extracts it
                yield self._result(done, in_flight)
        while pending:
            yield self._result(pending.popleft(), in_flight)

    def _ahead(self, entry: list, wanted: Callable[[Article], bool], in_flight: set[str]) -> None:
        """Send the entry's article to a worker unless one is extracting the same text or it is not wanted."""
        article = entry[0]
        if article.content_hash not in in_flight and wanted(article):
            entry[1] = self._submit(article)
            if entry[1] is not None:
                entry[2] = article.content_hash
                in_flight.add(article.content_hash)

    def _submit(self, article: Article) -> Future[Ahead] | None:
        try:
            return self._pool().submit(extract_and_sign, article, self.budget)
        except Exception:  # a broken pool (a worker killed): the caller extracts in this process
            log.warning("worker pool unavailable, extracting %s in the main process", article.input, exc_info=True)
            return None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # forkserver: workers fork from a clean server with kronika imported and warmed up
            # (kronika.scale.warm), never from this process with its open ledger and progress-bar thread.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["kronika.api", "kronika.scale.warm"])
            self._executor = ProcessPoolExecutor(self.jobs, mp_context=context)
        return self._executor

    def _result(self, entry: list, in_flight: set[str]) -> tuple[T, Ahead | None]:
        item, future, content_hash = entry
        if future is None:
            return item, None
        in_flight.discard(content_hash or "")
        try:
            return item, future.result()
        except Exception:  # the worker died (killed, out of memory): the caller extracts it itself
            log.warning("a worker failed on %s; extracting it in the main process", getattr(item, "input", item),
                        exc_info=True)
            return item, None
