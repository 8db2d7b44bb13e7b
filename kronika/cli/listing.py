"""Commands that list what the ledger holds: claims, articles, rejections."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from kronika.claim import MEASURES, MODALITIES, QUALIFIERS, Claim
from kronika.cli.app import CLAIM_TABLE, _open_ledger, db_option, format_option, main
from kronika.filters import ACCEPTED_DATES, name_matcher, parse_period
from kronika.ledger import Ledger
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


def claim_filters(command: Callable[..., None]) -> Callable[..., None]:
    """The options that pick claims, shared by `claims` and `export`; read them with `select_claims`."""
    options = [
        click.option("--measure", type=click.Choice(MEASURES), help="Only this measure."),
        click.option("--qualifier", type=click.Choice(QUALIFIERS), help="Only this qualifier."),
        click.option("--modality", type=click.Choice(MODALITIES), help="Only this modality."),
        _name_option("actor", "actor (e.g. 'Korea Północna' = 'north korea' = 'Korei Północnej')"),
        _name_option("place", "place"),
        _name_option("source", "source"),
        click.option("--article", help="Only this article id."),
        click.option("--since", callback=_date_bound, help="Only claims whose reference time (or publication) is "
                     f"on or after this date; a month or year means its first day. Forms: {ACCEPTED_DATES}."),
        click.option("--until", callback=_date_bound, help="Only claims whose reference time (or publication) is "
                     "on or before this date; a month or year means its last day."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def select_claims(ledger: Ledger, filters: dict[str, Any]) -> Iterator[Claim]:
    """The claims `filters` (the values of the `claim_filters` options) pick, in ledger order."""
    tests = [_names_test(field, name_matcher(filters[field]))
             for field in ("actor", "place", "source") if filters[field] is not None]
    found = ledger.claims(
        measure=filters["measure"], article=filters["article"], qualifier=filters["qualifier"],
        modality=filters["modality"], since=filters["since"][0] if filters["since"] else None,
        until=filters["until"][1] if filters["until"] else None,
    )
    return (c for c in found if all(test(c) for test in tests))


@main.command()
@db_option
@format_option("table")
@claim_filters
def claims(db: Path | None, fmt: str, **filters: Any) -> None:
    """List the claims in the ledger (JSON: a list of claim records, see docs/claim.md).

    Example: kronika claims --measure killed --actor "Korea Północna" --since "wrzesień 2024"
    """
    with _open_ledger(db) as ledger:
        emit((c.to_dict() for c in select_claims(ledger, filters)), fmt, CLAIM_TABLE, title="claims")


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

