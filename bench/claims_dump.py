"""Dump the claims `kronika extract` gives for the test corpora, the seeds and the benchmark corpus, one
JSON object a line, so a change meant to be perf-only can be checked to change no claim:

    .venv/bin/python bench/claims_dump.py /tmp/before.jsonl
    ... change ...
    .venv/bin/python bench/claims_dump.py /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

The benchmark corpus is extracted both undated (as `bench/scale_speed.py` runs it) and dated (as
`bench/extract_speed.py` does), since the two read times differently.
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import SHARED, realistic_articles  # noqa: E402
from kronika.api import extract_guarded  # noqa: E402
from kronika.article import Article, Rejection  # noqa: E402
from kronika.ingest import read_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FILES = ("tests/corpus/*/*.txt",)  # every corpus: news_dev, dev_articles, the stories and blind stories


def _lines(article: Article) -> list[str]:
    found = extract_guarded(article)
    if isinstance(found, Rejection):
        return [json.dumps({"input": article.input, "rejected": found.reason}, ensure_ascii=False)]
    return [json.dumps(claim.to_dict(), ensure_ascii=False, sort_keys=True) for claim in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=1.5, help="size of the benchmark corpus")
    args = parser.parse_args()
    paths = [p for pattern in FILES for p in sorted(glob.glob(str(ROOT / pattern)))]
    paths += sorted(glob.glob(str(SHARED / "seeds" / "*.txt")))
    lines: list[str] = []
    for result in read_inputs(tuple(paths), 10_000_000):
        if isinstance(result, Rejection):
            lines.append(json.dumps({"input": result.input, "rejected": result.reason}, ensure_ascii=False))
        else:
            lines += _lines(result)
    for n, text in enumerate(realistic_articles(int(args.mb * 1e6))):
        article = Article(id=f"a{n}", text=text, input=f"a{n}")
        lines += _lines(article)
        lines += _lines(replace(article, id=f"d{n}", input=f"d{n}", published="2025-01-01"))
    args.out.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} lines written to {args.out}")


if __name__ == "__main__":
    main()
