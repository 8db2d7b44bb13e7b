"""The ingest and extract commands as a shell runs them: standard input, exit codes, refusals."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.articles import BORDER, FLOOD


def _kronika(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kronika.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_extract_reads_standard_input() -> None:
    """`cat a.txt | kronika extract -` used to say "no such file"."""
    done = _kronika("extract", "-", stdin=FLOOD)
    assert done.returncode == 0, done.stderr
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    assert claims and all(claim["published"] == "2024-09-20" for claim in claims)


def test_ingest_reads_jsonl_from_standard_input_and_says_what_it_did(tmp_path: Path) -> None:
    records = "\n".join(json.dumps({"id": name, "text": text}) for name, text in (("a", BORDER), ("b", FLOOD)))
    done = _kronika("ingest", "-", "--stdin-format", "jsonl", "--db", str(tmp_path / "k.db"), stdin=records + "\n")
    assert done.returncode == 0, done.stderr
    assert "2 inputs: ingested 2 articles" in done.stderr


def test_an_ingest_where_nothing_could_be_ingested_exits_1(tmp_path: Path) -> None:
    (tmp_path / "pusty.txt").write_bytes(b"")
    english = "The quick brown fox jumps over the lazy dog, said the newspaper today."
    (tmp_path / "obcy.txt").write_text(english, "utf-8")
    done = _kronika("ingest", str(tmp_path / "pusty.txt"), str(tmp_path / "obcy.txt"), "--db", str(tmp_path / "k.db"))
    assert done.returncode == 1
    assert "nothing could be ingested" in done.stderr
    assert "rejected 1: empty file" in done.stderr


def test_a_rerun_of_the_same_inputs_succeeds_with_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FLOOD, "utf-8")
    db = str(tmp_path / "k.db")
    assert _kronika("ingest", str(tmp_path / "a.txt"), "--db", db).returncode == 0
    again = _kronika("ingest", str(tmp_path / "a.txt"), "--db", db)
    assert again.returncode == 0 and "1 duplicates" in again.stderr


def test_a_published_date_that_is_no_date_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FLOOD, "utf-8")
    done = _kronika("ingest", str(tmp_path / "a.txt"), "--published", "2025-13-45", "--db", str(tmp_path / "k.db"))
    assert done.returncode == 2
    assert "not a date" in done.stderr
    assert not (tmp_path / "k.db").exists()
