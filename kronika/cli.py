"""kronika's command line: a thin layer over the Python API."""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kronika.article import Article, Rejection
from kronika.ingest import DEFAULT_MAX_BYTES, read_inputs
from kronika.ingest.paths import expand_paths
from kronika.ledger import Ledger, default_db_path
from kronika.output import FORMATS, emit, emit_json

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


def _articles(paths: tuple[str, ...], max_bytes: int) -> Iterator[Article]:
    """The readable articles under `paths`; each rejection is said on stderr and skipped."""
    for result in read_inputs(paths, max_bytes):
        if isinstance(result, Rejection):
            err.print(_rejected_line(result))
        else:
            yield result


def _open_ledger(db: Path | None) -> Ledger:
    return Ledger(db or default_db_path())


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
    with _open_ledger(db) as ledger, _progress() as progress:
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
@db_option
@format_option("table")
@click.option("--measure", help="Only this measure (killed, deployed...).")
@click.option("--actor", help="Only this actor (canonical name, e.g. 'North Korea').")
@click.option("--article", help="Only this article id.")
@click.option("--since", help="Only claims whose reference time is on or after this date (YYYY[-MM[-DD]]).")
def claims(db: Path | None, fmt: str, measure: str | None, actor: str | None, article: str | None,
           since: str | None) -> None:
    """List the claims in the ledger.

    Example: kronika claims --measure killed --actor "North Korea"
    """
    with _open_ledger(db) as ledger:
        records = (c.to_dict() for c in ledger.claims(measure=measure, actor=actor, article=article, since=since))
        emit(records, fmt, CLAIM_TABLE, title="claims")


@main.command()
@db_option
@format_option("table")
def articles(db: Path | None, fmt: str) -> None:
    """List the articles in the ledger, with how many claims each gave.

    Example: kronika articles --format csv
    """
    with _open_ledger(db) as ledger:
        emit(ledger.articles(), fmt, ("id", "published", "outlet", "format", "encoding", "chars", "claims"),
             title="articles")


@main.command()
@db_option
@format_option("table")
def rejections(db: Path | None, fmt: str) -> None:
    """List the inputs that were rejected, with their reasons.

    Example: kronika rejections
    """
    with _open_ledger(db) as ledger:
        emit(ledger.rejections(), fmt, ("input", "reason", "rejected_at"), title="rejections")


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


def _reconciled(db: Path | None, measure: str | None, actor: str | None, since: str | None) -> tuple[Any, Any]:
    from kronika.reconcile import build_figures, filter_claims, find_conflicts

    with _open_ledger(db) as ledger:
        claims = list(filter_claims(ledger.claims(), measure=measure, actor=actor, since=since))
    figures = build_figures(claims)
    return figures, find_conflicts(figures)


def reconcile_filters(command: Any) -> Any:
    for option in reversed((
        click.option("--measure", help="Only figures of this measure (killed, deployed...)."),
        click.option("--actor", help="Only figures of this actor (canonical name, e.g. 'North Korea')."),
        click.option("--since", help="Only claims whose reference time is on or after YYYY[-MM[-DD]]."),
    )):
        command = option(command)
    return command


FIGURE_TABLE = ("id", "best", "low", "high", "sources", "claims")


CONFLICT_TABLE = ("figure", "kind", "reason")


def _conflict_row(conflict: Any) -> dict[str, Any]:
    return {"figure": conflict.figure, "kind": conflict.kind, "reason": conflict.reason}


def _emit_listing(name: str, items: Sequence[Any], fmt: str, table_row: Callable[[Any], dict[str, Any]],
                  columns: tuple[str, ...]) -> None:
    """A table of short rows for people; the full records otherwise, as `{name: [...]}` in JSON."""
    if fmt == "table":
        emit((table_row(item) for item in items), fmt, columns, title=name)
    elif fmt == "json":
        emit_json({name: [item.to_dict() for item in items]})
    else:
        emit((item.to_dict() for item in items), fmt)


def _figure_row(figure: Any) -> dict[str, Any]:
    summary = figure.summary
    return {"id": figure.id, "best": summary.best, "low": summary.low, "high": summary.high,
            "sources": len(figure.series), "claims": len(figure.claims), "rule": summary.rule}


@main.command()
@db_option
@format_option("table")
@reconcile_filters
def figures(db: Path | None, fmt: str, measure: str | None, actor: str | None, since: str | None) -> None:
    """Group the ledger's claims into tracked quantities, with per-source series and a summary.

    Example: kronika figures --actor "North Korea" --format json
    """
    found, _ = _reconciled(db, measure, actor, since)
    _emit_listing("figures", found, fmt, _figure_row, FIGURE_TABLE)


@main.command()
@db_option
@format_option("table")
@reconcile_filters
def conflicts(db: Path | None, fmt: str, measure: str | None, actor: str | None, since: str | None) -> None:
    """List pairs of claims in one figure that cannot both hold, with a reason.

    Example: kronika conflicts --measure deployed
    """
    _, found = _reconciled(db, measure, actor, since)
    for note in found.notes():
        err.print(note)
    _emit_listing("conflicts", found, fmt, _conflict_row, CONFLICT_TABLE)


@main.command()
@db_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"),
              show_default=True, help="Where to write the HTML file.")
@reconcile_filters
def report(db: Path | None, out: Path, measure: str | None, actor: str | None, since: str | None) -> None:
    """Write one self-contained HTML report (works offline): charts, evidence, conflicts.

    Example: kronika report --out report.html
    """
    from kronika.report import write_report

    found, conflicting = _reconciled(db, measure, actor, since)
    path = write_report(found, conflicting, out)
    err.print(f"report: {path.resolve()} ({len(found)} figures, {len(conflicting)} conflicts)")


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("out/demo"),
              show_default=True, help="Folder for the demo ledger and report.")
def demo(out: Path) -> None:
    """Ingest the bundled sample articles into a fresh ledger, show what it holds, write the report.

    Example: kronika demo --out out/demo
    """
    from importlib import resources

    from kronika.api import ingest as ingest_paths
    from kronika.report import write_report

    out.mkdir(parents=True, exist_ok=True)
    db = out / "kronika.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    samples = resources.files("kronika").joinpath("samples")
    articles = sorted(str(f) for f in samples.iterdir() if f.name.endswith((".txt", ".jsonl", ".html"))
                      and f.name != "gold.jsonl")
    with Ledger(db) as ledger:
        summary = ingest_paths(articles, ledger)
        emit(ledger.articles(), "table", ("id", "published", "outlet", "format", "claims"), title="articles")
        emit((c.to_dict() for c in ledger.claims()), "table", CLAIM_TABLE, title="claims")
    found, conflicting = _reconciled(db, None, None, None)
    emit((_figure_row(f) for f in found if len(f.claims) > 1), "table", FIGURE_TABLE,
         title="figures reported more than once")
    emit((_conflict_row(c) for c in conflicting), "table", CONFLICT_TABLE, title="conflicts")
    path = write_report(found, conflicting, out / "report.html")
    err.print(
        f"demo: {summary.ingested} articles, {summary.claims} claims, {len(found)} figures,"
        f" {len(conflicting)} conflicts; {len(summary.rejected)} rejected.\n"
        f"ledger: {db.resolve()}  (try: kronika claims --db {db})\nreport: {path.resolve()}"
    )


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, transient=False, disable=not err.is_terminal,
    )


if __name__ == "__main__":
    main()
