"""`ingest --jobs N`: extraction in worker processes, one writer; outcomes in input order and the ledger
identical to one process."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kronika.api import Options, ingest_outcomes
from kronika.ledger import Ledger
from kronika.scale.progress import expected_outcomes
from tests.scale_corpus import ledger_content, mixed_inputs


def _ingest(inputs: Path, db: Path, jobs: int) -> list[tuple[str, str, str, int]]:
    with Ledger(db) as ledger:
        return [(o.input, o.status, o.detail, o.claims) for o in ingest_outcomes([inputs], ledger, Options(jobs=jobs))]


def test_two_jobs_give_the_outcomes_and_the_ledger_of_one(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in")
    one = _ingest(inputs, tmp_path / "one.db", jobs=1)
    two = _ingest(inputs, tmp_path / "two.db", jobs=2)
    assert two == one
    statuses = {status for _, status, _, _ in one}
    assert statuses == {"ingested", "duplicate", "rejected", "skipped"}
    content = ledger_content(tmp_path / "one.db")
    assert len(content["articles"]) == 13 and len(content["claims"]) > 50
    assert ledger_content(tmp_path / "two.db") == content


def test_a_rerun_with_jobs_adds_nothing(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in", articles=6)
    _ingest(inputs, tmp_path / "k.db", jobs=2)
    before = ledger_content(tmp_path / "k.db")
    again = _ingest(inputs, tmp_path / "k.db", jobs=2)
    assert {status for _, status, _, _ in again} == {"duplicate", "rejected", "skipped"}
    after = ledger_content(tmp_path / "k.db")
    assert after["articles"] == before["articles"] and after["claims"] == before["claims"]


def test_the_progress_total_counts_articles_not_files(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in")
    with Ledger(tmp_path / "k.db") as ledger:
        outcomes = list(ingest_outcomes([inputs], ledger, Options()))
    assert expected_outcomes([inputs]) == len(outcomes)
    assert expected_outcomes(["-"]) is None


def test_the_command_line_with_jobs_2_stores_what_jobs_1_stores(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in", articles=8)
    for jobs in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "kronika.cli", "ingest", str(inputs), "--jobs", jobs,
                               "--db", str(tmp_path / f"jobs{jobs}.db")], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "ingested 9 articles" in done.stderr
    assert ledger_content(tmp_path / "jobs2.db") == ledger_content(tmp_path / "jobs1.db")
