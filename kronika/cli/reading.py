"""Commands that read articles: ingest into the ledger, extract, annotate, evaluate."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kronika.article import Article, Rejection
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
)
from kronika.ingest.paths import expand_paths
from kronika.ledger import default_db_path
from kronika.output import emit


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@max_bytes_option
@click.option("--strict", is_flag=True, help="Exit with status 1 if any input was rejected.")
def ingest(paths: tuple[str, ...], db: Path | None, max_bytes: int, strict: bool) -> None:
    """Read articles (text, JSON Lines, HTML; files, folders, globs) into the ledger.

    Example: kronika ingest articles/ --db kronika.db
    """
    from kronika.api import ingest as ingest_paths

    files = list(expand_paths(paths))
    with _open_ledger(db, create=True) as ledger, _progress() as progress:
        task = progress.add_task("ingesting", total=len(files))

        def show(result: Article | Rejection, status: str) -> None:
            if isinstance(result, Rejection):
                progress.console.print(_rejected_line(result))

        summary = ingest_paths(files, ledger, max_bytes, on_result=show, on_file=lambda _: progress.advance(task))
        counts = ledger.counts()
    err.print(
        f"ingested {summary.ingested} articles ({summary.claims} claims), {summary.duplicates} duplicates,"
        f" {len(summary.rejected)} rejected; the ledger {db or default_db_path()} holds"
        f" {counts['articles']} articles and {counts['claims']} claims"
    )
    for reason, count in summary.reasons().most_common():
        err.print(f"  rejected {count}: {reason}")
    if strict and summary.rejected:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl")
@max_bytes_option
@click.option("--lang", default="pl", show_default=True)
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, lang: str) -> None:
    """Print the claims of articles without storing them (no ledger).

    Example: kronika extract article.txt --format jsonl
    """
    from kronika.pipeline import extract_article

    claims = (claim.to_dict() for article in _articles(paths, max_bytes) for claim in extract_article(article, lang))
    emit(claims, fmt, CLAIM_TABLE)


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
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Gold claims, one JSON object a line (format of shared/gold/README.md).")
@format_option("table")
@click.option("--errors/--no-errors", default=False, help="List every wrong, missed or mislabelled claim.")
def evaluate(paths: tuple[str, ...], gold: Path, fmt: str, errors: bool) -> None:
    """Score extraction against hand gold: precision, recall, F1, measure/qualifier/source accuracy.

    Example: kronika evaluate --gold gold.jsonl articles/*.txt
    """
    from kronika.evaluate import evaluate_paths

    score = evaluate_paths(paths, gold)
    if errors:
        for line in score.errors:
            err.print(line)
    if fmt == "table":
        for line in score.summary_lines():
            click.echo(line)
    else:
        emit([score.to_dict()], fmt)

