"""`kronika export`: the full claim records for spreadsheets and scripts (CSV, JSON, JSON Lines, XLSX),
and the reviewed claims as gold for `kronika evaluate`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from kronika.claim import CLAIM_FIELDS
from kronika.cli.app import _open_ledger, db_option, err, main
from kronika.cli.listing import claim_filters, select_claims
from kronika.ledger import Ledger
from kronika.output import csv_cell, emit
from kronika.timex.humanise import humanise

EXPORT_FORMATS = ("csv", "json", "jsonl", "xlsx", "gold")
ARTICLE_FIELDS = ("article_title", "article_url", "article_outlet", "article_published")
# Every Claim field in its order, then the article's metadata, then the reference time in words.
EXPORT_FIELDS = (*CLAIM_FIELDS, *ARTICLE_FIELDS, "reference_time_text")
# With --reviewed: the claim's values as its latest review left them, and that review.
REVIEW_FIELDS = ("review_verdict", "reviewer", "reviewed_at", "review_note")


def _article_metadata(ledger: Ledger) -> dict[str, dict[str, Any]]:
    rows = ledger.connection.execute("SELECT id, title, url, outlet, published FROM articles")
    return {row[0]: dict(zip(ARTICLE_FIELDS, row[1:], strict=True)) for row in rows}


def export_records(ledger: Ledger, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One flat record per claim: EXPORT_FIELDS, numbers as numbers, the TIMEX3 code beside its words."""
    articles = _article_metadata(ledger)
    for claim in select_claims(ledger, filters):
        record = claim.to_dict()
        record.update(articles.get(claim.article, dict.fromkeys(ARTICLE_FIELDS)))
        record["reference_time_text"] = humanise(claim.reference_time)
        yield record


def reviewed_records(ledger: Ledger, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Only the reviewed claims among `records`, with their reviewed values and the review beside them."""
    from kronika.web.reviews import latest_reviews

    reviews = {(r["article"], *r["span"]): r for r in latest_reviews(ledger.connection)}
    for record in records:
        review = reviews.get((record["article"], *record["span"]))
        if review is None:
            continue
        record.update({key: value for key, value in review["after"].items() if key in record})
        record.update(review_verdict=review["verdict"], reviewer=review["reviewer"],
                      reviewed_at=review["reviewed_at"], review_note=review["note"])
        yield record


def _write_xlsx(records: Iterable[dict[str, Any]], path: Path, fields: tuple[str, ...]) -> int:
    from openpyxl import Workbook  # only this format needs it; loading it costs the other formats time

    book = Workbook(write_only=True)
    sheet = book.create_sheet("claims")
    sheet.append(list(fields))
    count = 0
    for record in records:
        sheet.append([csv_cell(record[name]) if record[name] is not None else None for name in fields])
        count += 1
    book.save(path)
    return count


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True,
              help="csv and xlsx for spreadsheets, json/jsonl for scripts, gold (with --reviewed) for evaluate.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output; xlsx needs a file).")
@click.option("--reviewed", is_flag=True, help="Only claims a person reviewed in the workbench, as reviewed.")
@claim_filters
def export(db: Path | None, fmt: str, output: Path | None, reviewed: bool, **filters: Any) -> None:
    """Export the full claim records: every claim field, the article's title, url, outlet and date, and
    the reference time in words (reference_time_text) beside its TIMEX3 code. See docs/claim.md.
    `--reviewed --format gold` writes the reviewed claims as gold lines that `kronika evaluate` reads.

    Example: kronika export --format xlsx -o claims.xlsx --measure killed
    """
    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a workbook: give it a file with -o claims.xlsx")
    if fmt == "gold" and not reviewed:
        raise click.UsageError("--format gold writes what people reviewed: add --reviewed")
    fields = (*EXPORT_FIELDS, *REVIEW_FIELDS) if reviewed else EXPORT_FIELDS
    with _open_ledger(db) as ledger:
        if fmt == "gold":
            from kronika.web.reviews import gold_records

            records: Iterable[dict[str, Any]] = gold_records(ledger.connection)
            fmt, fields = "jsonl", ()
        else:
            records = export_records(ledger, filters)
            if reviewed:
                records = reviewed_records(ledger, records)
        if output is None:
            emit(records, fmt, fields or None)
            return
        if fmt == "xlsx":
            count = _write_xlsx(records, output, fields)
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = emit(records, fmt, fields or None, stream=out)
    err.print(f"exported {count} claims to {output}")
