"""`kronika export` over a real ledger: every claim field, numbers as numbers, times in words."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from kronika.claim import CLAIM_FIELDS
from kronika.cli import main
from kronika.cli.export import EXPORT_FIELDS
from kronika.timex.humanise import humanise

REPORT = """Powódź na południu: straty liczone w miliardach

Wojewoda poinformował we wtorek, że woda zalała 1 500 000 metrów kwadratowych upraw, a ewakuowano \\
ponad 2 tys. mieszkańców. Według sztabu kryzysowego w czwartek zginęły trzy osoby.
"""


@pytest.fixture()
def ledger(tmp_path: Path) -> str:
    (tmp_path / "powodz.txt").write_text(REPORT, "utf-8")
    db = str(tmp_path / "k.db")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "powodz.txt"), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_csv_has_every_field_numbers_as_numbers_and_json_for_nested(ledger: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", ledger, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == EXPORT_FIELDS and set(CLAIM_FIELDS) <= set(rows[0])
    by_mention = {r["mention"]: r for r in rows}
    big = by_mention["1 500 000"]
    assert big["value"] == "1500000" and float(big["value"]) == 1_500_000
    start, end = json.loads(big["span"])
    assert REPORT[start:end] == "1 500 000"
    assert not any("(" in r["span"] or "{" in r["value"] for r in rows)


def test_reference_time_in_words_beside_its_code(ledger: str) -> None:
    records = json.loads(CliRunner().invoke(main, ["export", "--db", ledger, "--format", "json"]).stdout)
    timed = [r for r in records if r["reference_time"]]
    assert timed
    assert all(r["reference_time_text"] == humanise(r["reference_time"]) for r in timed)
    assert all(r["reference_time_text"] is None for r in records if not r["reference_time"])


def test_xlsx_cells_are_numbers_and_filters_apply(ledger: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.xlsx"
    result = CliRunner().invoke(main, ["export", "--db", ledger, "--format", "xlsx", "-o", str(out),
                                       "--qualifier", "more_than"])
    assert result.exit_code == 0, result.output
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == EXPORT_FIELDS
    assert len(rows) >= 2 and {row[EXPORT_FIELDS.index("qualifier")] for row in rows[1:]} == {"more_than"}
    assert all(isinstance(row[EXPORT_FIELDS.index("value")], int | float) for row in rows[1:])


def test_xlsx_without_a_file_and_bad_filters_are_refused(ledger: str) -> None:
    assert CliRunner().invoke(main, ["export", "--db", ledger, "--format", "xlsx"]).exit_code == 2
    assert CliRunner().invoke(main, ["export", "--db", ledger, "--since", "2025-13-45"]).exit_code == 2
    assert CliRunner().invoke(main, ["export", "--db", ledger, "--format", "ods"]).exit_code == 2


@pytest.mark.parametrize(("code", "words"), [
    ("2024-09-17", "2024-09-17"),
    ("2024-09", "2024-09"),
    ("XXXX-WXX-4", "a Thursday"),
    ("2024-W38-1", "Monday of week 38 of 2024"),
    ("2024-FA", "autumn 2024"),
    ("XXXX-SU", "a summer"),
    ("2024-W38", "week 38 of 2024"),
    ("2024-Q2", "Q2 2024"),
    ("2024-H1", "first half of 2024"),
    ("2024-09-17TEV", "2024-09-17, evening"),
    ("2024-09-17T14:30", "2024-09-17 14:30"),
    ("XXXX-03-08", "8 March, year unknown"),
    ("PRESENT_REF", "now"),
    ("P3D", "P3D"),  # a duration is no point in time: shown as its code
    (None, None),
])
def test_humanise_timex_codes(code: str | None, words: str | None) -> None:
    assert humanise(code) == words
