"""Commands over reconciled figures: reconcile, stories, figures, conflicts, the report. They read the
ledger's tables (kronika.reconcile.store), which every ingest keeps current."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from kronika.claim import MEASURES
from kronika.cli.app import _open_ledger, db_option, err, format_option, main
from kronika.ledger import Ledger
from kronika.output import emit, emit_json


def _up_to_date(ledger: Ledger) -> None:
    """A ledger written before figures were stored, or whose last reconcile failed, is reconciled first."""
    from kronika.reconcile.store import reconcile_ledger

    missing = ledger.connection.execute(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id NOT IN (SELECT article FROM story_articles))").fetchone()[0]
    if missing:
        reconcile_ledger(ledger)


def _reconciled(db: Path | None, measure: str | None, actor: str | None, since: str | None,
                place: str | None = None, story: str | None = None) -> tuple[Any, Any]:
    from kronika.filters import name_matcher
    from kronika.reconcile.filters import parse_since
    from kronika.reconcile.store import load_figures

    if since is not None:
        try:
            parse_since(since)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--since") from None
    with _open_ledger(db) as ledger:
        _up_to_date(ledger)
        return load_figures(ledger, measure=measure, actor=name_matcher(actor) if actor else None,
                            place=name_matcher(place) if place else None, story=story, since=since)


def reconcile_filters(command: Any) -> Any:
    for option in reversed((
        click.option("--measure", type=click.Choice(MEASURES), help="Only figures of this measure."),
        click.option("--actor", help="Only figures of this actor, named in Polish or English, any case or form"
                                     " ('North Korea', 'Korei Północnej')."),
        click.option("--place", help="Only figures of this place, named like --actor."),
        click.option("--story", help="Only figures of this story (an id from `kronika stories`)."),
        click.option("--since", help="Only figures whose newest estimate is on or after YYYY[-MM[-DD]]."),
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
            "sources": figure.independent_sources, "claims": len(figure.claims), "rule": summary.rule}


@main.command()
@db_option
@click.option("--full/--incremental", default=True, show_default=True,
              help="Rebuild every figure (the default), or only those of the stories that changed since the"
                   " last reconciliation, as every ingest does (same result; a full rebuild where in doubt).")
def reconcile(db: Path | None, full: bool) -> None:
    """Rebuild the ledger's stories, figures and conflicts tables from its articles and claims.

    Every ingest does this already, for what it changed; run it after changing the rules or to repair a
    failed ingest.

    Example: kronika reconcile --db kronika.db
    """
    from kronika.reconcile.store import reconcile_ledger

    with _open_ledger(db) as ledger:
        done = reconcile_ledger(ledger, incremental=not full)
    err.print(f"reconciled ({done.mode}, {done.claims} claims): {done.stories} stories ({done.new_articles} articles"
              f" new to them), {done.figures} figures, {done.conflicts} conflicts")


STORY_TABLE = ("id", "articles", "first_published", "last_published", "label")


@main.command()
@db_option
@format_option("table")
def stories(db: Path | None, fmt: str) -> None:
    """List stories: the articles about one event or ongoing situation, newest first.

    Example: kronika stories --format json
    """
    from kronika.reconcile.store import load_stories

    with _open_ledger(db) as ledger:
        _up_to_date(ledger)
        found = load_stories(ledger)
    if fmt == "table":
        emit(found, fmt, STORY_TABLE, title="stories")
    elif fmt == "json":
        emit_json({"stories": found})
    else:
        emit(found, fmt)


@main.command()
@db_option
@format_option("table")
@reconcile_filters
def figures(db: Path | None, fmt: str, measure: str | None, actor: str | None, place: str | None,
            story: str | None, since: str | None) -> None:
    """Tracked quantities: the claims about one figure, per-source series and a summary.

    `sources` counts independent sources. Example: kronika figures --actor "Korea Północna" --format json
    """
    found, _ = _reconciled(db, measure, actor, since, place, story)
    _emit_listing("figures", found, fmt, _figure_row, FIGURE_TABLE)


@main.command()
@db_option
@format_option("table")
@reconcile_filters
def conflicts(db: Path | None, fmt: str, measure: str | None, actor: str | None, place: str | None,
              story: str | None, since: str | None) -> None:
    """List pairs of claims in one figure that cannot both hold, with a reason.

    Example: kronika conflicts --measure deployed
    """
    _, found = _reconciled(db, measure, actor, since, place, story)
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
def report(db: Path | None, out: Path, measure: str | None, actor: str | None, place: str | None,
           story: str | None, since: str | None) -> None:
    """Write one self-contained HTML report (works offline): charts, evidence, conflicts.

    Example: kronika report --out report.html
    """
    from kronika.report import write_report

    found, conflicting = _reconciled(db, measure, actor, since, place, story)
    path = write_report(found, conflicting, out, texts=article_texts(db, found),
                        filters={"measure": measure, "actor": actor, "since": since, "place": place, "story": story})
    err.print(f"report: {path.resolve()} ({len(found)} figures, {len(conflicting)} conflicts)")
