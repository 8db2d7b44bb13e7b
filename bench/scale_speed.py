"""Throughput on realistic Polish news, in one run: extract and ingest per core (KB/s, articles/s),
morfeusz2 analysing every word of the same text, peak memory, `ingest --jobs 2` speed-up, and
`kronika batch` on a Dask LocalCluster with 1 and 2 workers (with shard sizes and load time).

Each `ingest` runs in a process of its own, as the command does: timed in this process after `extract`
had read the same corpus, `--jobs 1` found every cache warm while the workers of `--jobs 2` start cold,
which understated the speed-up (that figure is still printed, last, for comparison). Each is run
`--repeat` times (default 3), alternately, and the fastest counts: other work on the machine only ever
slows a run down.

    .venv/bin/python bench/scale_speed.py [--mb 1.5]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import morfeusz2  # noqa: E402

from bench.corpus import real_texts, realistic_articles  # noqa: E402
from kronika.api import Options, extract_guarded, ingest  # noqa: E402
from kronika.article import Article  # noqa: E402
from kronika.ledger import Ledger  # noqa: E402
from kronika.scale.batch import run_batch  # noqa: E402
from kronika.scale.load import load_shards  # noqa: E402
from kronika.scale.pool import ExtractionPool  # noqa: E402


def peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status)[1]) / 1024  # type: ignore[index]


def fresh_ingest_peak(inputs: Path, db: Path) -> float:
    """Peak memory (VmHWM) of a new process ingesting `inputs` with one job."""
    script = ("import sys; from kronika.cli import main; sys.argv = ['kronika', 'ingest', '--jobs', '1', '--db', "
              f"{str(db)!r}, {str(inputs)!r}]\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "import re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def fresh_ingest(inputs: Path, db: Path, jobs: int) -> dict:  # type: ignore[type-arg]
    """`ingest` with `jobs` timed in a new process, as `kronika ingest` runs: no cache warm from an
    earlier extraction of the same text in this one (which flattered `--jobs 1` beside the workers,
    which start from the fork server's short warm-up). The imports are outside the timing."""
    done = subprocess.run([sys.executable, __file__, "--child", str(jobs), str(inputs), str(db)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def best_ingests(inputs: Path, root: Path, repeat: int) -> dict[int, dict]:  # type: ignore[type-arg]
    """For `--jobs 1` and `--jobs 2`, the fastest of `repeat` fresh ingests, each into a new ledger, the
    two alternating: on a machine that other work shares, the slower runs measure that work, and a
    burst of it falls on both."""
    runs: dict[int, list[dict]] = {1: [], 2: []}  # type: ignore[type-arg]
    for n in range(repeat):
        for jobs, done in runs.items():
            done.append(fresh_ingest(inputs, root / f"jobs{jobs}-{n}.db", jobs))
    return {jobs: min(done, key=lambda run: run["seconds"]) for jobs, done in runs.items()}


def child(jobs: int, inputs: Path, db: Path) -> None:
    """The process of `fresh_ingest`: one ingest, its figures as a JSON line."""
    _count_worker_cpu()
    with Ledger(db) as ledger:
        cpu = time.process_time()
        summary, elapsed = timed(lambda: ingest([inputs], ledger, options=Options(jobs=jobs)))
        cpu = time.process_time() - cpu
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "ingested": summary.ingested, "claims": summary.claims,
                      "workers": WORKER_CPU}))


def timed(work):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


WORKER_CPU: list[float] = []  # CPU seconds of each worker process of the last ingest, read before they end


