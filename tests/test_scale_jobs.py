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


def _workers_up_first(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    """Make the workers' start wait until they are up (it runs in the background, and the writer does
    the units itself meanwhile: a small test corpus would be done before they are); the units the
    workers did are listed in the returned list."""
    import kronika.scale.pool as pool

    real_start, real_submit = pool.ExtractionPool._start, pool.ExtractionPool._submit
    sent: list[object] = []

    def start(self: pool.ExtractionPool) -> None:
        real_start(self)
        self._ready.wait()

    def submit(self: pool.ExtractionPool, entry) -> None:  # type: ignore[no-untyped-def]
        real_submit(self, entry)
        sent.append(entry)

    monkeypatch.setattr(pool.ExtractionPool, "_start", start)
    monkeypatch.setattr(pool.ExtractionPool, "_submit", submit)
    return sent


def test_two_jobs_give_the_outcomes_and_the_ledger_of_one(tmp_path: Path, monkeypatch) -> None:
    import kronika.scale.pool as pool

    inputs = mixed_inputs(tmp_path / "in")
    one = _ingest(inputs, tmp_path / "one.db", jobs=1)
    two = _ingest(inputs, tmp_path / "two.db", jobs=2)  # the workers start while the writer reads
    assert two == one
    assert ledger_content(tmp_path / "two.db") == ledger_content(tmp_path / "one.db")
    monkeypatch.setattr(pool, "UNIT_BYTES", 3_000)
    sent = _workers_up_first(monkeypatch)
    assert _ingest(inputs, tmp_path / "workers.db", jobs=2) == one
    assert len(sent) >= 5 and all(entry.future is not None for entry in sent)  # type: ignore[attr-defined]
    statuses = {status for _, status, _, _ in one}
    assert statuses == {"ingested", "duplicate", "rejected", "skipped"}
    content = ledger_content(tmp_path / "one.db")
    assert len(content["articles"]) == 13 and len(content["claims"]) > 50
    assert ledger_content(tmp_path / "workers.db") == content


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


def _units_of(inputs: Path, max_bytes: int = 10_000_000) -> list[object]:
    from kronika.scale.pool import input_units

    return list(input_units([inputs], None, max_bytes))


def test_inputs_are_cut_into_units_in_order_and_read_alike_in_a_worker(tmp_path: Path, monkeypatch) -> None:
    import kronika.scale.pool as pool
    from kronika.ingest.paths import FileInput, expand_paths
    from kronika.ingest.readers import read_input

    inputs = mixed_inputs(tmp_path / "in")
    monkeypatch.setattr(pool, "UNIT_BYTES", 3_000)  # a unit of a file or two, of a few JSON Lines records
    units = _units_of(inputs)
    assert sum(isinstance(u, pool.Unit) and bool(u.lines) for u in units) >= 2
    assert sum(isinstance(u, pool.Unit) and bool(u.files) for u in units) >= 2
    read = []
    for unit in units:
        if isinstance(unit, pool.Unit):
            read += [r for r, _ in pool.unit_results(unit, Options(), seen=lambda _: True)]
        elif not isinstance(unit, pool.Skipped):
            read.append(unit)
    expected = [result for item in expand_paths([inputs]) if not isinstance(item, pool.Skipped)
                for result in (read_input(item) if isinstance(item, FileInput) else [item])]
    assert [getattr(r, "input", None) for r in read] == [getattr(r, "input", None) for r in expected]
    assert [getattr(r, "text", None) for r in read if not isinstance(r, pool.Rejection)] == [
        r.text for r in expected if not isinstance(r, pool.Rejection)]


def test_many_units_and_a_failed_worker_still_give_the_ledger_of_one_job(tmp_path: Path, monkeypatch) -> None:
    from concurrent.futures import Future

    import kronika.scale.pool as pool

    inputs = mixed_inputs(tmp_path / "in")
    one = _ingest(inputs, tmp_path / "one.db", jobs=1)
    monkeypatch.setattr(pool, "UNIT_BYTES", 3_000)
    _workers_up_first(monkeypatch)
    real = pool.ExtractionPool._submit
    submitted = []

    def failing_third(self: pool.ExtractionPool, entry) -> None:  # type: ignore[no-untyped-def]
        submitted.append(entry)
        if len(submitted) == 3:
            entry.future = Future()
            entry.future.set_exception(RuntimeError("worker killed"))
        else:
            real(self, entry)

    monkeypatch.setattr(pool.ExtractionPool, "_submit", failing_third)
    assert _ingest(inputs, tmp_path / "two.db", jobs=2) == one
    assert len(submitted) > 3
    assert ledger_content(tmp_path / "two.db") == ledger_content(tmp_path / "one.db")


def test_a_worker_does_not_extract_what_the_ledger_holds(tmp_path: Path) -> None:
    import kronika.scale.pool as pool

    inputs = mixed_inputs(tmp_path / "in")
    _ingest(inputs, tmp_path / "k.db", jobs=1)
    units = [u for u in _units_of(inputs) if isinstance(u, pool.Unit)]
    done = [pair for unit in units for pair in pool.work_unit(unit, Options(), str(tmp_path / "k.db"))]
    articles = [(r, ahead) for r, ahead in done if isinstance(r, pool.Article)]
    refused = [r.input for r, ahead in articles if ahead is not None]  # not in English, so not in the ledger
    assert len(articles) == 15 and refused == [str(inputs / "english.txt")]
    fresh = [ahead for unit in units for _, ahead in pool.work_unit(unit, Options(), str(tmp_path / "none.db"))]
    # a new ledger: every article is extracted, but the second copy of one text in a unit
    assert [isinstance(ahead.extracted, list) for ahead in fresh if ahead is not None].count(True) == 13


def test_a_very_long_text_is_extracted_in_a_process_of_its_own_with_the_same_result(tmp_path: Path,
                                                                                    monkeypatch) -> None:
    import kronika.scale.pool as pool

    inputs = mixed_inputs(tmp_path / "in", articles=4)
    here = _ingest(inputs, tmp_path / "here.db", jobs=1)
    monkeypatch.setattr(pool, "ISOLATE_CHARS", 300)  # every article counts as very long
    real = pool.ExtractionPool._isolated
    isolated = []

    def counted(self: pool.ExtractionPool, article: pool.Article) -> pool.Ahead | None:
        ahead = real(self, article)
        isolated.append(ahead is not None)
        return ahead

    monkeypatch.setattr(pool.ExtractionPool, "_isolated", counted)
    assert _ingest(inputs, tmp_path / "apart.db", jobs=1) == here
    assert len(isolated) >= 5 and all(isolated)
    assert ledger_content(tmp_path / "apart.db") == ledger_content(tmp_path / "here.db")


KILLED_WITH_WORKERS = """
import os, signal, sys
import kronika.api as api
import kronika.scale.pool as pool
from kronika.ledger import Ledger
real_start, real_submit = pool.ExtractionPool._start, pool.ExtractionPool._submit
def start(self):
    real_start(self)
    self._ready.wait()
def submit(self, entry):
    real_submit(self, entry)
    with open(sys.argv[3], "w") as out:
        out.write(" ".join(map(str, self._executor._processes)))
pool.ExtractionPool._start, pool.ExtractionPool._submit = start, submit
pool.UNIT_BYTES = 2000
with Ledger(sys.argv[1]) as ledger:
    for number, outcome in enumerate(api.ingest_outcomes([sys.argv[2]], ledger, api.Options(jobs=2)), 1):
        if number == 3:
            os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_workers_of_a_killed_writer_end_too(tmp_path: Path) -> None:
    import time

    inputs = mixed_inputs(tmp_path / "in")
    done = subprocess.run([sys.executable, "-c", KILLED_WITH_WORKERS, str(tmp_path / "k.db"), str(inputs),
                           str(tmp_path / "workers")], capture_output=True, timeout=60)
    assert done.returncode == -9, done.stderr
    workers = [int(pid) for pid in (tmp_path / "workers").read_text().split()]
    assert len(workers) == 2
    deadline = time.monotonic() + 15
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(_running, workers))
