"""Reading and extraction ahead of the writer, in worker processes, results in input order.

The writer (the ledger's one connection) lists the inputs and cuts them into units: a few small files,
or a run of JSON Lines records as raw lines (not decoded, not parsed). A worker reads and decodes the
unit, checks the language, extracts each article and makes its wire-copy signature and story features
(`unit_results`), and sends back plain rows: the claims as the ledger's row tuples, not Claim objects.
The writer only stores. An article whose text the ledger already holds (a worker looks, reading the
ledger on its own connection) or that a unit holds twice comes back without that work, and so does a
unit whose worker failed: the writer then does exactly what one process does (it finds the duplicate,
or reads and extracts the unit itself), so the outcomes and the ledger are the same whatever the
number of jobs. With one job the same `unit_results` runs in the writer, an article at a time.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from kronika.article import Article, Rejection
from kronika.ingest.paths import FileInput, Skipped, StdinInput, display_name, expand_paths
from kronika.ingest.readers import JSONL_SUFFIXES, bounded_lines, read_input
from kronika.ingest.records import jsonl_record
from kronika.scale.wire import signature

if TYPE_CHECKING:
    from kronika.api import Options
    from kronika.claim import Claim
    from kronika.ingest.warc import WarcRecord
    from kronika.reconcile.context import ClaimContext
    from kronika.reconcile.stories import ArticleFeatures

log = logging.getLogger(__name__)

ClaimRows = list[tuple[Any, ...]]  # kronika.ledger.store.claim_rows: a claim's columns after `article`
Extracted = ClaimRows | Rejection
UNIT_BYTES = 64_000  # a unit's input: some 25 news articles, a fraction of a second of a worker's time
UNIT_FILES = 32
AHEAD_PER_JOB = 3  # units in flight per worker: enough to hide the writer, little memory
WAIT_SECONDS = 0.5  # the writer waiting this long for a worker commits its open batch first
ISOLATE_CHARS = 1_000_000  # a text this long is extracted in a process of its own, even with one job


@dataclass(frozen=True, slots=True)
class Ahead:
    """What was done for one article before the writer stores it: its claims as ledger rows (or its
    rejection), its wire-copy signature and its story features (under the article's own id; the writer
    files them under the id it stores the article with), its content hash, and the reconciliation
    context of each claim (in the claims' text order), which is the article's alone."""

    extracted: Extracted
    signature: np.ndarray | None
    features: ArticleFeatures | None = None
    content_hash: str | None = None
    contexts: tuple[ClaimContext, ...] | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """Inputs read together: whole files, the raw lines of JSON Lines records (`lines`: line number and
    bytes, of the file `name` with stem `stem`), or articles already read (standard input, WARC)."""

    files: tuple[FileInput, ...] = ()
    lines: tuple[tuple[int, bytes], ...] = ()
    name: str = ""
    stem: str = ""
    articles: tuple[Article | Rejection, ...] = ()
    records: tuple[WarcRecord, ...] = ()  # HTML responses of a WARC archive, not yet read
    size: int = 0


@dataclass
class _Entry:
    item: Skipped | Rejection | Unit
    future: Future[list[tuple[Article | Rejection, Ahead | None]]] | None = None
    tried: bool = False  # sent to a worker (a failed submission is not tried again)

    def ready(self) -> bool:
        return not isinstance(self.item, Unit) or (self.future is not None and self.future.done())


def input_units(paths: Iterable[str | Path], ledger: Path | None, max_bytes: int,
                stdin_format: str = "text") -> Iterator[Skipped | Rejection | Unit]:
    """Every input in order: skipped or rejected while listing, or in a unit. Small files are grouped,
    a JSON Lines file is cut into runs of raw lines, a WARC archive into runs of its HTML responses
    (unread); standard input is read here (it is one stream) and its articles grouped."""
    from kronika.ingest.readers import is_warc

    files: list[FileInput] = []
    size = 0
    for item in expand_paths(paths, ledger):
        if isinstance(item, FileInput) and not is_warc(item.path) and item.path.suffix.lower() not in JSONL_SUFFIXES:
            files.append(item)
            size += _size(item.path)
            if size >= UNIT_BYTES or len(files) >= UNIT_FILES:
                yield Unit(files=tuple(files), size=size)
                files, size = [], 0
            continue
        if files:
            yield Unit(files=tuple(files), size=size)
            files, size = [], 0
        if isinstance(item, Skipped | Rejection):
            yield item
        elif isinstance(item, StdinInput):
            yield from _read_units(item, max_bytes, stdin_format)
        elif is_warc(item.path):
            yield from _warc_units(item, max_bytes)
        else:
            yield from _jsonl_units(item, max_bytes)
    if files:
        yield Unit(files=tuple(files), size=size)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _jsonl_units(item: FileInput, max_bytes: int) -> Iterator[Rejection | Unit]:
    """The records of a JSON Lines file as raw lines (numbered as `read_jsonl` numbers them), a unit of
    about UNIT_BYTES at a time; the file's own rejections as `read_input` gives them."""
    try:
        handle = item.path.open("rb")
    except OSError as error:
        yield Rejection(item.name, f"cannot read: {error.strerror or error}")
        return
    stem = display_name(item.path.stem)
    lines: list[tuple[int, bytes]] = []
    size, records = 0, 0
    with handle:
        try:
            for number, raw in enumerate(bounded_lines(handle, max_bytes), start=1):
                if not raw.strip():
                    continue
                records += 1
                lines.append((number, raw))
                size += len(raw)
                if size >= UNIT_BYTES:
                    yield Unit(lines=tuple(lines), name=item.name, stem=stem, size=size)
                    lines, size = [], 0
        except Exception as error:  # an OS error mid-file costs the rest of that input, as in read_input
            log.exception("reading %s failed", item.name)
            if lines:
                yield Unit(lines=tuple(lines), name=item.name, stem=stem, size=size)
            yield Rejection(item.name, f"cannot read: {type(error).__name__}: {error}"[:300])
            return
    if lines:
        yield Unit(lines=tuple(lines), name=item.name, stem=stem, size=size)
    if not records:
        yield Rejection(item.name, "empty file")


def _warc_units(item: FileInput, max_bytes: int) -> Iterator[Rejection | Unit]:
    """A WARC archive's HTML responses, unread, a unit of about UNIT_BYTES at a time; the archive's own
    rejections as `read_input` gives them."""
    from kronika.ingest.warc import warc_records

    records: list[WarcRecord] = []
    size = 0
    try:
        for record in warc_records(item.path, item.name, max_bytes):
            if isinstance(record, Rejection):
                if records:
                    yield Unit(records=tuple(records), size=size)
                    records, size = [], 0
                yield record
                continue
            records.append(record)
            size += len(record.data)
            if size >= UNIT_BYTES or len(records) >= UNIT_FILES:
                yield Unit(records=tuple(records), size=size)
                records, size = [], 0
    except Exception as error:  # a broken archive costs the rest of that input, as in read_input
        log.exception("reading %s failed", item.name)
        if records:
            yield Unit(records=tuple(records), size=size)
        yield Rejection(item.name, f"cannot read: {type(error).__name__}: {error}"[:300])
        return
    if records:
        yield Unit(records=tuple(records), size=size)


def _read_units(item: StdinInput, max_bytes: int, stdin_format: str) -> Iterator[Unit]:
    """Standard input, read here (it is one stream), its articles and rejections in units."""
    results: list[Article | Rejection] = []
    size = 0
    for result in read_input(item, max_bytes, stdin_format):
        results.append(result)
        size += len(result.text) if isinstance(result, Article) else 0
        if size >= UNIT_BYTES or len(results) >= UNIT_FILES:
            yield Unit(articles=tuple(results), size=size)
            results, size = [], 0
    if results:
        yield Unit(articles=tuple(results), size=size)


def extract_and_sign(article: Article, budget: float | None) -> Ahead:
    """The work of one article that needs no ledger."""
    from kronika.api import extract_guarded
    from kronika.ledger.store import take_claim_rows

    extracted = extract_guarded(article, budget)
    if isinstance(extracted, Rejection):
        return Ahead(extracted, None)
    contexts = claim_contexts(extracted, article)
    return Ahead(take_claim_rows(extracted), signature(article.text), story_features(article), contexts=contexts)


# Above this many claims an article's contexts are left to reconciliation: the writer would hold them
# until the ingest ends.
CONTEXT_CLAIMS = 2000


def claim_contexts(claims: list[Claim], article: Article) -> tuple[ClaimContext, ...] | None:
    """The reconciliation context of each claim, in text order (by span, as reconciliation orders the
    article's stored claims), worked out here, in the worker, rather than in the writer's reconciliation
    at the end of the ingest; None when it fails or the article has very many claims (reconciliation
    then works it out itself)."""
    from kronika.reconcile.context import article_contexts

    if len(claims) > CONTEXT_CLAIMS:
        return None
    try:
        return tuple(article_contexts(sorted(claims, key=lambda c: c.span)))
    except Exception:  # noqa: BLE001 - reconciliation works the contexts out again and reports what fails
        log.exception("could not work out the claim contexts of %s", article.input)
        return None


def story_features(article: Article) -> ArticleFeatures:
    """The article's story features, as reconciliation would read them from its stored row."""
    from kronika.reconcile.stories import article_features

    return article_features(article.id, article.text, article.published, article.title)


Result = tuple[Article | Rejection, Ahead | None]


def unit_results(unit: Unit, options: Options, seen: Callable[[str], bool],
                 before_long: Callable[[Article], None] | None = None,
                 extract: Callable[[Article], Ahead] | None = None) -> Iterator[Result]:
    """Each input of `unit` read (an article, dated `options.published` when it has none, or a
    rejection) with the work done for it (by `extract`, `extract_and_sign` unless given), or None when
    `seen` says the ledger holds its text already or the unit held the same text before. `before_long`
    hears of an article about to be extracted whose text is long (the writer commits its open batch
    rather than hold the lock meanwhile)."""
    from kronika.api import LONG_TEXT, with_default_date

    hashes: set[str] = set()
    for result in _read(unit, options):
        if isinstance(result, Rejection):
            yield result, None
            continue
        article = with_default_date(result, options.published)
        content_hash = article.content_hash
        if content_hash in hashes or seen(content_hash):
            yield article, None
            continue
        hashes.add(content_hash)
        if before_long is not None and len(article.text) > LONG_TEXT:
            before_long(article)
        ahead = extract(article) if extract is not None else extract_and_sign(article, options.time_budget)
        yield article, Ahead(ahead.extracted, ahead.signature, ahead.features, content_hash, ahead.contexts)


def _read(unit: Unit, options: Options) -> Iterator[Article | Rejection]:
    yield from unit.articles
    for item in unit.files:
        yield from read_input(item, options.max_bytes, options.stdin_format)
    for number, raw in unit.lines:
        yield jsonl_record(raw, f"{unit.name}:{number}", unit.stem, number, options.max_bytes)
    if unit.records:
        from kronika.ingest.warc import record_article  # warcio only where there are archives

        for record in unit.records:
            yield record_article(record, options.max_bytes)


_LEDGERS: dict[str, sqlite3.Connection | None] = {}


def _seen_in(ledger: str) -> Callable[[str], bool]:
    """Whether the ledger holds a text, asked on this worker's own read-only connection (WAL: the writer
    is not disturbed); a ledger that cannot be read answers no, and the writer finds out itself."""
    if ledger not in _LEDGERS:
        try:
            connection: sqlite3.Connection | None = sqlite3.connect(f"{Path(ledger).absolute().as_uri()}?mode=ro",
                                                                    uri=True, timeout=5)
        except sqlite3.Error:
            connection = None
        _LEDGERS[ledger] = connection

    def seen(content_hash: str) -> bool:
        connection = _LEDGERS.get(ledger)
        if connection is None:
            return False
        try:
            found = connection.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        except sqlite3.Error:
            return False
        return found is not None

    return seen


WATCH_SECONDS = 1.0  # how often a worker looks whether its writer still runs


def watch_writer(writer: int) -> None:
    """A worker's initializer: a thread that ends the worker once the writer that started it is gone.
    A writer killed (kill -9, out of memory) would otherwise leave its workers waiting for work for
    ever, each holding its memory, and the fork server with them (it stays while any worker does)."""
    def watch() -> None:
        while _running(writer):
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="kronika-writer-watch", daemon=True).start()


