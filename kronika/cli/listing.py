"""Commands that list what the ledger holds: claims, articles, rejections."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kronika.claim import MEASURES, MODALITIES, QUALIFIERS, Claim
from kronika.cli.app import CLAIM_TABLE, _open_ledger, db_option, format_option, main
from kronika.filters import ACCEPTED_DATES, name_matcher, parse_period
from kronika.output import emit


def _date_bound(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    """--since/--until in Polish or ISO; anything else exits 2 with the accepted forms."""
    if value is None:
        return None
    try:
        return parse_period(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx, param) from None


def _name_option(name: str, what: str) -> Any:
    return click.option(f"--{name}", help=f"Only this {what}: Polish or English, any case, inflected too.")


def _names_test(field: str, matches: Callable[[str | None], bool]) -> Callable[[Claim], bool]:
    """A claim test on one name field; a source is also matched by its canonical source id."""
    if field == "source":
        return lambda c: matches(c.source) or matches(c.source_id)
    return lambda c: matches(getattr(c, field))


@main.command()
@db_option
@format_option("table")
@click.option("--measure", type=click.Choice(MEASURES), help="Only this measure.")
@click.option("--qualifier", type=click.Choice(QUALIFIERS), help="Only this qualifier.")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only this modality.")
@_name_option("actor", "actor (e.g. 'Korea Północna' = 'north korea' = 'Korei Północnej')")
@_name_option("place", "place")
@_name_option("source", "source")
@click.option("--article", help="Only this article id.")
@click.option("--since", callback=_date_bound, help=f"Only claims whose reference time (or publication) is on or "
              f"after this date; a month or year means its first day. Forms: {ACCEPTED_DATES}.")
@click.option("--until", callback=_date_bound, help="Only claims whose reference time (or publication) is on or "
              "before this date; a month or year means its last day.")
def claims(db: Path | None, fmt: str, measure: str | None, qualifier: str | None, modality: str | None,
           actor: str | None, place: str | None, source: str | None, article: str | None,
           since: tuple[str, str] | None, until: tuple[str, str] | None) -> None:
    """List the claims in the ledger.

    Example: kronika claims --measure killed --actor "Korea Północna" --since "wrzesień 2024"
    """
    tests: list[Callable[[Claim], bool]] = []
    if qualifier is not None:
        tests.append(lambda c: c.qualifier == qualifier)
    if modality is not None:
        tests.append(lambda c: c.modality == modality)
    for field, query in (("actor", actor), ("place", place), ("source", source)):
        if query is not None:
            tests.append(_names_test(field, name_matcher(query)))
    if until is not None:
        last = until[1]
        tests.append(lambda c: (c.reference_time or c.published or "")[:10] <= last)
    with _open_ledger(db) as ledger:
        found = ledger.claims(measure=measure, article=article, since=since[0] if since else None)
        records = (c.to_dict() for c in found if all(test(c) for test in tests))
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

