"""The ledger: a real SQLite file, recorded migrations, WAL, one transaction per article, so a killed
ingest leaves no half article and a rerun finishes the job."""
from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kronika.article import Article
from kronika.claim import Claim
from kronika.ledger import Ledger
from tests.articles import BORDER, generated_article


def test_migrations_are_recorded_once_and_tables_are_plain(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    Ledger(path).close()
    Ledger(path).close()
    connection = sqlite3.connect(path)
    recorded = [row[0] for row in connection.execute("SELECT name FROM migrations ORDER BY name")]
    shipped = sorted(p.name for p in (Path(__file__).parents[1] / "kronika/ledger/migrations").glob("*.sql"))
    assert recorded == shipped and recorded[0] == "0001_initial.sql"
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "claims", "rejections", "migrations"} <= tables


def test_claims_round_trip_with_filters(tmp_path: Path) -> None:
    claim = Claim(article="x", span=(10, 17), mention="3 tys.", value=3000, qualifier="more_than", low=3000,
                  measure="captured", actor="Belarus", source="Straż Graniczna", source_kind="government",
                  reference_time="2024-10", reference_basis="text", published="2024-11-02", sentence=BORDER)
    with Ledger(tmp_path / "k.db") as ledger:
        stored_id = ledger.add_article(Article("x", BORDER, published="2024-11-02"), [claim])
        assert stored_id == "x"
        [back] = ledger.claims(measure="captured")
        assert back == claim
        assert list(ledger.claims(measure="killed")) == []
        assert list(ledger.claims(since="2024-11")) == []
        assert len(list(ledger.claims(since="2024-10"))) == 1


def test_a_failed_article_leaves_nothing_behind(tmp_path: Path) -> None:
    broken = Claim(article="x", span=(0, 1), mention="1", value=None, sentence="")  # type: ignore[arg-type]
    with Ledger(tmp_path / "k.db") as ledger:
        try:
            ledger.add_article(Article("x", BORDER), [broken])
        except sqlite3.IntegrityError:
            pass
        assert ledger.counts() == {"articles": 0, "claims": 0, "rejections": 0}


def test_kill_9_mid_ingest_then_rerun_leaves_exactly_all_articles(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    total = 5000
    for number in range(total):
        (folder / f"a{number:05d}.txt").write_text(generated_article(number), "utf-8")
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "kronika.cli", "ingest", str(folder), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.5)
        stored = _count(db)
        if stored >= 300:
            break
    assert process.poll() is None, "ingest finished before it could be killed: make the corpus larger"
    process.send_signal(signal.SIGKILL)
    process.wait()
    interrupted = _count(db)
    assert 0 < interrupted < total
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == total
    assert connection.execute("SELECT COUNT(DISTINCT article) FROM claims").fetchone()[0] == total
    # No claim without its article, no article twice.
    assert connection.execute(
        "SELECT COUNT(*) FROM claims WHERE article NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    summary = re.search(r"ingested (\d+) articles .*?, (\d+) duplicates", rerun.stderr)
    assert summary, rerun.stderr
    assert (int(summary[1]), int(summary[2])) == (total - interrupted, interrupted)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(db, timeout=1)
        try:
            return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0


_TOWNS = ["Nysie", "Kłodzku", "Opolu", "Raciborzu", "Głuchołazach", "Lądku-Zdroju"]


def _first_ingest(job: tuple[str, int]) -> int:
    """One process's first ingest of two articles of its own into a ledger that may not exist yet."""
    from kronika.api import ingest

    path, k = job
    folder = Path(path).parent / f"in{k}"
    folder.mkdir()
    for n in range(2):
        (folder / f"a{n}.txt").write_text(
            f"W {_TOWNS[k % 6]} ewakuowano {100 + 10 * k + n} mieszkańców z zalanych ulic, podała straż pożarna. "
            f"Na miejscu pracuje {20 + k} zastępów, a kolejne {n + 3} jadą z sąsiednich powiatów.\n", "utf-8")
    with Ledger(path) as ledger:
        return ingest([folder], ledger).ingested


def test_concurrent_first_ingests_into_new_ledgers_all_succeed(tmp_path: Path) -> None:
    """Twelve processes making their first ingest into six new ledgers at once: every one migrates or
    sees the migration done, and every article is stored (before, the applied list was read outside the
    write lock and one died on `table already exists`)."""
    from concurrent.futures import ProcessPoolExecutor

    warm = tmp_path / "warm"
    warm.mkdir()
    _first_ingest((str(warm / "k.db"), 0))  # the forked workers inherit the loaded language models
    jobs = [(str(tmp_path / f"k{k % 6}.db"), k) for k in range(12)]
    with ProcessPoolExecutor(max_workers=12) as pool:
        assert list(pool.map(_first_ingest, jobs)) == [2] * 12
    shipped = sorted(p.name for p in (Path(__file__).parents[1] / "kronika/ledger/migrations").glob("*.sql"))
    for path in {path for path, _ in jobs}:
        connection = sqlite3.connect(path)
        assert [r[0] for r in connection.execute("SELECT name FROM migrations ORDER BY name")] == shipped
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
