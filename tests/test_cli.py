"""The command line over a real ledger file: formats, exit status, summaries, and documentation."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from kronika.claim import CLAIM_FIELDS
from kronika.cli import main
from tests.articles import BORDER, FLOOD

README = Path(__file__).resolve().parent.parent / "README.md"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "powodz.txt").write_text(FLOOD, "utf-8")
    (folder / "granica.txt").write_bytes(BORDER.encode("cp1250"))
    (folder / "pusty.txt").write_text("", "utf-8")
    return folder


def test_extract_streams_claim_records(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(_folder(tmp_path)), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(tuple(r) == CLAIM_FIELDS for r in records)
    flood = [r for r in records if r["article"] == "powodz"]
    text = FLOOD
    assert all(text[r["span"][0]:r["span"][1]] == r["mention"] for r in flood)
    assert {r["mention"] for r in flood} >= {"2 tys.", "trzy", "1 mld zł"}
    assert "dwie" not in {r["mention"] for r in flood}  # the `Czytaj więcej` teaser is not analysed


def test_ingest_summary_strict_and_listings(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "k.db")
    folder = str(_folder(tmp_path))
    result = runner.invoke(main, ["ingest", folder, "--db", db])
    assert result.exit_code == 0
    assert "ingested 2 articles" in result.stderr and "1 rejected" in result.stderr and "empty file" in result.stderr
    again = runner.invoke(main, ["ingest", folder, "--db", db, "--strict"])
    assert again.exit_code == 1 and "2 duplicates" in again.stderr
    claims_csv = runner.invoke(main, ["claims", "--db", db, "--format", "csv", "--measure", "killed"])
    rows = list(csv.DictReader(io.StringIO(claims_csv.stdout)))
    assert [(r["mention"], r["measure"]) for r in rows] == [("trzy", "killed")]
    rejections = json.loads(runner.invoke(main, ["rejections", "--db", db, "--format", "json"]).stdout)
    assert [Path(r["input"]).name for r in rejections] == ["pusty.txt"]
    articles = json.loads(runner.invoke(main, ["articles", "--db", db, "--format", "json"]).stdout)
    assert {a["id"]: a["encoding"] for a in articles} == {"granica": "cp1250", "powodz": "utf-8"}


def test_figures_and_conflicts_json_shapes(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "k.db")
    runner.invoke(main, ["ingest", str(_folder(tmp_path)), "--db", db])
    figures = json.loads(runner.invoke(main, ["figures", "--db", db, "--format", "json"]).stdout)
    assert figures["figures"]
    assert {"id", "measure", "actor", "subject", "place", "summary", "claims"} <= set(figures["figures"][0])
    conflicts = json.loads(runner.invoke(main, ["conflicts", "--db", db, "--format", "json"]).stdout)
    assert conflicts == {"conflicts": []}


def test_demo_builds_ledger_and_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kronika.db").stat().st_size > 0
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "<script" not in page and '<svg class="chart"' in page and len(page.encode()) < 1_000_000
    assert "0 rejected" in result.stderr


def test_evaluate_prints_scores(shared_dir: Path) -> None:
    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(shared_dir / "gold" / "seed_claims.jsonl"), *seeds])
    assert result.exit_code == 0
    assert "precision" in result.stdout and "F1" in result.stdout


def test_every_command_is_in_the_readme() -> None:
    readme = README.read_text("utf-8")
    assert readme.startswith("# kronika") and "make demo" in readme.split("\n\n")[1]
    for name in main.commands:
        assert f"kronika {name}" in readme, f"README does not mention `kronika {name}`"


def test_read_commands_refuse_a_missing_ledger_and_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "brak.db"
    for command in ("claims", "articles", "rejections", "figures", "conflicts", "report"):
        result = CliRunner().invoke(main, [command, "--db", str(missing)])
        assert result.exit_code == 2, (command, result.output)
        assert "no ledger at" in result.output, command
        assert not missing.exists(), command


def test_an_unknown_measure_is_refused_with_the_valid_ones(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert CliRunner().invoke(main, ["ingest", str(_folder(tmp_path)), "--db", str(db)]).exit_code == 0
    for command in ("claims", "figures", "conflicts"):
        result = CliRunner().invoke(main, [command, "--db", str(db), "--measure", "kiled"])
        assert result.exit_code == 2, (command, result.output)
        assert "killed" in result.output and "deployed" in result.output, command


def test_bad_dates_are_refused_naming_the_accepted_forms(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert CliRunner().invoke(main, ["ingest", str(_folder(tmp_path)), "--db", str(db)]).exit_code == 0
    for option, value in (("--since", "2025-13-45"), ("--until", "pojutrze"), ("--since", "31.02.2024")):
        result = CliRunner().invoke(main, ["claims", "--db", str(db), option, value])
        assert result.exit_code == 2, (option, value, result.output)
        assert "accepted forms" in result.output and "września" in result.output, result.output


def test_qualifier_and_modality_are_refused_outside_their_sets(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert CliRunner().invoke(main, ["ingest", str(_folder(tmp_path)), "--db", str(db)]).exit_code == 0
    for option, bad, valid in (("--qualifier", "aprox", "approx"), ("--modality", "rumoured", "reported")):
        result = CliRunner().invoke(main, ["claims", "--db", str(db), option, bad])
        assert result.exit_code == 2 and valid in result.output, result.output
        good = CliRunner().invoke(main, ["claims", "--db", str(db), option, valid, "--format", "json"])
        assert good.exit_code == 0, good.output
        assert all(r[option[2:]] == valid for r in json.loads(good.stdout))


def test_dates_bound_the_claims_by_whole_periods(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert CliRunner().invoke(main, ["ingest", str(_folder(tmp_path)), "--db", str(db)]).exit_code == 0

    def times(*options: str) -> list[str]:
        result = CliRunner().invoke(main, ["claims", "--db", str(db), "--format", "json", *options])
        assert result.exit_code == 0, result.output
        return [(r["reference_time"] or r["published"] or "")[:10] for r in json.loads(result.stdout)]

    every = times()
    dated = [t for t in every if t[:4].isdigit()]
    assert dated
    last = max(dated)
    year, month = last[:4], last[5:7]
    assert times("--until", f"{year}-{month}") == [t for t in dated if t <= f"{year}-{month}-31"]
    assert times("--since", year, "--until", year) == [t for t in dated if t[:4] == year]
    assert times("--until", "1990") == []


ARMY = """Wywiad: Phenian przerzuca kolejne oddziały

