"""`kronika demo`: the bundled samples, end to end."""
from __future__ import annotations

import os
from pathlib import Path

import click

from kronika.cli.app import CLAIM_TABLE, err, main
from kronika.cli.figures import CONFLICT_TABLE, FIGURE_TABLE, _conflict_row, _figure_row, _reconciled, article_texts
from kronika.ledger import Ledger
from kronika.output import emit


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
    found, conflicting = _reconciled(db, None, None, None)  # ingest stored them
    emit((_figure_row(f) for f in found if len(f.claims) > 1), "table", FIGURE_TABLE,
         title="figures reported more than once")
    emit((_conflict_row(c) for c in conflicting), "table", CONFLICT_TABLE, title="conflicts")
    path = write_report(found, conflicting, out / "report.html", title="kronika demo: the bundled samples",
                        texts=article_texts(db, found))
    command = _command()
    hint = "" if command == "kronika" else "\n`make install` puts kronika on your PATH."
    err.print(
        f"demo: {summary.ingested} articles, {summary.claims} claims, {len(found)} figures,"
        f" {len(conflicting)} conflicts; {len(summary.rejected)} rejected.\n"
        f"ledger: {db.resolve()}  (try: {command} claims --db {db}){hint}\nreport: {path.resolve()}\n"
        f"workbench: {command} serve --db {db}  then open http://127.0.0.1:8000/"
    )


def _command() -> str:
    """`kronika` when that name on the PATH is this command, else the path that ran it, with the way to
    put it on the PATH: `make demo` runs it from the venv, where a new user's shell does not look."""
    import shutil
    import sys

    here = Path(sys.argv[0]).resolve()
    found = shutil.which("kronika")
    if found and Path(found).resolve() == here:
        return "kronika"
    return os.path.relpath(here) if here.is_relative_to(Path.cwd()) else str(here)
