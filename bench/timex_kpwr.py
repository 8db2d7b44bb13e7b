"""Score kronika's time layer on the KPWr TIMEX3 corpus and measure its speed.

    .venv/bin/python bench/timex_kpwr.py ../shared/benchmarks/timex-kpwr/tune.jsonl [--errors]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kronika.timex import find_times
from kronika.timex.score import read_documents, score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a timex-kpwr JSON Lines file")
    parser.add_argument("--errors", action="store_true", help="print every mismatch as JSON Lines")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts for the speed figure")
    args = parser.parse_args()
    if not args.path.is_file():
        print(f"no such file: {args.path} (the benchmarks live in ../shared/benchmarks/)", file=sys.stderr)
        return 2
    documents = read_documents(args.path)
    counts = score(documents, find_times)
    if args.errors:
        for error in counts.errors:
            print(json.dumps(error, ensure_ascii=False))
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    began = time.perf_counter()
    for _ in range(args.repeat):
        for document in documents:
            find_times(document.text, document.published)
    seconds = time.perf_counter() - began
    p, r, f = counts.strict_prf
    print(f"documents {len(documents)}  gold {counts.gold}  predicted {counts.predicted}")
    print(f"strict   P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = counts.relaxed_prf
    print(f"relaxed  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"value accuracy {counts.value_accuracy:.3f}  "
          f"({counts.value_correct}/{counts.valued} matched spans with a gold value)")
    print("relaxed recall by type  " + "  ".join(
        f"{type_} {found}/{gold}" for type_, (gold, found) in sorted(counts.by_type.items())))
    print(f"throughput {size * args.repeat / 1000 / seconds:.0f} KB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
