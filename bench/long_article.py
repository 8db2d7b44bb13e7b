"""One very long article, extracted as a user runs it: `kronika extract FILE` in a child process, its
wall time, CPU time and peak memory. Two shapes of 10 MB: paragraphs (line breaks) and one single line
(no line break at all). The issue's bound: under 60 s and 300 MB, or refused by the time budget.

    .venv/bin/python bench/long_article.py [--megabytes 10]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import realistic_articles  # noqa: E402

KRONIKA = Path(sys.executable).with_name("kronika")


def run(path: Path) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds, peak MB, claims printed, the last line of standard error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([str(KRONIKA), "extract", str(path)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, after.ru_maxrss / 1024, done.stdout.count("\n"), (done.stderr.strip().splitlines() or [""])[-1]


INGEST = ("import sys; from kronika.cli import main\n"
          "sys.argv = ['kronika', 'ingest', '--jobs', '1', '--db', sys.argv[1], sys.argv[2]]\n"
          "try:\n    main()\nexcept SystemExit:\n    pass\n"
          "import re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])")


def ingest_peak(path: Path, db: Path) -> tuple[float, float, float]:
    """`kronika ingest --jobs 1` of `path`: wall seconds, the ingesting process's own peak MB (a text
    over 1 MB is extracted in a worker process of its own), the children's maximum MB so far."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", INGEST, str(db), str(path)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    own = int(done.stdout.split()[-1]) / 1024 if done.stdout.split() else float("nan")
    return wall, own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10)
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    articles = realistic_articles(size)
    with tempfile.TemporaryDirectory() as folder:
        for shape, joiner in (("paragraphs", "\n\n"), ("one line", " ")):
            text = joiner.join(a.replace("\n", " ") if joiner == " " else a for a in articles)
            path = Path(folder) / "long.txt"
            path.write_bytes(text.encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8"))
            wall, cpu, peak, claims, last = run(path)
            mb = path.stat().st_size / 1e6
            print(f"long article, {shape}: {mb:.1f} MB in {wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak:.0f} MB "
                  f"(children's maximum so far), {claims} claims" + (f"; {last}" if claims == 0 else ""))
            if shape == "paragraphs":
                wall, own, children = ingest_peak(path, Path(folder) / "long.db")
                print(f"  kronika ingest of it: {wall:.1f} s wall, the ingesting process's peak {own:.0f} MB"
                      f" (children's maximum so far, its extraction worker included: {children:.0f} MB)")


if __name__ == "__main__":
    main()
