"""Commands for the archive and for live inputs: batch (extraction into Parquet shards, on this
machine's cores or a Dask cluster) and load (shards into the ledger)."""
from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from kronika.cli.app import _open_ledger, _progress, db_option, err, main, max_bytes_option, time_budget_option
from kronika.scale.pool import available_cores


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the Parquet shards (articles/, claims/, rejections/).")
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True,
              help="local: worker processes here; dask: a Dask cluster (--scheduler, or a local one).")
@click.option("--jobs", type=click.IntRange(min=1), default=available_cores, show_default="the number of cores",
              help="Worker processes (local), or workers of the LocalCluster started for --engine dask.")
@click.option("--scheduler", metavar="ADDRESS", help="An existing Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--partition-mb", type=click.FloatRange(min=0.001), default=1.0, show_default=True,
              help="Input megabytes per partition (one task, one shard of each table).")
@click.option("--published", metavar="DATE", help="Date of inputs that carry none (YYYY-MM-DD, YYYY-MM or YYYY).")
@max_bytes_option
@time_budget_option
def batch(inputs: tuple[str, ...], out: Path, engine: str, jobs: int, scheduler: str | None,
          partition_mb: float, published: str | None, max_bytes: int, time_budget: float) -> None:
    """Extract articles into Parquet shards, a partition per task; a rerun skips partitions already written.

    DuckDB reads the shards as they are: SELECT * FROM 'OUT/claims/*.parquet'.

    Example: kronika batch archive/*.jsonl --out shards --engine dask --scheduler tcp://host:8786
    """
    from kronika.api import parse_published
    from kronika.scale.batch import run_batch
    from kronika.scale.shards import BatchOptions

    try:
        date = parse_published(published)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--published") from None
    if scheduler and engine != "dask":
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    options = BatchOptions(max_bytes=max_bytes, time_budget=time_budget or None, published=date)
    summary = run_batch(inputs, out, engine, jobs, scheduler, options, int(partition_mb * 1_000_000))
    for skipped in summary.skipped:
        err.print(f"[dim]skipped {escape(skipped.name)}: {escape(skipped.rule)}[/]")
    err.print(f"{summary.partitions} partitions: wrote {summary.written} ({summary.articles} articles,"
              f" {summary.claims} claims, {summary.rejections} rejections), {summary.already_written} already"
              f" written; shards in {escape(str(out))}")


@main.command()
@click.argument("shards", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def load(shards: Path, db: Path | None) -> None:
    """Load the Parquet shards of `kronika batch` into the ledger; articles already there are skipped.

    Example: kronika load shards --db kronika.db
    """
    from kronika.scale.load import load_shards
    from kronika.scale.shards import complete_partitions

    with _open_ledger(db, create=True) as ledger, _progress() as progress:
        task = progress.add_task("loading", total=len(complete_partitions(shards)))
        summary = load_shards(shards, ledger, on_partition=lambda _: progress.advance(task))
        counts = ledger.counts()
    err.print(f"{summary.partitions} partitions: loaded {summary.articles} articles ({summary.claims} claims),"
              f" {summary.duplicates} already in the ledger, {summary.rejections} rejections;"
              f" the ledger holds {counts['articles']} articles and {counts['claims']} claims")


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@click.option("--interval", type=click.FloatRange(min=1), default=300.0, show_default=True, metavar="SECONDS",
              help="Time between polls; a failing feed waits twice as long after each error in a row.")
@max_bytes_option
def watch(feeds: tuple[str, ...], db: Path | None, once: bool, interval: float, max_bytes: int) -> None:
    """Follow RSS/Atom feeds: ingest each new item's page; the ledger remembers what was seen.

    Example: kronika watch https://example.pl/rss.xml --db kronika.db --interval 600
    """
    import time

    from kronika.api import Options, ingest_one
    from kronika.ingest.feeds import due, poll

    options = Options(max_bytes=max_bytes)
    with _open_ledger(db, create=True) as ledger:
        while True:
            for url in feeds:
                if not due(ledger, url):
                    continue
                result = poll(url, ledger, lambda item: _status(ingest_one(item, ledger, options)),
                              interval, max_bytes)
                if result.error:
                    err.print(f"[yellow]feed {escape(url)} failed[/]: {escape(result.error)}")
                else:
                    said = "not modified" if result.not_modified else f"{result.new_items} new items"
                    err.print(f"feed {escape(url)}: {said}, {result.seen_items} seen before")
            if once:
                return
            time.sleep(interval)


def _status(outcome: object) -> str:
    status, detail = getattr(outcome, "status", ""), getattr(outcome, "detail", "")
    return f"{status}: {detail}" if status == "rejected" else str(status)
