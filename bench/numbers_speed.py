"""Speed of find_numbers over a few MB of Polish text, beside morfeusz2 analysing every word of it.

    .venv/bin/python bench/numbers_speed.py [--megabytes 3]

Text: the KPWr timex documents and the sample articles from ../shared (read at run time, never
copied into the project), repeated up to the requested size.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from kronika.numbers import find_numbers

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def polish_texts(shared: Path) -> list[str]:
    texts = []
    for path in sorted((shared / "benchmarks" / "timex-kpwr").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    texts += [path.read_text(encoding="utf-8") for path in sorted((shared / "seeds").glob("*.txt"))]
    return texts


def corpus(texts: list[str], megabytes: float) -> list[str]:
    """The texts repeated until they add up to `megabytes` of UTF-8."""
    out: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
    return out


def rate(label: str, texts: list[str], work) -> float:
    size = sum(len(text.encode("utf-8")) for text in texts)
    started = time.perf_counter()
    count = sum(work(text) for text in texts)
    elapsed = time.perf_counter() - started
    kb_per_s = size / 1000 / elapsed
    print(f"{label:<34} {size / 1e6:6.2f} MB in {elapsed:6.2f} s = {kb_per_s:9.0f} KB/s ({count} items)")
    return kb_per_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=3.0)
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(f"{SHARED} not present: nothing to measure", file=sys.stderr)
        return 1
    texts = corpus(polish_texts(SHARED), args.megabytes)
    find_numbers("rozgrzewka: 5 tys.")  # load data and compile patterns outside the timing
    rate("find_numbers", texts, lambda text: len(find_numbers(text)))

    import morfeusz2

    morfeusz = morfeusz2.Morfeusz()
    words = re.compile(r"\w+")
    rate(
        "morfeusz2.analyse, word by word",
        texts,
        lambda text: sum(len(morfeusz.analyse(word)) for word in words.findall(text)),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
