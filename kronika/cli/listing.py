"""Commands that list what the ledger holds: claims, articles, rejections."""
from __future__ import annotations

from pathlib import Path

import click

from kronika.claim import MEASURES
from kronika.cli.app import CLAIM_TABLE, _open_ledger, db_option, format_option, main
from kronika.output import emit


@main.command()
@db_option
@format_option("table")
@click.option("--measure", type=click.Choice(MEASURES), help="Only this measure.")
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

