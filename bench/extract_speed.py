"""Extraction speed per core, as `kronika extract` runs it (whole articles, the language gate, the time
budget), beside morfeusz2 analysing every word of the same text in the same process, in CPU time:

- the corpus of bench/scale_speed.py (the real texts once each, then generated news with redrawn
  figures), undated as plain files are, and dated as feeds are;
- real news that reports figures, each article once (bench.corpus.news_texts): the hardest case, as
  nearly every sentence holds a figure and every article brings new words to analyse.

Also the time layer's share of extraction, the first article's cost (loading the language data, kept
out of the rates) and the peak memory.

    .venv/bin/python bench/extract_speed.py [--mb 1.5]

An earlier version of this script cut 3000-character pieces out of the real texts repeated to 4 MB
and extracted them dated: mostly the sparse KPWr texts (1.2 claims per KB against 5 to 7 in news with
figures; only sentences with a number are analysed), every word's readings cached after the first copy,
and no language gate. It reported about 1,000 KB/s where whole articles run at a third of that.
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import morfeusz2  # noqa: E402

import kronika.assemble as assemble  # noqa: E402
from bench.corpus import news_texts, realistic_articles  # noqa: E402
from kronika.api import extract_guarded  # noqa: E402
from kronika.article import Article  # noqa: E402

WARM_UP = ("Według GUS w 2024 r. w Polsce urodziło się 252 tys. dzieci, o 20 tys. mniej niż rok wcześniej, "
           "podał w środę urząd.")


def cpu(work: Callable[[], object]) -> tuple[object, float]:
    started = time.process_time()
    result = work()
    return result, time.process_time() - started


def measure(label: str, articles: list[Article], analyser: morfeusz2.Morfeusz) -> None:
    kb = sum(len(a.text.encode("utf-8")) for a in articles) / 1000
    words = [w for a in articles for w in re.findall(r"\w+", a.text)]
    _, morphology = cpu(lambda: sum(1 for w in words if analyser.analyse(w)))

    find_times = assemble.find_times  # the time layer's own share, timed at each of its calls
    time_spent = 0.0

    def timed_find_times(*arguments, **keywords):  # type: ignore[no-untyped-def]
        nonlocal time_spent
        started = time.process_time()
        try:
            return find_times(*arguments, **keywords)
        finally:
            time_spent += time.process_time() - started

    assemble.find_times = timed_find_times
    try:
        claims, extraction = cpu(lambda: sum(len(c) for a in articles if isinstance(c := extract_guarded(a), list)))
    finally:
        assemble.find_times = find_times
    print(f"{label}: {len(articles)} articles, {kb:.0f} KB, {claims} claims ({claims / kb:.1f} per KB)")
    print(f"  extract: {kb / extraction:.0f} KB/s, {len(articles) / extraction:.0f} articles/s"
          f" ({extraction:.2f} s CPU); {extraction / morphology:.2f} x morfeusz2's time")
    print(f"  morfeusz2 analysing every word ({len(words)} words): {kb / morphology:.0f} KB/s ({morphology:.2f} s CPU)")
    print(f"  time layer: {time_spent:.2f} s, {100 * time_spent / extraction:.0f} % of extraction")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.5, help="size of the scale_speed corpus")
    args = parser.parse_args()
    texts = realistic_articles(int(args.mb * 1e6))
    undated = [Article(id=f"a{n}", text=t, input=f"a{n}") for n, t in enumerate(texts)]
    news = [Article(id=f"n{n}", text=t, input=f"n{n}") for n, t in enumerate(news_texts())]
    analyser = morfeusz2.Morfeusz()
    _, first = cpu(lambda: extract_guarded(Article(id="warm-up", text=WARM_UP)))
    print(f"first article (loads the language data): {first:.2f} s CPU, kept out of the rates below")

    measure("real news with figures, each once, undated", news, analyser)  # first: no word of it seen yet
    measure("scale_speed corpus, undated", undated, analyser)
    measure("scale_speed corpus, dated (its words now seen once)", [replace(a, published="2025-01-01")
                                                                   for a in undated], analyser)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