def _running(pid: int) -> bool:
    """Whether process `pid` still runs: a zombie (killed, not yet reaped by its parent) does not."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc here: ask the system whether the id exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            pass
        return True


def work_unit(unit: Unit, options: Options, ledger: str) -> list[tuple[Article | Rejection, Ahead | None]]:
    """`unit_results` in a worker process."""
    return list(unit_results(unit, options, _seen_in(ledger)))


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class ExtractionPool:
    """`jobs` worker processes (none for one job), started when a second unit arrives, so a single
    small input costs no start-up; until they are up the writer does the units itself."""

    def __init__(self, jobs: int, options: Options, ledger: Path) -> None:
        self.jobs = max(1, jobs)
        self.options = options
        self.ledger = str(ledger)
        self._executor: ProcessPoolExecutor | None = None
        self._ready = threading.Event()  # set once the workers are up (or could not be started)
        self._starter: threading.Thread | None = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *_: object) -> None:
        if self._starter is not None:
            self._starter.join()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def results(self, items: Iterable[Skipped | Rejection | Unit], seen: Callable[[str], bool],
                before_long: Callable[[Article], None], before_wait: Callable[[], None],
                ) -> Iterator[tuple[Skipped | Rejection | Article, Ahead | None]]:
        """Every input in order, each article with the work done for it ahead (or None). `seen` and
        `before_long` are `unit_results`'; `before_wait` runs when the writer has waited WAIT_SECONDS
        for a worker and waits on (it commits the open batch: the write lock is not held meanwhile)."""
        if self.jobs == 1:
            for item in items:
                if isinstance(item, Unit):
                    yield from unit_results(item, self.options, seen, before_long, self._extract_here)
                else:
                    yield item, None
            return
        pending: deque[_Entry] = deque()
        inputs = iter(items)
        units = 0

        def top_up() -> None:
            """Between the articles of a unit the writer does itself: once the workers are up, the next
            inputs are listed and sent to them now, not after the writer's unit (they would wait idle)."""
            nonlocal units
            if not self._ready.is_set() or self._executor is None:
                return
            while len(pending) < self.jobs * AHEAD_PER_JOB and (item := next(inputs, None)) is not None:
                pending.append(_Entry(item))
                units += isinstance(item, Unit)
            self._send(pending)

        for item in inputs:
            pending.append(_Entry(item))
            if isinstance(item, Unit):
                units += 1
                if units == 2:  # more than one unit: start the workers, in the background
                    self._start()
            self._send(pending)
            # the first unit waits for the next input: a second unit starts the workers before the
            # writer begins the first itself
            while pending and (len(pending) > self.jobs * AHEAD_PER_JOB or pending[0].ready()
                               or (units > 1 and self._starting(pending[0]))):
                yield from self._results(pending.popleft(), seen, before_long, before_wait, top_up)
        while pending:
            self._send(pending)
            yield from self._results(pending.popleft(), seen, before_long, before_wait, top_up)

    def _start(self) -> None:
        """Start the workers in a thread of this process: the fork server's start (importing kronika and
        warming it up, half a second) runs on one core while the writer reads and extracts the first
        units itself on the other."""
        def start() -> None:
            try:
                executor = ProcessPoolExecutor(self.jobs, mp_context=self._context(), initializer=watch_writer,
                                               initargs=(os.getpid(),))
                for started in [executor.submit(os.getpid) for _ in range(self.jobs)]:  # one process each
                    started.result()
                self._executor = executor
            except Exception:  # no workers: the writer reads and extracts everything itself
                log.warning("could not start the worker processes; extracting in the main process", exc_info=True)
            finally:
                self._ready.set()

        self._starter = threading.Thread(target=start, name="kronika-workers-start", daemon=True)
        self._starter.start()

    def _starting(self, entry: _Entry) -> bool:
        """The entry is a unit no worker has, and the workers are not up (yet, or at all, or a single
        unit needs none): the writer does it now rather than wait."""
        return isinstance(entry.item, Unit) and entry.future is None and not self._ready.is_set()

    def _send(self, pending: deque[_Entry]) -> None:
        """Once the workers are up, every unit not yet sent goes to them."""
        if self._ready.is_set() and self._executor is not None:
            for entry in pending:
                if isinstance(entry.item, Unit) and entry.future is None and not entry.tried:
                    self._submit(entry)

    def _submit(self, entry: _Entry) -> None:
        assert isinstance(entry.item, Unit) and self._executor is not None
        entry.tried = True
        try:
            entry.future = self._executor.submit(work_unit, entry.item, self.options, self.ledger)
        except Exception:  # a broken pool (a worker killed): the writer reads and extracts it itself
            log.warning("worker pool unavailable, reading the next inputs in the main process", exc_info=True)

    @staticmethod
    def _context() -> multiprocessing.context.BaseContext:
        # forkserver: workers fork from a clean server with kronika imported and warmed up
        # (kronika.scale.warm), never from this process with its open ledger and progress-bar thread.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kronika.api", "kronika.scale.warm"])
        return context

    def _results(self, entry: _Entry, seen: Callable[[str], bool], before_long: Callable[[Article], None],
                 before_wait: Callable[[], None], between: Callable[[], None],
                 ) -> Iterator[tuple[Skipped | Rejection | Article, Ahead | None]]:
        item = entry.item
        if not isinstance(item, Unit):
            yield item, None
            return
        if entry.future is not None:
            try:
                try:
                    done = entry.future.result(timeout=WAIT_SECONDS)
                except TimeoutError:
                    before_wait()
                    done = entry.future.result()
            except Exception:  # the worker died (killed, out of memory): the writer does the unit itself
                log.warning("a worker failed on %s; reading it in the main process", _unit_name(item), exc_info=True)
            else:
                yield from done
                return
        for result in unit_results(item, self.options, seen, before_long, self._extract_here):
            yield result
            between()  # `results`' top_up: the workers get the next units as soon as they are up

    def _extract_here(self, article: Article) -> Ahead:
        """An article's work done by the writer: in a process of its own when the text is very long."""
        if len(article.text) > ISOLATE_CHARS:
            ahead = self._isolated(article)
            if ahead is not None:
                return ahead
        return extract_and_sign(article, self.options.time_budget)

    def _isolated(self, article: Article) -> Ahead | None:
        """The work of one very long article in a worker process that ends after it: the writer never
        holds the extraction's working memory (some 200 MB for a 10 MB text, which Python's allocator
        would keep for the rest of the ingest), only the claim rows that come back. None when the
        worker fails: the writer then extracts it itself, as a failed worker's unit."""
        try:
            with ProcessPoolExecutor(1, mp_context=self._context(), max_tasks_per_child=1, initializer=watch_writer,
                                     initargs=(os.getpid(),)) as one:
                return one.submit(extract_and_sign, article, self.options.time_budget).result()
        except Exception:
            log.warning("the worker extracting %s failed; extracting it in the main process", article.input,
                        exc_info=True)
            return None


def _unit_name(unit: Unit) -> str:
    if unit.files:
        return ", ".join(item.name for item in unit.files)
    return unit.name or ", ".join(getattr(a, "input", "") for a in unit.articles)
