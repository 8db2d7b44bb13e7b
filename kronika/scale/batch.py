"""`kronika batch`: every partition of the inputs extracted into Parquet shards, by a Dask cluster (a
bag with one partition per task; an existing cluster, or a LocalCluster started here) or by worker
processes on this machine. Partitions already written are skipped, so a rerun after a failure
does only what is missing; Dask itself retries a task whose worker died."""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kronika.ingest.paths import Skipped
from kronika.scale.partitions import DEFAULT_PARTITION_BYTES, Partition, plan
from kronika.scale.shards import BatchOptions, PartitionResult, is_complete, run_partition

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")


@dataclass
class BatchSummary:
    partitions: int = 0
    written: int = 0
    already_written: int = 0
    articles: int = 0
    claims: int = 0
    rejections: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def add(self, result: PartitionResult) -> None:
        self.written += result.written
        self.already_written += not result.written
        self.articles += result.articles
        self.claims += result.claims
        self.rejections += result.rejections


def run_batch(
    inputs: Iterable[str | Path], out: Path, engine: str = "local", jobs: int = 1, scheduler: str | None = None,
    options: BatchOptions | None = None, partition_bytes: int = DEFAULT_PARTITION_BYTES,
    on_result: Callable[[PartitionResult], None] | None = None,
) -> BatchSummary:
    """Extract `inputs` into shards under `out`; `on_result` sees each partition as it is done."""
    options = options or BatchOptions()
    out.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    todo: list[Partition] = []
    for item in plan(inputs, partition_bytes):
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            continue
        summary.partitions += 1
        if is_complete(out, item.name):
            summary.already_written += 1
        else:
            todo.append(item)
    run = _run_dask if engine == "dask" else _run_local
    for result in run(todo, str(out), options, jobs, scheduler):
        summary.add(result)
        if on_result:
            on_result(result)
    return summary


def _run_local(todo: list[Partition], out: str, options: BatchOptions, jobs: int,
               _: str | None) -> Iterable[PartitionResult]:
    if jobs <= 1 or len(todo) <= 1:
        yield from (run_partition(partition, out, options) for partition in todo)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kronika.api"])
    from kronika.scale.pool import watch_writer  # the workers end if this process is killed

    with ProcessPoolExecutor(jobs, mp_context=context, initializer=watch_writer, initargs=(os.getpid(),)) as executor:
        yield from executor.map(run_partition, todo, [out] * len(todo), [options] * len(todo))


def _run_dask(todo: list[Partition], out: str, options: BatchOptions, jobs: int,
              scheduler: str | None) -> Iterable[PartitionResult]:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    if not todo:
        return
    cluster = None if scheduler else LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            bag = db.from_sequence(todo, npartitions=len(todo)).map(run_partition, out, options)
            yield from client.compute(bag).result()
    finally:
        if cluster is not None:
            cluster.close()
