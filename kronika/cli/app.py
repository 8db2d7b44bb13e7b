"""The `kronika` command group and what its commands share: options, the ledger, the console."""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kronika.article import Article, Rejection
from kronika.ingest import DEFAULT_MAX_BYTES, read_inputs
from kronika.ingest.budget import DEFAULT_TIME_BUDGET
from kronika.ledger import Ledger, default_db_path
from kronika.output import FORMATS

err = Console(stderr=True, soft_wrap=True, emoji=False, highlight=False)

CLAIM_TABLE = ("article", "mention", "value", "qualifier", "measure", "subject", "actor", "source",
               "modality", "reference_time")

db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), envvar="KRONIKA_DB", default=None,
    help="Ledger file (default: kronika.db, or $KRONIKA_DB).",
)
max_bytes_option = click.option(
    "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
    help="Reject files (and JSON Lines records) larger than this.",
)
time_budget_option = click.option(
    "--time-budget", type=click.FloatRange(min=0), default=DEFAULT_TIME_BUDGET, show_default=True, metavar="SECONDS",
    help="Reject an article whose extraction takes more CPU time than this (0: no limit).",
)


def format_option(default: str) -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
                        help="table for people, jsonl for pipes.")


@click.group()
@click.version_option(package_name="kronika")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
def main(verbose: bool) -> None:
    """kronika: who said which number, about what, as of when.

    Reads Polish news articles and keeps a ledger of the figures they report, with the exact text,
    the source, the time and the hedging of each.
    """
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _rejected_line(rejection: Rejection) -> str:
    return f"[yellow]rejected[/] {escape(rejection.input)}: {escape(rejection.reason)}"


def _articles(paths: tuple[str, ...], max_bytes: int, stdin_format: str = "text") -> Iterator[Article]:
    """The readable articles under `paths`; each rejection is said on stderr and skipped."""
    for result in read_inputs(paths, max_bytes, stdin_format):
        if isinstance(result, Rejection):
            err.print(_rejected_line(result))
        else:
            yield result


def _open_ledger(db: Path | None, create: bool = False) -> Ledger:
    """The ledger at `db`. Only writing commands create one: a read command given a path that holds no
    ledger exits 2 with a message, rather than answering from a new, empty file."""
    path = db or default_db_path()
    if not create and not path.exists():
        shown = escape(str(path))
        err.print(f"[red]no ledger at {shown}[/]: ingest articles first (kronika ingest FILES --db {shown})")
        sys.exit(2)
    return Ledger(path)


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, transient=False, disable=not err.is_terminal,
    )

