"""Commands that read articles: ingest into the ledger, extract, annotate, evaluate."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from kronika.article import Rejection
from kronika.cli.app import (
    CLAIM_TABLE,
    _articles,
    _open_ledger,
    _progress,
    _rejected_line,
    db_option,
    err,
    format_option,
    main,
    max_bytes_option,
    time_budget_option,
)
from kronika.ledger import default_db_path
from kronika.output import emit
from kronika.scale.pool import available_cores
from kronika.scale.progress import expected_outcomes


def _published_option(function: Any) -> Any:
    def check(_: click.Context, __: click.Parameter, value: str | None) -> str | None:
        from kronika.api import parse_published

        try:
            return parse_published(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None

    return click.option("--published", callback=check, metavar="DATE",
                        help="Date of inputs that carry none (YYYY-MM-DD, YYYY-MM or YYYY).")(function)


stdin_format_option = click.option(
    "--stdin-format", type=click.Choice(("text", "jsonl", "html")), default="text", show_default=True,
    help="What `-` (standard input) holds.",
)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@max_bytes_option
@time_budget_option
@_published_option
@stdin_format_option
@click.option("--strict", is_flag=True, help="Exit with status 1 if any input was rejected.")
@click.option("--jobs", type=click.IntRange(min=1), default=available_cores, show_default="the number of cores",
              help="Worker processes extracting in parallel (one writer; the ledger is the same for any number).")
def ingest(paths: tuple[str, ...], db: Path | None, max_bytes: int, time_budget: float, published: str | None,
           stdin_format: str, strict: bool, jobs: int) -> None:
    """Read articles (text, JSON Lines, HTML; files, folders, globs, - for standard input) into the ledger.

    Every input is accounted for: ingested, duplicate, rejected (with its reason, kept in the ledger)
    or skipped on purpose (hidden names inside folders). Exits 1 when nothing could be ingested.

    Example: kronika ingest articles/ --db kronika.db
    """
    from kronika.api import Options, Outcome
    from kronika.api import ingest as ingest_paths

    options = Options(max_bytes=max_bytes, time_budget=time_budget or None, published=published,
                      stdin_format=stdin_format, jobs=jobs)
    with _open_ledger(db, create=True) as ledger, _progress() as progress:
        total = expected_outcomes(paths, ledger.path) if progress.console.is_terminal else None
        task = progress.add_task("ingesting", total=total)

        def show(outcome: Outcome) -> None:
            if outcome.status == "rejected":
                progress.console.print(_rejected_line(Rejection(outcome.input, outcome.detail)))
            elif outcome.status == "skipped":
                progress.console.print(f"[dim]skipped {escape(outcome.input)}: {escape(outcome.detail)}[/]")
            progress.advance(task)

        summary = ingest_paths(paths, ledger, on_outcome=show, options=options)
        counts = ledger.counts()
    err.print(
        f"{summary.inputs} inputs: ingested {summary.ingested} articles ({summary.claims} claims),"
        f" {summary.duplicates} duplicates, {len(summary.rejected)} rejected, {len(summary.skipped)} skipped;"
        f" the ledger {db or default_db_path()} holds {counts['articles']} articles and {counts['claims']} claims"
    )
    for reason, count in summary.reasons().most_common():
        err.print(f"  rejected {count}: {escape(reason)}")
    for rule, count in summary.rules().most_common():
        err.print(f"  skipped {count}: {escape(rule)}")
    if summary.ingested + summary.duplicates == 0:
        err.print("[red]nothing could be ingested[/]")
        sys.exit(1)
    if strict and summary.rejected:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl")
@max_bytes_option
@_published_option
@stdin_format_option
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, published: str | None, stdin_format: str) -> None:
    """Print the claims of articles without storing them (no ledger); - reads standard input.

    Example: kronika extract article.txt --format jsonl
    """
    from kronika.api import extract_guarded, with_default_date

    def claims() -> Iterator[dict[str, Any]]:
        for article in _articles(paths, max_bytes, stdin_format):
            extracted = extract_guarded(with_default_date(article, published))
            if isinstance(extracted, Rejection):
                err.print(_rejected_line(extracted))
                continue
            yield from (claim.to_dict() for claim in extracted)

    emit(claims(), fmt, CLAIM_TABLE)


LAYERS = ("number", "time", "entity", "source", "sentence")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--layer", type=click.Choice(LAYERS), required=True, help="Which mentions to show.")
@format_option("jsonl")
@max_bytes_option
def annotate(paths: tuple[str, ...], layer: str, fmt: str, max_bytes: int) -> None:
    """Print one layer's mentions (spans into the article text as read), for inspection and evaluation.

    Example: kronika annotate article.txt --layer time
    """
    from kronika.annotate import annotate_article

    mentions = (m for article in _articles(paths, max_bytes) for m in annotate_article(article, layer))
    emit(mentions, fmt, ("article", "layer", "span", "text", "type", "value"))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold claims, one JSON object a line (format: docs/gold.md).")
@click.option("--figures", "figures_gold", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Instead: a folder of figure gold (figures_gold.jsonl, conflicts_gold.jsonl, stories_gold.jsonl;"
                   " tests/corpus/stories/README.md) to score figure grouping, conflicts and stories.")
@format_option("table")
@click.option("--errors/--no-errors", default=False, help="List every wrong, missed or mislabelled claim.")
def evaluate(paths: tuple[str, ...], gold: Path | None, figures_gold: Path | None, fmt: str, errors: bool) -> None:
    """Score extraction against hand gold: precision, recall, F1, measure/qualifier/source/modality accuracy.
    With --figures, score reconciliation: B-cubed precision/recall of figures, conflict precision.

    Example: kronika evaluate --gold gold.jsonl articles/*.txt
    """
    from kronika.evaluate import EvaluationFailed, evaluate_paths
    from kronika.reconcile.evaluation import evaluate_figure_paths

    if (gold is None) == (figures_gold is None):
        raise click.UsageError("give one of --gold FILE or --figures DIR")
    try:
        score: Any = (evaluate_paths(paths, gold) if gold is not None
                      else evaluate_figure_paths(paths, figures_gold or Path()))
    except EvaluationFailed as failure:
        err.print(f"evaluate: {escape(str(failure))}")
        sys.exit(1)
    if errors:
        for line in score.errors:
            err.print(line)
    if fmt == "table":
        for line in score.summary_lines():
            click.echo(line)
    else:
        emit([score.to_dict()], fmt)

