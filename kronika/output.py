"""Render records for people (a table) or for pipes (JSON Lines, JSON, CSV)."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "jsonl", "json", "csv")


def emit(
    records: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
    title: str | None = None, stream: TextIO | None = None,
) -> int:
    """Write records in `fmt`; `columns` picks and orders the table's columns (JSON keeps everything).
    Return how many records were written. JSON Lines, and CSV with `columns`, stream; the rest collect first."""
    out = stream or sys.stdout
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv" and columns:
        return _stream_csv(records, columns, out)
    rows = list(records)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":  # no columns given: the header is every key of every row, so collect first
        _stream_csv(rows, list(dict.fromkeys(key for row in rows for key in row)), out)
    elif fmt == "table":
        names = list(columns or (rows[0].keys() if rows else []))
        table = Table(title=title, show_lines=False, header_style="bold")
        for name in names:
            table.add_column(name, overflow="fold")
        for row in rows:
            # Text, not str: cells are data, never Rich markup or emoji codes (`[red]`, `:pl:`).
            table.add_row(*(Text(_cell(row.get(name))) for name in names))
        Console(file=out, emoji=False, width=None if out.isatty() else 220).print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    return len(rows)


def _stream_csv(records: Iterable[dict[str, Any]], names: Sequence[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(names), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in records:
        writer.writerow({k: csv_cell(row.get(k)) for k in names})
        count += 1
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}".replace(",", " ")
    if isinstance(value, list | tuple):
        return "–".join(str(v) for v in value)
    return str(value)


def csv_cell(value: Any) -> Any:
    """A value for a spreadsheet: numbers stay numbers (`1500000`, never `1 500 000`), nested values are
    JSON (`[12, 19]`, never a Python repr), None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit_json(document: Any, stream: TextIO | None = None) -> None:
    """One JSON document (an object with named lists, e.g. {"figures": [...]})."""
    out = stream or sys.stdout
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