Seul, 18 października 2024. Korea Północna wysłała do Rosji około 12 tys. żołnierzy – podał w piątek \
wywiad Korei Południowej. Według analityków w obwodzie kurskim stacjonuje już 3 tys. z nich.
"""


def test_actor_filter_takes_polish_english_and_inflected_names(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    (tmp_path / "armia.txt").write_text(ARMY, "utf-8")
    inputs = [str(_folder(tmp_path)), str(tmp_path / "armia.txt")]
    assert CliRunner().invoke(main, ["ingest", *inputs, "--db", str(db)]).exit_code == 0
    records = json.loads(CliRunner().invoke(main, ["claims", "--db", str(db), "--format", "json"]).stdout)
    expected = [r["mention"] for r in records if r["actor"] == "North Korea"]
    assert expected and len(expected) < len(records)
    for query in ("Korea Północna", "north korea", "Korei Północnej", "NORTH KOREA"):
        result = CliRunner().invoke(main, ["claims", "--db", str(db), "--format", "json", "--actor", query])
        assert [r["mention"] for r in json.loads(result.stdout)] == expected, query
    nobody = CliRunner().invoke(main, ["claims", "--db", str(db), "--format", "json", "--actor", "Korei Południowej"])
    assert json.loads(nobody.stdout) == []
