"""Commands over reconciled figures: figures, conflicts, the report."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from kronika.claim import MEASURES
from kronika.cli.app import _open_ledger, db_option, err, format_option, main
from kronika.output import emit, emit_json


def _reconciled(db: Path | None, measure: str | None, actor: str | None, since: str | None) -> tuple[Any, Any]:
    from kronika.reconcile import build_figures, filter_claims, find_conflicts

    with _open_ledger(db) as ledger:
        claims = list(filter_claims(ledger.claims(), measure=measure, actor=actor, since=since))
    figures = build_figures(claims)
    return figures, find_conflicts(figures)


def reconcile_filters(command: Any) -> Any:
    for option in reversed((
        click.option("--measure", type=click.Choice(MEASURES), help="Only figures of this measure."),
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


def article_texts(db: Path | None, found: Sequence[Any]) -> dict[str, str]:
    """The texts of the figures' articles, so the report marks each claim at its own span."""
    with _open_ledger(db) as ledger:
        wanted = {claim.article for figure in found for claim in figure.claims}
        return {article: text for article in wanted if (text := ledger.article_text(article)) is not None}


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
    path = write_report(found, conflicting, out, texts=article_texts(db, found),
                        filters={"measure": measure, "actor": actor, "since": since})
    err.print(f"report: {path.resolve()} ({len(found)} figures, {len(conflicting)} conflicts)")