def _count_worker_cpu() -> None:
    """Read each worker's CPU time as the ingest's pool shuts down (the workers are the fork server's
    children, not this process's: their time is not in RUSAGE_CHILDREN)."""
    real_exit = ExtractionPool.__exit__

    def exit_counting(self: ExtractionPool, *args: object) -> None:
        if self._starter is not None:
            self._starter.join()
        if self._executor is not None:
            WORKER_CPU[:] = [_cpu_seconds(pid) for pid in self._executor._processes]  # noqa: SLF001
        real_exit(self, *args)

    ExtractionPool.__exit__ = exit_counting  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.5)
    parser.add_argument("--repeat", type=int, default=3, help="ingests per --jobs value; the fastest counts")
    parser.add_argument("--child", nargs=3, metavar=("JOBS", "INPUTS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]), Path(args.child[2]))
        return
    texts = realistic_articles(int(args.mb * 1e6))
    real = len(real_texts())
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    print(f"corpus: {len(texts)} articles, {kb:.0f} KB ({real} real texts once each, the rest generated news);"
          f" load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        inputs = root / "articles.jsonl"
        inputs.write_text("\n".join(json.dumps({"id": f"a{n}", "text": t}, ensure_ascii=False)
                                    for n, t in enumerate(texts)) + "\n", "utf-8")

        analyser = morfeusz2.Morfeusz()
        words = [w for t in texts for w in re.findall(r"\w+", t)]
        _, morphology = timed(lambda: sum(1 for w in words if analyser.analyse(w)))
        print(f"morfeusz2 analysing every word ({len(words)} words): {kb / morphology:.0f} KB/s ({morphology:.2f} s)")

        articles = [Article(id=f"a{n}", text=t, input=f"a{n}") for n, t in enumerate(texts)]
        cpu = time.process_time()
        claims, extraction = timed(lambda: sum(len(c) for a in articles if isinstance(c := extract_guarded(a), list)))
        extract_cpu = time.process_time() - cpu
        print(f"extract: {kb / extraction:.0f} KB/s, {len(texts) / extraction:.0f} articles/s ({claims} claims,"
              f" {extraction:.2f} s, {extract_cpu:.2f} s of CPU); {extraction / morphology:.2f} x morfeusz2's time")

        results = best_ingests(inputs, root, args.repeat)
        for jobs, run in results.items():
            elapsed = run["seconds"]
            print(f"ingest --jobs {jobs} (a fresh process, best of {args.repeat}): {kb / elapsed:.0f} KB/s,"
                  f" {run['ingested'] / elapsed:.0f} articles/s ({run['ingested']} articles, {run['claims']} claims,"
                  f" {elapsed:.2f} s)"
                  + (f"; {elapsed / morphology:.2f} x morfeusz2's time; {elapsed / extraction:.2f} x extract's;"
                     f" {run['cpu']:.2f} s of CPU, {run['cpu'] / extract_cpu:.2f} x extract's" if jobs == 1 else
                     f"; the writer process used {run['cpu']:.2f} s of CPU, the workers"
                     f" {' + '.join(f'{w:.2f}' for w in run['workers']) or 'none'} s"))
        print(f"ingest --jobs 2 speed-up: {results[1]['seconds'] / results[2]['seconds']:.2f}x;"
              f" load average {os.getloadavg()[0]:.2f}")
        with Ledger(root / "warm.db") as ledger:  # how the bench measured before: caches warm from extract
            _, warm = timed(lambda: ingest([inputs], ledger, options=Options(jobs=1)))
        print(f"ingest --jobs 1 in this process, after extract: {kb / warm:.0f} KB/s ({warm:.2f} s; every word's"
              " readings and the other caches warm from extracting the same corpus)")
        print(f"peak memory of this process (the corpus, extract and both ingests): {peak_mb():.0f} MB;"
              f" of a fresh `kronika ingest --jobs 1` process: {fresh_ingest_peak(inputs, root / 'fresh.db'):.0f} MB")

        for workers in (1, 2):
            out = root / f"shards{workers}"
            batch, elapsed = timed(lambda: run_batch([inputs], out, "dask", jobs=workers,  # noqa: B023
                                                     partition_bytes=250_000))
            shard_mb = sum(p.stat().st_size for p in out.rglob("*.parquet")) / 1e6
            print(f"batch --engine dask, LocalCluster of {workers}: {kb / elapsed:.0f} KB/s,"
                  f" {batch.articles / elapsed:.0f} articles/s ({batch.partitions} partitions, {elapsed:.2f} s with"
                  f" cluster start); shards {shard_mb:.2f} MB ({1000 * shard_mb / kb:.2f} MB per MB of input)")
        with Ledger(root / "loaded.db") as ledger:
            loaded, elapsed = timed(lambda: load_shards(root / "shards2", ledger))
        print(f"load: {loaded.articles} articles, {loaded.claims} claims in {elapsed:.2f} s"
              f" ({loaded.articles / elapsed:.0f} articles/s, wire copies linked on the way)")


if __name__ == "__main__":
    main()
