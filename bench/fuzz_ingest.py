"""A fuzzed batch, good and bad inputs mixed, ingested three ways: once cleanly, once killed with
SIGKILL at a random moment and run again, and the accounting compared.

    python bench/fuzz_ingest.py [--inputs 10000] [--seed 7] [--work DIR]

Generates a folder of files (Polish articles in UTF-8, cp1250 and ISO-8859-2, UTF-8 with stray bytes,
JSON Lines with good and broken records, HTML good and broken, binary, empty, English, over-size, file
names that are not UTF-8, hidden names, dangling links, a link cycle, a FIFO) and runs the command a
user runs, `kronika ingest DIR --db FILE`, in a subprocess. It checks, and prints:
- every input accounted for: ingested + duplicates + rejected + skipped = inputs (from the summary
  line), and the number of inputs equals the number generated;
- no traceback on stderr; `PRAGMA integrity_check` ok;
- the killed and rerun ledger holds the same articles, claims and open rejections as the clean one.
Exit status 1 when any check fails. Not a test: it takes minutes (see `make fuzz`).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOWNS = ["Nysie", "Kłodzku", "Opolu", "Raciborzu", "Wrocławiu", "Krakowie", "Gdańsku", "Lublinie", "Rzeszowie",
         "Białymstoku", "Toruniu", "Kielcach", "Olsztynie", "Szczecinie", "Zamościu", "Przemyślu"]
SUBJECTS = [("ewakuowano", "mieszkańców"), ("rannych zostało", "osób"), ("zatrzymano", "kierowców"),
            ("zginęło", "osób"), ("do szpitali trafiło", "pacjentów"), ("zaginęło", "turystów")]
SOURCES = ["podała straż pożarna", "poinformowała policja", "przekazał wojewoda", "powiedział rzecznik szpitala",
           "wynika z danych sanepidu", "ogłosił burmistrz"]
QUALIFIERS = ["", "ponad ", "około ", "co najmniej ", "blisko ", "niemal "]
ENGLISH = "The flood forced {n} residents out of their homes in the town, the fire brigade said on Monday."


def _sentence(rng: random.Random) -> str:
    verb, noun = rng.choice(SUBJECTS)
    return (f"W {rng.choice(TOWNS)} {verb} {rng.choice(QUALIFIERS)}{rng.randint(2, 99_999)} {noun}, "
            f"{rng.choice(SOURCES)}.")


def _article(rng: random.Random) -> str:
    head = f" date 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} " if rng.random() < 0.7 else ""
    return head + " ".join(_sentence(rng) for _ in range(rng.randint(1, 5))) + "\n"


def _jsonl(rng: random.Random) -> tuple[bytes, int]:
    """A JSON Lines file and the number of inputs it holds (one per non-blank line)."""
    lines = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.random()
        if kind < 0.55:
            line = json.dumps({"id": f"r{rng.getrandbits(40):x}", "text": _article(rng),
                               "published": f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}, ensure_ascii=False)
        elif kind < 0.65:
            line = '{"text": "W Opolu ewakuowano 40 osób \\ud800, podała straż."}'
        elif kind < 0.75:
            line = json.dumps({"text": _article(rng), "url": ["x"]})
        elif kind < 0.85:
            line = '{"text": "niedomknięty'
        elif kind < 0.92:
            line = json.dumps({"title": "bez tekstu"})
        else:
            line = json.dumps([1, 2, 3])
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8"), len(lines)


def _html(rng: random.Random) -> bytes:
    body = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.3:
        return f"<html><body><div><p>{_sentence(rng)}<table><tr><td>".encode()  # broken, unclosed
    return f"<html><head><title>Powódź</title></head><body><article>{body}</article></body></html>".encode()


def generate(folder: Path, count: int, seed: int) -> int:
    """Writes inputs into `folder` until `count` inputs exist; returns the exact number of inputs."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    inputs = 0
    made: list[bytes] = []
    while inputs < count:
        kind = rng.random()
        name = f"in{inputs:05d}"
        if kind < 0.40:
            data = _article(rng).encode("utf-8")
            made.append(data)
            (folder / f"{name}.txt").write_bytes(data)
        elif kind < 0.44 and made:
            (folder / f"{name}.txt").write_bytes(rng.choice(made))  # a duplicate of an earlier input
        elif kind < 0.48:
            (folder / f"{name}.txt").write_bytes(_article(rng).encode(rng.choice(["cp1250", "iso-8859-2"])))
        elif kind < 0.52:
            data = bytearray(_article(rng).encode("utf-8"))
            data.insert(rng.randrange(len(data)), 0xFF)
            (folder / f"{name}.txt").write_bytes(bytes(data))
        elif kind < 0.62:
            data, records = _jsonl(rng)
            (folder / f"{name}.jsonl").write_bytes(data)
            inputs += records
            continue
        elif kind < 0.70:
            (folder / f"{name}.html").write_bytes(_html(rng))
        elif kind < 0.74:
            (folder / f"{name}.txt").write_bytes(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 400))))
        elif kind < 0.77:
            (folder / f"{name}.txt").write_bytes(b"" if rng.random() < 0.5 else b" \n\t \n")
        elif kind < 0.81:
            (folder / f"{name}.txt").write_text(ENGLISH.format(n=rng.randint(2, 999)), "utf-8")
        elif kind < 0.82:
            (folder / f"{name}.txt").write_bytes(b"W Opolu ewakuowano 40 os\xf3b. " * 8000)  # over --max-bytes
        elif kind < 0.86:
            (folder / (name.encode() + b"-\xff\xfe.txt").decode("utf-8", "surrogateescape")).write_bytes(
                _article(rng).encode("utf-8"))
        elif kind < 0.90:
            (folder / f".{name}.txt").write_text(_article(rng), "utf-8")  # hidden: skipped, counted
        elif kind < 0.93:
            os.symlink(folder / f"missing-{name}.txt", folder / f"{name}.txt")  # dangling link
        elif kind < 0.94:
            os.mkfifo(folder / f"{name}.txt")
        elif kind < 0.97:
            (folder / f"_{name}.txt").write_text(_article(rng), "utf-8")  # `_` names are read
        else:
            sub = folder / f"d{name}"
            sub.mkdir()
            (sub / "a.txt").write_text(_article(rng), "utf-8")
            os.symlink(folder, sub / "loop")  # a link cycle back to the top: skipped, counted
            inputs += 2
            continue
        inputs += 1
    return inputs


