"""`kronika batch` and `load`: Parquet shards per partition, the claims of `extract`, idempotent reruns
and reloads, DuckDB over the shards, and a Dask LocalCluster that loses a worker mid-run."""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from kronika.api import extract_guarded
from kronika.article import Rejection
from kronika.ingest import read_inputs
from kronika.ledger import Ledger
from kronika.scale.batch import run_batch
from kronika.scale.load import load_shards
from kronika.scale.shards import complete_partitions, read_shards
from tests.scale_corpus import ledger_content, mixed_inputs, varied


def _extracted(inputs: list[Path]) -> list[dict[str, Any]]:
    """What `kronika extract` prints for the inputs."""
    claims: list[dict[str, Any]] = []
    for article in read_inputs(inputs):
        if isinstance(article, Rejection):
            continue
        extracted = extract_guarded(article)
        if not isinstance(extracted, Rejection):
            claims += [claim.to_dict() for claim in extracted]
    return claims


def _sharded(out: Path) -> list[dict[str, Any]]:
    claims = []
    for partition in complete_partitions(out):
        for row in read_shards(out, "claims", partition):
            del row["article_row"], row["content_hash"]
            row["span"] = [row.pop("span_start"), row.pop("span_end")]
            claims.append(row)
    return claims


def _big_jsonl(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "archiwum.jsonl"
    lines = [json.dumps({"id": f"w{n}", "text": text}, ensure_ascii=False) for n, text in enumerate(varied(count, 5))]
    lines.insert(3, "")  # a blank line: record numbers are line numbers, as a whole-file read counts them
    lines.insert(7, "{not json")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_local_batch_writes_the_claims_extract_prints(tmp_path: Path) -> None:
    inputs = [mixed_inputs(tmp_path / "in", articles=8), _big_jsonl(tmp_path / "big", 10)]
    summary = run_batch(inputs, tmp_path / "out", "local", jobs=2, partition_bytes=12_000)
    assert summary.written == summary.partitions > 3
    assert _sharded(tmp_path / "out") == _extracted(inputs)
    rejected = {row["input"] for p in complete_partitions(tmp_path / "out")
                for row in read_shards(tmp_path / "out", "rejections", p)}
    assert str(inputs[1]) + ":8" in rejected  # the malformed line, named as ingest names it
    assert any(name.endswith("english.txt") for name in rejected)


def test_a_rerun_skips_written_partitions_and_a_reload_adds_nothing(tmp_path: Path) -> None:
    inputs = [mixed_inputs(tmp_path / "in", articles=6)]
    out = tmp_path / "out"
    first = run_batch(inputs, out, "local", jobs=1, partition_bytes=8_000)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = run_batch(inputs, out, "local", jobs=1, partition_bytes=8_000)
    assert again.written == 0 and again.already_written == first.partitions
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == stamps
    with Ledger(tmp_path / "k.db") as ledger:
        loaded = load_shards(out, ledger)
        reloaded = load_shards(out, ledger)
    assert loaded.articles == 7 and loaded.duplicates == 1  # the copy inside the batch
    assert reloaded.articles == 0 and reloaded.duplicates == 8


def test_a_loaded_batch_is_the_ledger_ingest_builds(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in", articles=6)
    run_batch([inputs], tmp_path / "out", "local", jobs=1, partition_bytes=8_000)
    with Ledger(tmp_path / "loaded.db") as ledger:
        load_shards(tmp_path / "out", ledger)
    done = subprocess.run([sys.executable, "-m", "kronika.cli", "ingest", str(inputs), "--jobs", "1",
                           "--db", str(tmp_path / "ingested.db")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded, ingested = ledger_content(tmp_path / "loaded.db"), ledger_content(tmp_path / "ingested.db")
    assert loaded["articles"] == ingested["articles"] and loaded["claims"] == ingested["claims"]
    assert {r[1:3] for r in loaded["rejections"]} == {r[1:3] for r in ingested["rejections"]}
    # the load ends as an ingest does: stories, figures and conflicts rebuilt once
    assert _figures(tmp_path / "loaded.db") == _figures(tmp_path / "ingested.db") != ([], [])
    connection = sqlite3.connect(tmp_path / "loaded.db")  # loaded in batches: the search index is whole
    for index in ("articles_fts", "claims_fts"):
        connection.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
    word = max(re.findall(r"\w+", connection.execute("SELECT sentence FROM claims ORDER BY id DESC").fetchone()[0]),
               key=len)
    matched = connection.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", (f'"{word}"',)).fetchall()
    assert max(matched)[0] == connection.execute("SELECT max(id) FROM claims").fetchone()[0]  # the last one too
    connection.close()


def _figures(db: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with Ledger(db) as ledger:
        connection = ledger.connection
        return (connection.execute("SELECT id, measure, claims FROM figures ORDER BY id").fetchall(),
                connection.execute("SELECT story, article FROM story_articles ORDER BY 1, 2").fetchall())


def test_duckdb_queries_the_shards_directly(tmp_path: Path) -> None:
    inputs = [mixed_inputs(tmp_path / "in", articles=6)]
    summary = run_batch(inputs, tmp_path / "out", "local", jobs=1, partition_bytes=8_000)
    out = tmp_path / "out"
    connection = duckdb.connect()
    count, articles = connection.execute(
        f"SELECT count(*), count(DISTINCT a.content_hash) FROM '{out}/claims/*.parquet' c"
        f" JOIN (SELECT DISTINCT content_hash FROM '{out}/articles/*.parquet') a USING (content_hash)"
    ).fetchone() or (0, 0)
    assert count == summary.claims > 0 and articles == 7
    measures = dict(connection.execute(f"SELECT measure, count(*) FROM '{out}/claims/*.parquet' GROUP BY 1").fetchall())
    assert sum(measures.values()) == summary.claims and len(measures) > 2


def test_the_command_line_batch_then_load(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path / "in", articles=4)
    run = [sys.executable, "-m", "kronika.cli"]
    done = subprocess.run([*run, "batch", str(inputs), "--out", str(tmp_path / "out"), "--jobs", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "wrote 1 (6 articles" in done.stderr
    loaded = subprocess.run([*run, "load", str(tmp_path / "out"), "--db", str(tmp_path / "k.db")],
                            capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded 5 articles" in loaded.stderr and "1 already in the ledger" in loaded.stderr


@pytest.fixture(scope="module")
def cluster() -> Any:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_dask_batch_writes_the_claims_extract_prints(tmp_path: Path, cluster: Any) -> None:
    inputs = [mixed_inputs(tmp_path / "in", articles=6), _big_jsonl(tmp_path / "big", 6)]
    summary = run_batch(inputs, tmp_path / "out", "dask", scheduler=cluster.scheduler_address, partition_bytes=10_000)
    assert summary.written == summary.partitions > 2
    assert _sharded(tmp_path / "out") == _extracted(inputs)


def test_a_worker_killed_mid_run_still_stores_every_article_once(tmp_path: Path, cluster: Any) -> None:
    from dask.distributed import Client

    inputs = [_big_jsonl(tmp_path / "big", 40)]
    out = tmp_path / "out"
    done: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: done.update(summary=run_batch(
        inputs, out, "dask", scheduler=cluster.scheduler_address, partition_bytes=4_000)))
    worker.start()
    deadline = time.monotonic() + 60
    while not complete_partitions(out) and time.monotonic() < deadline:
        time.sleep(0.01)
    with Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
        os.kill(sorted(pids.values())[0], signal.SIGKILL)
    killed_with = len(complete_partitions(out))
    worker.join(120)
    summary = done["summary"]
    assert killed_with < summary.partitions  # the kill happened mid-run
    assert len(complete_partitions(out)) == summary.partitions
    with Ledger(tmp_path / "k.db") as ledger:
        load_shards(out, ledger)
        ids = [row["id"] for row in ledger.articles()]
    assert sorted(ids) == sorted(f"w{n}" for n in range(40))