_SUMMARY = re.compile(r"(\d+) inputs: ingested (\d+) articles \((\d+) claims\), (\d+) duplicates, (\d+) rejected, "
                      r"(\d+) skipped")


def _command(folder: Path, db: Path) -> list[str]:
    # --max-bytes 100000 makes the over-size inputs cheap to refuse
    return [sys.executable, "-m", "kronika.cli", "ingest", str(folder), "--db", str(db), "--max-bytes", "100000"]


def run(folder: Path, db: Path) -> tuple[dict[str, int], str, float]:
    started = time.perf_counter()
    done = subprocess.run(_command(folder, db), capture_output=True, text=True, errors="replace")
    elapsed = time.perf_counter() - started
    found = _SUMMARY.search(done.stderr + done.stdout)
    if not found:
        raise SystemExit(f"no summary line (exit {done.returncode}):\n{done.stderr[-3000:]}")
    keys = ("inputs", "ingested", "claims", "duplicates", "rejected", "skipped")
    return dict(zip(keys, map(int, found.groups()), strict=True)), done.stderr, elapsed


def killed_run(folder: Path, db: Path, articles: int) -> float:
    """Kills the ingest with SIGKILL once the ledger holds `articles` articles (a moment mid-batch,
    whatever the start-up costs); returns the seconds it ran."""
    started = time.perf_counter()
    process = subprocess.Popen(_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while process.poll() is None:
        time.sleep(0.05)
        if db.exists() and _stored(db) >= articles:
            process.send_signal(signal.SIGKILL)
    process.wait()
    return time.perf_counter() - started


def _stored(db: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:  # not migrated yet, or busy
        return 0


def ledger_state(db: Path) -> dict[str, object]:
    connection = sqlite3.connect(db)
    try:
        return {
            "integrity": connection.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": connection.execute("SELECT count(*) FROM articles").fetchone()[0],
            "claims": connection.execute("SELECT count(*) FROM claims").fetchone()[0],
            "open rejections": connection.execute(
                "SELECT count(DISTINCT input) FROM rejections WHERE resolved_at IS NULL").fetchone()[0],
            "hashes": connection.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0],
        }
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kronika-fuzz-"))
    folder = work / "inputs"
    generated = generate(folder, args.inputs, args.seed)
    print(f"generated {generated} inputs in {folder}")
    failures = []

    clean, stderr, elapsed = run(folder, work / "clean.db")
    print(f"clean run: {clean} in {elapsed:.1f} s ({clean['inputs'] / elapsed:.0f} inputs/s)")
    if "Traceback" in stderr:
        failures.append("a traceback on stderr of the clean run")
    accounted = clean["ingested"] + clean["duplicates"] + clean["rejected"] + clean["skipped"]
    if accounted != clean["inputs"] or clean["inputs"] != generated:
        failures.append(f"accounting: {accounted} outcomes, {clean['inputs']} inputs counted, {generated} made")

    at = int(random.Random(args.seed).uniform(0.2, 0.8) * clean["ingested"])
    ran = killed_run(folder, work / "killed.db", at)
    print(f"killed with SIGKILL after {ran:.1f} s, at {at} articles: {ledger_state(work / 'killed.db')}")
    rerun, stderr, elapsed = run(folder, work / "killed.db")
    print(f"rerun: {rerun} in {elapsed:.1f} s")
    if "Traceback" in stderr:
        failures.append("a traceback on stderr of the rerun")
    if rerun["inputs"] != clean["inputs"] or rerun["rejected"] != clean["rejected"] \
            or rerun["skipped"] != clean["skipped"] \
            or rerun["ingested"] + rerun["duplicates"] != clean["ingested"] + clean["duplicates"]:
        failures.append(f"the rerun's accounting differs from the clean run's: {rerun} vs {clean}")

    states = {name: ledger_state(work / f"{name}.db") for name in ("clean", "killed")}
    for name, state in states.items():
        print(f"{name} ledger: {state}")
        if state["integrity"] != "ok":
            failures.append(f"integrity of the {name} ledger: {state['integrity']}")
    if states["clean"] != states["killed"]:
        failures.append("the killed-and-rerun ledger differs from the clean one")
    for failure in failures:
        print("FAIL:", failure)
    print("every input accounted for; same ledger after kill -9 and rerun" if not failures else "")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
